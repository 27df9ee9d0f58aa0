package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"dyad/dedup"
	"dyad/doc"
)

// Added says what Add did with an article.
type Added struct {
	// ID is the article's row id, the new one or the one it already had.
	ID int64
	// New is false when the article was already stored (the same
	// normalised text, or the same URL).
	New bool
	// CopyOf is the row id of an earlier article that this one nearly
	// copies, or 0.
	CopyOf int64
	// Events is the number of events stored, Joined the number of them
	// that joined a cluster of events from other articles.
	Events, Joined int
}

// Add stores a coded article with its sentences, events and quotes, links
// it to an earlier near-copy, and clusters its events with those of other
// articles that report the same interactions, all in one transaction: a
// kill leaves the article wholly stored or not at all. An article already
// stored (same normalised text or URL) adds nothing.
func (s *Store) Add(ctx context.Context, a *doc.Article) (Added, error) {
	if a == nil || strings.TrimSpace(a.Text) == "" {
		return Added{}, ErrNoText
	}
	hash := TextHash(a.Text)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return Added{}, fmt.Errorf("store: begin: %w", err)
	}
	defer tx.Rollback()
	var id int64
	err = tx.QueryRowContext(ctx, "SELECT id FROM articles WHERE hash = ? OR (url <> '' AND url = ?) ORDER BY id LIMIT 1", hash, a.Source.URL).Scan(&id)
	switch {
	case err == nil:
		return Added{ID: id}, nil
	case err != sql.ErrNoRows:
		return Added{}, fmt.Errorf("store: look up article: %w", err)
	}
	res := Added{New: true}
	sig, n := dedup.Sign(a.Text)
	if n > 0 {
		if res.CopyOf, err = nearCopy(ctx, tx, &sig); err != nil {
			return Added{}, err
		}
	}
	var copyOf any
	if res.CopyOf > 0 {
		copyOf = res.CopyOf
	}
	src := a.Source
	r, err := tx.ExecContext(ctx, `INSERT INTO articles (hash, doc_id, url, path, outlet, wire, title, byline, published, language, text, signature, copy_of)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		hash, a.ID, src.URL, src.Path, src.Outlet, src.Wire, src.Title, src.Byline, src.Published, src.Language, a.Text, sig.Bytes(), copyOf)
	if err != nil {
		return Added{}, fmt.Errorf("store: insert article: %w", err)
	}
	if res.ID, err = r.LastInsertId(); err != nil {
		return Added{}, err
	}
	if n > 0 {
		keys := sig.BandKeys()
		for b, k := range keys {
			if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO article_bands (band, key, article) VALUES (?, ?, ?)", b, int64(k), res.ID); err != nil {
				return Added{}, fmt.Errorf("store: insert band: %w", err)
			}
		}
	}
	if err := addSentences(ctx, tx, res.ID, a); err != nil {
		return Added{}, err
	}
	if err := addQuotes(ctx, tx, res.ID, a); err != nil {
		return Added{}, err
	}
	if err := addEntities(ctx, tx, res.ID, a); err != nil {
		return Added{}, err
	}
	for _, e := range a.Events {
		joined, err := addEvent(ctx, tx, res.ID, hash, e)
		if err != nil {
			return Added{}, err
		}
		res.Events++
		if joined {
			res.Joined++
		}
	}
	if res.Events > 0 {
		if err := markShown(ctx, tx, res.ID); err != nil {
			return Added{}, err
		}
	}
	if err := tx.Commit(); err != nil {
		return Added{}, fmt.Errorf("store: commit: %w", err)
	}
	return res, nil
}

// insertPairs writes the country pairs of the events shown for their
// clusters that happened; conditions on the events e may follow.
const insertPairs = `INSERT OR IGNORE INTO event_pairs (event, x, y, date, quad, score)
	SELECT e.id, min(sa.country, sr.country), max(sa.country, sr.country), e.date, e.quad, e.score
	FROM events e
	JOIN event_sides sa ON sa.event = e.id AND sa.role = 'actor' AND sa.country <> ''
	JOIN event_sides sr ON sr.event = e.id AND sr.role = 'recipient' AND sr.country <> '' AND sr.country <> sa.country
	WHERE e.shown = 1 AND e.negated = 0 AND e.tense <> 'hypothetical' AND e.date IS NOT NULL`

// countClusters returns the SQL that writes the counts of the clusters
// of the events e that cond selects.
func countClusters(cond string) string {
	return `INSERT OR REPLACE INTO clusters (name, articles, outlets, reports)
		SELECT e.cluster, count(DISTINCT CASE WHEN a.copy_of IS NULL THEN a.id END),
			count(DISTINCT CASE WHEN a.outlet <> '' THEN a.outlet END), count(*)
		FROM events e JOIN articles a ON a.id = e.article
		WHERE ` + cond + ` GROUP BY e.cluster`
}

// markShown marks, in every cluster that holds an event of the article,
// the event that stands for the cluster (the most confident, the first
// stored on a tie), and writes the counts and the country pairs of those
// clusters anew.
func markShown(ctx context.Context, tx *sql.Tx, article int64) error {
	const touched = "SELECT id FROM events WHERE cluster IN (SELECT cluster FROM events WHERE article = ?)"
	for _, q := range []string{
		`UPDATE events SET shown = (id = (SELECT r.id FROM events r WHERE r.cluster = events.cluster
			ORDER BY r.confidence DESC, r.id LIMIT 1)) WHERE id IN (` + touched + `)`,
		"DELETE FROM event_pairs WHERE event IN (" + touched + ")",
		countClusters("e.cluster IN (SELECT cluster FROM events WHERE article = ?)"),
		insertPairs + " AND e.id IN (" + touched + ")",
	} {
		if _, err := tx.ExecContext(ctx, q, article); err != nil {
			return fmt.Errorf("store: mark the events shown: %w", err)
		}
	}
	return nil
}

// nearCopy returns the smallest row id of a stored article whose text
// the signature nearly copies, or 0.
func nearCopy(ctx context.Context, tx *sql.Tx, sig *dedup.Signature) (int64, error) {
	keys := sig.BandKeys()
	var q strings.Builder
	args := make([]any, 0, 2*len(keys))
	q.WriteString("SELECT DISTINCT b.article, a.signature FROM article_bands b JOIN articles a ON a.id = b.article WHERE ")
	for i, k := range keys {
		if i > 0 {
			q.WriteString(" OR ")
		}
		q.WriteString("(b.band = ? AND b.key = ?)")
		args = append(args, i, int64(k))
	}
	q.WriteString(" ORDER BY b.article")
	rows, err := tx.QueryContext(ctx, q.String(), args...)
	if err != nil {
		return 0, fmt.Errorf("store: near copies: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var blob []byte
		if err := rows.Scan(&id, &blob); err != nil {
			return 0, err
		}
		if other, ok := dedup.SignatureFrom(blob); ok && dedup.Similarity(&other, sig) >= dedup.Near {
			return id, nil
		}
	}
	return 0, rows.Err()
}

// addEntities stores the resolved entities of the article's mentions.
func addEntities(ctx context.Context, tx *sql.Tx, article int64, a *doc.Article) error {
	for i, m := range a.Mentions {
		for j, e := range m.Entities {
			if _, err := tx.ExecContext(ctx, `INSERT INTO entities (article, mention, pos, sentence, start, end, text, kind, via, name, country, sector)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				article, i, j, m.Sentence, m.Start, m.End, m.Text, string(m.Kind), m.Via, e.Name, e.Country, e.Sector); err != nil {
				return fmt.Errorf("store: insert entity: %w", err)
			}
		}
	}
	return nil
}

