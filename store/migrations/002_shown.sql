-- dyad store, schema version 2: each event says whether it stands for its
-- cluster (the most confident member, the first stored on a tie), so that
-- queries over real events read one index instead of ranking every
-- cluster's members.

ALTER TABLE events ADD COLUMN shown INTEGER NOT NULL DEFAULT 0;

UPDATE events SET shown = (id = (SELECT r.id FROM events r WHERE r.cluster = events.cluster
	ORDER BY r.confidence DESC, r.id LIMIT 1));

CREATE INDEX events_shown_date ON events(shown, date);
