-- Plans owed (plans/register.h): a plan may require units (the units of
-- some levels, and units by name) to issue their own plan implementing it
-- by a day. The register reads the plans whose parent is this plan.
CREATE TABLE plan_requirements (
  plan_id  BIGINT PRIMARY KEY REFERENCES plans (id),
  levels   TEXT NOT NULL DEFAULT '',   -- level codes, one per line
  units    TEXT NOT NULL DEFAULT '',   -- unit codes, one per line
  due_on   TEXT NOT NULL,
  set_by   TEXT NOT NULL,
  set_at   BIGINT NOT NULL
);
