-- Documents read by cchc (docs/documents.md, "The review page"): the
-- original file kept under a random id, the text read from it, the
-- reading as JSON, and what was made of it (a library entry, a plan).
CREATE TABLE document_uploads (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size         BIGINT NOT NULL,
  content      TEXT NOT NULL,          -- base64
  text         TEXT NOT NULL,
  reading      TEXT NOT NULL,          -- documents/json.h
  unit_code    TEXT NOT NULL,
  uploaded_by  TEXT NOT NULL,
  uploaded_at  BIGINT NOT NULL,
  library_href TEXT NOT NULL DEFAULT '',
  plan_href    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX document_uploads_unit ON document_uploads (unit_code, uploaded_at);
