//! The blocks of a paper as Word paragraphs and tables, laid out as GB/T 9704 lays out
//! an official document.
use docx_rs::{
    AlignmentType, Docx, LineSpacing, LineSpacingType, Paragraph, SpecialIndentType, Table,
    TableCell, TableRow, WidthType,
};

use super::fonts::{self, Face};
use super::layout::{
    INDENT_2, LINE_PITCH, MARK_FROM_TOP, MARK_SIZES, RED, SIZE_2, SIZE_3, SIZE_4, TEXT_WIDTH,
};
use super::text::{run, twips, width_chars};
use crate::export::doc::{Block, Document};

/// Body lines sit on the 28.95 pt grid: exact spacing, nothing before or after, so each
/// line is one of the page's 22 whatever the font's own height.
fn on_grid(p: Paragraph) -> Paragraph {
    p.line_spacing(
        LineSpacing::new()
            .line_rule(LineSpacingType::Exact)
            .line(LINE_PITCH)
            .before(0)
            .after(0),
    )
}

/// One empty grid line before (GB/T 9704 "空一行").
fn blank_line_before(p: Paragraph) -> Paragraph {
    p.line_spacing(
        LineSpacing::new()
            .line_rule(LineSpacingType::Exact)
            .line(LINE_PITCH)
            .before(LINE_PITCH as u32)
            .after(0),
    )
}

/// A body paragraph: first line indented two characters, justified.
fn body(text: &str, face: Face) -> Paragraph {
    on_grid(
        Paragraph::new()
            .add_run(run(text, face, SIZE_3))
            .indent(
                Some(0),
                Some(SpecialIndentType::FirstLine(INDENT_2)),
                None,
                None,
            )
            .align(AlignmentType::Both),
    )
}

fn with_colon(label: &str) -> String {
    let l = label.trim_end();
    let l = l.strip_suffix(':').unwrap_or(l);
    let l = l.strip_suffix('：').unwrap_or(l);
    format!("{l}：")
}

/// The classification mark, top left, 3号黑体 (§7.2.2: 顶格编排在版心左上角).
pub fn classification(text: &str) -> Paragraph {
    on_grid(
        Paragraph::new()
            .add_run(run(text, fonts::HEITI, SIZE_3))
            .align(AlignmentType::Left),
    )
}

/// The 纪要 mark: red 小标宋, centred, in the largest size that fits one line; its top
/// 35 mm below the text block's top edge (GB/T 9704 §10.2.1), counting the
/// classification line when there is one.
fn mark(text: &str, after_classification: bool) -> Paragraph {
    let chars = width_chars(text).max(1.0);
    let line_pt = f64::from(TEXT_WIDTH) / 20.0;
    let size = MARK_SIZES
        .into_iter()
        .find(|half_pt| chars * (*half_pt as f64) / 2.0 <= line_pt)
        .unwrap_or(SIZE_2);
    let from_top = MARK_FROM_TOP - if after_classification { LINE_PITCH } else { 0 };
    Paragraph::new()
        .add_run(run(text, fonts::XIAOBIAOSONG, size).color(RED))
        .align(AlignmentType::Center)
        .snap_to_grid(false)
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Auto)
                .line(240)
                .before(from_top.max(0) as u32)
                .after(LINE_PITCH as u32),
        )
}

/// The title: 2号小标宋, centred, one blank line after it (§7.3.1, §7.3.3).
fn title(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, fonts::XIAOBIAOSONG, SIZE_2))
        .align(AlignmentType::Center)
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Exact)
                .line(LINE_PITCH)
                .before(0)
                .after(LINE_PITCH as u32),
        )
}

/// Headings, as GB/T 9704 §7.3.3 sets the levels of structure: 一、 in 黑体, （一） in
/// 楷体, 1. and （1） in 仿宋; all 3号, indented like a paragraph, kept with what follows.
fn heading(level: u8, text: &str) -> Paragraph {
    let face = match level {
        0 | 1 => fonts::HEITI,
        2 => fonts::KAITI,
        _ => fonts::FANGSONG,
    };
    body(text, face)
        .keep_next(true)
        .outline_lvl(usize::from(level.saturating_sub(1)))
}

/// "Label：value": the label in 黑体, the value in 仿宋.
fn field(label: &str, value: &str) -> Paragraph {
    on_grid(
        Paragraph::new()
            .add_run(run(&with_colon(label), fonts::HEITI, SIZE_3))
            .add_run(run(value, fonts::FANGSONG, SIZE_3))
            .indent(
                Some(0),
                Some(SpecialIndentType::FirstLine(INDENT_2)),
                None,
                None,
            )
            .align(AlignmentType::Both),
    )
}

/// "Label：" then each item on its own line, aligned after the label's colon.
fn field_list(label: &str, items: &[String]) -> Vec<Paragraph> {
    let label = with_colon(label);
    let mut out = vec![on_grid(
        Paragraph::new()
            .add_run(run(&label, fonts::HEITI, SIZE_3))
            .indent(
                Some(0),
                Some(SpecialIndentType::FirstLine(INDENT_2)),
                None,
                None,
            )
            .keep_next(true),
    )];
    let left = INDENT_2 + twips(width_chars(&label));
    for item in items {
        out.push(on_grid(
            Paragraph::new()
                .add_run(run(item, fonts::FANGSONG, SIZE_3))
                .indent(Some(left), None, None, None)
                .align(AlignmentType::Left),
        ));
    }
    out
}

