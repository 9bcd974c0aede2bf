//! Pinyin initials of a name (张建国 → zjg), so a person can be found by typing a few
//! letters (R9.3, the pickers of the check-in and the back office).
//!
//! Characters with several readings are read by the `pinyin` crate in their most common
//! reading, which is often wrong for a surname (单 is dān, but the surname is Shàn): a
//! table corrects surnames at the start of a name. Latin letters are kept lower-cased,
//! one per word (Tom Li → tl); digits, spaces and marks such as the middle dot of
//! transliterated names (阿拉坦·巴根) are dropped. A person's own correction always wins.
use pinyin::ToPinyin;

/// Surnames read wrongly by their most common reading: (surname, initials). Compound
/// surnames first, so they are matched before their first character alone.
pub const SURNAME_INITIALS: &[(&str, &str)] = &[
    ("尉迟", "yc"),
    ("万俟", "mq"),
    ("长孙", "zs"),
    ("澹台", "tt"),
    ("单于", "cy"),
    ("单", "s"),
    ("曾", "z"),
    ("解", "x"),
    ("仇", "q"),
    ("区", "o"),
    ("查", "z"),
    ("朴", "p"),
    ("盖", "g"),
    ("缪", "m"),
    ("乐", "y"),
    ("覃", "q"),
    ("召", "s"),
    ("翟", "z"),
    ("秘", "b"),
    ("宓", "f"),
    ("繁", "p"),
    ("种", "c"),
    ("句", "g"),
    ("折", "s"),
    ("重", "c"),
    ("员", "y"),
    ("能", "n"),
    ("尉", "w"),
];

/// The initials of `name` by rule: surname table, then each character's pinyin.
pub fn initials(name: &str) -> String {
    let name = name.trim();
    let (mut out, rest) = match SURNAME_INITIALS
        .iter()
        .find(|(surname, _)| name.starts_with(surname))
    {
        Some((surname, ini)) => (ini.to_string(), &name[surname.len()..]),
        None => (String::new(), name),
    };
    let mut in_latin_word = false;
    for (ch, py) in rest.chars().zip(rest.to_pinyin()) {
        let ch = half_width(ch);
        if ch.is_ascii_alphabetic() {
            if !in_latin_word {
                out.push(ch.to_ascii_lowercase());
            }
            in_latin_word = true;
            continue;
        }
        in_latin_word = false;
        if let Some(py) = py {
            out.push_str(py.first_letter());
        }
    }
    out
}

/// The initials to store for a person: their own correction when they gave one (kept as
/// lower-case letters), else [`initials`] of the name.
pub fn initials_for(name: &str, own: &str) -> String {
    let own: String = own
        .chars()
        .map(half_width)
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if own.is_empty() { initials(name) } else { own }
}

/// A full-width Latin letter or digit (Ａ, ｂ, ３) as its ASCII form.
fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}
