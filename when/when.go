// Package when finds date expressions in English news text and resolves
// them against the article's publication date.
//
// It recognises explicit calendar dates ("March 20, 2023", "20 March",
// "Sept. 5", "2023-03-20"), months and years ("in March", "March 2019",
// "since 2013", "mid-2016"), weekdays ("on Monday", "last Friday",
// "Tuesday morning"), days relative to publication ("yesterday", "last
// night", "this morning"), relative weeks, months and years ("last week",
// "earlier this month", "next year"), weekends ("over the weekend") and
// spans counted back from publication ("three days ago", "a decade ago").
//
// News mostly reports what has happened, so each expression is resolved
// twice: Date prefers the past, Next the future. An article published on
// Thursday 23 March 2023 that says "on Friday" means 17 March if it reports
// a vote and 24 March if it announces one.
//
// Matching is done by a hand-written scanner over words, numbers and
// punctuation marks; it uses no regular expressions and allocates little.
// Names of months and days must be capitalised, and a month name alone
// counts as a date only after a word such as "in", "since" or "last", so
// that "Theresa May" and "a march" are not dates. A bare year counts only
// after such a word too ("in 2016", "by 2030", "early 2016"), so that "the
// 2016 election" names no date.
package when

import "time"

// Precisions of an Expr.
const (
	Day   = "day"   // a calendar day
	Week  = "week"  // a week from Monday to Sunday, given by its Monday
	Month = "month" // a calendar month, given by its first day
	Year  = "year"  // a calendar year, given by 1 January
)

// Expr is one date expression found in text.
type Expr struct {
	// Start and End are the byte offsets of the expression in the text
	// passed to Find. The expression includes a leading preposition or
	// modifier such as "on", "in", "last" or "earlier this".
	Start, End int
	// Text is text[Start:End].
	Text string
	// Date is the date the expression names, preferring the past where it
	// is ambiguous: "on Monday" in an article published on Thursday
	// 2023-03-23 is 2023-03-20, and "Friday" published on a Friday is
	// that same day. A month-day or month without a year takes the year
	// that puts it on or before the reference date, unless that is more
	// than ten months back, when it takes the reference date's year.
	Date time.Time
	// Next is the date the expression names, preferring the future where
	// it is ambiguous: "on Friday" for a planned event is the coming
	// Friday, "this weekend" the coming Saturday, and a month-day or month
	// without a year is on or after the reference date unless that is
	// more than ten months ahead. It equals Date for expressions that are
	// not ambiguous, such as absolute dates, "last Friday" or "next week",
	// and for those after "since".
	Next time.Time
	// Precision is Day, Week, Month or Year. Date and Next are the first
	// day of the week (its Monday), month or year for the coarser
	// precisions.
	Precision string
	// Relative reports whether the date was counted from the reference
	// date: weekdays, "yesterday", "last week", "last March", "10 years
	// ago" and the like. It is false for calendar dates, including month
	// names without a year such as "March 20" or "in March", though those
	// take their year from the reference date.
	Relative bool
}

// Find returns the date expressions in text[lo:hi], in order and not
// overlapping, resolved against ref, the publication date of the text,
// which should be a date at midnight. Results are in ref's location.
//
// When ref is the zero time, expressions that need it (relative ones, and
// month names without a year) are still returned but with zero Date and
// Next, while dates with a year are resolved, in UTC.
//
// lo and hi are clamped to the text; nothing outside text[lo:hi] is looked
// at.
func Find(text string, lo, hi int, ref time.Time) []Expr {
	lo = max(lo, 0)
	hi = min(hi, len(text))
	if lo >= hi {
		return nil
	}
	s := scanner{text: text}
	loc, hasRef := time.UTC, !ref.IsZero()
	if hasRef {
		loc = ref.Location()
		s.refY, s.refM, s.refD = ref.Date()
	}
	// The tokens are held in a window on the stack: matches near its end
	// wait until it has been refilled, keeping a few tokens to look back at.
	var buf [window]token
	s.toks = buf[:0]
	var out []Expr
	i, lastEnd, lastYear := 0, -1, false
	for pos := lo; ; {
		s.toks, pos = tokenize(s.toks, text, pos, hi)
		limit := len(s.toks)
		if pos < hi {
			limit -= margin
		}
		for i < limit {
			t := &s.toks[i]
			if (t.kind == tWord && !canStart[t.cls] || t.kind == tPunct) && i != lastEnd {
				i++
				continue
			}
			var r result
			ok := false
			if lastYear && i == lastEnd {
				r, ok = s.yearRange(i)
			}
			if !ok {
				r, ok = s.match(i)
			}
			if !ok {
				i++
				continue
			}
			e := s.expr(r, loc, hasRef)
			e.Text = text[e.Start:e.End]
			out = append(out, e)
			lastEnd, lastYear = r.end, r.prec == Year && !r.rel && !r.noYear
			i = r.end
		}
		if pos >= hi {
			break
		}
		drop := i - keep
		s.toks = s.toks[:copy(s.toks, s.toks[drop:])]
		i -= drop
		lastEnd -= drop
	}
	return out
}

// Sizes of the token window of Find.
const (
	window = 256 // tokens held at once
	margin = 32  // tokens a match may look ahead, at most
	keep   = 4   // tokens a match may look back, at least
)

// result is a match over tokens [start, end).
type result struct {
	start, end int
	date, next time.Time
	prec       string
	rel        bool // counted from the reference date
	noYear     bool // a calendar date that takes its year from the reference date
}

// expr turns r into an Expr with dates in loc, zero if they need the
// reference date and there is none.
func (s *scanner) expr(r result, loc *time.Location, hasRef bool) Expr {
	e := Expr{
		Start:     s.toks[r.start].start,
		End:       s.toks[r.end-1].end,
		Precision: r.prec,
		Relative:  r.rel,
	}
	if hasRef || !r.rel && !r.noYear {
		e.Date, e.Next = inLoc(r.date, loc), inLoc(r.next, loc)
	}
	return e
}

// inLoc returns midnight in loc of d's date.
func inLoc(d time.Time, loc *time.Location) time.Time {
	if loc == time.UTC {
		return d
	}
	y, m, day := d.Date()
	return time.Date(y, m, day, 0, 0, 0, 0, loc)
}
