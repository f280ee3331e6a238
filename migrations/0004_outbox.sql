-- The outbox: every change a person makes, in order, waiting to be replayed into the legacy
-- database. Written in the same transaction as the change's local effect and its audit entry.
CREATE TABLE outbox (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,  -- replay order on this desk
  operation_id    TEXT NOT NULL UNIQUE,               -- makes replay idempotent
  desk_id         TEXT NOT NULL,
  actor           TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  command         TEXT NOT NULL,
  payload_version INTEGER NOT NULL,
  payload         TEXT NOT NULL,                      -- JSON, versioned by payload_version
  base            TEXT NOT NULL,                      -- JSON: the legacy rows the command read, as read
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'applied', 'conflict', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT,
  settled_at      TEXT,
  legacy_result   TEXT                                -- JSON: what the legacy system gave back (numbers)
) STRICT;
CREATE INDEX outbox_waiting ON outbox (status, seq);

-- Cached rows that carry a change not yet in the legacy database: a refresh must not overwrite or
-- remove them until the change is settled.
CREATE TABLE pending_change (
  entity       TEXT NOT NULL,
  record_id    TEXT NOT NULL,
  operation_id TEXT NOT NULL REFERENCES outbox (operation_id),
  PRIMARY KEY (entity, record_id, operation_id)
) STRICT;
