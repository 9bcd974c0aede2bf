-- huiwu schema v3: the back office (issue 8). Released migrations are never edited: add a
-- new file instead. Names follow GLOSSARY.md.

-- People (the roster): a retired person stays on the record (old meetings name them) but
-- leaves the lists; a person's own correction of their pinyin initials is kept apart from
-- the computed ones; the demo's people never mix into a real meeting.
ALTER TABLE person ADD COLUMN retired_at TEXT;
ALTER TABLE person ADD COLUMN own_initials TEXT NOT NULL DEFAULT '';
ALTER TABLE person ADD COLUMN is_demo INTEGER NOT NULL DEFAULT 0;
UPDATE person SET is_demo = 1
 WHERE id IN (SELECT p.person_id FROM participation p JOIN meeting m ON m.id = p.meeting_id
               WHERE m.is_demo = 1)
   AND id NOT IN (SELECT p.person_id FROM participation p JOIN meeting m ON m.id = p.meeting_id
                   WHERE m.is_demo = 0);

-- Topics: the registration form's fields (R1.3), how pressing it is (R2.1), when it was put
-- on its meeting's agenda, and its stage across weeks (proposed → under review → ready →
-- scheduled; discussed and decided are read from the console's status and decision).
ALTER TABLE topic ADD COLUMN stage TEXT NOT NULL DEFAULT 'proposed'
    CHECK (stage IN ('proposed','under_review','ready','scheduled','discussed','decided','withdrawn'));
ALTER TABLE topic ADD COLUMN summary TEXT NOT NULL DEFAULT '';
ALTER TABLE topic ADD COLUMN legal_basis TEXT NOT NULL DEFAULT '';
ALTER TABLE topic ADD COLUMN background TEXT NOT NULL DEFAULT '';
ALTER TABLE topic ADD COLUMN involved_departments TEXT NOT NULL DEFAULT '';
ALTER TABLE topic ADD COLUMN legal_criminal INTEGER NOT NULL DEFAULT 0;
ALTER TABLE topic ADD COLUMN legal_public_order INTEGER NOT NULL DEFAULT 0;
ALTER TABLE topic ADD COLUMN legal_law_enforcement INTEGER NOT NULL DEFAULT 0;
ALTER TABLE topic ADD COLUMN material_copies INTEGER NOT NULL DEFAULT 0;
ALTER TABLE topic ADD COLUMN classified INTEGER NOT NULL DEFAULT 0;
ALTER TABLE topic ADD COLUMN submitted_on TEXT;
ALTER TABLE topic ADD COLUMN urgency TEXT NOT NULL DEFAULT 'routine'
    CHECK (urgency IN ('urgent','important','routine'));
ALTER TABLE topic ADD COLUMN added_at TEXT;
ALTER TABLE topic ADD COLUMN after_cutoff INTEGER NOT NULL DEFAULT 0;
UPDATE topic SET stage = 'scheduled' WHERE meeting_id IS NOT NULL;

-- The office's review checklist (R1.4): every record kept, the latest of an item counts.
CREATE TABLE review_entry (
    id          INTEGER PRIMARY KEY,
    topic_id    INTEGER NOT NULL REFERENCES topic(id),
    item        TEXT NOT NULL CHECK (item IN ('within_scope','coordinated','solution_clear',
                                              'deputy_reviewed','legal_reviewed')),
    reviewed_by TEXT NOT NULL,
    at          TEXT NOT NULL,
    verdict     TEXT NOT NULL CHECK (verdict IN ('pass','fail')),
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX review_by_topic ON review_entry (topic_id, id);

-- The agenda of a meeting (R2.1): its topics are the topics with its meeting_id, in seq
-- order; here what belongs to the whole agenda.
CREATE TABLE agenda (
    meeting_id       INTEGER PRIMARY KEY REFERENCES meeting(id),
    over_norm_reason TEXT,
    proposed_at      TEXT,
    proposed_by      TEXT NOT NULL DEFAULT ''
);

-- Press, video, photos: an exception and who ordered it (R2.3).
CREATE TABLE coverage_exception (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id),
    press      INTEGER NOT NULL DEFAULT 0,
    video      INTEGER NOT NULL DEFAULT 0,
    photos     INTEGER NOT NULL DEFAULT 0,
    ordered_by TEXT NOT NULL,
    at         TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT ''
);

-- The submission form's approval chain (R2.4), as the events that happened.
CREATE TABLE submission_event (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id),
    kind       TEXT NOT NULL CHECK (kind IN ('signed','sent_back')),
    step       TEXT NOT NULL CHECK (step IN ('filled','office_director_reviewed',
                                             'deputy_approved','director_signed')),
    signer     TEXT NOT NULL,
    at         TEXT NOT NULL,
    -- The opinion of a signature, or the reason for sending back.
    opinion    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX submission_by_meeting ON submission_event (meeting_id, id);

-- The room and waiting room booked (R4.1).
CREATE TABLE room_booking (
    meeting_id   INTEGER PRIMARY KEY REFERENCES meeting(id),
    room         TEXT NOT NULL,
    waiting_room TEXT,
    booked_by    TEXT NOT NULL,
    booked_at    TEXT NOT NULL
);

-- Materials per topic and department (R4.2); delivery: when, by whom, and the other way
-- used when it could not be delivered (NULL: delivered).
CREATE TABLE material_package (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES meeting(id),
    topic_id     INTEGER NOT NULL REFERENCES topic(id),
    department   TEXT NOT NULL,
    copies       INTEGER NOT NULL,
    classified   INTEGER NOT NULL DEFAULT 0,
    delivered_at TEXT,
    delivered_by TEXT,
    fallback     TEXT,
    UNIQUE (meeting_id, topic_id, department)
);

-- Numbered copies of classified materials (R4.2): who holds each, whether it came back.
CREATE TABLE classified_copy (
    id             INTEGER PRIMARY KEY,
    meeting_id     INTEGER NOT NULL REFERENCES meeting(id),
    topic_id       INTEGER NOT NULL REFERENCES topic(id),
    number         INTEGER NOT NULL,
    holder_id      INTEGER REFERENCES person(id),
    handed_out_at  TEXT,
    handed_out_how TEXT CHECK (handed_out_how IN ('at_check_in','in_meeting')),
    returned_at    TEXT,
    UNIQUE (meeting_id, topic_id, number)
);

-- Why the meeting may close with a classified copy still out (R4.2).
CREATE TABLE classified_out_reason (
    meeting_id  INTEGER PRIMARY KEY REFERENCES meeting(id),
    reason      TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);

-- Notices to departments and their replies with attendee lists (R4.3).
CREATE TABLE notice (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id),
    department TEXT NOT NULL,
    to_whom    TEXT NOT NULL,
    channel    TEXT NOT NULL CHECK (channel IN ('wechat','phone')),
    sent_by    TEXT NOT NULL,
    sent_at    TEXT NOT NULL
);
CREATE TABLE notice_reply (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id),
    department TEXT NOT NULL,
    at         TEXT NOT NULL,
    -- One name per line.
    attendees  TEXT NOT NULL DEFAULT ''
);

-- The office's own working-day calendar on top of the official one (R7): years it
-- declares covered, with their source, and days it names.
CREATE TABLE calendar_year (
    year   INTEGER PRIMARY KEY,
    source TEXT NOT NULL
);
CREATE TABLE calendar_day (
    date TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('holiday','makeup_day')),
    name TEXT NOT NULL DEFAULT ''
);
