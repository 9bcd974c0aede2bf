//! Asking on the terminal, for the commands (issue 10): a passphrase without echo, a new
//! one twice, a yes before something is replaced. Without a terminal (a script), each
//! answer is one line of standard input.
use std::io::{BufRead, IsTerminal, Write};

use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};

use crate::i18n::{self, Lang};
use crate::store::cipher::Passphrase;

/// Ask for a passphrase, not echoed; none when cancelled (Esc, Ctrl-C, end of input).
pub fn passphrase(prompt: &str) -> Option<Passphrase> {
    if !std::io::stdin().is_terminal() {
        return read_line().map(Passphrase::new);
    }
    eprint!("{prompt}");
    let _ = std::io::stderr().flush();
    crossterm::terminal::enable_raw_mode().ok()?;
    let typed = read_hidden();
    let _ = crossterm::terminal::disable_raw_mode();
    eprintln!();
    typed.map(Passphrase::new)
}

/// Keys until Enter; nothing is shown.
fn read_hidden() -> Option<String> {
    let mut text = String::new();
    loop {
        let Ok(Event::Key(k)) = event::read() else {
            continue;
        };
        if k.kind == KeyEventKind::Release {
            continue;
        }
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        match k.code {
            KeyCode::Enter => return Some(text),
            KeyCode::Esc => return None,
            KeyCode::Char('c' | 'd') if ctrl => return None,
            KeyCode::Char('u') if ctrl => text.clear(),
            KeyCode::Backspace => {
                text.pop();
            }
            KeyCode::Char(c) if !ctrl => text.push(c),
            _ => {}
        }
    }
}

/// A new passphrase, typed twice alike and not empty; none when cancelled or three
/// tries did not agree.
pub fn new_passphrase(lang: Lang) -> Option<Passphrase> {
    for _ in 0..3 {
        let first = passphrase(lang.t(&i18n::NEW_PASSPHRASE))?;
        if first.is_empty() {
            eprintln!("{}", lang.t(&i18n::EMPTY_PASSPHRASE));
            continue;
        }
        let again = passphrase(lang.t(&i18n::PASSPHRASE_AGAIN))?;
        if first.as_str() == again.as_str() {
            return Some(first);
        }
        eprintln!("{}", lang.t(&i18n::PASSPHRASES_DIFFER));
    }
    None
}

/// Ask a yes/no question; only an explicit yes is yes.
pub fn confirm(question: &str) -> bool {
    eprint!("{question}");
    let _ = std::io::stderr().flush();
    read_line().is_some_and(|a| matches!(a.trim().to_lowercase().as_str(), "y" | "yes" | "是"))
}

/// One line of standard input, without its line end; none at the end of input.
fn read_line() -> Option<String> {
    let mut line = String::new();
    match std::io::stdin().lock().read_line(&mut line) {
        Ok(0) | Err(_) => None,
        Ok(_) => Some(line.trim_end_matches(['\n', '\r']).to_string()),
    }
}
