//! Reading a meeting's plan back: everyone's participation, the agenda's own record, the
//! press exceptions and the approval chains (see `planning.rs` for the writes).
use super::window::Window;
use super::{Result, Store};
use crate::domain::coverage::CoverageException;
use crate::domain::people::Participation;
use crate::domain::submission::SubmissionEvent;
use crate::domain::{Id, Time};

impl Store {
    /// Every participation of the meetings of the back office's window.
    pub fn all_participations(&self, since: &Window<'_>) -> Result<Vec<Participation>> {
        let mut out = Vec::new();
        for m in self.meetings_since(since)? {
            out.extend(self.participations(m.id)?);
        }
        Ok(out)
    }
}

/// What belongs to a whole agenda (R2.1).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AgendaRow {
    pub meeting_id: Id,
    pub over_norm_reason: Option<String>,
    pub proposed_at: Option<Time>,
    pub proposed_by: String,
}

impl Store {
    pub fn agenda_rows(&self, since: &Window<'_>) -> Result<Vec<AgendaRow>> {
        let ids = since.ids();
        let mut st = self.conn().prepare_cached(&format!(
            "SELECT meeting_id, over_norm_reason, proposed_at, proposed_by FROM agenda
             WHERE meeting_id IN ({ids})"
        ))?;
        let rows = st.query_map([since.param()], |r| {
            Ok(AgendaRow {
                meeting_id: r.get(0)?,
                over_norm_reason: r.get(1)?,
                proposed_at: super::time::opt_time(r.get(2)?),
                proposed_by: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The press exceptions of the window's meetings: (id, meeting id, exception),
    /// oldest first.
    pub fn coverage_exceptions(
        &self,
        since: &Window<'_>,
    ) -> Result<Vec<(Id, Id, CoverageException)>> {
        let ids = since.ids();
        use crate::domain::coverage::Coverage;
        let mut st = self.conn().prepare_cached(&format!(
            "SELECT id, meeting_id, press, video, photos, ordered_by, at, note
             FROM coverage_exception WHERE meeting_id IN ({ids}) ORDER BY id"
        ))?;
        let rows = st.query_map([since.param()], |r| {
            let at: String = r.get(6)?;
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, Id>(1)?,
                super::time::parse_time(&at).map(|at| CoverageException {
                    allows: Coverage {
                        press: r.get(2).unwrap_or_default(),
                        video: r.get(3).unwrap_or_default(),
                        photos: r.get(4).unwrap_or_default(),
                    },
                    ordered_by: r.get(5).unwrap_or_default(),
                    at,
                    note: r.get(7).unwrap_or_default(),
                }),
            ))
        })?;
        let mut out = Vec::new();
        for r in rows {
            let (id, m, e) = r?;
            let e = e.ok_or_else(|| super::StoreError::BadData(format!("coverage {id}")))?;
            out.push((id, m, e));
        }
        Ok(out)
    }

    /// Every event of the window's approval chains: (id, meeting id, event), in order.
    pub fn submission_events(&self, since: &Window<'_>) -> Result<Vec<(Id, Id, SubmissionEvent)>> {
        let ids = since.ids();
        use crate::domain::submission::{Signature, SubmissionStep};
        let mut st = self.conn().prepare_cached(&format!(
            "SELECT id, meeting_id, kind, step, signer, at, opinion FROM submission_event
             WHERE meeting_id IN ({ids}) ORDER BY id"
        ))?;
        let rows = st.query_map([since.param()], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, Id>(1)?,
                [
                    r.get::<_, String>(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ],
            ))
        })?;
        let mut out = Vec::new();
        for r in rows {
            let (id, m, [kind, step, by, at, text]) = r?;
            let (Some(step), Some(at)) = (
                SubmissionStep::from_code(&step),
                super::time::parse_time(&at),
            ) else {
                return Err(super::StoreError::BadData(format!("submission event {id}")));
            };
            let event = if kind == "sent_back" {
                SubmissionEvent::SentBack {
                    at_step: step,
                    by,
                    at,
                    reason: text,
                }
            } else {
                SubmissionEvent::Signed(Signature {
                    step,
                    by,
                    at,
                    opinion: text,
                })
            };
            out.push((id, m, event));
        }
        Ok(out)
    }
}
