//! What the benchmarks share: samples and percentiles, the text a recorder types, the
//! console built as in production and its keystroke measurement (`typing`), generated
//! databases cached under target/ (`data`), and a pseudo-terminal that notes the moment
//! something appears on the screen (`pty`).
//!
//! Each bench includes it with `mod common;` and uses only part of it.
#![allow(dead_code)]

pub mod data;
pub mod pty;
pub mod typing;

use std::error::Error;
use std::time::Duration;

pub type Res<T> = Result<T, Box<dyn Error>>;

/// Sentences a recorder might take down at the meeting; joined pseudo-randomly.
pub const SENTENCES: &[&str] = &[
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
pub const TYPED: &str = "经研究决定，由刑侦大队牵头成立专案组，抽调精干警力，限期破案。\
                         同时要做好舆情应对和群众工作，重大情况及时向局党委报告！";

/// Deterministic pseudo-random numbers (the benches must be repeatable).
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }
}

/// About `chars` characters of Chinese meeting notes: paragraphs of about 200 characters
/// separated by newlines, or (`newlines == false`) one single paragraph.
pub fn notes(chars: usize, newlines: bool) -> String {
    let mut rng = Lcg(42);
    let mut out = String::with_capacity(chars * 3 + 64);
    let mut total = 0;
    let mut para = 0;
    while total < chars {
        let s = SENTENCES[rng.next() % SENTENCES.len()];
        let n = s.chars().count();
        let s: String = s.chars().take(chars - total).collect();
        let n = n.min(chars - total);
        if newlines && para >= 200 {
            out.push('\n');
            para = 0;
        }
        out.push_str(&s);
        total += n;
        para += n;
    }
    out
}

/// CPU time of the calling thread: separates the work done from time lost to other
/// processes on a busy machine.
pub fn thread_cpu() -> Duration {
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

/// Durations of one kind, for percentiles.
#[derive(Default, Clone)]
pub struct Samples(pub Vec<Duration>);

impl Samples {
    pub fn push(&mut self, d: Duration) {
        self.0.push(d);
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The `p` quantile (0.0–1.0), nearest rank; zero when there are no samples.
    pub fn pct(&self, p: f64) -> Duration {
        let mut v = self.0.clone();
        v.sort_unstable();
        if v.is_empty() {
            return Duration::ZERO;
        }
        let i = ((v.len() as f64 - 1.0) * p).round() as usize;
        v[i.min(v.len() - 1)]
    }

    pub fn median(&self) -> Duration {
        self.pct(0.5)
    }

    pub fn min(&self) -> Duration {
        self.0.iter().copied().min().unwrap_or_default()
    }

    pub fn max(&self) -> Duration {
        self.0.iter().copied().max().unwrap_or_default()
    }
}

/// A duration for people: µs below a millisecond, else ms with two decimals.
pub fn fmt(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us >= 1000.0 {
        format!("{:.2} ms", us / 1000.0)
    } else {
        format!("{us:.0} µs")
    }
}

/// ✓ when the figure is within its budget, ✗ when not.
pub fn mark(ok: bool) -> &'static str {
    if ok { "✓" } else { "✗" }
}

/// The load average and the time, for the report (the machine is shared).
pub fn load_line() -> String {
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load: Vec<&str> = load.split_whitespace().take(3).collect();
    format!("load average {}", load.join(" "))
}

/// The words after `cargo bench --bench NAME --` (cargo adds `--bench`; options are
/// skipped, so choices are plain words such as `10y` or `runs=5`).
pub fn args() -> Vec<String> {
    std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect()
}

/// The value of a `name=value` argument.
pub fn arg_value(args: &[String], name: &str) -> Option<String> {
    let prefix = format!("{name}=");
    args.iter()
        .find_map(|a| a.strip_prefix(&prefix).map(str::to_string))
}
