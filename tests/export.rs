//! The papers a person files (R9.5): attendance report and verbatim record, on the demo
//! meeting plus data added through the store.
use chrono::{DateTime, Duration, NaiveDate};
use unicode_width::UnicodeWidthStr;

use huiwu::domain::attendance::{EventKind, Place};
use huiwu::domain::decision::{Decision, Outcome};
use huiwu::domain::meeting::{Meeting, MeetingStatus};
use huiwu::domain::people::{Participation, Person, Role};
use huiwu::domain::procedure::Step;
use huiwu::domain::topic::{Channel, Scope, Topic, TopicStatus};
use huiwu::domain::{Id, Time};
use huiwu::export::{self, Format};
use huiwu::i18n::Lang;
use huiwu::store::Store;
use huiwu::store::procedure::NewEntry;

fn t(s: &str) -> Time {
    DateTime::parse_from_rfc3339(s).expect("test time")
}

/// A fixed "now": 09:12 on a Monday, so the demo meeting starts at 09:00.
fn now() -> Time {
    t("2026-11-30T09:12:00+08:00")
}

fn demo() -> (Store, Id) {
    let mut store = Store::open_in_memory("test").expect("store");
    let id = huiwu::demo::load(&mut store, now()).expect("demo");
    (store, id)
}

fn person_id(store: &Store, name: &str) -> Id {
    store
        .people()
        .expect("people")
        .into_iter()
        .find(|p| p.name == name)
        .map(|p| p.id)
        .expect("person")
}

fn add_person(store: &mut Store, name: &str, title: &str, dept: &str) -> Id {
    store
        .insert_person(&Person {
            id: 0,
            name: name.into(),
            title: title.into(),
            department: dept.into(),
            phone: String::new(),
            initials: String::new(),
        })
        .expect("person")
}

/// The section of `doc` from the line that starts with `start` to the next line that
/// starts with `prefix` (or the end).
fn section<'a>(doc: &'a str, start: &str, prefix: &str) -> &'a str {
    let from = doc
        .find(&format!("\n{start}"))
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("no section {start:?} in\n{doc}"));
    let rest = &doc[from + start.len()..];
    let to = rest
        .find(&format!("\n{prefix}"))
        .map(|i| from + start.len() + i + 1)
        .unwrap_or(doc.len());
    &doc[from..to]
}

/// The table rows of a Markdown section that name `name` in their first cell.
fn md_rows_named<'a>(sec: &'a str, name: &str) -> Vec<&'a str> {
    sec.lines()
        .filter(|l| l.starts_with(&format!("| {name} ")) || l.starts_with(&format!("| {name}（")))
        .collect()
}

