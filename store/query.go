package store

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"

	"dyad/doc"
)

// Filter selects events: each field that is set must hold. Sides match by
// country code (three capitals: "RUS", or "IGO", "UNO", "EUR") or else by
// a part of the name or words ("putin"); the sides of a meeting or of
// cooperation (CONSULT, COOPERATE) match either way round.
type Filter struct {
	Actor, Recipient string
	// Sector is a PLOVER sector code that the actor or the recipient has.
	Sector string
	Type   string // PLOVER type: "CONSULT"
	Root   string // CAMEO root: "04"
	Quad   int    // quad class 1-4
	// From and To bound the event date, YYYY-MM-DD, inclusive.
	From, To string
	Place    string // the place's country code or a part of its name
	Outlet   string // a part of an outlet's name
	// Text is an FTS5 query on the sentences that report the event.
	Text string
	// Limit is the most events returned (0: 100); Offset skips as many.
	Limit, Offset int
}

// MaxLimit is the most events one query returns.
const MaxLimit = 10000

// Event is one real-world event: a cluster of the events that articles
// report, shown by its most confident member.
type Event struct {
	Cluster string
	doc.Event
	// Title, Outlet, URL and Published are those of the article of the
	// event shown.
	Title, Outlet, URL, Published string
	// Articles is the number of articles that report the event, near-copies
	// counted once; Outlets the number of outlets, copies included;
	// Reports the number of events in the cluster.
	Articles, Outlets, Reports int
}

// shown is the SQL condition that event e stands for its cluster: the
// most confident of its members, the first stored on a tie.
const shown = "e.id = (SELECT r.id FROM events r WHERE r.cluster = e.cluster ORDER BY r.confidence DESC, r.id LIMIT 1)"

var countryCode = regexp.MustCompile(`^[A-Z]{3}$`)

// sideClause returns the SQL condition that an event (alias e) has a side
// of role ("actor", "recipient" or "" for either) matching v.
func sideClause(role, v string, args *[]any) string {
	cond := "s.event = e.id"
	if role != "" {
		cond += " AND s.role = ?"
		*args = append(*args, role)
	}
	if countryCode.MatchString(v) {
		cond += " AND s.country = ?"
		*args = append(*args, v)
	} else {
		cond += " AND (s.name LIKE ? OR s.text LIKE ?)"
		*args = append(*args, "%"+v+"%", "%"+v+"%")
	}
	return "EXISTS (SELECT 1 FROM event_sides s WHERE " + cond + ")"
}

