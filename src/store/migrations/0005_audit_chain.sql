-- huiwu schema: the tamper-evident audit trail (issue 10, R9.4). Released migrations are
-- never edited: add a new file instead. Depends only on 0001 and 0002.
--
-- Each audit row holds the SHA-256 of the previous row's hash and of its own columns
-- (src/store/chain.rs has the canonical encoding). Rows written before this migration are
-- chained once, on the first open after it ('audit_chain' = 'pending' until then).
ALTER TABLE audit ADD COLUMN prev_hash TEXT;
ALTER TABLE audit ADD COLUMN hash TEXT;
INSERT INTO app_meta (key, value) VALUES ('audit_chain', 'pending');

-- Append-only for every program that keeps the triggers: a first line against an edit by
-- hand. A forger can drop them; the chain still names the row (huiwu audit verify).
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit WHEN OLD.hash IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'huiwu: the audit trail is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'huiwu: the audit trail is append-only');
END;
CREATE TRIGGER audit_hashed_insert BEFORE INSERT ON audit WHEN NEW.hash IS NULL
BEGIN
    SELECT RAISE(ABORT, 'huiwu: audit rows are written by huiwu only');
END;
