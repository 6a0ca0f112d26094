-- Ad-hoc reporting periods (kỳ báo cáo đột xuất), added on /ky-bao-cao: a
-- period of one year only (code "dx…", its dates as month-days of that
-- year); NULL for the regular periods that recur every year.
ALTER TABLE report_periods ADD COLUMN year INTEGER;
-- A removed ad-hoc period is kept, out of use, so that its code (and the
-- notifications keyed by it) is never given to another.
ALTER TABLE report_periods ADD COLUMN removed_at BIGINT;
