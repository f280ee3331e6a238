-- Legacy code tables (statuses, payment methods, inspection kinds…) and their labels, so screens and
-- reports can show a legacy code's meaning.
CREATE TABLE code_value (
  id           TEXT PRIMARY KEY,          -- code_table || ':' || code
  code_table   TEXT NOT NULL,
  code         TEXT NOT NULL,
  label        TEXT,
  refreshed_at TEXT NOT NULL,
  UNIQUE (code_table, code)
) STRICT;
