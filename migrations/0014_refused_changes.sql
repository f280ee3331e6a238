-- A change the legacy database refuses (a value its column cannot hold, a CHECK constraint, a
-- trigger, a missing privilege) is parked for a person as a conflict of kind 'refused', with the
-- legacy database's own words, instead of blocking every later change on the desk.
-- SQLite cannot widen a CHECK in place: the table is rebuilt with every row kept as it was.
CREATE TABLE conflict_next (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  operation_id     TEXT NOT NULL UNIQUE REFERENCES outbox (operation_id),
  detected_at      TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('changed', 'gone', 'in_doubt', 'refused')),
  seen             TEXT NOT NULL,                  -- JSON: the base records of the outbox entry
  mine             TEXT NOT NULL,                  -- JSON: the outbox payload
  current          TEXT NOT NULL,                  -- JSON: the legacy records found (null where gone)
  status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  resolution       TEXT CHECK (resolution IN ('apply_again', 'edit', 'discard')),
  resolved_by      TEXT,
  resolved_at      TEXT,
  reason           TEXT,
  new_operation_id TEXT REFERENCES outbox (operation_id),
  legacy_message   TEXT                            -- refused: what the legacy database said
) STRICT;
INSERT INTO conflict_next (id, operation_id, detected_at, kind, seen, mine, current, status, resolution,
                           resolved_by, resolved_at, reason, new_operation_id)
  SELECT id, operation_id, detected_at, kind, seen, mine, current, status, resolution,
         resolved_by, resolved_at, reason, new_operation_id FROM conflict;
DROP TABLE conflict;
ALTER TABLE conflict_next RENAME TO conflict;
CREATE INDEX conflict_open ON conflict (status, id);
