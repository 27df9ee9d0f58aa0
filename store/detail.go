package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"dyad/doc"
)

// ErrNotFound is returned for an event or an article that the database
// does not hold.
var ErrNotFound = errors.New("not found")

// ErrBadQuery is matched (errors.Is) by the errors of a query that the
// store cannot run as written: a filter out of bounds, a full-text query
// that SQLite's FTS5 cannot read. Their messages say what to change.
var ErrBadQuery = errors.New("bad query")

// queryError is an ErrBadQuery with its own message.
type queryError string

func (e queryError) Error() string        { return string(e) }
func (e queryError) Is(target error) bool { return target == ErrBadQuery }

// badQuery returns an ErrBadQuery whose message is formatted as by
// fmt.Sprintf.
func badQuery(format string, args ...any) error {
	return queryError(fmt.Sprintf(format, args...))
}

// checkText returns an ErrBadQuery when SQLite's FTS5 cannot read the
// full-text query q of the index table.
func (s *Store) checkText(ctx context.Context, table, q string) error {
	if q == "" {
		return nil
	}
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM (SELECT rowid FROM "+table+" WHERE "+table+" MATCH ? LIMIT 1)", q).Scan(&n)
	if err != nil {
		return badQuery("text: not a full-text query: %q: %v (write words, \"a phrase\", AND, OR, NOT, prefix*)", q, err)
	}
	return nil
}

// Event returns the real event named cluster, shown by its most
// confident member.
func (s *Store) Event(ctx context.Context, cluster string) (Event, error) {
	evs, err := s.selectEvents(ctx, shown+" AND e.cluster = ?", []any{cluster})
	if err != nil {
		return Event{}, err
	}
	if len(evs) == 0 {
		return Event{}, fmt.Errorf("event %q: %w", cluster, ErrNotFound)
	}
	return evs[0], nil
}

// Reports returns every article's report of the real event named
// cluster, in the order they were stored: each with its own sides,
// evidence sentence, mentions and article.
func (s *Store) Reports(ctx context.Context, cluster string) ([]Event, error) {
	return s.selectEvents(ctx, "e.cluster = ? ORDER BY e.id", []any{cluster})
}

// EachReport calls fn with every stored report of an event, shown or
// not, in the order they were stored, reading a page at a time: the
// mentions of GDELT's layout.
func (s *Store) EachReport(ctx context.Context, fn func(Event) error) error {
	return s.each(ctx, "1 = 1", nil, fn)
}

// Article is a stored article with its provenance, text and sentences.
type Article struct {
	ID    int64  `json:"id"`
	DocID string `json:"doc_id"`
	doc.Source
	// CopyOf is the row id of an earlier article that this one nearly
	// copies, or 0.
	CopyOf    int64      `json:"copy_of"`
	Text      string     `json:"text"`
	Sentences []Sentence `json:"sentences"`
}

// Sentence is a sentence of a stored article: its index and its byte
// offsets in the article's text.
type Sentence struct {
	Index int `json:"index"`
	Start int `json:"start"`
	End   int `json:"end"`
}

// Article returns the stored article with row id id.
func (s *Store) Article(ctx context.Context, id int64) (Article, error) {
	a := Article{ID: id}
	var copyOf sql.NullInt64
	src := &a.Source
	err := s.db.QueryRowContext(ctx, `SELECT doc_id, path, url, outlet, wire, title, byline, published, language, copy_of, text
		FROM articles WHERE id = ?`, id).Scan(&a.DocID, &src.Path, &src.URL, &src.Outlet, &src.Wire, &src.Title, &src.Byline, &src.Published, &src.Language, &copyOf, &a.Text)
	if errors.Is(err, sql.ErrNoRows) {
		return Article{}, fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Article{}, fmt.Errorf("store: article %d: %w", id, err)
	}
	a.CopyOf = copyOf.Int64
	rows, err := s.db.QueryContext(ctx, "SELECT idx, start, end FROM sentences WHERE article = ? ORDER BY idx", id)
	if err != nil {
		return Article{}, fmt.Errorf("store: sentences of article %d: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var se Sentence
		if err := rows.Scan(&se.Index, &se.Start, &se.End); err != nil {
			return Article{}, err
		}
		a.Sentences = append(a.Sentences, se)
	}
	return a, rows.Err()
}
