-- The tracker's nearest-in-time reads of track_keys (src/newsledger/track/keys.py) leave out the new
-- article's own records (article <> ?). With the article in track_keys_near the index answers them
-- alone; without it each entry read (up to keys.NEAR per key and direction, dozens of keys per
-- statement) was one more read of the table. Same name, same leading columns: the same lookups.
DROP INDEX track_keys_near;
CREATE INDEX track_keys_near ON track_keys (record_kind, actor, word, date, record_id, article);
