use crate::util::char_width;
#[cfg(feature = "arbitrary")]
use arbitrary::Arbitrary;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

/// Specify how logical lines are soft-wrapped at render time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "arbitrary", derive(Arbitrary))]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub enum WrapMode {
    /// Disable soft wrapping and keep horizontal scrolling behavior.
    None,
    /// Wrap only at word boundaries. Words wider than viewport are not split.
    Word,
    /// Wrap at grapheme boundaries.
    Glyph,
    /// Wrap at word boundaries, and fall back to grapheme wrapping for long words.
    WordOrGlyph,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct WrappedLine {
    pub row: usize,
    pub start_byte: usize,
    pub end_byte: usize,
    pub start_col: usize,
    pub end_col: usize,
    pub first_in_row: bool,
    pub last_in_row: bool,
}

#[derive(Clone, Copy)]
#[cfg_attr(not(test), allow(dead_code))]
struct Chunk {
    start: usize,
    end: usize,
}

pub(crate) fn effective_wrap_width(total_width: u16, line_number_len: Option<u8>) -> usize {
    let total_width = total_width as usize;
    let reserved = line_number_len.map(|len| len as usize + 2).unwrap_or(0);
    if total_width > reserved {
        total_width - reserved
    } else {
        1
    }
}

/// The upstream full wrap of all lines, kept as the reference the incremental wrap
/// ([`wrap_from`]) is tested against.
#[cfg(test)]
pub(crate) fn wrapped_rows(
    lines: &[String],
    mode: WrapMode,
    width: usize,
    tab_len: u8,
    mask: Option<char>,
) -> Vec<WrappedLine> {
    let mut rows = Vec::new();

    for (row, line) in lines.iter().enumerate() {
        let ranges = line_ranges(line, mode, width, tab_len, mask);
        let mut start_col = 0usize;
        for (i, (start_byte, end_byte)) in ranges.iter().copied().enumerate() {
            let end_col = start_col + line[start_byte..end_byte].chars().count();
            rows.push(WrappedLine {
                row,
                start_byte,
                end_byte,
                start_col,
                end_col,
                first_in_row: i == 0,
                last_in_row: i + 1 == ranges.len(),
            });
            start_col = end_col;
        }
    }

    rows
}

/// The upstream wrap of one line (see [`wrapped_rows`]).
#[cfg(test)]
pub(crate) fn line_ranges(
    line: &str,
    mode: WrapMode,
    width: usize,
    tab_len: u8,
    mask: Option<char>,
) -> Vec<(usize, usize)> {
    if mode == WrapMode::None {
        return vec![(0, line.len())];
    }

    let width = width.max(1);
    let mut out = match mode {
        WrapMode::None => vec![(0, line.len())],
        WrapMode::Glyph => {
            let mut chunks = Vec::new();
            split_range_by_grapheme_width(line, 0, line.len(), width, tab_len, mask, &mut chunks);
            chunks
        }
        WrapMode::Word => wrap_word_chunks(line, width, tab_len, mask, false),
        WrapMode::WordOrGlyph => wrap_word_chunks(line, width, tab_len, mask, true),
    };

    if out.is_empty() {
        out.push((0, 0));
    }
    out
}

