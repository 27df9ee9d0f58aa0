package actor

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"dyad/doc"
	"dyad/text"
)

// The matcher is a trie over normalised tokens: each pattern of the
// knowledge base is tokenised as article text is (text.Tokens), each token
// reduced to a key (lower case, no diacritics, no full stops, straight
// apostrophes), and the keys stored as a path of edges from the root. A
// scan of an article looks up one edge per token, so its cost depends on
// the article's length and hardly on the number of patterns, and matches
// always fall on token boundaries. Case is checked after a match, per
// token: see capReq.

// capReq is what a pattern token asks of the case of the text token that
// it matches.
type capReq uint8

const (
	capAny   capReq = iota // "officials" matches "Officials" and "OFFICIALS"
	capTitle               // "Putin" matches "Putin" and "PUTIN", not "putin"
	capUpper               // "US" matches "US" and "U.S.", not "Us" or "us"
	capExact               // "LeT" matches "LeT" and "LET", not "Let"
)

// tokCase is the case of a text token.
type tokCase uint8

const (
	caseFirstUpper tokCase = 1 << iota // starts with a capital letter
	caseAllUpper                       // has letters, all capitals
)

func (r capReq) accepts(c tokCase) bool {
	switch r {
	case capExact:
		return true // the exact spelling is checked by exactOK
	case capTitle:
		return c&caseFirstUpper != 0
	case capUpper:
		return c&caseAllUpper != 0
	}
	return true
}

type edge struct {
	from int32
	key  string
}

// pat is one pattern ending at a trie node: the entry it names and the
// case its tokens require.
type pat struct {
	entry int32
	caps  []capReq
	// words are the pattern's tokens as written, kept only when a token
	// asks for its exact spelling (capExact).
	words []string
}

type trie struct {
	edges map[edge]int32
	pats  [][]pat // by node; node 0 is the root
}

func newTrie(entries []Entry) *trie {
	t := &trie{edges: make(map[edge]int32), pats: [][]pat{nil}}
	// User patterns override built-in ones with the same keys.
	type keyed struct {
		node int32
		user bool
	}
	userNodes := make(map[int32]bool)
	var spans []doc.Span
	var keys []string
	for i := range entries {
		e := &entries[i]
		for _, p := range e.Patterns {
			spans = text.Tokens(spans[:0], p, 0, len(p))
			if len(spans) == 0 {
				continue
			}
			keys = keys[:0]
			caps := make([]capReq, 0, len(spans))
			var words []string
			for _, sp := range spans {
				w := p[sp.Start:sp.End]
				keys = append(keys, Key(w))
				c := patternCap(w, e.caps)
				caps = append(caps, c)
				if c == capExact && words == nil {
					for _, sp2 := range spans {
						words = append(words, p[sp2.Start:sp2.End])
					}
				}
			}
			node := int32(0)
			for _, k := range keys {
				next, ok := t.edges[edge{node, k}]
				if !ok {
					next = int32(len(t.pats))
					t.pats = append(t.pats, nil)
					t.edges[edge{node, k}] = next
				}
				node = next
			}
			if e.User && !userNodes[node] {
				userNodes[node] = true
				t.pats[node] = t.pats[node][:0]
			} else if !e.User && userNodes[node] {
				continue
			}
			dup := false
			for _, q := range t.pats[node] {
				if q.entry == int32(i) {
					dup = true
					break
				}
			}
			if !dup {
				t.pats[node] = append(t.pats[node], pat{entry: int32(i), caps: caps, words: words})
			}
		}
	}
	return t
}

// patternCap derives what a pattern token asks of the case of text.
func patternCap(w string, petrarch bool) capReq {
	upper, lower, letters := 0, 0, 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			} else if unicode.IsLower(r) {
				lower++
			}
		}
	}
	if petrarch {
		// PETRARCH writes everything in capitals: short words are
		// acronyms, function words match any case, others are names.
		switch {
		case letters == 0 || minorWords[strings.ToLower(w)]:
			return capAny
		case letters <= 3:
			return capUpper
		}
		return capTitle
	}
	switch {
	case letters >= 2 && lower == 0:
		return capUpper
	case upper > 1 && letters <= 4:
		return capExact // a mixed-case acronym: "LeT", "DoD"
	case upper > 0:
		first, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(first) {
			return capTitle
		}
	}
	return capAny
}

