-- The set-based unit check of 0032, cheaper on a bulk load: the distinct
-- units of the statement's records are found in one pass over its
-- transition table, by hashing (count(DISTINCT …) sorted the million rows
-- of a bulk load, and the lock read the table a second time), then locked
-- and counted by the units' key. A million-record COPY spent 0,6 s in the
-- old check and spends about 0,1 s in this one (docs/performance.md).
CREATE OR REPLACE FUNCTION records_name_units() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  codes text[];
  locked bigint;
  missing text;
BEGIN
  SELECT array_agg(unit_code) INTO codes FROM (SELECT DISTINCT unit_code FROM named) AS distinct_units;
  -- Locked and counted in one statement, on one snapshot: a unit deleted
  -- meanwhile is not returned once the lock has waited for its deleter.
  SELECT count(*) INTO locked
    FROM (SELECT 1 FROM units WHERE code = ANY (codes) FOR KEY SHARE) AS held;
  IF locked < coalesce(cardinality(codes), 0) THEN
    SELECT c INTO missing FROM unnest(codes) AS c
     WHERE NOT EXISTS (SELECT 1 FROM units u WHERE u.code = c)
     LIMIT 1;
    RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
      MESSAGE = format('insert or update on table "%s": unit_code "%s" is not in units', TG_TABLE_NAME,
                       coalesce(missing, '(deleted meanwhile)'));
  END IF;
  RETURN NULL;
END
$$;
