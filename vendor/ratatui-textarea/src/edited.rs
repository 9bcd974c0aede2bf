//! What the edits since a mark changed (huiwu's addition, see `PATCHES.md`): the part of
//! the text between an unchanged head and an unchanged tail, so that a caller saving the
//! text can send only that part instead of the whole text.
use crate::history::Change;

/// The part of the text edited since [`crate::TextArea::take_edited`] was last called.
/// Everything before `head` and everything in the last `tail` of the text is exactly as it
/// was then; whatever changed lies between them.
///
/// Both ends are counted so that edits elsewhere do not move them: `head` from the start
/// of the text (no edit lies before it), `tail` from the end (no edit lies after it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edited {
    /// `(row, byte in that row)` where the changed part starts.
    pub head: (usize, usize),
    /// `(lines after it, bytes from it to the end of its own line)` where the unchanged
    /// end of the text starts.
    pub tail: (usize, usize),
}

impl Edited {
    /// All of the text.
    pub const WHOLE: Edited = Edited {
        head: (0, 0),
        tail: (0, 0),
    };

    /// What one applied change touched; `lines` are the lines after it.
    pub(crate) fn of(lines: &[String], change: &Change) -> Self {
        let count = lines.len();
        let len = |row: usize| lines.get(row).map_or(0, String::len);
        match *change {
            Change::InLine {
                row, at, inserted, ..
            } => Edited {
                head: (row, at),
                tail: (
                    count.saturating_sub(row + 1),
                    len(row).saturating_sub(at + inserted),
                ),
            },
            // The new lines are taken whole: the change does not say how much of the
            // last one was there before.
            Change::Lines { row, at, new, .. } => {
                let last = row + new.max(1) - 1;
                Edited {
                    head: (row, at),
                    tail: (count.saturating_sub(last + 1), 0),
                }
            }
        }
    }

    /// What this and a later change touched together.
    pub(crate) fn and(self, later: Edited) -> Self {
        Edited {
            head: self.head.min(later.head),
            tail: self.tail.min(later.tail),
        }
    }

    /// In the text joined with `'\n'`: the byte where the changed part starts, and the
    /// length in bytes of the unchanged end. The changed part is `text[start..text.len() -
    /// end]`.
    pub fn offsets(&self, lines: &[String]) -> (usize, usize) {
        let (row, byte) = self.head;
        let start: usize = lines.iter().take(row).map(|l| l.len() + 1).sum::<usize>() + byte;
        let (after, bytes) = self.tail;
        let end: usize = lines
            .iter()
            .rev()
            .take(after)
            .map(|l| l.len() + 1)
            .sum::<usize>()
            + bytes;
        (start, end)
    }
}

#[cfg(test)]
mod tests {
    use crate::{CursorMove, Input, Key, TextArea, WrapMode};

    /// A small deterministic generator (no dependency for one test).
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((self.0 >> 33) as usize) % n.max(1)
        }
    }

    const PIECES: &[&str] = &[
        "关于",
        "辖区电信网络诈骗",
        "，",
        "。",
        "abc def",
        "\t",
        "e\u{301}",
        "👨‍👩‍👧",
        "第一行\n第二行",
        "\n",
        "甲\n\n乙\n",
    ];

    fn key(rng: &mut Lcg) -> Input {
        let keys = [
            Key::Char('字'),
            Key::Char('a'),
            Key::Char(' '),
            Key::Enter,
            Key::Backspace,
            Key::Delete,
            Key::Tab,
            Key::Left,
            Key::Right,
            Key::Up,
            Key::Down,
            Key::Home,
            Key::End,
        ];
        let key = keys[rng.below(keys.len())];
        let (ctrl, alt, shift) = match rng.below(10) {
            0 => (true, false, false),
            1 => (false, true, false),
            2 | 3 => (false, false, true),
            _ => (false, false, false),
        };
        // Ctrl with a letter: the emacs edits (k, j, w, h, d, u, r, y, x, c, v, m).
        let key = if ctrl && rng.below(2) == 0 {
            Key::Char(['k', 'j', 'w', 'h', 'd', 'u', 'r', 'y', 'x', 'c', 'v', 'm'][rng.below(12)])
        } else if alt && rng.below(2) == 0 {
            Key::Char(['d', 'f', 'b'][rng.below(3)])
        } else {
            key
        };
        Input {
            key,
            ctrl,
            alt,
            shift,
        }
    }

    /// Every edit there is — keys, pastes with and without new lines, selections cut
    /// and pasted over, undo and redo — and, taken at random moments, the edited part
    /// always brings an old copy of the text up to date exactly.
    #[test]
    fn edited_part_brings_a_copy_up_to_date() {
        for seed in 0..300u64 {
            let mut rng = Lcg(seed);
            let start: Vec<String> = (0..1 + rng.below(6))
                .map(|i| PIECES[(i + seed as usize) % PIECES.len()].replace('\n', ""))
                .collect();
            let mut textarea = TextArea::new(start);
            if rng.below(2) == 0 {
                textarea.set_wrap_mode(WrapMode::WordOrGlyph);
            }
            let mut copy = textarea.lines().join("\n");
            for step in 0..200 {
                match rng.below(12) {
                    0 => {
                        textarea.insert_str(PIECES[rng.below(PIECES.len())]);
                    }
                    1 => {
                        textarea.delete_str(rng.below(12));
                    }
                    2 => {
                        let row = rng.below(textarea.lines().len());
                        let col = rng.below(textarea.lines()[row].chars().count() + 1);
                        textarea.move_cursor(CursorMove::Jump(row as u16, col as u16));
                    }
                    3 => textarea.start_selection(),
                    4 => {
                        textarea.set_yank_text(PIECES[rng.below(PIECES.len())]);
                    }
                    _ => {
                        textarea.input(key(&mut rng));
                    }
                }
                if rng.below(4) == 0 {
                    let now = textarea.lines().join("\n");
                    let context = format!("seed {seed} step {step}: {copy:?} → {now:?}");
                    match textarea.take_edited() {
                        None => assert_eq!(copy, now, "nothing edited, yet {context}"),
                        Some(edited) => {
                            let (start, end) = edited.offsets(textarea.lines());
                            assert!(start + end <= now.len(), "{context}");
                            assert!(start + end <= copy.len(), "{context}");
                            copy.replace_range(
                                start..copy.len() - end,
                                &now[start..now.len() - end],
                            );
                            assert_eq!(copy, now, "{context}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn typing_at_the_end_of_a_long_text_edits_only_what_was_typed() {
        let line = "关于辖区电信网络诈骗案件高发的情况。".repeat(500);
        let mut textarea = TextArea::new(vec![line.clone(); 50]);
        textarea.move_cursor(CursorMove::Bottom);
        textarea.move_cursor(CursorMove::End);
        textarea.insert_str("经研究");
        let edited = textarea.take_edited();
        let (start, end) = edited
            .map(|e| e.offsets(textarea.lines()))
            .unwrap_or_default();
        let total = textarea.lines().join("\n").len();
        assert_eq!((total - start - end, end), ("经研究".len(), 0));
        // In the middle: only the line typed into lies between the unchanged ends.
        textarea.move_cursor(CursorMove::Jump(10, 3));
        textarea.insert_char('甲');
        let (start, end) = textarea
            .take_edited()
            .map(|e| e.offsets(textarea.lines()))
            .unwrap_or_default();
        let total = textarea.lines().join("\n").len();
        assert_eq!(total - start - end, '甲'.len_utf8());
    }
}
