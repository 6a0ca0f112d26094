-- PostgreSQL replaces the records' foreign key on units with set-based
-- checks (0032_record_unit_checks.postgres.sql). SQLite keeps its foreign
-- key: its check is one index probe a row, with no lock to take.
SELECT 1;
