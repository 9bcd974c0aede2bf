//! The verbatim record (会议记录, R5.2, R6): per topic, the five steps with their times,
//! every entry with its speaker and time and its text exactly as typed, then the decision
//! (R6.5).
use super::{Format, Loaded, hhmm, md_inline, md_verbatim, one_line, span, underline};
use crate::domain::decision::{Decision, Outcome};
use crate::domain::people::Role;
use crate::domain::procedure::{Entry, Step, StepRecord};
use crate::domain::topic::Topic;
use crate::domain::{Id, Time};
use crate::i18n::{self, Lang};
use crate::store::{Store, StoreError};

/// The verbatim record of a meeting. `now` only sets the attendance counts in the header.
pub fn record(
    store: &Store,
    meeting_id: Id,
    lang: Lang,
    format: Format,
    now: Time,
) -> Result<String, StoreError> {
    let data = Loaded::load(store, meeting_id, now)?;
    let mut w = Writer {
        out: String::new(),
        lang,
        format,
    };
    header(&mut w, &data);
    if data.topics.is_empty() {
        w.blank();
        w.para(lang.t(&i18n::X_NO_TOPICS));
    }
    for topic in &data.topics {
        let entries = store.entries(topic.id)?;
        let steps = store.step_records(topic.id)?;
        let decision = store.decision(topic.id)?;
        write_topic(&mut w, &data, topic, &entries, &steps, decision.as_ref());
    }
    Ok(w.out)
}

/// Writes the same structure as Markdown or plain text.
struct Writer {
    out: String,
    lang: Lang,
    format: Format,
}

