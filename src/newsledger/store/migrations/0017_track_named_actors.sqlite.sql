-- Fewer random index writes per article (bench/writer.py): track_article_actors took a row for every id
-- an article may name (its actors, and each run of capitalized words: "Monday", "Prime Minister"), ~94
-- an article, each at its own place of a B-tree keyed by actor, so at 30,000 stored articles a third of
-- the pages an article's commit writes. Only ids a follow-up lookup asks for are ever read
-- (followups.later_articles: the sides of a commitment, about a quarter of the rows). Now an id's rows
-- are kept from the first lookup of it on: track_named_actors lists the ids whose rows are complete,
-- an article adds rows only for those, and followups.complete_actors writes an id's rows from the
-- stored articles (article_actors, and the articles' text through articles_fts, read by the same
-- sentences.named_ids) when a lookup first asks for it. Derived data either way: the lookups read the
-- same articles.
--
-- SQLite only: with one writer at a time, an id's rows cannot be completed while another writer stores
-- an article naming it. PostgreSQL's parallel writers keep a row for every id, as before.
CREATE TABLE track_named_actors (
    actor  TEXT PRIMARY KEY
) WITHOUT ROWID;
-- The ids already stored that are actors keep their rows (complete: every linked article wrote them);
-- the rest go, and come back from the articles if a lookup asks for one.
INSERT INTO track_named_actors (actor)
    SELECT DISTINCT actor FROM track_article_actors WHERE actor IN (SELECT id FROM actors);
DELETE FROM track_article_actors WHERE actor NOT IN (SELECT actor FROM track_named_actors);
