package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// Dyad is the count of the real events between two countries in one
// period, by quad class, with their mean PLOVER score.
type Dyad struct {
	Period string `json:"period"` // YYYY-MM or YYYY; "" over a whole range
	// A and B are the two countries, A before B in code order.
	A      string `json:"a"`
	B      string `json:"b"`
	Events int    `json:"events"`
	// Quads counts the events of quad classes 1 to 4 (verbal cooperation,
	// material cooperation, verbal conflict, material conflict).
	Quads     [4]int  `json:"quads"`
	MeanScore float64 `json:"mean_score"`
}

// Periods of DyadQuery.By.
const (
	ByMonth = "month"
	ByYear  = "year"
	// ByRange counts over the whole date range: the edges of a network.
	ByRange = "range"
)

// DyadQuery selects the country pairs that Dyads counts.
type DyadQuery struct {
	By string // ByMonth (the default), ByYear or ByRange
	// With A and B set, only that pair is counted; with A alone, the
	// pairs that include A. Both are country codes.
	A, B string
	// From and To bound the event dates, YYYY-MM-DD, inclusive.
	From, To string
	// Limit is the most pairs returned, the most events first (0: all).
	Limit int
}

// Validate reports what is wrong with a query, in words for the person
// who wrote it.
func (q DyadQuery) Validate() error {
	switch q.By {
	case "", ByMonth, ByYear, ByRange:
	default:
		return badQuery("by: %q is not month, year or range", q.By)
	}
	for _, c := range []struct{ name, v string }{{"a", q.A}, {"b", q.B}} {
		if c.v != "" && !countryCode.MatchString(c.v) {
			return badQuery("%s: %q is not a country code (three capitals, as RUS)", c.name, c.v)
		}
	}
	if q.B != "" && q.A == "" {
		return badQuery("b: %q is given without a", q.B)
	}
	if err := (Filter{From: q.From, To: q.To}).Validate(); err != nil {
		return err
	}
	if q.Limit < 0 || q.Limit > MaxLimit {
		return badQuery("limit: %d is not between 1 and %d", q.Limit, MaxLimit)
	}
	return nil
}

