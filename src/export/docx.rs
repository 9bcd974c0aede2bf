//! A paper as a Word document (.docx), laid out as GB/T 9704-2012 《党政机关公文格式》
//! lays out an official document (R9.5: "a Word document, since the office files Word
//! documents").
//!
//! - A4, margins 37 mm top, 28 mm left; a 156 × 225 mm text block of 22 lines of 28
//!   characters (line grid of 28.95 pt, text condensed 0.25 pt) — figures in [`layout`];
//! - body 3号仿宋; title 2号小标宋 centred; headings 一、 黑体, （一） 楷体, 1. 仿宋 — faces and
//!   their fallbacks in [`fonts`];
//! - page numbers "— 1 —" in 4号宋体, odd pages right, even pages left;
//! - the 纪要 mark centred in red; 出席 / 请假 / 列席 lines with the label in 黑体 and wrapped
//!   names aligned after the colon; the signature and date right-aligned;
//! - the classification "密级★期限" at the top left of the first page in 3号黑体, and in the
//!   header of every following page (the first page carries it in the body already, so
//!   its header is left empty rather than print it twice);
//! - tables as real Word tables; typed words ([`Block::Verbatim`](super::doc::Block))
//!   with every character and line break as typed.
//!
//! The renderer decides only how a paper looks; what it says is the [`Document`].
mod blocks;
pub mod fonts;
pub mod layout;
mod text;

use std::io::Cursor;

use docx_rs::{
    AlignmentType, DocGrid, DocGridType, Docx, FieldCharType, Footer, Header, InstrPAGE, InstrText,
    LineSpacing, LineSpacingType, PageMargin, Paragraph,
};

use super::doc::Document;
use layout::*;

/// Why a document could not be written.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("writing the .docx failed: {0}")]
    Pack(String),
}

/// "— 1 —" with the number as a PAGE field, 4号宋体, right on odd pages and left on even
/// ones, one character in from the edge (§7.5).
fn page_number(odd: bool) -> Paragraph {
    let face = fonts::SONGTI;
    let r = || text::styled(face, SIZE_4);
    let p = Paragraph::new()
        .add_run(r().add_text("— "))
        .add_run(r().add_field_char(FieldCharType::Begin, false))
        .add_run(r().add_instr_text(InstrText::PAGE(InstrPAGE::new())))
        .add_run(r().add_field_char(FieldCharType::Separate, false))
        .add_run(r().add_text("1"))
        .add_run(r().add_field_char(FieldCharType::End, false))
        .add_run(r().add_text(" —"))
        .snap_to_grid(false)
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Exact)
                .line(i32::try_from(SIZE_4 * 10).unwrap_or(280))
                .before(0)
                .after(0),
        );
    if odd {
        p.align(AlignmentType::Right)
            .indent(Some(0), None, Some(PAGE_NUMBER_INDENT), None)
    } else {
        p.align(AlignmentType::Left)
            .indent(Some(PAGE_NUMBER_INDENT), None, None, None)
    }
}

fn footer(odd: bool) -> Footer {
    Footer::new().add_paragraph(page_number(odd))
}

fn classification_header(c: &str) -> Header {
    Header::new().add_paragraph(blocks::classification(c).snap_to_grid(false))
}

/// The page: A4, the margins, the 22-line grid, body defaults 3号仿宋 condensed to 28
/// characters a line.
fn page(docx: Docx) -> Docx {
    let mut docx = docx
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(MARGIN_TOP)
                .left(MARGIN_LEFT)
                .bottom(MARGIN_BOTTOM)
                .right(MARGIN_RIGHT)
                .header(HEADER_DISTANCE)
                .footer(FOOTER_DISTANCE)
                .gutter(0),
        )
        .default_size(SIZE_3)
        .default_spacing(CHAR_SPACING)
        .default_fonts(fonts::FANGSONG.run_fonts())
        .default_tab_stop(usize::try_from(2 * CHAR).unwrap_or(630));
    docx.document = docx.document.doc_grid(
        DocGrid::new()
            .grid_type(DocGridType::Lines)
            .line_pitch(usize::try_from(LINE_PITCH).unwrap_or(579)),
    );
    docx
}

/// Render a paper as the bytes of a .docx file.
pub fn render(doc: &Document) -> Result<Vec<u8>, DocxError> {
    let mut docx = blocks::add_body(doc, page(Docx::new()))
        .footer(footer(true))
        .even_footer(footer(false));
    if let Some(c) = &doc.classification {
        docx = docx
            .header(classification_header(c))
            .even_header(classification_header(c))
            // Word wants a paragraph in every header, even an empty one.
            .first_header(Header::new().add_paragraph(Paragraph::new()))
            .first_footer(footer(true));
    }
    let mut xml = docx.build();
    xml.font_table = fonts::font_table_xml();
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out)
        .map_err(|e| DocxError::Pack(e.to_string()))?;
    Ok(out.into_inner())
}
