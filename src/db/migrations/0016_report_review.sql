-- The coordinator's review of task reports (docs/plans.md, "Review"). A
-- report is pending until the coordinator accepts it or returns it with a
-- reason; only accepted reports count in completion rates, rankings and
-- compiled reports (or, when report_count_after_days is above 0, pending
-- ones that many working days after they were made). Reports made before
-- review existed were counted as soon as made: they stay accepted.
ALTER TABLE task_reports ADD COLUMN review TEXT NOT NULL DEFAULT 'accepted';  -- pending | accepted | returned
ALTER TABLE task_reports ADD COLUMN review_note TEXT NOT NULL DEFAULT '';     -- the reason a report was returned
ALTER TABLE task_reports ADD COLUMN reviewed_by TEXT;
ALTER TABLE task_reports ADD COLUMN reviewed_at BIGINT;
-- "Khó khăn, vướng mắc" and "Đề xuất, kiến nghị", and the coordinator's answers.
ALTER TABLE task_reports ADD COLUMN difficulties TEXT NOT NULL DEFAULT '';
ALTER TABLE task_reports ADD COLUMN proposals TEXT NOT NULL DEFAULT '';
ALTER TABLE task_reports ADD COLUMN difficulties_answer TEXT NOT NULL DEFAULT '';
ALTER TABLE task_reports ADD COLUMN proposals_answer TEXT NOT NULL DEFAULT '';
CREATE INDEX task_reports_review ON task_reports (review, period);

-- Every step of a report's review, oldest first: submitted (with what was
-- submitted, as JSON), accepted, returned (with the reason), answered.
CREATE TABLE report_events (
  id          @AUTO_ID@,
  task_id     BIGINT NOT NULL REFERENCES plan_tasks (id),
  unit_code   TEXT NOT NULL REFERENCES units (code),
  period      TEXT NOT NULL,
  event       TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  snapshot    TEXT,
  actor       TEXT NOT NULL,
  at          BIGINT NOT NULL
);
CREATE INDEX report_events_report ON report_events (task_id, unit_code, period, id);

INSERT INTO settings (key, value, updated_at) VALUES ('report_count_after_days', '0', 0);
