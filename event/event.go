// Package event is the event stage: it reads an article's sentences,
// tagged tokens and resolved actor mentions and codes the interactions
// they report as PLOVER events with their CAMEO codes (see
// ../shared/docs/codebook.md), each with its actor and recipient, date,
// place, modality and evidence sentence, merged so that one real-world
// interaction is one event per article.
//
// The lexicon (event/data) is plain text: cameo.tsv maps every CAMEO code
// to its PLOVER type, mode, contexts and Goldstein value; plover.tsv gives
// the PLOVER scores and quad classes; lexicon/*.txt hold the verb and noun
// patterns that signal each code, one a line.
package event

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"time"

	"dyad/doc"
)

//go:embed data
var builtin embed.FS

// Coder is the event stage. It holds a read-only lexicon, is built once
// and is safe for concurrent use.
type Coder struct {
	lex *Lexicon
}

// New returns a Coder with the built-in lexicon.
func New() (*Coder, error) {
	sub, err := fs.Sub(builtin, "data")
	if err != nil {
		return nil, fmt.Errorf("event: %w", err)
	}
	lex, err := LoadLexicon(sub)
	if err != nil {
		return nil, err
	}
	return &Coder{lex: lex}, nil
}

// NewWithLexicon returns a Coder over lex.
func NewWithLexicon(lex *Lexicon) *Coder { return &Coder{lex: lex} }

// Lexicon returns the coder's lexicon.
func (c *Coder) Lexicon() *Lexicon { return c.lex }

// Annotate sets a.Events to the events that a reports, one per real-world
// interaction, and marks the article coded. It needs the text stage's
// sentences and tagged tokens and the actor stage's mentions.
func (c *Coder) Annotate(ctx context.Context, a *doc.Article) error {
	a.Coded = true
	a.Events = nil
	if len(a.Sentences) == 0 {
		return ctx.Err()
	}
	ref, hasRef := a.Source.PublishedTime()
	// Mentions by sentence.
	bySent := make([][]int, len(a.Sentences))
	for i, m := range a.Mentions {
		if m.Sentence >= 0 && m.Sentence < len(bySent) {
			bySent[m.Sentence] = append(bySent[m.Sentence], i)
		}
	}
	focus := focusCountries(a)
	var carried dateRef
	carriedAt := -1
	var evs []*draft
	lo := 0
	for si := range a.Sentences {
		if si%32 == 31 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		hi := lo
		for hi < len(a.Tokens) && a.Tokens[hi].Sentence == si {
			hi++
		}
		if hi == lo {
			continue
		}
		s := newSentence(a, si, lo, hi, bySent[si])
		lo = hi
		dates := sentenceDates(a, s, ref, hasRef)
		// A date set by one of the two sentences before, in the body of the
		// article, goes on for the sentences that give none: "On
		// Wednesday, Berlin said ... Merkel demanded an explanation."
		if s.title || len(dates) > 0 || carried.prec != "" && si-carriedAt > 2 {
			carried = dateRef{}
		}
		for _, d := range dates {
			// The publication day itself ("remain fresh today") adds
			// nothing to carry, nor does a date that only modifies a noun
			// ("a weekend summit").
			if d.prec == doc.PrecisionDay && !(hasRef && d.t.Equal(ref)) && !(d.tok > 0 && articles[s.keys[d.tok-1]]) {
				carried, carriedAt = d, si
			}
		}
		for _, cd := range c.candidates(s) {
			if d := c.draft(cd, dates, ref, hasRef); d != nil {
				if len(dates) == 0 && carried.prec != "" && d.tense == doc.TenseCurrent && !cd.mod.present {
					d.date = carried
				}
				// A side that acts alone, or several in a passive whose
				// subject is no actor ("the call was seconded by Merkel
				// and Johnson"), aims at someone named before.
				if len(d.recipient) == 0 && !cd.topic && (targetTypes[d.code.Type] && (len(countryKeys(d.actor)) == 1 || cd.mod.passive) || targetCodes[d.code.Code]) && !jointCodes[d.code.Code] {
					d.recipient = s.target(cd.m.head, d.actor, focus)
				}
				if len(d.recipient) == 0 && needsRecipient[d.code.Type] {
					continue
				}
				evs = append(evs, d)
			}
		}
	}
	meetingDates(evs)
	evs = merge(evs)
	for i, d := range evs {
		a.Events = append(a.Events, c.finish(a, d, i, ref, hasRef))
	}
	return ctx.Err()
}

// refDate formats t as YYYY-MM-DD.
func refDate(t time.Time) *string {
	s := t.Format(doc.DateLayout)
	return &s
}

// articles are the determiners before a date that modifies a noun.
var articles = set("a an the")

// meetingDates dates what a named participant of a dated meeting says or
// does in the sentences after it with no date of their own: the meeting's
// day ("Xi met Putin on Monday. ... Xi said the two countries should
// deepen cooperation").
func meetingDates(evs []*draft) {
	type meeting struct {
		sentence int
		date     dateRef
		people   map[string]bool
	}
	var last *meeting
	for _, d := range evs {
		if d.code.Type == "CONSULT" && d.tense == doc.TenseCurrent && !d.negated && d.date.prec == "day" && !d.title {
			m := &meeting{sentence: d.sentence, date: d.date, people: map[string]bool{}}
			for _, e := range both(d.actor, d.recipient) {
				if e.Name != "" {
					m.people[e.Name] = true
				}
			}
			last = m
			continue
		}
		if last == nil || d.sentence <= last.sentence || d.date.prec != "" || d.tense != doc.TenseCurrent {
			continue
		}
		for _, e := range d.actor {
			if last.people[e.Name] {
				d.date = last.date
				break
			}
		}
	}
}
