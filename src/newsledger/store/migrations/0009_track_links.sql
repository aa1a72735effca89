-- Tracking (src/newsledger/track/): which article's commitment or statement belongs to which tracked
-- record, append-only. A record's membership is its latest row (by seq): `link` puts it in `thread`,
-- `unlink` (a user's `newsledger unlink`) takes it out again and leaves it on its own. `stance` is
-- what that article said of the tracked record (mention, confirm, unconfirmed, denied, extended, met,
-- missed, withdrawn; for claims: supports, confirms, not-confirmed, denies, disputes), kept here so
-- the status can always be replayed from the evidence in date order, whatever order articles came in.
-- Numbered 0009 to leave 0003-0008 to the store's own migrations.

CREATE TABLE track_links (
    seq          SERIAL_PK,
    record_kind  TEXT NOT NULL,    -- commitment | claim
    record_id    TEXT NOT NULL,    -- the article's record: a commitment id or a statement id
    thread       TEXT NOT NULL,    -- the tracked record: a commitment id or a claim id
    action       TEXT NOT NULL,    -- link | unlink
    stance       TEXT,
    article      TEXT REFERENCES articles (id) ON DELETE CASCADE,
    date         TEXT,             -- the reporting article's date (YYYY-MM-DD)
    span_start   INTEGER,
    span_end     INTEGER,
    due          TEXT,             -- a due date this evidence gives (an extension's new date)
    score        REAL,             -- how well it matched (1.0 for the record that opened the thread)
    note         TEXT,
    recorded_at  TEXT NOT NULL
);
CREATE INDEX track_links_record ON track_links (record_id, seq);
CREATE INDEX track_links_thread ON track_links (thread);
CREATE INDEX track_links_article ON track_links (article);
