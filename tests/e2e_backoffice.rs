//! End to end, the real `huiwu` in a pseudo-terminal: from an empty database the office
//! prepares next Monday's meeting with the keyboard alone — the roster imported, the
//! meeting created, a topic taken from intake through the review to the agenda, the agenda
//! approved, the room, notices, replies and materials done — and watches the dashboard
//! turn green; then F2 shows that meeting and its people in the console, and the agenda
//! exported names them too.
mod common;

use std::path::Path;

use chrono::{Datelike, Duration, Local, NaiveTime, Weekday};
use common::{TIMEOUT, Term, huiwu_cmd_isolated, temp_db};

const ROSTER: &str = "姓名,职务,部门,电话
王建国,局长,局领导,0477-7510001
李志强,政委,局领导,0477-7510002
刘卫东,副局长（分管治安、交管）,局领导,0477-7510003
陈明,副局长（分管监管、法制）,局领导,0477-7510004
赵文军,党委委员,局党委,0477-7510005
孙立平,大队长,督察法制大队,0477-7510006
吴刚,大队长,治安大队,0477-7510007
周强,大队长,刑侦大队,0477-7510008
单伟,教导员,治安大队,0477-7510009
马丽,主任,办公室,0477-7510010
高敏,科员,办公室,0477-7510011
";

/// Not one of the demo's topics: the console must show this meeting, not the demo.
const TITLE: &str = "关于加强校园周边治安管理的工作方案";

fn wait(t: &Term, needle: &str) {
    t.wait_for(needle, TIMEOUT)
        .unwrap_or_else(|e| panic!("waiting for {needle:?}: {e}"));
}

/// Past Friday 12:00 before the coming Monday meeting, only the urgent approval form may
/// add a topic (R2.1): the test takes the channel the calendar allows today.
fn past_cutoff() -> bool {
    let now = Local::now().naive_local();
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default();
    let today = now.date();
    let ahead = (7 - today.weekday().num_days_from_monday()) % 7;
    let mut monday = today + Duration::days(i64::from(ahead));
    if monday == today && now.time() >= nine {
        monday += Duration::days(7);
    }
    debug_assert_eq!(monday.weekday(), Weekday::Mon);
    let noon = NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default();
    now >= (monday - Duration::days(3)).and_time(noon)
}

fn export_agenda(db: &Path) -> String {
    let db = db.to_str().expect("utf-8 path");
    let (mut cmd, _config) = huiwu_cmd_isolated(&[
        "--db",
        db,
        "export",
        "agenda",
        "--meeting",
        "latest",
        "--format",
        "md",
    ]);
    let out = cmd.output().expect("run huiwu export");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn from_an_empty_database_to_an_approved_agenda_then_the_console() {
    let (dir, db) = temp_db();
    let csv = dir.path().join("people.csv");
    std::fs::write(&csv, ROSTER).expect("write the roster file");
    let db_arg = db.to_str().expect("utf-8 path");
    let mut t = Term::huiwu(&["--db", db_arg, "--operator", "马丽"], &[]);
    wait(&t, "C-q 退出");

    // The console opens on the recorder's editor, where F3 picks the speaker: Ctrl-O.
    t.key("Ctrl-o");
    wait(&t, "会务准备");

    // The roster, from a CSV file: a preview, then all of it.
    t.keys(&["Alt-8", "i"]);
    t.type_text(csv.to_str().expect("utf-8 path"));
    t.key("Enter");
    wait(&t, "文件中 11 人");
    t.key("Enter");
    wait(&t, "已导入 11 人");

    // Next Monday's meeting in one key.
    t.keys(&["Alt-1", "n"]);
    wait(&t, "已建立");
    wait(&t, "星期一 09:00 · 局长办公例会");

    // A topic through its intake form.
    t.keys(&["Alt-3", "n"]);
    if past_cutoff() {
        t.key("Down");
    }
    t.key("Enter");
    t.type_text(TITLE);
    t.key("Tab");
    t.type_text("治安大队");
    t.key("Tab");
    t.type_text("刘卫东");
    t.keys(&["Tab", "Tab", "Right", "Right", "Tab"]);
    t.type_text("入冬以来盗窃警情上升，拟开展专项行动");
    t.key("Tab");
    t.type_text("方案一：全面巡防");
    t.key("Enter");
    t.type_text("方案二：重点巡防");
    t.key("Tab");
    t.type_text("《治安管理处罚法》");
    t.key("Tab");
    t.type_text("去年同期对比");
    t.key("Tab");
    t.type_text("刑侦大队");
    t.keys(&["Tab", "Tab", "Right", "Tab", "Tab"]);
    t.type_text("12");
    t.key("Ctrl-s");
    wait(&t, "议题已登记");

    // The office's review, item by item; public-order matters need the legal review too.
    for _ in 0..5 {
        t.keys(&["r", "Ctrl-s"]);
    }
    wait(&t, "审核全部通过");
    t.key("a");
    wait(&t, "已列入议程第 1 项");

    // The staff: one from the office, the recorder.
    t.keys(&["Alt-5", "PageDown", "PageDown", "a"]);
    t.type_text("gm");
    t.key("Enter");
    wait(&t, "已添加：高敏");
    t.keys(&["Down", "r"]);
    wait(&t, "记录员：高敏");

    // The agenda put forward, and the approval chain to the director's signature.
    t.keys(&["Alt-4", "f"]);
    wait(&t, "议程已提出");
    t.keys(&["Alt-6", "s", "Ctrl-s", "s", "Ctrl-s", "s", "Tab"]);
    t.type_text("刘卫东");
    t.keys(&["Ctrl-s", "s", "Ctrl-s"]);
    wait(&t, "会议已审批同意");

    // Rooms, notices, replies, materials.
    t.keys(&["Alt-7", "b", "Ctrl-s"]);
    for _ in 0..5 {
        t.keys(&["n", "Ctrl-s"]);
    }
    for _ in 0..5 {
        t.keys(&["r", "Ctrl-s"]);
    }
    t.key("m");
    wait(&t, "按参会人员核定材料");
    // The dashboard's key goes to the first package not delivered.
    t.key("Alt-2");
    for _ in 0..6 {
        t.key("Down");
    }
    t.key("Enter");
    for _ in 0..6 {
        t.keys(&["v", "Ctrl-s", "Down"]);
    }
    t.key("Alt-2");
    // Every stage done: eight green lines, nothing overdue (read as one whole frame).
    t.wait_until("the dashboard turns green", TIMEOUT, |s| {
        let c = s.contents();
        c.contains("准备进度 8/8") && c.matches("✓ 已完成").count() == 8 && !c.contains("已逾期")
    })
    .unwrap_or_else(|e| panic!("{e}"));

    // The console shows that meeting and its people.
    t.key("F2");
    t.wait_for_all(&[TITLE, "王建国", "吴刚", "高敏", "记录员"], TIMEOUT)
        .unwrap_or_else(|e| panic!("the console does not show the meeting: {e}"));
    assert!(
        !t.screen().contains("演示"),
        "the demo hides the real meeting\n{}",
        t.dump()
    );
    t.key("Ctrl-q");
    assert_eq!(t.wait_exit(TIMEOUT), Some(0), "{}", t.dump());

    let agenda = export_agenda(&db);
    for needle in [TITLE, "王建国", "吴刚、周强", "治安大队"] {
        assert!(agenda.contains(needle), "agenda lacks {needle}\n{agenda}");
    }
}
