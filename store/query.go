package store

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"
	"time"

	"dyad/doc"
)

// Filter selects events: each field that is set must hold. Sides match by
// country code (three capitals: "RUS", or "IGO", "UNO", "EUR") or else by
// a part of the name or words ("putin"); the sides of a meeting or of
// cooperation (CONSULT, COOPERATE) match either way round.
type Filter struct {
	Actor, Recipient string
	// Country matches either side, as Actor and Recipient do.
	Country string
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
// report, shown by its most confident member. Its JSON is the record of
// dyad events --format jsonl and of the HTTP API.
type Event struct {
	// Cluster names the real event: the smallest key of its members.
	Cluster string `json:"event"`
	// Articles is the number of articles that report the event, near-copies
	// counted once; Outlets the number of outlets, copies included;
	// Reports the number of events in the cluster.
	Articles int `json:"articles"`
	Outlets  int `json:"outlets"`
	Reports  int `json:"reports"`
	doc.Event
	// ArticleID is the row id of the article of the event shown, and
	// Title, Outlet, URL and Published are its own.
	ArticleID int64  `json:"article_id"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	URL       string `json:"url"`
	Published string `json:"published"`

	row int64 // the row id of the event shown
}

// shown is the SQL condition that event e stands for its cluster: the
// most confident of its members, the first stored on a tie (see
// markShown).
const shown = "e.shown = 1"

var countryCode = regexp.MustCompile(`^[A-Z]{3}$`)

// sideClause returns the SQL condition that an event (alias e) has a side
// of role ("actor", "recipient" or "" for either) matching v. A country
// code reads the index of sides by country.
func sideClause(role, v string, args *[]any) string {
	var cond string
	if countryCode.MatchString(v) {
		cond = "s.country = ?"
		*args = append(*args, v)
	} else {
		cond = "(s.name LIKE ? OR s.text LIKE ?)"
		*args = append(*args, "%"+v+"%", "%"+v+"%")
	}
	if role != "" {
		cond += " AND s.role = ?"
		*args = append(*args, role)
	}
	return "e.id IN (SELECT s.event FROM event_sides s WHERE " + cond + ")"
}

// Validate reports what is wrong with a filter, in words for the person
// who wrote it: a date that is not YYYY-MM-DD, a quad class out of 1-4, a
// page size out of 1-MaxLimit.
func (f Filter) Validate() error {
	for _, d := range []struct{ name, v string }{{"from", f.From}, {"to", f.To}} {
		if d.v != "" {
			if _, err := time.Parse(doc.DateLayout, d.v); err != nil {
				return badQuery("%s: %q is not a date as YYYY-MM-DD", d.name, d.v)
			}
		}
	}
	if f.Quad < 0 || f.Quad > 4 {
		return badQuery("quad: %d is not a quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict", f.Quad)
	}
	if f.Root != "" && !cameoRoot.MatchString(f.Root) {
		return badQuery("cameo: %q is not a CAMEO root (two digits, 01 to 20)", f.Root)
	}
	if f.Limit < 0 || f.Limit > MaxLimit {
		return badQuery("limit: %d is not between 1 and %d", f.Limit, MaxLimit)
	}
	if f.Offset < 0 {
		return badQuery("offset: %d is negative", f.Offset)
	}
	return nil
}

var cameoRoot = regexp.MustCompile(`^(0[1-9]|1[0-9]|20)$`)

// Events returns the events that f selects, the latest first, those
// without a date last.
func (s *Store) Events(ctx context.Context, f Filter) ([]Event, error) {
	cond, args, err := s.where(ctx, f)
	if err != nil {
		return nil, err
	}
	if f.Limit == 0 {
		f.Limit = 100
	}
	return s.selectEvents(ctx, shown+cond+" ORDER BY e.date DESC, e.cluster DESC LIMIT ? OFFSET ?", append(args, f.Limit, f.Offset))
}

// EachEvent calls fn with every event that f selects, whatever its Limit
// and Offset, in the order they were stored, reading a page at a time.
func (s *Store) EachEvent(ctx context.Context, f Filter, fn func(Event) error) error {
	f.Limit, f.Offset = 0, 0
	cond, args, err := s.where(ctx, f)
	if err != nil {
		return err
	}
	return s.each(ctx, shown+cond, args, fn)
}

// each calls fn with every event that the SQL conditions cond select, in
// the order they were stored, reading a page at a time.
func (s *Store) each(ctx context.Context, cond string, args []any, fn func(Event) error) error {
	const page = 1000
	var last int64
	for {
		evs, err := s.selectEvents(ctx, cond+" AND e.id > ? ORDER BY e.id LIMIT ?", append(append([]any(nil), args...), last, page))
		if err != nil {
			return err
		}
		for _, e := range evs {
			if err := fn(e); err != nil {
				return err
			}
		}
		if len(evs) < page {
			return nil
		}
		last = evs[len(evs)-1].row
	}
}

// where checks f, with its full-text query, and returns its SQL
// conditions on the events e with their arguments.
func (s *Store) where(ctx context.Context, f Filter) (string, []any, error) {
	if err := f.Validate(); err != nil {
		return "", nil, err
	}
	if err := s.checkText(ctx, "sentences_fts", f.Text); err != nil {
		return "", nil, err
	}
	cond, args := f.where()
	return cond, args, nil
}

// where returns the SQL conditions of f on the events e, each preceded by
// AND, with their arguments.
func (f Filter) where() (string, []any) {
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
	if f.Country != "" {
		where = append(where, sideClause("", f.Country, &args))
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
	return cond, args
}

// eventColumns are the columns that selectEvents scans.
const eventColumns = `e.id, e.cluster, e.key, e.type, e.mode, e.context, e.cameo, e.quad, e.score, e.goldstein, e.date, e.precision, e.date_text,
		e.place_text, e.place_name, e.place_country, e.negated, e.tense, e.trigger, e.sentence, e.evidence, e.confidence,
		a.id, a.title, a.outlet, a.url, a.published,
		c.articles, c.outlets, c.reports`

// selectEvents reads the events that the SQL tail rest (conditions on
// the events e and their articles a, order and limit) selects, with their
// sides and mentions.
func (s *Store) selectEvents(ctx context.Context, rest string, args []any) ([]Event, error) {
	q := "SELECT " + eventColumns + " FROM events e JOIN articles a ON a.id = e.article JOIN clusters c ON c.name = e.cluster WHERE " + rest
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: events: %w", err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var ev Event
		var ctxs, pt, pn, pc, tense string
		var date *string
		if err := rows.Scan(&ev.row, &ev.Cluster, &ev.ID, &ev.Type, &ev.Mode, &ctxs, &ev.CAMEO, &ev.Quad, &ev.Score, &ev.Goldstein, &date, &ev.DatePrecision, &ev.DateText,
			&pt, &pn, &pc, &ev.Negated, &tense, &ev.Trigger, &ev.Sentence, &ev.Evidence, &ev.Confidence,
			&ev.ArticleID, &ev.Title, &ev.Outlet, &ev.URL, &ev.Published, &ev.Articles, &ev.Outlets, &ev.Reports); err != nil {
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
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: events: %w", err)
	}
	rows.Close()
	for i := range out {
		if err := readSides(ctx, s.db, out[i].row, &out[i].Event); err != nil {
			return nil, err
		}
		if err := readMentions(ctx, s.db, out[i].row, &out[i].Event); err != nil {
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

// readMentions reads the indexes of the sentences that report the stored
// event id into e.
func readMentions(ctx context.Context, q querier, id int64, e *doc.Event) error {
	rows, err := q.QueryContext(ctx, "SELECT sentence FROM event_mentions WHERE event = ? ORDER BY sentence", id)
	if err != nil {
		return fmt.Errorf("store: event mentions: %w", err)
	}
	defer rows.Close()
	e.Mentions = nil
	for rows.Next() {
		var m int
		if err := rows.Scan(&m); err != nil {
			return err
		}
		e.Mentions = append(e.Mentions, m)
	}
	return rows.Err()
}
