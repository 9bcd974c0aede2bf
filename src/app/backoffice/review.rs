//! The office's review checklist (R1.4): one item recorded at a time with who, when, the
//! result and a note. Recording moves the topic along by itself: taken up (proposed →
//! under review) at the first record, ready once every item it needs has passed, back
//! under review when a ready topic fails one.
use super::BackOffice;
use super::ask::Ask;
use super::lists::typed_time;
use crate::app::ctx::Ctx;
use crate::app::form::{Choice, Field, FieldKind, Form};
use crate::app::layer::Verdict;
use crate::domain::Id;
use crate::domain::meeting_people::{LEGAL_DEPARTMENT_MARK, is_department_head};
use crate::domain::review::{ItemState, ReviewEntry, ReviewItem, Verdict as Result_};
use crate::domain::topic_stage::TopicStage;
use crate::i18n;
use crate::store::change::Change;
use crate::store::intake::{RegisteredTopic, TopicChange};
use crate::store::new_id;

impl BackOffice {
    /// Who usually answers for an item: the deputy for his review, the legal brigade's
    /// head for the legal review, the operator (the office) for the rest.
    fn reviewer(&self, ctx: &Ctx, t: &RegisteredTopic, item: ReviewItem) -> String {
        let people = self.view.active_people();
        let named = match item {
            ReviewItem::DeputyReviewed => self
                .view
                .person(t.registration.deputy_id)
                .map(|p| p.name.clone()),
            ReviewItem::LegalReviewed => people
                .iter()
                .find(|p| p.department.contains(LEGAL_DEPARTMENT_MARK) && is_department_head(p))
                .map(|p| p.name.clone()),
            _ => None,
        };
        named.unwrap_or_else(|| ctx.store.operator().to_string())
    }

    pub(super) fn open_review(&mut self, ctx: &mut Ctx) {
        let Some(t) = self.need_topic(ctx) else {
            return;
        };
        if !matches!(
            t.stage,
            TopicStage::Proposed
                | TopicStage::UnderReview
                | TopicStage::Ready
                | TopicStage::Scheduled
        ) {
            let w = ctx.t(&i18n::REVIEW_CLOSED);
            return ctx.warn(w);
        }
        let needs = t.registration.review_needs();
        let list = self.view.checklist(t.id);
        let applicable: Vec<ReviewItem> = ReviewItem::ALL
            .into_iter()
            .filter(|i| i.applies(needs))
            .collect();
        // The first item still to pass, in the regulation's order.
        let first = applicable
            .iter()
            .copied()
            .find(|i| !matches!(list.state(*i, needs), ItemState::Passed(_)))
            .or(applicable.first().copied())
            .unwrap_or(ReviewItem::WithinScope);
        let items = applicable
            .iter()
            .map(|i| Choice::new(i.code(), ctx.t(&i18n::review_item(*i))))
            .collect();
        let verdicts = vec![
            Choice::new("pass", ctx.t(&i18n::PASS)),
            Choice::new("fail", ctx.t(&i18n::FAIL)),
        ];
        let now = ctx.now();
        let form = Form::new(
            i18n::FORM_REVIEW,
            t.registration.title.clone(),
            vec![
                Field::new(
                    "item",
                    i18n::F_REVIEW_ITEM,
                    FieldKind::Choice(items),
                    first.code(),
                ),
                Field::new(
                    "verdict",
                    i18n::F_RESULT,
                    FieldKind::Choice(verdicts),
                    "pass",
                ),
                Field::new(
                    "by",
                    i18n::F_REVIEWER,
                    FieldKind::Person(self.people_choices()),
                    &self.reviewer(ctx, &t, first),
                ),
                Field::date("date", i18n::F_DATE, &now.format("%Y-%m-%d").to_string()),
                Field::time("time", i18n::F_CLOCK, &now.format("%H:%M").to_string()),
                Field::text("note", i18n::F_NOTE, ""),
            ],
        );
        ctx.open_form(form, Ask::Review(t.id));
    }

    pub(super) fn submit_review(
        &mut self,
        ctx: &mut Ctx,
        topic_id: Id,
        form: &mut Form,
    ) -> Verdict {
        let Some(t) = self.view.topic(topic_id).cloned() else {
            return Verdict::Done;
        };
        let item = ReviewItem::from_code(&form.get("item")).unwrap_or(ReviewItem::WithinScope);
        let verdict = if form.get("verdict") == "fail" {
            Result_::Fail
        } else {
            Result_::Pass
        };
        let at = typed_time(
            "date",
            &form.get("date"),
            "time",
            &form.get("time"),
            ctx.now(),
        );
        let entry = at
            .and_then(|at| ReviewEntry::new(item, &form.get("by"), at, verdict, &form.get("note")));
        let entry = match entry {
            Ok(e) => e,
            Err(problems) => {
                form.set_problems(ctx.lang, &problems);
                return Verdict::Keep;
            }
        };
        let mut changes = vec![Change::Topic(TopicChange::Review {
            entry_id: new_id(),
            topic_id,
            entry,
        })];
        // What the checklist says once this record is in.
        let mut list = self.view.checklist(topic_id);
        if let Some(Change::Topic(TopicChange::Review { entry, .. })) = changes.first() {
            list.record(entry.clone());
        }
        let result = crate::domain::review::can_schedule(t.registration.review_needs(), &list);
        use TopicStage::{Proposed, Ready, UnderReview};
        let steps: &[(TopicStage, TopicStage)] = match (t.stage, result) {
            (Proposed, Ok(())) => &[(Proposed, UnderReview), (UnderReview, Ready)],
            (Proposed, Err(_)) => &[(Proposed, UnderReview)],
            (UnderReview, Ok(())) => &[(UnderReview, Ready)],
            (Ready, Err(_)) => &[(Ready, UnderReview)],
            _ => &[],
        };
        for (from, to) in steps {
            changes.push(Change::Topic(TopicChange::Stage {
                topic_id,
                from: *from,
                to: *to,
            }));
        }
        self.record(ctx, changes);
        self.select_topic(topic_id);
        match (result, t.stage) {
            (Ok(()), _) => ctx.say(i18n::topic_ready(ctx.lang, &t.registration.title)),
            (Err(item), TopicStage::Scheduled) => {
                ctx.warn(i18n::scheduled_but_failing(ctx.lang, item))
            }
            (Err(item), _) if verdict == Result_::Fail => {
                ctx.warn(i18n::not_scheduled_because(ctx.lang, item))
            }
            (Err(item), _) => ctx.say(i18n::review_next(ctx.lang, item)),
        }
        Verdict::Done
    }
}
