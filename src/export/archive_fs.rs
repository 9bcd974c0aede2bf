//! An archived meeting's files on disk (R7.4): write them with their manifest, read them
//! back, verify them against it.
//!
//! The archive holds official papers (R8.1 "防止丢失和泄密"), so: files are written
//! owner-only (0600) and folders the program creates owner-only (0700); each file is
//! written to a new temporary file, synced and renamed into place, so a crash leaves the
//! old file or the new one, never half of one; and symbolic links are never followed —
//! not when writing (a link where a folder or file should be is refused), not when
//! reading (a link is reported, not read).
use std::collections::BTreeMap;
use std::fs::{self, DirBuilder, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use crate::domain::manifest::{self, Discrepancy, Manifest, ManifestError, PathProblem};

/// The manifest's file name inside an archive folder.
pub const MANIFEST_NAME: &str = "MANIFEST.sha256";

#[derive(Debug, thiserror::Error)]
pub enum ArchiveFsError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// A link, or a file where a folder should be (or the reverse): never followed or
    /// replaced.
    #[error("{path}: is a symbolic link or of the wrong kind; refusing to follow or replace it")]
    NotPlain { path: PathBuf },
    #[error("bad path {path:?}: {problem:?}")]
    BadPath { path: String, problem: PathProblem },
    #[error("{MANIFEST_NAME}: {0}")]
    Manifest(#[from] ManifestError),
}

fn io_at(path: &Path) -> impl FnOnce(io::Error) -> ArchiveFsError + '_ {
    move |source| ArchiveFsError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The files found under a folder.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Tree {
    /// Regular files: relative path ('/'-separated) → bytes.
    pub files: BTreeMap<String, Vec<u8>>,
    /// Symbolic links, special files and names that are not UTF-8: not read.
    pub skipped: Vec<String>,
}

/// Make sure `dir` is a real folder (creating it owner-only if missing), never a link.
fn ensure_dir(dir: &Path) -> Result<(), ArchiveFsError> {
    match fs::symlink_metadata(dir) {
        Ok(m) if m.file_type().is_dir() => Ok(()),
        Ok(_) => Err(ArchiveFsError::NotPlain {
            path: dir.to_path_buf(),
        }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if let Some(parent) = dir.parent()
                && !parent.as_os_str().is_empty()
            {
                ensure_dir(parent)?;
            }
            DirBuilder::new()
                .mode(0o700)
                .create(dir)
                .map_err(io_at(dir))
        }
        Err(e) => Err(io_at(dir)(e)),
    }
}

/// Write one file owner-only via a temporary file and a rename, flushed to the disk.
fn write_file(root: &Path, rel: &str, bytes: &[u8]) -> Result<(), ArchiveFsError> {
    write_file_as(root, rel, bytes, true)
}

/// Write one file owner-only via a temporary file and a rename; `durable`: flush it and
/// its folder to the disk before returning (else the caller syncs many at once).
fn write_file_as(
    root: &Path,
    rel: &str,
    bytes: &[u8],
    durable: bool,
) -> Result<(), ArchiveFsError> {
    manifest::check_path(rel).map_err(|problem| ArchiveFsError::BadPath {
        path: rel.to_string(),
        problem,
    })?;
    let target = root.join(rel);
    let parent = target.parent().unwrap_or(root);
    // Every folder on the way must be a real folder under `root`.
    let mut dir = root.to_path_buf();
    let parts: Vec<&str> = rel.split('/').collect();
    if let Some((_, folders)) = parts.split_last() {
        for part in folders {
            dir.push(part);
            ensure_dir(&dir)?;
        }
    }
    if let Ok(m) = fs::symlink_metadata(&target)
        && !m.file_type().is_file()
    {
        return Err(ArchiveFsError::NotPlain { path: target });
    }
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = parent.join(format!(".{name}.tmp{}", std::process::id()));
    let result = (|| {
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW)
            .open(&tmp)?;
        f.write_all(bytes)?;
        if durable {
            f.sync_all()?;
        }
        fs::rename(&tmp, &target)?;
        if durable {
            File::open(parent)?.sync_all()?;
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(io_at(&target))
}

/// Write the files under `root` (created owner-only if missing) and their manifest as
/// [`MANIFEST_NAME`]. Returns the manifest written.
pub fn write_archive(root: &Path, files: &[(String, Vec<u8>)]) -> Result<Manifest, ArchiveFsError> {
    if files.iter().any(|(p, _)| p == MANIFEST_NAME) {
        return Err(ArchiveFsError::BadPath {
            path: MANIFEST_NAME.to_string(),
            problem: PathProblem::BadPart,
        });
    }
    let m = Manifest::build(files.iter().map(|(p, b)| (p.as_str(), b.as_slice())))?;
    ensure_dir(root)?;
    for (path, bytes) in files {
        write_file_as(root, path, bytes, false)?;
    }
    // Every paper on the disk at once (one sync, not two per file: a year is hundreds of
    // files), then the manifest: a manifest on the disk vouches for papers on the disk.
    sync_filesystem(root).map_err(io_at(root))?;
    write_file(root, MANIFEST_NAME, m.to_text().as_bytes())?;
    Ok(m)
}

/// Flush everything written on the file system that holds `dir` (syncfs(2)).
fn sync_filesystem(dir: &Path) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let d = File::open(dir)?;
    // SAFETY: a valid open descriptor for the duration of the call.
    if unsafe { libc::syncfs(d.as_raw_fd()) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

fn read_no_follow(path: &Path) -> io::Result<Vec<u8>> {
    let mut f = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW)
        .open(path)?;
    let mut out = Vec::new();
    f.read_to_end(&mut out)?;
    Ok(out)
}

fn walk(root: &Path, rel: &str, tree: &mut Tree) -> Result<(), ArchiveFsError> {
    let dir = if rel.is_empty() {
        root.to_path_buf()
    } else {
        root.join(rel)
    };
    let mut entries: Vec<fs::DirEntry> = fs::read_dir(&dir)
        .map_err(io_at(&dir))?
        .collect::<Result<_, _>>()
        .map_err(io_at(&dir))?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name();
        let Some(name) = name.to_str() else {
            tree.skipped
                .push(format!("{rel}/{}", name.to_string_lossy()));
            continue;
        };
        let child = if rel.is_empty() {
            name.to_string()
        } else {
            format!("{rel}/{name}")
        };
        // `file_type` of a directory entry does not follow links.
        let kind = e.file_type().map_err(io_at(&e.path()))?;
        if kind.is_dir() {
            walk(root, &child, tree)?;
        } else if kind.is_file() {
            let bytes = read_no_follow(&e.path()).map_err(io_at(&e.path()))?;
            tree.files.insert(child, bytes);
        } else {
            tree.skipped.push(child);
        }
    }
    Ok(())
}

/// Every regular file under `root`, by relative path; links and special files are
/// listed as skipped and not read. `root` itself must be a real folder.
pub fn read_tree(root: &Path) -> Result<Tree, ArchiveFsError> {
    match fs::symlink_metadata(root) {
        Ok(m) if m.file_type().is_dir() => {}
        Ok(_) => {
            return Err(ArchiveFsError::NotPlain {
                path: root.to_path_buf(),
            });
        }
        Err(e) => return Err(io_at(root)(e)),
    }
    let mut tree = Tree::default();
    walk(root, "", &mut tree)?;
    Ok(tree)
}

/// Check an archive folder against its [`MANIFEST_NAME`]: every file changed, missing
/// or extra (a link or special file counts as extra, or as missing where a file is
/// listed). Empty when the folder is as filed.
pub fn verify_dir(root: &Path) -> Result<Vec<Discrepancy>, ArchiveFsError> {
    let mut tree = read_tree(root)?;
    let text = match tree.files.remove(MANIFEST_NAME) {
        Some(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        None => {
            return Err(ArchiveFsError::Io {
                path: root.join(MANIFEST_NAME),
                source: io::Error::from(io::ErrorKind::NotFound),
            });
        }
    };
    let m = Manifest::parse(&text)?;
    let mut out = m.verify(&tree.files);
    for s in tree.skipped {
        if !m.lines().iter().any(|l| l.path == s) {
            out.push(Discrepancy::Extra(s));
        }
    }
    out.sort();
    Ok(out)
}
