//! The back office's forms: their titles, hints and field labels.
use super::{Lang, Tr};

// Form titles.
pub const FORM_EXTRA_MEETING: Tr = Tr("临时会议", "Extra meeting");
pub const EXTRA_MEETING_HINT: Tr = Tr(
    "急需临时召开：议题经审批表提出",
    "Urgent: its topic comes by the approval form",
);
pub const FORM_EDIT_MEETING: Tr = Tr("修改会议", "Edit meeting");
pub const FORM_TOPIC_FILTER: Tr = Tr("筛选议题", "Filter topics");
pub const FORM_REVIEW: Tr = Tr("办公室审核（逐项记录）", "Office review (one item)");
pub const FORM_OVER_NORM: Tr = Tr("超过5项议题的理由", "Why more than 5 topics");
pub const FORM_ADD_BY_TITLE: Tr = Tr("按职务添加", "Add by title");
pub const FORM_SIGN: Tr = Tr("呈报表签批", "Sign the submission");
pub const FORM_SEND_BACK: Tr = Tr("退回办公室", "Send back to the office");
pub const FORM_COVERAGE: Tr = Tr("新闻报道/录像/拍照", "Press / video / photos");
pub const FORM_BOOKING: Tr = Tr("落实会场", "Book the rooms");
pub const FORM_NOTICE: Tr = Tr("会议通知", "Meeting notice");
pub const FORM_REPLY: Tr = Tr("反馈参会人员名单", "Reply with attendees");
pub const FORM_DELIVERY: Tr = Tr("材料送达", "Materials delivered");
pub const FORM_COPIES: Tr = Tr("涉密材料编号", "Number classified copies");
pub const FORM_SECRECY: Tr = Tr("文件密级和保密期限", "Classification of the papers");
pub const F_SECRECY_LEVEL: Tr = Tr("密级", "Level");
pub const F_SECRECY_YEARS: Tr = Tr("保密期限（年）", "Period (years)");
pub const NO_SECRECY_LEVEL: Tr = Tr("不标密级", "No level");
pub const FORM_OUT_REASON: Tr = Tr("涉密材料未收回的理由", "Why a classified copy is still out");
pub const FORM_NEW_PERSON: Tr = Tr("新增人员", "Add a person");
pub const FORM_EDIT_PERSON: Tr = Tr("修改人员", "Edit a person");
pub const FORM_IMPORT: Tr = Tr("导入名册（CSV）", "Import the roster (CSV)");
pub const IMPORT_HINT: Tr = Tr(
    "首行为列名：姓名,职务,部门,电话[,首字母]",
    "First line names the columns: name,title,department,phone[,initials]",
);
pub const FORM_DAY: Tr = Tr("增补日期", "Add a day");
pub const FORM_YEAR: Tr = Tr("录入年份", "Declare a year covered");
pub const YEAR_HINT: Tr = Tr(
    "录入该年全部放假和调休日期后，注明依据（国务院办公厅通知）",
    "Once the year's days are entered, name their source (the State Council's notice)",
);
pub const FORM_IMPORT_CALENDAR: Tr = Tr("导入日历文件", "Import a calendar file");
pub const CALENDAR_FILE_HINT: Tr = Tr(
    "格式同 calendars/cn.toml：[[year]] year, source, holidays, makeup_days",
    "Same format as calendars/cn.toml: [[year]] year, source, holidays, makeup_days",
);
pub const PICK_CHAIR: Tr = Tr(
    "主持人（主要领导或分管领导）",
    "Chair (principal or deputy)",
);
pub const PICK_CHANNEL: Tr = Tr("提出议题渠道", "How the topic comes");
pub const PICK_TOPIC: Tr = Tr("可上会的议题", "Ready topics");
pub const PICK_HOLDER: Tr = Tr("发给谁", "Hand to whom");

