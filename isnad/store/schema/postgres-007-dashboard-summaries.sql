-- What the dashboard reads kept in narrow rows, so that no view decodes articles or events:
-- the write generation (a number every committed write changes: answers computed from the store are kept
-- until it changes), the order of each article's attributions, the attributions each event rests on (the
-- source graph), each article's events per PLOVER type by its publication date (the timeline by
-- publication date), and the index of the stories' order.
CREATE TABLE store_state (generation BIGINT NOT NULL);
INSERT INTO store_state VALUES (0);
ALTER TABLE attributions ADD COLUMN seq INTEGER;
UPDATE attributions a SET seq = x.n - 1
FROM documents d, jsonb_array_elements(d.data -> 'attributions') WITH ORDINALITY AS x(value, n)
WHERE d.hash = a.doc AND x.value ->> 'id' = a.id;
CREATE TABLE event_attributions (
    doc TEXT COLLATE "C" NOT NULL REFERENCES documents(hash) ON DELETE CASCADE, seq INTEGER NOT NULL,
    attribution TEXT NOT NULL,
    PRIMARY KEY (doc, seq, attribution)
);
INSERT INTO event_attributions (doc, seq, attribution)
SELECT e.doc, e.seq, a.value FROM events e, jsonb_array_elements_text(e.data -> 'attributions') AS a(value)
ON CONFLICT DO NOTHING;
CREATE TABLE document_types (
    doc TEXT COLLATE "C" NOT NULL REFERENCES documents(hash) ON DELETE CASCADE,
    plover TEXT NOT NULL,               -- '' for events without a PLOVER type
    published TEXT COLLATE "C",         -- the document's
    events INTEGER NOT NULL,
    PRIMARY KEY (doc, plover)
);
INSERT INTO document_types (doc, plover, published, events)
SELECT e.doc, COALESCE(e.plover, ''), d.published, COUNT(*) FROM events e JOIN documents d ON d.hash = e.doc
GROUP BY e.doc, COALESCE(e.plover, ''), d.published;
CREATE INDEX document_types_published ON document_types(published, plover, events);
CREATE INDEX clusters_rank ON clusters(articles DESC, origins DESC, first_report DESC, id);
