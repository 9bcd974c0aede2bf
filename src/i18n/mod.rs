//! Every text the user sees, in Chinese (default) and English (R9.3).
//!
//! A text is a pair; the screen picks one with `lang.t(&X)`. Texts that take values are
//! functions here too. One file per screen plus the papers; this one holds what every
//! screen shares. Everything is re-exported here, so a text is always `i18n::NAME`.
mod backoffice;
mod console;
mod dashboard;
mod export;
mod followup;
mod guard;
mod office_forms;
mod office_msg;
mod office_words;
mod papers;
mod safety;
mod store_words;

use crate::domain::attendance::Punctuality;
pub use backoffice::*;
pub use console::*;
pub use dashboard::*;
pub use export::*;
pub use followup::*;
pub use guard::*;
pub use office_forms::*;
pub use office_msg::*;
pub use office_words::*;
pub use papers::*;
pub use safety::*;
pub use store_words::*;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "cn" | "中文" => Some(Self::Zh),
            "en" | "english" => Some(Self::En),
            _ => None,
        }
    }

    pub fn t(self, text: &Tr) -> &'static str {
        match self {
            Self::Zh => text.0,
            Self::En => text.1,
        }
    }

    pub fn other(self) -> Self {
        match self {
            Self::Zh => Self::En,
            Self::En => Self::Zh,
        }
    }

    pub(crate) fn pick(self, zh: String, en: String) -> String {
        match self {
            Self::Zh => zh,
            Self::En => en,
        }
    }
}

/// A text in (Chinese, English).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tr(pub &'static str, pub &'static str);

// Status line.
pub const SAVED: Tr = Tr("已保存", "Saved");
pub const SAVING: Tr = Tr("保存中…", "Saving…");
pub const SAVE_FAILED: Tr = Tr("保存失败，正在重试", "SAVE FAILED, retrying");
pub const READ_ONLY: Tr = Tr("只读", "Read-only");
pub const DEMO_MARK: Tr = Tr("演示", "DEMO");
pub const FORM_KEYS: Tr = Tr("表单", "Forms");
pub const EXPORT_WAITING: Tr = Tr(
    "正在保存，保存完成后导出",
    "Saving first: the export follows when everything is on the disk",
);
pub const NO_EXPORT_DIR: Tr = Tr(
    "内存数据库无处导出",
    "An in-memory database has nowhere to export to",
);
pub const MEETING_ELAPSED: Tr = Tr("会议", "Meeting");
pub const TOPIC_ELAPSED: Tr = Tr("本议题", "Topic");
pub const OPERATOR: Tr = Tr("操作员", "Operator");
pub const DEMO_LOADED: Tr = Tr(
    "数据库中还没有会议，已载入演示会议。",
    "The database had no meeting yet: the demo meeting is loaded.",
);
pub const UNKNOWN_KEY: Tr = Tr(
    "此处无此按键，按 F1 查看全部按键",
    "No such key here: F1 shows all keys",
);
pub const BAD_TIME: Tr = Tr(
    "时间格式应为 HH:MM，例如 08:52",
    "Time must be HH:MM, e.g. 08:52",
);
pub const NOTHING_SELECTED: Tr = Tr("没有选中人员", "Nobody selected");
pub const ALREADY_IN: Tr = Tr("此人已签到", "Already signed in");

/// The words shown when the window is too small, the longest that fits in `width`
/// columns: the full sentence, then shorter, down to the size alone.
pub fn too_small(lang: Lang, w: u16, h: u16, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let long = lang.pick(
        format!("窗口太小，至少需要 {w}×{h}"),
        format!("Window too small: at least {w}×{h} needed"),
    );
    let short = lang.pick(format!("至少 {w}×{h}"), format!("need {w}×{h}"));
    let bare = format!("{w}×{h}");
    [long, short, bare]
        .into_iter()
        .find(|s| s.width() <= width)
        .unwrap_or_default()
}

