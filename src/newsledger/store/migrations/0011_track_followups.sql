-- Candidate lookup for follow-ups (src/newsledger/track/followups.py): a later article is matched to
-- the commitments of the sides it names, made within a window before it, newest first; and an
-- article that opens a commitment looks for stored later articles naming its holder's side. These
-- indexes make both bounded range reads, so the cost of linking an article does not grow with the
-- store. actors (country, type) finds a side: a country's people and agencies, or a person's country.

CREATE INDEX commitments_holder_date ON commitments (holder, date);
CREATE INDEX commitments_counterparty_date ON commitments (counterparty, date);
CREATE INDEX actors_country ON actors (country, type);

-- Which articles name an actor, by date: the backward lookup (stored later articles that may report
-- on a commitment just opened) reads the newest few of an actor in a date range, a bounded index read
-- however many articles name it. Derived data the tracker appends to on each ingest; filled here
-- from the articles already stored.
CREATE TABLE track_article_actors (
    actor    TEXT NOT NULL,
    date     TEXT NOT NULL,
    article  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (actor, date, article)
);
CREATE INDEX track_article_actors_article ON track_article_actors (article);
INSERT INTO track_article_actors (actor, date, article)
    SELECT DISTINCT aa.actor, a.date, a.id FROM article_actors aa JOIN articles a ON a.id = aa.article
    WHERE a.date IS NOT NULL;
