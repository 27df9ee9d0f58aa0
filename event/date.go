package event

import (
	"strconv"
	"strings"
	"time"

	"dyad/doc"
	"dyad/when"
)

// dateRef is a date an event happened on, as the text gives it.
type dateRef struct {
	t       time.Time
	next    time.Time // the same expression read forward ("on Friday" of a plan)
	prec    string    // day, month, year; "" when the text gives none
	text    string
	tok     int  // first token of the expression in its sentence
	unknown bool // the event is dated but not by the text: no date at all
}

// historical reports whether the date lies clearly before the news of an
// article published at ref.
func (d dateRef) historical(ref time.Time) bool {
	switch d.prec {
	case doc.PrecisionYear:
		return d.t.Year() < ref.Year()
	case doc.PrecisionMonth:
		return d.t.Before(ref.AddDate(0, -2, 0))
	case doc.PrecisionDay:
		return d.t.Before(ref.AddDate(0, 0, -45))
	}
	return false
}

// sentenceDates finds the date expressions of a sentence. Week
// expressions ("last week") are kept as the Monday of the week with day
// precision only when nothing better is found: they are reported as the
// publication date's month.
func sentenceDates(a *doc.Article, s *sentence, ref time.Time, hasRef bool) []dateRef {
	sent := a.Sentences[s.index]
	if !hasRef {
		ref = time.Time{}
	}
	exprs := when.Find(a.Text, sent.Start, sent.End, ref)
	if len(exprs) == 0 {
		return nil
	}
	out := make([]dateRef, 0, len(exprs))
	k := 0
	for _, e := range exprs {
		for k < s.n() && a.Tokens[s.first+k].End <= e.Start {
			k++
		}
		for j := k; j < s.n() && a.Tokens[s.first+j].Start < e.End; j++ {
			s.inDate[j] = true
		}
		if e.Date.IsZero() {
			continue
		}
		d := dateRef{t: e.Date, next: e.Next, prec: e.Precision, text: e.Text, tok: k}
		if d.prec == "week" {
			// A week is no precision of the record: its month.
			d.prec = doc.PrecisionMonth
			d.t = time.Date(d.t.Year(), d.t.Month(), 1, 0, 0, 0, 0, time.UTC)
			d.next = d.t
		}
		out = append(out, d)
	}
	return out
}

// pickDate chooses the date of the event whose trigger is token head: the
// nearest expression after it in the sentence, else the nearest before
// it. With future set, the expression is read forward.
func pickDate(dates []dateRef, head int, future bool) dateRef {
	best, bestDist := -1, 1<<30
	for i, d := range dates {
		dist := d.tok - head
		if dist < 0 {
			dist = -dist + 3
		}
		if dist > 12 {
			continue // another clause's date
		}
		if dist < bestDist {
			best, bestDist = i, dist
		}
	}
	if best < 0 {
		return dateRef{}
	}
	d := dates[best]
	if future && !d.next.IsZero() {
		d.t = d.next
	}
	if d.prec == doc.PrecisionMonth || d.prec == doc.PrecisionYear {
		d.t = time.Date(d.t.Year(), d.t.Month(), 1, 0, 0, 0, 0, time.UTC)
		if d.prec == doc.PrecisionYear {
			d.t = time.Date(d.t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		}
	}
	return d
}

// yearNoun finds a year that names a past event in the sentence ("the
// 2016 election", "the 1967 war": "the", a year before ref, a noun) and
// returns it when the act at token head belongs to it: the act is in a
// relative clause on that noun phrase (rel), or the phrase follows "in"
// or "during" (the act's date). It returns 0 otherwise.
func (s *sentence) yearNoun(head, ref int) (year int, rel bool) {
	for j := 1; j+1 < s.n(); j++ {
		if s.tags[j] != "CD" || len(s.keys[j]) != 4 || s.keys[j-1] != "the" {
			continue
		}
		y, err := strconv.Atoi(s.keys[j])
		if err != nil || y < 1900 || y >= ref {
			continue
		}
		if t := s.tags[j+1]; !strings.HasPrefix(t, "NN") && t != "JJ" {
			continue
		}
		if j >= 2 && (s.keys[j-2] == "in" || s.keys[j-2] == "during") {
			return y, false
		}
		// The noun phrase's end, then ", which" or ", that" before head.
		e := j + 1
		for e < s.n() && (strings.HasPrefix(s.tags[e], "NN") || s.tags[e] == "JJ" || s.keys[e] == "-") {
			e++
		}
		if e+1 < head && s.keys[e] == "," && (s.keys[e+1] == "which" || s.keys[e+1] == "that") {
			for k := e + 2; k < head; k++ {
				if isBoundary(s.keys[k]) || s.keys[k] == "," {
					return 0, false
				}
			}
			return y, true
		}
	}
	return 0, false
}
