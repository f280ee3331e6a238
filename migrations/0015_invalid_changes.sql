-- A change the desk itself will not send: its payload, as the outbox holds it, does not pass its
-- command's definition (its schema or version) in this version of the workbench - a payload queued
-- by an older version before a limit was added, or an outbox row changed outside the workbench.
-- Replay parks it for a person as a conflict of kind 'invalid' (its problems in legacy_message's
-- place, in the desk's words) instead of sending it. SQLite cannot widen a CHECK in place: the
-- table is rebuilt with every row kept as it was.
CREATE TABLE conflict_next (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  operation_id     TEXT NOT NULL UNIQUE REFERENCES outbox (operation_id),
  detected_at      TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('changed', 'gone', 'in_doubt', 'refused', 'invalid')),
  seen             TEXT NOT NULL,                  -- JSON: the base records of the outbox entry
  mine             TEXT NOT NULL,                  -- JSON: the outbox payload
  current          TEXT NOT NULL,                  -- JSON: the legacy records found (null where gone)
  status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  resolution       TEXT CHECK (resolution IN ('apply_again', 'edit', 'discard')),
  resolved_by      TEXT,
  resolved_at      TEXT,
  reason           TEXT,
  new_operation_id TEXT REFERENCES outbox (operation_id),
  legacy_message   TEXT                            -- refused: what the legacy database said; invalid: the desk's check
) STRICT;
INSERT INTO conflict_next SELECT id, operation_id, detected_at, kind, seen, mine, current, status, resolution,
                                 resolved_by, resolved_at, reason, new_operation_id, legacy_message FROM conflict;
DROP TABLE conflict;
ALTER TABLE conflict_next RENAME TO conflict;
CREATE INDEX conflict_open ON conflict (status, id);
