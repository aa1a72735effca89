-- Full-text search on PostgreSQL: generated tsvector columns with GIN indices.
-- The article vector reads at most the first 500,000 characters: a tsvector is capped at 1 MB,
-- and one oversized article must not make its whole ingest fail.

ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', left(text, 500000)), 'B')
) STORED;
CREATE INDEX articles_search ON articles USING GIN (search);

ALTER TABLE statements ADD COLUMN search tsvector GENERATED ALWAYS AS (
    to_tsvector('english', coalesce(content_text, ''))
) STORED;
CREATE INDEX statements_search ON statements USING GIN (search);
