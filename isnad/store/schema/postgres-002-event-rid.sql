-- Events get an integer key (rid), as on SQLite: ties on the date are broken by rid (insertion order).
ALTER TABLE events ADD COLUMN rid BIGINT GENERATED ALWAYS AS IDENTITY;
ALTER TABLE events DROP CONSTRAINT events_pkey;
ALTER TABLE events ADD PRIMARY KEY (rid);
ALTER TABLE events ADD CONSTRAINT events_doc_seq UNIQUE (doc, seq);
DROP INDEX events_date;
CREATE INDEX events_date ON events(date_start DESC NULLS LAST, rid);
