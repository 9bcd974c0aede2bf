-- huiwu schema: after the meeting (R7). Released migrations are never edited: add a new
-- file instead. Depends on 0001/0002 only.

-- The formal close of a meeting, after its checks: the end time, and so the start of the
-- deadline clocks of §7 (minutes in a week, the tidied record in 3 working days).
CREATE TABLE meeting_closing (
    meeting_id INTEGER PRIMARY KEY REFERENCES meeting(id),
    closed_at  TEXT NOT NULL,
    closed_by  TEXT NOT NULL
);

-- A topic not decided, carried over to a named later meeting (closing check).
CREATE TABLE carry_over (
    topic_id   INTEGER PRIMARY KEY REFERENCES topic(id),
    to_meeting INTEGER NOT NULL REFERENCES meeting(id),
    reason     TEXT NOT NULL DEFAULT ''
);

-- Summary minutes (R7.1): every version kept; review and sign-off per version.
CREATE TABLE minutes_version (
    meeting_id INTEGER NOT NULL REFERENCES meeting(id),
    number     INTEGER NOT NULL,
    text       TEXT NOT NULL,
    made_by    TEXT NOT NULL,
    made_at    TEXT NOT NULL,
    corrects   INTEGER,
    PRIMARY KEY (meeting_id, number)
);
CREATE TABLE minutes_approval (
    meeting_id INTEGER NOT NULL,
    number     INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('review', 'sign_off')),
    by_name    TEXT NOT NULL,
    at         TEXT NOT NULL,
    opinion    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, number, kind),
    FOREIGN KEY (meeting_id, number) REFERENCES minutes_version (meeting_id, number)
);
-- A version with a step on it is never edited in place (the domain refuses first; this
-- holds even for another program writing the file).
CREATE TRIGGER minutes_version_frozen BEFORE UPDATE OF text ON minutes_version
WHEN EXISTS (SELECT 1 FROM minutes_approval a
             WHERE a.meeting_id = OLD.meeting_id AND a.number = OLD.number)
BEGIN
    SELECT RAISE(ABORT, 'minutes version under review or signed: make a correction');
END;

-- The tidied record (R7.2): one row per verbatim entry, summary or in full.
CREATE TABLE tidied_entry (
    entry_id INTEGER PRIMARY KEY REFERENCES entry(id),
    mode     TEXT NOT NULL CHECK (mode IN ('summary', 'detailed')),
    text     TEXT NOT NULL
);
CREATE TABLE tidied_record (
    meeting_id  INTEGER PRIMARY KEY REFERENCES meeting(id),
    finished_at TEXT,
    finished_by TEXT
);

-- The follow-up register (R7.3). Overdue is computed, never stored.
CREATE TABLE followup_item (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meeting(id),
    topic_id    INTEGER NOT NULL UNIQUE REFERENCES topic(id),
    item        TEXT NOT NULL,
    deputy_id   INTEGER REFERENCES person(id),
    units       TEXT NOT NULL DEFAULT '',
    deadline    TEXT,
    supervisor  TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL CHECK (status IN ('in_progress', 'done', 'stalled')),
    done_on     TEXT,
    flag_on     TEXT,
    flag_by     TEXT,
    flag_note   TEXT
);
-- The status line counts overdue items on every screen: this keeps it one index range.
CREATE INDEX followup_open_by_deadline ON followup_item (status, deadline);
CREATE INDEX followup_by_meeting ON followup_item (meeting_id);
CREATE TABLE followup_note (
    id      INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES followup_item(id),
    kind    TEXT NOT NULL CHECK (kind IN ('note', 'problem')),
    on_day  TEXT NOT NULL,
    by_name TEXT NOT NULL,
    text    TEXT NOT NULL,
    reply   TEXT
);
CREATE INDEX followup_note_by_item ON followup_note (item_id, id);

