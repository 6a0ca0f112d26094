-- Background jobs (docs/ARCHITECTURE.md, "Background jobs"; jobs/store.h):
-- work too long for a request, queued here so that any `cchc serve` of the
-- database runs it once, on a worker apart from the I/O threads. A worker
-- holds a job by its lease (lease_owner until lease_until, renewed while it
-- runs); a job whose lease ran out is taken again (attempts + 1) until it
-- has had max attempts. A finished job (done, failed, cancelled) is never
-- taken again. Times are Unix seconds.
CREATE TABLE jobs (
  id               TEXT PRIMARY KEY,                -- 32 random hex characters
  kind             TEXT NOT NULL,                   -- the handler: "indicators.import"
  title            TEXT NOT NULL,                   -- Vietnamese, for the pages
  state            TEXT NOT NULL,                   -- queued | running | done | failed | cancelled
  params           TEXT NOT NULL,                   -- JSON, the handler's input
  dedupe_key       TEXT,                            -- one unfinished job per key
  unit_code        TEXT NOT NULL DEFAULT '',
  created_by       TEXT NOT NULL,                   -- a username; only they (or jobs.all) see it
  created_at       BIGINT NOT NULL,
  started_at       BIGINT,
  finished_at      BIGINT,
  attempts         INTEGER NOT NULL DEFAULT 0,
  lease_owner      TEXT,
  lease_until      BIGINT,
  cancel_requested INTEGER NOT NULL DEFAULT 0,
  progress_done    BIGINT NOT NULL DEFAULT 0,
  progress_total   BIGINT NOT NULL DEFAULT 0,
  message          TEXT NOT NULL DEFAULT '',        -- Vietnamese, for the progress page
  error            TEXT NOT NULL DEFAULT '',        -- Vietnamese, when failed
  result_name      TEXT,                            -- the result's file name, when there is one
  result_type      TEXT,
  result           TEXT,                            -- base64, bounded (jobs::kMaxResultBytes)
  return_to        TEXT NOT NULL DEFAULT '',        -- the page the job came from
  return_label     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX jobs_queue ON jobs (state, created_at);
CREATE INDEX jobs_creator ON jobs (created_by, created_at);
CREATE INDEX jobs_dedupe ON jobs (dedupe_key, state);
