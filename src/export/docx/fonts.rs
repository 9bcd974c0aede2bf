//! The typefaces of GB/T 9704 and how they are named in the .docx.
//!
//! A run in Word names one font per slot (`w:ascii`, `w:hAnsi`, `w:eastAsia`, `w:cs`); a
//! slot cannot hold a list. So every slot of a run names the font GB/T 9704 asks for
//! (e.g. `仿宋_GB2312`, the name on the government machines the office prints from), with
//! `w:hint="eastAsia"` so that quotation marks and dashes shared by both scripts are set
//! in the Chinese face. The fallback goes where OOXML keeps it: the document's font table
//! (`word/fontTable.xml`) declares each face with `w:altName` (`FangSong`, `KaiTi`,
//! `SimHei`, `SimSun` — the faces every Chinese Windows has), charset 86 (GB2312) and its
//! family, which Word uses to substitute a missing font. Digits and Latin letters take the
//! same face as the Chinese text around them, so "2026年11月28日" is set in one face.
use docx_rs::RunFonts;

/// One typeface.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Face {
    /// The name GB/T 9704 uses.
    pub name: &'static str,
    /// The standard Windows face used when `name` is not installed.
    pub fallback: &'static str,
    /// `w:family`: roman (serif), swiss (sans), modern (fixed pitch), script.
    family: &'static str,
    /// `w:pitch`: the Chinese faces are monospaced (fixed), the Song faces declared variable
    /// as Word itself declares them.
    pitch: &'static str,
}

/// 仿宋: body text, level-3 headings, names.
pub const FANGSONG: Face = Face {
    name: "仿宋_GB2312",
    fallback: "FangSong",
    family: "modern",
    pitch: "fixed",
};
/// 小标宋: the title and the 纪要 mark.
pub const XIAOBIAOSONG: Face = Face {
    name: "方正小标宋简体",
    fallback: "SimSun",
    family: "roman",
    pitch: "variable",
};
/// 黑体: level-1 headings, labels, the classification mark.
pub const HEITI: Face = Face {
    name: "黑体",
    fallback: "SimHei",
    family: "modern",
    pitch: "fixed",
};
/// 楷体: level-2 headings.
pub const KAITI: Face = Face {
    name: "楷体_GB2312",
    fallback: "KaiTi",
    family: "modern",
    pitch: "fixed",
};
/// 宋体: page numbers (§7.5 "半角宋体阿拉伯数字").
pub const SONGTI: Face = Face {
    name: "宋体",
    fallback: "SimSun",
    family: "roman",
    pitch: "variable",
};

pub const ALL: [Face; 5] = [FANGSONG, XIAOBIAOSONG, HEITI, KAITI, SONGTI];

impl Face {
    /// The run fonts: every slot this face, East Asian hint.
    pub fn run_fonts(self) -> RunFonts {
        RunFonts::new()
            .ascii(self.name)
            .hi_ansi(self.name)
            .east_asia(self.name)
            .cs(self.name)
            .hint("eastAsia")
    }
}

fn attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `word/fontTable.xml`: our faces with their fallbacks, then the faces docx-rs lists.
pub fn font_table_xml() -> Vec<u8> {
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
    );
    for f in ALL {
        s.push_str(&format!(
            r#"<w:font w:name="{}"><w:altName w:val="{}" /><w:charset w:val="86" /><w:family w:val="{}" /><w:pitch w:val="{}" /></w:font>"#,
            attr(f.name),
            attr(f.fallback),
            f.family,
            f.pitch
        ));
    }
    for (name, charset, family) in [
        ("Times New Roman", "00", "roman"),
        ("Symbol", "02", "roman"),
        ("Arial", "00", "swiss"),
    ] {
        s.push_str(&format!(
            r#"<w:font w:name="{name}"><w:charset w:val="{charset}" /><w:family w:val="{family}" /><w:pitch w:val="variable" /></w:font>"#
        ));
    }
    s.push_str("</w:fonts>");
    s.into_bytes()
}
