//! Helpers for reading files people write by hand (config, themes, calendars, rosters):
//! errors name the file and the line.
use std::path::PathBuf;

/// "path:line: " prefix for error messages; empty when neither is known.
pub fn at(path: &Option<PathBuf>, line: &Option<usize>) -> String {
    match (path, line) {
        (Some(p), Some(l)) => format!("{}:{l}: ", p.display()),
        (Some(p), None) => format!("{}: ", p.display()),
        (None, Some(l)) => format!("line {l}: "),
        (None, None) => String::new(),
    }
}

/// 1-based line containing byte `offset` of `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_places() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 99), 3);
        assert_eq!(at(&None, &Some(3)), "line 3: ");
        assert_eq!(at(&Some("x.toml".into()), &Some(3)), "x.toml:3: ");
    }
}
