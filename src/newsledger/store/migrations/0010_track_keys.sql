-- Candidate lookup for the tracker (src/newsledger/track/keys.py): an inverted index of the records it
-- links, so matching a new commitment or statement reads only the few stored ones that can match
-- instead of every one about the same actors. One row per (actor, normalized content word) of a
-- tracked record: for a commitment its holder and the words of its content (plus the key '~ref' when
-- the content only names the commitment, "the deadline"); for a statement every actor it is about or
-- names inside its content, and the words of its content. Derived data: the tracker rebuilds it when
-- track_state.keys differs from the version its code writes (stop words or stemmer changed), and on
-- the first link after this migration if track_links already had rows.

CREATE TABLE track_keys (
    record_kind  TEXT NOT NULL,    -- commitment | claim (a statement that is evidence of a claim)
    actor        TEXT NOT NULL,
    word         TEXT NOT NULL,
    record_id    TEXT NOT NULL,
    article      TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (record_kind, actor, word, record_id)
);
CREATE INDEX track_keys_article ON track_keys (article);

CREATE TABLE track_state (
    name   TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
