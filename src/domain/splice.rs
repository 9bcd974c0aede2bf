//! Saving a long entry by what changed (issue 11, R9.1): a recorder's entry can hold a
//! whole report of 100,000 characters, and the console saves it several times a second.
//! Handing the saver the whole text each time cost the screen's thread a 300 KB copy per
//! save; a splice carries only the part between what stayed the same at the start and at
//! the end. It also says how long the text it applies to is and how long the result is,
//! so a splice that meets a text it was not made for is refused, never applied wrongly.
use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Splice {
    /// Bytes at the start that stayed the same: where the changed part begins.
    pub at: usize,
    /// Bytes at the end that stayed the same.
    pub keep: usize,
    /// The length in bytes of the text this applies to.
    pub from_len: usize,
    /// What now stands between `at` and the unchanged end.
    pub text: String,
    /// The length in bytes of the text it makes.
    pub to_len: usize,
    /// A few characters of the unchanged text just before `at` and just after the
    /// changed part, as the editor had them: a splice that meets a text of the right
    /// length but other words around it (a save applied twice, another terminal's text)
    /// is refused too.
    #[serde(default)]
    pub before: String,
    #[serde(default)]
    pub after: String,
}

/// About how many bytes of context a splice carries on each side.
const CONTEXT: usize = 12;

/// Bytes `start..end` of the text the lines make when joined with new lines, without
/// joining them; `None` when either end is not at a character's start.
pub fn part_of_lines(lines: &[String], start: usize, end: usize) -> Option<String> {
    if end < start {
        return None;
    }
    let mut out = String::with_capacity(end - start);
    let mut pos = 0;
    for (i, line) in lines.iter().enumerate() {
        if pos >= end {
            break;
        }
        let line_end = pos + line.len();
        if line_end >= start {
            let from = start.saturating_sub(pos);
            let to = end.min(line_end) - pos;
            out.push_str(line.get(from..to)?);
        }
        // The new line after this one, when it lies inside the part.
        if i + 1 < lines.len() && line_end >= start && line_end < end {
            out.push('\n');
        }
        pos = line_end + 1;
    }
    (out.len() == end - start).then_some(out)
}

/// The length in bytes of the text the lines make when joined with new lines.
pub fn joined_len(lines: &[String]) -> usize {
    lines.iter().map(String::len).sum::<usize>() + lines.len().saturating_sub(1)
}

/// A splice met a text it was not made for (a save before it never arrived).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    pub splice_from: usize,
    pub text_len: usize,
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "an edit made for a text of {} bytes met one of {} bytes",
            self.splice_from, self.text_len
        )
    }
}

impl Splice {
    /// The splice that makes a text of `to_len` bytes from one of `from_len`, the first
    /// `at` and the last `keep` bytes of both being the same; `None` when these do not add
    /// up.
    pub fn new(
        from_len: usize,
        at: usize,
        keep: usize,
        text: String,
        to_len: usize,
    ) -> Option<Self> {
        let fits = at.checked_add(keep)? <= from_len
            && at.checked_add(text.len())?.checked_add(keep)? == to_len;
        fits.then_some(Self {
            at,
            keep,
            from_len,
            text,
            to_len,
            before: String::new(),
            after: String::new(),
        })
    }

    /// The same splice carrying the unchanged characters around it, read from the lines
    /// of the text it makes.
    pub fn with_context(mut self, lines: &[String]) -> Self {
        let end = self.to_len - self.keep;
        // Up to CONTEXT bytes, cut back to a character's start (at most 3 bytes off).
        let around = |from: usize, to: usize, from_side: bool| {
            (0..4).find_map(|cut| {
                let (a, b) = if from_side {
                    (from + cut, to)
                } else {
                    (from, to.saturating_sub(cut).max(from))
                };
                part_of_lines(lines, a, b)
            })
        };
        self.before = around(self.at.saturating_sub(CONTEXT), self.at, true).unwrap_or_default();
        self.after = around(end, (end + CONTEXT).min(self.to_len), false).unwrap_or_default();
        self
    }