/// "出席：王建国、刘卫东…": two characters in, the label and a full-width colon in 3号
/// 黑体, the names in 3号仿宋, wrapped lines aligned with the first name (GB/T 9704
/// §10.2.3). `first` puts a blank line before it (正文下空一行).
fn names(label: &str, names: &[String], first: bool) -> Paragraph {
    let label = with_colon(label);
    let hang = twips(width_chars(&label));
    let p = Paragraph::new()
        .add_run(run(&label, fonts::HEITI, SIZE_3))
        .add_run(run(&names.join("、"), fonts::FANGSONG, SIZE_3))
        .indent(
            Some(INDENT_2 + hang),
            Some(SpecialIndentType::Hanging(hang)),
            None,
            None,
        )
        .align(AlignmentType::Left);
    if first {
        blank_line_before(p)
    } else {
        on_grid(p)
    }
}

/// The signature block, after one blank line: the signer right-aligned two characters
/// in from the edge, the date on the next line starting two characters further right
/// than the signer; when the date is the longer, the date keeps two characters from the
/// edge and the signer moves left (GB/T 9704 §7.3.5.2). Without a signer, the date four
/// characters in (§7.3.5.1).
fn signature(lines: &[String], date: &str) -> Vec<Paragraph> {
    let signer = lines.iter().map(|l| width_chars(l)).fold(0.0_f64, f64::max);
    let date_w = width_chars(date);
    let (signer_right, date_right) = if lines.is_empty() {
        (0.0, 4.0)
    } else {
        let s = (4.0 + date_w - signer).max(2.0);
        (s, s + signer - date_w - 2.0)
    };
    let right = |chars: f64| Some(twips(chars.max(0.0)));
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let p = Paragraph::new()
            .add_run(run(l, fonts::FANGSONG, SIZE_3))
            .align(AlignmentType::Right)
            .indent(Some(0), None, right(signer_right), None);
        out.push(if i == 0 {
            blank_line_before(p)
        } else {
            on_grid(p)
        });
    }
    let p = Paragraph::new()
        .add_run(run(date, fonts::FANGSONG, SIZE_3))
        .align(AlignmentType::Right)
        .indent(Some(0), None, right(date_right), None);
    out.push(if lines.is_empty() {
        blank_line_before(p)
    } else {
        on_grid(p)
    });
    out
}

/// Words a person typed: one paragraph, every character and line break as typed, no
/// indent added, no justification stretching the spaces.
fn verbatim(text: &str) -> Paragraph {
    on_grid(
        Paragraph::new()
            .add_run(run(text, fonts::FANGSONG, SIZE_3))
            .indent(Some(0), None, None, None)
            .align(AlignmentType::Left),
    )
}

/// A remark in small print: 4号仿宋.
fn note(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, fonts::FANGSONG, SIZE_4))
        .align(AlignmentType::Left)
        .snap_to_grid(false)
}

fn cell(text: &str, face: Face, align: AlignmentType, width: usize) -> TableCell {
    TableCell::new().width(width, WidthType::Dxa).add_paragraph(
        Paragraph::new()
            .add_run(run(text, face, SIZE_4))
            .align(align)
            .snap_to_grid(false),
    )
}

/// A real Word table across the text block, equal columns, single borders; the header
/// row in 黑体 centred, cells in 仿宋; 4号 so that a register's columns fit. A row
/// shorter than the header is filled with empty cells.
fn table(header: &[String], rows: &[Vec<String>]) -> Table {
    let n = rows
        .iter()
        .map(Vec::len)
        .chain(std::iter::once(header.len()))
        .max()
        .unwrap_or(1)
        .max(1);
    let w = TEXT_WIDTH as usize / n;
    let row = |cells: &[String], face: Face, align: AlignmentType| {
        let mut v: Vec<TableCell> = cells.iter().map(|c| cell(c, face, align, w)).collect();
        while v.len() < n {
            v.push(cell("", face, align, w));
        }
        TableRow::new(v).cant_split()
    };
    let mut all = vec![row(header, fonts::HEITI, AlignmentType::Center)];
    all.extend(
        rows.iter()
            .map(|r| row(r, fonts::FANGSONG, AlignmentType::Left)),
    );
    Table::new(all)
        .set_grid(vec![w; n])
        .width(TEXT_WIDTH as usize, WidthType::Dxa)
}

/// The whole body of a paper, in order, added to `docx`.
pub fn add_body(doc: &Document, mut docx: Docx) -> Docx {
    if let Some(c) = &doc.classification {
        docx = docx.add_paragraph(classification(c));
    }
    if let Some(m) = &doc.mark {
        docx = docx.add_paragraph(mark(m, doc.classification.is_some()));
    }
    if !doc.title.trim().is_empty() {
        docx = docx.add_paragraph(title(&doc.title));
    }
    let mut previous_was_names = false;
    for b in &doc.blocks {
        let paragraphs = match b {
            Block::Heading { level, text } => vec![heading(*level, text)],
            Block::Field { label, value } => vec![field(label, value)],
            Block::FieldList { label, items } => field_list(label, items),
            // Our own words: each line its own paragraph.
            Block::Paragraph(text) => text
                .split('\n')
                .map(|l| body(l.trim_end_matches('\r'), fonts::FANGSONG))
                .collect(),
            Block::Verbatim(text) => vec![verbatim(text)],
            Block::Table { header, rows } => {
                docx = docx.add_table(table(header, rows));
                Vec::new()
            }
            Block::Names { label, names: list } => vec![names(label, list, !previous_was_names)],
            Block::Signature { lines, date } => signature(lines, date),
            Block::Note(text) => vec![note(text)],
        };
        for p in paragraphs {
            docx = docx.add_paragraph(p);
        }
        previous_was_names = matches!(b, Block::Names { .. });
    }
    docx
}
