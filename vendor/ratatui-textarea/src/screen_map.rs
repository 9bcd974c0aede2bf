//! The screen map: which screen rows each logical line is soft-wrapped into.
//!
//! Patched for huiwu (see PATCHES.md). Upstream wrapped every line of the text again on
//! every edit and kept all rows in one vector. Here each logical line keeps its own wrap
//! ([`LineWrap`]), which is computed lazily, only as far as it is asked for (rows on
//! screen, the cursor's row), and which an edit changes only from the row before the
//! edit on, reusing the old rows after it once the wrap falls back into step. Where a
//! line's rows start on screen is a prefix sum over the lines before it, kept valid up to
//! the first line that changed.
use crate::cursor::{DataCursor, ScreenCursor};
use crate::edited::Edited;
use crate::history::Change;
use crate::textarea::TextArea;
use crate::util::{char_width, num_digits};
use crate::wrap::{Seg, WrapConfig, WrapMode, WrappedLine, effective_wrap_width, wrap_from};
use unicode_segmentation::UnicodeSegmentation;

/// After an edit, rows are wrapped again until they fall back into step with the old
/// rows, or until this many rows after the edit; the rest of the line is then wrapped
/// when it is needed.
const CATCH_UP_ROWS: usize = 4;

/// Word chunks before an edit that an edit may change the wrap of (word segmentation
/// looks ahead a few characters).
const SAFE_CHUNKS: usize = 3;

#[derive(Debug, Clone, Copy)]
pub(crate) struct ScreenLine {
    pub wrapped: WrappedLine,
    pub screen_width: usize,
    pub cursor_max_col: usize,
}

fn char_display_width(c: char, col: usize, tab_len: u8, mask: Option<char>) -> usize {
    // A masked line is drawn as one mask character per char, so each char is as wide as the mask.
    if let Some(mask) = mask {
        char_width(mask)
    } else if c == '\t' {
        let tab = tab_len.max(1) as usize;
        let pad = tab - (col % tab);
        pad.max(1)
    } else {
        char_width(c)
    }
}

fn display_width(text: &str, tab_len: u8, mask: Option<char>) -> usize {
    let mut col = 0usize;
    for c in text.chars() {
        col += char_display_width(c, col, tab_len, mask);
    }
    col
}

fn screen_col_for_char_offset(
    text: &str,
    char_offset: usize,
    tab_len: u8,
    mask: Option<char>,
) -> usize {
    let mut col = 0usize;
    for c in text.chars().take(char_offset) {
        col += char_display_width(c, col, tab_len, mask);
    }
    col
}

fn char_offset_for_screen_col(
    text: &str,
    screen_col: usize,
    tab_len: u8,
    mask: Option<char>,
) -> usize {
    let mut col = 0usize;
    let mut chars = 0usize;
    for c in text.chars() {
        if col >= screen_col {
            break;
        }
        let width = char_display_width(c, col, tab_len, mask);
        if col + width > screen_col {
            break;
        }
        col += width;
        chars += 1;
    }
    chars
}

/// Byte offset of the `n`-th char of `text`, or its length.
fn nth_char_byte(text: &str, n: usize) -> usize {
    text.char_indices()
        .nth(n)
        .map(|(i, _)| i)
        .unwrap_or(text.len())
}

/// A byte before `at` such that an edit at `at` leaves the word segmentation (and so the
/// wrap) of the text before it as it is: the start of the [`SAFE_CHUNKS`]-th word chunk
/// before `at`.
fn safe_byte_before(line: &str, at: usize) -> usize {
    let Some(before) = line.get(..at) else {
        return 0;
    };
    let mut safe = at;
    let mut chunks = before.split_word_bound_indices();
    for _ in 0..SAFE_CHUNKS {
        match chunks.next_back() {
            Some((start, _)) => safe = start,
            None => return 0,
        }
    }
    safe
}

/// The wrap of one logical line: its rows so far, and where the wrap stopped.
#[derive(Clone, Debug, Default)]
pub(crate) struct LineWrap {
    segs: Vec<Seg>,
    /// End of the last row in `segs`: the end of the line when `complete`, otherwise a
    /// fresh row start where wrapping goes on.
    tail_byte: usize,
    tail_col: usize,
    complete: bool,
}

