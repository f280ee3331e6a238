-- Temporary certificates (issue 5: the counter works with the legacy link cut). A licence issued
-- on this desk lives under its provisional id (local:<operationId>, shown as P-XXXXXXXX) until
-- the legacy system numbers it; meanwhile the desk may print a TEMPORARY certificate for it, good
-- until `valid_until` (or until the permanent certificate is printed under the city's number).
-- The row keeps the provisional licence id it was printed with (certificate rows never change,
-- 0008): readers follow it through adopted_id (0012) to the licence's legacy number.
ALTER TABLE certificate ADD COLUMN kind TEXT NOT NULL DEFAULT 'permanent'
  CHECK (kind IN ('permanent', 'temporary'));
ALTER TABLE certificate ADD COLUMN valid_until TEXT;  -- ISO date; set for a temporary certificate
