//! Textarea benchmark: the cost of one keystroke in the recorder's editor alone
//! (`TextArea::input` + a render into ratatui's `TestBackend` of 120×36, the textarea
//! drawn where the console draws the editor: 70×13 cells), for entries of 1k, 10k and
//! 100k Chinese characters.
//!
//! Run with `cargo bench --bench textarea` (release build). Filters pick runs; words of
//! one kind are alternatives, kinds combine: `cargo bench --bench textarea -- 1k 100k
//! one-line burst`. Kinds: sizes `1k` `10k` `100k`; text `paragraphs` `one-line`;
//! mode `typing` `burst`; caret `end` `mid`.
//!
//! * **paragraphs**: paragraphs of about 200 characters; the typed text also gets a
//!   newline every 200 keys. **one-line**: the whole entry is one logical line.
//! * **typing**: one key, then a render (a recorder at human speed: every key is drawn).
//!   **burst**: 20 keys back to back, then one render (keys queued faster than frames).
//! * **end**: the caret at the end of the entry (where a recorder types);
//!   **mid**: the caret in the middle of it (correcting earlier text).
//! * Every 17th key is a Backspace, every other key a Chinese character. The editor is
//!   built afresh every 400 keys (not measured), so the entry stays near its size.
//! * Per keystroke: its `input`, plus the render that follows it (in `burst`, the
//!   render is counted in the last key of the burst). `cpu` is the same in CPU time of
//!   the thread (`CLOCK_THREAD_CPUTIME_ID`), which other processes do not inflate.
//! * The ratio line gives p99 at 100k / p99 at 1k for each case (goal: ≤ 1.5).
use std::error::Error;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

type Res<T> = Result<T, Box<dyn Error>>;
type Term = Terminal<TestBackend>;

const WIDTH: u16 = 120;
const HEIGHT: u16 = 36;
/// Keys per render in `burst` mode.
const BURST: usize = 20;
/// The undo depth the recorder's editors are configured with (src/app/editor.rs).
const UNDO_DEPTH: usize = 20_000;

/// Sentences a recorder might take down at the meeting (as in benches/typing.rs).
const SENTENCES: &[&str] = &[
    "关于辖区电信网络诈骗案件高发的情况，刑侦大队已会同各派出所开展集中研判。",
    "本月共立案四十七起，同比下降百分之十二，破案十九起，抓获犯罪嫌疑人二十三名。",
    "下一步要加强重点人员的排查管控，落实“一案一档”，确保线索不漏、责任到人。",
    "治安大队汇报了节日期间大型活动安保方案，涉及警力三百二十人次，车辆四十台。",
    "王局长指出：安全是底线，各单位要压实责任，主要领导要亲自研究、亲自部署。",
    "看守所提出监区改造经费缺口约一百八十万元，请求局党委研究解决。",
    "法制大队认为，该案证据链尚不完整，建议补充侦查后再提请批准逮捕。",
    "交管大队通报：今年以来辖区发生道路交通事故一百零三起，死亡七人，较去年同期持平。",
    "会议同意按程序报批，由办公室牵头，督察法制大队配合，十日内形成书面意见。",
    "各参会人员围绕议题充分发表意见，一致认为方案可行，但需细化应急处置预案。",
    "禁毒大队建议在重点场所增设检测点位，并对易制毒化学品企业开展专项检查。",
    "李政委强调，要坚持依法办案，严格执行执法办案场所管理规定，杜绝违规行为。",
];

/// What the recorder types during the measurement, one character per keystroke.
const TYPED: &str = "经研究决定，由刑侦大队牵头成立专案组，抽调精干警力，限期破案。\
                     同时要做好舆情应对和群众工作，重大情况及时向局党委报告！";

/// Deterministic pseudo-random numbers (the bench must be repeatable).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }
}

/// About `chars` characters of Chinese meeting notes as lines: paragraphs of about 200
/// characters, or (`newlines == false`) one single paragraph.
fn notes(chars: usize, newlines: bool) -> Vec<String> {
    let mut rng = Lcg(42);
    let mut lines = vec![String::new()];
    let mut total = 0;
    let mut para = 0;
    while total < chars {
        let s = SENTENCES[rng.next() % SENTENCES.len()];
        let s: String = s.chars().take(chars - total).collect();
        let n = s.chars().count();
        if newlines && para >= 200 {
            lines.push(String::new());
            para = 0;
        }
        if let Some(last) = lines.last_mut() {
            last.push_str(&s);
        }
        total += n;
        para += n;
    }
    lines
}

