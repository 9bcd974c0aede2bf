//! Importing the roster from a CSV file: the file is read and shown first (every person,
//! with namesakes and people already listed flagged, or every bad line by number); only
//! a file without a bad line is imported, all of it in one transaction.
use super::BackOffice;
use super::ask::Ask;
use crate::app::ctx::Ctx;
use crate::app::form::{Field, Form};
use crate::app::layer::Verdict;
use crate::domain::people_import::{ImportError, ImportPreview, RowFlag, parse_people_csv};
use crate::domain::validate::{FieldProblem, Problem};
use crate::i18n;
use crate::store::change::Change;
use crate::store::new_id;
use crate::store::roster::{PeopleChange, RosterPerson};

/// A file read, waiting for the user's word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportState {
    pub path: String,
    pub result: Result<ImportPreview, Vec<ImportError>>,
    /// The first line of the preview shown.
    pub scroll: usize,
}

impl ImportState {
    pub fn lines(&self) -> usize {
        match &self.result {
            Ok(p) => p.rows.len(),
            Err(e) => e.len(),
        }
    }

    pub fn scroll_by(&mut self, by: isize) {
        let last = self.lines().saturating_sub(1) as isize;
        self.scroll = (self.scroll as isize + by).clamp(0, last.max(0)) as usize;
    }
}

/// Expand a leading `~/` (people type it).
fn expand(path: &str) -> std::path::PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => std::path::Path::new(&home).join(rest),
        _ => std::path::PathBuf::from(path),
    }
}

/// Read a small text file the user named (a key press may wait for this: it is what they
/// asked for, and it is not the database).
pub fn read_text(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(expand(path.trim())).map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|_| "UTF-8".to_string())
}

impl BackOffice {
    pub(super) fn open_import(&mut self, ctx: &mut Ctx) {
        let form = Form::new(
            i18n::FORM_IMPORT,
            ctx.t(&i18n::IMPORT_HINT),
            vec![Field::text("path", i18n::F_PATH, "")],
        );
        ctx.open_form(form, Ask::ImportPath);
    }

    pub(super) fn submit_import_path(&mut self, ctx: &mut Ctx, form: &mut Form) -> Verdict {
        let path = form.get("path").trim().to_string();
        if path.is_empty() {
            form.set_problems(ctx.lang, &[FieldProblem::new("path", Problem::Required)]);
            return Verdict::Keep;
        }
        let text = match read_text(&path) {
            Ok(t) => t,
            Err(why) => {
                form.error = Some(i18n::cannot_read(ctx.lang, &path, &why));
                return Verdict::Keep;
            }
        };
        let existing: Vec<_> = self.view.people.iter().map(|p| p.person.clone()).collect();
        let result = parse_people_csv(&text, &existing);
        match &result {
            Ok(p) => ctx.say(i18n::import_preview(ctx.lang, p.rows.len())),
            Err(e) => ctx.warn(i18n::import_refused(ctx.lang, e.len())),
        }
        self.import = Some(ImportState {
            path,
            result,
            scroll: 0,
        });
        Verdict::Done
    }

    pub(super) fn cancel_import(&mut self, ctx: &mut Ctx) {
        self.import = None;
        let t = ctx.t(&i18n::IMPORT_CANCELLED);
        ctx.say(t);
    }

    pub(super) fn import_now(&mut self, ctx: &mut Ctx) {
        let Some(state) = self.import.take() else {
            return;
        };
        let preview = match state.result {
            Ok(p) => p,
            Err(e) => {
                ctx.warn(i18n::import_refused(ctx.lang, e.len()));
                self.import = Some(ImportState {
                    result: Err(e),
                    ..state
                });
                return;
            }
        };
        let people: Vec<RosterPerson> = preview
            .rows
            .into_iter()
            .map(|r| {
                let own = if r.initials_given {
                    r.person.initials.clone()
                } else {
                    String::new()
                };
                // Someone on the roster already (same name and department) is updated
                // from the file, not listed twice.
                let known = r.flags.iter().find_map(|f| match f {
                    RowFlag::AlreadyOnList { person_id } => Some(*person_id),
                    RowFlag::SameNameAs { .. } => None,
                });
                RosterPerson {
                    person: crate::domain::people::Person {
                        id: known.unwrap_or_else(new_id),
                        ..r.person
                    },
                    own_initials: own,
                    retired_at: None,
                }
            })
            .collect();
        let n = people.len();
        self.record(ctx, vec![Change::People(PeopleChange::Import { people })]);
        ctx.say(i18n::imported(ctx.lang, n));
    }
}
