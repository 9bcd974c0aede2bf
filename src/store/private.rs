//! Private files beside the database (the head file, backups, the copy kept aside on a
//! restore): created new, owner-only (0600), never through a symlink — the record is
//! not for others (R8.1). Folders are made as the emergency file's are.
use std::fs::File;
use std::path::Path;

pub use crate::emergency::make_private_dir;

/// Create `path` new (refusing one that is there, or a symlink), mode 0600.
pub fn create_new(path: &Path) -> std::io::Result<File> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    opts.open(path)
}

/// Flush a folder's entries (a file just renamed into it) to the disk.
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    File::open(dir)?.sync_all()
}
