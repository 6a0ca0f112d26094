-- Portal search on SQLite (docs/portal.md, "Search"): FTS5 over text folded
-- by the platform's folding (title, summary, body, number: a-z 0-9 words;
-- FTS5's own remove_diacritics does not fold đ), and `exact`, the words'
-- exact keys (portal/rules.h: exact_key), for ranking matches with the
-- query's own diacritics first. One row per published item or document;
-- rowid = ref_id * 2 (+ 1 for a document). What searches filter on sits in
-- a plain table beside it, so filtering never reads the indexed text back.
CREATE VIRTUAL TABLE portal_search USING fts5(
  title, summary, body, number, exact,
  tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TABLE portal_search_meta (
  key          INTEGER PRIMARY KEY,  -- the FTS5 rowid
  kind         TEXT NOT NULL,
  ref_id       BIGINT NOT NULL,
  category_id  BIGINT,
  unit_code    TEXT NOT NULL,
  day          TEXT NOT NULL,
  visible_from BIGINT NOT NULL
);
