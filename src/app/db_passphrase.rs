//! The database passphrase screen (issue 10): an encrypted database asks for its passphrase
//! before the console opens, on a small screen of its own, keyboard only. Nothing typed is
//! shown but one dot per character; a wrong passphrase says so and lets the user try
//! again; Esc leaves.
use std::path::{Path, PathBuf};
use std::time::Duration;

use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};

use crate::i18n::{self, Lang};
use crate::store::StoreError;
use crate::store::cipher::Passphrase;

/// What the screen shows.
pub struct PassPrompt {
    pub lang: Lang,
    pub db: PathBuf,
    /// Characters typed so far (shown as dots only).
    pub typed: String,
    /// Why the last try failed.
    pub error: Option<String>,
    /// A try is under way (the key derivation takes a moment).
    pub opening: bool,
}

/// What a key does on the screen.
#[derive(Debug, PartialEq, Eq)]
pub enum Step {
    Typing,
    Try,
    Leave,
}

impl PassPrompt {
    pub fn new(lang: Lang, db: &Path) -> Self {
        Self {
            lang,
            db: db.to_path_buf(),
            typed: String::new(),
            error: None,
            opening: false,
        }
    }

    pub fn key(&mut self, code: KeyCode, modifiers: KeyModifiers) -> Step {
        let ctrl = modifiers.contains(KeyModifiers::CONTROL);
        match code {
            KeyCode::Enter if !self.typed.is_empty() => return Step::Try,
            KeyCode::Esc => return Step::Leave,
            KeyCode::Char('c' | 'q') if ctrl => return Step::Leave,
            KeyCode::Char('u') if ctrl => self.typed.clear(),
            KeyCode::Backspace => {
                self.typed.pop();
            }
            KeyCode::F(9) => self.lang = self.lang.other(),
            KeyCode::Char(c) if !ctrl => {
                self.typed.push(c);
                self.error = None;
            }
            _ => {}
        }
        Step::Typing
    }

    /// The failed try: say why, start again.
    pub fn failed(&mut self, e: &StoreError) {
        self.opening = false;
        self.typed.clear();
        self.error = Some(match e {
            StoreError::WrongPassphrase { .. } | StoreError::NotHuiwu { .. } => {
                i18n::wrong_passphrase(self.lang, &self.db)
            }
            other => i18n::open_error(self.lang, other),
        });
    }
}

/// Ask for the passphrase until `open` accepts one. None: the user left. Another failure
/// than a wrong passphrase (locked, damaged…) ends the screen with that error.
pub fn ask<T>(
    lang: Lang,
    db: &Path,
    mut open: impl FnMut(Passphrase) -> Result<T, StoreError>,
) -> Option<Result<T, StoreError>> {
    let mut terminal = ratatui::init();
    let mut prompt = PassPrompt::new(lang, db);
    let outcome = loop {
        if terminal
            .draw(|f| crate::ui::db_passphrase::render(f, &prompt))
            .is_err()
        {
            break None;
        }
        if prompt.opening {
            match open(Passphrase::new(std::mem::take(&mut prompt.typed))) {
                Ok(t) => break Some(Ok(t)),
                Err(e @ (StoreError::WrongPassphrase { .. } | StoreError::NotHuiwu { .. })) => {
                    prompt.failed(&e)
                }
                Err(e) => break Some(Err(e)),
            }
            continue;
        }
        match event::poll(Duration::from_millis(250)) {
            Ok(true) => {}
            Ok(false) => continue,
            Err(_) => break None,
        }
        match event::read() {
            Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => {
                match prompt.key(k.code, k.modifiers) {
                    Step::Typing => {}
                    // Draw "opening…" first, then try.
                    Step::Try => prompt.opening = true,
                    Step::Leave => break None,
                }
            }
            Ok(Event::Paste(text)) => prompt.typed.push_str(&text),
            Ok(_) => {}
            Err(_) => break None,
        }
    };
    ratatui::restore();
    outcome
}
