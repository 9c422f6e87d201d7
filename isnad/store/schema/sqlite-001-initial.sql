-- isnad store, SQLite: the first schema. Migrations are applied in number order and recorded in schema_version.
CREATE TABLE documents (
    rowid INTEGER PRIMARY KEY,          -- also the row of doc_fts
    hash TEXT NOT NULL UNIQUE,          -- identity: hash of the normalised text
    id TEXT NOT NULL,                   -- the caller's id, else the hash
    url TEXT,
    outlet TEXT,
    title TEXT,
    published TEXT,                     -- ISO date
    language TEXT,
    pipeline TEXT,                      -- version of the pipeline that analysed it
    events INTEGER NOT NULL DEFAULT 0,
    added TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    data TEXT NOT NULL                  -- the whole Document as JSON
);
CREATE INDEX documents_id ON documents(id);
CREATE INDEX documents_published ON documents(published);

CREATE TABLE actors (
    key TEXT PRIMARY KEY, code TEXT, country TEXT, en TEXT, ar TEXT, sectors TEXT
);
CREATE TABLE places (
    key TEXT PRIMARY KEY, en TEXT, ar TEXT, kind TEXT, country TEXT, lat REAL, lon REAL,
    geonames_id INTEGER, precision TEXT
);

CREATE TABLE mentions (
    doc TEXT NOT NULL REFERENCES documents(hash) ON DELETE CASCADE, seq INTEGER NOT NULL,
    start INTEGER NOT NULL, stop INTEGER NOT NULL, text TEXT NOT NULL, label TEXT NOT NULL, source TEXT,
    actor TEXT, place TEXT,
    PRIMARY KEY (doc, seq)
);
CREATE INDEX mentions_actor ON mentions(actor);
CREATE INDEX mentions_place ON mentions(place);

CREATE TABLE times (
    doc TEXT NOT NULL REFERENCES documents(hash) ON DELETE CASCADE, seq INTEGER NOT NULL,
    start INTEGER NOT NULL, stop INTEGER NOT NULL, text TEXT NOT NULL, interval_start TEXT, interval_end TEXT,
    granularity TEXT, vague INTEGER, anchor TEXT,
    PRIMARY KEY (doc, seq)
);

CREATE TABLE attributions (
    doc TEXT NOT NULL REFERENCES documents(hash) ON DELETE CASCADE, id TEXT NOT NULL,
    cue TEXT, source TEXT, source_type TEXT, description TEXT, outlet TEXT, parent TEXT,
    PRIMARY KEY (doc, id)
);

CREATE TABLE events (
    doc TEXT NOT NULL REFERENCES documents(hash) ON DELETE CASCADE, seq INTEGER NOT NULL, id TEXT,
    cameo TEXT, plover TEXT, goldstein REAL, quad_class INTEGER,
    source_actor TEXT, source_code TEXT, source_country TEXT,
    target_actor TEXT, target_code TEXT, target_country TEXT,
    place TEXT, place_country TEXT, modality TEXT,
    date_start TEXT, date_end TEXT,     -- the event's interval, else the document's published date
    data TEXT NOT NULL,                 -- the Event as JSON
    PRIMARY KEY (doc, seq)
);
CREATE INDEX events_date ON events(date_start DESC, doc, seq);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_plover ON events(plover, date_start);
CREATE INDEX events_source_code ON events(source_code);
CREATE INDEX events_target_code ON events(target_code);
CREATE INDEX events_source_country ON events(source_country);
CREATE INDEX events_target_country ON events(target_country);
CREATE INDEX events_place_country ON events(place_country, date_start);
CREATE INDEX events_modality ON events(modality);
CREATE INDEX events_source_actor ON events(source_actor);
CREATE INDEX events_target_actor ON events(target_actor);
CREATE INDEX events_place ON events(place);

-- Full-text index over the folded, clitic-stripped terms of title and text (see isnad/store/terms.py).
CREATE VIRTUAL TABLE doc_fts USING fts5(terms, tokenize = 'unicode61 remove_diacritics 0');
