//! Width-aware text helpers: Chinese characters take two columns (R9.3).
use unicode_width::UnicodeWidthStr;

/// Pad (or cut) `s` to exactly `width` display columns, never splitting a wide char.
pub fn fit(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push_str(&" ".repeat(width.saturating_sub(w)));
    out
}

/// Cut `s` to at most `width` columns, with an ellipsis when cut.
pub fn clip(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let cut = fit(s, width.saturating_sub(1));
    format!("{}…", cut.trim_end())
}

/// HH:MM:SS of a duration in seconds (negative shows as 00:00:00).
pub fn hms(secs: i64) -> String {
    let s = secs.max(0);
    format!("{:02}:{:02}:{:02}", s / 3600, s % 3600 / 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_pads_by_display_width_and_never_splits_a_wide_char() {
        assert_eq!(fit("王建国", 8), "王建国  ");
        assert_eq!(fit("王建国", 5), "王建 ");
        assert_eq!(fit("ab", 3), "ab ");
        assert_eq!(clip("关于开展冬季治安防范专项行动", 9), "关于开展…");
        assert_eq!(hms(3725), "01:02:05");
    }
}
