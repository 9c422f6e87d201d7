-- Cheaper writes for large ingests, the same answers:
-- the search terms compare byte-wise (COLLATE "C"): the GIN index on them only tests equality, and
-- locale-aware comparison of each of an article's hundreds of terms was the largest cost of its row;
ALTER TABLE documents ALTER COLUMN terms TYPE TEXT[] COLLATE "C";
-- the most numerous child rows (some 40 mentions and 64 copy-detection keys an article) lose their
-- foreign key: the writer adds them with their documents row in one transaction, and deletes them
-- itself when a text is replaced, so the check of each row (a look-up of its document) bought nothing.
ALTER TABLE mentions DROP CONSTRAINT IF EXISTS mentions_doc_fkey;
ALTER TABLE doc_keys DROP CONSTRAINT IF EXISTS doc_keys_doc_fkey;
-- the keys' text hashes compare byte-wise too, as documents.hash and mentions.doc do (hashes are ASCII: the
-- order of candidates sharing as many keys, by hash, is the same)
ALTER TABLE doc_keys ALTER COLUMN doc TYPE TEXT COLLATE "C";
-- no query reads the mentions by actor or by place (actors and places are counted from the events):
-- their two indexes were kept up to date for nothing at every mention
DROP INDEX IF EXISTS mentions_actor;
DROP INDEX IF EXISTS mentions_place;
