//! The tidied record (R7.2): due 3 working days after the meeting on the bureau's
//! calendar; summaries by default, principal leaders' speeches in full.
use chrono::{DateTime, NaiveDate};
use huiwu::domain::Time;
use huiwu::domain::calendar::Calendar;
use huiwu::domain::deadline::{DeadlineState, Progress};
use huiwu::domain::procedure::{Entry, Step};
use huiwu::domain::record_tidy::*;

fn t(s: &str) -> Time {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// National Day 2026: 1–7 October off, Saturday 10 October a make-up working day.
fn national_day() -> Calendar {
    let mut cal = Calendar::default();
    for day in 1..=7 {
        cal.holidays
            .insert(NaiveDate::from_ymd_opt(2026, 10, day).unwrap());
    }
    cal.makeup_days.insert(d("2026-10-10"));
    cal
}

#[test]
fn due_three_working_days_later_on_a_plain_week() {
    // Monday → Thursday.
    assert_eq!(due(&Calendar::default(), d("2026-11-30")), d("2026-12-03"));
    // Thursday → Tuesday over the weekend.
    assert_eq!(due(&Calendar::default(), d("2026-12-03")), d("2026-12-08"));
}

#[test]
fn due_date_skips_a_holiday_and_counts_a_makeup_day() {
    let cal = national_day();
    // Wednesday 30 September: 1–7 October are off; 8 Oct (1), 9 Oct (2), and the
    // make-up Saturday 10 Oct (3).
    assert_eq!(due(&cal, d("2026-09-30")), d("2026-10-10"));
    // Without the make-up day it would be Monday 12 October.
    let mut no_makeup = cal.clone();
    no_makeup.makeup_days.clear();
    assert_eq!(due(&no_makeup, d("2026-09-30")), d("2026-10-12"));
    // Seen on 9 October: one day left.
    assert_eq!(
        progress(&cal, d("2026-09-30"), None, t("2026-10-09T10:00:00+08:00")),
        Progress::Pending(DeadlineState::DueSoon { days_left: 1 })
    );
    assert_eq!(
        progress(
            &cal,
            d("2026-09-30"),
            Some(d("2026-10-12")),
            t("2026-10-20T10:00:00+08:00")
        ),
        Progress::Done { on_time: false }
    );
}

fn entry(id: i64, speaker: Option<i64>, name: &str, text: &str) -> Entry {
    Entry {
        id,
        topic_id: 1,
        step: Step::LeadersViews,
        seq: id as u32,
        speaker_id: speaker,
        speaker_name: name.into(),
        off_list: false,
        started_at: t("2026-11-30T09:10:00+08:00"),
        text: text.into(),
    }
}

#[test]
fn summary_by_default_principal_leaders_in_full() {
    let director = 1;
    let verbatim = vec![
        entry(
            10,
            Some(5),
            "张伟",
            "汇报如下：一是……二是……三是……\n具体数字见材料。",
        ),
        entry(
            11,
            Some(director),
            "王建国",
            "这个问题我讲三点。\n第一……\n第二……\n第三……",
        ),
    ];
    let detailed = suggest_detailed(&verbatim, &[director]);
    assert_eq!(detailed, vec![11]);
    let mut tidied = draft(&verbatim, &detailed);
    assert_eq!(tidied[0].mode, Mode::Summary);
    assert_eq!(tidied[1].mode, Mode::Detailed);
    assert_eq!(tidied[1].text, verbatim[1].text);
    assert!(check(&tidied, &verbatim).is_empty());

    // The recorder shortens the summary: fine. Shortening the director's words: not.
    tidied[0].text = "张伟汇报了三方面情况。".into();
    tidied[1].text = "王建国讲了三点。".into();
    assert_eq!(
        check(&tidied, &verbatim),
        vec![TidyProblem::DetailedNotInFull { entry_id: 11 }]
    );
    // Marking it 详细整理 again restores the words as recorded.
    assert!(mark_detailed(&mut tidied, &verbatim, 11));
    assert!(check(&tidied, &verbatim).is_empty());

    tidied[0].text = "  ".into();
    tidied.pop();
    assert_eq!(
        check(&tidied, &verbatim),
        vec![
            TidyProblem::SummaryEmpty { entry_id: 10 },
            TidyProblem::EntryMissing { entry_id: 11 }
        ]
    );
}
