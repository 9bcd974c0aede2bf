-- huiwu: edit leases and the operators' screen-lock passphrases (issue 10, R9.1, R9.4).
-- Released migrations are never edited: add a new file instead. Depends only on 0001-0002.

-- A record open for editing in one terminal: (entity, entity_id) names it ("entry", the
-- entry's id; "decision", the topic's id; other screens add their own entity names).
-- holder is the process that edits it (the writer id of its commits), host says where
-- that process runs (hostname and pid namespace, so a dead holder can be recognised),
-- operator is who is shown as editing. Times are milliseconds since 1970 (UTC): the
-- holder renews the lease every few seconds; one not renewed for 30 s may be taken over.
CREATE TABLE lease (
    entity     TEXT NOT NULL,
    entity_id  INTEGER NOT NULL,
    holder     TEXT NOT NULL,
    host       TEXT NOT NULL DEFAULT '',
    operator   TEXT NOT NULL,
    taken_at   INTEGER NOT NULL,
    renewed_at INTEGER NOT NULL,
    PRIMARY KEY (entity, entity_id)
) WITHOUT ROWID;

-- The screen-lock passphrase of each operator: an Argon2id hash in PHC form
-- ($argon2id$v=19$m=…,t=…,p=…$salt$hash), never the passphrase itself.
CREATE TABLE operator_passphrase (
    operator TEXT PRIMARY KEY,
    hash     TEXT NOT NULL,
    set_at   TEXT NOT NULL
);
