-- A statement reported inside another's words ("According to the Kremlin, Putin said ..."): the
-- position, in the same article, of the statement that reports it (the record's `reported_by`), or
-- NULL. Putin is the original speaker, the Kremlin the one through whom it is known; the column lets a
-- reader ask for first-hand statements only, or for what a source relays. Rows stored before this
-- migration kept the field in `extra`; codec.decode_statement still reads it from there.

ALTER TABLE statements ADD COLUMN reported_by INTEGER;
