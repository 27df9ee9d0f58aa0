package when

import (
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	tWord uint8 = iota + 1
	tNum
	tPunct
)

// Word shapes.
const (
	sLower uint8 = iota + 1 // "march"
	sTitle                  // "March"
	sUpper                  // "MARCH"
	sOther                  // "mARCH", "Montréal", "McDonald"
)

// Word classes. A word the package has no use for has class cNone.
const (
	cNone    uint8 = iota
	cPrep          // on, in, since...: id is a p* constant
	cMod           // early, late, earlier, later, mid: id is an m* constant
	cRel           // last, this, next, past, coming: id is an r* constant
	cThe           // the
	cArticle       // a, an
	cWeekday       // val is a time.Weekday
	cMonth         // val is a time.Month; flag marks an abbreviation
	cDeictic       // today, tonight, yesterday, tomorrow: val is the day offset
	cDaypart       // morning, afternoon, evening, night: id is a d* constant
	cUnit          // day, week, month, year...: id is a u* constant; flag marks a plural
	cAgo           // ago
	cNumWord       // one, two... twenty, thirty...: val is the number
	cOrdinal       // st, nd, rd, th
	cMisc          // words looked at around a match: id is an x* constant
	cOfHead        // end, start, summer...: "the end of 2016"
	cChange        // rose, fell...: "rose by 2000" is not a year
	nClass         // the number of classes
)

// Prepositions (class cPrep). Each is a bit in a prepSet.
const (
	pOn uint8 = iota + 1
	pIn
	pSince
	pBy
	pDuring
	pUntil
	pTill
	pFrom
	pThrough
	pThroughout
	pBefore
	pAfter
	pBetween
	pOver
	pAt
)

// Modifiers (class cMod).
const (
	mEarly uint8 = iota + 1
	mLate
	mEarlier
	mLater
	mMid
)

// Relative determiners (class cRel).
const (
	rLast uint8 = iota + 1
	rThis
	rNext
	rPast
	rComing
)

// Parts of the day (class cDaypart).
const (
	dMorning uint8 = iota + 1
	dAfternoon
	dEvening
	dNight
)

// Units (class cUnit).
const (
	uDay uint8 = iota + 1
	uWeek
	uMonth
	uYear
	uDecade
	uCentury
	uWeekend
)

// Other words (class cMisc).
const (
	xEvery uint8 = iota + 1
	xEach
	xPer
	xAny
	xSome
	xOrdinal // first, second... final: "the first Monday of March"
	xThat
	xOf
	xAnd
	xTo
	xCouple
	xFollowing
)

// entry is what the vocabulary knows about a lower-case word.
type entry struct {
	cls  uint8
	id   uint8
	val  int8
	flag bool
}

// maxWord is the length of the longest word in vocab.
const maxWord = 10

