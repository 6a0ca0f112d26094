-- Divisions as units (issue 36): a department's or a commune's own
-- divisions (phòng, ban, trung tâm thuộc một cơ quan) lead and co-operate on
-- tasks and report like any unit, under any unit. They are not ranked against
-- the units of ranked levels: rankings skip a level whose ranked is 0.
ALTER TABLE unit_levels ADD COLUMN ranked INTEGER NOT NULL DEFAULT 1;
INSERT INTO unit_levels (code, name, rank, ranked)
SELECT 'division', 'Phòng, ban, trung tâm thuộc cơ quan', 5, 0
WHERE NOT EXISTS (SELECT 1 FROM unit_levels WHERE code = 'division');
