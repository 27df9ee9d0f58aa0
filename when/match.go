package when

import "time"

// scanner holds the tokens of one call to Find and the reference date.
//
// It computes dates in UTC, which Find moves to the location of the
// reference date. The scanner holds no pointers but to the text and its
// tokens, so that escape analysis can keep the tokens on Find's stack.
type scanner struct {
	text string
	toks []token
	// refY, refM and refD are the reference date.
	refY int
	refM time.Month
	refD int
}

// today returns the reference date, at midnight UTC.
func (s *scanner) today() time.Time {
	return time.Date(s.refY, s.refM, s.refD, 0, 0, 0, 0, time.UTC)
}

// prepSet is a set of prepositions, one bit per p* constant.
type prepSet uint32

// has reports whether p is in the set; no preposition (0) always is.
func (ps prepSet) has(p uint8) bool { return p == 0 || ps&(1<<p) != 0 }

// The prepositions each kind of expression may start with.
const (
	// "on March 20", "since Monday", "by Friday".
	dayPreps prepSet = 1<<pOn | 1<<pSince | 1<<pBy | 1<<pUntil | 1<<pTill |
		1<<pFrom | 1<<pThrough | 1<<pBefore | 1<<pAfter | 1<<pBetween
	// "in March", "during 2016", "between 2010 and 2015".
	periodPreps prepSet = 1<<pIn | 1<<pSince | 1<<pBy | 1<<pDuring | 1<<pUntil |
		1<<pTill | 1<<pFrom | 1<<pThrough | 1<<pThroughout | 1<<pBefore |
		1<<pAfter | 1<<pBetween
	// "until today", "since last night".
	deicticPreps prepSet = 1<<pSince | 1<<pBy | 1<<pUntil | 1<<pTill |
		1<<pFrom | 1<<pThrough | 1<<pBefore | 1<<pAfter
	// "since last week", "in next year's election".
	unitPreps prepSet = periodPreps &^ (1 << pBetween)
	// "over the weekend", "at the weekend".
	weekendPreps prepSet = dayPreps&^(1<<pBetween) | 1<<pIn | 1<<pDuring |
		1<<pThroughout | 1<<pOver | 1<<pAt
)

// prefix is what comes before the core of an expression: a preposition, a
// modifier, then a relative determiner or "the", each optional.
type prefix struct {
	prep, mod, rel uint8
	relAt          int // token index of rel
	the            bool
}

// empty reports whether there is no prefix.
func (p prefix) empty() bool { return p.prep == 0 && p.mod == 0 && p.rel == 0 && !p.the }

// vague reports whether the modifier is one a calendar date cannot take.
func (p prefix) vague() bool { return p.mod == mEarlier || p.mod == mLater }

// match matches an expression starting at token i.
func (s *scanner) match(i int) (result, bool) {
	var p prefix
	k := i
loop:
	for ; k < len(s.toks); k++ {
		t := &s.toks[k]
		if t.kind != tWord {
			break
		}
		switch t.cls {
		case cPrep:
			if k != i {
				break loop
			}
			p.prep = t.id
		case cMod:
			if p.mod != 0 || p.rel != 0 || p.the {
				break loop
			}
			p.mod = t.id
			if t.id == mMid && s.isPunct(k+1, '-') && s.adj(k+1) && s.adj(k+2) {
				k++ // "mid-March"
			}
		case cRel:
			if p.rel != 0 || p.the {
				break loop
			}
			switch t.id {
			case rPast, rComing:
				break loop
			case rThis:
				p.rel, p.relAt = rThis, k
				if s.isWord(k+1, cRel, rPast) {
					p.rel = rLast // "this past weekend"
					k++
				} else if s.isWord(k+1, cRel, rComing) {
					p.rel = rNext // "this coming Friday"
					k++
				}
			default:
				p.rel, p.relAt = t.id, k
			}
		case cThe:
			if p.mod != 0 || p.rel != 0 || p.the {
				break loop
			}
			p.the = true
		default:
			break loop
		}
	}
	if k >= len(s.toks) {
		return result{}, false
	}
	if p.rel != 0 && s.isClass(p.relAt-1, cThe) {
		// "the last week", "the next year": spans of time, not dates.
		return result{}, false
	}
	t := &s.toks[k]
	var r result
	ok := false
	switch {
	case t.kind == tNum:
		r, ok = s.number(i, k, p)
	case t.kind != tWord:
	case t.cls == cWeekday:
		r, ok = s.weekday(i, k, p)
	case t.cls == cMonth:
		r, ok = s.month(i, k, p)
	case t.cls == cDeictic:
		r, ok = s.deictic(i, k, p)
	case t.cls == cDaypart:
		r, ok = s.daypart(i, k, p)
	case t.cls == cUnit:
		r, ok = s.unit(i, k, p)
	case t.cls == cNumWord || t.cls == cArticle:
		if p.empty() {
			r, ok = s.agoWords(k)
		}
	}
	if p.prep == pSince {
		r.next = r.date // "since Saturday" is in the past
	}
	r.start = i
	return r, ok
}