#[test]
fn attendance_md_lists_every_person_once_per_group_with_flags() {
    let (store, id) = demo();
    let md = export::attendance(&store, id, Lang::Zh, Format::Md, now()).expect("export");

    assert!(md.starts_with("# 签到表\n"), "{md}");
    assert!(md.contains("局长办公例会（演示）"));
    assert!(
        md.contains("二楼小会议室（候会室）"),
        "waiting room in the header"
    );
    assert!(md.contains("- 主持人：王建国"));
    assert!(md.contains("- 时间：2026-11-30 星期一 09:00"), "{md}");
    // 15 expected (马丽 is not on the list); 12 signed in (incl. 周强 in the waiting room); 2 late (刘卫东; 周强, due
    // outside from when topic 1 began at 09:02); 1 on leave.
    assert!(
        md.contains("应到 15 · 实到 12 · 迟到 2 · 请假 1 · 旷会 0"),
        "{md}"
    );

    let attending = section(&md, "## 出席", "## ");
    for name in ["王建国", "李志强", "张海峰", "刘卫东", "陈明"] {
        assert_eq!(
            md_rows_named(attending, name).len(),
            1,
            "{name} in\n{attending}"
        );
    }
    // 刘卫东 signed in at 09:03, three minutes after the start.
    let late = md_rows_named(attending, "刘卫东")[0];
    assert!(
        late.contains("| 09:03 |") && late.contains("迟到 3 分钟"),
        "{late}"
    );
    // 张海峰 at 08:55: on time, no flag.
    let on_time = md_rows_named(attending, "张海峰")[0];
    assert!(on_time.ends_with("| 08:55 |  |"), "{on_time}");
    // 陈明 on leave, with reason and approver.
    let leave = md_rows_named(attending, "陈明")[0];
    assert!(
        leave.contains("| 请假 |") && leave.contains("请假（参加市局专题培训，王建国）"),
        "{leave}"
    );

    let whole = section(&md, "## 列席（全程）", "## ");
    for name in ["赵文军", "孙立平"] {
        assert_eq!(md_rows_named(whole, name).len(), 1, "{name}");
    }

    let t1 = section(
        &md,
        "## 列席 · 议题1 关于开展冬季治安防范专项行动的工作方案",
        "## ",
    );
    for name in ["吴刚", "巴特尔", "郑伟"] {
        assert_eq!(md_rows_named(t1, name).len(), 1, "{name}");
    }
    // 郑伟 sits in for topics 1 and 4: once in each, not twice in one.
    let t4 = section(&md, "## 列席 · 议题4 ", "## ");
    assert_eq!(md_rows_named(t4, "郑伟").len(), 1);
    assert_eq!(md_rows_named(t4, "吴刚").len(), 1);

    // 周强 signed in at the waiting room for topic 2.
    let t2 = section(&md, "## 列席 · 议题2 ", "## ");
    let zq = md_rows_named(t2, "周强");
    assert_eq!(zq.len(), 1);
    assert!(
        zq[0].contains("| 候会 |") && zq[0].contains("| 09:04 |"),
        "{}",
        zq[0]
    );
    assert_eq!(md_rows_named(t2, "何勇").len(), 1);

    let staff = section(&md, "## 工作人员", "## ");
    assert_eq!(md_rows_named(staff, "高敏").len(), 1);
    assert!(staff.contains("| 高敏（记录员） |"), "{staff}");
    assert_eq!(md_rows_named(staff, "杨帆").len(), 1);

    // Every table row has as many cells as the header.
    for l in md.lines().filter(|l| l.starts_with('|')) {
        let cells = l.replace("\\|", "").matches('|').count();
        assert_eq!(cells, 6, "{l}");
    }
}

#[test]
fn attendance_flags_absent_left_early_and_not_early() {
    let (mut store, id) = demo();
    let lzq = person_id(&store, "李志强");
    let hy = person_id(&store, "何勇");
    store
        .record_attendance(
            id,
            lzq,
            &EventKind::LeftEarly {
                reason: "处置突发警情".into(),
            },
            t("2026-11-30T09:10:00+08:00"),
            "",
        )
        .expect("left");
    store
        .record_attendance(id, hy, &EventKind::Absent, now(), "")
        .expect("absent");
    let md = export::attendance(&store, id, Lang::Zh, Format::Md, now()).expect("export");
    let attending = section(&md, "## 出席", "## ");
    let row = md_rows_named(attending, "李志强")[0];
    assert!(
        row.contains("| 中途退席 |") && row.contains("中途退席 09:10 处置突发警情"),
        "{row}"
    );
    let t2 = section(&md, "## 列席 · 议题2 ", "## ");
    assert!(
        md_rows_named(t2, "何勇")[0].ends_with("| 旷会 |  | 旷会 |"),
        "{t2}"
    );
    assert!(md.contains("旷会 1"));
    // Staff are due 15 minutes early: 杨帆 at 08:44 is on time.
    let staff = section(&md, "## 工作人员", "## ");
    assert!(md_rows_named(staff, "杨帆")[0].ends_with("| 08:44 |  |"));

    // Attending leaders are due at 08:55: 08:57 is 未提前到会, not late.
    let mut store2 = Store::open_in_memory("t").expect("store");
    let m = simple_meeting(&mut store2);
    store2
        .record_attendance(
            m.meeting,
            m.leader,
            &EventKind::CheckIn { place: Place::Room },
            t("2026-12-07T08:57:00+08:00"),
            "",
        )
        .expect("in");
    let txt = export::attendance(
        &store2,
        m.meeting,
        Lang::Zh,
        Format::Txt,
        t("2026-12-07T09:30:00+08:00"),
    )
    .expect("export");
    let line = txt
        .lines()
        .find(|l| l.starts_with("张|三"))
        .unwrap_or_else(|| panic!("{txt}"));
    assert!(
        line.contains("未提前到会") && !line.contains("迟到"),
        "{line}"
    );
}

