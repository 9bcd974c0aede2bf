//! Saving a long entry by what changed (issue 11, R9.1): the console hands the saver only
//! the edited part of an entry (a splice), and whatever happens on the way — batches,
//! a lock, a save refused, the program ending — the database ends up with exactly the
//! text on the screen, and an emergency file holds the words themselves.
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use huiwu::app::keymap::Keymap;
use huiwu::app::saver::Saver;
use huiwu::app::{App, SaveState, Settings};
use huiwu::domain::procedure::Step;
use huiwu::domain::splice::Splice;
use huiwu::domain::{FixedClock, Id, Time};
use huiwu::i18n::Lang;
use huiwu::store::Store;
use huiwu::store::change::Change;
use huiwu::store::lease::{LeaseKey, LeaseOp};
use huiwu::store::procedure::NewEntry;
use huiwu::store::writer::{Job, Report, SaveQueue};
use huiwu::theme::Theme;
use tempfile::TempDir;

const NOW: &str = "2026-11-30T09:14:00+08:00";
const SHORT: Duration = Duration::from_millis(200);

fn now() -> Time {
    chrono::DateTime::parse_from_rfc3339(NOW).expect("time")
}

fn settings() -> Settings {
    Settings {
        lang: Lang::Zh,
        theme: Theme::default(),
        keymap: Keymap::default(),
        writer: None,
    }
}

/// The demo in a database file, and a new entry in its first topic.
fn demo_db(dir: &TempDir) -> (PathBuf, Id) {
    let path = dir.path().join("huiwu.db");
    let mut store = Store::open_with(&path, "测试员", SHORT).expect("open");
    let m = huiwu::demo::load(&mut store, now()).expect("demo");
    let topic = store.topics(m).expect("topics")[0].id;
    let e = store
        .insert_entry(&NewEntry {
            topic_id: topic,
            step: Step::Report,
            speaker_id: None,
            speaker_name: "吴刚",
            off_list: false,
            started_at: now(),
        })
        .expect("entry");
    (path, e.id)
}

fn job(generation: u64, changes: Vec<Change>) -> Arc<Job> {
    Arc::new(Job {
        generation,
        at: now(),
        changes,
    })
}

fn whole(entry_id: Id, text: &str) -> Change {
    Change::EntryText {
        entry_id,
        text: text.into(),
    }
}