impl LineWrap {
    /// Wrap more of `line` until `enough(rows, tail col)` or the end of the line.
    fn extend(
        &mut self,
        line: &str,
        cfg: &WrapConfig,
        mut enough: impl FnMut(usize, usize) -> bool,
    ) {
        if self.complete || enough(self.segs.len(), self.tail_col) {
            return;
        }
        let tail = wrap_from(
            line,
            self.tail_byte,
            self.tail_col,
            cfg,
            &mut self.segs,
            |segs, _, col| enough(segs.len(), col),
        );
        self.tail_byte = tail.byte;
        self.tail_col = tail.col;
        self.complete = tail.complete;
    }

    fn ensure_all(&mut self, line: &str, cfg: &WrapConfig) {
        self.extend(line, cfg, |_, _| false);
    }

    /// At least `rows` rows, or all of them.
    fn ensure_rows(&mut self, line: &str, cfg: &WrapConfig, rows: usize) {
        self.extend(line, cfg, |n, _| n >= rows);
    }

    /// The row holding char column `col` is wrapped and known to be the last one or not.
    fn ensure_col(&mut self, line: &str, cfg: &WrapConfig, col: usize) {
        self.extend(line, cfg, |_, tail_col| tail_col > col);
    }

    /// Index of the row holding char column `col` (as upstream: a column at the end of a
    /// row belongs to the next row, except on the last row; a column past the end of the
    /// line gives the first row). Call [`LineWrap::ensure_col`] first.
    fn row_of_col(&self, col: usize) -> usize {
        if self.complete && col > self.tail_col {
            return 0;
        }
        self.segs
            .partition_point(|s| s.start_col <= col)
            .saturating_sub(1)
    }

    /// The `k`-th row as upstream's `WrappedLine`. Call [`LineWrap::ensure_rows`] with
    /// `k + 2` first, so that it is known whether the row is the last.
    fn wrapped(&self, row: usize, k: usize) -> WrappedLine {
        let seg = self.segs[k];
        let (end_byte, end_col) = match self.segs.get(k + 1) {
            Some(next) => (next.start_byte, next.start_col),
            None => (self.tail_byte, self.tail_col),
        };
        WrappedLine {
            row,
            start_byte: seg.start_byte,
            end_byte,
            start_col: seg.start_col,
            end_col,
            first_in_row: k == 0,
            last_in_row: self.complete && k + 1 == self.segs.len(),
        }
    }

    /// Forget the rows from the one an edit at byte `at` may change on; returns the index
    /// of the first row to wrap again. Only rows that are [`Seg::fresh`] and whose first
    /// word chunk ends before the edit's reach are kept in front of it.
    fn restart_before(&self, line: &str, at: usize) -> usize {
        let safe = safe_byte_before(line, at);
        let mut k = self
            .segs
            .partition_point(|s| s.start_byte <= safe)
            .saturating_sub(1);
        while k > 0 {
            let seg = self.segs[k];
            if seg.fresh && seg.start_byte + seg.reach <= safe {
                break;
            }
            k -= 1;
        }
        k
    }

    /// Keep the rows before row `k` (a fresh row start) and wrap on from there later.
    fn truncate(&mut self, k: usize) {
        match self.segs.get(k) {
            Some(seg) if k > 0 => {
                self.tail_byte = seg.start_byte;
                self.tail_col = seg.start_col;
                self.segs.truncate(k);
            }
            _ => {
                self.segs.clear();
                self.tail_byte = 0;
                self.tail_col = 0;
            }
        }
        self.complete = false;
    }