// vocab maps the lower-case words the matcher looks at to their class.
var vocab = map[string]entry{
	"on": {cls: cPrep, id: pOn}, "in": {cls: cPrep, id: pIn},
	"since": {cls: cPrep, id: pSince}, "by": {cls: cPrep, id: pBy},
	"during": {cls: cPrep, id: pDuring}, "until": {cls: cPrep, id: pUntil},
	"till": {cls: cPrep, id: pTill}, "from": {cls: cPrep, id: pFrom},
	"through": {cls: cPrep, id: pThrough}, "throughout": {cls: cPrep, id: pThroughout},
	"before": {cls: cPrep, id: pBefore}, "after": {cls: cPrep, id: pAfter},
	"between": {cls: cPrep, id: pBetween}, "over": {cls: cPrep, id: pOver},
	"at": {cls: cPrep, id: pAt},

	"early": {cls: cMod, id: mEarly}, "late": {cls: cMod, id: mLate},
	"earlier": {cls: cMod, id: mEarlier}, "later": {cls: cMod, id: mLater},
	"mid": {cls: cMod, id: mMid},

	"last": {cls: cRel, id: rLast}, "this": {cls: cRel, id: rThis},
	"next": {cls: cRel, id: rNext}, "past": {cls: cRel, id: rPast},
	"coming": {cls: cRel, id: rComing},

	"the": {cls: cThe}, "a": {cls: cArticle}, "an": {cls: cArticle},

	"monday": {cls: cWeekday, val: 1}, "tuesday": {cls: cWeekday, val: 2},
	"wednesday": {cls: cWeekday, val: 3}, "thursday": {cls: cWeekday, val: 4},
	"friday": {cls: cWeekday, val: 5}, "saturday": {cls: cWeekday, val: 6},
	"sunday": {cls: cWeekday, val: 0},

	"january": {cls: cMonth, val: 1}, "february": {cls: cMonth, val: 2},
	"march": {cls: cMonth, val: 3}, "april": {cls: cMonth, val: 4},
	"may": {cls: cMonth, val: 5}, "june": {cls: cMonth, val: 6},
	"july": {cls: cMonth, val: 7}, "august": {cls: cMonth, val: 8},
	"september": {cls: cMonth, val: 9}, "october": {cls: cMonth, val: 10},
	"november": {cls: cMonth, val: 11}, "december": {cls: cMonth, val: 12},
	"jan": {cls: cMonth, val: 1, flag: true}, "feb": {cls: cMonth, val: 2, flag: true},
	"mar": {cls: cMonth, val: 3, flag: true}, "apr": {cls: cMonth, val: 4, flag: true},
	"jun": {cls: cMonth, val: 6, flag: true}, "jul": {cls: cMonth, val: 7, flag: true},
	"aug": {cls: cMonth, val: 8, flag: true}, "sep": {cls: cMonth, val: 9, flag: true},
	"sept": {cls: cMonth, val: 9, flag: true}, "oct": {cls: cMonth, val: 10, flag: true},
	"nov": {cls: cMonth, val: 11, flag: true}, "dec": {cls: cMonth, val: 12, flag: true},

	"today": {cls: cDeictic, val: 0}, "tonight": {cls: cDeictic, val: 0},
	"yesterday": {cls: cDeictic, val: -1}, "tomorrow": {cls: cDeictic, val: 1},

	"morning": {cls: cDaypart, id: dMorning}, "afternoon": {cls: cDaypart, id: dAfternoon},
	"evening": {cls: cDaypart, id: dEvening}, "night": {cls: cDaypart, id: dNight},

	"day": {cls: cUnit, id: uDay}, "days": {cls: cUnit, id: uDay, flag: true},
	"week": {cls: cUnit, id: uWeek}, "weeks": {cls: cUnit, id: uWeek, flag: true},
	"month": {cls: cUnit, id: uMonth}, "months": {cls: cUnit, id: uMonth, flag: true},
	"year": {cls: cUnit, id: uYear}, "years": {cls: cUnit, id: uYear, flag: true},
	"decade": {cls: cUnit, id: uDecade}, "decades": {cls: cUnit, id: uDecade, flag: true},
	"century": {cls: cUnit, id: uCentury}, "centuries": {cls: cUnit, id: uCentury, flag: true},
	"weekend": {cls: cUnit, id: uWeekend}, "weekends": {cls: cUnit, id: uWeekend, flag: true},

	"ago": {cls: cAgo},

	"one": {cls: cNumWord, val: 1}, "two": {cls: cNumWord, val: 2},
	"three": {cls: cNumWord, val: 3}, "four": {cls: cNumWord, val: 4},
	"five": {cls: cNumWord, val: 5}, "six": {cls: cNumWord, val: 6},
	"seven": {cls: cNumWord, val: 7}, "eight": {cls: cNumWord, val: 8},
	"nine": {cls: cNumWord, val: 9}, "ten": {cls: cNumWord, val: 10},
	"eleven": {cls: cNumWord, val: 11}, "twelve": {cls: cNumWord, val: 12},
	"thirteen": {cls: cNumWord, val: 13}, "fourteen": {cls: cNumWord, val: 14},
	"fifteen": {cls: cNumWord, val: 15}, "sixteen": {cls: cNumWord, val: 16},
	"seventeen": {cls: cNumWord, val: 17}, "eighteen": {cls: cNumWord, val: 18},
	"nineteen": {cls: cNumWord, val: 19}, "twenty": {cls: cNumWord, val: 20},
	"thirty": {cls: cNumWord, val: 30}, "forty": {cls: cNumWord, val: 40},
	"fifty": {cls: cNumWord, val: 50}, "sixty": {cls: cNumWord, val: 60},
	"seventy": {cls: cNumWord, val: 70}, "eighty": {cls: cNumWord, val: 80},
	"ninety": {cls: cNumWord, val: 90},

	"st": {cls: cOrdinal}, "nd": {cls: cOrdinal}, "rd": {cls: cOrdinal}, "th": {cls: cOrdinal},

	"every": {cls: cMisc, id: xEvery}, "each": {cls: cMisc, id: xEach},
	"per": {cls: cMisc, id: xPer}, "any": {cls: cMisc, id: xAny},
	"some": {cls: cMisc, id: xSome}, "that": {cls: cMisc, id: xThat},
	"first": {cls: cMisc, id: xOrdinal}, "second": {cls: cMisc, id: xOrdinal},
	"third": {cls: cMisc, id: xOrdinal}, "fourth": {cls: cMisc, id: xOrdinal},
	"fifth": {cls: cMisc, id: xOrdinal}, "final": {cls: cMisc, id: xOrdinal},
	"previous": {cls: cMisc, id: xFollowing}, "following": {cls: cMisc, id: xFollowing},
	"same": {cls: cMisc, id: xFollowing},
	"of":   {cls: cMisc, id: xOf}, "and": {cls: cMisc, id: xAnd},
	"to": {cls: cMisc, id: xTo}, "couple": {cls: cMisc, id: xCouple},

	"end": {cls: cOfHead}, "start": {cls: cOfHead}, "beginning": {cls: cOfHead},
	"middle": {cls: cOfHead}, "rest": {cls: cOfHead}, "half": {cls: cOfHead},
	"quarter": {cls: cOfHead}, "spring": {cls: cOfHead}, "summer": {cls: cOfHead},
	"autumn": {cls: cOfHead}, "fall": {cls: cOfHead}, "winter": {cls: cOfHead},

	"rose": {cls: cChange}, "fell": {cls: cChange}, "grew": {cls: cChange},
	"risen": {cls: cChange}, "fallen": {cls: cChange}, "grown": {cls: cChange},
	"up": {cls: cChange}, "down": {cls: cChange}, "increased": {cls: cChange},
	"decreased": {cls: cChange}, "dropped": {cls: cChange}, "declined": {cls: cChange},
	"jumped": {cls: cChange}, "climbed": {cls: cChange}, "gained": {cls: cChange},
	"slipped": {cls: cChange}, "surged": {cls: cChange}, "soared": {cls: cChange},
	"plunged": {cls: cChange}, "lost": {cls: cChange}, "cut": {cls: cChange},
	"raised": {cls: cChange}, "lowered": {cls: cChange}, "reduced": {cls: cChange},
}

