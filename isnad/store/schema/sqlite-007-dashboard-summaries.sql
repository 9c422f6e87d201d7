-- What the dashboard reads kept in narrow rows, so that no view decodes articles or events:
-- the write generation (a number every committed write changes: answers computed from the store are kept
-- until it changes), the order of each article's attributions, the attributions each event rests on (the
-- source graph), each article's events per PLOVER type by its publication date (the timeline by
-- publication date), and the indexes of the stories' order and of the documents' dates by row.
CREATE TABLE store_state (generation INTEGER NOT NULL);
INSERT INTO store_state VALUES (0);
-- rows were inserted in the article's order: the earlier rows of an article give each row's place
ALTER TABLE attributions ADD COLUMN seq INTEGER;
UPDATE attributions SET seq = (SELECT COUNT(*) FROM attributions b WHERE b.doc = attributions.doc AND b.rowid < attributions.rowid);
CREATE TABLE event_attributions (
    doc TEXT NOT NULL REFERENCES documents(hash) ON DELETE CASCADE, seq INTEGER NOT NULL,
    attribution TEXT NOT NULL,
    PRIMARY KEY (doc, seq, attribution)
) WITHOUT ROWID;
INSERT OR IGNORE INTO event_attributions (doc, seq, attribution)
SELECT e.doc, e.seq, j.value FROM events e, json_each(e.data, '$.attributions') j;
CREATE TABLE document_types (
    doc TEXT NOT NULL REFERENCES documents(hash) ON DELETE CASCADE,
    plover TEXT NOT NULL,               -- '' for events without a PLOVER type
    published TEXT,                     -- the document's
    events INTEGER NOT NULL,
    PRIMARY KEY (doc, plover)
) WITHOUT ROWID;
INSERT INTO document_types (doc, plover, published, events)
SELECT e.doc, COALESCE(e.plover, ''), d.published, COUNT(*) FROM events e JOIN documents d ON d.hash = e.doc
GROUP BY e.doc, COALESCE(e.plover, ''), d.published;
CREATE INDEX document_types_published ON document_types(published, plover, events);
CREATE INDEX clusters_rank ON clusters(articles DESC, origins DESC, first_report DESC, id);
-- events carry their document's row (docno): its date is then read from this index, not the wide row
CREATE INDEX documents_row_published ON documents(rowid, published);
ANALYZE document_types;
ANALYZE clusters;
ANALYZE documents;
