-- Report requests (plans/requests.h, docs/plans.md "Report requests"):
-- what the coordinator asks of units outside the task matrix, each
-- recipient's answer, the files they attach and every step.
CREATE TABLE report_requests (
  id           @AUTO_ID@,
  kind         TEXT NOT NULL,              -- adhoc | review | thematic | figure
  title        TEXT NOT NULL,
  body         TEXT NOT NULL DEFAULT '',
  outline      TEXT NOT NULL DEFAULT '',   -- headings, one per line
  figure_unit  TEXT NOT NULL DEFAULT '',
  due_on       TEXT NOT NULL,
  issuer_unit  TEXT NOT NULL REFERENCES units (code),
  status       TEXT NOT NULL DEFAULT 'open',  -- open | closed
  created_by   TEXT NOT NULL,
  created_at   BIGINT NOT NULL
);

CREATE TABLE report_request_units (
  request_id   BIGINT NOT NULL REFERENCES report_requests (id),
  unit_code    TEXT NOT NULL REFERENCES units (code),
  state        TEXT NOT NULL DEFAULT 'none',  -- none | submitted | accepted | returned
  sections     TEXT NOT NULL DEFAULT '[]',    -- JSON: one text per heading
  figure       DOUBLE PRECISION,
  review_note  TEXT NOT NULL DEFAULT '',
  submitted_by TEXT NOT NULL DEFAULT '',
  submitted_at BIGINT,
  reviewed_by  TEXT NOT NULL DEFAULT '',
  reviewed_at  BIGINT,
  PRIMARY KEY (request_id, unit_code)
);
CREATE INDEX report_request_units_unit ON report_request_units (unit_code, state);

CREATE TABLE report_request_files (
  id           @AUTO_ID@,
  request_id   BIGINT NOT NULL REFERENCES report_requests (id),
  unit_code    TEXT NOT NULL REFERENCES units (code),
  filename     TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size         BIGINT NOT NULL,
  sha256       TEXT NOT NULL,
  content      TEXT NOT NULL,                 -- base64
  uploaded_by  TEXT NOT NULL,
  uploaded_at  BIGINT NOT NULL
);
CREATE INDEX report_request_files_answer ON report_request_files (request_id, unit_code);

CREATE TABLE report_request_events (
  id          @AUTO_ID@,
  request_id  BIGINT NOT NULL REFERENCES report_requests (id),
  unit_code   TEXT NOT NULL DEFAULT '',
  event       TEXT NOT NULL,                  -- sent | submitted | accepted | returned | closed | reopened
  note        TEXT NOT NULL DEFAULT '',
  actor       TEXT NOT NULL,
  at          BIGINT NOT NULL
);
