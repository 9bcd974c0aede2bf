//! The classification of a meeting's papers (R8.1, R4.2): 密级 and 保密期限, printed
//! "秘密★1年" at the top left of every classified paper (GB/T 9704). The regulation says
//! only whether material is classified (§1.3 "是否涉密"); the level and the period are
//! the office's to set, within the Law on Guarding State Secrets' longest periods
//! (绝密 30 years, 机密 20, 秘密 10).
use super::validate::{Checked, Problem, Problems};

pub mod field {
    pub const LEVEL: &str = "level";
    pub const YEARS: &str = "years";
}

pub mod rule {
    /// The period is longer than the law allows for the level.
    pub const PERIOD_TOO_LONG: &str = "secrecy.period_too_long";
}

/// 密级, lowest first.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum SecrecyLevel {
    /// 秘密
    Secret,
    /// 机密
    Confidential,
    /// 绝密
    TopSecret,
}

impl SecrecyLevel {
    pub const ALL: [Self; 3] = [Self::Secret, Self::Confidential, Self::TopSecret];

    pub fn code(self) -> &'static str {
        match self {
            Self::Secret => "secret",
            Self::Confidential => "confidential",
            Self::TopSecret => "top_secret",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The longest period the law allows, in years.
    pub fn max_years(self) -> u32 {
        match self {
            Self::Secret => 10,
            Self::Confidential => 20,
            Self::TopSecret => 30,
        }
    }
}

/// A level and, when the office states one, a period in years.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Secrecy {
    pub level: SecrecyLevel,
    pub years: Option<u32>,
}

/// Checks the form: no level (the empty code) means the papers carry no level; a period
/// needs a level and stays within the level's longest period.
pub fn checked(level: &str, years: &str) -> Checked<Option<Secrecy>> {
    let mut p = Problems::default();
    let level = match level.trim() {
        "" => None,
        code => match SecrecyLevel::from_code(code) {
            Some(l) => Some(l),
            None => {
                p.add(field::LEVEL, Problem::NotAChoice);
                None
            }
        },
    };
    let years = match years.trim() {
        "" => None,
        y => match y.parse::<u32>() {
            Ok(n) if n >= 1 => Some(n),
            _ => {
                p.add(field::YEARS, Problem::BadNumber);
                None
            }
        },
    };
    match (level, years) {
        (None, Some(_)) if p.is_empty() => p.add(field::LEVEL, Problem::Required),
        (Some(l), Some(y)) if y > l.max_years() => {
            p.add(field::YEARS, Problem::Rule(rule::PERIOD_TOO_LONG))
        }
        _ => {}
    }
    p.into_result(level.map(|level| Secrecy { level, years }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_level_with_a_period_is_kept() {
        assert_eq!(
            checked("secret", "1"),
            Ok(Some(Secrecy {
                level: SecrecyLevel::Secret,
                years: Some(1)
            }))
        );
        assert_eq!(
            checked("top_secret", ""),
            Ok(Some(Secrecy {
                level: SecrecyLevel::TopSecret,
                years: None
            }))
        );
    }

    #[test]
    fn no_level_clears_the_marking() {
        assert_eq!(checked("", ""), Ok(None));
    }

    #[test]
    fn a_period_beyond_the_law_is_refused_on_its_field() {
        let e = checked("secret", "11").err().unwrap_or_default();
        assert_eq!(e[0].field, field::YEARS);
        assert_eq!(e[0].problem, Problem::Rule(rule::PERIOD_TOO_LONG));
        assert!(checked("confidential", "20").is_ok());
        assert!(checked("confidential", "21").is_err());
    }

    #[test]
    fn a_period_needs_a_level_and_a_number() {
        let e = checked("", "5").err().unwrap_or_default();
        assert_eq!(e[0].field, field::LEVEL);
        let e = checked("secret", "一年").err().unwrap_or_default();
        assert_eq!(e[0].field, field::YEARS);
        let e = checked("secret", "0").err().unwrap_or_default();
        assert_eq!(e[0].problem, Problem::BadNumber);
    }
}
