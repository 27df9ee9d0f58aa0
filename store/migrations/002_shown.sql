-- dyad store, schema version 2: each event says whether it stands for its
-- cluster (the most confident member, the first stored on a tie), and the
-- country pairs of the real events that happened are kept apart, so that
-- queries over real events and relations read narrow indexes instead of
-- ranking every cluster's members and joining their sides.

ALTER TABLE events ADD COLUMN shown INTEGER NOT NULL DEFAULT 0;

UPDATE events SET shown = (id = (SELECT r.id FROM events r WHERE r.cluster = events.cluster
	ORDER BY r.confidence DESC, r.id LIMIT 1));

CREATE INDEX events_shown_date ON events(shown, date, cluster);

-- Each cluster's counts: the articles that report it (near-copies counted
-- once), their outlets, and its reports.
CREATE TABLE clusters (
	name     TEXT PRIMARY KEY,
	articles INTEGER NOT NULL,
	outlets  INTEGER NOT NULL,
	reports  INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO clusters (name, articles, outlets, reports)
	SELECT e.cluster, count(DISTINCT CASE WHEN a.copy_of IS NULL THEN a.id END),
		count(DISTINCT CASE WHEN a.outlet <> '' THEN a.outlet END), count(*)
	FROM events e JOIN articles a ON a.id = e.article GROUP BY e.cluster;

-- One row for each pair of an actor's and a recipient's countries of an
-- event shown for its cluster that is neither negated nor hypothetical
-- and has a date; x is the smaller country code.
CREATE TABLE event_pairs (
	event INTEGER NOT NULL REFERENCES events(id),
	x     TEXT NOT NULL,
	y     TEXT NOT NULL,
	date  TEXT NOT NULL,
	quad  INTEGER NOT NULL,
	score REAL NOT NULL,
	PRIMARY KEY (event, x, y)
) WITHOUT ROWID;
CREATE INDEX event_pairs_xy ON event_pairs(x, y, date, quad, score);
CREATE INDEX event_pairs_y ON event_pairs(y, x, date, quad, score);
CREATE INDEX event_pairs_date ON event_pairs(date, x, y, quad, score);

INSERT OR IGNORE INTO event_pairs (event, x, y, date, quad, score)
	SELECT e.id, min(sa.country, sr.country), max(sa.country, sr.country), e.date, e.quad, e.score
	FROM events e
	JOIN event_sides sa ON sa.event = e.id AND sa.role = 'actor' AND sa.country <> ''
	JOIN event_sides sr ON sr.event = e.id AND sr.role = 'recipient' AND sr.country <> '' AND sr.country <> sa.country
	WHERE e.shown = 1 AND e.negated = 0 AND e.tense <> 'hypothetical' AND e.date IS NOT NULL;

-- The actors each article names, as the actor stage resolved them: one row
-- for each entity of a mention ("the two presidents" has two).
CREATE TABLE entities (
	article  INTEGER NOT NULL REFERENCES articles(id),
	mention  INTEGER NOT NULL,           -- the mention's index in its article
	pos      INTEGER NOT NULL,           -- the entity's index in its mention
	sentence INTEGER NOT NULL,
	start    INTEGER NOT NULL,
	end      INTEGER NOT NULL,
	text     TEXT NOT NULL,              -- the article's words
	kind     TEXT NOT NULL DEFAULT '',   -- person, state, org, ...
	via      TEXT NOT NULL DEFAULT '',   -- how it was resolved
	name     TEXT NOT NULL DEFAULT '',
	country  TEXT NOT NULL DEFAULT '',
	sector   TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (article, mention, pos)
) WITHOUT ROWID;
CREATE INDEX entities_name ON entities(name);
CREATE INDEX entities_country ON entities(country, sector);
