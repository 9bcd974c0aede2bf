-- huiwu schema v2. Released migrations are never edited: add a new file instead.
-- Audit rows name the field that changed (old -> new values, R9.4) and the process that
-- wrote them; commit marks tell one terminal's commits from another's.
ALTER TABLE audit ADD COLUMN field TEXT;
ALTER TABLE audit ADD COLUMN writer TEXT;

CREATE TABLE commit_mark (
    writer TEXT PRIMARY KEY,
    seq    INTEGER NOT NULL,
    at     TEXT NOT NULL
);
INSERT INTO app_meta (key, value) VALUES ('commit_seq', '0');

-- The pane each operator last worked in: the staff's terminal reopens on 签到, the
-- recorder's on 议事程序.
ALTER TABLE session ADD COLUMN pane TEXT;

-- People admitted although not on the meeting's list, with why and who allowed it (R5.1).
CREATE TABLE admission (
    meeting_id INTEGER NOT NULL REFERENCES meeting(id),
    person_id  INTEGER NOT NULL REFERENCES person(id),
    reason     TEXT NOT NULL,
    allowed_by TEXT NOT NULL,
    at         TEXT NOT NULL,
    PRIMARY KEY (meeting_id, person_id)
);