/// The first `n` keys the recorder types.
fn keys(n: usize, newlines: bool) -> Vec<KeyEvent> {
    let typed: Vec<char> = TYPED.chars().collect();
    (0..n)
        .map(|i| {
            let code = if i % 17 == 16 {
                KeyCode::Backspace
            } else if newlines && i % 200 == 199 {
                KeyCode::Enter
            } else {
                KeyCode::Char(typed[i % typed.len()])
            };
            KeyEvent::new(code, KeyModifiers::NONE)
        })
        .collect()
}

/// CPU time of the calling thread.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// The recorder's editor, configured as `EntryEditor::new` does.
fn editor(lines: Vec<String>) -> TextArea<'static> {
    let mut area = TextArea::new(lines);
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.set_max_histories(UNDO_DEPTH);
    area.set_style(Style::default().fg(Color::White));
    area.set_cursor_line_style(Style::default());
    area.set_selection_style(Style::default().add_modifier(Modifier::REVERSED));
    area.set_search_style(Style::default().bg(Color::Yellow));
    area.move_cursor(CursorMove::Bottom);
    area.move_cursor(CursorMove::End);
    area
}

/// Where the console draws the recorder's editor on a 120×36 terminal (the procedure
/// pane's inner area below the steps line and the entry's header, `ui::procedure`).
const EDITOR: Rect = Rect::new(49, 13, 70, 13);

/// Draw the textarea where the console draws it and place the terminal cursor on its
/// caret, as `ui::modal::place_cursor` does.
fn draw(term: &mut Term, area: &TextArea<'_>) -> Res<()> {
    term.draw(|f| {
        let rect = EDITOR.intersection(f.area());
        f.render_widget(area, rect);
        let sc = area.screen_cursor();
        let (top, left) = area.scroll_offset();
        let x = rect.x + (sc.col as u16).saturating_sub(left);
        let y = rect.y + (sc.row as u16).saturating_sub(top);
        if x < rect.right() && y < rect.bottom() {
            f.set_cursor_position(Position::new(x, y));
        }
    })?;
    Ok(())
}

/// Durations of one kind, for percentiles.
#[derive(Default)]
struct Samples(Vec<Duration>);

impl Samples {
    fn pct(&self, p: f64) -> Duration {
        let mut v = self.0.clone();
        v.sort_unstable();
        if v.is_empty() {
            return Duration::ZERO;
        }
        let i = ((v.len() as f64 - 1.0) * p).round() as usize;
        v[i.min(v.len() - 1)]
    }

    fn max(&self) -> Duration {
        self.0.iter().copied().max().unwrap_or_default()
    }
}

fn fmt(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us >= 1000.0 {
        format!("{:.2} ms", us / 1000.0)
    } else {
        format!("{us:.0} µs")
    }
}

#[derive(Clone, Copy, PartialEq)]
struct Case {
    newlines: bool,
    burst: bool,
    mid: bool,
}

impl Case {
    fn labels(self) -> [&'static str; 3] {
        [
            if self.newlines {
                "paragraphs"
            } else {
                "one-line"
            },
            if self.burst { "burst" } else { "typing" },
            if self.mid { "mid" } else { "end" },
        ]
    }
}

struct Measured {
    wall: Samples,
    cpu: Samples,
    chars: usize,
}

/// Keys measured on one editor before it is built afresh, so that the entry stays near
/// its nominal size (2 000 keys would nearly triple a 1k entry).
const ROUND: usize = 400;

fn measure(size: usize, case: Case, n: usize) -> Res<Measured> {
    let mut wall = Samples::default();
    let mut cpu = Samples::default();
    let mut chars = 0;
    let per_render = if case.burst { BURST } else { 1 };
    let warm = 2 * per_render;
    let keys = keys(warm + ROUND, case.newlines);
    let mut done = 0;
    while done < n {
        let mut area = editor(notes(size, case.newlines));
        let mut term = Terminal::new(TestBackend::new(WIDTH, HEIGHT))?;
        draw(&mut term, &area)?;
        if case.mid {
            let rows = area.lines().len();
            let row = rows / 2;
            let col = if rows == 1 {
                area.lines()[0].chars().count() / 2
            } else {
                100
            };
            area.move_cursor(CursorMove::Jump(
                u16::try_from(row).unwrap_or(u16::MAX),
                u16::try_from(col).unwrap_or(u16::MAX),
            ));
            draw(&mut term, &area)?;
        }
        // Warm caches; not measured.
        for (i, k) in keys.iter().take(warm).enumerate() {
            area.input(*k);
            if (i + 1) % per_render == 0 {
                draw(&mut term, &area)?;
            }
        }
        for (i, k) in keys.iter().skip(warm).take(n - done).enumerate() {
            let c0 = thread_cpu();
            let t0 = Instant::now();
            area.input(*k);
            if (i + 1) % per_render == 0 {
                draw(&mut term, &area)?;
            }
            wall.0.push(t0.elapsed());
            cpu.0.push(thread_cpu().saturating_sub(c0));
            done += 1;
        }
        chars = chars.max(area.lines().iter().map(|l| l.chars().count()).sum());
    }
    Ok(Measured { wall, cpu, chars })
}

