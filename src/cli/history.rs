//! `huiwu demo --years N`: years of generated history before the demo meeting, with a
//! progress bar on a terminal.
use std::io::IsTerminal;
use std::process::ExitCode;

use chrono::{Datelike, Duration, NaiveTime, TimeZone};
use indicatif::{ProgressBar, ProgressStyle};

use crate::domain::Id;
use crate::i18n::{self, Lang};
use crate::store::Store;

pub fn generate(
    store: &mut Store,
    demo: Id,
    years: u32,
    seed: u64,
    lang: Lang,
) -> Result<(), ExitCode> {
    let fail = |e: crate::store::StoreError| {
        eprintln!("huiwu: {}", i18n::open_error(lang, &e));
        ExitCode::FAILURE
    };
    let meeting = store.meeting(demo).map_err(fail)?;
    let Some(meeting) = meeting else {
        return Err(ExitCode::FAILURE);
    };
    if store.meetings_before(meeting.starts_at).map_err(fail)? > 0 {
        eprintln!("huiwu: {}", lang.t(&i18n::HISTORY_THERE));
        return Ok(());
    }
    // The Monday 09:00 of the demo's week: history goes back week by week from there.
    let start = meeting.starts_at;
    let monday =
        start.date_naive() - Duration::days(i64::from(start.weekday().num_days_from_monday()));
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default();
    let first = start
        .offset()
        .from_local_datetime(&monday.and_time(nine))
        .single()
        .unwrap_or(start);
    let bar = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(u64::from(years) * 52);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {msg} (eta {eta})") {
            bar.set_style(style);
        }
        bar.set_message(lang.t(&i18n::HISTORY_MEETINGS));
        bar
    } else {
        ProgressBar::hidden()
    };
    store.bulk_load(true).map_err(fail)?;
    let made = crate::demo::generate(store, first, years, seed, |done, _| {
        bar.set_position(done as u64)
    });
    store.bulk_load(false).map_err(fail)?;
    let made = made.map_err(fail)?;
    bar.finish_and_clear();
    println!("{}", i18n::history_made(lang, &made));
    Ok(())
}
