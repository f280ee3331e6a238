-- Licence status changes and certificates (issue 5 point 5).

-- 'revoked' becomes a status the cache can hold (withdrawn by the city for cause; 'closed' is a
-- business that stopped trading). SQLite cannot widen a CHECK in place, so the table is rebuilt
-- with the same columns and the same rowids: the search index (0002) is keyed by licence rowid.
CREATE TABLE licence_with_revoked (
  id                TEXT PRIMARY KEY,
  business_id       TEXT NOT NULL,
  licence_type_code TEXT,
  status            TEXT NOT NULL CHECK (status IN ('active', 'expired', 'suspended', 'closed', 'revoked', 'unknown')),
  issued_on         TEXT,
  expires_on        TEXT,
  fee_cents         INTEGER,
  legacy_updated_at TEXT,
  refreshed_at      TEXT NOT NULL
) STRICT;
INSERT INTO licence_with_revoked (rowid, id, business_id, licence_type_code, status, issued_on, expires_on,
                                  fee_cents, legacy_updated_at, refreshed_at)
  SELECT rowid, id, business_id, licence_type_code, status, issued_on, expires_on,
         fee_cents, legacy_updated_at, refreshed_at
  FROM licence;
DROP TABLE licence;
ALTER TABLE licence_with_revoked RENAME TO licence;
CREATE INDEX licence_by_business ON licence (business_id);
CREATE INDEX licence_by_expiry ON licence (expires_on);

-- Every certificate this desk printed, with the licence facts it certified: a later check of its
-- verification code compares them with the licence as the desk knows it now. Desk-local: the
-- legacy system has no place for certificates. Rows are never changed nor deleted.
CREATE TABLE certificate (
  certificate_no    TEXT PRIMARY KEY,          -- e.g. C-FRONT1-000042 (desk-prefixed sequence)
  code              TEXT NOT NULL UNIQUE,      -- the verification code, normalised (no dashes), check character included
  licence_id        TEXT NOT NULL,
  language          TEXT NOT NULL CHECK (language IN ('en', 'es')),
  desk_id           TEXT NOT NULL,
  issued_at         TEXT NOT NULL,
  issued_by         TEXT NOT NULL,
  -- The licence facts as printed (JSON: status, type, issued and expiry dates, business name, DBA, address).
  facts             TEXT NOT NULL
) STRICT;
CREATE INDEX certificate_by_licence ON certificate (licence_id, issued_at);

CREATE TRIGGER certificate_is_final BEFORE UPDATE ON certificate
BEGIN
  SELECT RAISE(ABORT, 'a certificate record is never changed');
END;
CREATE TRIGGER certificate_never_deleted BEFORE DELETE ON certificate
BEGIN
  SELECT RAISE(ABORT, 'certificate records are never deleted');
END;
