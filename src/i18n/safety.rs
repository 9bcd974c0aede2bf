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

pub const CANCELLED: Tr = Tr("已取消", "Cancelled");
pub const NEW_PASSPHRASE: Tr = Tr("新口令（不显示）：", "New passphrase (not shown): ");
pub const EMPTY_PASSPHRASE: Tr = Tr("口令不能为空", "The passphrase cannot be empty");
pub const PASSPHRASES_DIFFER: Tr = Tr(
    "两次输入的口令不一致，请重新输入",
    "The two passphrases differ: type it again",
);
pub const ALREADY_ENCRYPTED: Tr = Tr(
    "数据库已经加密（或不是 SQLite 文件），未做任何改动",
    "The database is encrypted already (or not an SQLite file); nothing was changed",
);
pub const NOT_ENCRYPTED: Tr = Tr(
    "数据库没有加密，未做任何改动",
    "The database is not encrypted; nothing was changed",
);
pub const NO_HEAD_FILE: Tr = Tr(
    "链头文件：无（数据库所在目录中没有 .head 文件，无法判断最近的更改是否丢失）",
    "Head file: none (no .head file beside the database: cannot tell whether recent changes were lost)",
);
pub const AUDIT_SHOW_HEADER: Tr = Tr(
    "编号  时间  操作员  操作 对象  字段：原值 → 新值",
    "Row  When  Operator  Action object  field: old → new",
);
pub const RESTORE_SAME_FILE: Tr = Tr(
    "要恢复的文件就是当前数据库本身",
    "The file to restore is the database itself",
);
pub const NOT_RESTORED: Tr = Tr("未恢复，未做任何改动", "Not restored; nothing was changed");

/// What the passphrase is for.
pub fn passphrase_prompt(lang: Lang, db: &Path) -> String {
    lang.pick(
        format!("{} 已加密。口令（不显示）：", db.display()),
        format!("{} is encrypted. Passphrase (not shown): ", db.display()),
    )
}

/// The chain in one line: sound with its head, not chained yet, or its first bad row.
/// A paper's printed chain end that the trail no longer holds.
pub fn audit_paper_differs(lang: Lang, label: &str) -> String {
    lang.pick(
        format!("与纸面不符：审计链 {label} 已不在或已被改写"),
        format!("Does not match the paper: audit chain {label} is gone or rewritten"),
    )
}

pub fn chain_summary(lang: Lang, c: &crate::store::verify::ChainReport) -> String {
    if !c.chained {
        return lang.pick(
            "审计链：此数据库来自较早的版本，尚未建立审计链（以读写方式打开一次即建立）".into(),
            "Audit chain: none yet, the database is from an older version (opening it to write makes it)".into(),
        );
    }
    match (&c.first_break, &c.head) {
        (Some(b), _) => chain_break(lang, b),
        (None, Some(h)) => lang.pick(
            format!("审计链：{} 条记录完好，链头 {}", c.rows, h.label()),
            format!("Audit chain: {} rows sound, head {}", c.rows, h.label()),
        ),
        (None, None) => lang.pick("审计链：没有记录".into(), "Audit chain: no rows".into()),
    }
}

pub fn audit_rows(lang: Lang, n: usize) -> String {
    lang.pick(format!("共 {n} 条"), format!("{n} rows"))
}

pub fn backup_written(lang: Lang, path: &Path) -> String {
    lang.pick(
        format!("已备份到 {}", path.display()),
        format!("Backed up to {}", path.display()),
    )
}

/// The console's message line when an automatic backup failed.
pub fn backup_failed(lang: Lang, e: &crate::store::StoreError) -> String {
    let why = match e {
        crate::store::StoreError::DiskFull => {
            lang.pick("磁盘已满".into(), "the disk is full".into())
        }
        other => super::open_error(lang, other),
    };
    lang.pick(
        format!("自动备份失败：{why}。会议记录照常保存；请检查磁盘空间，或用 huiwu backup -o 备份到别处"),
        format!("The automatic backup failed: {why}. The record is still saved; check the disk space, or back up elsewhere with huiwu backup -o"),
    )
}

pub fn restore_refused(lang: Lang, why: &str) -> String {
    lang.pick(
        format!("不能用此文件恢复，未做任何改动：{why}"),
        format!("This file cannot be restored; nothing was changed: {why}"),
    )
}

/// The question before a restore: what comes in, what goes aside.
pub fn restore_question(
    lang: Lang,
    file: &Path,
    db: &Path,
    latest: Option<&crate::domain::meeting::Meeting>,
    head: Option<&ChainHead>,
) -> String {
    let meeting = latest
        .map(|m| format!("{} {}", m.starts_at.format("%Y-%m-%d %H:%M"), m.title))
        .unwrap_or_else(|| "—".into());
    let head = head.map(ChainHead::label).unwrap_or_else(|| "—".into());
    lang.pick(
        format!(
            "将用 {}（最近的会议：{meeting}；审计链头 {head}）替换 {}。\n当前数据库先另存到备份目录。确认恢复？输入 yes 确认：",
            file.display(),
            db.display()
        ),
        format!(
            "{} (latest meeting: {meeting}; audit head {head}) will replace {}.\nThe current database is kept in the backups folder first. Restore? Type yes: ",
            file.display(),
            db.display()
        ),
    )
}