// Field labels.
pub const F_DATE: Tr = Tr("日期（YYYY-MM-DD）", "Date (YYYY-MM-DD)");
pub const F_TITLE: Tr = Tr("名称", "Title");
pub const F_ROOM: Tr = Tr("会议室", "Room");
pub const F_WAITING_ROOM: Tr = Tr("候会室（不需要则留空）", "Waiting room (blank: none)");
pub const F_TOPIC_TITLE: Tr = Tr("议题名称", "Title");
pub const F_SUBMITTING_DEPARTMENT: Tr = Tr("申报部门", "Submitting department");
pub const F_DEPUTY: Tr = Tr("分管局领导", "Deputy leader in charge");
pub const F_CHANNEL: Tr = Tr("提出渠道", "Channel");
pub const F_SCOPE: Tr = Tr("议题范围（第1–5、7–9类）", "Scope category (1–5, 7–9)");
pub const F_SUMMARY: Tr = Tr("主要内容", "Summary");
pub const F_ALTERNATIVES: Tr = Tr(
    "解决方案（可多个，每行一个）",
    "Proposed solution(s), one per line",
);
pub const F_LEGAL_BASIS: Tr = Tr("依据", "Legal basis");
pub const F_BACKGROUND: Tr = Tr("背景", "Background");
pub const F_INVOLVED: Tr = Tr(
    "涉及部门（以、分隔）",
    "Departments involved (separate with 、)",
);
pub const F_LEGAL_CRIMINAL: Tr = Tr("涉及刑事案件", "Criminal cases");
pub const F_LEGAL_PUBLIC_ORDER: Tr = Tr("涉及治安案件", "Public-order cases");
pub const F_LEGAL_ENFORCEMENT: Tr = Tr("涉及执行法律法规", "Law enforcement");
pub const F_COPIES: Tr = Tr("材料份数", "Material copies");
pub const F_CLASSIFIED: Tr = Tr("材料涉密", "Classified materials");
pub const F_SUBMITTED_ON: Tr = Tr("提交日期", "Date submitted");
pub const F_STAGE: Tr = Tr("状态", "Stage");
pub const F_DEPARTMENT: Tr = Tr("部门", "Department");
pub const F_MEETING: Tr = Tr("会议", "Meeting");
pub const F_REVIEW_ITEM: Tr = Tr("审核事项", "Item");
pub const F_RESULT: Tr = Tr("结果", "Result");
pub const F_REVIEWER: Tr = Tr("审核人", "Reviewed by");
pub const F_NOTE: Tr = Tr("说明", "Note");
pub const F_PERSON_TITLE: Tr = Tr("职务", "Title");
pub const F_STEP: Tr = Tr("步骤", "Step");
pub const F_SIGNER: Tr = Tr("签批人", "Signed by");
pub const F_PRESS: Tr = Tr("新闻报道", "Press");
pub const F_VIDEO: Tr = Tr("录像", "Video");
pub const F_PHOTOS: Tr = Tr("拍照", "Photos");
pub const F_ORDERED_BY: Tr = Tr("由谁要求（主要领导）", "Ordered by (principal leader)");
pub const F_BOOKED_BY: Tr = Tr("经办人", "Booked by");
pub const F_TO_WHOM: Tr = Tr("通知对象", "Told whom");
pub const F_HOW: Tr = Tr("方式", "How");
pub const F_SENT_BY: Tr = Tr("通知人", "Sent by");
pub const F_ATTENDEES: Tr = Tr("参会人员（以、分隔）", "Attendees (separate with 、)");
pub const F_FALLBACK: Tr = Tr(
    "其他形式（无法送达时填写）",
    "The other way (when not delivered)",
);
pub const F_DELIVERED_BY: Tr = Tr("送达人", "Delivered by");
pub const F_MORE_COPIES: Tr = Tr("再编号份数", "More copies to number");
pub const F_PHONE: Tr = Tr("电话", "Phone");
pub const F_INITIALS: Tr = Tr(
    "拼音首字母（更正时填写）",
    "Initials (only to correct them)",
);
pub const F_DAY_KIND: Tr = Tr("类别", "Kind");
pub const F_DAY_NAME: Tr = Tr("名称（如 春节）", "Name (e.g. Spring Festival)");
pub const F_YEAR: Tr = Tr("年份", "Year");
pub const F_SOURCE: Tr = Tr("依据（文件名称、日期）", "Source (the notice, its date)");
pub const F_CLOCK: Tr = Tr("时间（HH:MM）", "Time (HH:MM)");

/// "文件密级：秘密★1年".
pub fn secrecy_set(lang: Lang, mark: &str) -> String {
    match lang {
        Lang::Zh => format!("文件密级：{mark}（各份文件均标注）"),
        Lang::En => format!("Papers classified: {mark} (marked on every paper)"),
    }
}
