//! F5 on F4: any paper, of the selected meeting, its month or its year, as Markdown, text
//! or Word, next to the database. The paper is read here; writing the file (and its
//! fsync) happens on a thread of its own, so no key waits for the disk.
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};

use chrono::Datelike;

use super::FollowUp;
use super::ask::Ask;
use crate::app::ctx::Ctx;
use crate::app::form::{Choice, Field, FieldKind, Form};
use crate::app::layer::Verdict;
use crate::export::paper::{Kind, Of, build};
use crate::export::{Format, paper_bytes, write_private};
use crate::i18n;

/// A paper asked for, waiting for the save queue to empty.
pub struct Request {
    kind: Kind,
    format: Format,
    of: Of,
    tag: String,
}

/// A paper being written: where, and the answer to come.
pub struct Pending {
    path: PathBuf,
    done: Receiver<Result<(), String>>,
}

impl FollowUp {
    pub(super) fn open_export(&mut self, ctx: &mut Ctx) {
        if self.model.is_none() {
            return;
        }
        let kinds = Kind::ALL
            .into_iter()
            .map(|k| Choice::new(k.code(), ctx.t(&i18n::paper_kind(k))))
            .collect();
        let formats = ["docx", "md", "txt"]
            .into_iter()
            .map(|f| Choice::new(f, f))
            .collect();
        let scopes = [
            ("meeting", i18n::OF_MEETING),
            ("month", i18n::OF_MONTH),
            ("year", i18n::OF_YEAR),
        ]
        .into_iter()
        .map(|(v, l)| Choice::new(v, ctx.t(&l)))
        .collect();
        let form = Form::new(
            i18n::FORM_EXPORT,
            String::new(),
            vec![
                Field::new("kind", i18n::F_PAPER, FieldKind::Choice(kinds), "minutes"),
                Field::new("format", i18n::F_FORMAT, FieldKind::Choice(formats), "docx"),
                Field::new("of", i18n::F_OF, FieldKind::Choice(scopes), "meeting"),
            ],
        );
        ctx.open_form(form, Ask::Export);
    }

    pub(super) fn submit_export(&mut self, ctx: &mut Ctx, f: &mut Form) -> Verdict {
        let Some(m) = &self.model else {
            return Verdict::Done;
        };
        let (Some(kind), Some(format)) = (
            Kind::from_code(&f.get("kind")),
            Format::parse(&f.get("format")),
        ) else {
            return Verdict::Keep;
        };
        let start = m.view.meeting.starts_at;
        let (of, tag) = match f.get("of").as_str() {
            "year" => (Of::Year(start.year()), start.format("%Y").to_string()),
            "month" => (
                Of::Month(start.year(), start.month()),
                start.format("%Y%m").to_string(),
            ),
            _ => (
                Of::Meeting(m.id()),
                format!("{}-{}", start.format("%Y%m%d"), m.id()),
            ),
        };
        if ctx.store.path().is_none() {
            f.error = Some(ctx.t(&i18n::NO_EXPORT_DIR).to_string());
            return Verdict::Keep;
        }
        self.export_queued = Some(Request {
            kind,
            format,
            of,
            tag,
        });
        if ctx.saver.idle() {
            self.start_export(ctx);
        } else {
            // The paper is read from the database: what was just done must be on it.
            let t = ctx.t(&i18n::EXPORT_WAITING);
            ctx.say(t);
        }
        Verdict::Done
    }

    /// Read the paper asked for (once everything is saved) and write it on a thread.
    pub(super) fn start_export(&mut self, ctx: &mut Ctx) {
        let Some(r) = self.export_queued.take() else {
            return;
        };
        let Some(dir) = ctx
            .store
            .path()
            .and_then(|p| p.parent())
            .map(|p| p.to_path_buf())
        else {
            return;
        };
        let doc = match build(&ctx.store, r.kind, r.of, ctx.lang, ctx.now()) {
            Ok(d) => d,
            Err(e) => return ctx.warn(i18n::paper_error(ctx.lang, &e)),
        };
        let format = r.format;
        let path = dir.join(format!(
            "huiwu-{}-{}.{}",
            r.kind.code(),
            r.tag,
            format.extension()
        ));
        let (tx, rx) = mpsc::channel();
        let target = path.clone();
        let spawned = std::thread::Builder::new()
            .name("huiwu-export".into())
            .spawn(move || {
                let out = paper_bytes(&doc, format)
                    .map_err(|e| e.to_string())
                    .and_then(|b| write_private(&target, &b).map_err(|e| e.to_string()));
                let _ = tx.send(out);
            });
        if let Err(e) = spawned {
            return ctx.warn(e.to_string());
        }
        self.export = Some(Pending { path, done: rx });
        let t = ctx.t(&i18n::EXPORTING);
        ctx.say(t);
    }

    /// Say how the paper being written turned out, once it has.
    pub(super) fn poll_export(&mut self, ctx: &mut Ctx) {
        if self.export_queued.is_some() && ctx.saver.idle() {
            self.start_export(ctx);
        }
        let Some(p) = &self.export else { return };
        let Ok(result) = p.done.try_recv() else {
            return;
        };
        let path = p.path.display().to_string();
        self.export = None;
        match result {
            Ok(()) => {
                let t = i18n::paper_written(ctx.lang, &path);
                ctx.say(t);
            }
            Err(e) => {
                let t = i18n::export_failed(ctx.lang, &path, &e);
                ctx.warn(t);
            }
        }
    }
}
