//! The status line (clock, elapsed times, save state, operator), the message line and
//! the footer of keys — the footer read from the keymap, like F1 help.
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::st;
use super::text::{clip, hms};
use crate::app::{App, Modal, SaveState};
use crate::i18n;

pub fn status(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let now = app.now();
    // Narrow terminals drop the name and the date, never the save state or the operator.
    let head = if area.width >= 110 {
        format!(" 会务 huiwu │ {} ", now.format("%Y-%m-%d %H:%M:%S"))
    } else {
        format!(" {} ", now.format("%H:%M:%S"))
    };
    let mut spans = vec![Span::styled(head, st(app, "statusbar"))];
    if let Some(d) = &app.data {
        let since = (now - d.meeting.starts_at).num_seconds();
        spans.push(Span::styled(
            format!("│ {} {} ", app.t(&i18n::MEETING_ELAPSED), hms(since)),
            st(app, "statusbar"),
        ));
        if let Some(s) = d.current_topic().and_then(|t| t.started_at) {
            spans.push(Span::styled(
                format!(
                    "│ {} {} ",
                    app.t(&i18n::TOPIC_ELAPSED),
                    hms((now - s).num_seconds())
                ),
                st(app, "statusbar"),
            ));
        }
    }
    let (save, style) = match &app.save_state {
        SaveState::Saved(at) => (
            i18n::saved_at(app.lang, &at.format("%H:%M:%S").to_string()),
            "statusbar.saved",
        ),
        SaveState::Saving => (app.t(&i18n::SAVING).to_string(), "statusbar.saving"),
        SaveState::Failed(_) => (app.t(&i18n::SAVE_FAILED).to_string(), "statusbar.failed"),
    };
    spans.push(Span::styled(format!("│ {save} "), st(app, style)));
    spans.push(Span::styled(
        format!("│ {} {} ", app.t(&i18n::OPERATOR), app.store.operator()),
        st(app, "statusbar"),
    ));
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(st(app, "statusbar")),
        area,
    );
}

pub fn message(frame: &mut Frame<'_>, app: &App, area: Rect) {
    // A failed save outranks any other message: the user must know at once.
    let (text, style) = match (&app.save_state, &app.message) {
        (SaveState::Failed(why), _) => (why.clone(), "message.error"),
        (_, Some(m)) => (
            m.text.clone(),
            if m.error {
                "message.error"
            } else {
                "message.info"
            },
        ),
        _ => return,
    };
    frame.render_widget(
        Paragraph::new(clip(&format!(" {text}"), area.width as usize)).style(st(app, style)),
        area,
    );
}

pub fn footer(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let mut spans = Vec::new();
    let hint = match &app.modal {
        Some(Modal::Help) => Some(app.t(&i18n::HELP_CLOSE).to_string()),
        Some(Modal::Form(_)) => Some(app.t(&i18n::FORM_HINT).to_string()),
        Some(Modal::Confirm(_)) => Some(app.t(&i18n::CONFIRM_HINT).to_string()),
        Some(Modal::Picker(_)) => Some(app.t(&i18n::PICKER_HINT).to_string()),
        None => None,
    };
    if let Some(h) = hint {
        spans.push(Span::styled(format!(" {h}"), st(app, "footer.text")));
    } else {
        for b in app.keymap.footer(app.focus.context()) {
            spans.push(Span::styled(format!(" {} ", b.key), st(app, "footer.key")));
            spans.push(Span::styled(
                format!("{} ", app.t(&b.label)),
                st(app, "footer.text"),
            ));
        }
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(st(app, "footer.text")),
        area,
    );
}