// Dyads counts the real events between each pair of countries (an
// actor's and a recipient's, either way round) by month, by year or over
// the whole range: the events that stand for their clusters and happened,
// neither negated nor hypothetical, with a date (see markShown).
func (s *Store) Dyads(ctx context.Context, dq DyadQuery) ([]Dyad, error) {
	if err := dq.Validate(); err != nil {
		return nil, err
	}
	period := "substr(date, 1, 7)"
	switch dq.By {
	case ByYear:
		period = "substr(date, 1, 4)"
	case ByRange:
		period = "''"
	}
	var cond []string
	var args []any
	switch {
	case dq.B != "":
		cond = append(cond, "x = ? AND y = ?")
		args = append(args, min(dq.A, dq.B), max(dq.A, dq.B))
	case dq.A != "":
		cond = append(cond, "(x = ? OR y = ?)")
		args = append(args, dq.A, dq.A)
	}
	if dq.From != "" {
		cond = append(cond, "date >= ?")
		args = append(args, dq.From)
	}
	if dq.To != "" {
		cond = append(cond, "date <= ?")
		args = append(args, dq.To)
	}
	where := ""
	if len(cond) > 0 {
		where = " WHERE " + strings.Join(cond, " AND ")
	}
	limit := ""
	order := "period, count(*) DESC, x, y"
	if dq.Limit > 0 {
		limit = " LIMIT ?"
		order = "count(*) DESC, period, x, y"
		args = append(args, dq.Limit)
	}
	q := `SELECT ` + period + ` AS period, x, y, count(*), sum(quad = 1), sum(quad = 2), sum(quad = 3), sum(quad = 4), avg(score)
		FROM event_pairs` + where + ` GROUP BY period, x, y ORDER BY ` + order + limit
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: dyads: %w", err)
	}
	defer rows.Close()
	var out []Dyad
	for rows.Next() {
		var d Dyad
		if err := rows.Scan(&d.Period, &d.A, &d.B, &d.Events, &d.Quads[0], &d.Quads[1], &d.Quads[2], &d.Quads[3], &d.MeanScore); err != nil {
			return nil, fmt.Errorf("store: dyads: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Node is a country of a network with the number of its events there.
type Node struct {
	ID     string `json:"id"`
	Events int    `json:"events"`
}

// Network returns who interacts with whom between from and to (either
// may be ""): the limit country pairs with the most events (0: all) as
// edges, and their countries as nodes, the most active first.
func (s *Store) Network(ctx context.Context, from, to string, limit int) ([]Node, []Dyad, error) {
	edges, err := s.Dyads(ctx, DyadQuery{By: ByRange, From: from, To: to, Limit: limit})
	if err != nil {
		return nil, nil, err
	}
	count := map[string]int{}
	for _, e := range edges {
		count[e.A] += e.Events
		count[e.B] += e.Events
	}
	nodes := make([]Node, 0, len(count))
	for id, n := range count {
		nodes = append(nodes, Node{id, n})
	}
	sort.Slice(nodes, func(i, j int) bool {
		if nodes[i].Events != nodes[j].Events {
			return nodes[i].Events > nodes[j].Events
		}
		return nodes[i].ID < nodes[j].ID
	})
	return nodes, edges, nil
}

// Quote is a stored quote with its article.
type Quote struct {
	// SpeakerText is the speaker's words in the article, Speaker the
	// resolved name.
	SpeakerText string `json:"speaker_text"`
	Speaker     string `json:"speaker"`
	Country     string `json:"country"`
	Sector      string `json:"sector"`
	Text        string `json:"text"`
	Direct      bool   `json:"direct"`
	// Title, Outlet, URL and Published are those of the article.
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	URL       string `json:"url"`
	Published string `json:"published"`
}

// Quotes returns the quotes whose speaker's name or words contain speaker
// and whose text matches the FTS5 query text (each when set), newest
// first.
func (s *Store) Quotes(ctx context.Context, speaker, text string, limit, offset int) ([]Quote, error) {
	if limit <= 0 {
		limit = 100
	}
	if limit > MaxLimit {
		return nil, badQuery("limit %d is more than %d", limit, MaxLimit)
	}
	if err := s.checkText(ctx, "quotes_fts", text); err != nil {
		return nil, err
	}
	var cond []string
	var args []any
	if speaker != "" {
		cond = append(cond, "(q.speaker_name LIKE ? OR q.speaker_text LIKE ?)")
		args = append(args, "%"+speaker+"%", "%"+speaker+"%")
	}
	if text != "" {
		cond = append(cond, "q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
		args = append(args, text)
	}
	where := ""
	if len(cond) > 0 {
		where = "WHERE " + strings.Join(cond, " AND ")
	}
	args = append(args, limit, offset)
	rows, err := s.db.QueryContext(ctx, `SELECT q.speaker_text, q.speaker_name, q.speaker_country, q.speaker_sector, q.text, q.direct,
		a.title, a.outlet, a.url, a.published FROM quotes q JOIN articles a ON a.id = q.article `+where+`
		ORDER BY a.published DESC, q.id LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: quotes: %w", err)
	}
	defer rows.Close()
	var out []Quote
	for rows.Next() {
		var q Quote
		if err := rows.Scan(&q.SpeakerText, &q.Speaker, &q.Country, &q.Sector, &q.Text, &q.Direct, &q.Title, &q.Outlet, &q.URL, &q.Published); err != nil {
			return nil, fmt.Errorf("store: quotes: %w", err)
		}
		out = append(out, q)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: quotes: %w", err)
	}
	return out, nil
}

// Speaker is a speaker with the number of quotes stored.
type Speaker struct {
	Name    string `json:"name"`
	Country string `json:"country"`
	Quotes  int    `json:"quotes"`
}

// Speakers returns the limit most quoted speakers with a resolved name
// (limit 0: 100), the most quoted first.
func (s *Store) Speakers(ctx context.Context, limit int) ([]Speaker, error) {
	if limit < 0 || limit > MaxLimit {
		return nil, badQuery("limit: %d is not between 1 and %d", limit, MaxLimit)
	}
	if limit == 0 {
		limit = 100
	}
	rows, err := s.db.QueryContext(ctx, `SELECT speaker_name, max(speaker_country), count(*) FROM quotes
		WHERE speaker_name <> '' GROUP BY speaker_name ORDER BY count(*) DESC, speaker_name LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("store: speakers: %w", err)
	}
	defer rows.Close()
	var out []Speaker
	for rows.Next() {
		var sp Speaker
		if err := rows.Scan(&sp.Name, &sp.Country, &sp.Quotes); err != nil {
			return nil, fmt.Errorf("store: speakers: %w", err)
		}
		out = append(out, sp)
	}
	return out, rows.Err()
}

// Stats counts what the database holds.
type Stats struct {
	Articles   int `json:"articles"`
	NearCopies int `json:"near_copies"`
	// Reports is the number of events that articles report, Events the
	// number of real events they make.
	Reports int `json:"reports"`
	Events  int `json:"events"`
	Quotes  int `json:"quotes"`
}

// Stats counts the articles, near-copies, reports, real events and quotes.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM articles WHERE copy_of IS NOT NULL),
		(SELECT count(*) FROM events), (SELECT count(*) FROM events WHERE shown = 1), (SELECT count(*) FROM quotes)`).
		Scan(&st.Articles, &st.NearCopies, &st.Reports, &st.Events, &st.Quotes)
	if err != nil {
		return Stats{}, fmt.Errorf("store: stats: %w", err)
	}
	return st, nil
}
