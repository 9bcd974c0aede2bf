//! Words of the guards (issue 10): edit leases between terminals and the screen lock.
use super::{Lang, Tr};

// Edit leases.
pub fn edited_by(lang: Lang, operator: &str) -> String {
    lang.pick(
        format!("正在由 {operator} 编辑"),
        format!("being edited by {operator}"),
    )
}

/// An edit refused because another terminal holds the lease (`entry`: the recorder's
/// entry, where another entry or a new one is the way on).
pub fn read_only_leased(lang: Lang, operator: &str, entry: bool) -> String {
    match (lang, entry) {
        (Lang::Zh, true) => {
            format!("正在由 {operator} 编辑：此处只读，待其离开后可编辑（Alt-↓ 换条目，F3 新发言）")
        }
        (Lang::Zh, false) => format!("正在由 {operator} 编辑：此处只读，待其完成后可编辑"),
        (Lang::En, true) => format!(
            "Being edited by {operator}: read-only here until they leave it (Alt-Down another entry, F3 a new one)"
        ),
        (Lang::En, false) => {
            format!("Being edited by {operator}: read-only here until they are done")
        }
    }
}

/// A lease whose holder stopped renewing it: take it over?
pub fn take_over_question(lang: Lang, operator: &str, seconds: i64) -> String {
    lang.pick(
        format!(
            "{operator} 的终端已 {seconds} 秒没有响应（可能已关闭或死机），但仍占用此处的编辑。接管编辑？对方尚未保存的内容不会写入。"
        ),
        format!(
            "{operator}'s terminal has not answered for {seconds} s (closed or hung?) but still holds this. Take over editing? Anything they had not saved will not be written."
        ),
    )
}

pub const TAKEN_OVER: Tr = Tr("已接管，请继续输入", "Taken over: go on typing");

/// The database refused a write because another terminal holds the lease.
pub fn leased_error(lang: Lang, operator: &str) -> String {
    lang.pick(
        format!(
            "未写入：此处正在由 {operator} 编辑。您的内容保留在本终端，退出时存入应急文件，不会覆盖对方的文字"
        ),
        format!(
            "Not written: {operator} is editing this. Your text is kept in this terminal and goes to the emergency file on exit; theirs is not overwritten"
        ),
    )
}

// Screen lock.
pub const LOCKED: Tr = Tr("已锁定", "Locked");
pub const LOCK_TITLE: Tr = Tr("屏幕已锁定", "Screen locked");
pub const LOCK_ENTER: Tr = Tr(
    "输入操作员口令，按 Enter 解锁",
    "Type the operator's passphrase and press Enter to unlock",
);
pub const LOCK_ANY_KEY: Tr = Tr(
    "未设置口令：按任意键解锁。（设置口令：huiwu passphrase）",
    "No passphrase set: any key unlocks. (Set one with: huiwu passphrase)",
);
pub const LOCK_KEEPS: Tr = Tr(
    "锁定期间继续保存，未完成的表单和文字都保留",
    "Saving goes on while locked; open forms and text are kept",
);
pub const PASSPHRASE: Tr = Tr("口令：", "Passphrase: ");
pub const WRONG_PASSPHRASE: Tr = Tr("口令错误", "Wrong passphrase");
pub const LOCK_HINT: Tr = Tr(
    "Enter 解锁  Backspace 删除  Esc 清空",
    "Enter unlock  Backspace delete  Esc clear",
);

pub fn passphrase_unreadable(lang: Lang, why: &str) -> String {
    lang.pick(
        format!("无法读取口令（{why}），保持锁定"),
        format!("Cannot read the passphrase ({why}); staying locked"),
    )
}

// The `huiwu passphrase` command.
pub const PASSPHRASE_NEW: Tr = Tr("新口令：", "New passphrase: ");
pub const PASSPHRASE_AGAIN: Tr = Tr("再输入一次：", "Again: ");
pub const PASSPHRASE_MISMATCH: Tr = Tr(
    "两次输入不一致，口令未改",
    "The two entries differ; the passphrase is unchanged",
);
pub const PASSPHRASE_EMPTY: Tr = Tr(
    "口令不能为空（清除口令用 huiwu passphrase --clear），口令未改",
    "A passphrase cannot be empty (to remove it: huiwu passphrase --clear); unchanged",
);

pub fn passphrase_set(lang: Lang, operator: &str) -> String {
    lang.pick(
        format!("已为操作员 {operator} 设置锁屏口令"),
        format!("The screen-lock passphrase of {operator} is set"),
    )
}

pub fn passphrase_cleared(lang: Lang, operator: &str) -> String {
    lang.pick(
        format!("已清除操作员 {operator} 的锁屏口令：锁屏后按任意键即可解锁"),
        format!("The passphrase of {operator} is removed: any key unlocks the screen"),
    )
}
