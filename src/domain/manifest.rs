//! The manifest of an archived meeting's files: one line per file, the SHA-256 of its
//! bytes in lowercase hex, two spaces, its path relative to the archive folder — the
//! format of `sha256sum`, so `sha256sum -c MANIFEST` checks it without this program
//! (R7.4; R8.1 materials kept safe: a changed byte shows).
//!
//! Paths use `/`, are relative, and have no `.`/`..` parts, no empty parts, no line
//! breaks and no backslashes (which `sha256sum` would escape).
use std::collections::BTreeMap;
use std::fmt;

use sha2::{Digest, Sha256};

/// A SHA-256 digest.
pub type Hash = [u8; 32];

/// One file of the manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub hash: Hash,
    pub path: String,
}

/// Files and their digests, sorted by path, each path once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Manifest {
    lines: Vec<Line>,
}

/// Why a path cannot be in a manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathProblem {
    Empty,
    Absolute,
    /// An empty, "." or ".." part.
    BadPart,
    /// A line break, carriage return, backslash or other control character.
    BadChar,
}

/// Why a manifest could not be built or read. `line` is 1-based.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ManifestError {
    BadPath {
        line: usize,
        path: String,
        problem: PathProblem,
    },
    /// Not `<64 hex digits>  <path>`.
    BadLine { line: usize },
    /// The same path twice.
    Duplicate { line: usize, path: String },
}

impl fmt::Display for ManifestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BadPath {
                line,
                path,
                problem,
            } => write!(f, "line {line}: bad path {path:?} ({problem:?})"),
            Self::BadLine { line } => {
                write!(f, "line {line}: not \"<sha256 hex>  <path>\"")
            }
            Self::Duplicate { line, path } => write!(f, "line {line}: {path:?} listed twice"),
        }
    }
}

impl std::error::Error for ManifestError {}

/// Is `path` fit for a manifest (relative, `/`-separated, no tricks)?
pub fn check_path(path: &str) -> Result<(), PathProblem> {
    if path.is_empty() {
        return Err(PathProblem::Empty);
    }
    if path.starts_with('/') {
        return Err(PathProblem::Absolute);
    }
    if path.chars().any(|c| c == '\\' || c.is_control()) {
        return Err(PathProblem::BadChar);
    }
    if path
        .split('/')
        .any(|part| part.is_empty() || part == "." || part == "..")
    {
        return Err(PathProblem::BadPart);
    }
    Ok(())
}

/// The SHA-256 of some bytes.
pub fn digest(bytes: &[u8]) -> Hash {
    Sha256::digest(bytes).into()
}

/// Lowercase hex of a digest.
pub fn hex(hash: &Hash) -> String {
    hash.iter().map(|b| format!("{b:02x}")).collect()
}

fn parse_hex(s: &str) -> Option<Hash> {
    if s.len() != 64 || !s.is_ascii() {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

/// One difference between a manifest and the files found.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Discrepancy {
    /// Listed, found, and its bytes differ.
    Changed(String),
    /// Listed, not found.
    Missing(String),
    /// Found, not listed.
    Extra(String),
}

impl Discrepancy {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Changed(_) => "changed",
            Self::Missing(_) => "missing",
            Self::Extra(_) => "extra",
        }
    }

    pub fn path(&self) -> &str {
        match self {
            Self::Changed(p) | Self::Missing(p) | Self::Extra(p) => p,
        }
    }
}

impl Manifest {
    /// The manifest of some files, given as (relative path, bytes). Errors name the
    /// 1-based place of the offending file in the input.
    pub fn build<'a, I>(files: I) -> Result<Self, ManifestError>
    where
        I: IntoIterator<Item = (&'a str, &'a [u8])>,
    {
        Self::from_hashes(files.into_iter().map(|(p, b)| (p, digest(b))))
    }

    /// As [`Manifest::build`], from digests already taken.
    pub fn from_hashes<'a, I>(files: I) -> Result<Self, ManifestError>
    where
        I: IntoIterator<Item = (&'a str, Hash)>,
    {
        let mut by_path: BTreeMap<String, Hash> = BTreeMap::new();
        for (i, (path, hash)) in files.into_iter().enumerate() {
            let line = i + 1;
            check_path(path).map_err(|problem| ManifestError::BadPath {
                line,
                path: path.to_string(),
                problem,
            })?;
            if by_path.insert(path.to_string(), hash).is_some() {
                return Err(ManifestError::Duplicate {
                    line,
                    path: path.to_string(),
                });
            }
        }
        Ok(Self {
            lines: by_path
                .into_iter()
                .map(|(path, hash)| Line { hash, path })
                .collect(),
        })
    }

    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// The text of the manifest: `<hex>  <path>\n` per file, sorted by path.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for l in &self.lines {
            out.push_str(&hex(&l.hash));
            out.push_str("  ");
            out.push_str(&l.path);
            out.push('\n');
        }
        out
    }

    /// Read a manifest written by [`Manifest::to_text`] or by `sha256sum` (text mode
    /// "  " or binary mode " *"). Empty lines are skipped; any other line that is not a
    /// digest and a path is an error naming its line.
    pub fn parse(text: &str) -> Result<Self, ManifestError> {
        let mut by_path: BTreeMap<String, Hash> = BTreeMap::new();
        for (i, raw) in text.split('\n').enumerate() {
            let line = i + 1;
            let l = raw.strip_suffix('\r').unwrap_or(raw);
            if l.is_empty() {
                continue;
            }
            let (hash, path) = match (l.get(..64), l.get(64..66), l.get(66..)) {
                (Some(h), Some("  " | " *"), Some(p)) => (h, p),
                _ => return Err(ManifestError::BadLine { line }),
            };
            let hash = parse_hex(hash).ok_or(ManifestError::BadLine { line })?;
            check_path(path).map_err(|problem| ManifestError::BadPath {
                line,
                path: path.to_string(),
                problem,
            })?;
            if by_path.insert(path.to_string(), hash).is_some() {
                return Err(ManifestError::Duplicate {
                    line,
                    path: path.to_string(),
                });
            }
        }
        Ok(Self {
            lines: by_path
                .into_iter()
                .map(|(path, hash)| Line { hash, path })
                .collect(),
        })
    }

    /// Compare with the files found (relative path → bytes): every file that changed or
    /// is missing, and every file found that is not listed, sorted by kind then path.
    /// Empty when everything matches.
    pub fn verify(&self, found: &BTreeMap<String, Vec<u8>>) -> Vec<Discrepancy> {
        let hashes: BTreeMap<String, Hash> =
            found.iter().map(|(p, b)| (p.clone(), digest(b))).collect();
        self.verify_hashes(&hashes)
    }

    /// As [`Manifest::verify`], from digests already taken.
    pub fn verify_hashes(&self, found: &BTreeMap<String, Hash>) -> Vec<Discrepancy> {
        let mut out = Vec::new();
        for l in &self.lines {
            match found.get(&l.path) {
                None => out.push(Discrepancy::Missing(l.path.clone())),
                Some(h) if *h != l.hash => out.push(Discrepancy::Changed(l.path.clone())),
                Some(_) => {}
            }
        }
        for path in found.keys() {
            if !self.lines.iter().any(|l| &l.path == path) {
                out.push(Discrepancy::Extra(path.clone()));
            }
        }
        out.sort();
        out
    }
}
