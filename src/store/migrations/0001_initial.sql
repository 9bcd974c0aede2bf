-- huiwu schema v1. Released migrations are never edited: add a new file instead.
CREATE TABLE app_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO app_meta (key, value) VALUES ('app', 'huiwu');

CREATE TABLE person (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    title      TEXT NOT NULL DEFAULT '',
    department TEXT NOT NULL DEFAULT '',
    phone      TEXT NOT NULL DEFAULT '',
    initials   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE meeting (
    id               INTEGER PRIMARY KEY,
    title            TEXT NOT NULL,
    starts_at        TEXT NOT NULL,
    room             TEXT NOT NULL,
    waiting_room     TEXT,
    chair_id         INTEGER REFERENCES person(id),
    status           TEXT NOT NULL CHECK (status IN ('planned','in_progress','closed','postponed')),
    postponed_from   INTEGER REFERENCES meeting(id),
    current_topic_id INTEGER,
    is_demo          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX meeting_by_start ON meeting (starts_at);

CREATE TABLE topic (
    id                 INTEGER PRIMARY KEY,
    meeting_id         INTEGER REFERENCES meeting(id),
    seq                INTEGER NOT NULL,
    title              TEXT NOT NULL,
    department         TEXT NOT NULL DEFAULT '',
    deputy_id          INTEGER REFERENCES person(id),
    channel            TEXT NOT NULL,
    scope              INTEGER NOT NULL CHECK (scope IN (1,2,3,4,5,7,8,9)),
    needs_legal_review INTEGER NOT NULL DEFAULT 0,
    alternatives       TEXT NOT NULL DEFAULT '',
    status             TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','current','done')),
    started_at         TEXT,
    ended_at           TEXT
);
CREATE INDEX topic_by_meeting ON topic (meeting_id, seq);

CREATE TABLE participation (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meeting(id),
    person_id   INTEGER NOT NULL REFERENCES person(id),
    role        TEXT NOT NULL CHECK (role IN ('attending','sitting_in','staff')),
    topic_id    INTEGER REFERENCES topic(id),
    is_recorder INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX participation_by_meeting ON participation (meeting_id);

CREATE TABLE attendance_event (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id),
    person_id  INTEGER NOT NULL REFERENCES person(id),
    kind       TEXT NOT NULL,
    place      TEXT,
    reason     TEXT NOT NULL DEFAULT '',
    approver   TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX attendance_by_meeting ON attendance_event (meeting_id, person_id, id);

CREATE TABLE step_record (
    topic_id   INTEGER NOT NULL REFERENCES topic(id),
    step       INTEGER NOT NULL CHECK (step BETWEEN 1 AND 5),
    started_at TEXT,
    ended_at   TEXT,
    PRIMARY KEY (topic_id, step)
);

CREATE TABLE entry (
    id           INTEGER PRIMARY KEY,
    topic_id     INTEGER NOT NULL REFERENCES topic(id),
    step         INTEGER NOT NULL CHECK (step BETWEEN 1 AND 5),
    seq          INTEGER NOT NULL,
    speaker_id   INTEGER REFERENCES person(id),
    speaker_name TEXT NOT NULL DEFAULT '',
    off_list     INTEGER NOT NULL DEFAULT 0,
    started_at   TEXT NOT NULL,
    text         TEXT NOT NULL DEFAULT '',
    updated_at   TEXT
);
CREATE INDEX entry_by_topic ON entry (topic_id, step, seq);

CREATE TABLE decision (
    topic_id    INTEGER PRIMARY KEY REFERENCES topic(id),
    outcome     TEXT,
    text        TEXT NOT NULL DEFAULT '',
    alternative INTEGER,
    deputy_id   INTEGER REFERENCES person(id),
    units       TEXT NOT NULL DEFAULT '',
    deadline    TEXT,
    supervisor  TEXT NOT NULL DEFAULT '',
    dissent     TEXT NOT NULL DEFAULT '',
    decided_at  TEXT
);

-- Where each operator was, so the console reopens there (R9.1).
CREATE TABLE session (
    operator   TEXT PRIMARY KEY,
    meeting_id INTEGER,
    topic_id   INTEGER,
    step       INTEGER,
    entry_id   INTEGER,
    cursor_row INTEGER NOT NULL DEFAULT 0,
    cursor_col INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);

-- Every change: who, what, when, old -> new (R9.4).
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    operator  TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER,
    old       TEXT,
    new       TEXT
);
