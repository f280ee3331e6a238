-- Issue 5, fees and renewals: the city's holds and outstanding balances (canonical entities
-- `hold` and `balance`, refreshed from the legacy database like the others; they block renewals),
-- and indexes for the renewal queue over many licences.

CREATE TABLE hold (
  id           TEXT PRIMARY KEY,
  -- A hold is on a licence or on a whole business (then every licence of it is held).
  licence_id   TEXT,
  business_id  TEXT,
  code         TEXT,
  reason       TEXT NOT NULL,
  placed_on    TEXT,
  released_on  TEXT,
  refreshed_at TEXT NOT NULL
) STRICT;
CREATE INDEX hold_by_licence ON hold (licence_id) WHERE licence_id IS NOT NULL;
CREATE INDEX hold_by_business ON hold (business_id) WHERE business_id IS NOT NULL;

-- Money a business still owes from earlier charges (receivables), one row per open charge.
CREATE TABLE balance (
  id           TEXT PRIMARY KEY,
  business_id  TEXT NOT NULL,
  licence_id   TEXT,
  amount_cents INTEGER NOT NULL,
  due_on       TEXT,
  description  TEXT,
  refreshed_at TEXT NOT NULL
) STRICT;
CREATE INDEX balance_by_business ON balance (business_id);

-- The renewal queue filters by status and expiry, optionally by type.
CREATE INDEX licence_by_status_expiry ON licence (status, expires_on);
CREATE INDEX licence_by_type_status_expiry ON licence (licence_type_code, status, expires_on);
