-- Bounded candidate lookups for the tracker (src/newsledger/track/keys.py, linker.py): whatever the size
-- of the store, linking an article reads a fixed number of index entries.
--
-- track_keys gets the date of the record's article, and an index that reads, for one (actor, word),
-- the records nearest in time to a new article (a range read each way, at most keys.NEAR rows), instead
-- of every record that ever shared that actor and word.
ALTER TABLE track_keys ADD COLUMN date TEXT NOT NULL DEFAULT '';
UPDATE track_keys SET date = COALESCE((SELECT a.date FROM articles a WHERE a.id = track_keys.article), '');
CREATE INDEX track_keys_near ON track_keys (record_kind, actor, word, date, record_id);

-- A holder's commitments nearest in time, in a fixed order (id breaks ties of one date): stored ones
-- the tracker has not linked yet, and, per kind, those a follow-up may name only by their kind
-- ("extended the deadline"). One range read per holder (and kind).
CREATE INDEX commitments_holder_date_id ON commitments (holder, date, id);
CREATE INDEX commitments_holder_kind_date ON commitments (holder, kind, date, id);
-- The same for the counterparty: a follow-up is matched to the newest commitments naming one of its
-- sides as holder or counterparty (track/followups.py through tables.recent_commitments).
CREATE INDEX commitments_counterparty_date_id ON commitments (counterparty, date, id);

-- A thread's link rows after a given one (what fold.py has not folded in yet), and the latest due date
-- an extension gave (track/followups.py): both bounded reads of one thread however many reports it has.
CREATE INDEX track_links_thread_seq ON track_links (thread, seq);
CREATE INDEX track_links_thread_due ON track_links (thread, record_kind, stance, due);

-- The status of a tracked record without replaying all its evidence (src/newsledger/track/fold.py).
-- Every status transition is idempotent and evidence of one date and stance is replayed together, so
-- the replay of all evidence equals the replay of its distinct (date, stance) steps: track_steps keeps
-- those per thread (how many reports, the latest due an extension gave, and the step's last report,
-- which the history cites), track_folds how far track_links has been folded in and the thread's
-- first report. Derived data: rebuilt from track_links when missing or after an unlink.
CREATE TABLE track_folds (
    record_kind  TEXT NOT NULL,
    thread       TEXT NOT NULL,
    upto         BIGINT NOT NULL,  -- the last track_links seq of this thread folded in
    seen         BIGINT NOT NULL,  -- how many track_links rows of this thread were folded in
    root_date    TEXT,             -- the thread's first report (by date, then id): its due date
    root_record  TEXT,
    PRIMARY KEY (record_kind, thread)
);
CREATE TABLE track_steps (
    record_kind  TEXT NOT NULL,
    thread       TEXT NOT NULL,
    date         TEXT NOT NULL,    -- '' for undated evidence
    stance       TEXT NOT NULL,
    n            INTEGER NOT NULL, -- reports of this date and stance
    max_due      TEXT,             -- the latest due date among them (extensions)
    last_record  TEXT NOT NULL,    -- the last of them in replay order, as the history cites it
    last_date    TEXT,
    last_article TEXT,
    last_span_start INTEGER,
    last_span_end   INTEGER,
    last_due     TEXT,
    last_note    TEXT,
    PRIMARY KEY (record_kind, thread, date, stance)
);