pub fn database_restored(lang: Lang, db: &Path, aside: Option<&Path>) -> String {
    match aside {
        Some(a) => lang.pick(
            format!("已恢复 {}。原数据库另存为 {}", db.display(), a.display()),
            format!(
                "{} is restored. The database it replaced is kept as {}",
                db.display(),
                a.display()
            ),
        ),
        None => lang.pick(
            format!("已恢复 {}", db.display()),
            format!("{} is restored", db.display()),
        ),
    }
}

pub fn encrypted(lang: Lang, db: &Path, plain_backups: usize, folder: &Path) -> String {
    let mut text = lang.pick(
        format!(
            "{} 已加密。请牢记口令：遗失口令将无法打开数据库",
            db.display()
        ),
        format!(
            "{} is encrypted. Keep the passphrase safe: without it the database cannot be opened",
            db.display()
        ),
    );
    if plain_backups > 0 {
        text.push('\n');
        text.push_str(&lang.pick(
            format!("注意：{} 中还有 {plain_backups} 个加密前的备份，未加密；请妥善处理（删除或转移）", folder.display()),
            format!("Note: {} still holds {plain_backups} backups made before, unencrypted; remove or move them", folder.display()),
        ));
    }
    text
}

pub fn decrypted(lang: Lang, db: &Path) -> String {
    lang.pick(
        format!("{} 已解密，此后无需口令即可打开", db.display()),
        format!(
            "{} is decrypted: it opens without a passphrase from now on",
            db.display()
        ),
    )
}

pub const PASSPHRASE_TITLE: Tr = Tr(
    " 会务 huiwu · 数据库已加密 ",
    " huiwu · encrypted database ",
);
pub const PASSPHRASE_LABEL: Tr = Tr("口令：", "Passphrase: ");
pub const OPENING: Tr = Tr("正在打开…", "Opening…");
pub const PASSPHRASE_KEYS: Tr = Tr(
    "Enter 打开  Esc 退出  Ctrl-U 清空  F9 English",
    "Enter open  Esc quit  Ctrl-U clear  F9 中文",
);

pub fn encrypted_database(lang: Lang, db: &Path) -> String {
    lang.pick(
        format!("{} 已加密，请输入口令。", db.display()),
        format!("{} is encrypted: type its passphrase.", db.display()),
    )
}

/// The console's message line at start when the head file and the database disagree:
/// short enough for one line of an 80-column terminal, the rest is in `huiwu check`.
pub fn head_warning(lang: Lang, state: &HeadState) -> Option<String> {
    match state {
        HeadState::Lost { file, db } => {
            let from = db.as_ref().map_or(0, |d| d.row) + 1;
            Some(lang.pick(
                format!("⚠ 数据库缺少最近的更改（审计 #{from}–#{}）：-wal 可能在崩溃后被删。详见 huiwu check", file.row),
                format!("⚠ Latest changes missing (audit #{from}–#{}): the -wal may have been deleted after a crash. See huiwu check", file.row),
            ))
        }
        HeadState::Rewritten { file, .. } => Some(lang.pick(
            format!("⚠ 审计记录自 #{} 起被改写。详见 huiwu check", file.row),
            format!(
                "⚠ The audit trail was rewritten from #{}. See huiwu check",
                file.row
            ),
        )),
        HeadState::Unvouched { first, last, .. } => Some(lang.pick(
            format!("⚠ 审计 #{first}–#{last} 不是本程序保存的。详见 huiwu check"),
            format!("⚠ Audit rows #{first}–#{last} were not saved by huiwu. See huiwu check"),
        )),
        HeadState::NoFile | HeadState::Holds => None,
    }
}

/// A loss or rewrite the program found at a start and recorded in the trail.
pub fn chain_incident(lang: Lang, row: &crate::store::AuditLine) -> String {
    let was = row.old.as_deref().unwrap_or("—");
    let now = row.new.as_deref().unwrap_or("—");
    let what = match (row.action.as_str(), lang) {
        ("lost", Lang::Zh) => "发现更改丢失",
        ("rewritten", Lang::Zh) => "发现审计记录被改写",
        (_, Lang::Zh) => "发现程序之外添加的审计记录",
        ("lost", Lang::En) => "found changes lost",
        ("rewritten", Lang::En) => "found the audit trail rewritten",
        (_, Lang::En) => "found audit rows added outside the program",
    };
    lang.pick(
        format!("注意：{} {} 启动时{what}（链头应为 {was}，实为 {now}），已记入审计 #{}", row.at, row.operator, row.id),
        format!("Note: at {} {} started and {what} (head should be {was}, was {now}); recorded as audit #{}", row.at, row.operator, row.id),
    )
}

pub const RESTORE_UNENCRYPTED: Tr = Tr(
    "注意：当前数据库已加密，而这个备份没有加密；恢复后数据库将不再加密（之后可运行 huiwu encrypt 重新加密）",
    "Note: the database is encrypted and this backup is not; once restored, the database is no longer encrypted (run huiwu encrypt again after)",
);
