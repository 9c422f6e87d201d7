-- Events get an integer key (rid): the page of a query is chosen on the indexes alone (an index holds the
-- rowid), then only those rows are read. Ties on the date are broken by rid (insertion order).
CREATE TABLE events_new (
    rid INTEGER PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES documents(hash) ON DELETE CASCADE, seq INTEGER NOT NULL, id TEXT,
    cameo TEXT, plover TEXT, goldstein REAL, quad_class INTEGER,
    source_actor TEXT, source_code TEXT, source_country TEXT,
    target_actor TEXT, target_code TEXT, target_country TEXT,
    place TEXT, place_country TEXT, modality TEXT,
    date_start TEXT, date_end TEXT,     -- the event's interval, else the document's published date
    data TEXT NOT NULL,                 -- the Event as JSON
    UNIQUE (doc, seq)
);
INSERT INTO events_new (doc, seq, id, cameo, plover, goldstein, quad_class, source_actor, source_code,
    source_country, target_actor, target_code, target_country, place, place_country, modality, date_start,
    date_end, data)
SELECT doc, seq, id, cameo, plover, goldstein, quad_class, source_actor, source_code, source_country,
    target_actor, target_code, target_country, place, place_country, modality, date_start, date_end, data
FROM events ORDER BY rowid;
DROP TABLE events;
ALTER TABLE events_new RENAME TO events;
-- Each filter index carries the dates, so a filter and its date range are answered from the index.
CREATE INDEX events_date ON events(date_start DESC);
CREATE INDEX events_cameo ON events(cameo, date_start, date_end);
CREATE INDEX events_plover ON events(plover, date_start, date_end);
CREATE INDEX events_source_code ON events(source_code, date_start, date_end);
CREATE INDEX events_target_code ON events(target_code, date_start, date_end);
CREATE INDEX events_source_country ON events(source_country, date_start, date_end);
CREATE INDEX events_target_country ON events(target_country, date_start, date_end);
CREATE INDEX events_place_country ON events(place_country, date_start, date_end);
CREATE INDEX events_modality ON events(modality, date_start, date_end);
CREATE INDEX events_source_actor ON events(source_actor);
CREATE INDEX events_target_actor ON events(target_actor);
CREATE INDEX events_place ON events(place);