/// The splice that turns `old` into `new`, keeping what both share at the ends.
fn splice(entry_id: Id, old: &str, new: &str) -> Change {
    let at = old
        .char_indices()
        .zip(new.chars())
        .find(|((_, a), b)| a != b)
        .map_or(old.len().min(new.len()), |((i, _), _)| i);
    let keep = old[at..]
        .chars()
        .rev()
        .zip(new[at..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum::<usize>();
    let text = new[at..new.len() - keep].to_string();
    let splice = Splice::new(old.len(), at, keep, text, new.len()).expect("fits");
    Change::EntrySplice { entry_id, splice }
}

/// The stored text of entry `e`.
fn text_of(store: &Store, e: Id) -> String {
    store.entry_text(e).expect("read").unwrap_or_default()
}

/// The reports say these jobs, and only these, were refused.
fn assert_refused(reports: &[Report], generations: &[u64]) {
    let refused: Vec<u64> = reports
        .iter()
        .map(|r| match r {
            Report::Rejected { generation, .. } => Some(*generation),
            _ => None,
        })
        .collect::<Option<_>>()
        .unwrap_or_else(|| panic!("not all refused: {reports:?}"));
    assert_eq!(refused, generations, "{reports:?}");
}

fn saved(reports: &[Report]) -> bool {
    reports.iter().all(|r| matches!(r, Report::Saved { .. }))
}

#[test]
fn the_saves_of_a_batch_apply_in_order_from_the_last_whole_text() {
    let dir = TempDir::new().expect("dir");
    let (path, e) = demo_db(&dir);
    let mut store = Store::open_with(&path, "测试员", SHORT).expect("open");
    let mut queue = SaveQueue::default();
    // Splices onto the stored (empty) text, then a whole text, then splices onto it.
    queue.push(job(1, vec![splice(e, "", "入冬以来")]));
    queue.push(job(2, vec![splice(e, "入冬以来", "入冬以来，辖区")]));
    queue.push(job(3, vec![whole(e, "关于冬季治安")]));
    queue.push(job(4, vec![splice(e, "关于冬季治安", "关于冬季治安防范")]));
    queue.push(job(
        5,
        vec![splice(e, "关于冬季治安防范", "关于加强冬季治安防范")],
    ));
    assert!(saved(&queue.commit(&mut store)));
    assert_eq!(text_of(&store, e), "关于加强冬季治安防范");
    // One at a time, each onto what the one before left.
    queue.push(job(
        6,
        vec![splice(
            e,
            "关于加强冬季治安防范",
            "关于加强冬季治安防范工作",
        )],
    ));
    assert!(saved(&queue.commit(&mut store)));
    assert_eq!(text_of(&store, e), "关于加强冬季治安防范工作");
}

#[test]
fn a_splice_made_for_another_text_is_refused_and_so_are_those_after_it_until_a_whole_text() {
    let dir = TempDir::new().expect("dir");
    let (path, e) = demo_db(&dir);
    let mut store = Store::open_with(&path, "测试员", SHORT).expect("open");
    let mut queue = SaveQueue::default();
    queue.push(job(1, vec![whole(e, "甲乙丙")]));
    assert!(saved(&queue.commit(&mut store)));
    // Made for "甲乙丙丁" (a save the database never had): refused, nothing changed.
    queue.push(job(2, vec![splice(e, "甲乙丙丁", "甲乙丙丁戊")]));
    // Made for a text as long as the stored one: it would fit, but it follows a refused
    // save, so it is refused too rather than applied to the wrong text.
    queue.push(job(3, vec![splice(e, "甲乙丁", "甲乙丁戊")]));
    assert_refused(&queue.commit(&mut store), &[2, 3]);
    assert_eq!(text_of(&store, e), "甲乙丙");
    // The whole text mends it; splices apply again after it.
    queue.push(job(4, vec![whole(e, "甲乙丙丁戊")]));
    queue.push(job(5, vec![splice(e, "甲乙丙丁戊", "甲乙丙丁戊己")]));
    assert!(saved(&queue.commit(&mut store)));
    assert_eq!(text_of(&store, e), "甲乙丙丁戊己");
}

#[test]
fn splices_queued_behind_a_lock_apply_once_when_it_is_released() {
    let dir = TempDir::new().expect("dir");
    let (path, e) = demo_db(&dir);
    let mut store = Store::open_with(&path, "测试员", SHORT).expect("open");
    let holder = rusqlite::Connection::open(&path).expect("holder");
    holder.execute_batch("BEGIN EXCLUSIVE;").expect("lock");
    let mut queue = SaveQueue::default();
    let steps = ["入冬", "入冬以来", "入冬以来，", "入冬以来，辖区"];
    let mut before = "";
    for (i, text) in steps.iter().enumerate() {
        queue.push(job(i as u64 + 1, vec![splice(e, before, text)]));
        before = text;
        // Each try fails whole and is tried again from the same stored text.
        let reports = queue.commit(&mut store);
        assert!(
            matches!(reports.as_slice(), [Report::Failed { .. }]),
            "{reports:?}"
        );
    }
    holder.execute_batch("COMMIT;").expect("unlock");
    assert!(saved(&queue.commit(&mut store)));
    assert_eq!(text_of(&store, e), "入冬以来，辖区");
}

#[test]
fn splices_a_saver_that_ended_may_have_written_are_refused_not_written_twice() {
    let dir = TempDir::new().expect("dir");
    let (path, e) = demo_db(&dir);
    let mut store = Store::open_with(&path, "测试员", SHORT).expect("open");
    let mut queue = SaveQueue::default();
    queue.push(job(1, vec![whole(e, "甲乙丙丁")]));
    assert!(saved(&queue.commit(&mut store)));
    // The saver thread wrote this splice and ended before it said so: the console hands
    // it to the saver on its own thread, which must not apply it again.
    // (字 typed after 甲, then 丙 deleted: written again, both would fit by length and
    // make 甲字字丁.)
    let typed = job(2, vec![splice(e, "甲乙丙丁", "甲字乙丙丁")]);
    let deleted = job(3, vec![splice(e, "甲字乙丙丁", "甲字乙丁")]);
    let mut gone = SaveQueue::default();
    gone.push(Arc::clone(&typed));
    gone.push(Arc::clone(&deleted));
    assert!(saved(&gone.commit(&mut store)));
    let mut queue = SaveQueue::default();
    queue.push(typed);
    queue.push(deleted);
    queue.distrust_splices();
    assert_refused(&queue.commit(&mut store), &[2, 3]);
    assert_eq!(text_of(&store, e), "甲字乙丁");
    // The whole text the editor then sends is written.
    queue.push(job(4, vec![whole(e, "甲字乙丁戊")]));
    assert!(saved(&queue.commit(&mut store)));
    assert_eq!(text_of(&store, e), "甲字乙丁戊");
}

/// Another terminal takes (or lets go) the lease on entry `e`.
fn other_terminal_lease(path: &Path, e: Id, take: bool) {
    let mut other = Store::open_with(path, "杨帆", SHORT).expect("open");
    other.set_writer_id("another-terminal");
    let op = if take {
        LeaseOp::Take { replace: None }
    } else {
        LeaseOp::Release
    };
    other
        .transact(|tx| {
            Change::Lease {
                key: LeaseKey::entry(e),
                op: op.clone(),
            }
            .apply(tx)
        })
        .expect("lease");
}

#[test]
fn a_whole_text_refused_stays_unsaved_though_a_later_one_is_saved_but_a_refused_splice_goes() {
    let dir = TempDir::new().expect("dir");
    let (path, e) = demo_db(&dir);
    let mut store = Store::open_with(&path, "测试员", SHORT).expect("open");
    let mut saver = Saver::new(None);
    // The lease's clock is the machine's.
    let now = chrono::Local::now().fixed_offset();
    // While another terminal holds the entry, a whole text and a splice are refused.
    other_terminal_lease(&path, e, true);
    let refused_whole = saver.submit(&mut store, now, vec![whole(e, "甲乙丙")]);
    let refused_splice = saver.submit(&mut store, now, vec![splice(e, "", "甲")]);
    assert!(saver.is_rejected(refused_whole) && saver.is_rejected(refused_splice));
    // It lets go; a later whole text of the entry is saved.
    other_terminal_lease(&path, e, false);
    let saved = saver.submit(&mut store, now, vec![whole(e, "另一段文字")]);
    assert!(saver.is_committed(saved));
    // The splice's words are in that text (its editor saves whole after a refusal); the
    // refused whole text may hold words nothing else has (its editor may have been
    // replaced by another terminal's text since): it stays, for the emergency file.
    let left: Vec<u64> = saver.pending().map(|j| j.generation).collect();
    assert_eq!(left, vec![refused_whole]);
    assert!(matches!(saver.state(false), SaveState::Failed(_)));
}

// ------------------------------------------------------------------ through the console

fn key(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    app.handle_event(Event::Key(KeyEvent::new(code, mods)));
}

fn focused(app: &App) -> (Id, String) {
    let ed = app.console.procedure.focused_ref().expect("an entry");
    (ed.entry.id, ed.text())
}

fn stored(app: &App) -> String {
    let (id, _) = focused(app);
    app.ctx
        .store
        .entry_text(id)
        .expect("read")
        .unwrap_or_default()
}

/// The demo's console in memory with a long report pasted into a new entry and saved.
fn long_entry() -> App {
    let mut store = Store::open_in_memory("测试员").expect("store");
    huiwu::demo::load(&mut store, now()).expect("demo");
    let mut app = App::new(store, settings(), Box::new(FixedClock(now()))).expect("app");
    let long = "冬季治安防范专项行动方案，第一阶段排查隐患。\n".repeat(2000);
    app.handle_event(Event::Paste(long));
    app.flush(true);
    app.tick();
    app
}

/// A small deterministic generator.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

#[test]
fn typing_anywhere_in_a_long_entry_keeps_the_disk_equal_to_the_screen() {
    let mut app = long_entry();
    let mut rng = Lcg(11);
    let none = KeyModifiers::NONE;
    let ctrl = KeyModifiers::CONTROL;
    for round in 0..300 {
        match rng.below(12) {
            0..=3 => {
                for c in "再补充一句".chars().take(1 + rng.below(5)) {
                    key(&mut app, KeyCode::Char(c), none);
                }
            }
            4 => key(&mut app, KeyCode::Enter, none),
            5 => key(&mut app, KeyCode::Backspace, none),
            6 => key(&mut app, KeyCode::Delete, none),
            7 => key(&mut app, KeyCode::Char('z'), ctrl),
            8 => app.handle_event(Event::Paste("第一条。\n第二条。\n".into())),
            9 => key(&mut app, [KeyCode::Up, KeyCode::Down][rng.below(2)], none),
            10 => key(&mut app, [KeyCode::Home, KeyCode::End][rng.below(2)], ctrl),
            _ => key(
                &mut app,
                [KeyCode::Left, KeyCode::Right][rng.below(2)],
                none,
            ),
        }
        // The save timer's flush: the edited part only.
        if rng.below(3) == 0 {
            app.flush(false);
            app.tick();
            assert_eq!(stored(&app), focused(&app).1, "round {round}");
        }
    }
    app.flush(false);
    app.tick();
    assert_eq!(stored(&app), focused(&app).1);
    assert!(matches!(app.ctx.saver.state(false), SaveState::Saved(_)));
    // And what the timer hands over for a word typed in 88,000 characters is that word.
    key(&mut app, KeyCode::Char('完'), none);
    let save = app
        .console
        .procedure
        .focused_editor()
        .map(|e| e.take_save(false));
    assert!(
        matches!(&save, Some(Change::EntrySplice { splice, .. }) if splice.text == "完"),
        "{save:?}"
    );
}

#[test]
fn a_splice_the_database_refuses_is_followed_by_the_whole_text() {
    let mut app = long_entry();
    // The stored text changes behind the console's back (as a save that never arrived
    // would leave it): the next splice is made for a text the database does not have.
    let (id, _) = focused(&app);
    app.ctx
        .store
        .save_entry_texts(&[(id, "别处改过的文字".into())], now())
        .expect("write");
    key(&mut app, KeyCode::Char('甲'), KeyModifiers::NONE);
    app.flush(false);
    app.tick();
    assert!(matches!(app.ctx.saver.state(false), SaveState::Failed(_)));
    // The next save is the whole text, though nothing more was typed.
    app.flush(false);
    app.tick();
    assert_eq!(stored(&app), focused(&app).1);
    // The refused splice is superseded: nothing is left unsaved, and the status says so.
    assert!(matches!(app.ctx.saver.state(false), SaveState::Saved(_)));
    assert!(app.finish_within(Duration::from_secs(1)).is_empty());
}

fn emergency_files(db: &Path) -> Vec<PathBuf> {
    huiwu::emergency::find(db)
}

#[test]
fn what_a_locked_database_does_not_take_reaches_the_emergency_file_as_words() {
    let dir = TempDir::new().expect("dir");
    let (path, _) = demo_db(&dir);
    let store = Store::open_with(&path, "测试员", SHORT).expect("open");
    let mut app = App::new(store, settings(), Box::new(FixedClock(now()))).expect("app");
    let long = "关于辖区电信网络诈骗案件高发的情况。\n".repeat(1500);
    app.handle_event(Event::Paste(long));
    app.flush(true);
    app.tick();
    assert!(matches!(app.ctx.saver.state(false), SaveState::Saved(_)));
    let holder = rusqlite::Connection::open(&path).expect("holder");
    holder.execute_batch("BEGIN EXCLUSIVE;").expect("lock");
    for word in ["经研究", "决定由刑侦大队牵头", "。"] {
        for c in word.chars() {
            key(&mut app, KeyCode::Char(c), KeyModifiers::NONE);
        }
        app.flush(false);
        app.tick();
    }
    let screen = focused(&app).1;
    // Quitting writes the file from what is still queued: splices, the last of them not
    // followed by a whole text; the file stands on its own all the same.
    let queued: Vec<Arc<Job>> = app.ctx.saver.pending().cloned().collect();
    assert!(queued.last().is_some_and(|j| {
        j.changes
            .iter()
            .any(|c| matches!(c, Change::EntrySplice { .. }))
    }));
    let file = huiwu::emergency::Emergency::new(&path, "测试员", now(), &app.unsaved_jobs(queued));
    assert!(
        !file
            .jobs
            .iter()
            .flat_map(|j| j.changes.iter())
            .any(|c| matches!(c, Change::EntrySplice { .. }))
    );
    assert_eq!(
        file.texts.last().map(|t| t.text.as_str()),
        Some(screen.as_str())
    );
    let left = app.finish_within(Duration::from_millis(300));
    assert!(!left.is_empty(), "the lock kept the saves out");
    let written = app.write_emergency(&left).expect("emergency file");
    let e = huiwu::emergency::read(&path, &written).expect("read it back");
    // No splice in the file: the whole text stands in for them, readable.
    let changes: Vec<&Change> = e.jobs.iter().flat_map(|j| j.changes.iter()).collect();
    assert!(
        !changes
            .iter()
            .any(|c| matches!(c, Change::EntrySplice { .. })),
        "{changes:?}"
    );
    assert_eq!(
        e.texts.last().map(|t| t.text.as_str()),
        Some(screen.as_str())
    );
    drop(app);
    holder.execute_batch("COMMIT;").expect("unlock");
    // The next start offers it; bringing it back stores the text as it was on screen.
    let store = Store::open_with(&path, "测试员", SHORT).expect("open");
    let mut app = App::new(store, settings(), Box::new(FixedClock(now()))).expect("app");
    assert_eq!(emergency_files(&path), vec![written]);
    key(&mut app, KeyCode::Char('r'), KeyModifiers::NONE);
    app.tick();
    assert!(app.finish_within(Duration::from_secs(2)).is_empty());
    let id = e
        .jobs
        .iter()
        .flat_map(|j| j.changes.iter())
        .find_map(|c| match c {
            Change::EntryText { entry_id, .. } => Some(*entry_id),
            _ => None,
        })
        .expect("an entry's text");
    let check = Store::open_with(&path, "测试员", SHORT).expect("open");
    assert_eq!(check.entry_text(id).expect("read"), Some(screen));
}
