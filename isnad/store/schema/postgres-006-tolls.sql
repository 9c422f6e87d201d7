-- The number killed that each report of a story states (Event.fatalities["killed"]), so that reports
-- disagreeing on the toll are seen (8 killed in one outlet, 12 in another).
ALTER TABLE cluster_events ADD COLUMN killed INTEGER;
