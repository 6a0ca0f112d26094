-- More kinds of data stamps (db/stamps.h): "assessments" (rounds, their
-- results and their publication) and "portal" (what the public portal
-- shows: items, documents, categories). The portal's own version counter
-- gives way to the portal stamp. Random initial stamps, as in 0026.
INSERT INTO data_stamps (kind, stamp) VALUES
  ('assessments', CAST(random() * 9.0e18 AS BIGINT)),
  ('portal', CAST(random() * 9.0e18 AS BIGINT));
DROP TABLE portal_version;
