-- Reform plans (docs/plans.md): plans and their objectives, the task matrix,
-- which units owe each task, progress reports by period, the reporting
-- periods, and the aliases that match a matrix's unit names to the
-- directory. Days are "YYYY-MM-DD" (local); instants are Unix seconds.

-- The reform areas: the 2021-2030 programme's six plus direction and
-- communication. A configurable list: rows may be renamed, added, retired.
CREATE TABLE reform_areas (
  code   TEXT PRIMARY KEY,
  name   TEXT NOT NULL,
  ord    INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1
);
INSERT INTO reform_areas (code, name, ord) VALUES
  ('direction', 'Công tác chỉ đạo, điều hành', 1),
  ('institutions', 'Cải cách thể chế', 2),
  ('procedures', 'Cải cách thủ tục hành chính', 3),
  ('organisation', 'Cải cách tổ chức bộ máy hành chính nhà nước', 4),
  ('civil_service', 'Cải cách chế độ công vụ', 5),
  ('public_finance', 'Cải cách tài chính công', 6),
  ('digital_government', 'Xây dựng và phát triển chính quyền điện tử, chính quyền số', 7),
  ('communication', 'Công tác thông tin, tuyên truyền', 8);

-- The reporting periods of a year: what each covers and when its report is
-- due (month-day; "first_prev_year" = the period starts in the year before).
-- Defaults: Decree 09/2019/NĐ-CP art. 12 (figures from the 15th of the month
-- before the period to the 14th of its last month), reports due the 15th.
CREATE TABLE report_periods (
  code            TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  ord             INTEGER NOT NULL,
  first_mmdd      TEXT NOT NULL,
  first_prev_year INTEGER NOT NULL,
  last_mmdd       TEXT NOT NULL,
  due_mmdd        TEXT NOT NULL
);
INSERT INTO report_periods (code, name, ord, first_mmdd, first_prev_year, last_mmdd, due_mmdd) VALUES
  ('q1', 'Quý I', 1, '12-15', 1, '03-14', '03-15'),
  ('h1', '6 tháng', 2, '12-15', 1, '06-14', '06-15'),
  ('q3', 'Quý III', 3, '12-15', 1, '09-14', '09-15'),
  ('year', 'Năm', 4, '12-15', 1, '12-14', '12-15');

CREATE TABLE plans (
  id          @AUTO_ID@,
  number      TEXT NOT NULL UNIQUE,           -- "77/KH-VP"
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
CREATE INDEX plans_year ON plans (year);

-- Objectives (mục tiêu) under an area; quantitative ones carry a target
-- (per level, or '' for every level) and either an indicator of the
-- indicators capability that fills their progress, or a value by hand.
CREATE TABLE plan_objectives (
  id           @AUTO_ID@,
  plan_id      BIGINT NOT NULL REFERENCES plans (id),
  area_code    TEXT NOT NULL REFERENCES reform_areas (code),
  ord          INTEGER NOT NULL,
  text         TEXT NOT NULL,
  target_unit  TEXT NOT NULL DEFAULT '',      -- "%", "đơn vị", …
  indicator    TEXT NOT NULL DEFAULT '',      -- a rate indicator code, or ''
  manual_value DOUBLE PRECISION
);
CREATE TABLE objective_targets (
  objective_id BIGINT NOT NULL REFERENCES plan_objectives (id),
  level_code   TEXT NOT NULL,                 -- '' = every level
  value        DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (objective_id, level_code)
);

-- The task matrix. The deadline is kept as written and in structured form
-- (plans/deadline.h); a task's status is derived, never stored.
CREATE TABLE plan_tasks (
  id               @AUTO_ID@,
  plan_id          BIGINT NOT NULL REFERENCES plans (id),
  ord              INTEGER NOT NULL,
  ref              TEXT NOT NULL DEFAULT '',  -- STT as written ("1.1")
  area_code        TEXT NOT NULL REFERENCES reform_areas (code),
  objective_id     BIGINT REFERENCES plan_objectives (id),
  objective_text   TEXT NOT NULL DEFAULT '',  -- the matrix's "Mục tiêu" cell
  description      TEXT NOT NULL,
  output           TEXT NOT NULL DEFAULT '',
  deadline_text    TEXT NOT NULL,
  deadline_kind    TEXT NOT NULL,
  due_on           TEXT,                      -- null: continuous, undated schedule
  cancelled_reason TEXT,                      -- not null: cancelled
  created_at       BIGINT NOT NULL,
  updated_at       BIGINT NOT NULL
);
CREATE INDEX plan_tasks_plan ON plan_tasks (plan_id, ord);

-- Who owes a task: lead units (chủ trì) report its progress, co-operating
-- units (phối hợp) add their contribution.
CREATE TABLE task_units (
  task_id   BIGINT NOT NULL REFERENCES plan_tasks (id),
  unit_code TEXT NOT NULL REFERENCES units (code),
  role      TEXT NOT NULL,                    -- lead | cooperate
  PRIMARY KEY (task_id, unit_code, role)
);
CREATE INDEX task_units_unit ON task_units (unit_code, role);

-- One report per task, unit and period ("2024-q1"); a later report for the
-- same period replaces it (the audit log keeps the earlier one).
CREATE TABLE task_reports (
  task_id     BIGINT NOT NULL REFERENCES plan_tasks (id),
  unit_code   TEXT NOT NULL REFERENCES units (code),
  period      TEXT NOT NULL,
  role        TEXT NOT NULL,                  -- lead | cooperate
  progress    TEXT NOT NULL,                  -- not_started | in_progress | done
  percent     INTEGER NOT NULL,
  done_on     TEXT,
  narrative   TEXT NOT NULL DEFAULT '',
  evidence    TEXT NOT NULL DEFAULT '',       -- links, one per line
  unchanged   INTEGER NOT NULL DEFAULT 0,     -- "no change since last period"
  reported_by TEXT NOT NULL,
  reported_at BIGINT NOT NULL,
  PRIMARY KEY (task_id, unit_code, period)
);
CREATE INDEX task_reports_unit ON task_reports (unit_code, period);
-- Covers the province view's read of every lead report of a year's tasks
-- (plans/store.cpp year_tasks) without touching the table's rows.
CREATE INDEX task_reports_state ON task_reports (task_id, role, unit_code, reported_at, period, progress, percent, done_on);

-- Bumped by every write to plans, tasks and reports (plans/store.cpp), so
-- readers can keep derived views until it changes.
CREATE TABLE plan_data_version (
  id      INTEGER PRIMARY KEY,
  version BIGINT NOT NULL
);
INSERT INTO plan_data_version (id, version) VALUES (1, 0);

-- A name as matrices write it (folded: no diacritics, lower case) and the
-- unit, or the level group ("các sở, ban, ngành"), it stands for.
CREATE TABLE unit_aliases (
  alias      TEXT PRIMARY KEY,
  unit_code  TEXT REFERENCES units (code),
  level_code TEXT,
  created_at BIGINT NOT NULL
);