// weekday matches "Monday", "on Friday night", "last Friday", "Monday,
// March 20" with the weekday at token k.
func (s *scanner) weekday(i, k int, p prefix) (result, bool) {
	if p.the || p.mod == mMid || !dayPreps.has(p.prep) {
		return result{}, false
	}
	wd := time.Weekday(s.toks[k].val)
	if p.empty() && s.notWeekdayAfter(i) {
		return result{}, false
	}
	if wd == time.Sunday && p.mod == 0 && p.rel == 0 && s.mailOn(i, p.prep) {
		return result{}, false // "the Mail on Sunday"
	}
	if p.rel == 0 {
		// "Monday, March 20, 2023", "Tuesday 8 June"
		j := k + 1
		if s.isPunct(j, ',') {
			j++
		}
		if v, e, ok := s.fullDate(j); ok {
			return s.calendar(v, e), true
		}
	}
	if k+1 < len(s.toks) && s.toks[k+1].kind == tWord && notAfterWeekday[s.str(k+1)] {
		return result{}, false // "Sunday Times"
	}
	e := k + 1
	if s.isClass(e, cDaypart) && s.toks[e].shape == sLower {
		e++ // "Friday night"
	}
	r := result{end: e, prec: Day, rel: true}
	switch p.rel {
	case rLast:
		r.date = onOrBefore(s.today().AddDate(0, 0, -1), wd)
		r.next = r.date
	case rNext:
		r.date = onOrAfter(s.today().AddDate(0, 0, 1), wd)
		r.next = r.date
	default:
		r.date = onOrBefore(s.today(), wd)
		r.next = onOrAfter(s.today(), wd)
	}
	return r, true
}

// notWeekdayAfter reports whether the word before token i shows that a
// weekday at i is not a date: "every Monday", "the first Tuesday", "Easter
// Sunday".
func (s *scanner) notWeekdayAfter(i int) bool {
	if i == 0 {
		return false
	}
	t := &s.toks[i-1]
	if t.kind != tWord {
		return false
	}
	switch t.cls {
	case cMisc:
		return t.id != xOf && t.id != xAnd && t.id != xTo && t.id != xCouple
	case cRel, cThe, cArticle:
		return true
	}
	return t.shape == sTitle && notBeforeWeekday[s.str(i-1)]
}

// mailOn reports whether the tokens before i are "Mail on" (prep is 0) or
// "Mail" (prep is the "on" at i).
func (s *scanner) mailOn(i int, prep uint8) bool {
	switch prep {
	case 0:
		return s.isWord(i-1, cPrep, pOn) && i >= 2 && s.str(i-2) == "Mail"
	case pOn:
		return i >= 1 && s.str(i-1) == "Mail"
	}
	return false
}

// notBeforeWeekday holds words that make a name of a following weekday.
var notBeforeWeekday = map[string]bool{
	"Ash": true, "Black": true, "Bloody": true, "Blue": true, "Cyber": true,
	"Easter": true, "Fat": true, "Giving": true, "Good": true, "Holy": true,
	"Low": true, "Maundy": true, "Mothering": true, "Palm": true,
	"Shrove": true, "Super": true, "Trinity": true, "Whit": true,
}

