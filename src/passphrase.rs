//! Screen-lock passphrases (issue 10): Argon2id hashes (`argon2`), and the
//! `huiwu passphrase` command that sets one, asking twice without echo.
use std::io::{BufRead, Write};

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};

/// Hash a passphrase with Argon2id at the crate's recommended cost (19 MiB, 2 passes), a
/// fresh random salt, in PHC form: the parameters travel with the hash.
pub fn hash(passphrase: &str) -> Result<String, String> {
    hash_with(passphrase, Params::DEFAULT)
}

/// As [`hash`], with other costs (tests use cheap ones to stay fast).
#[doc(hidden)]
pub fn hash_with(passphrase: &str, params: Params) -> Result<String, String> {
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
    argon
        .hash_password(passphrase.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

/// Cheap parameters for tests: 8 KiB, one pass.
#[doc(hidden)]
pub fn cheap_params() -> Params {
    Params::new(8, 1, 1, None).unwrap_or(Params::DEFAULT)
}

/// Does `passphrase` match `hash`? A hash that cannot be read matches nothing.
pub fn verify(passphrase: &str, hash: &str) -> bool {
    Argon2::default()
        .verify_password(passphrase.as_bytes(), hash)
        .is_ok()
}

/// `huiwu passphrase [--clear]`: set this operator's screen-lock passphrase, asked twice
/// without echo, or remove it. Returns what to tell the user (Err: nothing was changed).
pub fn command(
    store: &mut crate::store::Store,
    lang: crate::i18n::Lang,
    clear: bool,
) -> Result<String, String> {
    use crate::i18n;
    let operator = store.operator().to_string();
    if clear {
        store
            .set_passphrase_hash(None)
            .map_err(|e| i18n::store_error(lang, &e))?;
        return Ok(i18n::passphrase_cleared(lang, &operator));
    }
    let first = read_hidden(lang.t(&i18n::PASSPHRASE_NEW)).map_err(|e| e.to_string())?;
    if first.is_empty() {
        return Err(lang.t(&i18n::PASSPHRASE_EMPTY).to_string());
    }
    let again = read_hidden(lang.t(&i18n::PASSPHRASE_AGAIN)).map_err(|e| e.to_string())?;
    if first != again {
        return Err(lang.t(&i18n::PASSPHRASE_MISMATCH).to_string());
    }
    let h = hash(&first)?;
    store
        .set_passphrase_hash(Some(&h))
        .map_err(|e| i18n::store_error(lang, &e))?;
    Ok(i18n::passphrase_set(lang, &operator))
}

/// Read one line from the terminal without echoing it (from stdin as it is when stdin is
/// not a terminal, so the command can be scripted).
pub fn read_hidden(prompt: &str) -> std::io::Result<String> {
    let mut err = std::io::stderr();
    write!(err, "{prompt}")?;
    err.flush()?;
    let echo = EchoOff::new();
    let mut line = String::new();
    let n = std::io::stdin().lock().read_line(&mut line)?;
    drop(echo);
    writeln!(err)?;
    if n == 0 {
        return Err(std::io::Error::new(
            std::io::ErrorKind::UnexpectedEof,
            "no input",
        ));
    }
    Ok(line.trim_end_matches(['\n', '\r']).to_string())
}

/// The terminal's echo turned off until dropped (nothing when stdin is not a terminal).
struct EchoOff {
    #[cfg(unix)]
    saved: Option<libc::termios>,
}

impl EchoOff {
    #[cfg(unix)]
    fn new() -> Self {
        // SAFETY: tcgetattr/tcsetattr on stdin with a zeroed, then filled, termios;
        // failure (not a terminal) leaves everything as it was.
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(libc::STDIN_FILENO, &mut t) != 0 {
                return Self { saved: None };
            }
            let saved = t;
            t.c_lflag &= !(libc::ECHO | libc::ECHONL);
            t.c_lflag |= libc::ICANON;
            libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &t);
            Self { saved: Some(saved) }
        }
    }

    #[cfg(not(unix))]
    fn new() -> Self {
        Self {}
    }
}

impl Drop for EchoOff {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(t) = &self.saved {
            // SAFETY: restores the termios read in `new`.
            unsafe {
                libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, t);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_passphrase_and_no_other() {
        let h = hash_with("冬季 防范", cheap_params()).expect("hash");
        assert!(h.starts_with("$argon2id$"), "{h}");
        assert!(verify("冬季 防范", &h));
        assert!(!verify("冬季防范", &h));
        assert!(!verify("冬季 防范", "not a hash"));
        // A fresh salt each time.
        assert_ne!(h, hash_with("冬季 防范", cheap_params()).expect("hash"));
    }
}