#[cfg(test)]
fn wrap_word_chunks(
    line: &str,
    width: usize,
    tab_len: u8,
    mask: Option<char>,
    fallback_to_glyph: bool,
) -> Vec<(usize, usize)> {
    let chunks: Vec<_> = UnicodeSegmentation::split_word_bound_indices(line)
        .map(|(start, text)| Chunk {
            start,
            end: start + text.len(),
        })
        .collect();

    if chunks.is_empty() {
        return vec![(0, 0)];
    }

    let mut out = Vec::new();
    let mut i = 0usize;
    let mut seg_start = chunks[0].start;
    let mut seg_end = seg_start;
    let mut seg_width = 0usize;

    while i < chunks.len() {
        let chunk = chunks[i];
        if seg_end == seg_start {
            seg_start = chunk.start;
        }

        let chunk_width = display_width_from(chunk_text(line, chunk), seg_width, tab_len, mask);
        if seg_width + chunk_width <= width {
            seg_end = chunk.end;
            seg_width += chunk_width;
            i += 1;
            continue;
        }

        if seg_end > seg_start {
            out.push((seg_start, seg_end));
            seg_start = seg_end;
            seg_width = 0;
            continue;
        }

        if fallback_to_glyph {
            split_range_by_grapheme_width(
                line,
                chunk.start,
                chunk.end,
                width,
                tab_len,
                mask,
                &mut out,
            );
        } else {
            out.push((chunk.start, chunk.end));
        }

        i += 1;
        seg_start = chunk.end;
        seg_end = chunk.end;
        seg_width = 0;
    }

    if seg_end > seg_start {
        out.push((seg_start, seg_end));
    }

    out
}

#[cfg(test)]
fn split_range_by_grapheme_width(
    line: &str,
    start: usize,
    end: usize,
    width: usize,
    tab_len: u8,
    mask: Option<char>,
    out: &mut Vec<(usize, usize)>,
) {
    let mut segment_start = start;
    while segment_start < end {
        let Some(segment_end) = grapheme_row_end(line, segment_start, end, width, tab_len, mask)
        else {
            break;
        };
        out.push((segment_start, segment_end));
        segment_start = segment_end;
    }
}

/// Where the row that starts at `segment_start` ends when `line[segment_start..end]` is
/// cut at grapheme boundaries (one iteration of upstream's `split_range_by_grapheme_width`).
/// `None` when there is nothing left to cut.
fn grapheme_row_end(
    line: &str,
    segment_start: usize,
    end: usize,
    width: usize,
    tab_len: u8,
    mask: Option<char>,
) -> Option<usize> {
    let mut segment_end = segment_start;
    let mut segment_width = 0usize;

    for (offset, grapheme) in UnicodeSegmentation::grapheme_indices(&line[segment_start..end], true)
    {
        let grapheme_start = segment_start + offset;
        let grapheme_end = grapheme_start + grapheme.len();
        let next_width = display_width_to(grapheme, segment_width, tab_len, mask);
        let grapheme_width = next_width.saturating_sub(segment_width);

        if segment_end != segment_start && segment_width + grapheme_width > width {
            break;
        }

        segment_end = grapheme_end;
        segment_width = next_width;
        if segment_width > width {
            break;
        }
    }

    if segment_end == segment_start {
        let ch = line[segment_start..end].chars().next()?;
        segment_end = segment_start + ch.len_utf8();
    }
    Some(segment_end)
}

/// What a wrap depends on besides the text. `mode` is [`WrapMode::None`] when rows are
/// not wrapped (wrap mode `None`, or no width known yet); the other fields are then
/// zero, so that changing them does not drop the wrap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WrapConfig {
    pub mode: WrapMode,
    pub width: usize,
    pub tab_len: u8,
    pub mask: Option<char>,
}

impl WrapConfig {
    pub(crate) const NONE: Self = Self {
        mode: WrapMode::None,
        width: 0,
        tab_len: 0,
        mask: None,
    };
}

/// Where one screen row of a logical line starts. It ends where the next row starts, or
/// at the tail of the line's wrap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Seg {
    pub start_byte: usize,
    pub start_col: usize,
    /// The greedy wrap is in its initial state here: a word chunk (in `Glyph` mode a
    /// grapheme) starts here and no over-long word is being cut into pieces. Wrapping
    /// the rest of the line can start over from here and gives the same rows.
    pub fresh: bool,
    /// How many bytes from the start the rows *before* this one depend on: where the
    /// first word chunk of this row ends (the chunk that did not fit on the previous
    /// row). An edit further on leaves the previous rows as they are.
    pub reach: usize,
}

/// Where a wrap stopped: the end of its last row, and whether that is the end of the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tail {
    pub byte: usize,
    pub col: usize,
    pub complete: bool,
}