/// What is wrong with a field's value, in words.
pub fn problem(lang: Lang, p: &crate::domain::validate::Problem) -> String {
    use crate::domain::validate::Problem as P;
    match p {
        P::Required => lang.t(&Tr("必填", "Required")).to_string(),
        P::BadTime => lang.t(&BAD_TIME).to_string(),
        P::BadDate => lang.t(&BAD_DATE).to_string(),
        P::BadNumber => lang.t(&Tr("应为数字", "Must be a number")).to_string(),
        P::NotAChoice => lang
            .t(&Tr("请从列表中选择", "Choose from the list"))
            .to_string(),
        P::NotOnList => lang
            .t(&Tr(
                "不在名单中（名册 Alt-8 可添加或导入人员）",
                "Not on the list (the roster, Alt-8, adds or imports people)",
            ))
            .to_string(),
        P::InFuture => lang
            .t(&Tr("时间晚于现在", "This time is in the future"))
            .to_string(),
        P::InPast => lang
            .t(&Tr("该时间已过", "That time has passed"))
            .to_string(),
        P::TooLong { max } => lang.pick(
            format!("不超过 {max} 字"),
            format!("At most {max} characters"),
        ),
        P::Rule(code) => rule(lang, code),
    }
}

pub fn punctuality(lang: Lang, p: Punctuality) -> Option<String> {
    match p {
        Punctuality::OnTime => None,
        Punctuality::NotEarly { .. } => Some(lang.pick("未提前到会".into(), "not early".into())),
        Punctuality::Late { minutes } => Some(lang.pick(
            format!("迟到 {minutes} 分钟"),
            format!("late {minutes} min"),
        )),
    }
}

pub fn overdue(lang: Lang, minutes: i64) -> String {
    lang.pick(
        format!("已迟 {minutes} 分钟"),
        format!("{minutes} min overdue"),
    )
}

pub fn signed_in(lang: Lang, name: &str, hhmm: &str, flag: Option<&str>) -> String {
    let flag_zh = flag.map(|f| format!("（{f}）")).unwrap_or_default();
    let flag_en = flag.map(|f| format!(" ({f})")).unwrap_or_default();
    lang.pick(
        format!("{name} 已于 {hhmm} 签到{flag_zh}"),
        format!("{name} signed in at {hhmm}{flag_en}"),
    )
}

pub fn sign_in_not_open(lang: Lang, opens: &str) -> String {
    lang.pick(
        format!("签到于 {opens} 开始；已照常记录"),
        format!("Sign-in opens at {opens}; recorded all the same"),
    )
}

/// Before advancing: who of the next topic waits outside uncalled, who has not come.
pub fn missing_before_advance(lang: Lang, waiting: &str, absent: &str) -> String {
    let mut zh = Vec::new();
    let mut en = Vec::new();
    if !waiting.is_empty() {
        zh.push(format!("在候会室、尚未叫入：{waiting}"));
        en.push(format!("waiting outside, not called in: {waiting}"));
    }
    if !absent.is_empty() {
        zh.push(format!("尚未到达：{absent}"));
        en.push(format!("not arrived: {absent}"));
    }
    lang.pick(
        format!("下一议题人员——{}。仍要进入下一议题吗？", zh.join("；")),
        format!("Next topic's people — {}. Advance anyway?", en.join("; ")),
    )
}

pub fn close_meeting_confirm(lang: Lang) -> String {
    lang.pick(
        "这是最后一个议题。结束议题并散会？".into(),
        "This is the last topic. End it and close the meeting?".into(),
    )
}

pub fn called_in(lang: Lang, names: &str) -> String {
    lang.pick(format!("已叫入：{names}"), format!("Called in: {names}"))
}

pub fn clear_confirm(lang: Lang, name: &str) -> String {
    lang.pick(
        format!("撤销 {name} 今天的签到记录（更正）？原记录仍留在审计日志中。"),
        format!(
            "Undo {name}'s attendance today (a correction)? The audit log keeps the old record."
        ),
    )
}

pub fn saved_at(lang: Lang, hms: &str) -> String {
    format!("{} {hms}", lang.t(&SAVED))
}

pub const NOBODY_WAITING: Tr = Tr(
    "候会室中没有待叫入的人员",
    "Nobody is waiting to be called in",
);
pub const NO_ALTERNATIVES: Tr = Tr(
    "该议题只有一个方案",
    "This topic proposed a single solution",
);
pub const NEED_OUTCOME: Tr = Tr("请先选择结果（o）", "Choose an outcome first (o)");
pub const NEED_TEXT: Tr = Tr(
    "请先填写决定内容（Enter）",
    "Write the decided text first (Enter)",
);
pub const BAD_DATE: Tr = Tr(
    "日期格式应为 YYYY-MM-DD 或 MM-DD",
    "Date must be YYYY-MM-DD or MM-DD",
);
pub const F_DEADLINE: Tr = Tr("完成时限（YYYY-MM-DD）", "Deadline (YYYY-MM-DD)");

