-- The month keys of each record's rollup rows, stored at write time
-- (indicators/rollup.h: finished_month_of, answered_month_of, month_key), so
-- `cchc indicators rebuild` groups by stored columns instead of deriving
-- local months in SQL. Existing rows are filled here with the same rule:
-- the month in +07:00; '9999-12' for a record not finished / not answered.
ALTER TABLE dossiers ADD COLUMN due_month TEXT NOT NULL DEFAULT '';
ALTER TABLE dossiers ADD COLUMN finished_month TEXT NOT NULL DEFAULT '';
UPDATE dossiers SET
  due_month = strftime('%Y-%m', due_at + 25200, 'unixepoch'),
  finished_month = CASE WHEN status IN ('finished', 'returned') AND finished_at IS NOT NULL
                        THEN strftime('%Y-%m', finished_at + 25200, 'unixepoch') ELSE '9999-12' END;
ALTER TABLE feedback ADD COLUMN due_month TEXT NOT NULL DEFAULT '';
ALTER TABLE feedback ADD COLUMN answered_month TEXT NOT NULL DEFAULT '';
UPDATE feedback SET
  due_month = strftime('%Y-%m', due_at + 25200, 'unixepoch'),
  answered_month = CASE WHEN status = 'answered' AND answered_at IS NOT NULL
                        THEN strftime('%Y-%m', answered_at + 25200, 'unixepoch') ELSE '9999-12' END;
