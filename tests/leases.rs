//! Edit leases between terminals (issue 10, R9.1), two consoles in one process on one
//! database file, each its own connection and writer, driven by keys: what one terminal
//! is typing is read-only in the other and says who types it; it frees when they leave;
//! a lease whose terminal stopped answering is taken over only after a yes; and however
//! the two race, the database never lets one overwrite the other's words.
use std::path::Path;
use std::sync::{Arc, Mutex};

use chrono::Duration as Span;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use huiwu::app::console::Pane;
use huiwu::app::keymap::Keymap;
use huiwu::app::layer::LayerKind;
use huiwu::app::{App, Settings};
use huiwu::domain::{Clock, Id, Time};
use huiwu::i18n::Lang;
use huiwu::store::Store;
use huiwu::store::change::Change;
use huiwu::store::lease::{LeaseKey, LeaseOp, host_id, millis};
use huiwu::theme::Theme;

const NOW: &str = "2026-11-30T09:14:00+08:00";

/// A clock a test can move.
#[derive(Clone)]
struct TestClock(Arc<Mutex<Time>>);

impl TestClock {
    fn new() -> Self {
        Self(Arc::new(Mutex::new(
            chrono::DateTime::parse_from_rfc3339(NOW).expect("time"),
        )))
    }
    fn advance(&self, secs: i64) {
        let mut t = self.0.lock().expect("clock");
        *t += Span::seconds(secs);
    }
}

impl Clock for TestClock {
    fn now(&self) -> Time {
        *self.0.lock().expect("clock")
    }
}

fn database() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("huiwu.db");
    let mut s = Store::open(&db, "准备").expect("open");
    huiwu::demo::load(&mut s, TestClock::new().now()).expect("demo");
    (dir, db)
}

/// A terminal: its own connection, its own writer id, saving inline (no thread).
fn terminal(db: &Path, operator: &str, clock: &TestClock) -> App {
    let store = Store::open(db, operator).expect("open");
    console_on(store, &format!("terminal-{operator}"), clock)
}

/// The console on `store`, writing as `writer`, on the recorder's pane.
fn console_on(mut store: Store, writer: &str, clock: &TestClock) -> App {
    store.set_writer_id(writer);
    store.set_clock(Arc::new(clock.clone()));
    let settings = Settings {
        lang: Lang::Zh,
        theme: Theme::default(),
        keymap: Keymap::default(),
        writer: None,
    };
    let mut app = App::new(store, settings, Box::new(clock.clone())).expect("app");
    // Both on the recorder's pane, on the same entry (the demo's step-1 report).
    while app.console.focus != Pane::Procedure {
        press(&mut app, KeyCode::Tab);
    }
    app
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn type_str(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c));
    }
    app.flush(true);
}

fn focused_entry(app: &App) -> Id {
    app.console
        .procedure
        .focused_ref()
        .map(|e| e.entry.id)
        .expect("a focused entry")
}

fn shown_text(app: &App) -> String {
    app.console
        .procedure
        .focused_ref()
        .map(|e| e.text())
        .unwrap_or_default()
}

fn stored_text(db: &Path, entry: Id) -> String {
    Store::open_read_only(db, "检查")
        .expect("open")
        .entry_text(entry)
        .expect("read")
        .unwrap_or_default()
}