pub fn exported(lang: Lang, path: &str) -> String {
    lang.pick(
        format!("会议记录已导出：{path}"),
        format!("Record exported: {path}"),
    )
}

pub fn export_failed(lang: Lang, path: &str, why: &str) -> String {
    lang.pick(
        format!("导出失败 {path}：{why}"),
        format!("Export failed {path}: {why}"),
    )
}
pub const CURRENT: Tr = Tr("当前", "now");
pub const TOPIC: Tr = Tr("议题", "Topic");
pub const HELP_CLOSE: Tr = Tr("任意键关闭帮助", "Any key closes help");
pub const PAGE_HINT: Tr = Tr(
    "↑↓ PgUp PgDn 翻看 · 其他键关闭",
    "↑↓ PgUp PgDn scroll · any other key closes",
);
pub const PICKER_HINT: Tr = Tr(
    "输入姓名或拼音首字母筛选 · ↑↓ 选择 · Enter 确定（名单外：输入姓名后 Enter）· Esc 取消",
    "Type a name or initials · ↑↓ choose · Enter OK (not on the list: type the name, Enter) · Esc cancel",
);

pub const PICKER_HINT_PEOPLE: Tr = Tr(
    "输入姓名或拼音首字母筛选 · ↑↓ 选择 · Enter 确定 · Esc 取消",
    "Type a name or initials · ↑↓ choose · Enter OK · Esc cancel",
);
pub const PICKER_HINT_ITEMS: Tr = Tr(
    "输入文字筛选 · ↑↓ 选择 · Enter 确定 · Esc 取消",
    "Type to filter · ↑↓ choose · Enter OK · Esc cancel",
);

pub const NO_DATA_DIR: Tr = Tr(
    "找不到数据目录：请用 --db 指定数据库文件",
    "No data directory found: name the database with --db",
);
pub const UNSAVED_LOST: Tr = Tr(
    "有内容未能保存，且无法写入应急文件",
    "Some text could not be saved, nor written to an emergency file",
);
pub const PANICKED: Tr = Tr(
    "程序内部错误，已退出；已输入的内容均已保存",
    "Internal error, the program stopped; everything typed was saved",
);

pub fn demo_ready(lang: Lang, id: i64) -> String {
    lang.pick(
        format!("演示会议已就绪（编号 {id}）"),
        format!("Demo meeting ready (id {id})"),
    )
}

pub fn bad_format(lang: Lang, f: &str) -> String {
    lang.pick(
        format!("未知格式 {f}：可用 md、txt 或 docx"),
        format!("Unknown format {f}: use md, txt or docx"),
    )
}

pub fn no_department(lang: Lang, d: &str) -> String {
    lang.pick(
        format!("本次会议没有要通知的部门：{d}"),
        format!("No department to notify of that name for this meeting: {d}"),
    )
}

pub fn no_meeting(lang: Lang, which: &str) -> String {
    lang.pick(
        format!("没有这个会议：{which}"),
        format!("No such meeting: {which}"),
    )
}

pub fn unsaved_file(lang: Lang, path: &str) -> String {
    lang.pick(
        format!("数据库无法保存的内容已写入 {path}"),
        format!("Text the database would not take was written to {path}"),
    )
}

/// A `[keys]` line that was not used.
pub fn binding_problem(lang: Lang, p: &crate::app::keymap::BindingProblem) -> String {
    use crate::app::keymap::BindingProblem as B;
    match p {
        B::UnknownAction(a) => lang.pick(
            format!("[keys] {a}：没有这个操作"),
            format!("[keys] {a}: unknown action"),
        ),
        B::BadKey { action, why } => lang.pick(
            format!("[keys] {action}：按键无法识别（{why}）"),
            format!("[keys] {action}: {why}"),
        ),
        B::TakesTyping { action, key } => lang.pick(
            format!("[keys] {action} = \"{key}\"：单个字符键会抢走记录员的输入，未采用"),
            format!(
                "[keys] {action} = \"{key}\": a plain character would be taken from the recorder's typing; not used"
            ),
        ),
    }
}

pub const QUIT_SAVING: Tr = Tr("正在保存，完成后退出……", "Saving before quitting…");
pub const FORM_WRITE_TO: Tr = Tr("另存未保存的内容", "Write the unsaved text elsewhere");
pub const WRITE_TO_HINT: Tr = Tr(
    "写入一个新文件（仅本人可读），例如 U 盘上的路径",
    "A new file, readable by you only, e.g. on a USB stick",
);
pub const BACK: Tr = Tr("返回", "Back");
pub const F_PATH: Tr = Tr("文件路径", "File path");