    /// Apply to `text` in place; `text` is untouched when the splice does not fit it.
    pub fn apply(&self, text: &mut String) -> Result<(), Mismatch> {
        let mismatch = || Mismatch {
            splice_from: self.from_len,
            text_len: text.len(),
        };
        if text.len() != self.from_len
            || self
                .at
                .checked_add(self.text.len())
                .and_then(|n| n.checked_add(self.keep))
                != Some(self.to_len)
        {
            return Err(mismatch());
        }
        let end = self
            .from_len
            .checked_sub(self.keep)
            .filter(|end| *end >= self.at)
            .ok_or_else(mismatch)?;
        if !text.is_char_boundary(self.at) || !text.is_char_boundary(end) {
            return Err(mismatch());
        }
        let before = self
            .at
            .checked_sub(self.before.len())
            .and_then(|b| text.get(b..self.at));
        let after = end
            .checked_add(self.after.len())
            .and_then(|a| text.get(end..a));
        if before != Some(self.before.as_str()) || after != Some(self.after.as_str()) {
            return Err(mismatch());
        }
        text.replace_range(self.at..end, &self.text);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The splice from `old` to `new` keeping `at` bytes in front and `keep` at the end.
    fn between(old: &str, new: &str, at: usize, keep: usize) -> Option<Splice> {
        let text = new.get(at..new.len().checked_sub(keep)?)?.to_string();
        Splice::new(old.len(), at, keep, text, new.len())
    }

    #[test]
    fn a_splice_turns_the_old_text_into_the_new() {
        let old = "关于辖区电信网络诈骗案件。";
        let new = "关于辖区电信网络诈骗案件高发的情况。";
        let at = "关于辖区电信网络诈骗案件".len();
        let s = between(old, new, at, "。".len()).unwrap_or_else(|| panic!());
        assert_eq!(s.text, "高发的情况");
        let mut t = old.to_string();
        assert_eq!(s.apply(&mut t), Ok(()));
        assert_eq!(t, new);
    }

    #[test]
    fn a_splice_refuses_a_text_it_was_not_made_for() {
        let s = between("甲丙", "甲乙丙", 3, 3).unwrap_or_else(|| panic!());
        // Longer, shorter, or cut in the middle of a character: refused, untouched.
        for old in ["甲丙丁", "甲", "a甲丙"] {
            let mut t = old.to_string();
            assert!(s.apply(&mut t).is_err(), "{old}");
            assert_eq!(t, old);
        }
        let mut t = "甲丙".to_string();
        assert_eq!(s.apply(&mut t), Ok(()));
        assert_eq!(t, "甲乙丙");
    }

    #[test]
    fn a_splice_applied_twice_or_among_other_words_is_refused() {
        let lines = |t: &str| t.split('\n').map(String::from).collect::<Vec<_>>();
        // Two saves: 字 typed after 甲, then 丙 deleted.
        let one = between("甲乙丙丁", "甲字乙丙丁", 3, 9)
            .map(|s| s.with_context(&lines("甲字乙丙丁")))
            .unwrap_or_else(|| panic!());
        let two = between("甲字乙丙丁", "甲字乙丁", 9, 3)
            .map(|s| s.with_context(&lines("甲字乙丁")))
            .unwrap_or_else(|| panic!());
        let mut t = "甲乙丙丁".to_string();
        assert_eq!(one.apply(&mut t), Ok(()));
        assert_eq!(two.apply(&mut t), Ok(()));
        assert_eq!(t, "甲字乙丁");
        // Both again (a saver that wrote them and never said so): the lengths fit, the
        // words around do not.
        assert!(one.apply(&mut t).is_err());
        assert_eq!(t, "甲字乙丁");
        // The same length, other words around the place (another terminal's text).
        let mut other = "乙乙丙丁".to_string();
        assert!(one.apply(&mut other).is_err());
        // Context across lines and at both ends of the text.
        let s = between("第一行\n第二行", "第一行\n第二改行", 16, 3)
            .map(|s| s.with_context(&lines("第一行\n第二改行")))
            .unwrap_or_else(|| panic!());
        assert_eq!((s.before.as_str(), s.after.as_str()), ("行\n第二", "行"));
        let mut t = "第一行\n第二行".to_string();
        assert_eq!(s.apply(&mut t), Ok(()));
        assert_eq!(t, "第一行\n第二改行");
    }

    #[test]
    fn ends_that_do_not_add_up_make_no_splice() {
        assert_eq!(Splice::new(3, 2, 2, String::new(), 4), None, "ends overlap");
        assert_eq!(
            Splice::new(6, 3, 3, "乙".into(), 6),
            None,
            "wrong new length"
        );
        assert!(Splice::new(6, 3, 3, "乙".into(), 9).is_some());
    }

    #[test]
    fn a_part_of_the_lines_is_that_part_of_their_text() {
        let lines: Vec<String> = ["甲乙", "", "丙丁戊", "x"].map(String::from).to_vec();
        let text = lines.join("\n");
        assert_eq!(joined_len(&lines), text.len());
        for start in 0..=text.len() {
            for end in start..=text.len() {
                assert_eq!(
                    part_of_lines(&lines, start, end),
                    text.get(start..end).map(str::to_string),
                    "{start}..{end}"
                );
            }
        }
        assert_eq!(part_of_lines(&lines, 3, 2), None);
        assert_eq!(joined_len(&[]), 0);
    }
}
