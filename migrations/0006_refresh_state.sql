-- Incremental refresh: what each dataset's last refresh learned of the legacy database, so the next
-- one reads only what changed (src-main/node/sync/refresh.ts).
-- mark: the high-water mark of the entity's `changes` column (version, last_modified) as the legacy
-- database holds it; kind says how to compare it. plan: a fingerprint of the bridge mapping the
-- mark was taken under (a changed mapping is read whole once). last_full_at: the last pass that read
-- every row (last_modified entities get one a day: a program that forgets the stamp is caught).
ALTER TABLE sync_state ADD COLUMN mark TEXT;
ALTER TABLE sync_state ADD COLUMN mark_kind TEXT CHECK (mark_kind IN ('number', 'text', 'time'));
ALTER TABLE sync_state ADD COLUMN plan TEXT;
ALTER TABLE sync_state ADD COLUMN last_full_at TEXT;
ALTER TABLE sync_state ADD COLUMN last_mode TEXT CHECK (last_mode IN ('full', 'changed', 'chunks'));

-- row_hash entities: the hash of each chunk of legacy rows (in key order) when last read. A chunk is
-- named by the legacy key of its last row, as JSON ('' for the chunk that runs to the end).
CREATE TABLE refresh_chunk (
  dataset  TEXT NOT NULL,
  last_key TEXT NOT NULL,
  hash     TEXT NOT NULL,
  rows     INTEGER NOT NULL,
  PRIMARY KEY (dataset, last_key)
) STRICT;
