-- The inspector's day counts the open violations at each visit's site, and a visit shows them:
-- a site is a licence (scheduled_inspection_by_licence) or, for a visit with no licence, its bare
-- address. Without this index every address-only visit of the day scanned the whole schedule
-- (121 s for one day of 274 visits at 200,000 inspections: tests/bench/inspector-day.ts).
CREATE INDEX scheduled_inspection_by_address ON scheduled_inspection (address) WHERE licence_id IS NULL;
