-- huiwu schema: the classification of a meeting's papers (issue 9, R8.1). Released
-- migrations are never edited: add a new file instead. Depends on 0001–0004.

-- 密级 and 保密期限, printed "秘密★1年" on every paper of the meeting. No row: the papers
-- carry the generic marking when the meeting has classified material, none otherwise.
CREATE TABLE meeting_secrecy (
    meeting_id INTEGER PRIMARY KEY REFERENCES meeting(id),
    level      TEXT NOT NULL CHECK (level IN ('secret', 'confidential', 'top_secret')),
    years      INTEGER CHECK (years IS NULL OR years BETWEEN 1 AND 30)
);

-- An archived meeting's papers are filed: their marking no longer changes.
CREATE TRIGGER archived_secrecy_insert BEFORE INSERT ON meeting_secrecy
WHEN EXISTS (SELECT 1 FROM archived_meeting a WHERE a.meeting_id = NEW.meeting_id)
BEGIN SELECT RAISE(ABORT, 'meeting archived: read-only'); END;
CREATE TRIGGER archived_secrecy_update BEFORE UPDATE ON meeting_secrecy
WHEN EXISTS (SELECT 1 FROM archived_meeting a
             WHERE a.meeting_id = OLD.meeting_id OR a.meeting_id = NEW.meeting_id)
BEGIN SELECT RAISE(ABORT, 'meeting archived: read-only'); END;
CREATE TRIGGER archived_secrecy_delete BEFORE DELETE ON meeting_secrecy
WHEN EXISTS (SELECT 1 FROM archived_meeting a WHERE a.meeting_id = OLD.meeting_id)
BEGIN SELECT RAISE(ABORT, 'meeting archived: read-only'); END;
