package store

import (
	"context"
	"fmt"
	"strings"
)

// Dyad is the count of the real events between two countries in one
// period, by quad class, with their mean PLOVER score.
type Dyad struct {
	Period string // YYYY-MM or YYYY
	// A and B are the two countries, A before B in code order.
	A, B   string
	Events int
	// Quads counts the events of quad classes 1 to 4 (verbal cooperation,
	// material cooperation, verbal conflict, material conflict).
	Quads     [4]int
	MeanScore float64
}

// shownEvents is the SQL of the events that stand for their clusters
// and happened: neither negated nor hypothetical, with a date.
const shownEvents = `SELECT e.id, e.quad, e.score, e.date FROM events e
	WHERE ` + shown + `
	AND e.negated = 0 AND e.tense <> 'hypothetical' AND e.date IS NOT NULL`

// Dyads counts the real events between each pair of countries (an actor's
// and a recipient's, either way round) by month (byYear false) or by
// year. With a and b set, only that pair is counted; with a alone, the
// pairs that include a.
func (s *Store) Dyads(ctx context.Context, byYear bool, a, b string) ([]Dyad, error) {
	n := 7
	if byYear {
		n = 4
	}
	var cond []string
	var args []any
	args = append(args, n)
	for _, c := range []string{a, b} {
		if c != "" {
			if !countryCode.MatchString(c) {
				return nil, fmt.Errorf("%q is not a country code (three capitals, as RUS)", c)
			}
			cond = append(cond, "(x = ? OR y = ?)")
			args = append(args, c, c)
		}
	}
	where := ""
	if len(cond) > 0 {
		where = "WHERE " + strings.Join(cond, " AND ")
	}
	q := `WITH shown AS (` + shownEvents + `),
	pairs AS (SELECT DISTINCT shown.id, shown.quad, shown.score, substr(shown.date, 1, ?) AS period,
			min(sa.country, sr.country) AS x, max(sa.country, sr.country) AS y
		FROM shown
		JOIN event_sides sa ON sa.event = shown.id AND sa.role = 'actor' AND sa.country <> ''
		JOIN event_sides sr ON sr.event = shown.id AND sr.role = 'recipient' AND sr.country <> ''
		WHERE sa.country <> sr.country)
	SELECT period, x, y, count(*), sum(quad = 1), sum(quad = 2), sum(quad = 3), sum(quad = 4), avg(score)
	FROM pairs ` + where + ` GROUP BY period, x, y ORDER BY period, count(*) DESC, x, y`
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

// Quote is a stored quote with its article.
type Quote struct {
	SpeakerText, Speaker, Country, Sector string
	Text                                  string
	Direct                                bool
	Title, Outlet, URL, Published         string
}

// Quotes returns the quotes whose speaker's name or words contain speaker
// and whose text matches the FTS5 query text (each when set), newest
// first.
func (s *Store) Quotes(ctx context.Context, speaker, text string, limit, offset int) ([]Quote, error) {
	if limit <= 0 {
		limit = 100
	}
	if limit > MaxLimit {
		return nil, fmt.Errorf("limit %d is more than %d", limit, MaxLimit)
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
	return out, rows.Err()
}