/// Wrap `line` from byte `from` (char column `from_col`), which must be the start of the
/// line or a [`Seg::fresh`] row start, pushing its rows to `out`. Gives the same rows as
/// upstream's [`line_ranges`] over the whole line (the greedy wrap is restarted in the
/// state it is in at a fresh row start; word and grapheme segmentation restart at a
/// boundary).
///
/// At every fresh row start after `from` that is not the end of the line, `stop(out,
/// byte, col)` may end the wrap there; the rest of the line can be wrapped later from the
/// returned tail.
pub(crate) fn wrap_from(
    line: &str,
    from: usize,
    from_col: usize,
    cfg: &WrapConfig,
    out: &mut Vec<Seg>,
    mut stop: impl FnMut(&[Seg], usize, usize) -> bool,
) -> Tail {
    let complete = |col| Tail {
        byte: line.len(),
        col,
        complete: true,
    };
    if cfg.mode == WrapMode::None {
        // One row per line.
        if from == 0 {
            out.push(Seg {
                start_byte: 0,
                start_col: 0,
                fresh: true,
                reach: line.len(),
            });
        }
        return complete(from_col + line[from..].chars().count());
    }
    if line.is_empty() {
        if from == 0 {
            out.push(Seg {
                start_byte: 0,
                start_col: 0,
                fresh: true,
                reach: 0,
            });
        }
        return complete(0);
    }

    let width = cfg.width.max(1);
    let (tab_len, mask) = (cfg.tab_len, cfg.mask);
    let mut col = from_col;
    // Push the row `start..end`, which starts at column `col`; move `col` to its end.
    let emit = |out: &mut Vec<Seg>, col: &mut usize, start: usize, end: usize, fresh, reach| {
        out.push(Seg {
            start_byte: start,
            start_col: *col,
            fresh,
            reach,
        });
        *col += line[start..end].chars().count();
    };

    if cfg.mode == WrapMode::Glyph {
        let mut pos = from;
        while pos < line.len() {
            let Some(end) = grapheme_row_end(line, pos, line.len(), width, tab_len, mask) else {
                break;
            };
            emit(out, &mut col, pos, end, true, end - pos);
            pos = end;
            if pos < line.len() && stop(out, pos, col) {
                return Tail {
                    byte: pos,
                    col,
                    complete: false,
                };
            }
        }
        return complete(col);
    }

    // `Word` and `WordOrGlyph`: upstream's `wrap_word_chunks`, from `from` on.
    let fallback_to_glyph = cfg.mode == WrapMode::WordOrGlyph;
    let mut chunks =
        UnicodeSegmentation::split_word_bound_indices(&line[from..]).map(|(start, text)| {
            let start = from + start;
            (start, start + text.len())
        });
    let mut current = chunks.next();
    let mut seg_start = from;
    let mut seg_end = from;
    let mut seg_width = 0usize;
    let mut first_chunk_end = from;

    while let Some((chunk_start, chunk_end)) = current {
        if seg_end == seg_start {
            seg_start = chunk_start;
            first_chunk_end = chunk_end;
        }

        let chunk_width =
            display_width_from(&line[chunk_start..chunk_end], seg_width, tab_len, mask);
        if seg_width + chunk_width <= width {
            seg_end = chunk_end;
            seg_width += chunk_width;
            current = chunks.next();
            continue;
        }

        if seg_end > seg_start {
            emit(
                out,
                &mut col,
                seg_start,
                seg_end,
                true,
                first_chunk_end - seg_start,
            );
            seg_start = seg_end;
            seg_width = 0;
            if stop(out, seg_start, col) {
                return Tail {
                    byte: seg_start,
                    col,
                    complete: false,
                };
            }
            continue;
        }

        if fallback_to_glyph {
            let mut piece = chunk_start;
            while piece < chunk_end {
                let Some(end) = grapheme_row_end(line, piece, chunk_end, width, tab_len, mask)
                else {
                    break;
                };
                emit(
                    out,
                    &mut col,
                    piece,
                    end,
                    piece == chunk_start,
                    chunk_end - piece,
                );
                piece = end;
            }
        } else {
            emit(
                out,
                &mut col,
                chunk_start,
                chunk_end,
                true,
                chunk_end - chunk_start,
            );
        }

        current = chunks.next();
        seg_start = chunk_end;
        seg_end = chunk_end;
        seg_width = 0;
        if current.is_some() && stop(out, seg_start, col) {
            return Tail {
                byte: seg_start,
                col,
                complete: false,
            };
        }
    }

    if seg_end > seg_start {
        emit(
            out,
            &mut col,
            seg_start,
            seg_end,
            true,
            first_chunk_end - seg_start,
        );
    }
    complete(col)
}

