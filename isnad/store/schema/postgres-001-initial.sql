-- isnad store, PostgreSQL: the first schema. Migrations are applied in number order and recorded in schema_version.
CREATE TABLE documents (
    hash TEXT COLLATE "C" PRIMARY KEY,  -- identity: hash of the normalised text
    id TEXT NOT NULL,                   -- the caller's id, else the hash
    url TEXT,
    outlet TEXT,
    title TEXT,
    published TEXT COLLATE "C",                    -- ISO date
    language TEXT,
    pipeline TEXT,                      -- version of the pipeline that analysed it
    events INTEGER NOT NULL DEFAULT 0,
    added TIMESTAMPTZ NOT NULL DEFAULT now(),
    terms TEXT[] NOT NULL DEFAULT '{}',  -- folded, clitic-stripped search terms (see isnad/store/terms.py)
    data JSONB NOT NULL                 -- the whole Document
);
CREATE INDEX documents_id ON documents(id);
CREATE INDEX documents_published ON documents(published);

CREATE TABLE actors (
    key TEXT COLLATE "C" PRIMARY KEY, code TEXT, country TEXT, en TEXT, ar TEXT, sectors TEXT
);
CREATE TABLE places (
    key TEXT COLLATE "C" PRIMARY KEY, en TEXT, ar TEXT, kind TEXT, country TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION,
    geonames_id BIGINT, precision TEXT
);

CREATE TABLE mentions (
    doc TEXT COLLATE "C" NOT NULL REFERENCES documents(hash) ON DELETE CASCADE, seq INTEGER NOT NULL,
    start INTEGER NOT NULL, stop INTEGER NOT NULL, text TEXT NOT NULL, label TEXT NOT NULL, source TEXT,
    actor TEXT, place TEXT,
    PRIMARY KEY (doc, seq)
);
CREATE INDEX mentions_actor ON mentions(actor);
CREATE INDEX mentions_place ON mentions(place);

CREATE TABLE times (
    doc TEXT COLLATE "C" NOT NULL REFERENCES documents(hash) ON DELETE CASCADE, seq INTEGER NOT NULL,
    start INTEGER NOT NULL, stop INTEGER NOT NULL, text TEXT NOT NULL, interval_start TEXT, interval_end TEXT,
    granularity TEXT, vague BOOLEAN, anchor TEXT,
    PRIMARY KEY (doc, seq)
);

CREATE TABLE attributions (
    doc TEXT COLLATE "C" NOT NULL REFERENCES documents(hash) ON DELETE CASCADE, id TEXT NOT NULL,
    cue TEXT, source TEXT, source_type TEXT, description TEXT, outlet TEXT, parent TEXT,
    PRIMARY KEY (doc, id)
);

CREATE TABLE events (
    doc TEXT COLLATE "C" NOT NULL REFERENCES documents(hash) ON DELETE CASCADE, seq INTEGER NOT NULL, id TEXT,
    cameo TEXT COLLATE "C", plover TEXT, goldstein DOUBLE PRECISION, quad_class INTEGER,
    source_actor TEXT, source_code TEXT COLLATE "C", source_country TEXT,
    target_actor TEXT, target_code TEXT COLLATE "C", target_country TEXT,
    place TEXT, place_country TEXT, modality TEXT,
    date_start TEXT COLLATE "C", date_end TEXT COLLATE "C",     -- the event's interval, else the document's published date
    data JSONB NOT NULL,                -- the Event
    PRIMARY KEY (doc, seq)
);
CREATE INDEX events_date ON events(date_start DESC NULLS LAST, doc, seq);
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

-- Full-text search: every query term must be among the article's folded terms (GIN array containment).
CREATE INDEX documents_terms ON documents USING GIN (terms);
