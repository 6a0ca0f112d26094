-- Evidence files attached to task reports (docs/plans.md, "Reports"):
-- kept in the database, base64 text (both backends, one transaction with the
-- report, in every backup), at most 5 MiB each.
CREATE TABLE evidence_files (
  id           @AUTO_ID@,
  task_id      BIGINT NOT NULL REFERENCES plan_tasks (id),
  unit_code    TEXT NOT NULL REFERENCES units (code),
  period       TEXT NOT NULL,
  filename     TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size         BIGINT NOT NULL,
  sha256       TEXT NOT NULL,
  content      TEXT NOT NULL,
  uploaded_by  TEXT NOT NULL,
  uploaded_at  BIGINT NOT NULL
);
CREATE INDEX evidence_files_task ON evidence_files (task_id);
