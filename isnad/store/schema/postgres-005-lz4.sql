-- The large values of each article (its JSON, its search terms, its events' JSON) are compressed with lz4
-- rather than pglz: several times faster to write, about as small. A server older than PostgreSQL 14, or
-- built without lz4, keeps pglz.
DO $$
BEGIN
    IF current_setting('server_version_num')::int >= 140000 THEN
        EXECUTE 'ALTER TABLE documents ALTER COLUMN data SET COMPRESSION lz4';
        EXECUTE 'ALTER TABLE documents ALTER COLUMN terms SET COMPRESSION lz4';
        EXECUTE 'ALTER TABLE events ALTER COLUMN data SET COMPRESSION lz4';
        EXECUTE 'ALTER TABLE clusters ALTER COLUMN data SET COMPRESSION lz4';
    END IF;
EXCEPTION WHEN feature_not_supported THEN
    NULL;
END
$$;
