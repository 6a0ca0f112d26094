-- A document's number is unique per issuing unit and year, not across the
-- province (Decree 30/2020/NĐ-CP: each office numbers its documents from 01
-- every calendar year), so two wards may each issue 15/KH-UBND. The year is
-- that of the issue date, or the plan's year while it has none
-- (plans::number_year, inspections::number_year).
ALTER TABLE plans DROP CONSTRAINT plans_number_key;
CREATE UNIQUE INDEX plans_unit_year_number
  ON plans (unit_code, (COALESCE(substr(issued_on, 1, 4), CAST(year AS TEXT))), number);

ALTER TABLE inspection_plans DROP CONSTRAINT inspection_plans_number_key;
CREATE UNIQUE INDEX inspection_plans_unit_year_number
  ON inspection_plans (issuer_unit, (COALESCE(substr(issued_on, 1, 4), CAST(year AS TEXT))), number);
