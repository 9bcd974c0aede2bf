//! The emergency file of an encrypted database stays encrypted (issue 10, R8.1, R9.1):
//! sealed with the database's passphrase, nothing of the text readable on the disk, read
//! back whole with the passphrase, refused without it. A plain database's stays readable.
use std::sync::Arc;

use huiwu::emergency::{self, Emergency};
use huiwu::store::change::Change;
use huiwu::store::cipher::{self, Passphrase};
use huiwu::store::writer::Job;

const SAID: &str = "关于冬季治安防范专项行动，王局长强调：务必压实责任。";

fn typed() -> Vec<Arc<Job>> {
    vec![Arc::new(Job {
        generation: 1,
        at: chrono::DateTime::parse_from_rfc3339("2026-11-30T10:30:00+08:00").unwrap(),
        changes: vec![Change::EntryText {
            entry_id: 7,
            text: SAID.to_string(),
        }],
    })]
}

fn files_in(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect()
}

#[test]
fn an_encrypted_databases_emergency_file_is_sealed_with_its_passphrase() {
    if !cipher::AVAILABLE {
        eprintln!("built without SQLCipher: nothing to seal with");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("huiwu.db");
    cipher::remember(&db, Passphrase::new("冬季安保2026".into()));
    let e = Emergency::new(&db, "马丽", typed()[0].at, &typed());
    let path = emergency::write(&db, &e).unwrap();
    assert_eq!(path.extension().and_then(|x| x.to_str()), Some("sealed"));
    let bytes = std::fs::read(&path).unwrap();
    for piece in ["王局长", "冬季治安", "务必压实"] {
        assert!(
            !bytes.windows(piece.len()).any(|w| w == piece.as_bytes()),
            "{piece} is readable in the file"
        );
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    assert_eq!(
        files_in(path.parent().unwrap()),
        vec![path.clone()],
        "no journal or other file beside it"
    );
    assert_eq!(emergency::find(&db), vec![path.clone()]);
    let back = emergency::read(&db, &path).unwrap();
    assert_eq!(back.texts[0].text, SAID);
    assert_eq!(back.jobs[0].changes, typed()[0].changes);

    // Without the passphrase (another process that was not given it): refused, clearly.
    cipher::remember(&db, Passphrase::new(String::new()));
    let why = emergency::read(&db, &path).unwrap_err();
    assert!(why.contains("passphrase"), "{why}");
    // With a wrong one: refused, nothing made up.
    cipher::remember(&db, Passphrase::new("不对".into()));
    assert!(emergency::read(&db, &path).is_err());
}

#[test]
fn a_plain_databases_emergency_file_stays_readable() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plain.db");
    let e = Emergency::new(&db, "马丽", typed()[0].at, &typed());
    let path = emergency::write(&db, &e).unwrap();
    assert_eq!(path.extension().and_then(|x| x.to_str()), Some("toml"));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(SAID), "{text}");
    assert_eq!(emergency::read(&db, &path).unwrap().texts[0].text, SAID);
}
