package text

import (
	"unicode"
	"unicode/utf8"

	"dyad/doc"
)

// Tokens appends to dst the tokens of s[lo:hi] as byte spans of s and
// returns the extended slice. A token is a word, a number or one
// punctuation mark, with these rules for news text:
//   - a possessive ending ("'s", "’s") is a token of its own: "China's" is
//     "China" and "'s";
//   - a hyphen between words is a token of its own, so that "China-Russia"
//     and "Kassym-Jomart" are three tokens each;
//   - an initial or dotted abbreviation keeps its full stops: "U.S.",
//     "U.N.", "V."; any other full stop is a token;
//   - a number keeps its inner separators: "1,000", "9.7";
//   - other apostrophes inside a word stay in it: "d'Ivoire", "don't".
func Tokens(dst []doc.Span, s string, lo, hi int) []doc.Span {
	if lo < 0 {
		lo = 0
	}
	if hi > len(s) {
		hi = len(s)
	}
	i := lo
	for i < hi {
		r, size := utf8.DecodeRuneInString(s[i:hi])
		switch {
		case r == ' ' || r == '\n' || r == '\t' || r == '\r' || unicode.IsSpace(r):
			i += size
		case isWordRune(r):
			j := wordEnd(s, i, hi)
			dst = append(dst, doc.Span{Start: i, End: j})
			i = j
		case (r == '\'' || r == '’') && possessiveAt(s, i, hi):
			j := i + size + 1
			dst = append(dst, doc.Span{Start: i, End: j})
			i = j
		default:
			dst = append(dst, doc.Span{Start: i, End: i + size})
			i += size
		}
	}
	return dst
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// possessiveAt reports whether the apostrophe at s[i] starts a possessive
// "'s" that ends a word.
func possessiveAt(s string, i, hi int) bool {
	_, size := utf8.DecodeRuneInString(s[i:hi])
	j := i + size
	if j >= hi || (s[j] != 's' && s[j] != 'S') {
		return false
	}
	if j+1 < hi {
		r, _ := utf8.DecodeRuneInString(s[j+1 : hi])
		if isWordRune(r) {
			return false
		}
	}
	return i > 0
}

// wordEnd returns the end of the word, number or dotted abbreviation that
// starts at s[i].
func wordEnd(s string, i, hi int) int {
	start := i
	digits := true
	for i < hi {
		r, size := utf8.DecodeRuneInString(s[i:hi])
		if isWordRune(r) {
			if r > '9' || r < '0' {
				digits = false
			}
			i += size
			continue
		}
		if r == '\'' || r == '’' {
			if possessiveAt(s, i, hi) {
				return i
			}
			// An apostrophe inside a word: d'Ivoire, don't, O'Neill.
			if i+size < hi {
				r2, _ := utf8.DecodeRuneInString(s[i+size : hi])
				if isWordRune(r2) && i > start {
					i += size
					continue
				}
			}
			return i
		}
		if (r == '.' || r == ',') && digits && i+1 < hi && '0' <= s[i+1] && s[i+1] <= '9' {
			i++ // 9.7, 1,000
			continue
		}
		if r == '.' {
			return dotted(s, start, i, hi)
		}
		return i
	}
	return i
}

// dotted decides whether the full stop at s[dot] belongs to the word
// s[start:dot]: it does for an initial ("V.") and for a dotted
// abbreviation ("U.S.", "e.g."), whose later letters and stops it takes
// too.
func dotted(s string, start, dot, hi int) int {
	r, size := utf8.DecodeRuneInString(s[start:dot])
	if size != dot-start || !unicode.IsLetter(r) {
		return dot // not a single letter: "Mr." keeps its stop apart
	}
	j := dot + 1
	for j+1 < hi {
		r2, size2 := utf8.DecodeRuneInString(s[j:hi])
		if !unicode.IsLetter(r2) || j+size2 >= hi || s[j+size2] != '.' {
			break
		}
		j += size2 + 1
	}
	return j
}