/// What the terminal shows, as text (a wide character's second cell reads as a blank).
fn screen(app: &App) -> String {
    let mut term =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 36)).expect("term");
    term.draw(|f| huiwu::ui::render(f, app)).expect("draw");
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn message(app: &App) -> String {
    app.ctx
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

/// Let the terminal look at the database again (as its tick does twice a second).
fn look(app: &mut App) {
    app.ctx.read_leases();
    app.console_poll();
}

trait Poll {
    fn console_poll(&mut self);
}

impl Poll for App {
    fn console_poll(&mut self) {
        // The console's tick reads other terminals' changes every 0.5 s.
        std::thread::sleep(std::time::Duration::from_millis(520));
        self.tick();
    }
}

#[test]
fn an_entry_being_typed_in_one_terminal_is_read_only_in_the_other_until_they_leave_it() {
    let (_dir, db) = database();
    let clock = TestClock::new();
    let mut rec = terminal(&db, "记录员", &clock);
    let mut staff = terminal(&db, "杨帆", &clock);
    let entry = focused_entry(&rec);
    assert_eq!(focused_entry(&staff), entry, "both on the same entry");

    type_str(&mut rec, "甲乙丙");
    look(&mut staff);
    assert_eq!(
        staff.ctx.edited_by(&LeaseKey::entry(entry)),
        Some("记录员"),
        "the other terminal is told who is typing"
    );
    assert!(shown_text(&staff).ends_with("甲乙丙"), "and sees the words");

    // The staff's keys do not change it: not on screen, not on the disk.
    type_str(&mut staff, "丁");
    assert!(
        message(&staff).contains("正在由 记录员 编辑"),
        "{}",
        message(&staff)
    );
    assert!(!shown_text(&staff).contains('丁'));
    // Moving the caret still works there.
    press(&mut staff, KeyCode::Left);
    press(&mut staff, KeyCode::Home);
    staff.handle_event(Event::Paste("戊".into()));
    assert!(!shown_text(&staff).contains('戊'));
    assert!(stored_text(&db, entry).ends_with("甲乙丙"));

    // The recorder leaves the entry (another pane): it is free.
    press(&mut rec, KeyCode::Tab);
    look(&mut staff);
    assert_eq!(staff.ctx.edited_by(&LeaseKey::entry(entry)), None);
    press(&mut staff, KeyCode::End);
    type_str(&mut staff, "丁");
    assert!(stored_text(&db, entry).ends_with("甲乙丙丁"));
    // Now the recorder is the one kept out.
    press(&mut rec, KeyCode::BackTab);
    look(&mut rec);
    type_str(&mut rec, "己");
    assert!(
        message(&rec).contains("正在由 杨帆 编辑"),
        "{}",
        message(&rec)
    );
    assert!(stored_text(&db, entry).ends_with("甲乙丙丁"));
}

#[test]
fn a_lease_not_renewed_for_30_s_is_taken_over_only_after_a_yes_and_the_old_holder_cannot_overwrite()
{
    let (_dir, db) = database();
    let rec_clock = TestClock::new();
    let mut rec = terminal(&db, "记录员", &rec_clock);
    let entry = focused_entry(&rec);
    type_str(&mut rec, "甲");
    // The recorder's terminal hangs: its lease is not renewed. 31 s later, elsewhere:
    let staff_clock = TestClock::new();
    staff_clock.advance(31);
    let mut staff = terminal(&db, "杨帆", &staff_clock);
    type_str(&mut staff, "乙");
    let asked = matches!(
        staff.ctx.layers.top().map(|l| &l.kind),
        Some(LayerKind::Confirm(q)) if q.text.contains("记录员") && q.text.contains("31 秒")
    );
    assert!(asked, "a question, naming who and how long");
    assert!(!stored_text(&db, entry).contains('乙'), "nothing typed yet");
    // No: still read-only.
    press(&mut staff, KeyCode::Char('n'));
    type_str(&mut staff, "乙");
    assert!(staff.ctx.layers.top().is_some(), "asked again");
    // Yes: taken over; typing goes on.
    press(&mut staff, KeyCode::Char('y'));
    assert!(message(&staff).contains("已接管"), "{}", message(&staff));
    type_str(&mut staff, "乙");
    assert!(stored_text(&db, entry).ends_with("甲乙"));

    // The recorder's terminal wakes up and types on, unaware: its words do not replace
    // the staff's; they are kept (unsaved, for the emergency file), and it is told.
    rec_clock.advance(32);
    type_str(&mut rec, "丙");
    assert!(stored_text(&db, entry).ends_with("甲乙"), "not overwritten");
    assert!(!stored_text(&db, entry).contains('丙'));
    let unsaved: Vec<_> = rec
        .ctx
        .saver
        .pending()
        .flat_map(|j| j.changes.iter())
        .filter_map(|c| c.typed_text())
        .collect();
    assert!(
        unsaved.iter().any(|t| t.ends_with("甲丙")),
        "the recorder's words are kept: {unsaved:?}"
    );
    let said = screen(&rec).replace(' ', "");
    assert!(said.contains("未写入：此处正在由杨帆编辑"), "{said}");
}

#[test]
fn a_lease_of_a_terminal_that_is_gone_is_free_at_once() {
    let (_dir, db) = database();
    let clock = TestClock::new();
    let mut staff = terminal(&db, "杨帆", &clock);
    let entry = focused_entry(&staff);
    // A recorder's process that was killed (-9) left its lease behind, fresh.
    let mut dead = Store::open(&db, "记录员").expect("open");
    dead.set_writer_id("999999999-dead");
    dead.set_clock(Arc::new(clock.clone()));
    dead.transact(|tx| {
        Change::Lease {
            key: LeaseKey::entry(entry),
            op: LeaseOp::Take { replace: None },
        }
        .apply(tx)
    })
    .expect("take");
    let row = dead
        .lease(&LeaseKey::entry(entry))
        .expect("read")
        .expect("row");
    assert_eq!(row.host, host_id());
    assert_eq!(row.renewed_at, millis(clock.now()));
    // No question, no refusal: pid 999999999 is no process on this machine.
    type_str(&mut staff, "丁");
    assert!(
        staff.ctx.layers.is_empty(),
        "no question for a gone terminal"
    );
    assert!(stored_text(&db, entry).ends_with('丁'));
}

#[test]
fn two_terminals_racing_for_one_entry_never_overwrite_each_other() {
    // Both decided the entry was free before either's lease reached the disk: whichever
    // commits second is refused, lease and words alike.
    let (_dir, db) = database();
    let clock = TestClock::new();
    let mut a = Store::open(&db, "甲终端").expect("open");
    a.set_writer_id("a");
    let mut b = Store::open(&db, "乙终端").expect("open");
    b.set_writer_id("b");
    let topic = a
        .latest_meeting()
        .expect("read")
        .and_then(|m| m.current_topic_id)
        .expect("topic");
    let entry = a.entries(topic).expect("entries")[0].id;
    let job = |text: &str| {
        vec![
            Change::Lease {
                key: LeaseKey::entry(entry),
                op: LeaseOp::Take { replace: None },
            },
            Change::EntryText {
                entry_id: entry,
                text: text.into(),
            },
        ]
    };
    let now = clock.now();
    a.transact_at(now, |tx| job("甲的话").iter().try_for_each(|c| c.apply(tx)))
        .expect("a commits");
    let refused = b.transact_at(now, |tx| job("乙的话").iter().try_for_each(|c| c.apply(tx)));
    assert!(
        matches!(refused, Err(huiwu::store::StoreError::Leased { ref operator }) if operator == "甲终端"),
        "{refused:?}"
    );
    assert_eq!(stored_text(&db, entry), "甲的话");
    // A decision is guarded the same way.
    let lease = LeaseKey::decision(topic);
    a.transact_at(now, |tx| {
        Change::Lease {
            key: lease.clone(),
            op: LeaseOp::Take { replace: None },
        }
        .apply(tx)
    })
    .expect("a takes the decision");
    let mut d = huiwu::domain::decision::Decision::empty(topic, None);
    d.text = "乙的决定".into();
    let refused = b.transact_at(now, |tx| Change::Decision { decision: d }.apply(tx));
    assert!(matches!(
        refused,
        Err(huiwu::store::StoreError::Leased { .. })
    ));
}

#[test]
fn a_decision_form_open_in_one_terminal_makes_the_decision_read_only_in_the_other() {
    let (_dir, db) = database();
    let clock = TestClock::new();
    let mut rec = terminal(&db, "记录员", &clock);
    let mut staff = terminal(&db, "杨帆", &clock);
    for app in [&mut rec, &mut staff] {
        while app.console.focus != Pane::Decision {
            press(app, KeyCode::Tab);
        }
    }
    press(&mut rec, KeyCode::Enter);
    assert!(matches!(
        rec.ctx.layers.top().map(|l| &l.kind),
        Some(LayerKind::Form(_))
    ));
    rec.handle_event(Event::Paste("同意该方案".into()));
    // The staff can neither open it nor change the outcome meanwhile.
    look(&mut staff);
    let topic = staff.console.procedure.topic_id.expect("topic");
    assert_eq!(
        staff.ctx.edited_by(&LeaseKey::decision(topic)),
        Some("记录员")
    );
    press(&mut staff, KeyCode::Enter);
    assert!(staff.ctx.layers.is_empty(), "no form over another's");
    press(&mut staff, KeyCode::Char('o'));
    assert!(message(&staff).contains("正在由 记录员 编辑"));
    // The recorder's form is kept under the screen lock and still holds the decision.
    press(&mut rec, KeyCode::F(12));
    assert!(rec.locked());
    press(&mut rec, KeyCode::Char('x'));
    assert!(!rec.locked());
    rec.handle_event(Event::Key(KeyEvent::new(
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    )));
    rec.flush(true);
    // Done: the staff sees the recorder's text and may set the outcome on top of it.
    look(&mut staff);
    press(&mut staff, KeyCode::Char('o'));
    staff.flush(true);
    let d = Store::open_read_only(&db, "检查")
        .expect("open")
        .decision(topic)
        .expect("read")
        .expect("a decision");
    assert_eq!(
        d.text, "同意该方案",
        "the staff's outcome did not wipe the text"
    );
    assert!(d.outcome.is_some());
}

#[test]
fn an_entry_not_typed_into_for_a_while_is_let_go() {
    let (_dir, db) = database();
    let clock = TestClock::new();
    let mut rec = terminal(&db, "记录员", &clock);
    let mut staff = terminal(&db, "杨帆", &clock);
    let entry = focused_entry(&rec);
    rec.ctx.leases.idle_release = std::time::Duration::from_millis(300);
    type_str(&mut rec, "甲");
    rec.tick();
    assert!(
        rec.ctx.leases.holds(&LeaseKey::entry(entry)),
        "held while typing"
    );
    look(&mut staff);
    assert_eq!(staff.ctx.edited_by(&LeaseKey::entry(entry)), Some("记录员"));
    // The recorder listens and types nothing: after the idle time it is free, though
    // the recorder's caret is still in it.
    std::thread::sleep(std::time::Duration::from_millis(350));
    rec.tick();
    assert!(!rec.ctx.leases.holds(&LeaseKey::entry(entry)));
    look(&mut staff);
    assert_eq!(staff.ctx.edited_by(&LeaseKey::entry(entry)), None);
    press(&mut staff, KeyCode::End);
    type_str(&mut staff, "乙");
    assert!(stored_text(&db, entry).ends_with("甲乙"));
}

/// The back office and F4 lease what their forms and editors change (issue 10): a
/// person's card open in one terminal cannot be opened in the other, which says who has
/// it; once saved and closed, it can.
#[test]
fn a_persons_card_open_in_one_terminal_is_refused_in_the_other() {
    let (_dir, db) = database();
    let clock = TestClock::new();
    let mut a = terminal(&db, "甲", &clock);
    let mut b = terminal(&db, "乙", &clock);
    let alt = |app: &mut App, c: char| {
        app.handle_event(Event::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::ALT,
        )))
    };
    let ctrl = |app: &mut App, c: char| {
        app.handle_event(Event::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::CONTROL,
        )))
    };
    // 甲 puts 张三 on the roster, then opens his card again. (F3 in the recorder's pane
    // picks the speaker: leave it first.)
    press(&mut a, KeyCode::Tab);
    press(&mut a, KeyCode::F(3));
    alt(&mut a, '8');
    press(&mut a, KeyCode::Char('n'));
    type_str(&mut a, "张三");
    press(&mut a, KeyCode::Tab);
    type_str(&mut a, "民警");
    press(&mut a, KeyCode::Tab);
    type_str(&mut a, "治安大队");
    ctrl(&mut a, 's');
    a.tick();
    assert!(
        a.ctx.layers.is_empty(),
        "the new card is saved: {}\n{}",
        message(&a),
        screen(&a)
    );
    press(&mut a, KeyCode::Enter);
    a.tick();
    assert!(!a.ctx.layers.is_empty(), "甲 has the card open");
    // 乙 sees 张三 and cannot open him while 甲 has him.
    press(&mut b, KeyCode::Tab);
    press(&mut b, KeyCode::F(3));
    alt(&mut b, '8');
    look(&mut b);
    assert!(
        b.backoffice
            .view
            .people
            .iter()
            .any(|p| p.person.name == "张三"),
        "乙 reads 甲's new person"
    );
    press(&mut b, KeyCode::Enter);
    assert!(b.ctx.layers.is_empty(), "乙 got a form on a card 甲 holds");
    assert!(message(&b).contains("正在由 甲 编辑"), "{}", message(&b));
    // 甲 closes the card: 乙 may open it.
    press(&mut a, KeyCode::Esc);
    a.tick();
    look(&mut b);
    press(&mut b, KeyCode::Enter);
    assert!(
        !b.ctx.layers.is_empty(),
        "free once 甲 closed it: {}",
        message(&b)
    );
}

