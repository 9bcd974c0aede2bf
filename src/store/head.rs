//! The head of the audit chain kept outside the database (issue 10): a private file beside
//! it, `huiwu.db.head`. A database that lost commits — the -wal file deleted after a
//! crash, an older copy put in its place — still passes `integrity_check`, and its chain
//! is still whole, only shorter: this file is what tells. Compared at start and by
//! `huiwu check`.
//!
//! Each write transaction that appends audit rows writes the file just before it commits,
//! while it holds the database's write lock (so terminals take turns, in commit order):
//! the end of the chain before it (`row`, `hash`) and the end it is about to commit
//! (`next`, `next_hash`), flushed to the disk before the commit is. Whether the commit
//! then lands or not, the database's end is one of the two; an end before both means
//! commits were lost, an end beyond both means rows were added outside the program.
use std::io::Write;
use std::path::{Path, PathBuf};

use super::chain::{self, ChainHead};
use super::private;

/// What the head file holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeadFile {
    /// The chain's end before the last transaction (row 0: an empty chain).
    pub committed: ChainHead,
    /// The end that transaction was about to commit.
    pub next: Option<ChainHead>,
}

impl HeadFile {
    /// The furthest end the file names.
    pub fn latest(&self) -> &ChainHead {
        self.next.as_ref().unwrap_or(&self.committed)
    }
}

/// The head file of the database at `db`.
pub fn path(db: &Path) -> PathBuf {
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "huiwu.db".into());
    db.with_file_name(format!("{name}.head"))
}

/// What the head file says; none when there is none or it cannot be read as one.
pub fn read(db: &Path) -> Option<HeadFile> {
    let text = std::fs::read_to_string(path(db)).ok()?;
    parse(&text)
}

fn parse(text: &str) -> Option<HeadFile> {
    let (mut row, mut hash, mut next, mut next_hash) = (None, None, None, None);
    for line in text.lines() {
        let Some((key, value)) = line.split_once(' ') else {
            continue;
        };
        let value = value.trim();
        let is_hash = chain::from_hex(value).is_some();
        match key {
            "row" => row = value.parse::<i64>().ok(),
            "next" => next = value.parse::<i64>().ok(),
            "hash" if is_hash => hash = Some(value.to_string()),
            "next_hash" if is_hash => next_hash = Some(value.to_string()),
            _ => {}
        }
    }
    Some(HeadFile {
        committed: ChainHead {
            row: row?,
            hash: hash?,
        },
        next: next
            .zip(next_hash)
            .map(|(row, hash)| ChainHead { row, hash }),
    })
}

/// Write the head file: a new owner-only temporary file (never through a symlink),
/// flushed, renamed over the old one, the folder flushed — on the disk before the
/// commit it announces.
pub fn write(db: &Path, head: &HeadFile) -> std::io::Result<()> {
    let target = path(db);
    // A name of this process and this write: no other writer's temporary file is touched.
    static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let mut tmp_name = target.file_name().unwrap_or_default().to_os_string();
    tmp_name.push(format!(".{}-{n}.tmp", std::process::id()));
    let tmp = target.with_file_name(tmp_name);
    let mut body = format!(
        "# huiwu: the end of the audit chain, compared at start and by `huiwu check`.\n\
         row {}\nhash {}\n",
        head.committed.row, head.committed.hash
    );
    if let Some(next) = &head.next {
        body.push_str(&format!("next {}\nnext_hash {}\n", next.row, next.hash));
    }
    let _ = std::fs::remove_file(&tmp);
    let result = (|| {
        let mut file = private::create_new(&tmp)?;
        file.write_all(body.as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&tmp, &target)?;
        let dir = target
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        private::sync_dir(dir)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// A head file naming `end` as the whole chain.
pub fn at(end: &ChainHead) -> HeadFile {
    HeadFile {
        committed: end.clone(),
        next: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_head_file_reads_back_and_ignores_what_it_does_not_know() {
        let text = format!(
            "# note\nrow 42\nhash {}\nnext 43\nnext_hash {}\nextra line\n",
            "ab".repeat(32),
            "cd".repeat(32)
        );
        let head = parse(&text).expect("a head");
        assert_eq!(head.committed.row, 42);
        assert_eq!(head.latest().row, 43);
        assert_eq!(head.latest().hash, "cd".repeat(32));
        assert_eq!(parse("row 1\nhash xyz\n"), None);
        assert_eq!(parse(""), None);
        let no_next = parse(&format!("row 0\nhash {}\n", "0".repeat(64))).expect("a head");
        assert_eq!(no_next.next, None);
    }
}
