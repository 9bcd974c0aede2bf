//! Importing the people list from a CSV file (the back office's roster import).
//!
//! The first line names the columns: name, title, department, phone, and optionally
//! initials — in English or Chinese (姓名, 职务, 部门, 电话, 首字母), in any order. Quoted
//! fields, a UTF-8 byte-order mark (as Excel writes it) and blank lines are accepted.
//! The result is a preview; nothing is accepted while any line is wrong, and every wrong
//! line is reported with its 1-based line number. Parsing touches no file.
use csv::{ReaderBuilder, StringRecord, Trim};

use super::Id;
use super::initials::initials_for;
use super::people::Person;

/// The columns of the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Name,
    Title,
    Department,
    Phone,
    Initials,
}

impl Column {
    pub fn code(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Title => "title",
            Self::Department => "department",
            Self::Phone => "phone",
            Self::Initials => "initials",
        }
    }

    /// The column a header cell names, in English or Chinese.
    pub fn from_header(cell: &str) -> Option<Self> {
        let cell = cell.trim().to_lowercase();
        Some(match cell.as_str() {
            "name" | "姓名" | "名字" => Self::Name,
            "title" | "职务" | "职位" => Self::Title,
            "department" | "部门" | "单位" => Self::Department,
            "phone" | "电话" | "联系电话" | "手机" => Self::Phone,
            "initials" | "首字母" | "拼音首字母" | "简拼" => Self::Initials,
            _ => return None,
        })
    }

    const REQUIRED: [Column; 4] = [Self::Name, Self::Title, Self::Department, Self::Phone];
}

/// What is wrong on a line.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportProblem {
    #[error("the file is empty")]
    Empty,
    #[error("the first line must name the columns (name, title, department, phone[, initials])")]
    NoHeader,
    #[error("unknown column `{0}`")]
    UnknownColumn(String),
    #[error("column `{0}` appears twice")]
    RepeatedColumn(String),
    #[error("column `{}` is missing", .0.code())]
    MissingColumn(Column),
    #[error("cannot read the line: {0}")]
    Malformed(String),
    #[error("{found} fields where the header has {expected}")]
    WrongFieldCount { expected: usize, found: usize },
    #[error("the name is empty")]
    EmptyName,
    #[error("the department is empty")]
    EmptyDepartment,
    #[error("`{0}` is not a phone number")]
    BadPhone(String),
    #[error("initials `{0}` must be letters")]
    BadInitials(String),
    #[error("the same person as on line {first_line}")]
    DuplicateRow { first_line: usize },
    #[error("no one is listed below the header")]
    NoRows,
}

/// A wrong line: its 1-based number and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct ImportError {
    pub line: usize,
    pub problem: ImportProblem,
}

/// Remarks on a good line, shown in the preview.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowFlag {
    /// Another line has the same name in another department (namesakes exist; check).
    SameNameAs { line: usize },
    /// This person (same name and department) is on the list already.
    AlreadyOnList { person_id: Id },
}

/// A good line, as the person it describes (id 0: not stored yet).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportRow {
    pub line: usize,
    pub person: Person,
    /// The file gave the initials (a person's own correction).
    pub initials_given: bool,
    pub flags: Vec<RowFlag>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPreview {
    pub rows: Vec<ImportRow>,
}

fn err(line: usize, problem: ImportProblem) -> ImportError {
    ImportError { line, problem }
}

/// 1-based line of a record, counted from its byte offset. The reader skips blank lines
/// without counting them and places the next record where the blank lines begin, so line
/// breaks at that offset are stepped over first.
fn line_of(text: &str, record: &StringRecord, fallback: usize) -> usize {
    record
        .position()
        .and_then(|p| usize::try_from(p.byte()).ok())
        .map_or(fallback, |b| line_at(text, b))
}

