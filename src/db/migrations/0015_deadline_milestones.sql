-- A task deadline's dated parts besides its due day (core/deadline.h):
-- the earlier periods of "Quý I và Quý III/2024", the "riêng … trước
-- 15/3/2023" of a composite. One per line: "2023-03-15<TAB>text".
ALTER TABLE plan_tasks ADD COLUMN deadline_milestones TEXT NOT NULL DEFAULT '';