// notAfterWeekday holds words that make a name of a preceding weekday.
var notAfterWeekday = map[string]bool{
	"Express": true, "Herald": true, "Independent": true, "Mail": true,
	"Mirror": true, "Night": true, "Observer": true, "Post": true,
	"Sport": true, "Star": true, "Telegraph": true, "Times": true,
	"Tribune": true,
}

// month matches "March 20", "Mar. 20, 2023", "March 2019", "in March",
// "last March", "mid-March" with the month name at token k.
func (s *scanner) month(i, k int, p prefix) (result, bool) {
	m, j := s.monthAt(k)
	if p.the || m == 0 {
		return result{}, false
	}
	if m == time.May && p.empty() && s.isWord(k-1, cNone, 0) && s.toks[k-1].shape == sTitle {
		return result{}, false // "Theresa May"
	}
	if v, e, ok := s.monthDay(k); ok {
		if p.mod != 0 || p.rel != 0 || !dayPreps.has(p.prep) {
			return result{}, false
		}
		return s.calendar(v, e), true
	}
	if p.vague() || !periodPreps.has(p.prep) {
		return result{}, false
	}
	jy := j
	if s.isPunct(jy, ',') || s.isWord(jy, cMisc, xOf) {
		jy++
	}
	if y, e, ok := s.year(jy, true); ok {
		if p.rel != 0 {
			return result{}, false
		}
		return s.calendar(ymd{y: y, m: m}, e), true
	}
	if s.toks[k].flag {
		return result{}, false // "Jan" is a name
	}
	if p.empty() && !s.afterOfHead(i) {
		return result{}, false
	}
	r := result{end: j, prec: Month}
	switch p.rel {
	case rLast:
		r.rel = true
		y := s.refY
		if m >= s.refM {
			y--
		}
		r.date = date(y, m, 1)
		r.next = r.date
	case rNext:
		r.rel = true
		y := s.refY
		if m <= s.refM {
			y++
		}
		r.date = date(y, m, 1)
		r.next = r.date
	case rThis:
		r.rel = true
		r.date = date(s.refY, m, 1)
		r.next = r.date
	default:
		return s.calendar(ymd{m: m}, j), true
	}
	return r, true
}

// number matches an expression whose core is the number at token k:
// "2023-03-20", "20 March", "three days ago", "in 2016".
func (s *scanner) number(i, k int, p prefix) (result, bool) {
	if p.the || p.rel != 0 {
		return result{}, false
	}
	v, e, ok := s.iso(k)
	if !ok {
		v, e, ok = s.dayMonth(k)
	}
	if ok {
		if p.mod != 0 || !dayPreps.has(p.prep) {
			return result{}, false
		}
		return s.calendar(v, e), true
	}
	if p.empty() {
		if n, e, ok := s.num(k, false); ok && s.toks[k].ndig <= 4 && n > 0 {
			if r, ok := s.ago(e, n); ok {
				return r, true
			}
		}
	}
	y, e, ok := s.year(k, true)
	if !ok || p.vague() || !periodPreps.has(p.prep) {
		return result{}, false
	}
	if p.empty() && !s.afterOfHead(i) {
		return result{}, false
	}
	if p.prep == pBy && p.mod == 0 && s.isClass(i-1, cChange) {
		return result{}, false // "rose by 2000"
	}
	return s.calendar(ymd{y: y}, e), true
}

// yearRange matches the second year of "from 2010 to 2015", "between 2010
// and 2015" or "2010-2015", with the connecting word at token i; the
// expression is the year alone.
func (s *scanner) yearRange(i int) (result, bool) {
	t := &s.toks[i]
	switch {
	case t.kind == tWord && (t.cls == cMisc && (t.id == xTo || t.id == xAnd) ||
		t.cls == cPrep && (t.id == pUntil || t.id == pTill || t.id == pThrough)):
	case t.kind == tPunct && (s.isPunct(i, '-') || s.str(i) == "–" || s.str(i) == "—"):
	default:
		return result{}, false
	}
	y, e, ok := s.year(i+1, false)
	if !ok {
		return result{}, false
	}
	r := s.calendar(ymd{y: y}, e)
	r.start = i + 1
	return r, true
}