fn line_at(text: &str, byte: usize) -> usize {
    let bytes = text.as_bytes();
    let mut start = byte.min(bytes.len());
    while bytes.get(start).is_some_and(|b| matches!(b, b'\n' | b'\r')) {
        start += 1;
    }
    bytes[..start].iter().filter(|&&b| b == b'\n').count() + 1
}

fn is_blank(record: &StringRecord) -> bool {
    record.iter().all(|f| f.trim().is_empty())
}

/// Column of each header cell, or the header's errors.
fn header(record: &StringRecord, line: usize) -> Result<Vec<Column>, Vec<ImportError>> {
    let cells: Vec<&str> = record.iter().map(str::trim).collect();
    if cells.iter().all(|c| Column::from_header(c).is_none()) {
        return Err(vec![err(line, ImportProblem::NoHeader)]);
    }
    let mut errors = Vec::new();
    let mut columns = Vec::new();
    for cell in cells {
        match Column::from_header(cell) {
            Some(c) if columns.contains(&c) => {
                errors.push(err(line, ImportProblem::RepeatedColumn(cell.to_string())))
            }
            Some(c) => columns.push(c),
            // A trailing empty cell (a spreadsheet's extra comma) is no column.
            None if cell.is_empty() => {}
            None => errors.push(err(line, ImportProblem::UnknownColumn(cell.to_string()))),
        }
    }
    for c in Column::REQUIRED {
        if !columns.contains(&c) {
            errors.push(err(line, ImportProblem::MissingColumn(c)));
        }
    }
    if errors.is_empty() {
        Ok(columns)
    } else {
        Err(errors)
    }
}

fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// Digits with spaces, dashes, a leading + or brackets; at least 3 digits.
fn phone_ok(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    digits >= 3
        && phone
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '+' | '(' | ')'))
}

