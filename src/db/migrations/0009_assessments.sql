-- Assessments and rankings (docs/assessments.md): versioned criteria sets,
-- rounds with their levels, deadlines, participants and extra components,
-- self-assessments with evidence, appraisals, publication. Days are
-- "YYYY-MM-DD" (local); instants are Unix seconds.

-- A criteria set version is never changed once stored: changing a set
-- stores the next version; a round pins the version it was given.
CREATE TABLE criteria_sets (
  id          @AUTO_ID@,
  code        TEXT NOT NULL,
  version     INTEGER NOT NULL,
  name        TEXT NOT NULL,
  level_code  TEXT NOT NULL REFERENCES unit_levels (code),
  fingerprint TEXT NOT NULL,                 -- SHA-256 of its canonical JSON
  created_at  BIGINT NOT NULL,
  UNIQUE (code, version)
);

CREATE TABLE criteria (
  set_id            BIGINT NOT NULL REFERENCES criteria_sets (id),
  code              TEXT NOT NULL,            -- "2.3.1"
  parent_code       TEXT NOT NULL DEFAULT '', -- '' for an area
  ord               INTEGER NOT NULL,
  name              TEXT NOT NULL,
  guidance          TEXT NOT NULL DEFAULT '',
  max_score         DOUBLE PRECISION NOT NULL DEFAULT 0,
  min_score         DOUBLE PRECISION NOT NULL DEFAULT 0,
  rule              TEXT NOT NULL DEFAULT 'manual',  -- manual | yes_no | tiers | indicator
  step              DOUBLE PRECISION,
  tiers             TEXT NOT NULL DEFAULT '',  -- JSON [{"from":90,"score":2},…]
  indicator         TEXT NOT NULL DEFAULT '',
  evidence_required INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (set_id, code)
);

CREATE TABLE assessment_rounds (
  id            @AUTO_ID@,
  code          TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  year          INTEGER NOT NULL,
  evidence_from TEXT NOT NULL,
  evidence_to   TEXT NOT NULL,
  previous_code TEXT NOT NULL DEFAULT '',
  answer_days   INTEGER NOT NULL DEFAULT 5,
  bands         TEXT NOT NULL,               -- JSON [{"name":"Tốt","min_percent":90},…]
  status        TEXT NOT NULL,               -- open | published
  published_at  BIGINT,
  published_by  TEXT,
  decision      TEXT NOT NULL DEFAULT '',
  created_at    BIGINT NOT NULL
);

-- Each level of a round: its criteria set (version) and deadline.
CREATE TABLE round_levels (
  round_id   BIGINT NOT NULL REFERENCES assessment_rounds (id),
  level_code TEXT NOT NULL REFERENCES unit_levels (code),
  set_id     BIGINT NOT NULL REFERENCES criteria_sets (id),
  deadline   BIGINT NOT NULL,                -- last on-time second
  PRIMARY KEY (round_id, level_code)
);

CREATE TABLE round_components (
  round_id  BIGINT NOT NULL REFERENCES assessment_rounds (id),
  code      TEXT NOT NULL,
  name      TEXT NOT NULL,
  weight    DOUBLE PRECISION NOT NULL,
  max_value DOUBLE PRECISION NOT NULL,
  ord       INTEGER NOT NULL,
  PRIMARY KEY (round_id, code)
);

-- The participating units and where each stands.
CREATE TABLE round_units (
  round_id         BIGINT NOT NULL REFERENCES assessment_rounds (id),
  unit_code        TEXT NOT NULL REFERENCES units (code),
  level_code       TEXT NOT NULL,
  extended_until   BIGINT,
  extension_reason TEXT NOT NULL DEFAULT '',
  state            TEXT NOT NULL DEFAULT 'draft',   -- draft | submitted
  submitted_at     BIGINT,
  submitted_by     TEXT NOT NULL DEFAULT '',
  appraisal        TEXT NOT NULL DEFAULT 'none',    -- none | appraising | awaiting_answer | answered | final
  answer_due       BIGINT,
  updated_at       BIGINT NOT NULL,
  PRIMARY KEY (round_id, unit_code)
);

CREATE TABLE component_values (
  round_id       BIGINT NOT NULL REFERENCES assessment_rounds (id),
  unit_code      TEXT NOT NULL REFERENCES units (code),
  component_code TEXT NOT NULL,
  value          DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (round_id, unit_code, component_code)
);

-- Who appraises which unit (never a member of the unit itself).
CREATE TABLE round_appraisers (
  round_id  BIGINT NOT NULL REFERENCES assessment_rounds (id),
  unit_code TEXT NOT NULL REFERENCES units (code),
  username  TEXT NOT NULL,
  PRIMARY KEY (round_id, unit_code, username)
);

CREATE TABLE assessment_scores (
  round_id          BIGINT NOT NULL REFERENCES assessment_rounds (id),
  unit_code         TEXT NOT NULL REFERENCES units (code),
  criterion_code    TEXT NOT NULL,
  self_score        DOUBLE PRECISION,
  self_value        DOUBLE PRECISION,
  explanation       TEXT NOT NULL DEFAULT '',
  appraised_score   DOUBLE PRECISION,
  appraisal_comment TEXT NOT NULL DEFAULT '',
  answer            TEXT NOT NULL DEFAULT '',
  updated_at        BIGINT NOT NULL,
  PRIMARY KEY (round_id, unit_code, criterion_code)
);

-- Evidence: an uploaded file (stored under a random id, served only as a
-- download) or a reference to a document already in cchc, attached to
-- every criterion it satisfies.
CREATE TABLE assessment_files (
  id           TEXT PRIMARY KEY,             -- 32 random hex digits
  round_id     BIGINT NOT NULL REFERENCES assessment_rounds (id),
  unit_code    TEXT NOT NULL REFERENCES units (code),
  filename     TEXT NOT NULL,
  content_type TEXT NOT NULL,                -- detected from the content
  size         BIGINT NOT NULL,
  sha256       TEXT NOT NULL,
  content      TEXT NOT NULL,                -- base64
  uploaded_by  TEXT NOT NULL,
  uploaded_at  BIGINT NOT NULL
);

CREATE TABLE assessment_evidence (
  id        @AUTO_ID@,
  round_id  BIGINT NOT NULL REFERENCES assessment_rounds (id),
  unit_code TEXT NOT NULL REFERENCES units (code),
  file_id   TEXT REFERENCES assessment_files (id),
  reference TEXT NOT NULL DEFAULT '',        -- a document's number ("77/KH-VP")
  title     TEXT NOT NULL,
  doc_date  TEXT,                            -- YYYY-MM-DD
  href      TEXT NOT NULL DEFAULT '',
  added_by  TEXT NOT NULL,
  added_at  BIGINT NOT NULL
);
CREATE INDEX assessment_evidence_unit ON assessment_evidence (round_id, unit_code);

CREATE TABLE evidence_criteria (
  evidence_id    BIGINT NOT NULL REFERENCES assessment_evidence (id),
  criterion_code TEXT NOT NULL,
  PRIMARY KEY (evidence_id, criterion_code)
);
