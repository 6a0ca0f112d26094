-- The "writes" data stamp (db/stamps.h): touched by every audited change
-- (audit::append) and by the few writes without an audit entry that change
-- what a signed-in page shows. The signed-in page cache keeps pages under
-- it (http/page_cache.h). A random initial stamp, as in 0026.
INSERT INTO data_stamps (kind, stamp) VALUES ('writes', CAST(random() * 9.0e18 AS BIGINT));
