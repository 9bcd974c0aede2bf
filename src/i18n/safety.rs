//! Texts of keeping the record safe (issue 10): check, the audit chain and its head,
//! backups and restore, encryption.
use std::path::Path;

use super::{Lang, Tr};
use crate::store::chain::ChainHead;
use crate::store::verify::{Break, HeadState};

pub const NO_ENCRYPTION: Tr = Tr(
    "此版本的会务未编译加密功能（构建时关闭了 encryption 特性）",
    "This huiwu was built without encryption (the encryption feature was turned off)",
);

pub fn wrong_passphrase(lang: Lang, path: &Path) -> String {
    lang.pick(
        format!("口令错误或不是 huiwu 数据库：{}", path.display()),
        format!(
            "Wrong passphrase, or not a huiwu database: {}",
            path.display()
        ),
    )
}

pub fn in_use(lang: Lang, path: &Path) -> String {
    lang.pick(
        format!(
            "{} 正被其他程序（如另一个终端的会务）打开。请先在所有终端退出会务，再执行此操作",
            path.display()
        ),
        format!(
            "{} is open in another program (huiwu on another terminal?). Quit huiwu on every terminal first",
            path.display()
        ),
    )
}

/// The first bad row of the audit chain, and what it means.
pub fn chain_break(lang: Lang, b: &Break) -> String {
    match b {
        Break::Unhashed { id } => lang.pick(
            format!("审计记录 #{id} 没有有效的校验值：它是在程序之外添加或修改的"),
            format!("Audit row #{id} has no valid hash: it was added or changed outside the program"),
        ),
        Break::Altered { id } => lang.pick(
            format!("审计记录 #{id} 的内容与其校验值不符：它在程序之外被修改过"),
            format!("Audit row #{id} does not match its hash: it was edited outside the program"),
        ),
        Break::Inserted { id } => lang.pick(
            format!("审计记录 #{id} 不属于审计链：它是在程序之外插入的"),
            format!("Audit row #{id} is not part of the chain: it was inserted outside the program"),
        ),
        Break::Broken { after: Some(after), at } => lang.pick(
            format!(
                "审计链在 #{after} 与 #{at} 之间断开：其间的记录被删除，或 #{after} 被改写"
            ),
            format!(
                "The audit chain breaks between #{after} and #{at}: rows between them were deleted, or #{after} was rewritten"
            ),
        ),
        Break::Broken { after: None, at } => lang.pick(
            format!("审计链在 #{at} 之前断开：最早的记录被删除"),
            format!("The audit chain breaks before #{at}: its first rows were deleted"),
        ),
    }
}

fn head_label(h: &Option<ChainHead>) -> String {
    h.as_ref()
        .map(ChainHead::label)
        .unwrap_or_else(|| "—".into())
}

/// What the head file beside the database says against the database; none when it holds.
pub fn head_problem(lang: Lang, state: &HeadState) -> Option<String> {
    match state {
        HeadState::Lost { file, db } => {
            let n = file.row - db.as_ref().map_or(0, |d| d.row);
            Some(lang.pick(
                format!(
                    "数据库缺少最近的 {n} 条审计记录（程序记下的链头为 {}，数据库中为 {}）：上次崩溃后 -wal 文件可能被删除，或数据库被旧副本替换，其间的更改已丢失。请用备份恢复（huiwu restore），并核对纸质记录",
                    file.label(),
                    head_label(db)
                ),
                format!(
                    "The database lacks its latest {n} audit rows (the program recorded head {}, the database ends at {}): the -wal file may have been deleted after a crash, or an older copy put in place; those changes are lost. Restore a backup (huiwu restore) and compare with the paper record",
                    file.label(),
                    head_label(db)
                ),
            ))
        }
        HeadState::Rewritten { file, db } => Some(lang.pick(
            format!(
                "审计链与程序记下的链头 {} 不符（数据库中为 {}）：审计记录自该处起被改写。请用备份恢复，并核对纸质记录",
                file.label(),
                head_label(db)
            ),
            format!(
                "The audit chain does not hold the head the program recorded, {} (the database has {}): the audit trail was rewritten from there. Restore a backup and compare with the paper record",
                file.label(),
                head_label(db)
            ),
        )),
        HeadState::Unvouched { file, first, last } => Some(lang.pick(
            format!(
                "审计记录 #{first}–#{last} 在程序记下的链头 {} 之后，不是本程序保存的：它们是在程序之外添加的（或保存时链头文件无法写入）。请用 huiwu audit show 核对这些记录",
                file.label()
            ),
            format!(
                "Audit rows #{first}–#{last} come after the head the program recorded, {}: they were added outside the program (or saved while the head file could not be written). Look at them with huiwu audit show",
                file.label()
            ),
        )),
        HeadState::NoFile | HeadState::Holds => None,
    }
}