#[cfg(test)]
#[inline]
fn chunk_text(line: &str, chunk: Chunk) -> &str {
    &line[chunk.start..chunk.end]
}

fn display_width_from(text: &str, start_width: usize, tab_len: u8, mask: Option<char>) -> usize {
    display_width_to(text, start_width, tab_len, mask).saturating_sub(start_width)
}

fn display_width_to(text: &str, mut width: usize, tab_len: u8, mask: Option<char>) -> usize {
    for c in text.chars() {
        // A masked line is drawn as one mask character per char,
        // so each char is as wide as the mask.
        if let Some(mask) = mask {
            width += char_width(mask);
        } else if c == '\t' {
            if tab_len > 0 {
                let tab = tab_len as usize;
                let pad = tab - (width % tab);
                width += pad;
            }
        } else {
            width += char_width(c);
        }
    }
    width
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segments(line: &str, mode: WrapMode, width: usize) -> Vec<&str> {
        line_ranges(line, mode, width, 4, None)
            .into_iter()
            .map(|(s, e)| &line[s..e])
            .collect()
    }

    fn masked_segments(line: &str, mode: WrapMode, width: usize, mask: char) -> Vec<&str> {
        line_ranges(line, mode, width, 4, Some(mask))
            .into_iter()
            .map(|(s, e)| &line[s..e])
            .collect()
    }

    #[test]
    fn word_wrap_keeps_long_word() {
        let have = segments("helloworld", WrapMode::Word, 4);
        assert_eq!(have, vec!["helloworld"]);
    }

    #[test]
    fn word_or_glyph_wrap_splits_long_word() {
        let have = segments("helloworld", WrapMode::WordOrGlyph, 4);
        assert_eq!(have, vec!["hell", "owor", "ld"]);
    }

    #[test]
    fn glyph_wrap_handles_wide_chars() {
        let have = segments("ab犬猫", WrapMode::Glyph, 4);
        assert_eq!(have, vec!["ab犬", "猫"]);
    }

    #[test]
    fn glyph_wrap_keeps_combining_grapheme_cluster() {
        let have = segments("e\u{301}x", WrapMode::Glyph, 1);
        assert_eq!(have, vec!["e\u{301}", "x"]);
    }

    #[test]
    fn tab_width_is_accounted_for_in_wrap() {
        let have = segments("\tX", WrapMode::WordOrGlyph, 2);
        assert_eq!(have, vec!["\t", "X"]);
    }

    #[test]
    fn glyph_wrap_preserves_full_mixed_width_row_capacity() {
        let have = segments("a中bcde", WrapMode::Glyph, 4);
        assert_eq!(have, vec!["a中b", "cde"]);
    }

    #[test]
    fn mask_wraps_by_the_mask_width() {
        let have = masked_segments("a中\tcde", WrapMode::Glyph, 4, '*');
        assert_eq!(have, vec!["a中\tc", "de"]);
        let have = masked_segments("abcd", WrapMode::WordOrGlyph, 4, '＊');
        assert_eq!(have, vec!["ab", "cd"]);
    }

    #[test]
    fn halfwidth_sound_marks_take_a_cell() {
        let have = segments("ｶﾞﾊﾟ", WrapMode::Glyph, 2);
        assert_eq!(have, vec!["ｶﾞ", "ﾊﾟ"]);
    }
}