var minorWords = map[string]bool{
	"of": true, "the": true, "and": true, "for": true, "in": true, "on": true, "de": true,
	"la": true, "del": true, "al": true, "el": true, "to": true, "a": true, "bin": true, "da": true,
	"van": true, "von": true, "der": true, "du": true, "le": true, "des": true, "y": true,
}

// Key returns the matching key of one token: lower case, without
// diacritics or full stops, with straight apostrophes.
func Key(w string) string {
	ascii := true
	plain := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' || c == '.' {
			plain = false
		}
	}
	if ascii && plain {
		return w
	}
	if ascii {
		b := make([]byte, 0, len(w))
		for i := 0; i < len(w); i++ {
			c := w[i]
			switch {
			case c == '.':
				continue
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
		if len(b) == 0 {
			return "."
		}
		return string(b)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '.':
			continue
		case r == '’' || r == '‘' || r == 'ʼ':
			r = '\''
		case r == 'ı':
			r = 'i'
		case r == 'ł':
			r = 'l'
		case r == 'ø':
			r = 'o'
		case r == 'đ':
			r = 'd'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	if b.Len() == 0 {
		return "."
	}
	return b.String()
}

// caseOf returns the case of a text token.
func caseOf(w string) tokCase {
	var c tokCase
	letters, upper := 0, 0
	for i, r := range w {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if unicode.IsUpper(r) {
			upper++
			if letters == 1 && i == 0 {
				c |= caseFirstUpper
			}
		}
	}
	if letters > 0 && upper == letters {
		c |= caseAllUpper | caseFirstUpper
	}
	return c
}

// match is one pattern match in a token sequence: tokens [from, to) and
// the entries whose patterns matched there with the right case.
type match struct {
	from, to int
	entries  []int32
}

// scan finds the leftmost-longest matches in the tokens, each token in
// at most one match. keys and cases are the tokens' keys and cases;
// limit, when > 0, ends the scan at that token index (a sentence end).
func (t *trie) scan(keys []string, cases []tokCase, words []string, lo, hi int, dst []match) []match {
	for i := lo; i < hi; {
		best, bestEnd := t.longest(keys, cases, words, i, hi)
		if best == nil {
			i++
			continue
		}
		// "the Kremlin Guard": a pattern that starts with "the" gives way
		// to a longer one after it.
		if keys[i] == "the" && i+1 < hi {
			if next, end := t.longest(keys, cases, words, i+1, hi); next != nil && end > bestEnd {
				i++
				continue
			}
		}
		dst = append(dst, match{from: i, to: bestEnd, entries: best})
		i = bestEnd
	}
	return dst
}

// longest returns the entries of the longest match at token i whose case
// fits, and its end; nil if none.
func (t *trie) longest(keys []string, cases []tokCase, words []string, i, hi int) ([]int32, int) {
	var best []int32
	bestEnd := 0
	node := int32(0)
	for j := i; j < hi; j++ {
		next, ok := t.edges[edge{node, keys[j]}]
		if !ok {
			break
		}
		node = next
		if ps := t.pats[node]; len(ps) > 0 {
			var got []int32
			for _, p := range ps {
				if capsOK(p.caps, cases[i:j+1]) && exactOK(p, words[i:j+1]) {
					got = append(got, p.entry)
				}
			}
			if len(got) > 0 {
				best, bestEnd = got, j+1
			}
		}
	}
	return best, bestEnd
}

// exactOK checks the tokens that must be spelled as the pattern spells
// them (or in capitals).
func exactOK(p pat, words []string) bool {
	for k, c := range p.caps {
		if c == capExact && words[k] != p.words[k] && strings.ToUpper(words[k]) != words[k] {
			return false
		}
	}
	return true
}

func capsOK(req []capReq, cases []tokCase) bool {
	for k, r := range req {
		if !r.accepts(cases[k]) {
			return false
		}
	}
	return true
}