/// Whatever the screens believed, the database refuses a change to a topic, a meeting,
/// a person, a draft of the minutes or a tidied entry while another terminal holds its
/// fresh lease.
#[test]
fn the_store_refuses_back_office_and_after_meeting_writes_under_anothers_lease() {
    use huiwu::store::StoreError;
    use huiwu::store::after::AfterChange;
    use huiwu::store::lease;
    let (_dir, db) = database();
    let clock = TestClock::new();
    let open = |who: &str| {
        let mut s = Store::open(&db, who).expect("open");
        s.set_writer_id(&format!("terminal-{who}"));
        s.set_clock(Arc::new(clock.clone()));
        s
    };
    let (mut a, mut b) = (open("甲"), open("乙"));
    let now = clock.now();
    let meeting = a.latest_meeting().expect("read").expect("demo");
    let changes = [
        (
            lease::MINUTES,
            meeting.id,
            Change::AfterMeeting {
                after: AfterChange::MinutesText {
                    meeting_id: meeting.id,
                    number: 1,
                    text: "乙的文字".into(),
                },
            },
        ),
        (
            lease::MEETING,
            meeting.id,
            Change::Meeting(huiwu::store::planning::MeetingChange::Edit {
                meeting: meeting.clone(),
            }),
        ),
    ];
    for (entity, id, change) in changes {
        let key = LeaseKey::new(entity, id);
        a.transact_at(now, |tx| {
            Change::Lease {
                key: key.clone(),
                op: LeaseOp::Take { replace: None },
            }
            .apply(tx)
        })
        .expect("甲 takes the lease");
        let refused = b.transact_at(now, |tx| change.apply(tx));
        assert!(
            matches!(refused, Err(StoreError::Leased { ref operator }) if operator == "甲"),
            "{entity}: {refused:?}"
        );
    }
    let _ = (host_id(), millis(now));
}

