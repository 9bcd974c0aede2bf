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
}

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
        })
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
