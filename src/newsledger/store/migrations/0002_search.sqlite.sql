-- Full-text search on SQLite: FTS5 indices over article text and statement content.
-- External content (the text lives once, in articles/statements); triggers keep the index in step.
-- porter stemming so "attacks" finds "attacked", as PostgreSQL's 'english' configuration does.

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='seq',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE VIRTUAL TABLE statements_fts USING fts5(
    content_text, content='statements', content_rowid='seq',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts (rowid, content_text) VALUES (new.seq, new.content_text);
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, content_text)
    VALUES ('delete', old.seq, old.content_text);
END;
CREATE TRIGGER statements_fts_update AFTER UPDATE OF content_text ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, content_text)
    VALUES ('delete', old.seq, old.content_text);
    INSERT INTO statements_fts (rowid, content_text) VALUES (new.seq, new.content_text);
END;
