package eval

import (
	"encoding/json"
	"slices"
	"strings"

	"dyad/doc"
)

// MissKind says what sort of error a Miss is.
type MissKind string

// The kinds of Miss.
const (
	// MissedEvent is a gold event key that dyad did not give.
	MissedEvent MissKind = "missed event"
	// FalseEvent is an event key that dyad gave and the gold lacks.
	FalseEvent MissKind = "false event"
	// WrongDate is a matched key whose gold date (of day precision) no
	// dyad event with that key has.
	WrongDate MissKind = "wrong date"
	// MissedQuote is a gold quote that no dyad quote matched.
	MissedQuote MissKind = "missed quote"
	// FalseQuote is a dyad quote that matched no gold quote.
	FalseQuote MissKind = "false quote"
	// WrongSpeaker is a matched quote whose speaker is not the gold's.
	WrongSpeaker MissKind = "wrong speaker"
)

// Miss is one error of dyad's against the gold of an article.
type Miss struct {
	Kind MissKind `json:"kind"`
	// Key is the event key, for events and dates.
	Key string `json:"key,omitempty"`
	// Text is the gold sentence (missed events, wrong dates), dyad's
	// evidence sentence (false events) or the quote's text.
	Text string `json:"text"`
	// Detail gives the dates or speakers that differ, or a quote's speaker.
	Detail string `json:"detail,omitempty"`
}

// ArticleScore is the outcome of scoring dyad's record of one article
// against its gold.
type ArticleScore struct {
	DocID string `json:"doc_id"`
	// Events counts event keys (see Keys).
	Events Counts `json:"events"`
	// Quotes counts quotes (see MatchQuotes).
	Quotes Counts `json:"quotes"`
	// Dates counts the matched keys whose gold event has a date of day
	// precision (Total), and those of them for which a dyad event with the
	// key has that date (Correct).
	Dates Ratio `json:"dates"`
	// Speakers counts the matched quotes (Total), and those of them whose
	// dyad speaker is the gold's (Correct).
	Speakers Ratio `json:"speakers"`
	// Misses lists every error, events first, in the order of their keys,
	// then quotes.
	Misses []Miss `json:"misses"`
}

// ScoreArticle scores dyad's record of an article against its gold.
//
// Events are compared as sets of keys (see Keys, GoldKeys and EventKeys):
// negated and hypothetical events, gold or dyad's, are left out. A matched
// key is dated correctly when one of the gold events with the key has a
// date of day precision and one of dyad's events with the key has the same
// date, whatever its precision.
//
// Quotes are matched one to one by MatchQuotes. The speaker of a matched
// quote is right when dyad's speaker's name (or its text, when it has no
// name) is the gold speaker's name, compared case-insensitively; a gold
// speaker without a name (an unnamed spokesman) is compared by country and
// sector instead.
func ScoreArticle(g Gold, got doc.Record) ArticleScore {
	s := ArticleScore{DocID: g.DocID}
	if s.DocID == "" {
		s.DocID = got.DocID
	}
	scoreEvents(&s, g.Events, got.Events)
	scoreQuotes(&s, g.Quotes, got.Quotes)
	return s
}

