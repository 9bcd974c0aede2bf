//! 公文 wording: dates in Arabic numerals, Chinese ordinals, one full stop.
use chrono::NaiveDate;
use huiwu::domain::cn_style::*;

#[test]
fn dates_in_arabic_numerals_without_leading_zeros() {
    let d = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    assert_eq!(date(d), "2026年1月5日");
    let d = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    assert_eq!(date(d), "2026年11月28日");
}

#[test]
fn numerals_read_as_written() {
    let cases = [
        (1, "一"),
        (9, "九"),
        (10, "十"),
        (12, "十二"),
        (20, "二十"),
        (21, "二十一"),
        (100, "一百"),
        (105, "一百零五"),
        (110, "一百一十"),
        (1001, "一千零一"),
    ];
    for (n, s) in cases {
        assert_eq!(numeral(n), s, "{n}");
    }
    assert_eq!(ordinal(3), "三、");
}

#[test]
fn lists_join_with_the_enumeration_comma() {
    let items = vec!["治安管理大队".to_string(), " ".into(), " 各派出所 ".into()];
    assert_eq!(list(&items), "治安管理大队、各派出所");
}

#[test]
fn sentence_has_one_full_stop() {
    assert_eq!(sentence("同意实施。"), "同意实施。");
    assert_eq!(sentence("同意实施；  "), "同意实施。");
    assert_eq!(sentence("同意实施"), "同意实施。");
    assert_eq!(sentence("是否可行？"), "是否可行？");
}
