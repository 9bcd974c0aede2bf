//! Markdown and plain text from the document model: one renderer each, sharing where a
//! blank line goes, so the two files of one paper read the same.
//!
//! The words the recorder typed ([`Block::Verbatim`]) are reproduced exactly. In plain
//! text they are written as they are; in Markdown each is put in a fenced code block
//! (longer than any run of backticks inside it) followed by one newline, so neither the
//! file nor its rendering changes a character: no escaping, no reflow, line breaks kept,
//! `*`, `#` and `|` shown as typed.
use super::doc::{Block, Document};
use super::{Format, md_inline, md_table, md_verbatim, one_line, txt_table, underline};
use crate::i18n;

/// The paper as a file of this format (Word is written by its own renderer).
pub fn render(doc: &Document, format: Format) -> String {
    let mut r = Renderer {
        out: String::new(),
        format,
        doc,
    };
    r.title();
    let mut prev: Option<&Block> = None;
    for block in &doc.blocks {
        if format == Format::Txt && matches!(block, Block::Note(_)) {
            // A note about how Markdown shows typed text: plain text needs none.
            continue;
        }
        if needs_blank(prev, block) {
            r.blank();
        }
        r.block(block);
        prev = Some(block);
    }
    // A classified paper says so at its end too: a file has no pages, so its first and
    // last lines carry the marking whichever part of it is read or printed.
    if let Some(c) = &doc.classification {
        r.blank();
        let c = r.inline(c);
        r.line(&c);
    }
    r.out
}

/// A blank line goes between blocks, except within a list of fields and right after a
/// speaker's line (their words follow it directly).
fn needs_blank(prev: Option<&Block>, next: &Block) -> bool {
    let is_field = |b: &Block| matches!(b, Block::Field { .. } | Block::FieldList { .. });
    match prev {
        None => false,
        Some(p) if is_field(p) && is_field(next) => false,
        Some(Block::Heading { level, .. }) if *level >= 3 => false,
        Some(_) => true,
    }
}

struct Renderer<'a> {
    out: String,
    format: Format,
    doc: &'a Document,
}

impl Renderer<'_> {
    fn md(&self) -> bool {
        self.format == Format::Md
    }

    fn blank(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    fn line(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn inline(&self, s: &str) -> String {
        if self.md() { md_inline(s) } else { one_line(s) }
    }

    fn title(&mut self) {
        for mark in [&self.doc.classification, &self.doc.mark]
            .into_iter()
            .flatten()
        {
            let m = self.inline(mark);
            self.line(&m);
            self.blank();
        }
        let title = self.inline(&self.doc.title);
        if title.trim().is_empty() {
            // A 纪要's mark is its title: nothing more to print.
            return;
        }
        if self.md() {
            self.line(&format!("# {title}"));
        } else {
            self.line(&title);
            self.line(&underline(&title, '='));
        }
        self.out.push('\n');
    }

    fn field_text(&self, label: &str, value: &str) -> String {
        let value = self.inline(value);
        i18n::x_field(self.doc.lang, label, &value)
    }

    fn block(&mut self, block: &Block) {
        let md = self.md();
        match block {
            Block::Heading { level, text } => {
                let text = self.inline(text);
                if md {
                    let hashes = "#".repeat(usize::from(*level) + 1);
                    self.line(&format!("{hashes} {text}"));
                } else {
                    self.line(&text);
                    match level {
                        1 => self.line(&underline(&text, '=')),
                        2 => self.line(&underline(&text, '-')),
                        _ => {}
                    }
                }
                if *level < 3 {
                    self.out.push('\n');
                }
            }
            Block::Field { label, value } => {
                let t = self.field_text(label, value);
                self.line(&if md { format!("- {t}") } else { t });
            }
            Block::FieldList { label, items } => {
                let head = i18n::x_field(self.doc.lang, label, "");
                let head = head.trim_end();
                self.line(&if md {
                    format!("- {head}")
                } else {
                    head.to_string()
                });
                for item in items {
                    let item = self.inline(item);
                    self.line(&if md {
                        format!("  - {item}")
                    } else {
                        format!("  {item}")
                    });
                }
            }
            Block::Paragraph(text) | Block::Note(text) => {
                let t = self.inline(text);
                self.line(&t);
            }
            Block::Verbatim(text) => {
                if md {
                    md_verbatim(&mut self.out, text);
                } else {
                    // The text, the newline that ends its last line, then a blank line: a
                    // trailing newline typed by the recorder stays visible as a second one.
                    self.out.push_str(text);
                    self.out.push_str("\n\n");
                }
            }
            Block::Table { header, rows } => {
                let header: Vec<&str> = header.iter().map(String::as_str).collect();
                if md {
                    md_table(&mut self.out, &header, rows);
                } else {
                    let rows: Vec<Vec<String>> = rows
                        .iter()
                        .map(|r| r.iter().map(|c| one_line(c)).collect())
                        .collect();
                    txt_table(&mut self.out, &header, &rows);
                }
            }
            Block::Names { label, names } => {
                let sep = i18n::x_name_sep(self.doc.lang);
                let t = self.field_text(label, &names.join(sep));
                self.line(&t);
            }
            Block::Signature { lines, date } => {
                for l in lines {
                    let t = self.inline(l);
                    self.line(&t);
                }
                let d = self.inline(date);
                self.line(&d);
            }
        }
    }
}