func addSentences(ctx context.Context, tx *sql.Tx, article int64, a *doc.Article) error {
	for i, se := range a.Sentences {
		if se.Start < 0 || se.End > len(a.Text) || se.Start > se.End {
			continue
		}
		txt := a.Text[se.Start:se.End]
		r, err := tx.ExecContext(ctx, "INSERT INTO sentences (article, idx, start, end, text) VALUES (?, ?, ?, ?, ?)", article, i, se.Start, se.End, txt)
		if err != nil {
			return fmt.Errorf("store: insert sentence: %w", err)
		}
		id, _ := r.LastInsertId()
		if _, err := tx.ExecContext(ctx, "INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)", id, txt); err != nil {
			return fmt.Errorf("store: index sentence: %w", err)
		}
	}
	return nil
}

func addQuotes(ctx context.Context, tx *sql.Tx, article int64, a *doc.Article) error {
	for _, q := range a.Quotes {
		sp := q.Speaker
		r, err := tx.ExecContext(ctx, `INSERT INTO quotes (article, speaker_text, speaker_name, speaker_country, speaker_sector, text, direct, sentence, start, end)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, article, sp.Text, sp.Name, sp.Country, sp.Sector, q.Text, q.Direct, q.Sentence, q.Start, q.End)
		if err != nil {
			return fmt.Errorf("store: insert quote: %w", err)
		}
		id, _ := r.LastInsertId()
		if _, err := tx.ExecContext(ctx, "INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)", id, q.Text); err != nil {
			return fmt.Errorf("store: index quote: %w", err)
		}
	}
	return nil
}

// addEvent stores one event and joins it to the clusters of the stored
// events of other articles that report the same interaction. It reports
// whether it joined any.
func addEvent(ctx context.Context, tx *sql.Tx, article int64, hash string, e doc.Event) (bool, error) {
	key := hash[:16] + ":" + e.ID
	me := dedup.FromDoc(fmt.Sprint(article), e)
	me.ID = key
	var date any
	if e.Date != nil {
		date = *e.Date
	}
	var pt, pn, pc string
	if e.Location != nil {
		pt, pn, pc = e.Location.Text, e.Location.Name, e.Location.Country
	}
	r, err := tx.ExecContext(ctx, `INSERT INTO events (key, article, cluster, type, mode, context, cameo, root, quad, score, goldstein,
		date, precision, date_text, place_text, place_name, place_country, negated, tense, trigger, sentence, evidence, confidence)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		key, article, key, e.Type, e.Mode, strings.Join(e.Context, ","), e.CAMEO, me.Root, e.Quad, e.Score, e.Goldstein,
		date, e.DatePrecision, e.DateText, pt, pn, pc, e.Negated, string(e.Tense), e.Trigger, e.Sentence, e.Evidence, e.Confidence)
	if err != nil {
		return false, fmt.Errorf("store: insert event: %w", err)
	}
	id, _ := r.LastInsertId()
	for role, es := range map[string][]doc.Entity{"actor": e.Actor, "recipient": e.Recipient} {
		for i, x := range es {
			if _, err := tx.ExecContext(ctx, "INSERT INTO event_sides (event, role, pos, text, name, country, sector) VALUES (?, ?, ?, ?, ?, ?, ?)",
				id, role, i, x.Text, x.Name, x.Country, x.Sector); err != nil {
				return false, fmt.Errorf("store: insert event side: %w", err)
			}
		}
	}
	for _, m := range e.Mentions {
		if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO event_mentions (event, sentence) VALUES (?, ?)", id, m); err != nil {
			return false, fmt.Errorf("store: insert event mention: %w", err)
		}
	}
	if e.Negated || e.Tense == doc.TenseHypothetical {
		return false, nil // what did not happen reports nothing to join
	}
	return cluster(ctx, tx, article, me)
}