/// A terminal that is still there renews its lease every 5 s (issue 10): 40 s after it
/// took the entry, with a renewal at 25 s, the other terminal is refused, not offered a
/// take-over (which only a lease not renewed for 30 s allows, as the test above shows).
#[test]
fn a_lease_renewed_every_5_s_is_never_offered_for_take_over() {
    let (_dir, db) = database();
    let rec_clock = TestClock::new();
    let mut rec = terminal(&db, "记录员", &rec_clock);
    let entry = focused_entry(&rec);
    type_str(&mut rec, "甲");
    rec.tick();
    // The recorder listens for 25 s (in the database's time) and the heartbeat is due.
    rec_clock.advance(25);
    std::thread::sleep(huiwu::app::lease::RENEW_EVERY + std::time::Duration::from_millis(100));
    rec.tick();
    let staff_clock = TestClock::new();
    staff_clock.advance(40);
    let mut staff = terminal(&db, "杨帆", &staff_clock);
    type_str(&mut staff, "乙");
    let asked = matches!(
        staff.ctx.layers.top().map(|l| &l.kind),
        Some(LayerKind::Confirm(_))
    );
    assert!(!asked, "a renewed lease is not offered: {}", screen(&staff));
    assert!(
        message(&staff).contains("正在由 记录员 编辑"),
        "{}",
        message(&staff)
    );
    assert!(!stored_text(&db, entry).contains('乙'));
}

