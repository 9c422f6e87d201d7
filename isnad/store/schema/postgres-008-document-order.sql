-- Documents get an integer row in the order they were written, as on SQLite (its rowid): "the oldest
-- text" of a copy family must not depend on the clock (every row of one transaction has the same now(),
-- and the hash then decided), so the families, and the clusters that read them, are the same however the
-- ingest is timed or split into batches.
ALTER TABLE documents ADD COLUMN rowid BIGINT GENERATED ALWAYS AS IDENTITY;
