package quote

import (
	"unicode"
	"unicode/utf8"
)

// qspan is one quotation: the words between a pair of quotation marks, in
// one part or several (a quotation that runs over paragraphs, or one
// interrupted by its attribution).
type qspan struct {
	// parts are the token ranges [lo, hi) of the quoted words.
	parts [][2]int
	// open and close are the tokens of the first opening mark and of the
	// last closing mark; close is -1 for a quotation left open.
	open, close int
	// words is the number of words quoted.
	words int
	// alias is the quotation that this one was joined to, or -1; -2
	// marks a pair of marks with nothing between them.
	alias int

	// What the attribution found.
	spk        speaker
	attributed bool // a speech verb, "according to" or a colon gave spk
	attrEnd    int  // last token of the attribution after the quotation, or -1
	swallowed  bool // part of a reported statement
	lead       bool // a speech verb introduces it: `said "..."`
}

// Classes of quotation marks.
const (
	markNone = iota
	markOpen
	markClose
)

// quoteRune reports whether r is a double quotation mark.
func quoteRune(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '‟':
		return true
	}
	return false
}

// isMarkTok reports whether token i is a double quotation mark.
func (w *work) isMarkTok(i int) bool {
	t := w.toks[i]
	if t.End-t.Start > 3 || t.End <= t.Start {
		return false
	}
	r, n := utf8.DecodeRuneInString(w.text[t.Start:t.End])
	return n == t.End-t.Start && quoteRune(r)
}

// spaceBefore reports whether the text before byte i opens a word: the
// start of the text, a space, or an opening bracket or dash.
func spaceBefore(s string, i int) bool {
	if i <= 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	switch r {
	case '(', '[', '{', '—', '–', '-', '/':
		return true
	}
	return unicode.IsSpace(r)
}

// spaceAfter reports whether the text at byte i closes a word: the end of
// the text, a space, or punctuation.
func spaceAfter(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	switch r {
	case '.', ',', ';', ':', '!', '?', ')', ']', '}', '—', '–', '-', '/', '…':
		return true
	}
	return unicode.IsSpace(r) || quoteRune(r)
}

// classify says whether the quotation mark at token i opens or closes a
// quotation, from the mark itself and the text around it; open says
// whether a quotation is open, which decides for a straight mark that the
// text around leaves ambiguous.
func (w *work) classify(i int, open bool) int {
	t := w.toks[i]
	r, _ := utf8.DecodeRuneInString(w.text[t.Start:t.End])
	before, after := spaceBefore(w.text, t.Start), spaceAfter(w.text, t.End)
	left := before && !after  // flanks the word after it: opens
	right := after && !before // flanks the word before it: closes
	switch r {
	case '“', '„', '«', '‟':
		if right {
			return markClose
		}
		return markOpen
	case '”', '»':
		if left {
			return markOpen
		}
		return markClose
	}
	switch {
	case left:
		return markOpen
	case right:
		return markClose
	case open:
		return markClose
	}
	return markOpen
}

// findQuotes pairs the quotation marks of the article into w.quotes and
// fills w.inq and w.markq. A quotation left open at the end of a paragraph
// goes on into the next one when that paragraph starts with an opening
// mark (the convention for a quotation of several paragraphs) or when its
// first mark closes (a paragraph broken inside a quotation); otherwise it
// ends with its paragraph, and with the sentence it opened in. A second
// opening mark inside an open quotation starts a new part of it.
func (w *work) findQuotes() {
	cur := -1    // the open quotation, or -1
	partLo := 0  // first token of its current part
	curPara := 0 // its paragraph
	for i := range w.toks {
		if !w.isMarkTok(i) {
			continue
		}
		p := w.tokPara(i)
		if cur >= 0 && p != curPara {
			q := &w.quotes[cur]
			q.addPart(partLo, w.paraEnd(curPara))
			next := p == curPara+1
			switch {
			case next && i == w.paraStart(p) && w.classify(i, false) == markOpen:
				partLo, curPara = i+1, p
				w.markq[i] = int32(cur)
				continue
			case next && w.classify(i, true) == markClose:
				q.addPart(w.paraStart(p), i)
				q.close = i
				w.markq[i] = int32(cur)
				cur = -1
				continue
			}
			cur = -1
		}
		if cur < 0 {
			if w.classify(i, false) == markOpen {
				w.quotes = append(w.quotes, qspan{open: i, close: -1, alias: -1, attrEnd: -1})
				cur = len(w.quotes) - 1
				partLo, curPara = i+1, p
				w.markq[i] = int32(cur)
			}
			continue
		}
		q := &w.quotes[cur]
		q.addPart(partLo, i)
		w.markq[i] = int32(cur)
		if w.classify(i, true) == markClose {
			q.close = i
			cur = -1
		} else {
			partLo = i + 1
		}
	}
	if cur >= 0 {
		w.quotes[cur].addPart(partLo, w.paraEnd(curPara))
	}
	for qi := range w.quotes {
		q := &w.quotes[qi]
		if len(q.parts) == 0 {
			// `""`: no quotation; its marks are left alone.
			q.alias = -2
			w.markq[q.open] = -1
			if q.close >= 0 {
				w.markq[q.close] = -1
			}
			continue
		}
		if q.close < 0 && len(q.parts) > 0 {
			// A quotation never closed: most likely a stray mark, so it
			// runs to the end of the sentence it opens in, no further.
			pt := &q.parts[len(q.parts)-1]
			if end := w.sentLo[w.toks[pt[0]].Sentence+1]; pt[1] > end {
				pt[1] = end
			}
		}
		for _, pt := range q.parts {
			for k := pt[0]; k < pt[1]; k++ {
				w.inq[k] = int32(qi)
				if w.isWord(k) {
					q.words++
				}
			}
		}
	}
}

// addPart adds the tokens [lo, hi) to the quotation, when there are any.
func (q *qspan) addPart(lo, hi int) {
	if hi > lo {
		q.parts = append(q.parts, [2]int{lo, hi})
	}
}

// first and last return the first and last quoted tokens.
func (q *qspan) first() int { return q.parts[0][0] }
func (q *qspan) last() int  { return q.parts[len(q.parts)-1][1] - 1 }

// quoteOf returns the quotation that token i is a mark or a word of, after
// joins, or -1.
func (w *work) quoteOf(i int) int {
	if i < 0 || i >= len(w.toks) {
		return -1
	}
	q := int(w.markq[i])
	if q < 0 {
		q = int(w.inq[i])
	}
	for q >= 0 && w.quotes[q].alias >= 0 {
		q = w.quotes[q].alias
	}
	if q >= 0 && len(w.quotes[q].parts) == 0 {
		return -1
	}
	return q
}

// isOpenMark and isCloseMark report whether token i is the opening or
// closing mark of a quotation with words.
func (w *work) isOpenMark(i int) bool {
	if i < 0 || i >= len(w.toks) || w.markq[i] < 0 {
		return false
	}
	for _, pt := range w.quotes[w.markq[i]].parts {
		if pt[0] == i+1 {
			return true
		}
	}
	return false
}

func (w *work) isCloseMark(i int) bool {
	if i < 0 || i >= len(w.toks) || w.markq[i] < 0 {
		return false
	}
	q := &w.quotes[w.markq[i]]
	return len(q.parts) > 0 && q.close == i
}