    /// `line` is the line after an edit that replaced `removed` bytes (`removed_chars`
    /// chars) at byte `at` by `inserted` bytes (`inserted_chars` chars). Wrap again from
    /// the row before the edit until the rows fall back into step with the old ones
    /// (which are then reused, shifted) or for [`CATCH_UP_ROWS`] rows past the edit.
    fn splice(
        &mut self,
        line: &str,
        cfg: &WrapConfig,
        at: usize,
        (removed, removed_chars): (usize, usize),
        (inserted, inserted_chars): (usize, usize),
    ) {
        if self.segs.is_empty() {
            // Nothing wrapped yet.
            self.truncate(0);
            return;
        }
        if cfg.mode == WrapMode::None {
            // One row per line: only its length changed.
            if self.complete {
                self.tail_byte = line.len();
                self.tail_col = self.tail_col + inserted_chars - removed_chars;
            }
            return;
        }

        let k = self.restart_before(line, at);
        let old = self.segs.split_off(k);
        let (old_tail_byte, old_tail_col, old_complete) =
            (self.tail_byte, self.tail_col, self.complete);
        let (from, from_col) = match old.first() {
            Some(seg) if k > 0 => (seg.start_byte, seg.start_col),
            _ => (0, 0),
        };
        let edit_end = at + inserted;
        let shift_byte = |b: usize| b - removed + inserted;
        let shift_col = |c: usize| c - removed_chars + inserted_chars;

        // Index in `old` of the row the new rows fell into step with (`old.len()`: with
        // the old tail).
        let mut in_step = None;
        let mut next_old = 0;
        let mut rows_after_edit = 0;
        let tail = wrap_from(line, from, from_col, cfg, &mut self.segs, |_, byte, _| {
            if byte < edit_end {
                return false;
            }
            // The same text follows, and both wraps start afresh here: the rest is the same.
            let old_byte = byte - inserted + removed;
            while next_old < old.len() && old[next_old].start_byte < old_byte {
                next_old += 1;
            }
            match old.get(next_old) {
                Some(seg) if seg.start_byte == old_byte && seg.fresh => {
                    in_step = Some(next_old);
                    return true;
                }
                None if !old_complete && old_tail_byte == old_byte => {
                    in_step = Some(old.len());
                    return true;
                }
                _ => {}
            }
            rows_after_edit += 1;
            rows_after_edit > CATCH_UP_ROWS
        });

        match in_step {
            Some(i) => {
                self.segs.extend(old[i..].iter().map(|seg| Seg {
                    start_byte: shift_byte(seg.start_byte),
                    start_col: shift_col(seg.start_col),
                    ..*seg
                }));
                self.tail_byte = shift_byte(old_tail_byte);
                self.tail_col = shift_col(old_tail_col);
                self.complete = old_complete;
            }
            None => {
                self.tail_byte = tail.byte;
                self.tail_col = tail.col;
                self.complete = tail.complete;
            }
        }
    }
}

/// The rows of all logical lines (see the module documentation).
#[derive(Clone, Debug)]
pub(crate) struct ScreenMap {
    /// What the wraps in `lines` were made for.
    cfg: WrapConfig,
    /// One per logical line.
    lines: Vec<LineWrap>,
    /// `first_row[i]`: the screen row line `i` starts at, known for the first
    /// `first_row.len()` lines (at least one). All lines before the last of them are
    /// wrapped completely.
    first_row: Vec<usize>,
}

impl ScreenMap {
    pub(crate) fn new(lines: usize) -> Self {
        Self {
            cfg: WrapConfig::NONE,
            lines: vec![LineWrap::default(); lines],
            first_row: vec![0],
        }
    }

    /// Forget all wraps.
    #[cfg(test)]
    fn reset(&mut self) {
        let n = self.lines.len();
        self.lines.clear();
        self.lines.resize(n, LineWrap::default());
        self.first_row.truncate(1);
    }

    /// Forget all wraps if they were made for another configuration or line count.
    fn sync(&mut self, cfg: WrapConfig, lines: usize) {
        if cfg != self.cfg || lines != self.lines.len() {
            self.cfg = cfg;
            self.lines.clear();
            self.lines.resize(lines, LineWrap::default());
            self.first_row.truncate(1);
        }
    }

    /// Follow an edit of `text` (the lines after it).
    pub(crate) fn apply(&mut self, text: &[String], change: Change) {
        let cfg = self.cfg;
        match change {
            Change::InLine {
                row,
                at,
                removed,
                removed_chars,
                inserted,
                inserted_chars,
            } => {
                self.first_row.truncate(row + 1);
                if let (Some(lw), Some(line)) = (self.lines.get_mut(row), text.get(row)) {
                    lw.splice(
                        line,
                        &cfg,
                        at,
                        (removed, removed_chars),
                        (inserted, inserted_chars),
                    );
                }
            }
            Change::Lines { row, at, old, new } => {
                self.first_row.truncate(row + 1);
                if let (Some(lw), Some(line)) = (self.lines.get_mut(row), text.get(row)) {
                    let k = if cfg.mode == WrapMode::None || lw.segs.is_empty() {
                        0
                    } else {
                        lw.restart_before(line, at)
                    };
                    lw.truncate(k);
                }
                let after = (row + 1).min(self.lines.len());
                let gone = (row + old).clamp(after, self.lines.len());
                self.lines.splice(
                    after..gone,
                    std::iter::repeat_n(LineWrap::default(), new.saturating_sub(1)),
                );
            }
        }
        if self.lines.len() != text.len() {
            // Not expected: start over rather than show wrong rows.
            self.lines.clear();
            self.lines.resize(text.len(), LineWrap::default());
            self.first_row.truncate(1);
        }
        if self.first_row.len() > self.lines.len() {
            self.first_row.truncate(self.lines.len().max(1));
        }
    }

