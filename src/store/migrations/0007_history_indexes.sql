-- huiwu schema: indexes for ten years of history (issue 11). Every query a screen runs at
-- start or on a key finds its rows through an index (tests/query_plans.rs checks it):
-- the back office's window of meetings (recent ones, and every one still to hold), the
-- preparation records of those meetings, the register's open and lately done items.
CREATE INDEX meeting_window ON meeting (is_demo, starts_at);
CREATE INDEX meeting_by_status ON meeting (status, starts_at);
CREATE INDEX notice_by_meeting ON notice (meeting_id, id);
CREATE INDEX notice_reply_by_meeting ON notice_reply (meeting_id, id);
CREATE INDEX coverage_by_meeting ON coverage_exception (meeting_id, id);
CREATE INDEX followup_by_done_on ON followup_item (done_on);
