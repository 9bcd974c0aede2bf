//! `huiwu audit verify` names the first bad row of the audit chain (or the rows the head
//! file does not vouch for); `huiwu audit show` lists the rows readably: who, when, what,
//! which field, old → new (issue 10, R9.4).
use std::process::ExitCode;

use chrono::NaiveDate;

use super::Env;
use crate::i18n;
use crate::store::{AuditFilter, AuditLine};

#[derive(clap::Subcommand)]
pub enum AuditCommand {
    /// Check the hash chain of the audit trail: ok, or the first bad row (exit 1).
    Verify {
        /// The chain's end printed on a signed paper or in an archive ("#1234 3f9a2c1b7d0e"):
        /// also check that row still holds that hash.
        #[arg(long)]
        against: Option<String>,
    },
    /// List audit rows: who, when, what, which field, old → new.
    Show {
        /// Only this meeting's rows (its topics, entries, decisions, attendance).
        #[arg(long)]
        meeting: Option<i64>,
        /// Only rows made on or after this day (YYYY-MM-DD).
        #[arg(long)]
        since: Option<NaiveDate>,
    },
}

pub fn run(env: &Env, command: AuditCommand) -> ExitCode {
    let store = match env.read_only() {
        Ok(s) => s,
        Err(code) => return code,
    };
    let lang = env.lang;
    match command {
        AuditCommand::Verify { against } => {
            let (chain, head) = match store
                .verify_chain()
                .and_then(|c| Ok((c, store.head_state()?)))
            {
                Ok(r) => r,
                Err(e) => return env.fail(&e),
            };
            println!("{}", i18n::chain_summary(lang, &chain));
            let head_problem = i18n::head_problem(lang, &head);
            if let Some(p) = &head_problem {
                println!("{p}");
            }
            let paper_problem = match against.as_deref().map(|l| paper_agrees(&store, l)) {
                None | Some(Ok(true)) => None,
                Some(Ok(false)) => Some(i18n::audit_paper_differs(
                    lang,
                    against.as_deref().unwrap_or(""),
                )),
                Some(Err(e)) => return env.fail(&e),
            };
            if let Some(p) = &paper_problem {
                println!("{p}");
            }
            if chain.first_break.is_none() && head_problem.is_none() && paper_problem.is_none() {
                println!("ok");
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        AuditCommand::Show { meeting, since } => {
            let rows = match store.audit_lines(&AuditFilter { meeting, since }) {
                Ok(r) => r,
                Err(e) => return env.fail(&e),
            };
            println!("{}", lang.t(&i18n::AUDIT_SHOW_HEADER));
            for row in &rows {
                println!("{}", line(row));
            }
            println!("{}", i18n::audit_rows(lang, rows.len()));
            ExitCode::SUCCESS
        }
    }
}

/// Does the trail still hold the hash a paper printed for its row ("#1234 3f9a2c1b7d0e",
/// the hash shortened)? A label that names no row, or malformed, does not agree.
fn paper_agrees(
    store: &crate::store::Store,
    label: &str,
) -> Result<bool, crate::store::StoreError> {
    let mut parts = label.trim().trim_start_matches('#').split_whitespace();
    let (Some(row), Some(short)) = (parts.next(), parts.next()) else {
        return Ok(false);
    };
    let Ok(row) = row.parse::<i64>() else {
        return Ok(false);
    };
    let short = short.to_ascii_lowercase();
    Ok(store
        .audit_hash_of(row)?
        .is_some_and(|h| short.len() >= 8 && h.starts_with(&short)))
}

/// `#12  2026-11-25 16:52:23  高敏  edit entry 5678  text@3: 来 → 后`
fn line(r: &AuditLine) -> String {
    let when = chrono::DateTime::parse_from_rfc3339(&r.at)
        .map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
        .unwrap_or_else(|_| r.at.clone());
    let what = match r.entity_id {
        Some(id) => format!("{} {} {id}", r.action, r.entity),
        None => format!("{} {}", r.action, r.entity),
    };
    let change = match (&r.field, &r.old, &r.new) {
        (_, None, None) => String::new(),
        (field, old, new) => format!(
            "{}{} → {}",
            field
                .as_deref()
                .map(|f| format!("{f}: "))
                .unwrap_or_default(),
            value(old),
            value(new)
        ),
    };
    format!("#{}  {when}  {}  {what}  {change}", r.id, r.operator)
        .trim_end()
        .to_string()
}

/// A value on one line, shortened: "—" for none.
fn value(v: &Option<String>) -> String {
    const MAX: usize = 60;
    let Some(v) = v else {
        return "—".into();
    };
    let flat: String = v
        .chars()
        .map(|c| match c {
            '\n' => '⏎',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let n = flat.chars().count();
    if n <= MAX {
        format!("「{flat}」")
    } else {
        let head: String = flat.chars().take(MAX).collect();
        format!("「{head}…」(+{})", n - MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_reads_as_who_when_what_and_old_to_new() {
        let r = AuditLine {
            id: 12,
            at: "2026-11-25T16:52:23+08:00".into(),
            operator: "高敏".into(),
            action: "edit".into(),
            entity: "entry".into(),
            entity_id: Some(5678),
            field: Some("text@3".into()),
            old: Some("来".into()),
            new: Some("后\n续".into()),
        };
        assert_eq!(
            line(&r),
            "#12  2026-11-25 16:52:23  高敏  edit entry 5678  text@3: 「来」 → 「后⏎续」"
        );
        let long = Some("字".repeat(70));
        assert_eq!(value(&long), format!("「{}…」(+10)", "字".repeat(60)));
        assert_eq!(value(&None), "—");
    }
}