// deictic matches "today", "tonight", "yesterday morning", "until
// tomorrow" with the day word at token k.
func (s *scanner) deictic(i, k int, p prefix) (result, bool) {
	t := &s.toks[k]
	if p.the || p.rel != 0 || p.mod == mMid || !deicticPreps.has(p.prep) {
		return result{}, false
	}
	if p.empty() && t.shape != sLower && !s.sentenceStart(k) {
		return result{}, false // "USA Today"
	}
	e := k + 1
	if t.val != 0 && s.isClass(e, cDaypart) && s.toks[e].shape == sLower {
		e++ // "yesterday morning"
	}
	d := s.today().AddDate(0, 0, int(t.val))
	return result{end: e, date: d, next: d, prec: Day, rel: true}, true
}

// daypart matches "this morning", "last night" with the part of the day
// at token k.
func (s *scanner) daypart(i, k int, p prefix) (result, bool) {
	t := &s.toks[k]
	if p.the || p.mod == mMid || !deicticPreps.has(p.prep) {
		return result{}, false
	}
	off := 0
	switch {
	case p.rel == rThis:
	case p.rel == rLast && (t.id == dNight || t.id == dEvening):
		off = -1
	default:
		return result{}, false
	}
	d := s.today().AddDate(0, 0, off)
	return result{end: k + 1, date: d, next: d, prec: Day, rel: true}, true
}

// unit matches "last week", "earlier this month", "next year", "over the
// weekend" with the unit word at token k.
func (s *scanner) unit(i, k int, p prefix) (result, bool) {
	t := &s.toks[k]
	if t.flag || p.mod == mMid {
		return result{}, false
	}
	if s.isPunct(k+1, '-') && s.adj(k+1) && s.adj(k+2) && s.toks[k+2].kind == tWord {
		return result{}, false // "year-long", "weekend-long"
	}
	r := result{end: k + 1, rel: true}
	ref := s.today()
	switch t.id {
	case uWeekend:
		if !weekendPreps.has(p.prep) {
			return result{}, false
		}
		if p.empty() && s.isClass(i-1, cMisc) {
			id := s.toks[i-1].id
			if id != xOf && id != xAnd && id != xTo {
				return result{}, false // "every weekend"
			}
		}
		r.prec = Day
		sat := onOrBefore(ref, time.Saturday)
		switch p.rel {
		case rLast:
			if wd := ref.Weekday(); wd == time.Saturday || wd == time.Sunday {
				sat = sat.AddDate(0, 0, -7)
			}
			r.date, r.next = sat, sat
		case rNext:
			sat = onOrAfter(ref.AddDate(0, 0, 1), time.Saturday)
			r.date, r.next = sat, sat
		default:
			r.date = sat
			if ref.Weekday() == time.Sunday {
				r.next = sat
			} else {
				r.next = onOrAfter(ref, time.Saturday)
			}
		}
		return r, true
	case uWeek, uMonth, uYear:
	default:
		return result{}, false
	}
	if p.the || p.rel == 0 || !unitPreps.has(p.prep) {
		return result{}, false
	}
	n := 0
	switch p.rel {
	case rLast:
		n = -1
	case rNext:
		n = 1
	}
	switch t.id {
	case uWeek:
		r.prec = Week
		r.date = monday(ref).AddDate(0, 0, 7*n)
	case uMonth:
		r.prec = Month
		r.date = date(ref.Year(), ref.Month()+time.Month(n), 1)
	default:
		r.prec = Year
		r.date = date(ref.Year()+n, 1, 1)
	}
	r.next = r.date
	return r, true
}

// agoWords matches "a year ago", "two weeks ago", "twenty-five years ago",
// "a couple of days ago" with the number word or article at token k.
func (s *scanner) agoWords(k int) (result, bool) {
	t := &s.toks[k]
	n, j := int(t.val), k+1
	if t.cls == cArticle {
		n = 1
		if s.isWord(j, cMisc, xCouple) && s.isWord(j+1, cMisc, xOf) {
			n, j = 2, j+2
		}
	} else if n >= 20 && n%10 == 0 && s.isPunct(j, '-') && s.adj(j) && s.adj(j+1) &&
		s.isClass(j+1, cNumWord) && s.toks[j+1].val < 10 {
		n, j = n+int(s.toks[j+1].val), j+2
	}
	return s.ago(j, n)
}

