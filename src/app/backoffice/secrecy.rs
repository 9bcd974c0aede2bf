//! 密级★期限 of a meeting's papers (R8.1): the office sets the level and the period any
//! time before the meeting is archived; every paper of the meeting then carries it.
use super::BackOffice;
use super::ask::Ask;
use crate::app::ctx::Ctx;
use crate::app::form::{Choice, Field, FieldKind, Form};
use crate::app::layer::Verdict;
use crate::domain::Id;
use crate::domain::secrecy::{SecrecyLevel, checked, field};
use crate::i18n;
use crate::store::change::Change;
use crate::store::lease::{self, LeaseKey};
use crate::store::planning::MeetingChange;

impl BackOffice {
    pub(super) fn open_secrecy(&mut self, ctx: &mut Ctx) {
        let Some(m) = self.need_meeting(ctx) else {
            return;
        };
        if matches!(ctx.store.is_archived(m.id), Ok(true)) {
            let t = ctx.t(&i18n::ARCHIVED_READ_ONLY);
            return ctx.warn(t);
        }
        let lang = ctx.lang;
        let mut levels = vec![Choice::new("", lang.t(&i18n::NO_SECRECY_LEVEL))];
        levels.extend(
            SecrecyLevel::ALL
                .into_iter()
                .map(|l| Choice::new(l.code(), lang.t(&i18n::secrecy_level(l)))),
        );
        let now = self.view.secrecy_of(m.id);
        let years = now
            .and_then(|s| s.years)
            .map(|y| y.to_string())
            .unwrap_or_default();
        let form = Form::new(
            i18n::FORM_SECRECY,
            i18n::meeting_when(lang, &m.starts_at),
            vec![
                Field::new(
                    field::LEVEL,
                    i18n::F_SECRECY_LEVEL,
                    FieldKind::Choice(levels),
                    now.map_or("", |s| s.level.code()),
                ),
                Field::text(field::YEARS, i18n::F_SECRECY_YEARS, &years),
            ],
        );
        ctx.open_form_leased(
            LeaseKey::new(lease::MEETING, m.id),
            form,
            Ask::Secrecy(m.id),
        );
    }

    pub(super) fn submit_secrecy(&mut self, ctx: &mut Ctx, id: Id, form: &mut Form) -> Verdict {
        match checked(&form.get(field::LEVEL), &form.get(field::YEARS)) {
            Ok(secrecy) => {
                let said = secrecy.map_or_else(
                    || ctx.t(&i18n::NO_SECRECY_LEVEL).to_string(),
                    |s| i18n::secrecy_mark(ctx.lang, &s),
                );
                self.record(
                    ctx,
                    vec![Change::Meeting(MeetingChange::Secrecy {
                        meeting_id: id,
                        secrecy,
                    })],
                );
                ctx.say(i18n::secrecy_set(ctx.lang, &said));
                Verdict::Done
            }
            Err(problems) => {
                form.set_problems(ctx.lang, &problems);
                Verdict::Keep
            }
        }
    }
}
