-- The server's daily work (issue 36, app/daily.h): one row per local day
-- whose run a process claimed. The key is the day, so of several processes
-- claiming at once one wins; the winner enqueued the job "daily" in the same
-- transaction (job_id), whose worker records when it finished and what it
-- did (summary, JSON) or why it failed (error). A run whose job failed or
-- was cancelled is claimed again, a new job, up to three attempts a day.
CREATE TABLE daily_runs (
  day         TEXT PRIMARY KEY,  -- YYYY-MM-DD, local (+07:00)
  claimed_by  TEXT NOT NULL,     -- the process: host and pid
  claimed_at  BIGINT NOT NULL,
  job_id      TEXT NOT NULL DEFAULT '',
  attempts    INTEGER NOT NULL DEFAULT 1,
  finished_at BIGINT,
  summary     TEXT NOT NULL DEFAULT '',
  error       TEXT NOT NULL DEFAULT ''
);

-- When it runs: "HH:MM" local time, set on /quan-tri/lich-chay.
INSERT INTO settings (key, value, updated_at) VALUES ('schedule.daily_at', '06:30', 0);
