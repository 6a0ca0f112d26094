-- Citizen feedback (phản ánh, kiến nghị; docs/feedback.md): categories
-- with their legal deadlines, cases with their workflow, pauses while the
-- citizen is asked to clarify, history, attachments. Instants are Unix
-- seconds. Contact data (name, email, phone) lives only in feedback_cases
-- and is never copied into a public column.

CREATE TABLE feedback_categories (
  id             @AUTO_ID@,
  code           TEXT NOT NULL UNIQUE,          -- the Open311 service_code
  name           TEXT NOT NULL,
  description    TEXT NOT NULL DEFAULT '',
  deadline_days  INTEGER NOT NULL,              -- working days to answer
  extension_days INTEGER NOT NULL,              -- at most this many more, once
  legal_source   TEXT NOT NULL,
  route_by_place INTEGER NOT NULL,              -- 1: to the place's unit; 0: to unit_code
  unit_code      TEXT NOT NULL REFERENCES units (code),
  position       INTEGER NOT NULL DEFAULT 0,
  active         INTEGER NOT NULL DEFAULT 1,
  updated_at     BIGINT NOT NULL
);

CREATE TABLE feedback_cases (
  id               @AUTO_ID@,
  code             TEXT NOT NULL UNIQUE,        -- "PA-7K3M-Q9TX", for the citizen
  token_hash       TEXT NOT NULL UNIQUE,        -- SHA-256 of the private link's secret
  channel          TEXT NOT NULL,
  external_id      TEXT,                        -- the national portal's id, for imports
  category_id      BIGINT NOT NULL REFERENCES feedback_categories (id),
  place_code       TEXT REFERENCES units (code),  -- NULL: "không rõ"
  address          TEXT NOT NULL DEFAULT '',
  lat              DOUBLE PRECISION,
  lon              DOUBLE PRECISION,
  unit_code        TEXT NOT NULL REFERENCES units (code),
  content          TEXT NOT NULL,
  name             TEXT NOT NULL,
  email            TEXT NOT NULL DEFAULT '',
  phone            TEXT NOT NULL DEFAULT '',
  consent          INTEGER NOT NULL,
  publish_allowed  INTEGER NOT NULL,
  state            TEXT NOT NULL,
  received_at      BIGINT NOT NULL,
  clock_start      BIGINT NOT NULL,             -- receipt, or the reopening
  deadline_days    INTEGER NOT NULL,            -- the category's, at receipt
  extension_days   INTEGER NOT NULL DEFAULT 0,
  extension_reason TEXT NOT NULL DEFAULT '',
  due_at           BIGINT NOT NULL,
  assignee         TEXT NOT NULL DEFAULT '',
  answer           TEXT NOT NULL DEFAULT '',
  answered_at      BIGINT,
  answered_by      TEXT NOT NULL DEFAULT '',
  published        INTEGER NOT NULL DEFAULT 0,
  public_content   TEXT NOT NULL DEFAULT '',    -- personal data removed
  public_answer    TEXT NOT NULL DEFAULT '',
  search_text      TEXT NOT NULL DEFAULT '',    -- folded public text
  rating           TEXT,
  rated_at         BIGINT,
  reopened_at      BIGINT,
  refusal_reason   TEXT NOT NULL DEFAULT '',
  merged_into      BIGINT REFERENCES feedback_cases (id),
  ip_hash          TEXT NOT NULL DEFAULT '',
  contact_hash     TEXT NOT NULL DEFAULT '',
  updated_at       BIGINT NOT NULL
);
CREATE UNIQUE INDEX feedback_cases_external ON feedback_cases (channel, external_id);
CREATE INDEX feedback_cases_queue ON feedback_cases (unit_code, state, due_at);
CREATE INDEX feedback_cases_published ON feedback_cases (published, answered_at);
CREATE INDEX feedback_cases_ip ON feedback_cases (ip_hash, received_at);
CREATE INDEX feedback_cases_contact ON feedback_cases (contact_hash, received_at);

-- The citizen asked to clarify: the clock stands still from started_at
-- until ended_at (NULL while waiting).
CREATE TABLE feedback_pauses (
  id         @AUTO_ID@,
  case_id    BIGINT NOT NULL REFERENCES feedback_cases (id),
  started_at BIGINT NOT NULL,
  ended_at   BIGINT,
  question   TEXT NOT NULL,
  reply      TEXT NOT NULL DEFAULT '',
  asked_by   TEXT NOT NULL
);
CREATE INDEX feedback_pauses_case ON feedback_pauses (case_id, started_at);

CREATE TABLE feedback_events (
  id         @AUTO_ID@,
  case_id    BIGINT NOT NULL REFERENCES feedback_cases (id),
  action     TEXT NOT NULL,
  actor      TEXT NOT NULL,                     -- a username, or "citizen"
  from_state TEXT NOT NULL,
  to_state   TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  at         BIGINT NOT NULL
);
CREATE INDEX feedback_events_case ON feedback_events (case_id, at);

-- Attachments, base64 text as evidence files are; shown to officials only,
-- and previewed only once one of them has checked the file.
CREATE TABLE feedback_files (
  id           @AUTO_ID@,
  case_id      BIGINT NOT NULL REFERENCES feedback_cases (id),
  filename     TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size         BIGINT NOT NULL,
  sha256       TEXT NOT NULL,
  content      TEXT NOT NULL,
  checked_by   TEXT NOT NULL DEFAULT '',
  checked_at   BIGINT,
  uploaded_at  BIGINT NOT NULL
);
CREATE INDEX feedback_files_case ON feedback_files (case_id);

-- Acknowledgements waiting to be mailed (store.h: queue_acknowledgement):
-- the private link's path is kept only until the mail is sent.
CREATE TABLE feedback_outbox (
  id         @AUTO_ID@,
  case_id    BIGINT NOT NULL REFERENCES feedback_cases (id),
  to_address TEXT NOT NULL,
  subject    TEXT NOT NULL,
  body       TEXT NOT NULL,              -- "{link}" marks where the link goes
  link_path  TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  sent_at    BIGINT,
  attempts   INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX feedback_outbox_pending ON feedback_outbox (sent_at, attempts);
