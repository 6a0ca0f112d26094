-- What each plan write changed (plans/rows.h: touch), one row per
-- plan_data_version it set, written in that write's transaction: the
-- province view's held year reads the rows after its version and reads
-- again only what they name (plans/store.h: refreshed). A version with no
-- row (a write that logged nothing, or a row purged) makes it read the
-- year whole. Only the last 1,000 versions' rows are kept.
CREATE TABLE plan_changes (
  version BIGINT PRIMARY KEY,  -- the plan_data_version the write set
  kind    TEXT NOT NULL,       -- report | task | plan | other
  ref     BIGINT NOT NULL      -- the task (report, task), the plan (plan); 0 (other)
);
