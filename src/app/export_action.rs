//! Writing the verbatim record from the console (F5), next to the database.
use super::App;
use crate::export::{Format, record};
use crate::i18n;

impl App {
    pub(super) fn export_record(&mut self) {
        self.flush(true);
        let Some(meeting) = self.meeting_id() else {
            return;
        };
        let now = self.now();
        let text = match record(&self.store, meeting, self.lang, Format::Md, now) {
            Ok(t) => t,
            Err(e) => return self.store_failed(&e),
        };
        let dir = self
            .store
            .path()
            .and_then(|p| p.parent())
            .map(|p| p.to_path_buf())
            .unwrap_or_else(std::env::temp_dir);
        let date = self
            .data
            .as_ref()
            .map(|d| d.meeting.starts_at.format("%Y%m%d").to_string())
            .unwrap_or_default();
        let path = dir.join(format!("huiwu-record-{date}-{meeting}.md"));
        match std::fs::write(&path, text) {
            Ok(()) => {
                let t = i18n::exported(self.lang, &path.display().to_string());
                self.say(t);
            }
            Err(e) => {
                let t = i18n::export_failed(self.lang, &path.display().to_string(), &e.to_string());
                self.warn(t);
            }
        }
    }
}
