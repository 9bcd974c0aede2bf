//! Chinese official writing (公文) conventions the papers share: dates in Arabic numerals
//! (GB/T 9704-2012 §7.3.5: "2026年11月28日", no leading zeros) and the ordinals of the
//! first level of structure (一、二、…).
use chrono::{Datelike, NaiveDate};

/// "2026年11月28日": year, month and day in Arabic numerals, no leading zeros.
pub fn date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// A number in Chinese numerals as written in ordinals: 1 → 一, 10 → 十, 12 → 十二,
/// 20 → 二十, 105 → 一百零五. Zero gives 〇.
pub fn numeral(n: u32) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    const UNITS: [&str; 4] = ["", "十", "百", "千"];
    if n == 0 {
        return DIGITS[0].to_string();
    }
    if n >= 10_000 {
        // Beyond any agenda or register; Arabic numerals read as well.
        return n.to_string();
    }
    let digits: Vec<usize> = n
        .to_string()
        .bytes()
        .map(|b| usize::from(b - b'0'))
        .collect();
    let len = digits.len();
    let mut out = String::new();
    let mut zero_pending = false;
    for (i, &d) in digits.iter().enumerate() {
        let unit = UNITS[len - 1 - i];
        if d == 0 {
            zero_pending = !out.is_empty();
            continue;
        }
        if zero_pending {
            out.push('零');
            zero_pending = false;
        }
        // 十二, not 一十二, when the number starts with the tens.
        if !(d == 1 && unit == "十" && out.is_empty()) {
            out.push_str(DIGITS[d]);
        }
        out.push_str(unit);
    }
    out
}

/// The first-level ordinal of a part: 1 → "一、".
pub fn ordinal(n: u32) -> String {
    format!("{}、", numeral(n))
}

/// Items joined the Chinese way: "甲、乙、丙". Blank items are left out, each is trimmed.
pub fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("、")
}

/// The text with one closing full stop: trailing spaces and a trailing 。；，,.;
/// are dropped and "。" put back — unless it ends with ！ or ？, which are kept.
pub fn sentence(text: &str) -> String {
    let t = text.trim_end();
    if t.ends_with(['！', '？', '!', '?']) {
        return t.to_string();
    }
    let t = t.trim_end_matches(['。', '；', '，', ',', '.', ';', '：', ':']);
    format!("{t}。")
}