#[test]
fn attendance_md_escapes_pipes_in_cells() {
    let mut store = Store::open_in_memory("t").expect("store");
    let m = simple_meeting(&mut store);
    store
        .record_attendance(
            m.meeting,
            m.leader,
            &EventKind::Leave {
                reason: "培训|出差".into(),
                approver: "王*局长".into(),
            },
            t("2026-12-07T08:00:00+08:00"),
            "",
        )
        .expect("leave");
    let md = export::attendance(&store, m.meeting, Lang::Zh, Format::Md, now()).expect("md");
    let row = md
        .lines()
        .find(|l| l.starts_with("| 张\\|三 |"))
        .unwrap_or_else(|| panic!("{md}"));
    assert!(row.contains("副局长，刑侦\\|禁毒"), "{row}");
    assert!(row.contains("请假（培训\\|出差，王\\*局长）"), "{row}");
    // Unescaped pipes are only the cell borders: five cells.
    assert_eq!(row.replace("\\|", "").matches('|').count(), 6, "{row}");
}

#[test]
fn attendance_txt_columns_align_by_display_width() {
    let (mut store, id) = demo();
    // A long mixed-width name and an ASCII one in the same group.
    let a = add_person(&mut store, "阿拉腾其木格", "教导员", "嘎鲁图派出所");
    let b = add_person(&mut store, "Li Ming", "officer", "office");
    let topic = store.topics(id).expect("topics")[0].id;
    for p in [a, b] {
        store
            .insert_participation(&Participation {
                id: 0,
                meeting_id: id,
                person_id: p,
                role: Role::SittingIn,
                topic_id: Some(topic),
                is_recorder: false,
            })
            .expect("part");
    }
    let txt = export::attendance(&store, id, Lang::Zh, Format::Txt, now()).expect("txt");
    assert!(!txt.contains('|'), "plain text has no table borders");

    // In every table, each column starts at the same display column on every line: take
    // the rule line ("----  ----  ...") as the reference.
    let lines: Vec<&str> = txt.lines().collect();
    let mut tables = 0;
    for (i, l) in lines.iter().enumerate() {
        if !l.starts_with("--") || !l.contains("  -") || i == 0 {
            continue;
        }
        tables += 1;
        let starts = column_starts(l);
        assert_eq!(starts.len(), 5, "{l}");
        let header = lines[i - 1];
        let mut j = i + 1;
        let mut rows = vec![header];
        while j < lines.len() && !lines[j].is_empty() {
            rows.push(lines[j]);
            j += 1;
        }
        for row in rows {
            for &col in &starts[1..] {
                // The character at display column `col` begins a cell: the two columns
                // before it are spaces (padding or separator).
                let (before, _) = split_at_width(row, col);
                if UnicodeWidthStr::width(before) < col {
                    // A row may end early when its last cells are empty.
                    continue;
                }
                assert!(before.ends_with("  "), "column {col} of {row:?}\n{txt}");
                assert_eq!(UnicodeWidthStr::width(before), col, "{row:?}");
            }
            assert_eq!(row, row.trim_end(), "no trailing spaces");
        }
    }
    assert_eq!(tables, 7, "出席, 全程, four topics, staff:\n{txt}");
    assert!(txt.contains("阿拉腾其木格"));
    // The same person is shown in full, never cut.
    let row = lines.iter().find(|l| l.starts_with("刘卫东")).expect("row");
    assert!(row.contains("迟到 3 分钟"));
    let row = lines.iter().find(|l| l.starts_with("陈明")).expect("row");
    assert!(row.contains("请假（参加市局专题培训，王建国）"));
}

fn column_starts(rule: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut prev = ' ';
    for (i, c) in rule.chars().enumerate() {
        if c == '-' && prev == ' ' {
            out.push(i);
        }
        prev = c;
    }
    out
}

