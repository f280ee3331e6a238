-- Issue 13 point 4, code enforcement: complaints and the cases opened on them, refreshed from the
-- legacy database like the other canonical entities, and made on the desk (under
-- local:<operationId>) until the legacy system numbers them.

-- What someone reported about a place: a licensed business, or an address with no licence.
CREATE TABLE complaint (
  id           TEXT PRIMARY KEY,
  received_on  TEXT,
  channel      TEXT,
  address      TEXT,
  licence_id   TEXT,
  description  TEXT,
  status       TEXT NOT NULL,
  case_id      TEXT,
  refreshed_at TEXT NOT NULL
) STRICT;
CREATE INDEX complaint_by_case ON complaint (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX complaint_by_status ON complaint (status, received_on);

-- The city's work on a place: officer, deadline, how it ended, the fine and when it was paid.
CREATE TABLE enforcement_case (
  id                TEXT PRIMARY KEY,
  opened_on         TEXT,
  address           TEXT,
  business_id       TEXT,
  licence_id        TEXT,
  officer           TEXT,
  status            TEXT NOT NULL,
  correct_by        TEXT,
  fine_cents        INTEGER NOT NULL DEFAULT 0,
  closed_on         TEXT,
  fine_paid_on      TEXT,
  legacy_updated_at TEXT,
  refreshed_at      TEXT NOT NULL
) STRICT;
-- The case list: by status and age, by officer; the duplicate suggestion: open cases by address.
CREATE INDEX enforcement_case_by_status ON enforcement_case (status, opened_on);
CREATE INDEX enforcement_case_by_officer ON enforcement_case (officer, status);
CREATE INDEX enforcement_case_by_address ON enforcement_case (address COLLATE NOCASE);
-- The renewal check: a cited, unpaid fine of a business blocks its renewals.
CREATE INDEX enforcement_case_unpaid_by_business ON enforcement_case (business_id)
  WHERE status = 'cited' AND fine_cents > 0 AND fine_paid_on IS NULL;