    /// The screen row line `line` starts at (all lines before it get wrapped).
    fn first_row_of(&mut self, text: &[String], line: usize) -> usize {
        let cfg = self.cfg;
        let line = line.min(self.lines.len().saturating_sub(1));
        while self.first_row.len() <= line {
            let j = self.first_row.len() - 1;
            let lw = &mut self.lines[j];
            lw.ensure_all(&text[j], &cfg);
            let next = self.first_row[j] + lw.segs.len();
            self.first_row.push(next);
        }
        self.first_row[line]
    }

    /// Line and row in it of screen row `row`; `None` past the last row.
    fn locate(&mut self, text: &[String], row: usize) -> Option<(usize, usize)> {
        let cfg = self.cfg;
        let mut i = self
            .first_row
            .partition_point(|&r| r <= row)
            .saturating_sub(1);
        loop {
            let k = row - self.first_row[i];
            let lw = self.lines.get_mut(i)?;
            lw.ensure_rows(&text[i], &cfg, k + 1);
            if k < lw.segs.len() {
                return Some((i, k));
            }
            // The whole line is wrapped and `row` is after it.
            let next = self.first_row[i] + lw.segs.len();
            i += 1;
            if i >= self.lines.len() {
                return None;
            }
            if self.first_row.len() == i {
                self.first_row.push(next);
            }
        }
    }

    /// Row `k` of line `line`.
    fn wrapped(&mut self, text: &[String], line: usize, k: usize) -> WrappedLine {
        let cfg = self.cfg;
        let lw = &mut self.lines[line];
        lw.ensure_rows(&text[line], &cfg, k + 2);
        lw.wrapped(line, k)
    }

    /// Screen row `row`, or the last one if there are fewer rows.
    fn wrapped_at(&mut self, text: &[String], row: usize) -> (usize, WrappedLine) {
        let row = self.clamp_row(text, row);
        match self.locate(text, row) {
            Some((line, k)) => (row, self.wrapped(text, line, k)),
            None => (0, self.wrapped(text, 0, 0)),
        }
    }

    /// `row`, or the last screen row if there are fewer rows.
    fn clamp_row(&mut self, text: &[String], row: usize) -> usize {
        if self.locate(text, row).is_some() {
            return row;
        }
        self.total_rows(text).saturating_sub(1)
    }

    fn total_rows(&mut self, text: &[String]) -> usize {
        let cfg = self.cfg;
        let last = self.lines.len().saturating_sub(1);
        let first = self.first_row_of(text, last);
        let lw = &mut self.lines[last];
        lw.ensure_all(&text[last], &cfg);
        first + lw.segs.len()
    }

    /// The row of line `line` holding char column `col`: (screen row, row in the line).
    fn row_of(&mut self, text: &[String], line: usize, col: usize) -> (usize, usize) {
        let cfg = self.cfg;
        let first = self.first_row_of(text, line);
        let lw = &mut self.lines[line];
        lw.ensure_col(&text[line], &cfg, col);
        let k = lw.row_of_col(col);
        (first + k, k)
    }

    /// Byte offset of char column `col` of line `line` (its length past the end).
    fn byte_of(&mut self, text: &[String], line: usize, col: usize) -> usize {
        let cfg = self.cfg;
        let Some(s) = text.get(line) else {
            return 0;
        };
        if cfg.mode == WrapMode::None {
            return nth_char_byte(s, col);
        }
        let lw = &mut self.lines[line];
        lw.ensure_col(s, &cfg, col);
        if lw.complete && col >= lw.tail_col {
            return s.len();
        }
        let seg = lw.segs[lw.row_of_col(col)];
        seg.start_byte + nth_char_byte(&s[seg.start_byte..], col - seg.start_col)
    }

