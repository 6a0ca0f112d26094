-- A year's own due day for a reporting period, set on /ky-bao-cao (the
-- coordinator); without one, the period's configured day (report_periods.due_mmdd).
CREATE TABLE report_period_days (
  year     INTEGER NOT NULL,
  code     TEXT NOT NULL REFERENCES report_periods (code),
  due_on   TEXT NOT NULL,
  set_by   TEXT NOT NULL,
  set_at   BIGINT NOT NULL,
  PRIMARY KEY (year, code)
);