impl Writer {
    fn blank(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    /// A heading of level 1 (document), 2 (topic), 3 (step, decision) or 4 (speaker).
    fn heading(&mut self, level: usize, text: &str) {
        self.blank();
        match self.format {
            Format::Md => {
                self.out.push_str(&"#".repeat(level));
                self.out.push(' ');
                self.out.push_str(&md_inline(text));
                self.out.push('\n');
            }
            Format::Txt => {
                let text = one_line(text);
                self.out.push_str(&text);
                self.out.push('\n');
                match level {
                    1 | 2 => {
                        self.out.push_str(&underline(&text, '='));
                        self.out.push('\n');
                    }
                    3 => {
                        self.out.push_str(&underline(&text, '-'));
                        self.out.push('\n');
                    }
                    _ => {}
                }
            }
        }
        if level < 4 {
            self.out.push('\n');
        }
    }

    /// "Label: value" as a list item (Markdown) or a line (text).
    fn field(&mut self, label: &i18n::Tr, value: &str) {
        let line = match self.format {
            Format::Md => format!(
                "- {}\n",
                i18n::x_field(self.lang, self.lang.t(label), &md_inline(value))
            ),
            Format::Txt => format!(
                "{}\n",
                i18n::x_field(self.lang, self.lang.t(label), &one_line(value))
            ),
        };
        self.out.push_str(&line);
    }

    /// "Label:" then one sub-item per line of `value` (responsible units).
    fn field_lines(&mut self, label: &i18n::Tr, value: &str) {
        let items: Vec<&str> = value
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if items.is_empty() {
            self.field(label, self.lang.t(&i18n::NOT_SET));
            return;
        }
        let head = i18n::x_field(self.lang, self.lang.t(label), "");
        let head = head.trim_end();
        match self.format {
            Format::Md => {
                self.out.push_str(&format!("- {head}\n"));
                for item in items {
                    self.out.push_str(&format!("  - {}\n", md_inline(item)));
                }
            }
            Format::Txt => {
                self.out.push_str(&format!("{head}\n"));
                for item in items {
                    self.out.push_str(&format!("  {}\n", one_line(item)));
                }
            }
        }
    }

    /// A line of our own words (not typed by the recorder).
    fn para(&mut self, text: &str) {
        match self.format {
            Format::Md => self.out.push_str(&md_inline(text)),
            Format::Txt => self.out.push_str(&one_line(text)),
        }
        self.out.push('\n');
    }

    /// Words as typed: never changed. Markdown puts them in a fenced block; plain text
    /// writes them as they are, followed by one newline.
    fn verbatim(&mut self, text: &str) {
        if text.is_empty() {
            let empty = self.lang.t(&i18n::X_EMPTY_TEXT);
            self.para(empty);
            return;
        }
        match self.format {
            Format::Md => md_verbatim(&mut self.out, text),
            Format::Txt => {
                // The text, the newline that ends its last line, then a blank line: a
                // trailing newline typed by the recorder stays visible as a second one.
                self.out.push_str(text);
                self.out.push_str("\n\n");
            }
        }
    }
}

fn header(w: &mut Writer, data: &Loaded) {
    let lang = w.lang;
    w.heading(1, lang.t(&i18n::X_RECORD_TITLE));
    let m = &data.meeting;
    let recorders: Vec<&str> = data
        .parts
        .iter()
        .filter(|p| p.role == Role::Staff && p.is_recorder)
        .map(|p| data.name(p.person_id))
        .collect();
    let recorder = if recorders.is_empty() {
        lang.t(&i18n::NOT_SET).to_string()
    } else {
        recorders.join(i18n::x_name_sep(lang))
    };
    w.field(&i18n::X_MEETING, &m.title);
    w.field(&i18n::X_WHEN, &data.when(lang));
    w.field(&i18n::X_ROOM, &m.room);
    w.field(&i18n::X_CHAIR, &data.opt_name(lang, m.chair_id));
    w.field(&i18n::X_RECORDER, &recorder);
    w.field(&i18n::X_COUNTS, &i18n::x_counts(lang, data.roster.counts));
    if w.format == Format::Md {
        w.blank();
        w.para(lang.t(&i18n::X_VERBATIM_NOTE));
    }
}

fn write_topic(
    w: &mut Writer,
    data: &Loaded,
    topic: &Topic,
    entries: &[Entry],
    steps: &[StepRecord],
    decision: Option<&Decision>,
) {
    let lang = w.lang;
    w.heading(2, &i18n::x_topic(lang, topic.seq, &topic.title));
    w.field(&i18n::DEPARTMENT, &topic.department);
    w.field(&i18n::D_DEPUTY, &data.opt_name(lang, topic.deputy_id));
    let when = span(topic.started_at, topic.ended_at)
        .unwrap_or_else(|| lang.t(&i18n::X_NOT_STARTED).to_string());
    w.field(&i18n::X_TOPIC_TIME, &when);

    for step in Step::ALL {
        let name = i18n::STEP_NAMES
            .get(usize::from(step.number()).saturating_sub(1))
            .map(|t| lang.t(t))
            .unwrap_or("?");
        let mut heading = i18n::x_step(lang, step.number(), name);
        let rec = steps.iter().find(|r| r.step == step);
        if let Some(s) = rec.and_then(|r| span(r.started_at, r.ended_at)) {
            heading.push_str(&i18n::x_paren(lang, &s));
        }
        w.heading(3, &heading);
        let mut any = false;
        for e in entries.iter().filter(|e| e.step == step) {
            any = true;
            let speaker = speaker(data, e, lang);
            w.heading(
                4,
                &i18n::x_speaker(lang, &speaker, e.off_list, &hhmm(&e.started_at)),
            );
            w.verbatim(&e.text);
        }
        if !any {
            w.para(lang.t(&i18n::X_NO_RECORD));
        }
    }
    write_decision(w, data, topic, decision);
}

/// The speaker as shown: the name typed or picked; the person's name when only the id is
/// known; "?" for an id that names nobody.
fn speaker(data: &Loaded, e: &Entry, lang: Lang) -> String {
    if !e.speaker_name.trim().is_empty() {
        return e.speaker_name.clone();
    }
    match e.speaker_id {
        Some(id) => data.name(id).to_string(),
        None => lang.t(&i18n::SPEAKER_UNSET).to_string(),
    }
}

fn write_decision(w: &mut Writer, data: &Loaded, topic: &Topic, d: Option<&Decision>) {
    let lang = w.lang;
    w.heading(3, lang.t(&i18n::X_DECISION));
    let Some(d) =
        d.filter(|d| d.outcome.is_some() || !d.text.trim().is_empty() || d.decided_at.is_some())
    else {
        w.para(lang.t(&i18n::X_NOT_DECIDED));
        return;
    };
    if d.decided_at.is_none() {
        w.para(lang.t(&i18n::X_DRAFT));
        w.blank();
    }
    let not_set = lang.t(&i18n::NOT_SET);
    let outcome = d
        .outcome
        .and_then(|o| Outcome::ALL.iter().position(|x| *x == o))
        .and_then(|i| i18n::OUTCOMES.get(i))
        .map(|t| lang.t(t))
        .unwrap_or(not_set);
    w.field(&i18n::D_OUTCOME, outcome);
    if let Some(n) = d.alternative {
        let text = usize::try_from(n)
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| topic.alternatives.get(i))
            .map(String::as_str)
            .unwrap_or("?");
        w.field(&i18n::D_ALTERNATIVE, &i18n::x_alternative(lang, n, text));
    }
    w.field(&i18n::D_DEPUTY, &data.opt_name(lang, d.deputy_id));
    w.field_lines(&i18n::D_UNITS, &d.units);
    let deadline = d
        .deadline
        .map(|x| x.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|| not_set.to_string());
    w.field(&i18n::D_DEADLINE, &deadline);
    let supervisor = if d.supervisor.trim().is_empty() {
        not_set
    } else {
        d.supervisor.as_str()
    };
    w.field(&i18n::D_SUPERVISOR, supervisor);
    if let Some(at) = &d.decided_at {
        w.field(&i18n::X_DECIDED_AT, &hhmm(at));
    }
    w.blank();
    let head = i18n::x_field(lang, lang.t(&i18n::D_TEXT), "");
    w.para(head.trim_end());
    w.blank();
    w.verbatim(&d.text);
    w.blank();
    let head = i18n::x_field(lang, lang.t(&i18n::D_DISSENT), "");
    if d.dissent.is_empty() {
        w.para(&format!("{head}{}", lang.t(&i18n::X_NONE)));
    } else {
        w.para(head.trim_end());
        w.blank();
        w.verbatim(&d.dissent);
    }
}