// ago matches the "days ago" of "n days ago" with the unit at token j.
func (s *scanner) ago(j, n int) (result, bool) {
	if !s.isClass(j, cUnit) || !s.isClass(j+1, cAgo) {
		return result{}, false
	}
	ref := s.today()
	r := result{end: j + 2, rel: true}
	switch s.toks[j].id {
	case uDay:
		r.prec, r.date = Day, ref.AddDate(0, 0, -n)
	case uWeek:
		r.prec, r.date = Week, monday(ref.AddDate(0, 0, -7*n))
	case uMonth:
		r.prec, r.date = Month, date(ref.Year(), ref.Month()-time.Month(n), 1)
	case uYear:
		r.prec, r.date = Year, date(ref.Year()-n, 1, 1)
	case uDecade:
		r.prec, r.date = Year, date(ref.Year()-10*n, 1, 1)
	case uCentury:
		r.prec, r.date = Year, date(ref.Year()-100*n, 1, 1)
	default:
		return result{}, false
	}
	r.next = r.date
	return r, true
}

// ymd is a calendar date; y is 0 when the text names no year and d is 0
// for a month or a year.
type ymd struct {
	y int
	m time.Month
	d int
}

// fullDate matches a month-day or day-month date at token j.
func (s *scanner) fullDate(j int) (ymd, int, bool) {
	if s.isClass(j, cMonth) {
		return s.monthDay(j)
	}
	if j < len(s.toks) && s.toks[j].kind == tNum && s.toks[j].ndig <= 2 {
		return s.dayMonth(j)
	}
	return ymd{}, 0, false
}

// monthDay matches "March 20", "Mar. 20th, 2023", "March 20 2023" at token k.
func (s *scanner) monthDay(k int) (ymd, int, bool) {
	m, j := s.monthAt(k)
	if m == 0 {
		return ymd{}, 0, false
	}
	d, e, ok := s.day(j)
	if !ok {
		return ymd{}, 0, false
	}
	v := ymd{m: m, d: d}
	v.y, e = s.optYear(e)
	return v, e, validDay(v)
}

// dayMonth matches "20 March", "20th of March 2023", "8 June, 2018" at
// token k.
func (s *scanner) dayMonth(k int) (ymd, int, bool) {
	d, j, ok := s.day(k)
	if !ok {
		return ymd{}, 0, false
	}
	if s.isWord(j, cMisc, xOf) {
		j++
	}
	m, e := s.monthAt(j)
	if m == 0 {
		return ymd{}, 0, false
	}
	v := ymd{m: m, d: d}
	v.y, e = s.optYear(e)
	return v, e, validDay(v)
}

// iso matches "2023-03-20" or "2023/03/20" at token k.
func (s *scanner) iso(k int) (ymd, int, bool) {
	if k+4 >= len(s.toks) || s.toks[k].ndig != 4 || s.toks[k].val < 1000 || !s.cleanBefore(k) {
		return ymd{}, 0, false
	}
	sep := s.text[s.toks[k+1].start]
	if sep != '-' && sep != '/' || !s.isPunct(k+1, sep) || !s.isPunct(k+3, sep) {
		return ymd{}, 0, false
	}
	for j := k + 1; j <= k+4; j++ {
		if !s.adj(j) {
			return ymd{}, 0, false
		}
	}
	mt, dt := &s.toks[k+2], &s.toks[k+4]
	if mt.kind != tNum || dt.kind != tNum || mt.ndig > 2 || dt.ndig > 2 ||
		mt.val < 1 || mt.val > 12 || dt.val < 1 {
		return ymd{}, 0, false
	}
	if s.adj(k+5) && s.toks[k+5].kind != tPunct && s.str(k+5) != "T" {
		return ymd{}, 0, false // but "2023-03-20T10:00Z"
	}
	v := ymd{y: int(s.toks[k].val), m: time.Month(mt.val), d: int(dt.val)}
	return v, k + 5, validDay(v)
}

