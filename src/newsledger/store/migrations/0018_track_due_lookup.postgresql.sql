-- A follow-up reports on a commitment near its due date, which may come long after the commitment was
-- made (a pledge of January 2027 due at the end of June 2028 is met in June 2028, 525 days on): the
-- forward lookup of track/followups.py also reads, per side, the commitments whose current due date is
-- near the follow-up's date (track/near_due.py), one bounded range read of an index on (side, due date).
--
-- due_now: the last day of the commitment's current due date, as due_date at first and moved by the
-- tracker when a later report extends it (linker.refresh_commitment keeps it on the thread's record).
-- Extensions already stored: the latest due their links gave, where it is a day, a month or a year (a
-- week keeps the extracted due_date until the thread is refreshed again).
ALTER TABLE commitments ADD COLUMN due_now TEXT;
UPDATE commitments SET due_now = due_date;
UPDATE commitments SET due_now = COALESCE((
    SELECT CASE WHEN MAX(l.due) ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN MAX(l.due)
                WHEN MAX(l.due) ~ '^[0-9]{4}-[0-9]{2}$'
                    THEN to_char(to_date(MAX(l.due) || '-01', 'YYYY-MM-DD') + interval '1 month' - interval '1 day',
                                 'YYYY-MM-DD')
                WHEN MAX(l.due) ~ '^[0-9]{4}$' THEN MAX(l.due) || '-12-31' END
    FROM track_links l
    WHERE l.thread = commitments.id AND l.record_kind = 'commitment' AND l.stance = 'extended'), due_now)
WHERE id IN (SELECT thread FROM track_links WHERE record_kind = 'commitment' AND stance = 'extended'
             AND due IS NOT NULL);
CREATE INDEX commitments_holder_due ON commitments (holder, due_now, id);
CREATE INDEX commitments_counterparty_due ON commitments (counterparty, due_now, id);
