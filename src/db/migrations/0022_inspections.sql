-- Reform inspections (docs/inspections.md): a year's plan, its team, the
-- units to visit, each visit's record of findings, and the follow-up of
-- every recommendation until fixed.
CREATE TABLE inspection_plans (
  id          @AUTO_ID@,
  year        INTEGER NOT NULL,
  number      TEXT NOT NULL UNIQUE,            -- "45/KH-SNV"
  title       TEXT NOT NULL,
  issuer_unit TEXT NOT NULL REFERENCES units (code),
  issued_on   TEXT,
  areas       TEXT NOT NULL DEFAULT '',        -- reform-area codes, one per line
  content     TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL,                   -- draft | announced
  created_by  TEXT NOT NULL,
  created_at  BIGINT NOT NULL
);
CREATE INDEX inspection_plans_year ON inspection_plans (year);

CREATE TABLE inspection_team (
  plan_id   BIGINT NOT NULL REFERENCES inspection_plans (id),
  ord       INTEGER NOT NULL,
  name      TEXT NOT NULL,
  unit_code TEXT NOT NULL REFERENCES units (code),
  role      TEXT NOT NULL,                     -- head | member | secretary
  PRIMARY KEY (plan_id, ord)
);

CREATE TABLE inspections (
  id           @AUTO_ID@,
  plan_id      BIGINT NOT NULL REFERENCES inspection_plans (id),
  unit_code    TEXT NOT NULL REFERENCES units (code),
  scheduled_on TEXT NOT NULL,
  reason       TEXT NOT NULL DEFAULT '',       -- why the unit was chosen
  state        TEXT NOT NULL,                  -- scheduled | done
  held_on      TEXT,
  summary      TEXT NOT NULL DEFAULT '',
  announced_at BIGINT,
  recorded_by  TEXT NOT NULL DEFAULT '',
  recorded_at  BIGINT,
  UNIQUE (plan_id, unit_code)
);
CREATE INDEX inspections_unit ON inspections (unit_code);

CREATE TABLE inspection_findings (
  id               @AUTO_ID@,
  inspection_id    BIGINT NOT NULL REFERENCES inspections (id),
  area_code        TEXT NOT NULL,
  shortcoming      INTEGER NOT NULL,
  text             TEXT NOT NULL,
  recommendation   TEXT NOT NULL DEFAULT '',
  responsible_unit TEXT REFERENCES units (code),
  due_on           TEXT,
  state            TEXT NOT NULL DEFAULT 'open', -- open | reported | returned | fixed
  fix_report       TEXT NOT NULL DEFAULT '',
  review_note      TEXT NOT NULL DEFAULT '',
  fixed_on         TEXT,
  reported_at      BIGINT,
  created_by       TEXT NOT NULL,
  created_at       BIGINT NOT NULL
);
CREATE INDEX inspection_findings_visit ON inspection_findings (inspection_id);
CREATE INDEX inspection_findings_unit ON inspection_findings (responsible_unit, state);

-- Each step of a recommendation's follow-up: report, accept, send_back.
CREATE TABLE inspection_finding_events (
  id         @AUTO_ID@,
  finding_id BIGINT NOT NULL REFERENCES inspection_findings (id),
  action     TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  actor      TEXT NOT NULL,
  at         BIGINT NOT NULL
);
CREATE INDEX inspection_finding_events_finding ON inspection_finding_events (finding_id);

-- The signed minutes of a visit (kind minutes) and the evidence of a fix
-- (kind evidence, with its finding).
CREATE TABLE inspection_files (
  id            @AUTO_ID@,
  inspection_id BIGINT NOT NULL REFERENCES inspections (id),
  finding_id    BIGINT REFERENCES inspection_findings (id),
  kind          TEXT NOT NULL,
  filename      TEXT NOT NULL,
  content_type  TEXT NOT NULL,
  size          BIGINT NOT NULL,
  sha256        TEXT NOT NULL,
  content       TEXT NOT NULL,                 -- base64
  uploaded_by   TEXT NOT NULL,
  uploaded_at   BIGINT NOT NULL
);
CREATE INDEX inspection_files_visit ON inspection_files (inspection_id);
