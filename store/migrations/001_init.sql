-- dyad store, schema version 1: articles, their sentences, events with
-- their sides and mentions, quotes, and the links that deduplication
-- makes. Written for dyad.

CREATE TABLE articles (
	id        INTEGER PRIMARY KEY,
	hash      TEXT NOT NULL UNIQUE,      -- sha256 of the normalised text
	doc_id    TEXT NOT NULL,             -- the coder's article id
	url       TEXT NOT NULL DEFAULT '',
	path      TEXT NOT NULL DEFAULT '',
	outlet    TEXT NOT NULL DEFAULT '',
	wire      TEXT NOT NULL DEFAULT '',
	title     TEXT NOT NULL DEFAULT '',
	byline    TEXT NOT NULL DEFAULT '',
	published TEXT NOT NULL DEFAULT '',
	language  TEXT NOT NULL DEFAULT '',
	text      TEXT NOT NULL,
	signature BLOB,                      -- MinHash of the text's shingles
	copy_of   INTEGER REFERENCES articles(id) -- an earlier near-copy
);
CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url <> '';
CREATE INDEX articles_copy ON articles(copy_of);

-- Locality-sensitive band keys of the signatures: articles that share one
-- are compared.
CREATE TABLE article_bands (
	band    INTEGER NOT NULL,
	key     INTEGER NOT NULL,
	article INTEGER NOT NULL REFERENCES articles(id),
	PRIMARY KEY (band, key, article)
) WITHOUT ROWID;

CREATE TABLE sentences (
	id      INTEGER PRIMARY KEY,
	article INTEGER NOT NULL REFERENCES articles(id),
	idx     INTEGER NOT NULL,
	start   INTEGER NOT NULL,
	end     INTEGER NOT NULL,
	text    TEXT NOT NULL,
	UNIQUE (article, idx)
);
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id');

CREATE TABLE events (
	id            INTEGER PRIMARY KEY,
	key           TEXT NOT NULL UNIQUE,  -- article hash prefix and the coder's event id
	article       INTEGER NOT NULL REFERENCES articles(id),
	cluster       TEXT NOT NULL,         -- the smallest key of the events that report one interaction
	type          TEXT NOT NULL,
	mode          TEXT NOT NULL DEFAULT '',
	context       TEXT NOT NULL DEFAULT '',
	cameo         TEXT NOT NULL,
	root          TEXT NOT NULL,
	quad          INTEGER NOT NULL,
	score         REAL NOT NULL,
	goldstein     REAL NOT NULL,
	date          TEXT,                  -- YYYY-MM-DD or NULL
	precision     TEXT NOT NULL DEFAULT '',
	date_text     TEXT NOT NULL DEFAULT '',
	place_text    TEXT NOT NULL DEFAULT '',
	place_name    TEXT NOT NULL DEFAULT '',
	place_country TEXT NOT NULL DEFAULT '',
	negated       INTEGER NOT NULL DEFAULT 0,
	tense         TEXT NOT NULL DEFAULT '',
	trigger       TEXT NOT NULL DEFAULT '',
	sentence      INTEGER NOT NULL,
	evidence      TEXT NOT NULL,
	confidence    REAL NOT NULL
);
CREATE INDEX events_article ON events(article);
CREATE INDEX events_cluster ON events(cluster);
CREATE INDEX events_root_date ON events(root, date);

-- The entities of each event's actor (role 'actor') and recipient.
CREATE TABLE event_sides (
	event   INTEGER NOT NULL REFERENCES events(id),
	role    TEXT NOT NULL,
	pos     INTEGER NOT NULL,
	text    TEXT NOT NULL DEFAULT '',
	name    TEXT NOT NULL DEFAULT '',
	country TEXT NOT NULL DEFAULT '',
	sector  TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (event, role, pos)
) WITHOUT ROWID;
CREATE INDEX event_sides_country ON event_sides(country, role);

-- Every sentence of its article that reports an event.
CREATE TABLE event_mentions (
	event    INTEGER NOT NULL REFERENCES events(id),
	sentence INTEGER NOT NULL,
	PRIMARY KEY (event, sentence)
) WITHOUT ROWID;

CREATE TABLE quotes (
	id              INTEGER PRIMARY KEY,
	article         INTEGER NOT NULL REFERENCES articles(id),
	speaker_text    TEXT NOT NULL DEFAULT '',
	speaker_name    TEXT NOT NULL DEFAULT '',
	speaker_country TEXT NOT NULL DEFAULT '',
	speaker_sector  TEXT NOT NULL DEFAULT '',
	text            TEXT NOT NULL,
	direct          INTEGER NOT NULL,
	sentence        INTEGER NOT NULL,
	start           INTEGER NOT NULL,
	end             INTEGER NOT NULL
);
CREATE INDEX quotes_article ON quotes(article);
CREATE INDEX quotes_speaker ON quotes(speaker_name);
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id');
