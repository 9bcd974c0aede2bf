//! The figures of GB/T 9704-2012 (党政机关公文格式) as Word measures them.
//!
//! Word measures in twips (1/20 pt; 1 mm = 56.693 twips) and font sizes in half-points.
//!
//! | GB/T 9704 | figure | here |
//! |---|---|---|
//! | A4 paper (§5.2.1) | 210 × 297 mm | 11906 × 16838 twips |
//! | top margin, 天头 (§5.2.2) | 37 mm | 2098 |
//! | left margin, 订口 | 28 mm | 1587 |
//! | text block, 版心 | 156 × 225 mm | 8845 × 12756 |
//! | so right / bottom margin | 26 / 35 mm | 1474 / 1984 |
//! | lines per page (§5.2.3) | 22 | line grid (`w:docGrid w:type="lines"`), line pitch 579 twips = 28.95 pt, the largest pitch that still fits 22 lines in 225 mm |
//! | characters per line | 28 | text condensed 0.25 pt (`w:spacing` −5 twips in the document defaults): a 16 pt character takes 15.75 pt, 28 × 15.75 = 441 pt ≤ 156 mm = 442.2 pt < 29 × 15.75 |
//! | body text (§5.2.4) | 3号 = 16 pt | `w:sz` 32 |
//! | title (§7.3.1) | 2号 = 22 pt | `w:sz` 44 |
//! | page number (§7.5) | 4号 = 14 pt, "— 1 —", one character in from the edge | `w:sz` 28, indent 280 |
//! | page number position | 7 mm below the text block | footer distance 1304 twips (23 mm) with a 14 pt line |

/// A4 in twips.
pub const PAGE_WIDTH: u32 = 11906;
pub const PAGE_HEIGHT: u32 = 16838;
pub const MARGIN_TOP: i32 = 2098;
pub const MARGIN_LEFT: i32 = 1587;
pub const MARGIN_RIGHT: i32 = 1474;
pub const MARGIN_BOTTOM: i32 = 1984;
/// The header's top edge: 15 mm from the top of the page, within the 37 mm top margin.
pub const HEADER_DISTANCE: i32 = 851;
/// The footer's bottom edge 23 mm from the bottom of the page: with a 14 pt (4.9 mm)
/// page-number line its top is 28 mm up, 7 mm below the text block's lower edge (§7.5).
pub const FOOTER_DISTANCE: i32 = 1304;

/// The text block.
pub const TEXT_WIDTH: u32 = PAGE_WIDTH - MARGIN_LEFT as u32 - MARGIN_RIGHT as u32;

/// 22 lines a page: 28.95 pt.
pub const LINE_PITCH: i32 = 579;
/// 28 characters a line: the space between characters, in twips, taken from every
/// character (Word's "condensed by 0.25 pt"). 156 mm hold 28 characters of 16 pt only
/// a little closer than their own width: 28 × 16 pt = 448 pt > 442.2 pt.
///
/// Not a character grid (`w:docGrid w:type="linesAndChars"` with `w:charSpace`): Word
/// squeezes each character onto such a grid's 15.79 pt pitch, but LibreOffice never
/// sets a character narrower than its width; it gives a character wider than the pitch
/// two grid cells, and takes the pitch from the Normal style's own size (12 pt when the
/// size is only in the document defaults), so the page came out at 18 characters a line
/// with a gap after each. Condensed spacing is plain run formatting that Word and
/// LibreOffice both apply to every character alike.
pub const CHAR_SPACING: i32 = -5;
/// One character of body text, in twips (16 pt less the condensing, 15.75 pt): indents
/// are counted in it, so that an indented line starts on a character's place.
pub const CHAR: i32 = 20 * 16 + CHAR_SPACING;

/// Font sizes in half-points.
pub const SIZE_2: usize = 44; // 2号, 22 pt
pub const SIZE_3: usize = 32; // 3号, 16 pt
pub const SIZE_4: usize = 28; // 4号, 14 pt
/// The larger sizes a 纪要 mark may take, largest first: 初号 42 pt, 小初 36 pt, 一号
/// 26 pt, 小一 24 pt; 2号 when even that does not fit.
pub const MARK_SIZES: [usize; 4] = [84, 72, 52, 48];

/// The 纪要 mark's top edge 35 mm below the text block's top (GB/T 9704 §10.2.1).
pub const MARK_FROM_TOP: i32 = 1984;

/// One character of 4号: the page number's "空一字" from the edge (§7.5).
pub const PAGE_NUMBER_INDENT: i32 = 280;

/// The red of the mark (GB/T 9704 §7.2.2 "推荐使用红色").
pub const RED: &str = "FF0000";

/// The first-line indent of a body paragraph: two characters (§5.2.4 段首空二字).
pub const INDENT_2: i32 = 2 * CHAR;
