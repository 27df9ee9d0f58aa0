package eval

import (
	"slices"
	"strings"

	"dyad/doc"
)

// SentenceScore is the outcome of scoring dyad's record of one gold
// sentence.
type SentenceScore struct {
	ID   string `json:"id"`
	Line int    `json:"line"`
	// Event is the gold event type.
	Event string `json:"event"`
	// Gold describes the gold event, as "AGREE IGO -> JPN".
	Gold string `json:"gold"`
	// Dyad describes dyad's events (negated and hypothetical ones left
	// out) in the same way.
	Dyad []string `json:"dyad"`
	// Type is true when dyad gave an event of the gold type.
	Type bool `json:"type"`
	// Full is true when dyad gave an event of the gold type between the
	// gold's source and target (see ScoreSentence).
	Full bool `json:"full"`
	// Text is the sentence.
	Text string `json:"text"`
}

// ScoreSentence scores dyad's record of a gold sentence. Negated and
// hypothetical dyad events are left out. The type is right when dyad gives
// an event of the gold type. The whole event is right when one such event
// has the gold's source and target codes, the sets of the two sides
// compared as an unordered pair: {sources, targets} = {actor, recipient}.
// A gold record without a target (a joint act, "Hungarian and Romanian
// officials agreed") is also matched by an event whose actor and recipient
// codes together are the gold's sources.
//
// Gold codes go through NormalizeCountry (JAP is JPN); dyad's entities are
// coded by SentenceCode. Entities without a code are left out of the sets.
func ScoreSentence(g SentenceGold, got doc.Record) SentenceScore {
	src, tgt := goldCodes(g.Source), goldCodes(g.Target)
	s := SentenceScore{
		ID:    g.ID,
		Line:  g.Line,
		Event: g.Event,
		Gold:  describe(g.Event, src, tgt),
		Dyad:  []string{},
		Text:  g.Text,
	}
	for _, e := range got.Events {
		if !Counted(e) {
			continue
		}
		act, rec := dyadCodes(e.Actor), dyadCodes(e.Recipient)
		s.Dyad = append(s.Dyad, describe(e.Type, act, rec))
		if !strings.EqualFold(e.Type, g.Event) {
			continue
		}
		s.Type = true
		if (slices.Equal(src, act) && slices.Equal(tgt, rec)) ||
			(slices.Equal(src, rec) && slices.Equal(tgt, act)) ||
			(len(tgt) == 0 && slices.Equal(src, union(act, rec))) {
			s.Full = true
		}
	}
	return s
}

// SentenceCode returns the code of dyad's entity e as PLOVER's gold
// standard writes it: e's country code, with UNO and EUR (the United
// Nations, the European Union) written IGO as the gold does; or, for an
// entity with no country, its sector when that is IGO or NGO; or "".
func SentenceCode(e doc.Entity) string {
	switch c := NormalizeCountry(e.Country); c {
	case "UNO", "EUR":
		return "IGO"
	case "":
		if s := strings.ToUpper(strings.TrimSpace(e.Sector)); s == "IGO" || s == "NGO" {
			return s
		}
		return ""
	default:
		return c
	}
}

// goldCodes returns the distinct codes of gold actors, normalized and
// sorted.
func goldCodes(as []SentenceActor) []string {
	var cs []string
	for _, a := range as {
		if c := NormalizeCountry(a.Code); c != "" {
			cs = append(cs, c)
		}
	}
	slices.Sort(cs)
	return slices.Compact(cs)
}

// dyadCodes returns the distinct SentenceCodes of entities, sorted.
func dyadCodes(es []doc.Entity) []string {
	var cs []string
	for _, e := range es {
		if c := SentenceCode(e); c != "" {
			cs = append(cs, c)
		}
	}
	slices.Sort(cs)
	return slices.Compact(cs)
}

// union returns the sorted union of two sorted sets.
func union(a, b []string) []string {
	u := slices.Concat(a, b)
	slices.Sort(u)
	return slices.Compact(u)
}

// describe writes an event as "TYPE A+B -> C", "-" standing for no codes.
func describe(typ string, src, tgt []string) string {
	side := func(cs []string) string {
		if len(cs) == 0 {
			return "-"
		}
		return strings.Join(cs, "+")
	}
	return typ + " " + side(src) + " -> " + side(tgt)
}

// SentenceTotals are the scores of a set of gold sentences.
type SentenceTotals struct {
	Records int `json:"records"`
	// Type counts the records where dyad gave an event of the gold type.
	Type Ratio `json:"type"`
	// Full counts the records where dyad gave the gold event with its
	// source and target.
	Full Ratio `json:"full"`
	// ByEvent breaks the totals down by gold event type.
	ByEvent map[string]SentenceTotals `json:"by_event,omitempty"`
}

// SumSentences adds up the scores of sentences, in all and by gold event
// type.
func SumSentences(scores []SentenceScore) SentenceTotals {
	t := SentenceTotals{ByEvent: map[string]SentenceTotals{}}
	for _, s := range scores {
		t.add(s)
		bt := t.ByEvent[s.Event]
		bt.add(s)
		t.ByEvent[s.Event] = bt
	}
	return t
}

// add counts one sentence.
func (t *SentenceTotals) add(s SentenceScore) {
	t.Records++
	t.Type.count(s.Type)
	t.Full.count(s.Full)
}
