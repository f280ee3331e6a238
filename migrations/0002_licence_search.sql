-- Full-text search over what a clerk types at the counter: business and DBA names, owner, licence
-- number, address and phone (as written and as digits). One document per licence, keyed by the
-- licence's rowid; contentless, because the text lives in the canonical tables already.
CREATE VIRTUAL TABLE licence_search USING fts5 (
  licence_no,
  business_name,
  dba_name,
  owner_name,
  address,
  phone,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);