/// Parses the text of a people CSV file into a preview, or every wrong line.
pub fn parse_people_csv(
    text: &str,
    existing: &[Person],
) -> Result<ImportPreview, Vec<ImportError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(Trim::All)
        .from_reader(text.as_bytes());
    let mut columns: Option<Vec<Column>> = None;
    let mut errors = Vec::new();
    let mut rows: Vec<ImportRow> = Vec::new();
    let mut last_line = 0;
    for result in reader.records() {
        let record = match result {
            Ok(r) => r,
            Err(e) => {
                let line = e
                    .position()
                    .and_then(|p| usize::try_from(p.byte()).ok())
                    .map_or(last_line + 1, |b| line_at(text, b));
                errors.push(err(line, ImportProblem::Malformed(e.to_string())));
                continue;
            }
        };
        let line = line_of(text, &record, last_line + 1);
        last_line = line;
        if is_blank(&record) {
            continue;
        }
        let Some(cols) = &columns else {
            match header(&record, line) {
                Ok(c) => columns = Some(c),
                Err(mut e) => {
                    errors.append(&mut e);
                    return Err(errors);
                }
            }
            continue;
        };
        match row(&record, line, cols) {
            Ok(r) => rows.push(r),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if columns.is_none() && errors.is_empty() {
        errors.push(err(1, ImportProblem::Empty));
    } else if columns.is_some() && rows.is_empty() && errors.is_empty() {
        errors.push(err(last_line.max(1), ImportProblem::NoRows));
    }
    flag_repeats(&mut rows, &mut errors, existing);
    if errors.is_empty() {
        Ok(ImportPreview { rows })
    } else {
        errors.sort_by_key(|e| e.line);
        Err(errors)
    }
}

fn row(record: &StringRecord, line: usize, cols: &[Column]) -> Result<ImportRow, Vec<ImportError>> {
    let fields: Vec<&str> = record.iter().collect();
    // Extra empty fields at the end (a spreadsheet's trailing commas) are no data.
    let used = fields
        .iter()
        .rposition(|f| !f.is_empty())
        .map_or(0, |p| p + 1);
    if used > cols.len() || fields.len() < cols.len() {
        return Err(vec![err(
            line,
            ImportProblem::WrongFieldCount {
                expected: cols.len(),
                found: fields.len(),
            },
        )]);
    }
    let get = |c: Column| {
        cols.iter()
            .position(|x| *x == c)
            .and_then(|i| fields.get(i))
            // A field over several lines, or with runs of spaces, becomes one line.
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    };
    let mut errors = Vec::new();
    let name = get(Column::Name);
    if name.is_empty() {
        errors.push(err(line, ImportProblem::EmptyName));
    }
    let department = get(Column::Department);
    if department.is_empty() {
        errors.push(err(line, ImportProblem::EmptyDepartment));
    }
    let phone = half_width(&get(Column::Phone)).trim().to_string();
    if !phone.is_empty() && !phone_ok(&phone) {
        errors.push(err(line, ImportProblem::BadPhone(phone.clone())));
    }
    let given = half_width(&get(Column::Initials)).trim().to_string();
    if !given.is_empty() && !given.chars().all(|c| c.is_ascii_alphanumeric()) {
        errors.push(err(line, ImportProblem::BadInitials(given.clone())));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ImportRow {
        line,
        person: Person {
            id: 0,
            initials: initials_for(&name, &given),
            name,
            title: get(Column::Title),
            department,
            phone,
        },
        initials_given: !given.is_empty(),
        flags: Vec::new(),
    })
}

/// The same person twice is an error; the same name in two departments and people already
/// on the list are flagged.
fn flag_repeats(rows: &mut Vec<ImportRow>, errors: &mut Vec<ImportError>, existing: &[Person]) {
    let mut keep: Vec<ImportRow> = Vec::new();
    for mut r in std::mem::take(rows) {
        if let Some(first) = keep
            .iter()
            .find(|k| k.person.name == r.person.name && k.person.department == r.person.department)
        {
            errors.push(err(
                r.line,
                ImportProblem::DuplicateRow {
                    first_line: first.line,
                },
            ));
            continue;
        }
        for k in keep.iter_mut().filter(|k| k.person.name == r.person.name) {
            k.flags.push(RowFlag::SameNameAs { line: r.line });
            r.flags.push(RowFlag::SameNameAs { line: k.line });
        }
        if let Some(p) = existing
            .iter()
            .find(|p| p.name == r.person.name && p.department == r.person.department)
        {
            r.flags.push(RowFlag::AlreadyOnList { person_id: p.id });
        }
        keep.push(r);
    }
    *rows = keep;
}

/// Field names of the roster's person form.
pub mod field {
    pub const NAME: &str = "name";
    pub const TITLE: &str = "title";
    pub const DEPARTMENT: &str = "department";
    pub const PHONE: &str = "phone";
    pub const INITIALS: &str = "initials";
}

/// A person typed into the roster's form, checked by the rules of the import: a name and
/// a department, a phone that is a number, initials that are letters. Returns the person
/// (id 0, initials computed unless corrected) and the correction as typed ("" for none).
pub fn check_person(
    name: &str,
    title: &str,
    department: &str,
    phone: &str,
    own_initials: &str,
) -> crate::domain::validate::Checked<(Person, String)> {
    use crate::domain::validate::{Problem, Problems};
    let mut p = Problems::default();
    let one = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (name, department) = (one(name), one(department));
    p.require(field::NAME, &name);
    p.require(field::DEPARTMENT, &department);
    let phone = half_width(phone).trim().to_string();
    if !phone.is_empty() && !phone_ok(&phone) {
        p.add(field::PHONE, Problem::BadNumber);
    }
    let own = half_width(own_initials).trim().to_lowercase();
    if !own.chars().all(|c| c.is_ascii_alphanumeric()) {
        p.add(field::INITIALS, Problem::Rule(rule::INITIALS_LETTERS));
    }
    p.into_result((
        Person {
            id: 0,
            initials: initials_for(&name, &own),
            name,
            title: one(title),
            department,
            phone,
        },
        own,
    ))
}

/// Rule codes of the person form.
pub mod rule {
    pub const INITIALS_LETTERS: &str = "roster.initials_letters";
}
