//! The status line (clock, elapsed times, save state, operator), the message line and
//! the footer of keys — the footer read from the keymap, like F1 help.
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::st;
use super::text::{clip, fit, hms};
use crate::app::layer::LayerKind;
use crate::app::screen::ScreenId;

use crate::app::{App, SaveState};
use crate::i18n;

pub fn status(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let ctx = &app.ctx;
    let now = ctx.now();
    // (text, style, how much it matters): what does not fit goes, least needed first;
    // the save state and the operator always stay.
    let mut parts: Vec<(String, &str, u8)> = Vec::new();
    let head = if area.width >= 110 {
        format!(" 会务 huiwu │ {} ", now.format("%Y-%m-%d %H:%M:%S"))
    } else {
        format!(" {} ", now.format("%H:%M:%S"))
    };
    parts.push((head, "statusbar", 6));
    // The console's meeting and its clocks belong to the console; the back office names
    // itself (its own meeting is on its first line).
    if app.screen == ScreenId::BackOffice {
        parts.push((
            format!("│ {} ", ctx.t(&i18n::SCREEN_OFFICE)),
            "statusbar",
            9,
        ));
    } else {
        if app.console.view.as_ref().is_some_and(|d| d.meeting.is_demo) {
            // A demo is never mistaken for the real record.
            parts.push((
                format!("│ {} ", ctx.t(&i18n::DEMO_MARK)),
                "statusbar.failed",
                8,
            ));
        }
        if let Some(d) = &app.console.view {
            // From the scheduled start, or from the first topic when the meeting began
            // earlier than planned (it read 00:00:00 while a topic was under way).
            let began = crate::domain::meeting::began(
                d.meeting.starts_at,
                d.topics.iter().filter_map(|t| t.started_at),
            );
            let since = (now - began).num_seconds();
            parts.push((
                format!("│ {} {} ", ctx.t(&i18n::MEETING_ELAPSED), hms(since)),
                "statusbar",
                2,
            ));
            if let Some(s) = d.current_topic().and_then(|t| t.started_at) {
                parts.push((
                    format!(
                        "│ {} {} ",
                        ctx.t(&i18n::TOPIC_ELAPSED),
                        hms((now - s).num_seconds())
                    ),
                    "statusbar",
                    4,
                ));
            }
        }
    }
    if app.overdue.count > 0 {
        // Overdue decisions show on every screen (R7.3), red.
        parts.push((
            format!("│ {} {} ", ctx.t(&i18n::OVERDUE_STATUS), app.overdue.count),
            "statusbar.failed",
            9,
        ));
    }
    let save = match app.save_state() {
        SaveState::Idle if ctx.read_only => {
            Some((ctx.t(&i18n::READ_ONLY).to_string(), "statusbar.failed"))
        }
        SaveState::Idle => None,
        SaveState::Saved(at) => Some((
            i18n::saved_at(ctx.lang, &at.format("%H:%M:%S").to_string()),
            "statusbar.saved",
        )),
        SaveState::Saving => Some((ctx.t(&i18n::SAVING).to_string(), "statusbar.saving")),
        SaveState::Failed(e) => Some((i18n::save_failed_short(ctx.lang, e), "statusbar.failed")),
    };
    // The save state keeps one width, so the operator's name never jumps about.
    let width = save_width(ctx.lang);
    let (save, style) = save.unwrap_or((String::new(), "statusbar"));
    parts.push((format!("│ {} ", fit(&save, width)), style, 10));
    parts.push((
        format!("│ {} {} ", ctx.t(&i18n::OPERATOR), ctx.store.operator()),
        "statusbar",
        10,
    ));
    use unicode_width::UnicodeWidthStr;
    while parts.iter().map(|p| p.0.width()).sum::<usize>() > area.width as usize {
        let Some(least) = parts
            .iter()
            .enumerate()
            .filter(|(_, p)| p.2 < 10)
            .min_by_key(|(_, p)| p.2)
            .map(|(i, _)| i)
        else {
            break;
        };
        parts.remove(least);
    }
    let spans: Vec<Span> = parts
        .into_iter()
        .map(|(text, style, _)| Span::styled(text, st(ctx, style)))
        .collect();
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(st(ctx, "statusbar")),
        area,
    );
}