/// The longest prefix of `s` no wider than `w` columns.
fn split_at_width(s: &str, w: usize) -> (&str, &str) {
    let mut acc = 0;
    for (i, c) in s.char_indices() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if acc + cw > w {
            return s.split_at(i);
        }
        acc += cw;
    }
    (s, "")
}

struct Simple {
    meeting: Id,
    leader: Id,
    topic: Id,
    staff: Id,
}

/// A small meeting of 2026-12-07 09:00 with one topic of two alternatives, a leader
/// whose name, title and department hold `|`, and a recorder.
fn simple_meeting(store: &mut Store) -> Simple {
    let leader = add_person(store, "张|三", "副局长", "刑侦|禁毒");
    let staff = add_person(store, "记录员甲", "科员", "办公室");
    let meeting = store
        .insert_meeting(&Meeting {
            id: 0,
            title: "局长办公例会（第48期）".into(),
            starts_at: t("2026-12-07T09:00:00+08:00"),
            room: "旗局二楼党委会议室".into(),
            waiting_room: None,
            chair_id: Some(leader),
            status: MeetingStatus::Planned,
            postponed_from: None,
            current_topic_id: None,
            is_demo: false,
        })
        .expect("meeting");
    let topic = store
        .insert_topic(&Topic {
            id: 0,
            meeting_id: Some(meeting),
            seq: 1,
            title: "关于*重点*人员管控的请示".into(),
            department: "治安大队".into(),
            deputy_id: Some(leader),
            channel: Channel::RegistrationForm,
            scope: Scope::new(2).expect("scope"),
            needs_legal_review: false,
            alternatives: vec!["甲方案：集中管控".into(), "乙方案：分片包干".into()],
            status: TopicStatus::Pending,
            started_at: None,
            ended_at: None,
        })
        .expect("topic");
    for (person, role, rec) in [(leader, Role::Attending, false), (staff, Role::Staff, true)] {
        store
            .insert_participation(&Participation {
                id: 0,
                meeting_id: meeting,
                person_id: person,
                role,
                topic_id: None,
                is_recorder: rec,
            })
            .expect("part");
    }
    Simple {
        meeting,
        leader,
        topic,
        staff,
    }
}

/// Texts a Markdown renderer would otherwise read as markup.
const TRICKY: &str = "# 不是标题\n* 不是列表 | 不是表格 |\n  两个空格开头，行尾两个空格  \n\n```\n`代码`与 **粗体** <b>html</b> &amp; \\n 1. 编号\n";

fn record_data(store: &mut Store) -> Simple {
    let m = simple_meeting(store);
    let at = |s: &str| t(&format!("2026-12-07T{s}:00+08:00"));
    store
        .advance_topic(m.meeting, None, Some(m.topic), at("09:05"), &[])
        .expect("advance");
    store
        .change_step(m.topic, None, Some(Step::Report), at("09:05"))
        .expect("step");
    let e1 = store
        .insert_entry(&NewEntry {
            topic_id: m.topic,
            step: Step::Report,
            speaker_id: None,
            speaker_name: "某所长",
            off_list: true,
            started_at: at("09:06"),
        })
        .expect("entry");
    store
        .change_step(
            m.topic,
            Some(Step::Report),
            Some(Step::LeadersViews),
            at("09:20"),
        )
        .expect("step");
    let e2 = store
        .insert_entry(&NewEntry {
            topic_id: m.topic,
            step: Step::LeadersViews,
            speaker_id: Some(m.leader),
            speaker_name: "张|三",
            off_list: false,
            started_at: at("09:21"),
        })
        .expect("entry");
    // An entry whose speaker name was never filled in and whose id names nobody.
    let e3 = store
        .insert_entry(&NewEntry {
            topic_id: m.topic,
            step: Step::LeadersViews,
            speaker_id: None,
            speaker_name: "",
            off_list: false,
            started_at: at("09:30"),
        })
        .expect("entry");
    store
        .save_entry_texts(
            &[
                (e1.id, "汇报第一段。\n第二段，  内有两个空格。".into()),
                (e2.id, TRICKY.into()),
                (e3.id, "无名发言。".into()),
            ],
            at("09:31"),
        )
        .expect("save");
    store
        .change_step(
            m.topic,
            Some(Step::LeadersViews),
            Some(Step::Decision),
            at("09:40"),
        )
        .expect("step");
    store
        .change_step(m.topic, Some(Step::Decision), None, at("09:45"))
        .expect("step");
    store
        .save_decision(&Decision {
            topic_id: m.topic,
            outcome: Some(Outcome::ApprovedInPrinciple),
            text: "原则同意乙方案。\n由治安大队牵头，* 各所配合。".into(),
            alternative: Some(2),
            deputy_id: Some(m.leader),
            units: "治安大队\n各派出所\n".into(),
            deadline: NaiveDate::from_ymd_opt(2026, 12, 31),
            supervisor: "督察法制大队".into(),
            dissent: "张|三：建议先行试点。".into(),
            decided_at: Some(at("09:45")),
        })
        .expect("decision");
    store
        .advance_topic(m.meeting, Some(m.topic), None, at("09:46"), &[])
        .expect("close");
    m
}

