//! The Word renderer (R9.5): a paper with every kind of block, opened as the zip a .docx
//! is, its XML read for the GB/T 9704 layout; and, where LibreOffice is installed, turned
//! into a PDF whose text and page size are checked.
use std::io::{Cursor, Read};
use std::path::PathBuf;
use std::process::Command;

use huiwu::export::doc::{Block, Document};
use huiwu::export::docx::render;

fn paper(classified: bool) -> Document {
    let mut doc = Document::new("关于加强冬季防火安全工作的会议纪要");
    if classified {
        doc.classification = Some("秘密★1年".into());
    }
    doc.mark = Some("乌审旗公安局局长办公例会纪要".into());
    doc.paragraph("2026年11月30日，局长王建国在旗局二楼党委会议室主持召开局长办公例会。");
    doc.heading(1, "一、关于冬季防火安全专项行动的议题");
    doc.heading(2, "（一）工作目标");
    doc.heading(3, "1.检查范围");
    doc.field("责任单位", "治安管理大队");
    doc.push(Block::FieldList {
        label: "配合单位".into(),
        items: vec!["各派出所".into(), "交管大队".into()],
    });
    doc.verbatim("  王建国：这个问题我讲三点。\n\n第一，<安全>&责任；\r\n第二，\t落实。\u{1}  ");
    doc.push(Block::Table {
        header: vec!["事项".into(), "责任单位".into(), "期限".into()],
        rows: vec![
            vec![
                "消防检查".into(),
                "治安管理大队".into(),
                "2026年12月31日".into(),
            ],
            vec!["宣传".into()],
        ],
    });
    doc.push(Block::Note("发言内容按原文照录".into()));
    doc.push(Block::Names {
        label: "出席".into(),
        names: vec!["王建国".into(), "刘卫东".into(), "孙立".into()],
    });
    doc.push(Block::Names {
        label: "请假：".into(),
        names: vec!["赵敏".into()],
    });
    doc.push(Block::Names {
        label: "列席".into(),
        names: vec!["张伟（治安管理大队）".into()],
    });
    doc.push(Block::Signature {
        lines: vec!["乌审旗公安局办公室".into()],
        date: "2026年11月28日".into(),
    });
    doc
}

/// Every part of the .docx by name.
fn parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a .docx is a zip");
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut s = String::new();
        if f.read_to_string(&mut s).is_ok() {
            out.push((f.name().to_string(), s));
        }
    }
    out
}

fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    parts
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, s)| s.as_str())
        .unwrap_or_else(|| panic!("no {name} in the .docx"))
}

/// The paragraph (`<w:p …>…</w:p>`) that holds `text`.
fn para_of(xml: &str, text: &str) -> String {
    let at = xml.find(text).unwrap_or_else(|| panic!("{text} not found"));
    let start = xml[..at]
        .rfind("<w:p ")
        .max(xml[..at].rfind("<w:p>"))
        .unwrap_or_else(|| panic!("no paragraph around {text}"));
    let end = at + xml[at..].find("</w:p>").unwrap_or(0);
    xml[start..end].to_string()
}

fn starting<'a>(parts: &'a [(String, String)], prefix: &str) -> Vec<&'a str> {
    parts
        .iter()
        .filter(|(n, _)| n.starts_with(prefix))
        .map(|(_, s)| s.as_str())
        .collect()
}

#[test]
fn the_chinese_text_is_all_there() {
    let doc = paper(true);
    let bytes = render(&doc).unwrap();
    let p = parts(&bytes);
    let xml = part(&p, "word/document.xml");
    for s in [
        "乌审旗公安局局长办公例会纪要",
        "关于加强冬季防火安全工作的会议纪要",
        "一、关于冬季防火安全专项行动的议题",
        "（一）工作目标",
        "1.检查范围",
        "责任单位：",
        "治安管理大队",
        "配合单位：",
        "交管大队",
        "消防检查",
        "2026年12月31日",
        "发言内容按原文照录",
        "出席：",
        "王建国、刘卫东、孙立",
        "请假：",
        "列席：",
        "乌审旗公安局办公室",
        "2026年11月28日",
        "秘密★1年",
    ] {
        assert!(xml.contains(s), "{s} missing from document.xml");
    }
    // "请假：" given with its colon is not doubled.
    assert!(!xml.contains("请假：："));
    // docx-rs reads it back: the XML is well formed.
    assert!(docx_rs::read_docx(&bytes).is_ok());
}

