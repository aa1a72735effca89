-- Fewer index writes per article (bench/writer.py): every row an article adds is written into each
-- index of its table, and the tracker adds ~100 track_keys rows an article. Indexes whose every
-- lookup another index answers go (see 0016_track_write_indexes.sqlite.sql):
--
-- track_keys: the primary key (record_kind, actor, word, record_id) only served the inserts' conflict
-- check; reads go through track_keys_near. A record's article is the prefix of its id and its date that
-- article's date, so the key is unique exactly when track_keys_near's six columns are: that index
-- becomes the unique one the inserts check.
ALTER TABLE track_keys DROP CONSTRAINT track_keys_pkey;
DROP INDEX track_keys_near;
CREATE UNIQUE INDEX track_keys_near ON track_keys (record_kind, actor, word, date, record_id, article);

-- Leading columns of another index on the same table.
DROP INDEX track_links_thread;
DROP INDEX commitments_holder;
DROP INDEX commitments_holder_date;
DROP INDEX commitments_counterparty_date;
