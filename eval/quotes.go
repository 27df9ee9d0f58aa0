package eval

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
)

// MinOverlap is the least Jaccard overlap of their word sets at which a
// dyad quote matches a gold quote.
const MinOverlap = 0.5

// Words returns the distinct words of s in lower case, sorted: the runs of
// letters, digits and underscores (as Python's \w+ finds them).
func Words(s string) []string {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }
	ws := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !isWord(r) })
	slices.Sort(ws)
	return slices.Compact(ws)
}

// Jaccard returns the size of the intersection of two sorted sets of words
// over the size of their union, or 0 when both are empty.
func Jaccard(a, b []string) float64 {
	inter, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch c := strings.Compare(a[i], b[j]); {
		case c == 0:
			inter++
			i++
			j++
		case c < 0:
			i++
		default:
			j++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// QuoteMatch pairs a gold quote with a dyad quote, by their indexes.
type QuoteMatch struct {
	Gold, Dyad int
	// Overlap is the Jaccard overlap of their words.
	Overlap float64
}

// MatchQuotes matches dyad's quote texts to the gold's, one to one:
// greedily, the pair with the highest overlap of words first (ties go to
// the earlier gold quote, then the earlier dyad quote), among the pairs
// whose overlap is at least MinOverlap. The matches are returned in the
// order of the gold quotes.
func MatchQuotes(gold, dyad []string) []QuoteMatch {
	gw := make([][]string, len(gold))
	for i, s := range gold {
		gw[i] = Words(s)
	}
	var cands []QuoteMatch
	for j, s := range dyad {
		dw := Words(s)
		for i := range gold {
			if o := Jaccard(gw[i], dw); o >= MinOverlap {
				cands = append(cands, QuoteMatch{Gold: i, Dyad: j, Overlap: o})
			}
		}
	}
	slices.SortFunc(cands, func(a, b QuoteMatch) int {
		return cmp.Or(cmp.Compare(b.Overlap, a.Overlap), cmp.Compare(a.Gold, b.Gold), cmp.Compare(a.Dyad, b.Dyad))
	})
	usedGold := make([]bool, len(gold))
	usedDyad := make([]bool, len(dyad))
	var out []QuoteMatch
	for _, c := range cands {
		if usedGold[c.Gold] || usedDyad[c.Dyad] {
			continue
		}
		usedGold[c.Gold], usedDyad[c.Dyad] = true, true
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b QuoteMatch) int { return cmp.Compare(a.Gold, b.Gold) })
	return out
}