-- The archive (R7.4): the ledger (登记造册) and the meetings filed.
CREATE TABLE ledger_entry (
    meeting_id    INTEGER PRIMARY KEY REFERENCES meeting(id),
    number        TEXT NOT NULL UNIQUE,
    registered_by TEXT NOT NULL,
    registered_at TEXT NOT NULL
);
CREATE TABLE ledger_item (
    meeting_id INTEGER NOT NULL REFERENCES ledger_entry(meeting_id),
    paper      TEXT NOT NULL,
    title      TEXT NOT NULL,
    pages      INTEGER NOT NULL,
    copies     INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, paper)
);
CREATE TABLE archived_meeting (
    meeting_id  INTEGER PRIMARY KEY REFERENCES meeting(id),
    archived_at TEXT NOT NULL,
    archived_by TEXT NOT NULL,
    folder      TEXT NOT NULL
);

-- After archiving a meeting is read-only: its record, decisions, attendance and minutes
-- refuse every change, whoever writes.
CREATE TRIGGER archived_entry_insert BEFORE INSERT ON entry
WHEN EXISTS (SELECT 1 FROM archived_meeting a JOIN topic t ON t.meeting_id = a.meeting_id
             WHERE t.id = NEW.topic_id)
BEGIN SELECT RAISE(ABORT, 'meeting archived: read-only'); END;
CREATE TRIGGER archived_entry_update BEFORE UPDATE ON entry
WHEN EXISTS (SELECT 1 FROM archived_meeting a JOIN topic t ON t.meeting_id = a.meeting_id
             WHERE t.id = OLD.topic_id)
BEGIN SELECT RAISE(ABORT, 'meeting archived: read-only'); END;
CREATE TRIGGER archived_decision_insert BEFORE INSERT ON decision
WHEN EXISTS (SELECT 1 FROM archived_meeting a JOIN topic t ON t.meeting_id = a.meeting_id
             WHERE t.id = NEW.topic_id)
BEGIN SELECT RAISE(ABORT, 'meeting archived: read-only'); END;
CREATE TRIGGER archived_decision_update BEFORE UPDATE ON decision
WHEN EXISTS (SELECT 1 FROM archived_meeting a JOIN topic t ON t.meeting_id = a.meeting_id
             WHERE t.id = OLD.topic_id)
BEGIN SELECT RAISE(ABORT, 'meeting archived: read-only'); END;
CREATE TRIGGER archived_attendance_insert BEFORE INSERT ON attendance_event
WHEN EXISTS (SELECT 1 FROM archived_meeting a WHERE a.meeting_id = NEW.meeting_id)
BEGIN SELECT RAISE(ABORT, 'meeting archived: read-only'); END;
CREATE TRIGGER archived_minutes_insert BEFORE INSERT ON minutes_version
WHEN EXISTS (SELECT 1 FROM archived_meeting a WHERE a.meeting_id = NEW.meeting_id)
BEGIN SELECT RAISE(ABORT, 'meeting archived: read-only'); END;
CREATE TRIGGER archived_minutes_update BEFORE UPDATE ON minutes_version
WHEN EXISTS (SELECT 1 FROM archived_meeting a WHERE a.meeting_id = OLD.meeting_id)
BEGIN SELECT RAISE(ABORT, 'meeting archived: read-only'); END;
CREATE TRIGGER archived_approval_insert BEFORE INSERT ON minutes_approval
WHEN EXISTS (SELECT 1 FROM archived_meeting a WHERE a.meeting_id = NEW.meeting_id)
BEGIN SELECT RAISE(ABORT, 'meeting archived: read-only'); END;
CREATE TRIGGER archived_tidied_insert BEFORE INSERT ON tidied_entry
WHEN EXISTS (SELECT 1 FROM archived_meeting a JOIN topic t ON t.meeting_id = a.meeting_id
             JOIN entry e ON e.topic_id = t.id WHERE e.id = NEW.entry_id)
BEGIN SELECT RAISE(ABORT, 'meeting archived: read-only'); END;
CREATE TRIGGER archived_tidied_update BEFORE UPDATE ON tidied_entry
WHEN EXISTS (SELECT 1 FROM archived_meeting a JOIN topic t ON t.meeting_id = a.meeting_id
             JOIN entry e ON e.topic_id = t.id WHERE e.id = OLD.entry_id)
BEGIN SELECT RAISE(ABORT, 'meeting archived: read-only'); END;
