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

/// `s` in rows of at most `width` columns, a wide char never split nor let past the edge
/// (ratatui's own wrap lets a wide char at the end of a row overhang by one column onto
/// a border). English breaks at a space near the end of the row where there is one.
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    let width = width.max(2);
    let mut rows = Vec::new();
    let mut row = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > width {
            // Break after the last space when the word it starts is short.
            let tail = row.rfind(' ').map(|i| row[i + 1..].to_string());
            match tail.filter(|t| t.width() < width / 3) {
                Some(t) => {
                    row.truncate(row.len() - t.len());
                    rows.push(row.trim_end().to_string());
                    row = t;
                }
                None => rows.push(std::mem::take(&mut row)),
            }
            w = row.width();
        }
        row.push(c);
        w += cw;
    }
    rows.push(row);
    rows
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
    fn wrap_keeps_every_row_within_the_width() {
        let s = "1. （2026年11月29日会议）关于开展冬季治安防范专项行动的工作方案：同意";
        for width in [7, 10, 21, 40] {
            let rows = wrap(s, width);
            assert!(rows.iter().all(|r| r.width() <= width), "{width}: {rows:?}");
            assert_eq!(rows.concat(), s);
        }
        assert_eq!(
            wrap("due 2026-12-07 (overdue)", 16),
            ["due 2026-12-07", "(overdue)"]
        );
    }

    #[test]
    fn fit_pads_by_display_width_and_never_splits_a_wide_char() {
        assert_eq!(fit("王建国", 8), "王建国  ");
        assert_eq!(fit("王建国", 5), "王建 ");
        assert_eq!(fit("ab", 3), "ab ");
        assert_eq!(clip("关于开展冬季治安防范专项行动", 9), "关于开展…");
        assert_eq!(hms(3725), "01:02:05");
    }
}