// lexicon is vocab as an open-addressing hash table, which is faster to
// look words up in than the map.
var lexicon = newTable(vocab)

// tableSize is the number of slots of a table, a power of two well above
// the number of words in vocab.
const tableSize = 1024

// table is a hash table of words with linear probing.
type table [tableSize]struct {
	key string
	e   entry
}

// newTable returns a table of the words of m.
func newTable(m map[string]entry) *table {
	t := new(table)
	for w, e := range m {
		h := hash(w)
		for t[h].key != "" {
			h = (h + 1) % tableSize
		}
		t[h].key, t[h].e = w, e
	}
	return t
}

// lookup returns the entry of the lower-case word w.
func (t *table) lookup(w []byte) (entry, bool) {
	for h := hash(w); t[h].key != ""; h = (h + 1) % tableSize {
		if t[h].key == string(w) {
			return t[h].e, true
		}
	}
	return entry{}, false
}

// hash hashes a non-empty word from its length and first, middle and last
// letters.
func hash[S string | []byte](w S) uint {
	n := len(w)
	h := uint(n)*0x9e3779b1 ^ uint(w[0])<<10 ^ uint(w[n-1])<<3 ^ uint(w[n/2])<<6
	h ^= h >> 13
	h *= 0x85ebca6b
	return (h ^ h>>16) % tableSize
}

