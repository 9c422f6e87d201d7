-- The cross-article layer (isnad/stories): every received article, copy families, event clusters.
-- A text is analysed once (documents, keyed by its hash); each article that carried it is kept here.
CREATE TABLE articles (
    id TEXT PRIMARY KEY,                -- the caller's id, else the text hash
    doc TEXT NOT NULL REFERENCES documents(hash) ON DELETE CASCADE,
    outlet TEXT, url TEXT, title TEXT,
    published TEXT,                     -- ISO date
    added TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_doc ON articles(doc);
CREATE INDEX articles_published ON articles(published);
INSERT INTO articles (id, doc, outlet, url, title, published)
SELECT id, hash, outlet, url, title, published FROM documents WHERE true ON CONFLICT (id) DO NOTHING;
-- a text's copy family (the hash of its first text), how it joined, its shingle count and its wire credit
ALTER TABLE documents ADD COLUMN family TEXT;
ALTER TABLE documents ADD COLUMN relation TEXT;
ALTER TABLE documents ADD COLUMN shingles INTEGER;
ALTER TABLE documents ADD COLUMN credit TEXT;
CREATE INDEX documents_family ON documents(family);
-- the MinHash LSH keys of each text (isnad/stories/fingerprint.py)
CREATE TABLE doc_keys (
    key INTEGER NOT NULL, doc TEXT NOT NULL REFERENCES documents(hash) ON DELETE CASCADE,
    PRIMARY KEY (key, doc)
) WITHOUT ROWID;
CREATE INDEX doc_keys_doc ON doc_keys(doc);
-- why two texts are in one family: the relation and the shared passages (offsets in each text)
CREATE TABLE doc_links (
    a TEXT NOT NULL REFERENCES documents(hash) ON DELETE CASCADE,
    b TEXT NOT NULL REFERENCES documents(hash) ON DELETE CASCADE,
    relation TEXT NOT NULL, shared INTEGER, coverage REAL, passages TEXT,
    PRIMARY KEY (a, b)
);
CREATE INDEX doc_links_b ON doc_links(b);
CREATE TABLE clusters (
    id TEXT PRIMARY KEY, cameo TEXT, root TEXT, date_start TEXT, date_end TEXT,
    first_report TEXT, last_report TEXT,
    events INTEGER, articles INTEGER, outlets INTEGER, origins INTEGER,
    agree INTEGER, grade INTEGER,
    data TEXT                           -- representative event, reasons, features (JSON)
);
CREATE INDEX clusters_root ON clusters(root, date_end, date_start);
CREATE TABLE cluster_events (
    doc TEXT NOT NULL REFERENCES documents(hash) ON DELETE CASCADE, seq INTEGER NOT NULL,
    cluster TEXT NOT NULL,
    modality TEXT, grade INTEGER,       -- the event's, kept here so a cluster is summed up without its JSON
    PRIMARY KEY (doc, seq)
);
CREATE INDEX cluster_events_cluster ON cluster_events(cluster);
