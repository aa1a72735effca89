-- Fewer index writes per article (bench/writer.py): every row an article adds is written into each
-- index of its table, at a random place of a B-tree that grows with the store, and the tracker adds
-- ~100 track_keys rows an article. Indexes whose every lookup another index answers go:
--
-- track_keys: the primary key (record_kind, actor, word, record_id) only served the inserts' conflict
-- check; every read goes through track_keys_near (migration 0014). A record's article is the prefix
-- of its id and its date that article's date, so (record_kind, actor, word, record_id) is unique
-- exactly when track_keys_near's six columns are: that index becomes the unique one the inserts check,
-- and the table is rebuilt without the key (SQLite cannot drop a primary key in place).
CREATE TABLE track_keys_0016 (
    record_kind  TEXT NOT NULL,
    actor        TEXT NOT NULL,
    word         TEXT NOT NULL,
    record_id    TEXT NOT NULL,
    article      TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    date         TEXT NOT NULL DEFAULT ''
);
INSERT INTO track_keys_0016 (record_kind, actor, word, record_id, article, date)
    SELECT record_kind, actor, word, record_id, article, date FROM track_keys
    ORDER BY record_kind, actor, word, date, record_id, article;
DROP TABLE track_keys;
ALTER TABLE track_keys_0016 RENAME TO track_keys;
CREATE UNIQUE INDEX track_keys_near ON track_keys (record_kind, actor, word, date, record_id, article);
CREATE INDEX track_keys_article ON track_keys (article);

-- Indexes that are the leading columns of another on the same table (the longer one answers every
-- lookup the shorter did): track_links (thread) of track_links_thread_seq (thread, seq); commitments
-- (holder) and (holder, date) of commitments_holder_date_id, (counterparty, date) of
-- commitments_counterparty_date_id (migration 0013).
DROP INDEX track_links_thread;
DROP INDEX commitments_holder;
DROP INDEX commitments_holder_date;
DROP INDEX commitments_counterparty_date;
