package actor

import (
	"strings"

	"dyad/doc"
	"dyad/text"
)

// Resolve resolves a phrase on its own, as it would be read in an
// article of the given date (YYYYMMDD, 0 for unknown): "Chinese President
// Xi Jinping", "Afghan police", "the Kremlin". hint is a country (name,
// adjective or code) that the phrase is known to concern, used when the
// phrase gives none; it may be "". The result has the phrase as Text and
// is empty but for Text when nothing in the phrase is known.
func (r *Resolver) Resolve(phrase string, date int, hint string) doc.Entity {
	phrase = strings.TrimSpace(phrase)
	out := doc.Entity{Text: phrase, Start: 0, End: len(phrase)}
	if phrase == "" {
		return out
	}
	a := &doc.Article{Text: phrase}
	sents := []doc.Sentence{{Index: 0, Span: doc.Span{Start: 0, End: len(phrase)}}}
	for _, sp := range text.Tokens(nil, phrase, 0, len(phrase)) {
		a.Tokens = append(a.Tokens, doc.Token{Span: sp})
	}
	a.Sentences = sents
	ms := r.mentions(a, date)
	head := -1
	for k, m := range ms {
		if len(m.Entities) == 0 {
			continue
		}
		switch m.Kind {
		case doc.MentionPerson, doc.MentionOrg, doc.MentionGroup:
			if head < 0 || ms[head].Kind == doc.MentionState || ms[head].Kind == doc.MentionPlace {
				head = k
			}
		default:
			if head < 0 {
				head = k
			}
		}
	}
	if head >= 0 {
		e := ms[head].Entities[0]
		out.Name, out.Country, out.Sector = e.Name, e.Country, e.Sector
		// A phrase that is a capital or seat alone stands for the
		// government: "Tehran", "CANBERRA".
		if ms[head].Kind == doc.MentionPlace && len(ms) == 1 && ms[head].Via == "location" {
			out.Sector = ""
		}
	}
	if out.Country == "" {
		for _, m := range ms {
			if len(m.Entities) > 0 && m.Entities[0].Country != "" && (m.Kind == doc.MentionState || m.Kind == doc.MentionPlace) {
				out.Country = m.Entities[0].Country
				break
			}
		}
	}
	if out.Country == "" && hint != "" {
		if c := r.kb.Country(hint); c != "" {
			out.Country = c
		} else if validCode(strings.ToUpper(hint)) {
			out.Country = strings.ToUpper(hint)
		}
	}
	return out
}