/// Neither the database nor the emergency file takes the text.
pub fn nowhere_to_save(lang: Lang, chars: usize, why: &str) -> String {
    lang.pick(
        format!("数据库和应急文件都无法写入（{why}）。有 {chars} 字尚未保存，仍在屏幕上。r 重试 · e 另存到其他位置 · d 放弃 · Esc 返回"),
        format!("Neither the database nor the emergency file can be written ({why}). {chars} characters are not saved; they are still on screen. r retry · e write elsewhere · d discard · Esc back"),
    )
}

/// The last word before discarding unsaved text.
pub fn discard_confirm(lang: Lang, chars: usize) -> String {
    lang.pick(
        format!("放弃后这 {chars} 字将永久丢失，确定放弃并退出吗？"),
        format!("These {chars} characters will be lost for good. Discard them and quit?"),
    )
}

/// An emergency file from an earlier run was found.
pub fn restore_offer(lang: Lang, path: &str, chars: usize, when: &str) -> String {
    lang.pick(
        format!("发现上次未能存入数据库的内容：{path}（{when}，{chars} 字）。r 恢复到原条目（记入审计日志）· l 暂不处理"),
        format!("Text an earlier run could not save was found: {path} ({when}, {chars} characters). r bring it back into its entries (kept in the audit log) · l leave it"),
    )
}

/// `encrypt` / `decrypt` wait until the emergency files are brought back or removed.
pub fn emergency_first(lang: Lang, n: usize, first: &str) -> String {
    lang.pick(
        format!("还有 {n} 个应急文件未恢复（如 {first}）：请先启动 huiwu 恢复或移走后再转换"),
        format!(
            "{n} emergency file(s) not brought back yet (e.g. {first}): start huiwu to bring them back, or move them away, then convert"
        ),
    )
}

/// An emergency file that cannot be read: a plain one a person can still open; a sealed
/// one only with the database's passphrase (as it was when the file was written).
pub fn restore_unreadable(lang: Lang, path: &str, why: &str, sealed: bool) -> String {
    match sealed {
        false => lang.pick(
            format!("应急文件 {path} 无法读取（{why}），请用文本编辑器打开查看"),
            format!("The emergency file {path} cannot be read ({why}): open it in a text editor"),
        ),
        true => lang.pick(
            format!("应急文件 {path} 无法读取（{why}）：它以写入时的数据库口令加密，请用该口令打开数据库后再恢复"),
            format!(
                "The emergency file {path} cannot be read ({why}): it is sealed with the database's passphrase as it was when written; open the database with that passphrase to bring it back"
            ),
        ),
    }
}

pub fn restored(lang: Lang, chars: usize) -> String {
    lang.pick(
        format!("已恢复 {chars} 字，正在存入数据库"),
        format!("{chars} characters brought back, on their way to the database"),
    )
}

pub const READ_ONLY_NOTE: Tr = Tr(
    "数据库无法写入（只读介质或只读文件）：只能查看和导出，不能修改",
    "The database cannot be written (read-only medium or file): you can look and export, not change",
);
pub const READ_ONLY_REFUSED: Tr = Tr(
    "只读：此数据库不能修改",
    "Read-only: this database cannot be changed",
);

pub fn discarded(lang: Lang, chars: usize) -> String {
    lang.pick(
        format!("已按要求放弃 {chars} 字未保存的内容"),
        format!("{chars} unsaved characters discarded as asked"),
    )
}

pub const HISTORY_THERE: Tr = Tr(
    "演示会议之前已有会议，不再生成历史数据",
    "There are meetings before the demo already: no history generated",
);
pub const HISTORY_MEETINGS: Tr = Tr("次会议", "meetings");

/// What `huiwu demo --years N` wrote.
pub fn history_made(lang: Lang, g: &crate::demo::Generated) -> String {
    lang.pick(
        format!(
            "已生成 {} 次会议、{} 个议题、{} 条发言（{} 字）、{} 条签到记录、{} 项决定、{} 条督办记录",
            g.meetings, g.topics, g.entries, g.characters, g.attendance_events, g.decisions, g.notes
        ),
        format!(
            "Generated {} meetings, {} topics, {} entries ({} characters), {} attendance events, {} decisions, {} follow-up notes",
            g.meetings, g.topics, g.entries, g.characters, g.attendance_events, g.decisions, g.notes
        ),
    )
}
