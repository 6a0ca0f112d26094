-- Data stamps (db/stamps.h): one row per kind of data, its stamp replaced
-- by a fresh random number in every transaction that writes that data.
-- Caches key what they derive by the stamps they read, so a write from any
-- process is seen by the next read. Stamps start random, so two databases
-- never share one.
CREATE TABLE data_stamps (
  kind  TEXT PRIMARY KEY,
  stamp BIGINT NOT NULL
);
INSERT INTO data_stamps (kind, stamp) VALUES
  ('indicators', CAST(random() * 9.0e18 AS BIGINT)),
  ('units', CAST(random() * 9.0e18 AS BIGINT));
