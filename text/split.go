// Package text is dyad's text stage: it splits an article's paragraphs into
// sentences with hand-written rules for English news copy.
//
// The splitter knows the abbreviations of news writing (titles, months,
// companies, "No. 5", "U.S.", initials), decimals and times, quotations that
// close after the full stop, ellipses, headlines and list items, and it
// works on byte offsets of UTF-8 text. It never looks past the paragraph it
// is given.
//
// Whitespace here means a rune for which unicode.IsSpace is true, and also
// the zero-width space, the word joiner and the byte order mark.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad/doc"
)

// Split returns the sentences of s as byte spans of s, in order, trimmed of
// surrounding whitespace, never empty, never overlapping, covering every
// non-space character of s.
//
// A sentence ends at a full stop, question mark, exclamation mark or
// ellipsis (with any closing quotes and brackets after it) when the next
// word starts a new sentence, at a blank line, and at a line break after a
// short Title-Cased line without a full stop (a heading) or before a list
// item. A single line break is otherwise a space.
func Split(s string) []doc.Span {
	return appendSentences(nil, s, 0, len(s))
}

// appendSentences appends the sentences of s[lo:hi] to dst as spans of s.
// It reads nothing of s outside s[lo:hi].
func appendSentences(dst []doc.Span, s string, lo, hi int) []doc.Span {
	sc := scanner{t: s[lo:hi], base: lo, out: dst, start: -1}
	sc.lineStart, _ = skipSpace(sc.t, 0)
	sc.run()
	return sc.out
}

// scanner holds the state of one call of Split over the text t.
type scanner struct {
	t    string
	base int // offset of t in the caller's string
	out  []doc.Span

	start     int // start of the current sentence, or -1 between sentences
	last      int // end of the last non-space rune of the current sentence
	lineStart int // start of the first non-space rune of the current line
	wrapped   int // 1 if t is hard-wrapped, -1 if not, 0 before it is known
}

// run splits sc.t, appending the sentences to sc.out.
func (sc *scanner) run() {
	t := sc.t
	for i := 0; i < len(t); {
		c := t[i]
		if asciiPlain[c] {
			// The common case: a run of ASCII that is neither space nor
			// punctuation that may end a sentence.
			if sc.start < 0 {
				sc.start = i
			}
			for i++; i < len(t) && asciiPlain[t[i]]; i++ {
			}
			sc.last = i
			continue
		}
		if c == '\n' {
			i = sc.lineBreak(i)
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(t[i:])
		}
		if isSpace(r) {
			i += size
			continue
		}
		if sc.start < 0 {
			sc.start = i
		}
		if isTerminal(r) {
			end, split := sc.boundary(i)
			sc.last = end
			if split {
				sc.last = sc.credit(end)
				sc.emit()
			}
			i = sc.last
			continue
		}
		i += size
		sc.last = i
	}
	if sc.start >= 0 {
		sc.emit()
	}
}

// asciiPlain marks the ASCII bytes that are neither whitespace nor
// sentence-ending punctuation.
var asciiPlain = func() (m [256]bool) {
	for c := range utf8.RuneSelf {
		m[c] = !isSpace(rune(c)) && !isTerminal(rune(c))
	}
	return m
}()

// emit ends the current sentence at sc.last.
func (sc *scanner) emit() {
	if sc.last > sc.start {
		sc.out = append(sc.out, doc.Span{Start: sc.base + sc.start, End: sc.base + sc.last})
	}
	sc.start = -1
}

// lineBreak handles the line break at t[i] and the whitespace after it, and
// returns the index of the next non-space rune (or len(t)).
func (sc *scanner) lineBreak(i int) int {
	t := sc.t
	j, breaks := skipSpace(t, i+1)
	if sc.start >= 0 && (breaks > 0 || j == len(t) || sc.lineEnds(j)) {
		sc.emit()
	}
	sc.lineStart = j
	return j
}

// lineEnds reports whether the line break before t[next] ends the current
// sentence although no punctuation does: before a list item (see isItem),
// and after a list item or a line that looks like a heading when the
// sentence began with the line and the next line starts with a capital.
// In hard-wrapped text, where a line is cut wherever the width runs out,
// only a list item after a list item or after a line ending in ":", ";",
// "," or "." counts.
func (sc *scanner) lineEnds(next int) bool {
	rest := sc.t[next:]
	atLine := sc.start == sc.lineStart
	line := sc.t[max(sc.start, sc.lineStart):sc.last]
	if isItem(rest, atLine && bulletLen(line) > 0) {
		if !sc.hardWrapped() {
			return true
		}
		return atLine && bulletLen(line) > 0 || strings.ContainsAny(line[len(line)-1:], ":;,.")
	}
	if !atLine || !startsUpper(rest) || sc.hardWrapped() {
		return false
	}
	return bulletLen(line) > 0 || isHeading(line)
}

