-- Each event carries its document's integer row (docno, the rowid of documents and doc_fts): a full-text
-- filter then selects events straight from the rows doc_fts returns, without reading the documents table.
ALTER TABLE events ADD COLUMN docno INTEGER;
UPDATE events SET docno = (SELECT d.rowid FROM documents d WHERE d.hash = events.doc);
CREATE INDEX events_docno ON events(docno);
-- Every filter index holds all the filter columns: a combination of filters (an actor and a type, a place
-- and a period) is checked in the index, without reading the event rows, which carry the event's JSON.
-- The date index also holds rid, so it gives the page order (newest first, then insertion order) as it is.
DROP INDEX events_date;
CREATE INDEX events_date ON events(date_start DESC, rid, date_end, cameo, plover, source_code, target_code, source_country, target_country, place_country, modality, docno);
DROP INDEX events_cameo;
CREATE INDEX events_cameo ON events(cameo, date_start, date_end, plover, source_code, target_code, source_country, target_country, place_country, modality, docno);
DROP INDEX events_plover;
CREATE INDEX events_plover ON events(plover, date_start, date_end, cameo, source_code, target_code, source_country, target_country, place_country, modality, docno);
DROP INDEX events_source_code;
CREATE INDEX events_source_code ON events(source_code, date_start, date_end, cameo, plover, target_code, source_country, target_country, place_country, modality, docno);
DROP INDEX events_target_code;
CREATE INDEX events_target_code ON events(target_code, date_start, date_end, cameo, plover, source_code, source_country, target_country, place_country, modality, docno);
DROP INDEX events_source_country;
CREATE INDEX events_source_country ON events(source_country, date_start, date_end, cameo, plover, source_code, target_code, target_country, place_country, modality, docno);
DROP INDEX events_target_country;
CREATE INDEX events_target_country ON events(target_country, date_start, date_end, cameo, plover, source_code, target_code, source_country, place_country, modality, docno);
DROP INDEX events_place_country;
CREATE INDEX events_place_country ON events(place_country, date_start, date_end, cameo, plover, source_code, target_code, source_country, target_country, modality, docno);
DROP INDEX events_modality;
CREATE INDEX events_modality ON events(modality, date_start, date_end, cameo, plover, source_code, target_code, source_country, target_country, place_country, docno);
-- Statistics of every row: earlier ones may have come from a sample, which misleads the planner.
ANALYZE;