// scoreEvents fills the event and date parts of s.
func scoreEvents(s *ArticleScore, gold []GoldEvent, got []doc.Event) {
	goldBy := map[Key][]int{} // key -> indexes of counted gold events
	for i, e := range gold {
		if e.Counted() {
			for _, k := range Keys(e.Type, e.Actor, e.Recipient) {
				goldBy[k] = append(goldBy[k], i)
			}
		}
	}
	gotBy := map[Key][]int{}
	for i, e := range got {
		if Counted(e) {
			for _, k := range Keys(e.Type, e.Actor, e.Recipient) {
				gotBy[k] = append(gotBy[k], i)
			}
		}
	}
	keys := make([]Key, 0, len(goldBy)+len(gotBy))
	for k := range goldBy {
		keys = append(keys, k)
	}
	for k := range gotBy {
		if _, ok := goldBy[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, compareKeys)
	s.Events = Counts{Gold: len(goldBy), Dyad: len(gotBy)}
	for _, k := range keys {
		gi, inGold := goldBy[k]
		di, inDyad := gotBy[k]
		switch {
		case !inDyad:
			s.Misses = append(s.Misses, Miss{Kind: MissedEvent, Key: k.String(), Text: gold[gi[0]].Sentence})
			continue
		case !inGold:
			s.Misses = append(s.Misses, Miss{Kind: FalseEvent, Key: k.String(), Text: got[di[0]].Evidence})
			continue
		}
		s.Events.Matched++
		var days []string
		for _, i := range gi {
			if e := gold[i]; e.Date != nil && e.DatePrecision == doc.PrecisionDay {
				days = append(days, *e.Date)
			}
		}
		if len(days) == 0 {
			continue
		}
		var dyadDates []string
		ok := false
		for _, i := range di {
			e := got[i]
			if e.Date == nil {
				dyadDates = append(dyadDates, "none")
				continue
			}
			dyadDates = append(dyadDates, *e.Date+" ("+e.DatePrecision+")")
			ok = ok || slices.Contains(days, *e.Date)
		}
		s.Dates.count(ok)
		if !ok {
			s.Misses = append(s.Misses, Miss{
				Kind:   WrongDate,
				Key:    k.String(),
				Text:   gold[gi[0]].Sentence,
				Detail: "gold " + joinSet(days) + "; dyad " + joinSet(dyadDates),
			})
		}
	}
}

// joinSet writes the distinct strings of ss, sorted, joined by ", ".
func joinSet(ss []string) string {
	ss = slices.Clone(ss)
	slices.Sort(ss)
	return strings.Join(slices.Compact(ss), ", ")
}

// scoreQuotes fills the quote and speaker parts of s.
func scoreQuotes(s *ArticleScore, gold []GoldQuote, got []doc.Quote) {
	gt := make([]string, len(gold))
	for i, q := range gold {
		gt[i] = q.Text
	}
	dt := make([]string, len(got))
	for i, q := range got {
		dt[i] = q.Text
	}
	matches := MatchQuotes(gt, dt)
	s.Quotes = Counts{Gold: len(gold), Dyad: len(got), Matched: len(matches)}
	goldMatched := make([]bool, len(gold))
	dyadMatched := make([]bool, len(got))
	for _, m := range matches {
		goldMatched[m.Gold], dyadMatched[m.Dyad] = true, true
		g, d := gold[m.Gold], got[m.Dyad]
		ok := SameSpeaker(g.Speaker, d.Speaker)
		s.Speakers.count(ok)
		if !ok {
			s.Misses = append(s.Misses, Miss{
				Kind:   WrongSpeaker,
				Text:   g.Text,
				Detail: "gold " + speakerName(g.Speaker, true) + "; dyad " + speakerName(d.Speaker, false),
			})
		}
	}
	for i, q := range gold {
		if !goldMatched[i] {
			s.Misses = append(s.Misses, Miss{Kind: MissedQuote, Text: q.Text, Detail: "speaker " + speakerName(q.Speaker, true)})
		}
	}
	for i, q := range got {
		if !dyadMatched[i] {
			s.Misses = append(s.Misses, Miss{Kind: FalseQuote, Text: q.Text, Detail: "speaker " + speakerName(q.Speaker, false)})
		}
	}
}

// SameSpeaker reports whether dyad's speaker got is the gold speaker: the
// same name (got's Name, or its Text when it has no name), compared
// case-insensitively, or, when the gold speaker has no name, the same
// country and sector.
func SameSpeaker(gold, got doc.Entity) bool {
	if name := strings.TrimSpace(gold.Name); name != "" {
		n := strings.TrimSpace(got.Name)
		if n == "" {
			n = strings.TrimSpace(got.Text)
		}
		return strings.EqualFold(name, n)
	}
	return NormalizeCountry(gold.Country) == NormalizeCountry(got.Country) &&
		strings.EqualFold(strings.TrimSpace(gold.Sector), strings.TrimSpace(got.Sector))
}

// speakerName writes a speaker for people: its name (or its words, for
// dyad's), then its country and sector where it has them, as
// "Tony Blair (GBR GOV)".
func speakerName(e doc.Entity, gold bool) string {
	n := e.Name
	if n == "" && !gold {
		n = e.Text
	}
	if n == "" {
		n = "(unnamed)"
	}
	if cs := strings.TrimSpace(e.Country + " " + e.Sector); cs != "" {
		n += " (" + cs + ")"
	}
	return n
}

// Totals are the scores of a set of articles, micro-averaged: the counts
// of every article added up.
type Totals struct {
	Articles int    `json:"articles"`
	Events   Counts `json:"events"`
	Quotes   Counts `json:"quotes"`
	Dates    Ratio  `json:"dates"`
	Speakers Ratio  `json:"speakers"`
}

// Sum adds up the scores of articles.
func Sum(scores []ArticleScore) Totals {
	t := Totals{Articles: len(scores)}
	for _, s := range scores {
		t.Events = t.Events.Add(s.Events)
		t.Quotes = t.Quotes.Add(s.Quotes)
		t.Dates = t.Dates.Add(s.Dates)
		t.Speakers = t.Speakers.Add(s.Speakers)
	}
	return t
}

// MarshalJSON writes the counts with their precision, recall and F1.
func (c Counts) MarshalJSON() ([]byte, error) {
	type plain Counts
	return json.Marshal(struct {
		plain
		Precision float64 `json:"precision"`
		Recall    float64 `json:"recall"`
		F1        float64 `json:"f1"`
	}{plain(c), round(c.Precision()), round(c.Recall()), round(c.F1())})
}

// MarshalJSON writes the ratio with its accuracy.
func (r Ratio) MarshalJSON() ([]byte, error) {
	type plain Ratio
	return json.Marshal(struct {
		plain
		Accuracy float64 `json:"accuracy"`
	}{plain(r), round(r.Accuracy())})
}

// round rounds x to 4 decimal places, for JSON reports.
func round(x float64) float64 {
	return float64(int64(x*1e4+0.5)) / 1e4
}
