-- Files an import page has checked, kept on the server until the person
-- confirms them (docs/directory.md, "Staged uploads"; directory/staged.h):
-- the confirmation form carries only the id. Owned by the uploader and
-- their unit, charged to the unit's storage quota, removed when imported,
-- refused (and purged) once expired.
CREATE TABLE staged_uploads (
  id          TEXT PRIMARY KEY,
  purpose     TEXT NOT NULL,           -- what it was checked for: "indicators:dossiers", "units", "plan:12"
  filename    TEXT NOT NULL,
  size        BIGINT NOT NULL,
  content     TEXT NOT NULL,           -- base64
  unit_code   TEXT NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at BIGINT NOT NULL,
  expires_at  BIGINT NOT NULL
);
CREATE INDEX staged_uploads_owner ON staged_uploads (uploaded_by, purpose, uploaded_at);
CREATE INDEX staged_uploads_expiry ON staged_uploads (expires_at);