// hardWrapped reports whether the text looks hard-wrapped, computing it
// the first time it is asked. In hard-wrapped text a Title-Cased line is
// more often the start of a sentence that was cut short (by a dateline
// taken away, say) than a heading, and headings stand between blank lines.
func (sc *scanner) hardWrapped() bool {
	if sc.wrapped == 0 {
		sc.wrapped = -1
		if hardWrapped(sc.t) {
			sc.wrapped = 1
		}
	}
	return sc.wrapped > 0
}

// hardWrapped reports whether t looks hard-wrapped, as old wire copy is:
// no line is longer than 120 bytes, and some line runs on into the next,
// which starts with a lowercase letter, or ends in a word like "of" or
// "the".
func hardWrapped(t string) bool {
	const maxWidth = 120
	runOn := false
	for len(t) > 0 {
		line, rest, found := strings.Cut(t, "\n")
		line = strings.TrimFunc(line, isSpace)
		if len(line) > maxWidth {
			return false
		}
		if found && line != "" && !runOn {
			next := strings.TrimLeftFunc(rest, isSpace)
			r, _ := utf8.DecodeRuneInString(next)
			last := line[strings.LastIndexFunc(line, isSpace)+1:]
			runOn = unicode.IsLower(r) || smalls[last]
		}
		t = rest
	}
	return runOn
}

// boundary decides whether the run of sentence-ending punctuation at t[i]
// ends the sentence. It returns the end of the run, closing quotes and
// brackets included, and whether the sentence ends there.
func (sc *scanner) boundary(i int) (end int, split bool) {
	t := sc.t
	j := i
	dots := 0
	var ellipsis, question, wide bool
scan:
	for j < len(t) {
		r, size := decode(t, j)
		switch r {
		case '.':
			dots++
		case '…':
			ellipsis = true
		case '?', '!', '‽':
			question = true
		case '。', '｡', '？', '！':
			wide = true
		default:
			break scan
		}
		j += size
	}
	var closed bool
	for j < len(t) {
		r, size := decode(t, j)
		if !isCloser(r) {
			break
		}
		closed = true
		j += size
	}
	if j == len(t) || wide {
		return j, true
	}
	if r, _ := decode(t, j); !isSpace(r) {
		return j, sc.glued(i, j, dots, question || ellipsis || dots >= 3)
	}
	k, breaks := skipSpace(t, j)
	if k == len(t) || breaks >= 2 {
		return j, true
	}
	next := nextWord(t[k:])
	switch {
	case next.terminal:
		// "said . . . and": let the last of the dots decide.
		return j, false
	case question:
		return j, next.class != lower
	case ellipsis || dots >= 3:
		return j, next.class == upper
	case next.class == lower:
		return j, false
	case closed:
		return j, true
	}
	w := prevWord(t, sc.start, i)
	switch abbrev(w) {
	case prefix:
		return j, false
	case flexible:
		return j, next.class == upper && !next.initial && (starters[next.word] || next.quoted)
	}
	if sc.isListMarker(w, i) {
		return j, false
	}
	return j, true
}

// isListMarker reports whether w, ending at t[i], is a number like the "2"
// of "2. The second point" that starts the sentence.
func (sc *scanner) isListMarker(w string, i int) bool {
	if i-len(w) != sc.start || len(w) == 0 || len(w) > 2 {
		return false
	}
	for k := 0; k < len(w); k++ {
		if w[k] < '0' || w[k] > '9' {
			return false
		}
	}
	return true
}

// glued decides a boundary where no space follows the punctuation run
// t[i:j], as in "Iran.The video", which scraped text has where paragraphs
// were joined. It splits only after a lowercase plain word of two or more
// letters and before a capitalised word, so "U.S.", "St.Petersburg",
// "Kremlin.ru", "1.2.3" and "ASP.NET" stay whole.
func (sc *scanner) glued(i, j, dots int, other bool) bool {
	t := sc.t
	r, size := decode(t, j)
	if !unicode.IsUpper(r) || j+size >= len(t) {
		return false
	}
	if r2, _ := decode(t, j+size); !unicode.IsLower(r2) {
		return false
	}
	if dots > 1 && !other {
		return false
	}
	w := prevWord(t, sc.start, i)
	if last, _ := utf8.DecodeLastRuneInString(w); !unicode.IsLower(last) {
		return false
	}
	n := 0
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
		n++
	}
	return n >= 2 && abbrev(w) == plain
}

