-- Replay: an entry sent to the legacy database whose ending the desk never heard (a crash, a kill,
-- a dropped connection after COMMIT) is "in doubt"; it is settled by re-reading, never resent blind.
ALTER TABLE outbox ADD COLUMN in_doubt INTEGER NOT NULL DEFAULT 0 CHECK (in_doubt IN (0, 1));

-- Conflicts a person resolves. Every version is kept: what the clerk saw (seen), the clerk's change
-- (mine: the outbox payload) and the legacy values when replay found the difference (current).
CREATE TABLE conflict (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  operation_id     TEXT NOT NULL UNIQUE REFERENCES outbox (operation_id),
  detected_at      TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('changed', 'gone', 'in_doubt')),
  seen             TEXT NOT NULL,                  -- JSON: the base records of the outbox entry
  mine             TEXT NOT NULL,                  -- JSON: the outbox payload
  current          TEXT NOT NULL,                  -- JSON: the legacy records found (null where gone)
  status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  resolution       TEXT CHECK (resolution IN ('apply_again', 'edit', 'discard')),
  resolved_by      TEXT,
  resolved_at      TEXT,
  reason           TEXT,
  new_operation_id TEXT REFERENCES outbox (operation_id)
) STRICT;
CREATE INDEX conflict_open ON conflict (status, id);
