-- Issue 13, the inspector's desk (slice 2): scheduled inspections, their checklists, the
-- violations found and the city's ordinance code table, refreshed from the legacy database like
-- the other canonical entities. `inspection` stays the history the licence page shows.

-- An inspection on the schedule: planned for a day and a time window, assigned to an inspector,
-- then done, cancelled or missed. A site with no licence carries its bare address.
CREATE TABLE scheduled_inspection (
  id           TEXT PRIMARY KEY,
  licence_id   TEXT,
  address      TEXT,
  ward         TEXT,
  kind         TEXT NOT NULL,
  scheduled_on TEXT NOT NULL,
  window_start TEXT,
  window_end   TEXT,
  inspector    TEXT,
  status       TEXT NOT NULL,
  result       TEXT,
  score        INTEGER,
  grade        TEXT,
  refreshed_at TEXT NOT NULL
) STRICT;
-- The inspector's day and what is overdue: by inspector and day, and by status and day.
CREATE INDEX scheduled_inspection_by_inspector_day ON scheduled_inspection (inspector, scheduled_on);
CREATE INDEX scheduled_inspection_by_status_day ON scheduled_inspection (status, scheduled_on);
CREATE INDEX scheduled_inspection_by_licence ON scheduled_inspection (licence_id, scheduled_on)
  WHERE licence_id IS NOT NULL;

-- One item of a done inspection's checklist (its id is the inspection's and the item code).
CREATE TABLE checklist_result (
  id            TEXT PRIMARY KEY,
  inspection_id TEXT NOT NULL,
  item_code     TEXT NOT NULL,
  outcome       TEXT NOT NULL,
  note          TEXT,
  refreshed_at  TEXT NOT NULL
) STRICT;
CREATE INDEX checklist_result_by_inspection ON checklist_result (inspection_id, item_code);

CREATE TABLE violation (
  id                TEXT PRIMARY KEY,
  inspection_id     TEXT NOT NULL,
  ordinance_section TEXT NOT NULL,
  severity          TEXT NOT NULL,
  description       TEXT,
  correct_by        TEXT,
  status            TEXT NOT NULL,
  refreshed_at      TEXT NOT NULL
) STRICT;
CREATE INDEX violation_by_inspection ON violation (inspection_id);
-- Open violations past their deadline, for the site's history and the enforcement slices.
CREATE INDEX violation_by_status_deadline ON violation (status, correct_by);

-- The ordinance code table: every violation cites one of its sections.
CREATE TABLE ordinance (
  section          TEXT PRIMARY KEY,
  title_en         TEXT NOT NULL,
  title_es         TEXT NOT NULL,
  default_severity TEXT NOT NULL,
  correction_days  INTEGER NOT NULL,
  refreshed_at     TEXT NOT NULL
) STRICT;