pub fn message(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let ctx = &app.ctx;
    // A failed save outranks any other message: the user must know at once.
    let (text, style) = match (app.save_state(), &ctx.message) {
        (SaveState::Failed(e), _) => (i18n::store_error(ctx.lang, e), "message.error"),
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
        Paragraph::new(clip(&format!(" {text}"), area.width as usize)).style(st(ctx, style)),
        area,
    );
}

pub fn footer(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let ctx = &app.ctx;
    let mut spans = Vec::new();
    let key = |spans: &mut Vec<Span<'static>>, k: String, label: &str| {
        spans.push(Span::styled(format!(" {k} "), st(ctx, "footer.key")));
        spans.push(Span::styled(format!("{label} "), st(ctx, "footer.text")));
    };
    match ctx.layers.top().map(|l| &l.kind) {
        Some(LayerKind::Help) => spans.push(Span::styled(
            format!(" {}", ctx.t(&i18n::HELP_CLOSE)),
            st(ctx, "footer.text"),
        )),
        Some(LayerKind::Page(_)) => spans.push(Span::styled(
            format!(" {}", ctx.t(&i18n::PAGE_HINT)),
            st(ctx, "footer.text"),
        )),
        Some(LayerKind::Form(f)) => {
            for (k, label) in f.hints() {
                key(&mut spans, k.to_string(), ctx.t(label));
            }
        }
        Some(LayerKind::Confirm(_)) => spans.push(Span::styled(
            format!(" {}", ctx.t(&i18n::CONFIRM_HINT)),
            st(ctx, "footer.text"),
        )),
        Some(LayerKind::Choices(c)) => {
            for (k, label) in &c.options {
                key(&mut spans, k.to_string(), ctx.t(label));
            }
            key(&mut spans, "Esc".into(), ctx.t(&i18n::BACK));
        }
        Some(LayerKind::Picker(p)) => spans.push(Span::styled(
            format!(" {}", ctx.t(&p.hint)),
            st(ctx, "footer.text"),
        )),
        Some(LayerKind::Lock(_)) => spans.push(Span::styled(
            format!(" {}", ctx.t(&i18n::LOCK_HINT)),
            st(ctx, "footer.text"),
        )),
        None => {
            use unicode_width::UnicodeWidthStr;
            let contexts = app.current().contexts();
            use crate::app::action::{Action, GlobalAction};
            let all = ctx.keymap.footer(&contexts);
            let width = |b: &crate::app::keymap::Binding| {
                b.key.to_string().width() + ctx.t(&b.label).width() + 3
            };
            // Help and quit keep their place however narrow the terminal; the other keys
            // take what is left, in order. A key that does not fit whole is left out, not
            // cut in half (F1 lists all).
            let essential = |b: &crate::app::keymap::Binding| {
                matches!(
                    b.action,
                    Action::Global(GlobalAction::Help | GlobalAction::Quit)
                )
            };
            let reserved: usize = all.iter().filter(|b| essential(b)).map(|b| width(b)).sum();
            let mut room = (area.width as usize).saturating_sub(reserved);
            let mut full = false;
            for b in all {
                let w = width(b);
                if essential(b) {
                    room += w;
                } else if full {
                    continue;
                }
                if w > room {
                    if essential(b) {
                        break;
                    }
                    full = true;
                    continue;
                }
                room -= w;
                key(&mut spans, b.key.to_string(), ctx.t(&b.label));
            }
        }
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(st(ctx, "footer.text")),
        area,
    );
}

/// The widest thing the save state can say in `lang`.
fn save_width(lang: crate::i18n::Lang) -> usize {
    use unicode_width::UnicodeWidthStr;
    [
        i18n::saved_at(lang, "00:00:00"),
        lang.t(&i18n::SAVING).to_string(),
        lang.t(&i18n::SAVE_FAILED).to_string(),
        i18n::save_failed_short(lang, &crate::store::StoreError::BadData(String::new())),
        lang.t(&i18n::READ_ONLY).to_string(),
    ]
    .iter()
    .map(|s| s.width())
    .max()
    .unwrap_or(0)
}
