-- Candidate lookup for follow-ups (src/newsledger/track/followups.py): a later article is matched to
-- the commitments of the sides it names, made within a window before it, newest first; and an
-- article that opens a commitment looks for stored later articles naming its holder's side. These
-- indexes make both bounded range reads, so the cost of linking an article does not grow with the
-- store. actors (country, type) finds a side: a country's people and agencies, or a person's country.

CREATE INDEX commitments_holder_date ON commitments (holder, date);
CREATE INDEX commitments_counterparty_date ON commitments (counterparty, date);
CREATE INDEX actors_country ON actors (country, type);
