package event

import (
	"sort"
	"strconv"
	"strings"

	"dyad/actor"
	"dyad/doc"
)

// targetTypes are the event types that are almost always aimed at
// someone: a demand, an accusation, praise, a threat, a refusal, a
// sanction or aid with no recipient in its clause is aimed at the country
// the sentence or the article is about ("The UK urged an end to the
// violence", in an article on Hong Kong).
var targetTypes = set("REQUEST ACCUSE SUPPORT THREATEN REJECT SANCTION AID")

// targetCodes are codes of other types that are aimed at someone too: a
// promise of aid (033) is made to whoever is to receive it.
var targetCodes = set("033 0331 0332 0333 0334")

// needsRecipient are the types coded only with a recipient: aid and
// sanctions are given to or imposed on someone.
var needsRecipient = set("AID SANCTION")

// jointCodes are the codes of those types whose other side is a party to
// the act, never only its topic: a signing (057) is between the signers
// the text names ("Brazil, Argentina sign energy deal").
var jointCodes = set("057")

// governed returns entity e of mention m as an event's side: a state or
// a capital stands for its government, with no name of its own (the actor
// stage gives states none).
func governed(m doc.Mention, e doc.Entity) doc.Entity {
	if m.Kind == doc.MentionPlace || m.Kind == doc.MentionState {
		e.Name = ""
		if e.Sector == "" {
			e.Sector = "GOV"
		}
	}
	return e
}

// focusCountries returns the countries an article is about, most
// mentioned first (a headline mention counting three), those mentioned
// once left out.
func focusCountries(a *doc.Article) []string {
	n := map[string]int{}
	for _, m := range a.Mentions {
		if len(m.Entities) == 0 || m.Kind == doc.MentionPronoun {
			continue
		}
		c := m.Entities[0].Country
		if len(c) != 3 {
			continue
		}
		w := 1
		if m.Sentence >= 0 && m.Sentence < len(a.Sentences) {
			if p := a.Sentences[m.Sentence].Paragraph; p < len(a.Paragraphs) && a.Paragraphs[p].Role == doc.RoleTitle {
				w = 3
			}
		}
		n[c] += w
	}
	var out []string
	for c, k := range n {
		if k >= 2 {
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if n[out[i]] != n[out[j]] {
			return n[out[i]] > n[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}

// frontEnd returns the token after a phrase that opens the sentence with
// a preposition and ends in a comma before token head ("In his address to
// the United Nations, Obama hailed ..."), or 0. What that phrase names
// sets the scene; it is not the one the act is aimed at.
func (s *sentence) frontEnd(head int) int {
	if s.n() == 0 || s.tags[0] != "IN" {
		return 0
	}
	for j := 1; j < head; j++ {
		if s.keys[j] == "," {
			return j + 1
		}
		if isVerbTag(s.tags[j]) && s.tags[j] != "VBG" && s.tags[j] != "VBN" {
			return 0
		}
	}
	return 0
}

// target infers the recipient of an event at token head whose clause
// names none: a country the sentence names other than the actor's (the
// nearest after the trigger, else before it), else the latest other actor
// named in the two sentences before, else the article's most mentioned
// country other than the actor's. The entity stands for the
// country's government; its Text is the words that name it, or "" when it
// comes from the article as a whole.
func (s *sentence) target(head int, actor []doc.Entity, focus []string) []doc.Entity {
	own := map[string]bool{}
	for _, e := range actor {
		own[e.Country] = true
	}
	best, bestDist := doc.Entity{}, 1<<30
	for j := s.frontEnd(head); j < s.n(); j++ {
		mi := s.ment[j]
		if mi < 0 || s.startOf(j) != j || s.placeModifier(j) {
			continue
		}
		m := s.a.Mentions[mi]
		for _, e := range m.Entities {
			if len(e.Country) != 3 || own[e.Country] {
				continue
			}
			d := j - head
			if d < 0 {
				d = -d + 20
			}
			if d < bestDist {
				best, bestDist = governed(m, e), d
			}
		}
	}
	if bestDist < 1<<30 {
		return []doc.Entity{best}
	}
	// The latest other actor of the two sentences before, a person
	// before an organisation before a state: "Xi gave Putin a medal.
	// Putin offered his thanks."
	var org, state *doc.Entity
	for mi := len(s.a.Mentions) - 1; mi >= 0; mi-- {
		m := s.a.Mentions[mi]
		if m.Sentence >= s.index {
			continue
		}
		if m.Sentence < s.index-2 {
			break
		}
		if m.Via == "location" {
			continue
		}
		for _, e := range m.Entities {
			if len(e.Country) != 3 || own[e.Country] {
				continue
			}
			if e.Name != "" && m.Kind == doc.MentionPerson {
				return []doc.Entity{e}
			}
			if org == nil && e.Name != "" && m.Kind != doc.MentionPlace {
				o := e
				org = &o
			}
			if state == nil && m.Kind == doc.MentionState {
				g := governed(m, e)
				state = &g
			}
		}
	}
	if org != nil {
		return []doc.Entity{*org}
	}
	if state != nil {
		return []doc.Entity{*state}
	}
	for _, c := range focus {
		if !own[c] {
			return []doc.Entity{{Country: c, Sector: "GOV"}}
		}
	}
	return nil
}

// numberWords are the numbers written as words in "six-nation talks".
var numberWords = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

// partyNouns are what "six-" counts in "the six-nation talks".
var partyNouns = set("nation nations party parties country countries power powers state states")

// partyGroup finds "the N-nation talks" (or N-party, N-country, N-power)
// before token head and returns the N states, when the article has named
// exactly N states up to this sentence: "The U.S., China, South Korea,
// Japan and Russia ... North Korea ... The chief negotiators of the
// six-nation talks will meet".
func (s *sentence) partyGroup(head int) []doc.Entity {
	for j := 0; j+2 < head; j++ {
		n, ok := numberWords[s.keys[j]]
		if !ok {
			v, err := strconv.Atoi(s.keys[j])
			if err != nil {
				continue
			}
			n = v
		}
		if n < 2 || s.keys[j+1] != "-" || !partyNouns[s.keys[j+2]] {
			continue
		}
		var order []string
		seen := map[string]bool{}
		for _, m := range s.a.Mentions {
			if m.Sentence > s.index {
				break
			}
			if m.Via == "location" {
				continue // where the talks are held
			}
			for _, e := range m.Entities {
				c := e.Country
				if len(c) != 3 || actor.IsIGO(c) || seen[c] || strings.ToUpper(c) != c {
					continue
				}
				seen[c] = true
				order = append(order, c)
			}
		}
		if len(order) != n {
			return nil
		}
		out := make([]doc.Entity, len(order))
		for i, c := range order {
			out[i] = doc.Entity{Country: c, Sector: "GOV"}
		}
		return out
	}
	return nil
}
