//! Database problems in words the user can act on (R9.1): at start, while saving, and
//! on the status line.
use super::{Lang, NO_ENCRYPTION, SAVE_FAILED, Tr, in_use, leased_error, wrong_passphrase};
use crate::store::StoreError;

/// The status line's word for a failed save: a refusal that may pass is retried; one
/// that cannot is kept for the emergency file.
pub fn save_failed_short(lang: Lang, e: &StoreError) -> String {
    if e.is_transient() {
        lang.t(&SAVE_FAILED).to_string()
    } else {
        lang.t(&Tr("未能保存", "NOT SAVED")).to_string()
    }
}

/// Why the database could not be opened at start: as `store_error`, but nothing is
/// being kept or retried yet, so the words do not promise it.
pub fn open_error(lang: Lang, e: &StoreError) -> String {
    match e {
        StoreError::Locked => lang.pick(
            "数据库正被其他程序锁定（已等待 5 秒），未能打开。请关闭该程序后再启动".into(),
            "The database is locked by another program (waited 5 s) and could not be opened. Close that program and start again".into(),
        ),
        StoreError::DiskFull => lang.pick(
            "磁盘已满，无法打开数据库。请腾出空间后再启动".into(),
            "The disk is full: the database cannot be opened. Free some space and start again".into(),
        ),
        other => store_error(lang, other),
    }
}

/// A database problem, in words the user can act on.
pub fn store_error(lang: Lang, e: &StoreError) -> String {
    match e {
        StoreError::CannotCreate { path, source } => lang.pick(
            format!("无法创建或打开数据库 {}：{source}", path.display()),
            format!("Cannot create or open the database {}: {source}", path.display()),
        ),
        StoreError::WrongPassphrase { path } => wrong_passphrase(lang, path),
        StoreError::InUse { path } => in_use(lang, path),
        StoreError::NoEncryption => lang.t(&NO_ENCRYPTION).to_string(),
        StoreError::NoSuchDatabase { path } => lang.pick(
            format!("没有这个数据库：{}", path.display()),
            format!("No such database: {}", path.display()),
        ),
        StoreError::EmptyFile { path } => lang.pick(
            format!("{} 是空文件，不是会务（huiwu）数据库", path.display()),
            format!("{} is an empty file, not a huiwu database", path.display()),
        ),
        StoreError::NotHuiwu { path } => lang.pick(
            format!("{} 不是会务（huiwu）数据库，未做任何改动", path.display()),
            format!("{} is not a huiwu database; nothing was changed", path.display()),
        ),
        StoreError::TooNew { path, found, known } => lang.pick(
            format!("{} 由更新版本的程序写入（结构 {found}，本程序支持 {known}），请升级程序", path.display()),
            format!("{} was written by a newer huiwu (schema {found}, this knows {known}): please upgrade", path.display()),
        ),
        StoreError::Interrupted => lang.pick(
            "保存被中断；内容保留在内存中".into(),
            "Saving was interrupted; the text is kept in memory".into(),
        ),
        StoreError::Locked => lang.pick(
            "数据库被其他程序锁定，稍后重试；已输入的内容保留在内存中".into(),
            "The database is locked by another program; retrying, your text is kept in memory".into(),
        ),
        StoreError::ReadOnly(m) => lang.pick(
            format!("数据库无法写入（{m}）；内容保留在内存中，正在重试"),
            format!("The database cannot be written ({m}); text kept in memory, retrying"),
        ),
        StoreError::DiskFull => lang.pick(
            "磁盘已满；内容保留在内存中，正在重试".into(),
            "The disk is full; text kept in memory, retrying".into(),
        ),
        StoreError::Corrupt(m) => lang.pick(
            format!("会务数据库已损坏（{m}）。请用备份恢复，并用 huiwu check 查看损坏之处"),
            format!("The huiwu database is damaged ({m}). Restore a backup; huiwu check lists the damage"),
        ),
        StoreError::BadData(m) => lang.pick(
            format!("数据有误：{m}；未能保存的内容将在退出时写入应急文件"),
            format!("Bad data: {m}; what could not be saved goes to the emergency file on exit"),
        ),
        StoreError::Sqlite(m) => lang.pick(format!("数据库错误：{m}"), format!("Database error: {m}")),
        StoreError::Migration(m) => lang.pick(
            format!("数据库结构升级失败：{m}"),
            format!("Schema upgrade failed: {m}"),
        ),
        StoreError::Leased { operator } => leased_error(lang, operator),
    }
}
