-- Which legacy id each record made on this desk (local:<operationId>) became when its command
-- settled, so a screen or a command still holding the provisional id (a licence opened before the
-- sync, a payment form on it) finds the record under its legacy id.
CREATE TABLE adopted_id (
  local_id   TEXT PRIMARY KEY,
  entity     TEXT NOT NULL,
  legacy_id  TEXT NOT NULL,
  adopted_at TEXT NOT NULL
) STRICT;
