//! What changed between two versions of a text (the minutes, R7.1): line by line, and
//! within a changed line character by character — Chinese has no spaces between words, so
//! a word diff would mark whole paragraphs.
use similar::{ChangeTag, DiffOp, TextDiff};

/// How a line of the comparison reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    Same,
    Removed,
    Added,
}

/// One line of the comparison: its kind and its pieces, each marked when it is the part
/// that changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffLine {
    pub kind: LineKind,
    pub parts: Vec<(bool, String)>,
}

impl DiffLine {
    fn whole(kind: LineKind, text: &str) -> Self {
        Self {
            kind,
            parts: vec![(false, text.trim_end_matches('\n').to_string())],
        }
    }

    /// The line's text without marks.
    pub fn text(&self) -> String {
        self.parts.iter().map(|(_, s)| s.as_str()).collect()
    }
}

/// Compare `old` with `new`: unchanged lines, removed lines, added lines; a line replaced
/// by one other line shows the characters that changed.
pub fn diff(old: &str, new: &str) -> Vec<DiffLine> {
    let lines = TextDiff::from_lines(old, new);
    let (o, n): (Vec<&str>, Vec<&str>) = (lines.old_slices().to_vec(), lines.new_slices().to_vec());
    let mut out = Vec::new();
    for op in lines.ops() {
        match *op {
            DiffOp::Equal { old_index, len, .. } => {
                for l in o.iter().skip(old_index).take(len) {
                    out.push(DiffLine::whole(LineKind::Same, l));
                }
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                for l in o.iter().skip(old_index).take(old_len) {
                    out.push(DiffLine::whole(LineKind::Removed, l));
                }
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                for l in n.iter().skip(new_index).take(new_len) {
                    out.push(DiffLine::whole(LineKind::Added, l));
                }
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                if old_len == new_len {
                    // Pair the lines: show which characters of each changed.
                    for i in 0..old_len {
                        let (a, b) = (
                            o.get(old_index + i).copied().unwrap_or(""),
                            n.get(new_index + i).copied().unwrap_or(""),
                        );
                        out.extend(char_pair(a, b));
                    }
                } else {
                    for l in o.iter().skip(old_index).take(old_len) {
                        out.push(DiffLine::whole(LineKind::Removed, l));
                    }
                    for l in n.iter().skip(new_index).take(new_len) {
                        out.push(DiffLine::whole(LineKind::Added, l));
                    }
                }
            }
        }
    }
    out
}

/// One removed and one added line, the changed characters marked in each.
fn char_pair(a: &str, b: &str) -> [DiffLine; 2] {
    let a = a.trim_end_matches('\n');
    let b = b.trim_end_matches('\n');
    let chars = TextDiff::from_chars(a, b);
    let mut old = DiffLine {
        kind: LineKind::Removed,
        parts: Vec::new(),
    };
    let mut new = DiffLine {
        kind: LineKind::Added,
        parts: Vec::new(),
    };
    for change in chars.iter_all_changes() {
        let s = change.value().to_string();
        let push = |line: &mut DiffLine, marked: bool| match line.parts.last_mut() {
            Some((m, text)) if *m == marked => text.push_str(&s),
            _ => line.parts.push((marked, s.clone())),
        };
        match change.tag() {
            ChangeTag::Equal => {
                push(&mut old, false);
                push(&mut new, false);
            }
            ChangeTag::Delete => push(&mut old, true),
            ChangeTag::Insert => push(&mut new, true),
        }
    }
    [old, new]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_word_is_marked_inside_its_line() {
        let d = diff("一、同意。\n二、暂缓。\n", "一、同意。\n二、原则同意。\n");
        assert_eq!(d.len(), 3);
        assert_eq!(d[0].kind, LineKind::Same);
        assert_eq!(d[1].kind, LineKind::Removed);
        assert_eq!(d[2].kind, LineKind::Added);
        assert!(
            d[2].parts.contains(&(true, "原则同意".to_string())),
            "{:?}",
            d[2]
        );
        assert_eq!(d[1].text(), "二、暂缓。");
    }

    #[test]
    fn added_and_removed_lines() {
        let d = diff("甲\n乙\n", "甲\n乙\n丙\n");
        assert_eq!(
            d.last().map(|l| (l.kind, l.text())),
            Some((LineKind::Added, "丙".into()))
        );
        assert!(
            diff("同\n", "同\n")
                .iter()
                .all(|l| l.kind == LineKind::Same)
        );
    }
}