fn main() -> Res<()> {
    // `cargo bench` passes `--bench`; other arguments filter the runs.
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let kinds: [&[&str]; 4] = [
        &["1k", "10k", "100k"],
        &["paragraphs", "one-line"],
        &["typing", "burst"],
        &["end", "mid"],
    ];
    // Within a kind the words are alternatives; a kind not named is not filtered.
    let wanted = |kind: &[&str], label: &str| {
        let named: Vec<&String> = filter
            .iter()
            .filter(|f| kind.contains(&f.as_str()))
            .collect();
        named.is_empty() || named.iter().any(|f| f.as_str() == label)
    };
    if cfg!(debug_assertions) {
        println!("warning: debug build; figures are meaningless (use cargo bench)");
    }
    println!(
        "huiwu textarea benchmark: TextArea (WordOrGlyph, undo {UNDO_DEPTH}) drawn in {}x{} \
         cells of a {WIDTH}x{HEIGHT} TestBackend",
        EDITOR.width, EDITOR.height
    );
    println!(
        "per keystroke = input (+ the render after it); typing = render after every key, \
         burst = render after {BURST} keys"
    );
    println!(
        "\n{:>5} {:<10} {:<6} {:<3} {:>5} {:>7} | {:>9} {:>9} {:>9} | {:>9} {:>9}",
        "chars",
        "text",
        "mode",
        "at",
        "keys",
        "max len",
        "median",
        "p99",
        "max",
        "cpu med",
        "cpu p99"
    );
    let sizes = [(1_000, "1k"), (10_000, "10k"), (100_000, "100k")];
    let mut ratios = Vec::new();
    for newlines in [true, false] {
        for burst in [false, true] {
            for mid in [false, true] {
                let case = Case {
                    newlines,
                    burst,
                    mid,
                };
                let [text, mode, at] = case.labels();
                if !(wanted(kinds[1], text) && wanted(kinds[2], mode) && wanted(kinds[3], at)) {
                    continue;
                }
                let mut p99 = Vec::new();
                for (size, label) in sizes {
                    if !wanted(kinds[0], label) {
                        continue;
                    }
                    let keys = if burst { 4_000 } else { 2_000 };
                    let r = measure(size, case, keys)?;
                    println!(
                        "{:>5} {:<10} {:<6} {:<3} {:>5} {:>7} | {:>9} {:>9} {:>9} | {:>9} {:>9}",
                        label,
                        text,
                        mode,
                        at,
                        keys,
                        r.chars,
                        fmt(r.wall.pct(0.5)),
                        fmt(r.wall.pct(0.99)),
                        fmt(r.wall.max()),
                        fmt(r.cpu.pct(0.5)),
                        fmt(r.cpu.pct(0.99)),
                    );
                    p99.push((label, r.wall.pct(0.99), r.cpu.pct(0.99)));
                }
                let small = p99.iter().find(|(l, _, _)| *l == "1k");
                let big = p99.iter().find(|(l, _, _)| *l == "100k");
                if let (Some(small), Some(big)) = (small, big) {
                    ratios.push((
                        format!("{text} {mode} {at}"),
                        big.1.as_secs_f64() / small.1.as_secs_f64().max(1e-9),
                        big.2.as_secs_f64() / small.2.as_secs_f64().max(1e-9),
                    ));
                }
            }
        }
    }
    if !ratios.is_empty() {
        println!("\np99 at 100k / p99 at 1k (goal ≤ 1.5):");
        for (name, wall, cpu) in ratios {
            println!("  {name:<26} wall {wall:>6.2}   cpu {cpu:>6.2}");
        }
    }
    Ok(())
}
