//! End to end, after the meeting: the real `huiwu` in a pseudo-terminal, driven by keys as
//! the office drives it — decide a topic and carry the others over to the next regular
//! meeting, close the meeting, draft the minutes from the decisions, take them through
//! review and sign-off, and export them as a Word file.
mod common;

use std::io::{Cursor, Read};
use std::path::Path;

use common::{TIMEOUT, Term, temp_db};

fn wait(t: &Term, needle: &str, what: &str) {
    t.wait_for(needle, TIMEOUT)
        .unwrap_or_else(|e| panic!("{what}: {e}"));
}

fn word_text(path: &Path) -> String {
    let bytes = std::fs::read(path).expect("the exported file");
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a .docx is a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn record_close_draft_sign_and_export_the_minutes() {
    let (dir, db) = temp_db();
    let mut t = Term::huiwu(&["--db", db.to_str().unwrap(), "--operator", "测试员"], &[]);
    wait(&t, "C-q 退出", "the console came up");

    // The recorder's decision on the first topic: outcome, text, marked decided.
    t.key("Tab");
    wait(&t, "确认决定", "the decision pane has the focus");
    t.key("o");
    t.key("Enter");
    wait(&t, "决定内容", "the decided-text form");
    t.type_text("同意专项行动方案，全旗统一部署");
    t.key("Ctrl-s");
    t.key("m");
    wait(&t, "请确认", "marking decided offers the next topic");
    t.key("n");

    // F4: the other three topics go to the next regular meeting.
    t.key("F4");
    wait(&t, "未结束", "F4 shows the meeting not closed");
    for _ in 0..3 {
        t.key("o");
        wait(&t, "议题顺延至以后的会议", "the carry-over form");
        t.key("Ctrl-s");
        t.wait_for_gone("议题顺延至以后的会议", TIMEOUT)
            .unwrap_or_else(|e| panic!("the form closes: {e}"));
    }
    wait(&t, "计划 局长办公例会", "the next meeting is planned");

    // Close: the checks pass, the question names the clocks.
    t.key("c");
    wait(&t, "结束会议？", "the closing question");
    t.key("y");
    wait(&t, "已结束", "the meeting is closed");
    wait(&t, "记录整理 期限", "the tidied record's clock runs");

    // The minutes: drafted from the decision, reviewed, signed.
    t.key("Tab");
    t.key("d");
    wait(&t, "第1稿/1 [草稿]", "the first draft");
    wait(&t, "同意专项行动方案", "the draft holds the decision");
    t.key("s");
    t.key("Ctrl-s");
    wait(
        &t,
        "尚未经分管局领导审核",
        "sign-off before review is refused",
    );
    t.key("Esc");
    t.key("r");
    wait(&t, "分管局领导审核", "the review form");
    t.type_text("刘卫东");
    t.key("Tab");
    t.type_text("同意");
    t.key("Ctrl-s");
    wait(&t, "[已审核]", "reviewed");
    t.key("s");
    wait(&t, "局长签发", "the sign-off form");
    t.key("Ctrl-s");
    wait(&t, "[已签发]", "signed off");
    wait(&t, "签发：王建国", "who signed shows");

    // Export the signed minutes as Word, next to the database.
    t.key("F5");
    wait(&t, "导出文书", "the export form");
    t.key("Ctrl-s");
    wait(&t, "已导出：", "the paper is written");
    t.key("Ctrl-q");
    assert_eq!(t.wait_exit(TIMEOUT), Some(0), "{}", t.dump());

    let file = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("huiwu-minutes-"))
        })
        .expect("the minutes file next to the database");
    assert_eq!(file.extension().and_then(|e| e.to_str()), Some("docx"));
    let xml = word_text(&file);
    for s in [
        "乌审旗公安局局长办公例会纪要",
        "同意专项行动方案，全旗统一部署",
        "出席：",
        "审核：刘卫东",
    ] {
        assert!(xml.contains(s), "{s} missing from the exported minutes");
    }
}