#[test]
fn record_md_puts_each_entry_under_its_step_and_speaker_verbatim() {
    let mut store = Store::open_in_memory("t").expect("store");
    let m = record_data(&mut store);
    let md = export::record(&store, m.meeting, Lang::Zh, Format::Md, now()).expect("md");

    assert!(md.starts_with("# 会议记录\n"), "{md}");
    assert!(md.contains("- 主持人：张\\|三"), "{md}");
    assert!(md.contains("- 记录员：记录员甲"));
    assert!(md.contains("- 时间：2026-12-07 星期一 09:00"));
    assert!(md.contains("- 出席情况：应到 2 · 实到 0"), "{md}");
    assert!(md.contains("## 议题1 关于\\*重点\\*人员管控的请示"), "{md}");
    assert!(md.contains("- 汇报部门：治安大队"));
    assert!(md.contains("- 起止时间：09:05–09:46"), "{md}");

    // The five steps, in order, with their times.
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("### ")).collect();
    assert_eq!(
        headings,
        [
            "### 1 汇报（09:05–09:20）",
            "### 2 说明",
            "### 3 局领导意见（09:20–09:40）",
            "### 4 列席人员意见",
            "### 5 局长决定（09:40–09:45）",
            "### 决定事项",
        ],
        "{md}"
    );

    let report = section(&md, "### 1 汇报", "### ");
    assert!(report.contains("#### 某所长（名单外） 09:06\n"), "{report}");
    assert!(
        report.contains("```text\n汇报第一段。\n第二段，  内有两个空格。\n```\n"),
        "{report}"
    );
    let explanation = section(&md, "### 2 说明", "### ");
    assert!(explanation.contains("（无记录）"), "{explanation}");
    let views = section(&md, "### 3 局领导意见", "### ");
    // The tricky text holds a ``` line: the fence is four backticks, and the text is
    // inside it character for character, trailing newline kept.
    let block = format!("#### 张|三 09:21\n````text\n{TRICKY}\n````\n");
    let block = block.replace("#### 张|三", "#### 张\\|三");
    assert!(views.contains(&block), "{views}");
    assert!(views.contains("#### （未指定发言人） 09:30\n```text\n无名发言。\n```"));
    assert!(!views.contains("名单外"));
    let s4 = section(&md, "### 4 列席人员意见", "### ");
    assert!(s4.contains("（无记录）"));
    let s5 = section(&md, "### 5 局长决定", "### ");
    assert!(s5.contains("（无记录）"));

    let decision = section(&md, "### 决定事项", "## ");
    for want in [
        "- 结果：原则通过",
        "- 采纳方案：（2）乙方案：分片包干",
        "- 分管局领导：张\\|三",
        "- 责任单位：\n  - 治安大队\n  - 各派出所\n",
        "- 完成时限：2026-12-31",
        "- 督办：督察法制大队",
        "- 决定时间：09:45",
        "决定内容：\n\n```text\n原则同意乙方案。\n由治安大队牵头，* 各所配合。\n```\n",
        "不同意见（内部）：\n\n```text\n张|三：建议先行试点。\n```\n",
    ] {
        assert!(decision.contains(want), "{want:?} in\n{decision}");
    }
}

