//! The database passphrase screen (issue 10): any terminal size down to 1×1 without a panic, the
//! passphrase never on screen (one dot per character), and its keys.
use crossterm::event::{KeyCode, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use huiwu::app::db_passphrase::{PassPrompt, Step};
use huiwu::i18n::Lang;
use huiwu::store::StoreError;

fn typed(p: &mut PassPrompt, text: &str) {
    for c in text.chars() {
        assert_eq!(p.key(KeyCode::Char(c), KeyModifiers::NONE), Step::Typing);
    }
}

fn screen(p: &PassPrompt, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| huiwu::ui::db_passphrase::render(f, p))
        .expect("draw");
    let buf = t.backend().buffer().clone();
    // A wide character fills two cells: the second is not text.
    let mut out = String::new();
    let mut skip = false;
    for c in buf.content() {
        if skip {
            skip = false;
            continue;
        }
        out.push_str(c.symbol());
        skip = unicode_width::UnicodeWidthStr::width(c.symbol()) == 2;
    }
    out
}

#[test]
fn every_size_draws_and_the_passphrase_is_never_shown() {
    let mut p = PassPrompt::new(Lang::Zh, std::path::Path::new("/srv/会务/huiwu.db"));
    typed(&mut p, "secret口令");
    for w in 1..=90 {
        for h in 1..=20 {
            let s = screen(&p, w, h);
            assert!(!s.contains("secret") && !s.contains("口令口"), "{w}x{h}");
        }
    }
    let s = screen(&p, 100, 30);
    assert!(
        s.contains("••••••••") && !s.contains("•••••••••"),
        "one dot per character: {s}"
    );
    assert!(s.contains("/srv/会务/huiwu.db 已加密"), "{s}");
}

#[test]
fn keys_of_the_passphrase_screen() {
    let mut p = PassPrompt::new(Lang::En, std::path::Path::new("h.db"));
    assert_eq!(
        p.key(KeyCode::Enter, KeyModifiers::NONE),
        Step::Typing,
        "nothing to try"
    );
    typed(&mut p, "ab");
    p.key(KeyCode::Backspace, KeyModifiers::NONE);
    assert_eq!(p.typed, "a");
    p.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(p.typed, "");
    typed(&mut p, "x");
    assert_eq!(p.key(KeyCode::Enter, KeyModifiers::NONE), Step::Try);
    p.failed(&StoreError::WrongPassphrase {
        path: "h.db".into(),
    });
    assert_eq!(p.typed, "", "a failed try starts again");
    let s = screen(&p, 100, 30);
    assert!(
        s.contains("Wrong passphrase, or not a huiwu database"),
        "{s}"
    );
    assert_eq!(p.key(KeyCode::Esc, KeyModifiers::NONE), Step::Leave);
    assert_eq!(
        p.key(KeyCode::Char('c'), KeyModifiers::CONTROL),
        Step::Leave
    );
}
