-- Service-delivery records, their rollups, targets, manual 766 values and
-- the API tokens one-stop systems push with. Times are Unix seconds; months
-- are "YYYY-MM" in +07:00 (indicators/rollup.h).

CREATE TABLE dossiers (
  id               TEXT PRIMARY KEY,
  unit_code        TEXT NOT NULL REFERENCES units (code),
  procedure_code   TEXT NOT NULL,
  channel          TEXT NOT NULL,
  online_service   TEXT NOT NULL,
  received_at      BIGINT NOT NULL,
  due_at           BIGINT NOT NULL,
  finished_at      BIGINT,
  returned_at      BIGINT,
  status           TEXT NOT NULL,
  digitized        INTEGER NOT NULL,
  result_digitized INTEGER NOT NULL,
  fee_required     INTEGER NOT NULL,
  paid_online      INTEGER NOT NULL,
  rating           TEXT,
  apology_sent     INTEGER NOT NULL,
  received_month   TEXT NOT NULL
);
-- The unit page's list of overdue open dossiers.
CREATE INDEX dossiers_open ON dossiers (unit_code, finished_at, due_at);

CREATE TABLE feedback (
  id             TEXT PRIMARY KEY,
  unit_code      TEXT NOT NULL REFERENCES units (code),
  channel        TEXT NOT NULL,
  received_at    BIGINT NOT NULL,
  due_at         BIGINT NOT NULL,
  answered_at    BIGINT,
  status         TEXT NOT NULL,
  rating         TEXT,
  received_month TEXT NOT NULL
);

CREATE TABLE dossier_months (
  unit_code TEXT NOT NULL, month TEXT NOT NULL, channel TEXT NOT NULL,
  received BIGINT NOT NULL DEFAULT 0, received_full BIGINT NOT NULL DEFAULT 0,
  digitized BIGINT NOT NULL DEFAULT 0, fee_required BIGINT NOT NULL DEFAULT 0,
  paid_online BIGINT NOT NULL DEFAULT 0, finished BIGINT NOT NULL DEFAULT 0,
  finished_on_time BIGINT NOT NULL DEFAULT 0, result_digitized BIGINT NOT NULL DEFAULT 0,
  rated BIGINT NOT NULL DEFAULT 0, satisfied BIGINT NOT NULL DEFAULT 0,
  late BIGINT NOT NULL DEFAULT 0, late_apology BIGINT NOT NULL DEFAULT 0,
  finished_ok BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_code, month, channel)
);

CREATE TABLE dossier_procedures (
  unit_code TEXT NOT NULL, month TEXT NOT NULL, procedure_code TEXT NOT NULL,
  received BIGINT NOT NULL DEFAULT 0, finished BIGINT NOT NULL DEFAULT 0,
  finished_on_time BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_code, month, procedure_code)
);

CREATE TABLE dossier_backlog (
  unit_code TEXT NOT NULL, received_month TEXT NOT NULL, due_month TEXT NOT NULL,
  finished_month TEXT NOT NULL, n BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_code, finished_month, received_month, due_month)
);

CREATE TABLE feedback_months (
  unit_code TEXT NOT NULL, month TEXT NOT NULL, channel TEXT NOT NULL,
  received BIGINT NOT NULL DEFAULT 0, answered BIGINT NOT NULL DEFAULT 0,
  answered_on_time BIGINT NOT NULL DEFAULT 0, rated BIGINT NOT NULL DEFAULT 0,
  satisfied BIGINT NOT NULL DEFAULT 0, answered_ok BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_code, month, channel)
);

CREATE TABLE feedback_backlog (
  unit_code TEXT NOT NULL, received_month TEXT NOT NULL, due_month TEXT NOT NULL,
  answered_month TEXT NOT NULL, n BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_code, answered_month, received_month, due_month)
);

-- Targets: the share (0..1) a unit of `level` should reach for `indicator`
-- in `year`.
CREATE TABLE indicator_targets (
  indicator TEXT NOT NULL,
  level     TEXT NOT NULL REFERENCES unit_levels (code),
  year      INTEGER NOT NULL,
  target    DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (indicator, level, year)
);

-- 766 indicators the records cannot feed, entered by hand per unit and
-- period (period code as in core/period.h).
CREATE TABLE index766_manual (
  unit_code   TEXT NOT NULL REFERENCES units (code),
  period      TEXT NOT NULL,
  indicator   TEXT NOT NULL,
  numerator   BIGINT NOT NULL,
  denominator BIGINT NOT NULL,
  PRIMARY KEY (unit_code, period, indicator)
);

-- Tokens one-stop systems push records with: the SHA-256 of the secret is
-- kept, never the secret. A token may write records of units in the subtree
-- of unit_code only.
CREATE TABLE api_tokens (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  unit_code   TEXT NOT NULL REFERENCES units (code),
  created_at  BIGINT NOT NULL,
  created_by  TEXT NOT NULL,
  revoked_at  BIGINT,
  last_used_at BIGINT
);