#[test]
fn record_txt_keeps_text_exactly() {
    let mut store = Store::open_in_memory("t").expect("store");
    let m = record_data(&mut store);
    let txt = export::record(&store, m.meeting, Lang::Zh, Format::Txt, now()).expect("txt");
    let views = section(&txt, "3 局领导意见", "4 列席人员意见");
    assert!(
        views.contains(&format!("张|三 09:21\n{TRICKY}\n")),
        "{views}"
    );
    let report = section(&txt, "1 汇报", "2 说明");
    assert!(report.contains("某所长（名单外） 09:06\n汇报第一段。\n第二段，  内有两个空格。\n"));
    assert!(section(&txt, "2 说明", "3 局领导意见").contains("（无记录）"));
    assert!(txt.contains("结果：原则通过"));
    assert!(txt.contains("采纳方案：（2）乙方案：分片包干"));
    assert!(txt.contains("责任单位：\n  治安大队\n  各派出所\n"));
    assert!(txt.contains("决定内容：\n\n原则同意乙方案。\n由治安大队牵头，* 各所配合。\n"));
    assert!(txt.contains("不同意见（内部）：\n\n张|三：建议先行试点。\n"));
    // Nothing is escaped in plain text.
    assert!(!txt.contains("\\|") && !txt.contains("\\*"), "{txt}");
    assert!(txt.contains("关于*重点*人员管控的请示"));
}

#[test]
fn record_of_the_demo() {
    let (mut store, id) = demo();
    let md = export::record(&store, id, Lang::Zh, Format::Md, now()).expect("md");
    assert!(md.contains("- 记录员：高敏"));
    assert!(md.contains("- 主持人：王建国"));
    assert!(md.contains("应到 15 · 实到 12 · 迟到 2 · 请假 1 · 旷会 0"));
    let t1 = section(&md, "## 议题1 ", "## ");
    assert!(t1.contains("- 分管局领导：刘卫东"));
    assert!(t1.contains("- 汇报部门：治安大队"));
    let report = section(t1, "### 1 汇报", "### ");
    assert!(
        report.contains("#### 吴刚 09:02\n```text\n入冬以来，"),
        "{report}"
    );
    // An empty draft decision is no decision.
    assert!(section(t1, "### 决定事项", "## ").contains("未作决定"));
    let t2 = section(&md, "## 议题2 ", "## ");
    assert!(t2.contains("- 起止时间：未开始"));
    assert_eq!(t2.matches("（无记录）").count(), 5);
    assert!(t2.contains("未作决定"));
    assert_eq!(md.matches("\n## 议题").count(), 4);

    // A draft decision (no decided time yet) is shown, marked as a draft.
    let topic = store.topics(id).expect("topics")[0].id;
    let mut d = store.decision(topic).expect("d").expect("draft");
    d.outcome = Some(Outcome::Approved);
    d.text = "同意。".into();
    store.save_decision(&d).expect("save");
    let md = export::record(&store, id, Lang::Zh, Format::Md, now()).expect("md");
    let dec = section(&md, "### 决定事项", "## ");
    assert!(dec.contains("（草稿，尚未标记为已决定）"));
    assert!(dec.contains("- 结果：通过"));
    assert!(dec.contains("- 责任单位：—"));
    assert!(dec.contains("- 完成时限：—"));
}

#[test]
fn missing_people_show_a_question_mark() {
    let mut store = Store::open_in_memory("t").expect("store");
    let m = record_data(&mut store);
    let mut d = store.decision(m.topic).expect("d").expect("decision");
    // An alternative the topic does not have.
    d.alternative = Some(9);
    store.save_decision(&d).expect("save");
    let md = export::record(&store, m.meeting, Lang::Zh, Format::Md, now()).expect("md");
    assert!(md.contains("- 采纳方案：（9）?"), "{md}");
}