// Events returns the events that f selects, by date then cluster.
func (s *Store) Events(ctx context.Context, f Filter) ([]Event, error) {
	if f.Limit <= 0 {
		f.Limit = 100
	}
	if f.Limit > MaxLimit {
		return nil, fmt.Errorf("limit %d is more than %d", f.Limit, MaxLimit)
	}
	var where []string
	var args []any
	if f.Actor != "" || f.Recipient != "" {
		// A meeting or cooperation of A with B is one of B with A: the
		// two sides may match either way round.
		pair := func(actor, recipient string) string {
			var c []string
			if actor != "" {
				c = append(c, sideClause("actor", actor, &args))
			}
			if recipient != "" {
				c = append(c, sideClause("recipient", recipient, &args))
			}
			return strings.Join(c, " AND ")
		}
		direct := pair(f.Actor, f.Recipient)
		swapped := pair(f.Recipient, f.Actor)
		where = append(where, "(("+direct+") OR (e.type IN ('CONSULT', 'COOPERATE') AND "+swapped+"))")
	}
	if f.Sector != "" {
		where = append(where, "EXISTS (SELECT 1 FROM event_sides s WHERE s.event = e.id AND s.sector = ?)")
		args = append(args, f.Sector)
	}
	add := func(cond string, v any) {
		where = append(where, cond)
		args = append(args, v)
	}
	if f.Type != "" {
		add("e.type = ?", strings.ToUpper(f.Type))
	}
	if f.Root != "" {
		add("e.root = ?", f.Root)
	}
	if f.Quad != 0 {
		add("e.quad = ?", f.Quad)
	}
	if f.From != "" {
		add("e.date >= ?", f.From)
	}
	if f.To != "" {
		add("e.date <= ?", f.To)
	}
	if f.Place != "" {
		if countryCode.MatchString(f.Place) {
			add("e.place_country = ?", f.Place)
		} else {
			add("e.place_name LIKE ?", "%"+f.Place+"%")
		}
	}
	if f.Outlet != "" {
		add("e.cluster IN (SELECT x.cluster FROM events x JOIN articles xa ON xa.id = x.article WHERE xa.outlet LIKE ?)", "%"+f.Outlet+"%")
	}
	if f.Text != "" {
		add(`e.cluster IN (SELECT x.cluster FROM events x JOIN event_mentions m ON m.event = x.id
			JOIN sentences se ON se.article = x.article AND se.idx = m.sentence
			WHERE se.id IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?))`, f.Text)
	}
	cond := ""
	if len(where) > 0 {
		cond = " AND " + strings.Join(where, " AND ")
	}
	q := `SELECT e.id, e.cluster, e.key, e.type, e.mode, e.context, e.cameo, e.quad, e.score, e.goldstein, e.date, e.precision, e.date_text,
		e.place_text, e.place_name, e.place_country, e.negated, e.tense, e.trigger, e.sentence, e.evidence, e.confidence,
		a.title, a.outlet, a.url, a.published,
		(SELECT count(DISTINCT CASE WHEN xa.copy_of IS NULL THEN xa.id END) FROM events x JOIN articles xa ON xa.id = x.article WHERE x.cluster = e.cluster),
		(SELECT count(DISTINCT CASE WHEN xa.outlet <> '' THEN xa.outlet END) FROM events x JOIN articles xa ON xa.id = x.article WHERE x.cluster = e.cluster),
		(SELECT count(*) FROM events x WHERE x.cluster = e.cluster)
		FROM events e JOIN articles a ON a.id = e.article
		WHERE ` + shown + cond + `
		ORDER BY e.date IS NULL, e.date, e.cluster LIMIT ? OFFSET ?`
	args = append(args, f.Limit, f.Offset)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: events: %w", err)
	}
	defer rows.Close()
	var out []Event
	var ids []int64
	for rows.Next() {
		var ev Event
		var id int64
		var ctxs, pt, pn, pc, tense string
		var date *string
		if err := rows.Scan(&id, &ev.Cluster, &ev.ID, &ev.Type, &ev.Mode, &ctxs, &ev.CAMEO, &ev.Quad, &ev.Score, &ev.Goldstein, &date, &ev.DatePrecision, &ev.DateText,
			&pt, &pn, &pc, &ev.Negated, &tense, &ev.Trigger, &ev.Sentence, &ev.Evidence, &ev.Confidence,
			&ev.Title, &ev.Outlet, &ev.URL, &ev.Published, &ev.Articles, &ev.Outlets, &ev.Reports); err != nil {
			return nil, fmt.Errorf("store: events: %w", err)
		}
		ev.Date, ev.Tense = date, doc.Tense(tense)
		if ctxs != "" {
			ev.Context = strings.Split(ctxs, ",")
		}
		if pt != "" || pc != "" {
			ev.Location = &doc.Location{Text: pt, Name: pn, Country: pc}
		}
		out = append(out, ev)
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	for i, id := range ids {
		if err := readSides(ctx, s.db, id, &out[i].Event); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// querier reads the database: the handle, or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// readSides reads the actor and recipient of the stored event id into e.
func readSides(ctx context.Context, q querier, id int64, e *doc.Event) error {
	rows, err := q.QueryContext(ctx, "SELECT role, text, name, country, sector FROM event_sides WHERE event = ? ORDER BY role, pos", id)
	if err != nil {
		return fmt.Errorf("store: event sides: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var role string
		var x doc.Entity
		if err := rows.Scan(&role, &x.Text, &x.Name, &x.Country, &x.Sector); err != nil {
			return err
		}
		if role == "actor" {
			e.Actor = append(e.Actor, x)
		} else {
			e.Recipient = append(e.Recipient, x)
		}
	}
	return rows.Err()
}
