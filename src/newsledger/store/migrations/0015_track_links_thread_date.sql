-- A thread's first date and whether any of its reports sorts before a given (date, record id)
-- (track/followups.py _thread_commitment, track/linker.py _before) were aggregates over every link row
-- of the thread, and a thread grows by one row each time the news repeats its story. Ordered by
-- (thread, record_kind, date, record_id), each is one descent of the index, whatever the thread's length.
CREATE INDEX track_links_thread_date ON track_links (thread, record_kind, date, record_id);
