-- New applications (issue 5 point 1): a business and a licence being taken in at the counter, with
-- the checklist of the licence type's requirements. Applications are desk records (the legacy
-- system has no table for them); the business and the licence they create go to the legacy DB
-- through the outbox (registerBusiness, issueLicence). Ids of records the legacy system has not
-- numbered yet are 'local:<operationId>' and are replaced by the legacy key once replay settles.

CREATE TABLE application (
  id                TEXT PRIMARY KEY,            -- 'APP-<desk>-<seq>', readable at the counter
  business_id       TEXT NOT NULL,               -- legacy BUSNO as text, or local:<operationId>
  licence_type_code TEXT NOT NULL,
  status            TEXT NOT NULL CHECK (status IN ('open', 'issued', 'withdrawn')),
  licence_id        TEXT,                        -- set when issued: legacy LICNO or local:<operationId>
  created_at        TEXT NOT NULL,
  created_by        TEXT NOT NULL,
  issued_at         TEXT,
  issued_by         TEXT,
  -- Duplicate suggestions the clerk saw and dismissed before registering a new business (JSON).
  dismissed         TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX application_by_status ON application (status, created_at);
CREATE INDEX application_by_business ON application (business_id);
CREATE INDEX application_by_licence ON application (licence_id);

-- The requirement checklist, copied from the city's requirements file when the application is made
-- (a later change to the file does not rewrite what an application was asked for).
CREATE TABLE application_item (
  application_id TEXT NOT NULL REFERENCES application (id),
  code           TEXT NOT NULL,
  label_en       TEXT NOT NULL,
  label_es       TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('document', 'inspection', 'approval')),
  required       INTEGER NOT NULL CHECK (required IN (0, 1)),
  state          TEXT NOT NULL CHECK (state IN ('open', 'received', 'passed', 'approved', 'waived')),
  note           TEXT,
  done_by        TEXT,
  done_at        TEXT,
  position       INTEGER NOT NULL,
  PRIMARY KEY (application_id, code)
) STRICT;

-- Duplicate suggestions look businesses up by phone (cached as "(555) 201-3344") and tax id: index
-- probes, not scans, at 100,000 businesses (name words come from the licence search index).
CREATE INDEX business_by_tax_id ON business (tax_id);
CREATE INDEX business_by_phone ON business (phone);
-- ... and by house number (LIKE '123 %' is an index range under NOCASE, SQLite's LIKE default).
CREATE INDEX business_by_address ON business (address_line COLLATE NOCASE);
