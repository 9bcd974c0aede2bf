//! Writing the verbatim record from the console (F5), next to the database.
use super::Console;
use crate::app::ctx::Ctx;
use crate::export::{Format, record, write_private};
use crate::i18n;

impl Console {
    /// Export once everything typed is on the disk: the paper is read from the database.
    pub(super) fn export_record(&mut self, ctx: &mut Ctx) {
        self.flush_texts(ctx, true);
        if ctx.saver.idle() {
            self.write_record(ctx);
        } else {
            self.export_waiting = true;
            let t = ctx.t(&i18n::EXPORT_WAITING);
            ctx.say(t);
        }
    }

    pub(super) fn write_record(&mut self, ctx: &mut Ctx) {
        let Some(meeting) = self.meeting_id() else {
            return;
        };
        let now = ctx.now();
        let text = match record(&ctx.store, meeting, ctx.lang, Format::Md, now) {
            Ok(t) => t,
            Err(e) => return ctx.store_failed(&e),
        };
        let Some(dir) = ctx
            .store
            .path()
            .and_then(|p| p.parent())
            .map(|p| p.to_path_buf())
        else {
            let t = ctx.t(&i18n::NO_EXPORT_DIR);
            return ctx.warn(t);
        };
        let date = self
            .view
            .as_ref()
            .map(|d| d.meeting.starts_at.format("%Y%m%d").to_string())
            .unwrap_or_default();
        let path = dir.join(format!("huiwu-record-{date}-{meeting}.md"));
        match write_private(&path, text.as_bytes()) {
            Ok(()) => {
                let t = i18n::exported(ctx.lang, &path.display().to_string());
                ctx.say(t);
            }
            Err(e) => {
                let t = i18n::export_failed(ctx.lang, &path.display().to_string(), &e.to_string());
                ctx.warn(t);
            }
        }
    }
}
