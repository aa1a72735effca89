-- The history is append-only: a status change is a new row, never an edit of an old one.
CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN
    SELECT RAISE(ABORT, 'history is append-only: add a row instead of changing one');
END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history BEGIN
    SELECT RAISE(ABORT, 'history is append-only: rows are never deleted');
END;