// token is one word, number or punctuation mark of the scanned text.
type token struct {
	start, end int
	val        int32 // number value, or the vocabulary value of a word
	kind       uint8
	shape      uint8 // words only
	cls        uint8 // words only
	id         uint8 // words only
	flag       bool  // vocabulary flag of a word
	ndig       uint8 // digits in a number, at most 10
}

// canStart reports, by word class, whether a word may start an expression.
var canStart = [nClass]bool{
	cPrep: true, cMod: true, cRel: true, cThe: true, cArticle: true,
	cWeekday: true, cMonth: true, cDeictic: true, cDaypart: true,
	cUnit: true, cNumWord: true,
}

// tokenize appends the tokens of text[p:hi] to dst until dst is full, and
// returns it with the position where it stopped. Words are runs of
// letters, numbers runs of ASCII digits; anything else that is not space is
// a punctuation token of one character.
func tokenize(dst []token, text string, p, hi int) ([]token, int) {
	for p < hi && len(dst) < cap(dst) {
		c := text[p]
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f':
			p++
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			q := wordEnd(text, p, hi)
			dst = append(dst, classify(text, p, q))
			p = q
		case '0' <= c && c <= '9':
			q, v, n := p, 0, 0
			for q < hi && '0' <= text[q] && text[q] <= '9' {
				if n < 9 {
					v = v*10 + int(text[q]-'0')
				}
				n++
				q++
			}
			dst = append(dst, token{start: p, end: q, val: int32(v), kind: tNum, ndig: uint8(min(n, 10))})
			p = q
		case c < utf8.RuneSelf:
			dst = append(dst, token{start: p, end: p + 1, kind: tPunct})
			p++
		default:
			r, size := utf8.DecodeRuneInString(text[p:hi])
			switch {
			case isLetter(r):
				q := wordEnd(text, p, hi)
				dst = append(dst, token{start: p, end: q, kind: tWord, shape: sOther})
				p = q
			case unicode.IsSpace(r):
				p += size
			default:
				dst = append(dst, token{start: p, end: p + size, kind: tPunct})
				p += size
			}
		}
	}
	return dst, p
}

func isLetter(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// wordEnd returns the end of the word starting at text[p].
func wordEnd(text string, p, hi int) int {
	for p < hi {
		c := text[p]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			p++
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, size := utf8.DecodeRuneInString(text[p:hi])
		if !isLetter(r) {
			break
		}
		p += size
	}
	return p
}

// classify returns the token for the word text[p:q].
func classify(text string, p, q int) token {
	t := token{start: p, end: q, kind: tWord}
	var buf [maxWord]byte
	lower, upper, ascii := 0, 0, true
	for i := p; i < q; i++ {
		c := text[i]
		switch {
		case 'a' <= c && c <= 'z':
			lower++
		case 'A' <= c && c <= 'Z':
			upper++
			c += 'a' - 'A'
		default:
			ascii = false
		}
		if i-p < maxWord {
			buf[i-p] = c
		}
	}
	n := q - p
	switch {
	case !ascii:
		t.shape = sOther
	case upper == 0:
		t.shape = sLower
	case lower == 0:
		t.shape = sUpper
	case upper == 1 && 'A' <= text[p] && text[p] <= 'Z':
		t.shape = sTitle
	default:
		t.shape = sOther
	}
	if t.shape == sOther || n > maxWord {
		return t
	}
	e, ok := lexicon.lookup(buf[:n])
	if !ok {
		return t
	}
	if (e.cls == cWeekday || e.cls == cMonth) && t.shape == sLower {
		// "may", "march", "sunday": names of days and months are capitalised.
		return t
	}
	if n == 1 && t.shape == sUpper {
		t.shape = sTitle // "A year ago"
	}
	t.cls, t.id, t.val, t.flag = e.cls, e.id, int32(e.val), e.flag
	return t
}
