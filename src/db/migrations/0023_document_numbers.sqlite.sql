-- A document's number is unique per issuing unit and year, not across the
-- province (Decree 30/2020/NĐ-CP: each office numbers its documents from 01
-- every calendar year), so two wards may each issue 15/KH-UBND. The year is
-- that of the issue date, or the plan's year while it has none
-- (plans::number_year, inspections::number_year).
--
-- SQLite cannot drop a column's UNIQUE: plans and inspection_plans are
-- rebuilt (copied aside, dropped, created again without it, refilled with
-- the same ids; neither table ever deletes a row, so AUTOINCREMENT goes on
-- from the same highest id). Their children (objectives, tasks,
-- requirements, implementing plans; the team, the visits) lack a parent
-- only between the drop and the refill, so foreign keys are checked at
-- commit instead, when every one must hold again.
PRAGMA defer_foreign_keys = ON;

CREATE TABLE plans_rebuilt AS SELECT * FROM plans;
DROP TABLE plans;
CREATE TABLE plans (
  id          @AUTO_ID@,
  number      TEXT NOT NULL,                  -- "77/KH-VP"
  kind        TEXT NOT NULL,                  -- reform | communication
  unit_code   TEXT NOT NULL REFERENCES units (code),
  issued_on   TEXT,                           -- YYYY-MM-DD
  title       TEXT NOT NULL,
  year        INTEGER NOT NULL,
  parent_id   BIGINT REFERENCES plans (id),   -- the plan it implements
  legal_bases TEXT NOT NULL DEFAULT '',       -- one reference per line
  objectives  TEXT NOT NULL DEFAULT '',       -- objectives and requirements
  status      TEXT NOT NULL,                  -- draft | issued | closed
  created_at  BIGINT NOT NULL,
  updated_at  BIGINT NOT NULL
);
INSERT INTO plans (id, number, kind, unit_code, issued_on, title, year, parent_id, legal_bases, objectives, status,
                   created_at, updated_at)
  SELECT id, number, kind, unit_code, issued_on, title, year, parent_id, legal_bases, objectives, status, created_at,
         updated_at
  FROM plans_rebuilt ORDER BY id;
DROP TABLE plans_rebuilt;
CREATE INDEX plans_year ON plans (year);
CREATE UNIQUE INDEX plans_unit_year_number
  ON plans (unit_code, (COALESCE(substr(issued_on, 1, 4), CAST(year AS TEXT))), number);

CREATE TABLE inspection_plans_rebuilt AS SELECT * FROM inspection_plans;
DROP TABLE inspection_plans;
CREATE TABLE inspection_plans (
  id          @AUTO_ID@,
  year        INTEGER NOT NULL,
  number      TEXT NOT NULL,                   -- "45/KH-SNV"
  title       TEXT NOT NULL,
  issuer_unit TEXT NOT NULL REFERENCES units (code),
  issued_on   TEXT,
  areas       TEXT NOT NULL DEFAULT '',        -- reform-area codes, one per line
  content     TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL,                   -- draft | announced
  created_by  TEXT NOT NULL,
  created_at  BIGINT NOT NULL
);
INSERT INTO inspection_plans (id, year, number, title, issuer_unit, issued_on, areas, content, status, created_by,
                              created_at)
  SELECT id, year, number, title, issuer_unit, issued_on, areas, content, status, created_by, created_at
  FROM inspection_plans_rebuilt ORDER BY id;
DROP TABLE inspection_plans_rebuilt;
CREATE INDEX inspection_plans_year ON inspection_plans (year);
CREATE UNIQUE INDEX inspection_plans_unit_year_number
  ON inspection_plans (issuer_unit, (COALESCE(substr(issued_on, 1, 4), CAST(year AS TEXT))), number);
