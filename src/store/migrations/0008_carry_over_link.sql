-- huiwu schema: a topic carried over reaches the later meeting (issue 9, R3/R7). Released
-- migrations are never edited: add a new file instead. Depends on 0001–0004.

-- The topic registered again for a later meeting names the topic it continues, so the
-- later meeting's agenda, the back office and the original meeting's record link up.
ALTER TABLE topic ADD COLUMN carried_from INTEGER REFERENCES topic(id);
CREATE INDEX topic_by_carried_from ON topic (carried_from) WHERE carried_from IS NOT NULL;

-- An archived meeting is read-only (0004): none of its topics is carried over any more,
-- nothing is carried over to it, and no topic is put on its agenda.
CREATE TRIGGER archived_carry_over_insert BEFORE INSERT ON carry_over
WHEN EXISTS (SELECT 1 FROM archived_meeting a JOIN topic t ON t.meeting_id = a.meeting_id
             WHERE t.id = NEW.topic_id)
  OR EXISTS (SELECT 1 FROM archived_meeting a WHERE a.meeting_id = NEW.to_meeting)
BEGIN SELECT RAISE(ABORT, 'meeting archived: read-only'); END;
CREATE TRIGGER archived_carry_over_update BEFORE UPDATE ON carry_over
WHEN EXISTS (SELECT 1 FROM archived_meeting a JOIN topic t ON t.meeting_id = a.meeting_id
             WHERE t.id = OLD.topic_id)
  OR EXISTS (SELECT 1 FROM archived_meeting a WHERE a.meeting_id = NEW.to_meeting)
BEGIN SELECT RAISE(ABORT, 'meeting archived: read-only'); END;
CREATE TRIGGER archived_topic_insert BEFORE INSERT ON topic
WHEN EXISTS (SELECT 1 FROM archived_meeting a WHERE a.meeting_id = NEW.meeting_id)
BEGIN SELECT RAISE(ABORT, 'meeting archived: read-only'); END;
CREATE TRIGGER archived_topic_move BEFORE UPDATE OF meeting_id ON topic
WHEN NEW.meeting_id IS NOT OLD.meeting_id
 AND EXISTS (SELECT 1 FROM archived_meeting a
             WHERE a.meeting_id = NEW.meeting_id OR a.meeting_id = OLD.meeting_id)
BEGIN SELECT RAISE(ABORT, 'meeting archived: read-only'); END;