#[test]
fn page_is_a4_with_gbt_9704_margins_and_grid() {
    let bytes = render(&paper(false)).unwrap();
    let p = parts(&bytes);
    let xml = part(&p, "word/document.xml");
    assert!(
        xml.contains(r#"<w:pgSz w:w="11906" w:h="16838""#),
        "page size"
    );
    assert!(xml.contains(r#"w:top="2098""#), "top margin 37 mm");
    assert!(xml.contains(r#"w:left="1587""#), "left margin 28 mm");
    assert!(xml.contains(r#"w:right="1474""#), "right margin 26 mm");
    assert!(xml.contains(r#"w:bottom="1984""#), "bottom margin 35 mm");
    // 22 lines: a line grid of 28.95 pt. 28 characters: 16 pt text condensed 0.25 pt
    // (15.75 pt each), in the document defaults — not a character grid, which
    // LibreOffice sets at 18 characters a line.
    assert!(
        xml.contains(r#"<w:docGrid w:type="lines" w:linePitch="579" />"#),
        "22-line grid"
    );
    assert!(!xml.contains("w:charSpace"), "no character grid");
    let styles = part(&p, "word/styles.xml");
    let defaults =
        &styles[styles.find("<w:rPrDefault>").unwrap()..styles.find("</w:rPrDefault>").unwrap()];
    assert!(
        defaults.contains(r#"<w:spacing w:val="-5" />"#)
            && defaults.contains(r#"<w:sz w:val="32" />"#),
        "3号 condensed 0.25 pt: {defaults}"
    );
    // 156 mm text block: 11906 − 1587 − 1474 = 8845 twips = 156.0 mm.
    assert_eq!(11906 - 1587 - 1474, 8845);
}

#[test]
fn fonts_and_sizes_follow_gbt_9704() {
    let bytes = render(&paper(false)).unwrap();
    let p = parts(&bytes);
    let xml = part(&p, "word/document.xml");
    for face in [
        "仿宋_GB2312",
        "方正小标宋简体",
        "黑体",
        "楷体_GB2312",
        "宋体",
    ] {
        let parts_with_face = p
            .iter()
            .filter(|(_, s)| s.contains(&format!(r#"w:eastAsia="{face}""#)))
            .count();
        assert!(parts_with_face > 0, "{face} not used");
    }
    assert!(xml.contains(r#"<w:sz w:val="32" />"#), "3号 body");
    assert!(xml.contains(r#"<w:sz w:val="44" />"#), "2号 title");
    assert!(xml.contains(r#"<w:color w:val="FF0000" />"#), "red mark");
    assert!(xml.contains(r#"<w:jc w:val="center" />"#), "centred title");
    // Level-1 heading in 黑体, level-2 in 楷体: the run before the text names the face.
    let before = |text: &str| {
        let at = xml.find(text).unwrap();
        let run_start = xml[..at].rfind("<w:r>").unwrap();
        xml[run_start..at].to_string()
    };
    assert!(before("一、关于冬季防火").contains(r#"w:eastAsia="黑体""#));
    assert!(before("（一）工作目标").contains(r#"w:eastAsia="楷体_GB2312""#));
    assert!(before("1.检查范围").contains(r#"w:eastAsia="仿宋_GB2312""#));
    assert!(before("出席：").contains(r#"w:eastAsia="黑体""#));
    assert!(before("王建国、刘卫东").contains(r#"w:eastAsia="仿宋_GB2312""#));
    // Body default 3号仿宋 in the styles.
    let styles = part(&p, "word/styles.xml");
    assert!(styles.contains(r#"w:eastAsia="仿宋_GB2312""#));
    assert!(styles.contains(r#"<w:sz w:val="32" />"#));
    // The fallbacks sit in the font table.
    let table = part(&p, "word/fontTable.xml");
    assert!(table.contains(r#"<w:font w:name="仿宋_GB2312"><w:altName w:val="FangSong" />"#));
    assert!(table.contains(r#"<w:font w:name="黑体"><w:altName w:val="SimHei" />"#));
    assert!(table.contains(r#"<w:font w:name="楷体_GB2312"><w:altName w:val="KaiTi" />"#));
}

#[test]
fn odd_and_even_footers_carry_the_page_number() {
    let bytes = render(&paper(false)).unwrap();
    let p = parts(&bytes);
    let xml = part(&p, "word/document.xml");
    assert!(xml.contains(r#"<w:footerReference w:type="default""#));
    assert!(xml.contains(r#"<w:footerReference w:type="even""#));
    assert!(part(&p, "word/settings.xml").contains("<w:evenAndOddHeaders"));
    let footers = starting(&p, "word/footer");
    assert_eq!(footers.len(), 2, "one footer for odd pages, one for even");
    for f in &footers {
        assert!(f.contains("PAGE"), "page number field");
        assert!(f.contains("— ") && f.contains(" —"), "dashes around it");
        assert!(f.contains(r#"<w:sz w:val="28" />"#), "4号");
        assert!(f.contains(r#"w:eastAsia="宋体""#), "宋体");
    }
    assert!(
        footers
            .iter()
            .any(|f| f.contains(r#"<w:jc w:val="right" />"#))
    );
    assert!(
        footers
            .iter()
            .any(|f| f.contains(r#"<w:jc w:val="left" />"#))
    );
    // Unclassified: no header printed.
    assert!(starting(&p, "word/header").iter().all(|h| !h.contains("★")));
}

#[test]
fn classification_top_left_and_in_the_header() {
    let bytes = render(&paper(true)).unwrap();
    let p = parts(&bytes);
    let xml = part(&p, "word/document.xml");
    // The first paragraph of the body, in 黑体.
    let body = &xml[xml.find("<w:body>").unwrap()..];
    let first_p = &body[..body.find("</w:p>").unwrap()];
    assert!(first_p.contains("秘密★1年"), "{first_p}");
    assert!(first_p.contains(r#"w:eastAsia="黑体""#));
    assert!(first_p.contains(r#"<w:jc w:val="left" />"#));
    let headers = starting(&p, "word/header");
    let with_mark = headers.iter().filter(|h| h.contains("秘密★1年")).count();
    assert_eq!(with_mark, 2, "odd and even page headers");
    assert!(xml.contains(r#"<w:headerReference w:type="default""#));
    assert!(xml.contains(r#"<w:headerReference w:type="even""#));
    // The first page: the mark is in the body, its own header is blank, its footer
    // still numbered.
    assert!(xml.contains("<w:titlePg"));
    assert!(xml.contains(r#"<w:footerReference w:type="first""#));
}

#[test]
fn verbatim_keeps_every_character_and_line_break() {
    let bytes = render(&paper(false)).unwrap();
    let p = parts(&bytes);
    let xml = part(&p, "word/document.xml");
    let para = &para_of(xml, "王建国：这个问题");
    // Leading spaces kept, preserved as spaces.
    assert!(
        para.contains(r#"<w:t xml:space="preserve">  王建国：这个问题我讲三点。</w:t>"#),
        "{para}"
    );
    // "\n\n" two breaks, "\r\n" one, the tab a tab.
    assert_eq!(para.matches("<w:br").count(), 3, "{para}");
    assert!(para.contains("<w:tab />"));
    // XML-special characters escaped, not lost; the control character shown, not
    // dropped; trailing spaces kept.
    assert!(para.contains("&lt;安全&gt;&amp;责任；"));
    assert!(para.contains("落实。\u{2401}  </w:t>"), "{para}");
    // No first-line indent added to typed words.
    assert!(!para.contains("w:firstLine"));
}

#[test]
fn tables_are_word_tables() {
    let bytes = render(&paper(false)).unwrap();
    let p = parts(&bytes);
    let xml = part(&p, "word/document.xml");
    assert_eq!(xml.matches("<w:tbl>").count(), 1);
    let tbl = &xml[xml.find("<w:tbl>").unwrap()..xml.find("</w:tbl>").unwrap()];
    assert_eq!(tbl.matches("<w:tr>").count(), 3);
    // The short row is filled to three cells.
    assert_eq!(tbl.matches("<w:tc>").count(), 9);
    assert!(tbl.contains("责任单位") && tbl.contains("宣传"));
}

#[test]
fn names_hang_after_the_colon_and_signature_is_right_aligned() {
    let bytes = render(&paper(false)).unwrap();
    let p = parts(&bytes);
    let xml = part(&p, "word/document.xml");
    let para_of = |text: &str| para_of(xml, text);
    // "出席：" is 3 characters of 315 twips: left = 2 + 3 characters, hanging 3.
    let names = para_of("出席：");
    assert!(
        names.contains(r#"w:left="1575""#) && names.contains(r#"w:hanging="945""#),
        "{names}"
    );
    let sig = para_of("乌审旗公安局办公室");
    assert!(sig.contains(r#"<w:jc w:val="right" />"#), "{sig}");
    let date = para_of("2026年11月28日");
    assert!(date.contains(r#"<w:jc w:val="right" />"#), "{date}");
}

fn on_path(cmd: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(cmd).is_file()))
}

/// The .docx of `doc` turned into a PDF by LibreOffice, in a temporary directory that
/// lives as long as the returned handle. `None`, with a SKIP line printed, when
/// LibreOffice or poppler-utils (pdftotext, pdfinfo) is not installed.
fn pdf_of(doc: &Document) -> Option<(tempfile::TempDir, PathBuf)> {
    let Some(soffice) = ["soffice", "libreoffice"].into_iter().find(|c| on_path(c)) else {
        eprintln!("SKIP: neither soffice nor libreoffice is on PATH; the PDF check did not run");
        return None;
    };
    if !on_path("pdftotext") || !on_path("pdfinfo") {
        eprintln!("SKIP: pdftotext / pdfinfo (poppler-utils) missing; the PDF check did not run");
        return None;
    }
    let tmp = tempfile::tempdir().unwrap();
    let docx = tmp.path().join("纪要.docx");
    std::fs::write(&docx, render(doc).unwrap()).unwrap();
    // A profile of its own, so a running LibreOffice of the user is not disturbed.
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        tmp.path().display()
    );
    let out = Command::new(soffice)
        .arg(&profile)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(tmp.path())
        .arg(&docx)
        .output()
        .unwrap();
    let pdf = tmp.path().join("纪要.pdf");
    assert!(
        pdf.exists(),
        "no PDF: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    Some((tmp, pdf))
}

/// With LibreOffice installed (CI installs it), the .docx becomes a PDF that holds the
/// Chinese text on A4 pages. Without it the test says why it skips, and passes.
#[test]
fn libreoffice_turns_it_into_an_a4_pdf_with_the_text() {
    let Some((_tmp, pdf)) = pdf_of(&paper(true)) else {
        return;
    };
    let text = run(Command::new("pdftotext").arg(&pdf).arg("-"));
    let squashed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for s in [
        "乌审旗公安局局长办公例会纪要",
        "关于冬季防火安全专项行动的议题",
        "王建国：这个问题我讲三点。",
        "治安管理大队",
        "出席：王建国、刘卫东、孙立",
        "2026年11月28日",
        "秘密★1年",
    ] {
        assert!(
            squashed.contains(s),
            "{s} missing from the PDF text:\n{text}"
        );
    }
    let info = run(Command::new("pdfinfo").arg(&pdf));
    let size = info
        .lines()
        .find(|l| l.starts_with("Page size:"))
        .unwrap_or_else(|| panic!("no page size in:\n{info}"));
    let nums: Vec<f64> = size
        .split_whitespace()
        .filter_map(|w| w.parse::<f64>().ok())
        .collect();
    assert!(
        nums.len() >= 2 && (nums[0] - 595.0).abs() < 1.0 && (nums[1] - 842.0).abs() < 1.0,
        "not A4 (595 x 842 pts): {size}"
    );
    // The page number field is filled in: page 1 reads "— 1 —".
    assert!(squashed.contains("—1—"), "no page number in:\n{text}");
}

/// Punctuation that may not begin a line (避头点号): the line before takes it, hanging
/// it past the margin when it does not fit, or gives up a character to go with it.
const CLOSING: &str = "，。、；：？！）”’》」";

/// GB/T 9704 §5.2.3, "一般每面排22行，每行排28个字": a long paragraph of 3号仿宋, laid
/// out by LibreOffice, fills each line with 28 characters — 27 where a character moved
/// down with a punctuation mark that may not begin a line, 28 and a hanging mark where
/// the mark stayed — and a page with 22 of its lines. The whitespace pdftotext puts
/// between characters a wide grid spreads apart is not counted.
#[test]
fn libreoffice_sets_28_characters_a_line_and_22_lines_a_page() {
    let sentence = "入冬以来，全旗盗窃、诈骗类警情较去年同期有所上升，夜间侵财案件集中在城区和嘎鲁图镇。\
                    为此，治安大队会同各派出所拟定了冬季治安防范专项行动方案，\
                    请各单位结合实际认真抓好落实，确保辖区社会治安持续稳定。";
    let long = sentence.repeat(9);
    let mut doc = Document::new("");
    doc.paragraph(&long);
    let Some((_tmp, pdf)) = pdf_of(&doc) else {
        return;
    };
    let text = run(Command::new("pdftotext").arg("-layout").arg(&pdf).arg("-"));
    let pages: Vec<Vec<String>> = text
        .split('\u{c}')
        .map(|page| {
            page.lines()
                .map(|l| l.chars().filter(|c| !c.is_whitespace()).collect::<String>())
                .filter(|l| !l.is_empty() && !l.contains('—'))
                .collect()
        })
        .collect();
    let lines: Vec<&String> = pages.iter().flatten().collect();
    assert!(
        lines.len() > 22 && lines.iter().all(|l| long.contains(l.as_str())),
        "the paragraph's lines not found in the PDF text:\n{text}"
    );
    // The first line is indented two characters; the last one is what is left.
    let first = lines[0].chars().count();
    assert!(
        (25..=26).contains(&first),
        "{first} characters after the two-character indent:\n{text}"
    );
    let counts: Vec<usize> = lines[1..lines.len() - 1]
        .iter()
        .map(|l| {
            let n = l.chars().count();
            let hanging = n == 29 && l.chars().last().is_some_and(|c| CLOSING.contains(c));
            if hanging { 28 } else { n }
        })
        .collect();
    assert!(
        counts.iter().all(|n| (27..=28).contains(n)) && counts.contains(&28),
        "characters a line {counts:?}, not 28 (27 at a punctuation mark):\n{text}"
    );
    assert_eq!(
        pages[0].len(),
        22,
        "lines on the first page, not 22:\n{}",
        pages[0].join("\n")
    );
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The minutes drafted from the decisions (R7.1) and filed as Word: every decision's
/// text is in the document, each topic a paragraph of its own.
#[test]
fn minutes_drafted_from_decisions_render_with_every_decision() {
    use chrono::NaiveDate;
    use huiwu::domain::decision::Outcome;
    use huiwu::domain::minutes_draft::{DraftHeader, DraftTopic, draft_text};

    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let header = DraftHeader {
        meeting_title: "局长办公例会".into(),
        date: Some(day("2026-11-30")),
        chair: "局长王建国".into(),
        room: "旗局二楼党委会议室".into(),
        attending: vec!["王建国".into(), "刘卫东".into()],
        sitting_in: vec!["张伟".into()],
        on_leave: vec!["赵敏".into()],
    };
    let topics = vec![
        DraftTopic {
            title: "冬季防火安全专项行动".into(),
            department: "治安管理大队".into(),
            outcome: Some(Outcome::Approved),
            decided_text: "同意实施专项行动方案".into(),
            units: vec!["治安管理大队".into()],
            deputy: "刘卫东".into(),
            deadline: Some(day("2026-12-31")),
        },
        DraftTopic {
            title: "购置执法记录仪".into(),
            department: "装备财务室".into(),
            outcome: Some(Outcome::Deferred),
            decided_text: "待明年预算下达后再议".into(),
            units: vec![],
            deputy: "孙立".into(),
            deadline: None,
        },
    ];
    let text = draft_text(&header, &topics);
    let mut doc = Document::new("");
    doc.mark = Some("乌审旗公安局局长办公例会纪要".into());
    doc.paragraph(text.trim_end());
    for (label, names) in [
        ("出席", &header.attending),
        ("请假", &header.on_leave),
        ("列席", &header.sitting_in),
    ] {
        doc.push(Block::Names {
            label: label.into(),
            names: names.clone(),
        });
    }
    let p = parts(&render(&doc).unwrap());
    let xml = part(&p, "word/document.xml");
    for t in &topics {
        assert!(xml.contains(&t.decided_text), "{} missing", t.decided_text);
    }
    assert!(xml.contains("由治安管理大队负责，2026年12月31日前完成。"));
    assert!(xml.contains("二、关于购置执法记录仪的议题。"));
    // The opening and the two topics: three body paragraphs, each indented two characters.
    assert_eq!(xml.matches(r#"w:firstLine="630""#).count(), 3);
}
