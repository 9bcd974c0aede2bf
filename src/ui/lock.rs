//! The locked screen (issue 10): the clock, 已锁定, and how to unlock — nothing of the
//! record, not a name, not the save state. Drawn instead of everything else, at any size.
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};

use super::st;
use super::text::clip;
use crate::app::App;
use crate::app::layer::LayerKind;
use crate::app::lock::Lock;
use crate::i18n;

pub fn render(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let ctx = &app.ctx;
    let Some(lock) = ctx.layers.iter().find_map(|l| match &l.kind {
        LayerKind::Lock(lock) => Some(lock.as_ref()),
        _ => None,
    }) else {
        return;
    };
    frame.render_widget(Clear, area);
    frame.render_widget(Block::new().style(st(ctx, "base")), area);
    let status = format!(
        " {} │ {}",
        ctx.now().format("%H:%M:%S"),
        ctx.t(&i18n::LOCKED)
    );
    frame.render_widget(
        Paragraph::new(clip(&status, area.width as usize)).style(st(ctx, "statusbar")),
        Rect::new(area.x, area.y, area.width, 1.min(area.height)),
    );
    if area.height < 3 {
        return;
    }
    let lines = body(ctx, lock);
    let w = 64.min(area.width);
    let h = (lines.len() as u16 + 2).min(area.height.saturating_sub(1));
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + 1 + (area.height - 1 - h) / 2,
        w,
        h,
    );
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(st(ctx, "modal.border"))
        .title(format!(" {} ", ctx.t(&i18n::LOCK_TITLE)))
        .style(st(ctx, "base"));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    if lock.needs_passphrase && area.height > 1 {
        let hint = clip(
            &format!(" {}", ctx.t(&i18n::LOCK_HINT)),
            area.width as usize,
        );
        frame.render_widget(
            Paragraph::new(hint).style(st(ctx, "footer.text")),
            Rect::new(area.x, area.bottom() - 1, area.width, 1),
        );
    }
}

fn body(ctx: &crate::app::Ctx, lock: &Lock) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if lock.needs_passphrase {
        lines.push(Line::styled(
            ctx.t(&i18n::LOCK_ENTER).to_string(),
            st(ctx, "base"),
        ));
        // Only how many characters are typed, never which.
        let dots = "•".repeat(lock.typed.chars().count().min(40));
        lines.push(Line::styled(
            format!("{}{dots}", ctx.t(&i18n::PASSPHRASE)),
            st(ctx, "base"),
        ));
    } else {
        lines.push(Line::styled(
            ctx.t(&i18n::LOCK_ANY_KEY).to_string(),
            st(ctx, "base"),
        ));
    }
    if let Some(e) = &lock.error {
        lines.push(Line::styled(format!("✗ {e}"), st(ctx, "message.error")));
    }
    lines.push(Line::styled(
        ctx.t(&i18n::LOCK_KEEPS).to_string(),
        st(ctx, "muted"),
    ));
    lines
}
