-- The canonical model as cached on a desk. Keys are the legacy keys, as text.
-- refreshed_at is the start time of the refresh that last wrote the row (ISO with offset).

CREATE TABLE desk_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE business (
  id                TEXT PRIMARY KEY,
  name              TEXT NOT NULL,
  dba_name          TEXT,
  owner_name        TEXT,
  address_line      TEXT,
  city              TEXT,
  state             TEXT,
  postal_code       TEXT,
  phone             TEXT,
  tax_id            TEXT,
  opened_on         TEXT,
  legacy_updated_at TEXT,
  refreshed_at      TEXT NOT NULL
) STRICT;

CREATE TABLE licence_type (
  code         TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  term_months  INTEGER,
  refreshed_at TEXT NOT NULL
) STRICT;

CREATE TABLE fee_schedule (
  id                TEXT PRIMARY KEY,
  licence_type_code TEXT NOT NULL,
  effective_on      TEXT,
  amount_cents      INTEGER NOT NULL,
  description       TEXT,
  refreshed_at      TEXT NOT NULL
) STRICT;
CREATE INDEX fee_schedule_by_type ON fee_schedule (licence_type_code, effective_on);

CREATE TABLE licence (
  id                TEXT PRIMARY KEY,
  business_id       TEXT NOT NULL,
  licence_type_code TEXT,
  status            TEXT NOT NULL CHECK (status IN ('active', 'expired', 'suspended', 'closed', 'unknown')),
  issued_on         TEXT,
  expires_on        TEXT,
  fee_cents         INTEGER,
  legacy_updated_at TEXT,
  refreshed_at      TEXT NOT NULL
) STRICT;
CREATE INDEX licence_by_business ON licence (business_id);
CREATE INDEX licence_by_expiry ON licence (expires_on);

CREATE TABLE payment (
  id           TEXT PRIMARY KEY,
  licence_id   TEXT NOT NULL,
  paid_on      TEXT,
  amount_cents INTEGER NOT NULL,
  method       TEXT NOT NULL,
  receipt_no   TEXT,
  refreshed_at TEXT NOT NULL
) STRICT;
CREATE INDEX payment_by_licence ON payment (licence_id, paid_on);

CREATE TABLE inspection (
  id           TEXT PRIMARY KEY,
  licence_id   TEXT NOT NULL,
  inspected_on TEXT,
  kind         TEXT,
  result       TEXT NOT NULL,
  inspector    TEXT,
  notes        TEXT,
  refreshed_at TEXT NOT NULL
) STRICT;
CREATE INDEX inspection_by_licence ON inspection (licence_id, inspected_on);

-- One row per dataset (canonical entity): how the last refresh went.
CREATE TABLE sync_state (
  dataset              TEXT PRIMARY KEY,
  last_started_at      TEXT,
  last_completed_at    TEXT,
  rows                 INTEGER NOT NULL DEFAULT 0,
  rejected             INTEGER NOT NULL DEFAULT 0,
  last_error           TEXT
) STRICT;

-- Values the bridge could not read (impossible dates, unknown codes): kept for IT to fix at the source.
CREATE TABLE data_issue (
  id         INTEGER PRIMARY KEY,
  dataset    TEXT NOT NULL,
  record_id  TEXT,
  field      TEXT NOT NULL,
  value      TEXT,
  problem    TEXT NOT NULL,
  seen_at    TEXT NOT NULL
) STRICT;
CREATE INDEX data_issue_by_dataset ON data_issue (dataset, field);

-- Every change to records and every refresh is audited.
CREATE TABLE audit_log (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  actor   TEXT NOT NULL,
  action  TEXT NOT NULL,
  subject TEXT,
  detail  TEXT
) STRICT;
