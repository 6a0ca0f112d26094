-- PostgreSQL's set-based unit check in one pass (0035_record_unit_checks_in_one_pass.postgres.sql);
-- SQLite keeps its foreign key.
SELECT 1;
