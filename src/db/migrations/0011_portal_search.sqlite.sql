-- Portal search on SQLite (docs/portal.md, "Search"): FTS5 over text folded
-- by the platform's folding (title, summary, body, number: a-z 0-9 words;
-- FTS5's own remove_diacritics does not fold đ), and `exact`, the words'
-- exact keys (portal/rules.h: exact_key), for ranking matches with the
-- query's own diacritics first. One row per published item or document;
-- rowid = ref_id * 2 (+ 1 for a document). The filters ride along unindexed.
CREATE VIRTUAL TABLE portal_search USING fts5(
  kind UNINDEXED, ref_id UNINDEXED, category_id UNINDEXED, unit_code UNINDEXED, day UNINDEXED,
  visible_from UNINDEXED,
  title, summary, body, number, exact,
  tokenize = 'unicode61 remove_diacritics 0'
);
