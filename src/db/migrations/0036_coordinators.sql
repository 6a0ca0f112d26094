-- Coordinators at any level (issue 36). The role "coordinator" holds the
-- reform coordinator's work (review, requests, urging, periods, inspections,
-- assessment rounds) for a subtree of units, apart from "admin", which keeps
-- users, units, tokens and settings (directory/permissions.cpp).
--
-- A role held at the user's own unit covers that unit's subtree. A grant may
-- instead name the root of the subtree it covers (scope_unit): the province's
-- coordinators work in Sở Nội vụ and coordinate the whole province. NULL is
-- the user's own unit.
ALTER TABLE user_roles ADD COLUMN scope_unit TEXT REFERENCES units (code);

-- Until now the administrator did the coordinator's work for the province:
-- every administrator keeps it, as a coordinator of the province (the first
-- root of level "province"; their own unit before a tree exists).
INSERT INTO user_roles (user_id, role, scope_unit)
SELECT a.user_id, 'coordinator',
       (SELECT p.code FROM units p WHERE p.level = 'province' AND p.parent_code IS NULL ORDER BY p.code LIMIT 1)
FROM user_roles a
WHERE a.role = 'admin'
  AND NOT EXISTS (SELECT 1 FROM user_roles x WHERE x.user_id = a.user_id AND x.role = 'coordinator');