// monthAt returns the month named at token k and the index after it and
// the full stop of an abbreviation, or 0.
func (s *scanner) monthAt(k int) (time.Month, int) {
	if !s.isClass(k, cMonth) {
		return 0, k
	}
	t := &s.toks[k]
	j := k + 1
	if t.flag && s.isPunct(j, '.') && s.adj(j) {
		j++
	}
	return time.Month(t.val), j
}

// day returns the day of the month at token k, with an ordinal suffix,
// and the index after it.
func (s *scanner) day(k int) (int, int, bool) {
	d, e, ok := s.num(k, true)
	if !ok || s.toks[k].ndig > 2 || d < 1 || d > 31 {
		return 0, 0, false
	}
	return d, e, true
}

// optYear returns the year at token k, after an optional comma, and the
// index after it, or 0 and k.
func (s *scanner) optYear(k int) (int, int) {
	j := k
	if s.isPunct(j, ',') {
		j++
	}
	if y, e, ok := s.year(j, true); ok {
		return y, e
	}
	return 0, k
}

// year returns the year at token k and the index after it. The number
// must have four digits and not be a count ("2000 people"). With
// checkBefore, it must not be glued to what comes before it.
func (s *scanner) year(k int, checkBefore bool) (int, int, bool) {
	if k >= len(s.toks) || s.toks[k].ndig != 4 || checkBefore && !s.cleanBefore(k) {
		return 0, 0, false
	}
	y, e, ok := s.numAfter(k, false)
	if !ok || y < 1000 || y > 2999 || s.countAfter(e) {
		return 0, 0, false
	}
	return y, e, true
}

// num returns the value of the number at token k and the index after it
// and its ordinal suffix ("20th") if ordinal is set. The number must stand
// alone: not part of "9.7", "1,000", "$5", "10:30", "5%" or "A380".
func (s *scanner) num(k int, ordinal bool) (int, int, bool) {
	if k >= len(s.toks) || !s.cleanBefore(k) {
		return 0, 0, false
	}
	return s.numAfter(k, ordinal)
}

// cleanBefore reports whether the number at token k is not glued to the
// token before it.
func (s *scanner) cleanBefore(k int) bool {
	if k >= len(s.toks) || s.toks[k].kind != tNum {
		return false
	}
	if !s.adj(k) {
		return true
	}
	p := &s.toks[k-1]
	if p.kind != tPunct {
		return false
	}
	switch s.text[p.start:p.end] {
	case "(", "[", "\"", "'", "“", "‘", "’", "—", "–":
		return true
	case "-":
		return s.adj(k-1) && s.toks[k-2].kind == tWord // "mid-2016"
	}
	return false
}

// numAfter is num without the check of what comes before.
func (s *scanner) numAfter(k int, ordinal bool) (int, int, bool) {
	t := &s.toks[k]
	if t.kind != tNum || t.ndig > 9 {
		return 0, 0, false
	}
	e := k + 1
	if !s.adj(e) {
		return int(t.val), e, true
	}
	n := &s.toks[e]
	switch n.kind {
	case tWord:
		if !ordinal || n.cls != cOrdinal || n.shape != sLower {
			return 0, 0, false
		}
		if s.adj(e+1) && s.toks[e+1].kind != tPunct {
			return 0, 0, false
		}
		return int(t.val), e + 1, true
	case tPunct:
		switch s.text[n.start] {
		case '%':
			return 0, 0, false
		case '.', ',', ':', '/':
			if s.adj(e+1) && s.toks[e+1].kind == tNum {
				return 0, 0, false
			}
		}
	}
	return int(t.val), e, true
}

// countAfter reports whether the word at token k shows that the number
// before it is a count: "2000 people", "1500 soldiers".
func (s *scanner) countAfter(k int) bool {
	if k >= len(s.toks) {
		return false
	}
	t := &s.toks[k]
	if t.kind != tWord || t.shape != sLower || s.adj(k) {
		return false
	}
	w := s.text[t.start:t.end]
	if countWords[w] {
		return true
	}
	return len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's' && !notPlural[w]
}

// countWords holds nouns counted in numbers that are not plurals in -s.
var countWords = map[string]bool{
	"people": true, "men": true, "women": true, "children": true,
	"police": true, "personnel": true, "staff": true, "feet": true,
	"cattle": true, "sheep": true, "fish": true, "km": true, "kg": true,
}

