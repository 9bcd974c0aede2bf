//! Pinyin initials for finding a person by a few typed letters.
use huiwu::domain::initials::*;

#[test]
fn ordinary_names() {
    assert_eq!(initials("张建国"), "zjg");
    assert_eq!(initials("王建国"), "wjg");
    assert_eq!(initials("巴特尔"), "bte");
    assert_eq!(initials(" 陈明 "), "cm");
}

#[test]
fn surnames_read_wrongly_are_corrected_at_the_start_only() {
    for (name, want) in [
        ("单雄信", "sxx"),
        ("曾国藩", "zgf"),
        ("解缙", "xj"),
        ("仇英", "qy"),
        ("区志强", "ozq"),
        ("查良镛", "zly"),
        ("朴志远", "pzy"),
        ("盖叫天", "gjt"),
        ("尉迟恭", "ycg"),
        ("万俟卨", "mqx"),
        ("缪斌", "mb"),
        ("乐嘉", "yj"),
        ("覃明", "qm"),
        ("召伟", "sw"),
    ] {
        assert_eq!(initials(name), want, "{name}");
    }
    // Inside a given name the common reading stays: 张单 is zd, not zs.
    assert_eq!(initials("张单"), "zd");
}

#[test]
fn latin_letters_are_kept_one_per_word_and_marks_dropped() {
    assert_eq!(initials("阿拉坦·巴根"), "altbg");
    assert_eq!(initials("Tom Li"), "tl");
    assert_eq!(initials("李Ａ"), "la");
    assert_eq!(initials("王伟2"), "ww");
    assert_eq!(initials(""), "");
}

#[test]
fn a_persons_own_correction_wins() {
    assert_eq!(initials_for("单田芳", ""), "stf");
    assert_eq!(initials_for("单田芳", " DTF "), "dtf");
    assert_eq!(initials_for("乐嘉", "lj"), "lj");
}
