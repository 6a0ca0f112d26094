-- The unit tree, time-versioned, and the audit log.

-- Levels are data: a province may rename them or add its own.
CREATE TABLE unit_levels (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  rank INTEGER NOT NULL
);
INSERT INTO unit_levels (code, name, rank) VALUES
  ('province', 'Tỉnh', 1),
  ('department', 'Sở, ban, ngành', 2),
  ('district', 'Huyện', 3),
  ('commune', 'Xã, phường, đặc khu', 4);

-- A unit exists from valid_from to valid_to (both inclusive, YYYY-MM-DD;
-- valid_to NULL while it exists). A merger or split closes units and records
-- their successors. name_folded is the search key (core/text.h fold).
CREATE TABLE units (
  code        TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  short_name  TEXT NOT NULL DEFAULT '',
  level       TEXT NOT NULL REFERENCES unit_levels (code),
  parent_code TEXT REFERENCES units (code),
  valid_from  TEXT NOT NULL,
  valid_to    TEXT,
  name_folded TEXT NOT NULL
);
CREATE INDEX units_parent ON units (parent_code);
CREATE INDEX units_level ON units (level);

CREATE TABLE unit_successors (
  code           TEXT NOT NULL REFERENCES units (code),
  successor_code TEXT NOT NULL REFERENCES units (code),
  PRIMARY KEY (code, successor_code)
);

-- Append-only: each entry carries the hash of the one before (audit/chain.h).
-- seq is consecutive from 1, so a deleted entry leaves a gap.
CREATE TABLE audit_log (
  seq         BIGINT PRIMARY KEY,
  at          BIGINT NOT NULL,
  actor       TEXT NOT NULL,
  address     TEXT NOT NULL,
  action      TEXT NOT NULL,
  entity      TEXT NOT NULL,
  entity_id   TEXT NOT NULL,
  before_json TEXT,
  after_json  TEXT,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_at ON audit_log (at);
