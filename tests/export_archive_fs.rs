//! The archive folder on disk (R7.4): owner-only files, links never followed, and
//! verification that names a changed byte, a missing file and an extra one.
use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::process::Command;

use huiwu::domain::manifest::{Discrepancy, ManifestError};
use huiwu::export::archive_fs::*;

fn files() -> Vec<(String, Vec<u8>)> {
    vec![
        ("会议纪要签发稿.docx".into(), b"PK\x03\x04 signed".to_vec()),
        (
            "材料/治安管理大队汇报.txt".into(),
            "一、基本情况\n".as_bytes().to_vec(),
        ),
        ("议程.md".into(), "# 议程\n".as_bytes().to_vec()),
    ]
}

#[test]
fn written_owner_only_and_verified_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("2026-001");
    let m = write_archive(&root, &files()).unwrap();
    assert_eq!(m.lines().len(), 3);
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&root), 0o700);
    assert_eq!(mode(&root.join("材料")), 0o700);
    assert_eq!(mode(&root.join("议程.md")), 0o600);
    assert_eq!(mode(&root.join(MANIFEST_NAME)), 0o600);
    assert_eq!(verify_dir(&root).unwrap(), vec![]);
    // No temporary files left behind.
    let tree = read_tree(&root).unwrap();
    assert_eq!(tree.files.len(), 4);
    assert!(tree.skipped.is_empty());

    // `sha256sum -c` agrees with our manifest, where the tool exists.
    if let Ok(out) = Command::new("sha256sum")
        .arg("-c")
        .arg(MANIFEST_NAME)
        .current_dir(&root)
        .output()
    {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

#[test]
fn verify_fails_on_a_changed_byte_a_missing_file_and_an_extra_file() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("a");
    write_archive(&root, &files()).unwrap();
    let p = root.join("议程.md");
    let mut bytes = fs::read(&p).unwrap();
    bytes[2] ^= 0x20;
    fs::write(&p, bytes).unwrap();
    assert_eq!(
        verify_dir(&root).unwrap(),
        vec![Discrepancy::Changed("议程.md".into())]
    );
    fs::remove_file(root.join("材料/治安管理大队汇报.txt")).unwrap();
    fs::write(root.join("材料/补充.txt"), b"x").unwrap();
    assert_eq!(
        verify_dir(&root).unwrap(),
        vec![
            Discrepancy::Changed("议程.md".into()),
            Discrepancy::Missing("材料/治安管理大队汇报.txt".into()),
            Discrepancy::Extra("材料/补充.txt".into()),
        ]
    );
}

#[test]
fn links_are_never_followed() {
    let tmp = tempfile::tempdir().unwrap();
    let outside = tmp.path().join("outside");
    fs::create_dir(&outside).unwrap();
    fs::write(outside.join("secret.txt"), b"secret").unwrap();

    // Reading: a link is reported, not read.
    let root = tmp.path().join("a");
    write_archive(&root, &files()).unwrap();
    symlink(outside.join("secret.txt"), root.join("link.txt")).unwrap();
    let tree = read_tree(&root).unwrap();
    assert_eq!(tree.skipped, vec!["link.txt".to_string()]);
    assert!(!tree.files.contains_key("link.txt"));
    assert_eq!(
        verify_dir(&root).unwrap(),
        vec![Discrepancy::Extra("link.txt".into())]
    );

    // Writing: a link where a folder should be is refused, nothing lands outside.
    let root2 = tmp.path().join("b");
    fs::create_dir(&root2).unwrap();
    symlink(&outside, root2.join("材料")).unwrap();
    assert!(matches!(
        write_archive(&root2, &files()),
        Err(ArchiveFsError::NotPlain { .. })
    ));
    assert!(!outside.join("治安管理大队汇报.txt").exists());

    // Writing: a link where the file should be is refused, its target untouched.
    let root3 = tmp.path().join("c");
    fs::create_dir(&root3).unwrap();
    symlink(outside.join("secret.txt"), root3.join("议程.md")).unwrap();
    assert!(write_archive(&root3, &files()).is_err());
    assert_eq!(fs::read(outside.join("secret.txt")).unwrap(), b"secret");

    // The archive folder itself may not be a link.
    let root4 = tmp.path().join("d");
    symlink(&outside, &root4).unwrap();
    assert!(matches!(
        read_tree(&root4),
        Err(ArchiveFsError::NotPlain { .. })
    ));
}

#[test]
fn paths_that_escape_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = vec![("../x.txt".to_string(), b"x".to_vec())];
    assert!(matches!(
        write_archive(tmp.path(), &bad),
        Err(ArchiveFsError::Manifest(ManifestError::BadPath { .. }))
    ));
    let manifest_clash = vec![(MANIFEST_NAME.to_string(), b"x".to_vec())];
    assert!(write_archive(tmp.path(), &manifest_clash).is_err());
}
