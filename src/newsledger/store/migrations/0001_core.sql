-- newsledger ledger tables, for SQLite and PostgreSQL alike.
-- SERIAL_PK is replaced by the runner (migrate.py): a surrogate integer key that SQLite keeps stable
-- (an INTEGER PRIMARY KEY, so VACUUM never renumbers it: the full-text index points at it).
-- Record ids are text, "<article>:<letter><position>" (s statement, e event, t time, c commitment),
-- so the same article gets the same ids in every store and concurrent writers never race for them.
-- Lists keep their order in a `position` column; `extra` holds JSON only for fields this schema does
-- not know (or an unusual key order), so export gives back exactly what was ingested.

CREATE TABLE articles (
    seq         SERIAL_PK,
    id          TEXT NOT NULL UNIQUE,
    title       TEXT,
    source      TEXT,
    url         TEXT,
    published   TEXT,              -- ISO date or datetime as given
    date        TEXT,              -- published as YYYY-MM-DD, for filters and sorting
    language    TEXT,
    text        TEXT NOT NULL,
    schema      TEXT,              -- "newsledger/1"
    model       TEXT,              -- JSON: the spaCy pipeline used
    warnings    TEXT,              -- JSON list, NULL when the record had none
    extra       TEXT,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_date ON articles (date);

-- One row per actor across all articles, upserted by id (the gazetteer slug).
CREATE TABLE actors (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    type      TEXT NOT NULL,
    country   TEXT,
    roles     TEXT NOT NULL DEFAULT '[]',   -- JSON list
    wikidata  TEXT,
    stub      BOOLEAN NOT NULL DEFAULT FALSE  -- only referenced (speaker, holder…), never listed
);
CREATE INDEX actors_name ON actors (name);

-- Names an actor is known by, for loose lookup ("putin", "Vladimir Putin"); norm is lower-case
-- ASCII words joined by single spaces.
CREATE TABLE actor_aliases (
    actor  TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    alias  TEXT NOT NULL,
    norm   TEXT NOT NULL,
    PRIMARY KEY (actor, norm)
);
CREATE INDEX actor_aliases_norm ON actor_aliases (norm);

-- The actor as one article's record lists it.
CREATE TABLE article_actors (
    article   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    actor     TEXT NOT NULL REFERENCES actors (id),
    position  INTEGER NOT NULL,
    name      TEXT,
    type      TEXT,
    country   TEXT,
    roles     TEXT NOT NULL DEFAULT '[]',
    wikidata  TEXT,
    extra     TEXT,
    PRIMARY KEY (article, position)
);
CREATE INDEX article_actors_actor ON article_actors (actor);

CREATE TABLE mentions (
    article   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    actor     TEXT NOT NULL REFERENCES actors (id),
    actor_position INTEGER NOT NULL,   -- which entry of the article's actor list
    position  INTEGER NOT NULL,
    span_start INTEGER,
    span_end   INTEGER,
    text      TEXT,
    PRIMARY KEY (article, actor_position, position)
);
CREATE INDEX mentions_actor ON mentions (actor);

CREATE TABLE statements (
    seq            SERIAL_PK,
    id             TEXT NOT NULL UNIQUE,
    article        TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    speaker        TEXT REFERENCES actors (id),
    speaker_text   TEXT,
    speaker_start  INTEGER,
    speaker_end    INTEGER,
    cue_text       TEXT,
    cue_start      INTEGER,
    cue_end        INTEGER,
    kind           TEXT,
    negated        BOOLEAN,
    hedged         BOOLEAN,
    quote          TEXT,
    content_text   TEXT,
    content_start  INTEGER,
    content_end    INTEGER,
    time           TEXT,
    span_start     INTEGER,
    span_end       INTEGER,
    date           TEXT,       -- time as YYYY-MM-DD where it is a date, else the article's date
    extra          TEXT
);
CREATE INDEX statements_article ON statements (article, position);
CREATE INDEX statements_speaker ON statements (speaker, date);
CREATE INDEX statements_kind ON statements (kind);
CREATE INDEX statements_date ON statements (date);

CREATE TABLE statement_about (
    statement  TEXT NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    actor      TEXT NOT NULL REFERENCES actors (id),
    PRIMARY KEY (statement, position)
);
CREATE INDEX statement_about_actor ON statement_about (actor);

CREATE TABLE events (
    id                TEXT PRIMARY KEY,
    article           TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    code              TEXT,
    plover            TEXT,
    label             TEXT,
    source            TEXT REFERENCES actors (id),
    target            TEXT REFERENCES actors (id),
    trigger_text      TEXT,
    trigger_start     INTEGER,
    trigger_end       INTEGER,
    location_name     TEXT,
    location_country  TEXT,
    location_start    INTEGER,
    location_end      INTEGER,
    time              TEXT,
    time_precision    TEXT,
    fatalities        INTEGER,
    injured           INTEGER,
    negated           BOOLEAN,
    hypothetical      BOOLEAN,
    same_as           INTEGER,    -- position of an earlier event of the same article
    span_start        INTEGER,
    span_end          INTEGER,
    date              TEXT,
    extra             TEXT
);
CREATE INDEX events_article ON events (article, position);
CREATE INDEX events_code ON events (code);
CREATE INDEX events_source ON events (source, date);
CREATE INDEX events_target ON events (target, date);
CREATE INDEX events_date ON events (date);

CREATE TABLE times (
    id        TEXT PRIMARY KEY,
    article   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    text      TEXT,
    span_start INTEGER,
    span_end   INTEGER,
    type      TEXT,
    value     TEXT,
    anchor    TEXT,
    date      TEXT,
    extra     TEXT
);
CREATE INDEX times_article ON times (article, position);
CREATE INDEX times_value ON times (value);

CREATE TABLE commitments (
    id            TEXT PRIMARY KEY,
    article       TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    kind          TEXT,
    holder        TEXT REFERENCES actors (id),
    counterparty  TEXT REFERENCES actors (id),
    content       TEXT,
    conditions    TEXT,
    due           TEXT,
    due_date      TEXT,       -- due as the last day it allows (YYYY-MM-DD), NULL when not a date
    status        TEXT,       -- the current status: the latest row of `history`
    overdue       BOOLEAN,
    date          TEXT,       -- when it was made: the article's date
    extra         TEXT
);
CREATE INDEX commitments_article ON commitments (article, position);
CREATE INDEX commitments_holder ON commitments (holder);
CREATE INDEX commitments_status ON commitments (status, due_date);
CREATE INDEX commitments_due ON commitments (due_date);

CREATE TABLE commitment_evidence (
    commitment  TEXT NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    span_start  INTEGER,
    span_end    INTEGER,
    text        TEXT,
    PRIMARY KEY (commitment, position)
);

-- Claims tracked across articles (the tracker fills these): one claim, many statements.
CREATE TABLE claims (
    id          TEXT PRIMARY KEY,
    text        TEXT NOT NULL,
    speaker     TEXT REFERENCES actors (id),
    status      TEXT,        -- the current status: the latest row of `history`
    article     TEXT REFERENCES articles (id),   -- where it was first seen
    date        TEXT,
    note        TEXT
);
CREATE INDEX claims_speaker ON claims (speaker);
CREATE INDEX claims_status ON claims (status);

CREATE TABLE claim_links (
    seq        SERIAL_PK,
    claim      TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    statement  TEXT REFERENCES statements (id) ON DELETE CASCADE,
    article    TEXT REFERENCES articles (id) ON DELETE CASCADE,
    relation   TEXT NOT NULL,   -- repeats | supports | confirms | contradicts | denies …
    span_start INTEGER,
    span_end   INTEGER,
    date       TEXT,
    note       TEXT
);
CREATE INDEX claim_links_claim ON claim_links (claim);
CREATE INDEX claim_links_statement ON claim_links (statement);
CREATE INDEX claim_links_article ON claim_links (article);

-- Status changes of commitments and claims, append-only: the current status is the latest row.
CREATE TABLE history (
    seq          SERIAL_PK,
    record_kind  TEXT NOT NULL,    -- commitment | claim
    record_id    TEXT NOT NULL,
    status       TEXT NOT NULL,
    date         TEXT,             -- when the status held (the reporting article's date)
    article      TEXT REFERENCES articles (id),
    span_start   INTEGER,
    span_end     INTEGER,
    note         TEXT,
    recorded_at  TEXT NOT NULL
);
CREATE INDEX history_record ON history (record_id, seq);
CREATE INDEX history_article ON history (article);
