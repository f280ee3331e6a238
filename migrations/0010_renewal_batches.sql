-- Batch renewal runs (issue 5 point 4): a list of licences built from the renewal queue's
-- criteria, reviewed, validated, noticed and posted in chunks. Each chunk is ONE cache
-- transaction that renews its licences (outbox + audit) and marks its items posted with their
-- operation ids, so a desk killed at any instant leaves whole chunks, and a resumed run skips
-- every item already posted: no licence is renewed twice by one batch.
CREATE TABLE renewal_batch (
  id                 TEXT PRIMARY KEY,
  created_by         TEXT NOT NULL,
  created_at         TEXT NOT NULL,
  criteria           TEXT NOT NULL,                  -- JSON: the queue filters the list came from
  state              TEXT NOT NULL DEFAULT 'draft'
                     CHECK (state IN ('draft', 'validated', 'notices_printed', 'posting', 'posted', 'cancelled')),
  chunk_size         INTEGER NOT NULL DEFAULT 25 CHECK (chunk_size BETWEEN 1 AND 1000),
  validated_on       TEXT,                           -- the date the last validation quoted for
  validated_at       TEXT,
  notices_printed_at TEXT,
  posting_started_at TEXT,
  finished_at        TEXT,                           -- posted or cancelled
  finished_by        TEXT,
  cancel_reason      TEXT
) STRICT;
CREATE INDEX renewal_batch_recent ON renewal_batch (created_at);

CREATE TABLE renewal_batch_item (
  batch_id          TEXT NOT NULL REFERENCES renewal_batch (id),
  position          INTEGER NOT NULL,                -- the order of the list, and of posting
  licence_id        TEXT NOT NULL,
  business_id       TEXT NOT NULL,
  selected          INTEGER NOT NULL DEFAULT 1 CHECK (selected IN (0, 1)),
  -- JSON [{code, message}] from the last validation; NULL: not validated since it was selected.
  problems          TEXT,
  quote_total_cents INTEGER,
  quote_lines       TEXT,                            -- JSON fee lines of the validated quote
  current_expires_on TEXT,
  new_expires_on    TEXT,
  state             TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'posted', 'blocked')),
  operation_id      TEXT UNIQUE REFERENCES outbox (operation_id),
  posted_at         TEXT,
  PRIMARY KEY (batch_id, licence_id),
  CHECK ((state = 'posted') = (operation_id IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX renewal_batch_item_order ON renewal_batch_item (batch_id, position);
CREATE INDEX renewal_batch_item_licence ON renewal_batch_item (licence_id);
