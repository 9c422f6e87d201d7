-- The dashboard's summaries, answered from indexes instead of the events' JSON and the documents' rows:
-- the map counts events per place and origin (stated, article, inferred: a field of the event's JSON, kept
-- here as an indexed expression) in a period; the timeline counts events per publication day and type.
CREATE INDEX events_place_origin ON events(place, (data #>> '{place,origin}'), date_start, date_end, plover);
CREATE INDEX events_doc_plover ON events(doc, plover);
CREATE INDEX documents_published_hash ON documents(published, hash, events);
