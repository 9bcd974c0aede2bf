//! Papers as a document model: what a paper says, apart from how a file writes it.
//!
//! Every paper (the verbatim record, the attendance report, and later the agenda, the
//! minutes, the decision register, the archive ledger) is built as a [`Document`]; one
//! renderer per file kind turns it into Markdown, plain text or Word. A renderer never
//! decides what is said, only how it looks, so the three files of one paper always agree.
//!
//! Two kinds of text are kept apart on purpose:
//! - our own words (headings, labels, remarks): a renderer may escape or reflow them;
//! - words a person typed ([`Block::Verbatim`]): reproduced exactly, never escaped,
//!   reflowed or trimmed (R5.2 "faithful to the original").

/// One paper.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// The paper's language: its typography ("标签：值" or "Label: value").
    pub lang: crate::i18n::Lang,
    /// The title, e.g. "会议记录" (GB/T 9704: 2号小标宋, centred).
    pub title: String,
    /// The classification marking "密级★期限" (e.g. "秘密★1年"), printed at the top left
    /// of the first page and on every page and file of a classified paper (R8.1).
    pub classification: Option<String>,
    /// The issuing mark of a 纪要, e.g. "乌审旗公安局局长办公例会纪要": printed centred in
    /// red above the title where the format has one.
    pub mark: Option<String>,
    pub blocks: Vec<Block>,
}

/// A piece of a paper, in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A heading below the title. Level 1 is a part (议题), 2 a section (步骤, 决定事项),
    /// 3 a sub-section (a speaker's words). In Chinese official papers these are numbered
    /// 一、 / （一） / 1. by the text itself, not by the renderer.
    Heading { level: u8, text: String },
    /// "Label: value" on one line (a list item in Markdown).
    Field { label: String, value: String },
    /// "Label:" followed by one item per line (e.g. responsible units).
    FieldList { label: String, items: Vec<String> },
    /// A paragraph of our own words.
    Paragraph(String),
    /// Words a person typed: exactly as typed, line breaks kept.
    Verbatim(String),
    /// A table: a header row and rows of one-line cells.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// The names lines after a 纪要's body: "出席：王建国、刘卫东…" — the label in 黑体,
    /// the names in 仿宋, wrapped lines aligned after the colon (GB/T 9704 纪要格式).
    Names { label: String, names: Vec<String> },
    /// The signature block at the end: who issues / signs, and the date written in
    /// Arabic numerals ("2026年11月28日"), right-aligned in Word.
    Signature { lines: Vec<String>, date: String },
    /// A remark in small print (e.g. "发言内容按原文照录"), shown where the format allows.
    Note(String),
}

impl Document {
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            ..Self::default()
        }
    }

    pub fn in_lang(mut self, lang: crate::i18n::Lang) -> Self {
        self.lang = lang;
        self
    }

    pub fn field_list(&mut self, label: impl Into<String>, items: Vec<String>) -> &mut Self {
        self.push(Block::FieldList {
            label: label.into(),
            items,
        })
    }

    pub fn table(&mut self, header: Vec<String>, rows: Vec<Vec<String>>) -> &mut Self {
        self.push(Block::Table { header, rows })
    }

    pub fn note(&mut self, text: impl Into<String>) -> &mut Self {
        self.push(Block::Note(text.into()))
    }

    pub fn push(&mut self, block: Block) -> &mut Self {
        self.blocks.push(block);
        self
    }

    pub fn heading(&mut self, level: u8, text: impl Into<String>) -> &mut Self {
        self.push(Block::Heading {
            level,
            text: text.into(),
        })
    }

    pub fn field(&mut self, label: impl Into<String>, value: impl Into<String>) -> &mut Self {
        self.push(Block::Field {
            label: label.into(),
            value: value.into(),
        })
    }

    pub fn paragraph(&mut self, text: impl Into<String>) -> &mut Self {
        self.push(Block::Paragraph(text.into()))
    }

    pub fn verbatim(&mut self, text: impl Into<String>) -> &mut Self {
        self.push(Block::Verbatim(text.into()))
    }

    /// Every piece of text in the paper, in order: for tests and for searching a paper.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        let mut line = |s: &str| {
            out.push_str(s);
            out.push('\n');
        };
        if let Some(c) = &self.classification {
            line(c);
        }
        if let Some(m) = &self.mark {
            line(m);
        }
        line(&self.title);
        for b in &self.blocks {
            match b {
                Block::Heading { text, .. } | Block::Paragraph(text) | Block::Note(text) => {
                    line(text)
                }
                Block::Verbatim(text) => line(text),
                Block::Field { label, value } => line(&format!("{label} {value}")),
                Block::FieldList { label, items } => {
                    line(label);
                    items.iter().for_each(|i| line(i));
                }
                Block::Table { header, rows } => {
                    line(&header.join(" "));
                    rows.iter().for_each(|r| line(&r.join(" ")));
                }
                Block::Names { label, names } => line(&format!("{label} {}", names.join(" "))),
                Block::Signature { lines, date } => {
                    lines.iter().for_each(|l| line(l));
                    line(date);
                }
            }
        }
        out
    }
}