// notPlural holds words in -s that may follow a year.
var notPlural = map[string]bool{
	"this": true, "thus": true, "plus": true, "always": true, "perhaps": true,
	"whereas": true, "besides": true, "remains": true, "says": true,
	"seems": true, "marks": true, "means": true, "becomes": true,
}

// calendar returns the result for the calendar date v ending before token e.
func (s *scanner) calendar(v ymd, e int) result {
	r := result{end: e, prec: Day}
	switch {
	case v.d == 0 && v.m == 0:
		r.prec = Year
		r.date = date(v.y, 1, 1)
		r.next = r.date
	case v.d == 0:
		r.prec = Month
		if v.y != 0 {
			r.date = date(v.y, v.m, 1)
			r.next = r.date
		} else {
			r.noYear = true
			r.date, r.next = nearest(date(s.refY, v.m, 1), date(s.refY, s.refM, 1))
		}
	case v.y != 0:
		r.date = date(v.y, v.m, v.d)
		r.next = r.date
	default:
		r.noYear = true
		r.date, r.next = nearest(date(s.refY, v.m, v.d), s.today())
	}
	return r
}

// nearest returns the dates, one a year before or after c if need be, on
// or before ref and on or after ref, unless they are more than ten months
// away from ref, when it returns c.
func nearest(c, ref time.Time) (past, future time.Time) {
	past, future = c, c
	if c.After(ref) {
		if p := c.AddDate(-1, 0, 0); !p.Before(ref.AddDate(0, -10, 0)) {
			past = p
		}
	}
	if c.Before(ref) {
		if n := c.AddDate(1, 0, 0); !n.After(ref.AddDate(0, 10, 0)) {
			future = n
		}
	}
	return past, future
}

// date returns the date at midnight UTC.
func date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// validDay reports whether v's day exists in its month (in a leap year if
// v has no year).
func validDay(v ymd) bool {
	y := v.y
	if y == 0 {
		y = 2000
	}
	return v.d <= time.Date(y, v.m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// onOrBefore returns the last day on or before d that is a wd.
func onOrBefore(d time.Time, wd time.Weekday) time.Time {
	return d.AddDate(0, 0, -((int(d.Weekday()) - int(wd) + 7) % 7))
}

// onOrAfter returns the first day on or after d that is a wd.
func onOrAfter(d time.Time, wd time.Weekday) time.Time {
	return d.AddDate(0, 0, (int(wd)-int(d.Weekday())+7)%7)
}

// monday returns the Monday of d's week.
func monday(d time.Time) time.Time {
	return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
}

// afterOfHead reports whether tokens before i are "end of", "summer of"
// and the like.
func (s *scanner) afterOfHead(i int) bool {
	return s.isWord(i-1, cMisc, xOf) && s.isClass(i-2, cOfHead)
}

// sentenceStart reports whether token k starts a sentence, a quotation or
// a line.
func (s *scanner) sentenceStart(k int) bool {
	if k == 0 {
		return true
	}
	p := &s.toks[k-1]
	for _, c := range s.text[p.end:s.toks[k].start] {
		if c == '\n' {
			return true
		}
	}
	if p.kind != tPunct {
		return false
	}
	switch s.text[p.start:p.end] {
	case ".", "!", "?", ":", ";", "\"", "'", "(", "[", "“", "‘", "—", "–", "-":
		return true
	}
	return false
}

// adj reports whether token k follows token k-1 with no space between.
func (s *scanner) adj(k int) bool {
	return k > 0 && k < len(s.toks) && s.toks[k].start == s.toks[k-1].end
}

func (s *scanner) isClass(k int, cls uint8) bool {
	return k >= 0 && k < len(s.toks) && s.toks[k].kind == tWord && s.toks[k].cls == cls
}

func (s *scanner) isWord(k int, cls, id uint8) bool {
	return s.isClass(k, cls) && s.toks[k].id == id
}

func (s *scanner) isPunct(k int, c byte) bool {
	return k >= 0 && k < len(s.toks) && s.toks[k].kind == tPunct && s.text[s.toks[k].start] == c
}

func (s *scanner) str(k int) string {
	return s.text[s.toks[k].start:s.toks[k].end]
}