#[test]
fn an_emergency_file_brought_back_at_once_takes_the_leases_its_ended_terminal_left() {
    let (_dir, db) = database();
    let clock = TestClock::new();
    // A recorder's terminal on this machine (its process id: none alive) types, then the
    // database is locked by another program, and it ends with its words in the file.
    let store =
        Store::open_with(&db, "记录员", std::time::Duration::from_millis(200)).expect("open");
    let mut recorder = console_on(store, "999999998-recorder", &clock);
    let entry = focused_entry(&recorder);
    type_str(&mut recorder, "经研究，");
    let holder = rusqlite::Connection::open(&db).expect("holder");
    holder.execute_batch("BEGIN EXCLUSIVE;").expect("lock");
    type_str(&mut recorder, "由刑侦大队牵头。");
    let words = shown_text(&recorder);
    let left = recorder.finish_within(std::time::Duration::from_millis(300));
    recorder.write_emergency(&left).expect("emergency file");
    drop(recorder);
    holder.execute_batch("COMMIT;").expect("unlock");
    // Its lease is still fresh in the table: the process is gone, not silent for 30 s.
    let row = Store::open_read_only(&db, "检查")
        .expect("open")
        .lease(&LeaseKey::entry(entry))
        .expect("read")
        .expect("the lease it could not let go");
    assert_eq!(row.holder, "999999998-recorder");
    // The next start offers the file; bringing it back writes the words at once.
    let mut next = terminal(&db, "杨帆", &clock);
    press(&mut next, KeyCode::Char('r'));
    next.flush(true);
    assert_eq!(stored_text(&db, entry), words, "{}", message(&next));
}