#[test]
fn english_uses_english_headings() {
    let (store, id) = demo();
    let md = export::attendance(&store, id, Lang::En, Format::Md, now()).expect("md");
    assert!(md.starts_with("# Attendance report\n"), "{md}");
    assert!(md.contains("## Attending\n"));
    assert!(md.contains("## Sitting in (whole meeting)\n"));
    assert!(md.contains("## Sitting in · Topic 1: "));
    assert!(md.contains("## Staff\n"));
    assert!(md.contains("| Name | Title / department | State | Signed in | Remarks |"));
    assert!(md.contains("late 3 min"));
    assert!(md.contains("on leave (参加市局专题培训, approved by 王建国)"));
    assert!(md.contains("- Date and time: 2026-11-30 Monday 09:00"));
    assert!(!md.contains("签到表") && !md.contains("出席情况"));

    let rec = export::record(&store, id, Lang::En, Format::Txt, now()).expect("txt");
    assert!(rec.starts_with("Verbatim record\n"), "{rec}");
    for h in [
        "Topic 1: ",
        "1 Report",
        "2 Explanation",
        "3 Leaders' views",
        "4 Sitting-in views",
        "5 Director decides",
        "Decision\n",
        "(no record)",
        "No decision taken",
        "Recorder: 高敏",
    ] {
        assert!(rec.contains(h), "{h:?} in\n{rec}");
    }
}

#[test]
fn resolve_meeting_latest_is_the_most_recent_by_date() {
    let (mut store, demo_id) = demo();
    // Inserted after the demo, but dated a week earlier.
    let earlier = store
        .insert_meeting(&Meeting {
            id: 0,
            title: "上周例会".into(),
            starts_at: now() - Duration::days(7),
            room: "x".into(),
            waiting_room: None,
            chair_id: None,
            status: MeetingStatus::Closed,
            postponed_from: None,
            current_topic_id: None,
            is_demo: false,
        })
        .expect("meeting");
    let latest = export::resolve_meeting(&store, "latest").expect("ok");
    assert_eq!(latest.map(|m| m.id), Some(demo_id));
    let by_id = export::resolve_meeting(&store, &earlier.to_string()).expect("ok");
    assert_eq!(by_id.map(|m| m.title), Some("上周例会".to_string()));
    assert!(
        export::resolve_meeting(&store, "999")
            .expect("ok")
            .is_none()
    );
    assert!(
        export::resolve_meeting(&store, "next")
            .expect("ok")
            .is_none()
    );

    // Dated a week later: now it is the latest.
    let later = store
        .insert_meeting(&Meeting {
            id: 0,
            title: "下周例会".into(),
            starts_at: t("2026-12-07T09:00:00+08:00"),
            room: "x".into(),
            waiting_room: None,
            chair_id: None,
            status: MeetingStatus::Planned,
            postponed_from: None,
            current_topic_id: None,
            is_demo: false,
        })
        .expect("meeting");
    let latest = export::resolve_meeting(&store, " Latest ").expect("ok");
    assert_eq!(latest.map(|m| m.id), Some(later));

    // An empty meeting exports without failing.
    let md = export::record(&store, later, Lang::Zh, Format::Md, now()).expect("md");
    assert!(md.contains("（本次会议无议题）"));
    let txt = export::attendance(&store, later, Lang::Zh, Format::Txt, now()).expect("txt");
    assert!(txt.contains("（无）"));
    assert!(export::attendance(&store, 12345, Lang::Zh, Format::Md, now()).is_err());
}

#[test]
fn times_keep_their_stored_offset() {
    let mut store = Store::open_in_memory("t").expect("store");
    let m = simple_meeting(&mut store);
    // Signed in at 08:50 Beijing time, written as UTC.
    store
        .record_attendance(
            m.meeting,
            m.staff,
            &EventKind::CheckIn { place: Place::Room },
            t("2026-12-07T00:40:00+00:00"),
            "",
        )
        .expect("in");
    let md = export::attendance(&store, m.meeting, Lang::Zh, Format::Md, now()).expect("md");
    assert!(md.contains("| 00:40 |"), "the stored offset is kept: {md}");
    assert!(md.contains("- 时间：2026-12-07 星期一 09:00"));
}
