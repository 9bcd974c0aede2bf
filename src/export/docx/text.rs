//! Text into runs: every character kept, line breaks and tabs as Word's own elements.
use docx_rs::{BreakType, Run};
use unicode_width::UnicodeWidthChar;

use super::fonts::Face;

/// A character XML 1.0 cannot hold (C0 controls other than tab and line breaks, U+FFFE,
/// U+FFFF) shown as its visible Unicode control picture (U+2400 block) or U+FFFD, so the
/// document stays valid and the character is still seen, not silently dropped.
pub fn xml_char(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => c,
        c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{FFFE}' | '\u{FFFF}' => '\u{FFFD}',
        c => c,
    }
}

/// A run in `face` at `size` (half-points) with nothing in it yet.
pub fn styled(face: Face, size: usize) -> Run {
    Run::new().fonts(face.run_fonts()).size(size)
}

/// A run of `text`: "\n" and "\r\n" become line breaks (`w:br`), a lone "\r" a carriage
/// return (`w:cr`), "\t" a tab (`w:tab`); spaces are kept (`xml:space="preserve"`); no
/// character is trimmed.
pub fn run(text: &str, face: Face, size: usize) -> Run {
    let mut r = styled(face, size);
    let mut chunk = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let special = matches!(c, '\n' | '\r' | '\t');
        if special && !chunk.is_empty() {
            r = r.add_text(std::mem::take(&mut chunk));
        }
        match c {
            '\n' => r = r.add_break(BreakType::TextWrapping),
            '\r' if chars.peek() == Some(&'\n') => {
                chars.next();
                r = r.add_break(BreakType::TextWrapping);
            }
            '\r' => r = r.add_carriage_return(),
            '\t' => r = r.add_tab(),
            c => chunk.push(xml_char(c)),
        }
    }
    if !chunk.is_empty() {
        r = r.add_text(chunk);
    }
    r
}

/// Width of a text in body characters: a CJK character is one, a Latin letter or digit
/// half (GB/T 9704 counts 字 as full-width characters).
pub fn width_chars(text: &str) -> f64 {
    let cols: usize = text
        .chars()
        .map(|c| UnicodeWidthChar::width(c).unwrap_or(0))
        .sum();
    cols as f64 / 2.0
}

/// Twips of `chars` characters on the body grid, rounded.
pub fn twips(chars: f64) -> i32 {
    (chars * f64::from(super::layout::CHAR)).round() as i32
}