// cluster joins the stored event ev to every cluster that holds an event
// of another article that dedup.Same says it reports: all of them take the
// smallest key among them as their name, so that the clusters do not
// depend on the order in which articles arrive.
func cluster(ctx context.Context, tx *sql.Tx, article int64, ev dedup.Event) (bool, error) {
	from, to, ok := dedup.Interval(ev.Date, ev.Precision)
	if !ok {
		return false, nil
	}
	// A candidate is stored under its first day: a month's events up to a
	// month before this event's days may cover them (dedup.Interval has
	// no wider window). It shares a country or a name with this event.
	var sides []string
	var args []any
	args = append(args, ev.Root, article, from.AddDate(0, 0, -31).Format(doc.DateLayout), to.AddDate(0, 0, 1).Format(doc.DateLayout))
	for _, sd := range append(append([]dedup.Side(nil), ev.Actor...), ev.Recipient...) {
		switch {
		case sd.Country != "":
			sides = append(sides, "(s.country = ?)")
			args = append(args, sd.Country)
		case sd.Name != "":
			sides = append(sides, "(s.country = '' AND s.name = ?)")
			args = append(args, sd.Name)
		}
	}
	if len(sides) == 0 {
		return false, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT e.id, e.key, e.cluster, e.type, e.cameo, e.date, e.precision, e.place_country
		FROM events e WHERE e.root = ? AND e.article <> ? AND e.date BETWEEN ? AND ? AND e.negated = 0 AND e.tense <> 'hypothetical'
		AND EXISTS (SELECT 1 FROM event_sides s WHERE s.event = e.id AND (`+strings.Join(sides, " OR ")+`))
		ORDER BY e.id`, args...)
	if err != nil {
		return false, fmt.Errorf("store: cluster candidates: %w", err)
	}
	type cand struct {
		id int64
		ev doc.Event
		cl string
	}
	var cands []cand
	for rows.Next() {
		var c cand
		var place string
		if err := rows.Scan(&c.id, &c.ev.ID, &c.cl, &c.ev.Type, &c.ev.CAMEO, &c.ev.Date, &c.ev.DatePrecision, &place); err != nil {
			rows.Close()
			return false, err
		}
		if place != "" {
			c.ev.Location = &doc.Location{Country: place}
		}
		cands = append(cands, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return false, err
	}
	joined := map[string]bool{}
	for _, c := range cands {
		if err := readSides(ctx, tx, c.id, &c.ev); err != nil {
			return false, err
		}
		if dedup.Same(ev, dedup.FromDoc("", c.ev)) {
			joined[c.cl] = true
		}
	}
	if len(joined) == 0 {
		return false, nil
	}
	name := ev.ID
	for cl := range joined {
		if cl < name {
			name = cl
		}
	}
	joined[ev.ID] = true
	for cl := range joined {
		if cl == name {
			continue
		}
		if _, err := tx.ExecContext(ctx, "UPDATE events SET cluster = ? WHERE cluster = ?", name, cl); err != nil {
			return false, fmt.Errorf("store: join clusters: %w", err)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM clusters WHERE name = ?", cl); err != nil {
			return false, fmt.Errorf("store: join clusters: %w", err)
		}
	}
	return true, nil
}
