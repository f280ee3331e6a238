-- Cash drawer sessions and the details of each payment, void and refund taken in them (issue 5
-- point 3). Both are desk-local: the legacy system keeps only the payment rows themselves.

-- A clerk's drawer at this desk: opened with a starting float, closed with what was counted.
-- Nothing in a closed session changes again (trigger below).
CREATE TABLE drawer_session (
  id                  TEXT PRIMARY KEY,        -- uuid
  desk_id             TEXT NOT NULL,
  actor               TEXT NOT NULL,           -- the OS account that opened it
  opened_at           TEXT NOT NULL,
  float_cents         INTEGER NOT NULL CHECK (float_cents >= 0),
  closed_at           TEXT,
  counted_cash_cents  INTEGER,
  counted_check_cents INTEGER,
  counted_card_cents  INTEGER,
  CHECK ((closed_at IS NULL) = (counted_cash_cents IS NULL))
) STRICT;
-- One open session per clerk per desk.
CREATE UNIQUE INDEX drawer_session_open ON drawer_session (desk_id, actor) WHERE closed_at IS NULL;
CREATE INDEX drawer_session_by_time ON drawer_session (desk_id, opened_at);

CREATE TRIGGER drawer_session_closed_is_final BEFORE UPDATE ON drawer_session
  WHEN OLD.closed_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'a closed drawer session cannot be changed');
END;
CREATE TRIGGER drawer_session_never_deleted BEFORE DELETE ON drawer_session
BEGIN
  SELECT RAISE(ABORT, 'drawer sessions are never deleted');
END;

-- How money moved in a session, one row per command (keyed by its outbox operation id): a payment
-- (with tendered and change for cash, the check number, the card reference), or a void or refund
-- of an earlier payment (with the reason). The canonical payment row stays what the legacy has.
CREATE TABLE drawer_entry (
  operation_id    TEXT PRIMARY KEY,
  session_id      TEXT NOT NULL REFERENCES drawer_session (id),
  kind            TEXT NOT NULL CHECK (kind IN ('payment', 'void', 'refund')),
  at              TEXT NOT NULL,
  actor           TEXT NOT NULL,
  licence_id      TEXT NOT NULL,
  amount_cents    INTEGER NOT NULL CHECK (amount_cents > 0),  -- always positive; kind gives the sign
  method          TEXT NOT NULL,
  receipt_no      TEXT NOT NULL,                              -- the desk's provisional receipt
  tendered_cents  INTEGER,
  change_cents    INTEGER,
  check_number    TEXT,
  card_reference  TEXT,
  reverses        TEXT,   -- void/refund: the payment's id when given (legacy number or local:<operation>)
  reason          TEXT,
  CHECK (kind = 'payment' OR (reverses IS NOT NULL AND reason IS NOT NULL))
) STRICT;
CREATE INDEX drawer_entry_by_session ON drawer_entry (session_id, at);
CREATE INDEX drawer_entry_by_reverses ON drawer_entry (reverses);

CREATE TRIGGER drawer_entry_never_changed BEFORE UPDATE ON drawer_entry
BEGIN
  SELECT RAISE(ABORT, 'drawer entries are never changed');
END;
CREATE TRIGGER drawer_entry_never_deleted BEFORE DELETE ON drawer_entry
BEGIN
  SELECT RAISE(ABORT, 'drawer entries are never deleted');
END;

-- The canonical payment learns whether a row reverses another (a void or refund of it).
ALTER TABLE payment ADD COLUMN reversal_of TEXT;
ALTER TABLE payment ADD COLUMN reversal_kind TEXT;
CREATE INDEX payment_by_reversal ON payment (reversal_of) WHERE reversal_of IS NOT NULL;
