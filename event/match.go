package event

import "strings"

// match is one pattern found in a sentence.
type match struct {
	p          *Pattern
	head       int // the anchor token
	start, end int // first and last token of the match
	recipient  []int
	actor      []int
	rslot      bool // the pattern has a $R slot that the match filled
}

// maxGap is the most tokens a * element skips.
const maxGap = 4

// matchAt tries pattern p with its anchor at token i.
func (s *sentence) matchAt(p *Pattern, i int) (match, bool) {
	m := match{p: p, head: i, start: i}
	// Elements before the anchor, matched backwards.
	j := i - 1
	for e := p.anchor - 1; e >= 0; e-- {
		el := p.elems[e]
		switch el.kind {
		case elemWord:
			if j >= 0 && el.accepts(s.keys[j]) {
				m.start = j
				j--
			} else if !el.optional {
				return m, false
			}
		case elemActor, elemRecipient:
			ms, st := s.groupBack(j)
			if ms == nil {
				return m, false
			}
			if el.kind == elemActor {
				m.actor = ms
			} else {
				m.recipient, m.rslot = ms, true
			}
			m.start = st
			j = st - 1
		case elemGap:
			// A gap before the anchor is not supported: treated as empty.
		}
	}
	end, ok := s.matchForward(p, p.anchor+1, i+1, &m)
	if !ok {
		return m, false
	}
	m.end = end - 1
	return m, true
}

// headAfter finds the head of a noun phrase whose modifier mentions end
// at token e: when e is followed by "-led" or a noun, the actor mention
// further in the phrase ("Russian-led security bloc the SCO"), if any.
func (s *sentence) headAfter(e int) ([]int, int) {
	j := e + 1
	if j >= s.n() || !(s.keys[j] == "-" || strings.HasPrefix(s.tags[j], "NN") && s.ment[j] < 0) {
		return nil, -1
	}
	for ; j < s.n() && j <= e+8; j++ {
		if ms, end := s.group(j); ms != nil {
			return ms, end
		}
		t := s.tags[j]
		if !(strings.HasPrefix(t, "NN") || t == "JJ" || t == "DT" || t == "VBN" || s.keys[j] == "-" || s.keys[j] == "," || s.keys[j] == "(") {
			return nil, -1
		}
	}
	return nil, -1
}

// elaboration finds, for a noun phrase starting at token j that names a
// group ("Asia's biggest energy consumers"), the list of actors after a
// dash or colon that names its members ("- China, India, Japan and South
// Korea"), with the list's last token. The list must be a coordinated
// group of two or more.
func (s *sentence) elaboration(j int) ([]int, int) {
	for k := j; k < s.n() && k <= j+maxGap+2; k++ {
		if dashes[s.keys[k]] || s.keys[k] == ":" {
			if k == j {
				return nil, -1
			}
			if ms, end := s.groupPlace(k+1, true); len(ms) >= 2 {
				return ms, end
			}
			return nil, -1
		}
		if s.ment[k] >= 0 {
			continue
		}
		t := s.tags[k]
		if !(strings.HasPrefix(t, "NN") || t == "JJ" || t == "JJS" || t == "DT" || t == "POS" || t == "CD" || s.keys[k] == "'s") {
			return nil, -1
		}
	}
	return nil, -1
}

func (el elem) accepts(k string) bool {
	for _, w := range el.words {
		if w == k || w == "'s" && k == "'" { // "the United States' killing of"
			return true
		}
	}
	return false
}

// matchForward matches elements e... at token j and returns the token
// after the match.
func (s *sentence) matchForward(p *Pattern, e, j int, m *match) (int, bool) {
	if e == len(p.elems) {
		return j, true
	}
	el := p.elems[e]
	switch el.kind {
	case elemWord:
		if j < s.n() && el.accepts(s.keys[j]) {
			if end, ok := s.matchForward(p, e+1, j+1, m); ok {
				return end, true
			}
		}
		if el.optional {
			return s.matchForward(p, e+1, j, m)
		}
		return 0, false
	case elemGap:
		for g := 0; g <= maxGap && j+g <= s.n(); g++ {
			if g > 0 {
				k := s.keys[j+g-1]
				if isBoundary(k) || isQuoteMark(s.tokText(j+g-1)) || k == "," && g > 1 {
					break
				}
			}
			if end, ok := s.matchForward(p, e+1, j+g, m); ok {
				return end, true
			}
		}
		return 0, false
	case elemActor, elemRecipient:
		// A group named by its members after a dash: the members.
		if ms, end := s.elaboration(j); ms != nil {
			save := *m
			if el.kind == elemActor {
				m.actor = ms
			} else {
				m.recipient, m.rslot = ms, true
			}
			if end2, ok := s.matchForward(p, e+1, end+1, m); ok {
				return end2, true
			}
			*m = save
		}
		// The mention may follow a determiner or adjectives the actor
		// stage left out of it.
		for skip := 0; skip <= 2 && j+skip < s.n(); skip++ {
			if s.placeModifier(j + skip) {
				break // "praised the Geneva peace plan"
			}
			if ms, end := s.groupPlace(j+skip, true); ms != nil {
				if el.kind == elemRecipient {
					// "a summit of the Chinese and Russian-led bloc, the
					// SCO": the head, not its modifiers.
					if hs, he := s.headAfter(end); hs != nil {
						ms, end = hs, he
					}
				}
				// The whole coordinated group, or else its first mention
				// ("talks between Israel and Hamas").
				_, end1, _ := s.mentionAtPlace(j+skip, true)
				for _, try := range [][2]int{{len(ms), end}, {1, end1}} {
					save := *m
					if el.kind == elemActor {
						m.actor = ms[:try[0]]
					} else {
						m.recipient, m.rslot = ms[:try[0]], true
					}
					if end2, ok := s.matchForward(p, e+1, try[1]+1, m); ok {
						return end2, true
					}
					*m = save
				}
				break
			}
			switch s.tags[j+skip] {
			case "DT", "JJ", "PRP$", "CD", "VBG":
				continue
			}
			break
		}
		// A recipient that is no known actor: when the pattern ends here,
		// the event goes on without it; elsewhere, skip a short noun
		// phrase.
		if e == len(p.elems)-1 {
			return j, true
		}
		for g := 1; g <= maxGap && j+g <= s.n(); g++ {
			k := s.keys[j+g-1]
			if isBoundary(k) || k == "," {
				break
			}
			if end, ok := s.matchForward(p, e+1, j+g, m); ok {
				return end, true
			}
		}
		return 0, false
	}
	return 0, false
}