// credit returns the end of what follows the sentence ending at t[j] and
// belongs to it, or j when nothing does. That is closing quotes set off by
// a space at the end of a line, or a parenthetical credit such as
// "(Xinhua/Shen Hong)" or "(Reuters)" on the same line or the next that
// holds no sentence of its own and is followed by the end of the text, a
// line break or a capitalised word.
func (sc *scanner) credit(j int) int {
	t := sc.t
	k, breaks := skipSpace(t, j)
	if k >= len(t) || breaks > 1 {
		return j
	}
	if breaks == 0 {
		// A closing quote set off by a space: `that. ”` or `'Wow.' "`.
		e := k
		for e < len(t) {
			r, size := decode(t, e)
			if !isCloser(r) {
				break
			}
			e += size
		}
		if e > k {
			if n, breaks := skipSpace(t, e); n == len(t) || breaks > 0 {
				return e
			}
			return j
		}
	}
	if t[k] != '(' {
		return j
	}
	const maxCredit = 120
	e := k + 1
	for ; e < len(t) && t[e] != ')'; e++ {
		switch t[e] {
		case '\n', '(', '.', '?', '!', '"':
			return j
		}
		if e-k > maxCredit {
			return j
		}
	}
	if e >= len(t) || e == k+1 {
		return j
	}
	e++ // past ')'
	if e == len(t) {
		return e
	}
	r, _ := decode(t, e)
	if !isSpace(r) {
		return j
	}
	n, breaks := skipSpace(t, e)
	if n == len(t) || breaks > 0 || startsUpper(t[n:]) {
		return e
	}
	return j
}

// wordClass is the kind of the first letter or digit of a word.
type wordClass uint8

const (
	other wordClass = iota
	lower
	upper
	digit
)

// word describes the word after a possible sentence boundary.
type word struct {
	class    wordClass
	word     string // its leading run of letters
	quoted   bool   // an opening quotation mark stands before it
	initial  bool   // a single letter and a full stop, as in "A. Smith"
	terminal bool   // it starts with sentence-ending punctuation
}

// nextWord describes the word at the start of s.
func nextWord(s string) word {
	var w word
	i := 0
	for i < len(s) {
		r, size := decode(s, i)
		if isOpenQuote(r) {
			w.quoted = true
		} else if !isOpener(r) {
			break
		}
		i += size
	}
	if i >= len(s) {
		return w
	}
	r, size := decode(s, i)
	switch {
	case unicode.IsLower(r):
		w.class = lower
	case unicode.IsUpper(r) || unicode.IsTitle(r):
		w.class = upper
	case unicode.IsDigit(r):
		w.class = digit
	default:
		w.terminal = isTerminal(r)
		return w
	}
	e := i + size
	for e < len(s) {
		r, size := decode(s, e)
		if !unicode.IsLetter(r) {
			break
		}
		e += size
	}
	w.word = s[i:e]
	w.initial = e == i+size && e < len(s) && s[e] == '.'
	return w
}

// prevWord returns the word that ends at t[i], from the space before it
// (but not before t[start]), without leading quotes and brackets.
func prevWord(t string, start, i int) string {
	k := i
	for k > start {
		r, size := utf8.DecodeLastRuneInString(t[:k])
		if isSpace(r) {
			break
		}
		k -= size
	}
	for k < i {
		r, size := decode(t, k)
		if !isOpenQuote(r) && !isOpener(r) {
			break
		}
		k += size
	}
	return t[k:i]
}

// abbrev returns how the word w behaves before a full stop.
func abbrev(w string) abbrevKind {
	if w == "" {
		return plain
	}
	if k, ok := abbrevs[w]; ok {
		return k
	}
	if isInitials(w) {
		return flexible
	}
	return plain
}

// isInitials reports whether w is a capital initial ("F" of "John F.
// Kennedy") or letters joined by full stops in groups of at most two
// ("U.S", "U.S.S.R", "J.K", "a.m", "Ph.D").
func isInitials(w string) bool {
	r, size := decode(w, 0)
	if size == len(w) {
		return unicode.IsUpper(r)
	}
	parts, n := 1, 0
	for _, r := range w {
		switch {
		case r == '.':
			if n == 0 {
				return false
			}
			parts++
			n = 0
		case unicode.IsLetter(r):
			n++
			if n > 2 {
				return false
			}
		default:
			return false
		}
	}
	return parts >= 2 && n > 0
}

// isHeading reports whether line, which has no line break and no
// surrounding space, looks like a headline or a heading: short,
// Title-Cased and not ending in punctuation.
func isHeading(line string) bool {
	const maxBytes, maxWords = 100, 12
	if len(line) > maxBytes {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(line); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return false
	}
	for len(line) > 0 && line[0] == '#' {
		line = line[1:]
	}
	n := 0
	lastSmall := false
	for f := range fieldsSeq(line) {
		n++
		if n > maxWords {
			return false
		}
		lastSmall = smalls[strings.ToLower(trimPunct(f))]
		i := 0
		for i < len(f) {
			r, size := decode(f, i)
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				break
			}
			i += size
		}
		if i == len(f) {
			continue
		}
		r, _ := decode(f, i)
		switch {
		case unicode.IsUpper(r) || unicode.IsTitle(r) || unicode.IsDigit(r):
		case unicode.IsLower(r) && n > 1 && smalls[trimPunct(f)]:
		default:
			return false
		}
	}
	return n > 0 && !lastSmall
}

