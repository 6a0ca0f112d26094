-- Portal search on PostgreSQL (docs/portal.md, "Search"): the same folded
-- text and exact keys as on SQLite, as tsvectors of the 'simple'
-- configuration (the words are plain ASCII already) under GIN indexes.
-- Weights: title and number A, summary B, body D.
CREATE TABLE portal_search (
  key          BIGINT PRIMARY KEY,   -- ref_id * 2 (+ 1 for a document)
  kind         TEXT NOT NULL,
  ref_id       BIGINT NOT NULL,
  category_id  BIGINT,
  unit_code    TEXT NOT NULL,
  day          TEXT NOT NULL,
  visible_from BIGINT NOT NULL,
  doc          tsvector NOT NULL,
  exact        tsvector NOT NULL
);
CREATE INDEX portal_search_doc ON portal_search USING GIN (doc);
CREATE INDEX portal_search_exact ON portal_search USING GIN (exact);
