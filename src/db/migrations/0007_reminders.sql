-- Reminders and escalation for plan tasks (docs/plans.md, "Reminders"):
-- users' e-mail addresses for the digest, the in-app notifications, and
-- the reminder settings.

ALTER TABLE users ADD COLUMN email TEXT;

-- One notification per user and event: `event` names what it is about and
-- the day it was raised ("before_deadline:7:2026-03-24"), so running the
-- reminders twice on a day raises nothing new.
CREATE TABLE notifications (
  id         @AUTO_ID@,
  user_id    BIGINT NOT NULL REFERENCES users (id),
  kind       TEXT NOT NULL,
  task_id    BIGINT REFERENCES plan_tasks (id),
  unit_code  TEXT NOT NULL REFERENCES units (code),
  period     TEXT NOT NULL DEFAULT '',
  event      TEXT NOT NULL,
  message    TEXT NOT NULL,
  href       TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  read_at    BIGINT,
  emailed_at BIGINT,
  UNIQUE (user_id, task_id, unit_code, event)
);
CREATE INDEX notifications_user ON notifications (user_id, created_at);

INSERT INTO settings (key, value, updated_at) VALUES
  ('plans.reminder_days', '7,1', 0),
  ('plans.escalate_leader_after', '5', 0),
  ('plans.escalate_coordinator_after', '10', 0);