// fieldsSeq yields the space-separated fields of s.
func fieldsSeq(s string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		i := 0
		for i < len(s) {
			for i < len(s) {
				r, size := decode(s, i)
				if !isSpace(r) {
					break
				}
				i += size
			}
			j := i
			for j < len(s) {
				r, size := decode(s, j)
				if isSpace(r) {
					break
				}
				j += size
			}
			if j > i && !yield(s[i:j]) {
				return
			}
			i = j
		}
	}
}

// trimPunct returns w without the ASCII punctuation around it.
func trimPunct(w string) string {
	i, j := 0, len(w)
	for i < j && isASCIIPunct(w[i]) {
		i++
	}
	for j > i && isASCIIPunct(w[j-1]) {
		j--
	}
	return w[i:j]
}

func isASCIIPunct(c byte) bool {
	return c < utf8.RuneSelf && (unicode.IsPunct(rune(c)) || unicode.IsSymbol(rune(c)))
}

// bulletLen returns the length of the list-item marker at the start of s
// ("• ", "- ", "* ", "1. ", "2) "), or 0 when s does not start with one.
// Only the first space after the marker is counted.
func bulletLen(s string) int {
	r, size := decode(s, 0)
	switch r {
	case '•', '·', '▪', '●', '◦', '‣', '∙', '*':
		if size < len(s) && (s[size] == ' ' || s[size] == '\t') {
			return size + 1
		}
		return 0
	case '-', '–', '—':
		// A dash before a lowercase word is punctuation, not a marker:
		// "funds\n- mainly from the government -".
		if size < len(s) && (s[size] == ' ' || s[size] == '\t') && nextWord(s[size+1:]).class != lower {
			return size + 1
		}
		return 0
	}
	n := 0
	for n < len(s) && n < 3 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 0 || n > 2 || n+1 >= len(s) {
		return 0
	}
	if (s[n] == '.' || s[n] == ')') && (s[n+1] == ' ' || s[n+1] == '\t') {
		return n + 2
	}
	return 0
}

// isItem reports whether the line s starts a list item. A numbered item
// other than "1." must follow another item (afterItem), so that "in
// March\n13. The" is not taken for one.
func isItem(s string, afterItem bool) bool {
	n := bulletLen(s)
	if n == 0 {
		return false
	}
	if s[0] < '0' || s[0] > '9' || afterItem {
		return true
	}
	return n == 3 && s[0] == '1'
}

// startsUpper reports whether s starts, after any opening quotes and
// brackets, with an uppercase letter.
func startsUpper(s string) bool {
	w := nextWord(s)
	return w.class == upper
}

// skipSpace returns the index of the first non-space rune of t at or after
// i (or len(t)) and the number of line breaks in t[i:] before it.
func skipSpace(t string, i int) (int, int) {
	breaks := 0
	for i < len(t) {
		c := t[i]
		if c == '\n' {
			breaks++
			i++
			continue
		}
		if c < utf8.RuneSelf {
			if !isSpace(rune(c)) {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(t[i:])
		if !isSpace(r) {
			break
		}
		i += size
	}
	return i, breaks
}

// decode returns the rune at s[i] and its length in bytes.
func decode(s string, i int) (rune, int) {
	if i >= len(s) {
		return utf8.RuneError, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// isSpace reports whether r is whitespace for the splitter.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || ('\t' <= r && r <= '\r')
	}
	switch r {
	case '\u200b', '\u2060', '\ufeff':
		return true
	}
	return unicode.IsSpace(r)
}

// isTerminal reports whether r may end a sentence.
func isTerminal(r rune) bool {
	switch r {
	case '.', '?', '!', '…', '‽', '。', '｡', '？', '！':
		return true
	}
	return false
}

// isCloser reports whether r closes a quotation or a bracket.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '›', ')', ']', '}', '」', '』', '）', '〕', '】', '〉', '》':
		return true
	}
	return false
}

// isOpenQuote reports whether r may open a quotation.
func isOpenQuote(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '„', '‚', '«', '‹', '「', '『':
		return true
	}
	return false
}

// isOpener reports whether r is a bracket or mark that may stand before
// the first word of a sentence.
func isOpener(r rune) bool {
	switch r {
	case '(', '[', '{', '¿', '¡', '*', '_', '（', '【', '〔', '〈', '《':
		return true
	}
	return false
}