    /// Number of chars in line `line`.
    fn char_count(&mut self, text: &[String], line: usize) -> usize {
        let cfg = self.cfg;
        match (self.lines.get_mut(line), text.get(line)) {
            (Some(lw), Some(s)) => {
                lw.ensure_all(s, &cfg);
                lw.tail_col
            }
            _ => 0,
        }
    }

    /// Up to `height` rows from screen row `top` on.
    fn rows(&mut self, text: &[String], top: usize, height: usize) -> Vec<WrappedLine> {
        let mut out = Vec::with_capacity(height);
        let Some((mut line, mut k)) = self.locate(text, top) else {
            return out;
        };
        while out.len() < height {
            let wrapped = self.wrapped(text, line, k);
            out.push(wrapped);
            if wrapped.last_in_row {
                line += 1;
                k = 0;
                if line >= self.lines.len() {
                    break;
                }
            } else {
                k += 1;
            }
        }
        out
    }
}

impl TextArea<'_> {
    /// What the rows are wrapped for now.
    fn wrap_config(&self) -> WrapConfig {
        if self.wrap_mode() == WrapMode::None {
            return WrapConfig::NONE;
        }
        let width = self.area.get().width;
        if width == 0 {
            return WrapConfig::NONE;
        }
        let line_number_len = self
            .line_number_style()
            .map(|_| num_digits(self.lines.len()));
        WrapConfig {
            mode: self.wrap_mode(),
            width: effective_wrap_width(width, line_number_len),
            tab_len: self.tab_length(),
            mask: self.mask_char(),
        }
    }

    /// Run `f` on the screen map, brought in line with the current configuration.
    fn with_map<R>(&self, f: impl FnOnce(&mut ScreenMap, &[String]) -> R) -> R {
        let cfg = self.wrap_config();
        let mut map = self.screen_map.borrow_mut();
        map.sync(cfg, self.lines.len());
        f(&mut map, &self.lines)
    }

    /// Drop all wraps; they are made again when needed. (Upstream's name; upstream
    /// rebuilt the whole map here.)
    #[cfg(test)]
    pub(crate) fn screen_map_load(&self) {
        self.screen_map.borrow_mut().reset();
    }

    /// Follow an edit of the lines.
    pub(crate) fn screen_map_apply(&mut self, change: Change) {
        // Every edit of the lines comes through here: note what it touched for
        // `take_edited` too.
        let edited = Edited::of(&self.lines, &change);
        self.edited = Some(self.edited.map_or(edited, |e| e.and(edited)));
        self.edited_lines = self.lines.len();
        self.screen_map.get_mut().apply(&self.lines, change);
    }

    /// Number of screen rows of the whole text (wraps all of it).
    #[cfg(test)]
    pub(crate) fn screen_lines_count(&self) -> usize {
        self.with_map(|m, t| m.total_rows(t))
    }

    /// Whether screen row `row` exists.
    pub(crate) fn has_screen_row(&self, row: usize) -> bool {
        self.with_map(|m, t| m.locate(t, row).is_some())
    }

    /// `row`, or the last screen row if there are fewer rows.
    pub(crate) fn clamp_screen_row(&self, row: usize) -> usize {
        self.with_map(|m, t| m.clamp_row(t, row))
    }

    /// Byte offset of char column `col` of line `row` (the line's length past its end).
    pub(crate) fn byte_offset(&self, row: usize, col: usize) -> usize {
        self.with_map(|m, t| m.byte_of(t, row, col))
    }

    /// Number of chars in line `row`.
    pub(crate) fn line_char_count(&self, row: usize) -> usize {
        self.with_map(|m, t| m.char_count(t, row))
    }

    /// Up to `height` screen rows from row `top` on.
    pub(crate) fn screen_rows(&self, top: usize, height: usize) -> Vec<WrappedLine> {
        self.with_map(|m, t| m.rows(t, top, height))
    }

    pub(crate) fn screen_line_width(&self, row: usize) -> usize {
        self.screen_line(row).screen_width
    }

    pub(crate) fn screen_line_max_cursor_col(&self, row: usize) -> usize {
        self.screen_line(row).cursor_max_col
    }

    /// Screen row `row` (the last one if there are fewer rows).
    pub(crate) fn screen_line(&self, row: usize) -> ScreenLine {
        let (_, wrapped) = self.with_map(|m, t| m.wrapped_at(t, row));
        let fragment = &self.lines[wrapped.row][wrapped.start_byte..wrapped.end_byte];
        let char_count = wrapped.end_col.saturating_sub(wrapped.start_col);
        let screen_width = display_width(fragment, self.tab_length(), self.mask_char());
        let cursor_max_col = if wrapped.last_in_row {
            screen_width
        } else {
            screen_col_for_char_offset(
                fragment,
                char_count.saturating_sub(1),
                self.tab_length(),
                self.mask_char(),
            )
        };
        ScreenLine {
            wrapped,
            screen_width,
            cursor_max_col,
        }
    }

    pub(crate) fn screen_to_array(&self, screen: ScreenCursor) -> DataCursor {
        if let Some(dc) = screen.dc {
            return dc;
        }

        let line = self.screen_line(screen.row);
        let fragment =
            &self.lines[line.wrapped.row][line.wrapped.start_byte..line.wrapped.end_byte];
        let char_offset =
            char_offset_for_screen_col(fragment, screen.col, self.tab_length(), self.mask_char());
        DataCursor(line.wrapped.row, line.wrapped.start_col + char_offset)
    }

    pub(crate) fn array_to_screen(&self, array: DataCursor) -> ScreenCursor {
        let (row, wrapped) = self.with_map(|m, t| {
            let line = array.0.min(t.len() - 1);
            let (row, k) = m.row_of(t, line, array.1);
            (row, m.wrapped(t, line, k))
        });

        let fragment = &self.lines[wrapped.row][wrapped.start_byte..wrapped.end_byte];
        let char_offset = array.1.saturating_sub(wrapped.start_col);
        let col =
            screen_col_for_char_offset(fragment, char_offset, self.tab_length(), self.mask_char());

        ScreenCursor {
            row,
            col,
            char: if array.1 >= wrapped.start_col {
                fragment.chars().nth(char_offset)
            } else {
                None
            },
            dc: Some(array),
        }
    }

    pub(crate) fn data_cursor(&self, screen: ScreenCursor) -> DataCursor {
        screen.to_array_cursor(self)
    }

    pub(crate) fn increment_screen_cursor(&self, screen: ScreenCursor) -> ScreenCursor {
        let dc = self.data_cursor(screen);
        self.array_to_screen(DataCursor(dc.0, dc.1 + 1))
    }

    pub(crate) fn decrement_screen_cursor(&self, screen: ScreenCursor) -> ScreenCursor {
        let dc = self.data_cursor(screen);
        self.array_to_screen(DataCursor(dc.0, dc.1 - 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CursorMove;
    use ratatui_core::layout::Rect;

    fn make_textarea(lines: &[&str], wrap_mode: WrapMode, width: u16) -> TextArea<'static> {
        let mut textarea = TextArea::from(lines.iter().copied());
        textarea.set_wrap_mode(wrap_mode);
        textarea.area.set(Rect {
            x: 0,
            y: 0,
            width,
            height: 40,
        });
        textarea.screen_map_load();
        textarea
    }

    fn assert_round_trips(textarea: &TextArea<'_>) {
        for (row, line) in textarea.lines.iter().enumerate() {
            for col in 0..=line.chars().count() {
                let dc = DataCursor(row, col);
                let sc = textarea.array_to_screen(dc);
                assert_eq!(textarea.screen_to_array(sc), dc);

                let detached = ScreenCursor { dc: None, ..sc };
                assert_eq!(textarea.screen_to_array(detached), dc);
                assert_eq!(
                    textarea.array_to_screen(textarea.screen_to_array(detached)),
                    sc
                );
            }
        }
    }

    /// Deterministic pseudo-random numbers.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (self.0 >> 33) as usize
        }

        fn below(&mut self, n: usize) -> usize {
            self.next() % n.max(1)
        }
    }

    /// Pieces random text is made of: words, CJK, punctuation that word segmentation
    /// looks across (`a.b`, `1,2`, `it's`), tabs, combining marks, ZWJ emoji sequences,
    /// regional indicators (whose pairing depends on what comes before), halfwidth
    /// sound marks, a control char, and long words that get cut into pieces.
    const PIECES: &[&str] = &[
        "a",
        "b",
        "x",
        "yz",
        "hello",
        "w0rd",
        " ",
        " ",
        "  ",
        ".",
        ",",
        "'",
        ":",
        "1",
        "23",
        "中",
        "文",
        "字",
        "的",
        "，",
        "。",
        "“",
        "”",
        "\t",
        "e\u{301}",
        "\u{301}",
        "\u{200d}",
        "👍",
        "👨\u{200d}👩\u{200d}👧",
        "🇯🇵",
        "🇺",
        "🇸",
        "ｶ",
        "ﾞ",
        "\u{7}",
        "-",
        "abcdefghijklmnopqrstuvwxyz",
        "０１２３４５６７８９",
        "ＡＢＣ",
    ];

    fn random_text(rng: &mut Lcg, pieces: usize, newlines: bool) -> String {
        let mut s = String::new();
        for _ in 0..pieces {
            if newlines && rng.below(12) == 0 {
                s.push('\n');
            } else {
                s.push_str(PIECES[rng.below(PIECES.len())]);
            }
        }
        s
    }

    /// Rows of the patched map (all of them, wrapped on a clone so that the textarea
    /// keeps its partly wrapped state) against upstream's full wrap of the same text.
    fn assert_same_rows(textarea: &TextArea<'_>, context: &str) {
        let cfg = textarea.wrap_config();
        let expected: Vec<_> = if cfg.mode == WrapMode::None {
            (0..textarea.lines.len())
                .map(|row| {
                    (
                        row,
                        0,
                        textarea.lines[row].len(),
                        0,
                        textarea.lines[row].chars().count(),
                        true,
                        true,
                    )
                })
                .collect()
        } else {
            crate::wrap::wrapped_rows(&textarea.lines, cfg.mode, cfg.width, cfg.tab_len, cfg.mask)
                .into_iter()
                .map(|w| {
                    (
                        w.row,
                        w.start_byte,
                        w.end_byte,
                        w.start_col,
                        w.end_col,
                        w.first_in_row,
                        w.last_in_row,
                    )
                })
                .collect()
        };
        let copy = textarea.clone();
        let actual: Vec<_> = copy
            .with_map(|m, t| {
                let total = m.total_rows(t);
                m.rows(t, 0, total + 1)
            })
            .into_iter()
            .map(|w| {
                (
                    w.row,
                    w.start_byte,
                    w.end_byte,
                    w.start_col,
                    w.end_col,
                    w.first_in_row,
                    w.last_in_row,
                )
            })
            .collect();
        assert_eq!(actual, expected, "{context}: lines {:?}", textarea.lines);

        // The cursor's screen position, as upstream's `array_to_screen` finds it.
        let DataCursor(row, col) = textarea.cursor();
        let rows: Vec<_> = expected
            .iter()
            .enumerate()
            .filter(|(_, r)| r.0 == row)
            .collect();
        let (screen_row, r) = rows
            .iter()
            .find(|(_, r)| r.3 <= col && (col < r.4 || (r.6 && col <= r.4)))
            .copied()
            .unwrap_or(rows[0]);
        let fragment = &textarea.lines[row][r.1..r.2];
        let screen_col = screen_col_for_char_offset(
            fragment,
            col - r.3,
            cfg.tab_len.max(textarea.tab_length()),
            textarea.mask_char(),
        );
        let sc = textarea.screen_cursor();
        assert_eq!(
            (sc.row, sc.col),
            (screen_row, screen_col),
            "{context}: cursor {:?} in {:?}",
            textarea.cursor(),
            textarea.lines
        );
        assert_eq!(sc.char, textarea.lines[row].chars().nth(col), "{context}");
    }

    #[test]
    fn incremental_wrap_matches_full_wrap() {
        let modes = [
            WrapMode::Word,
            WrapMode::Glyph,
            WrapMode::WordOrGlyph,
            WrapMode::None,
        ];
        for seed in 0..400u64 {
            let mut rng = Lcg(seed);
            let mode = modes[rng.below(modes.len())];
            let (pieces, newlines) = (rng.below(80), rng.below(2) == 0);
            let text = random_text(&mut rng, pieces, newlines);
            let mut textarea = TextArea::from(text.split('\n'));
            textarea.set_wrap_mode(mode);
            textarea.set_tab_length([0, 1, 2, 4, 8][rng.below(5)] as u8);
            if rng.below(8) == 0 {
                textarea.set_mask_char(['*', '＊'][rng.below(2)]);
            }
            if rng.below(6) == 0 {
                textarea.set_line_number_style(Default::default());
            }
            let mut width = 1 + rng.below(30) as u16;
            textarea.area.set(Rect::new(0, 0, width, 10));
            for step in 0..80 {
                let context = format!("seed {seed} step {step} mode {mode:?} width {width}");
                // Put the cursor somewhere, usually near where it was.
                if rng.below(3) == 0 {
                    let row = rng.below(textarea.lines.len());
                    let col = rng.below(textarea.lines[row].chars().count() + 1);
                    textarea.move_cursor(CursorMove::Jump(row as u16, col as u16));
                }
                match rng.below(14) {
                    0..=3 => textarea.insert_str(PIECES[rng.below(PIECES.len())]),
                    4 => {
                        let pieces = 1 + rng.below(30);
                        textarea.insert_str(random_text(&mut rng, pieces, true))
                    }
                    5 => {
                        textarea.insert_newline();
                        true
                    }
                    6 | 7 => textarea.delete_char(),
                    8 => textarea.delete_next_char(),
                    9 => textarea.delete_str(rng.below(40)),
                    10 => textarea.undo(),
                    11 => textarea.redo(),
                    12 => textarea.delete_word(),
                    _ => {
                        width = 1 + rng.below(30) as u16;
                        textarea.area.set(Rect::new(0, 0, width, 10));
                        false
                    }
                };
                // Ask for some rows, leaving lines partly wrapped.
                if rng.below(2) == 0 {
                    let top = rng.below(40);
                    textarea.screen_rows(top, 1 + rng.below(8));
                }
                if rng.below(3) == 0 {
                    textarea.screen_cursor();
                }
                assert_same_rows(&textarea, &context);
            }
        }
    }

    #[test]
    fn long_line_edits_rewrap_locally() {
        // One 30k-char line at width 20, typed into at the end and in the middle: every
        // edit matches the full wrap, and the rows far after the edit are not wrapped.
        let line: String =
            "关于辖区电信网络诈骗案件高发的情况，刑侦大队已会同各派出所开展集中研判。"
                .chars()
                .cycle()
                .take(30_000)
                .collect();
        let mut textarea = TextArea::from([line]);
        textarea.set_wrap_mode(WrapMode::WordOrGlyph);
        textarea.area.set(Rect::new(0, 0, 20, 10));
        textarea.move_cursor(CursorMove::End);
        assert_same_rows(&textarea, "start");
        for (i, c) in "经研究决定，由刑侦大队牵头".chars().enumerate() {
            textarea.insert_char(c);
            assert_same_rows(&textarea, &format!("end {i}"));
        }
        textarea.move_cursor(CursorMove::Jump(0, 15_000));
        textarea.screen_cursor();
        for (i, c) in "经研究决定，由刑侦大队牵头".chars().enumerate() {
            textarea.insert_char(c);
            let wrapped = textarea.screen_map.borrow().lines[0].segs.len();
            assert!(
                wrapped < 1_600,
                "{wrapped} rows wrapped after a middle edit"
            );
            assert_same_rows(&textarea, &format!("middle {i}"));
        }
    }

    #[test]
    fn screen_map_round_trips_ascii_word_wrap() {
        let textarea = make_textarea(
            &[
                "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
                "Sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.",
            ],
            WrapMode::Word,
            24,
        );

        assert!(textarea.screen_lines_count() > textarea.lines.len());
        assert_round_trips(&textarea);
    }

    #[test]
    fn screen_map_round_trips_cjk_glyph_wrap() {
        let textarea = make_textarea(
            &["混合中文字符和ASCIIabc来验证屏幕坐标与数据坐标的往返转换。"],
            WrapMode::Glyph,
            12,
        );

        assert!(textarea.screen_lines_count() > textarea.lines.len());
        assert_round_trips(&textarea);
    }

    #[test]
    fn screen_map_round_trips_multilingual_word_or_glyph_wrap() {
        let textarea = make_textarea(
            &[
                "ASCII and русский текст can share one buffer.",
                "第二行 mixed-width 内容 with English words.",
            ],
            WrapMode::WordOrGlyph,
            18,
        );

        assert!(textarea.screen_lines_count() > textarea.lines.len());
        assert_round_trips(&textarea);
    }
}
