package quote

import (
	"strings"

	"dyad/doc"
)

// low returns the text of token i in lower case, computed once a token.
func (w *work) low(i int) string {
	if l := w.lows[i]; l != "" {
		return l
	}
	s := w.word(i)
	for j := 0; j < len(s); j++ {
		if c := s[j]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			s = strings.ToLower(s)
			break
		}
	}
	w.lows[i] = s
	return s
}

// isFinite reports whether token i is a finite verb or a modal.
func (w *work) isFinite(i int) bool {
	switch w.tag(i) {
	case "VBD", "VBZ", "VBP", "MD":
		return !w.midCapital(i)
	}
	return false
}

// isVerb reports whether token i is a verb of any form.
func (w *work) isVerb(i int) bool {
	t := w.tag(i)
	return (strings.HasPrefix(t, "VB") || t == "MD") && !w.midCapital(i)
}

// midCapital reports whether token i is a capitalized word inside its
// sentence: a name, whatever tag the tagger gave it ("Javed/VBD").
func (w *work) midCapital(i int) bool {
	return i > w.sentLo[w.toks[i].Sentence] && w.capitalized(i) && !w.is(i, "I")
}

// isAdverb reports whether token i is an adverb other than a negation.
func (w *work) isAdverb(i int) bool {
	return strings.HasPrefix(w.tag(i), "RB") && !w.isNeg(i)
}

// isNeg reports whether token i negates: "not", "never", "didn't".
func (w *work) isNeg(i int) bool {
	s := w.word(i)
	return strings.EqualFold(s, "not") || strings.EqualFold(s, "never") ||
		strings.HasSuffix(s, "n't") || strings.HasSuffix(s, "n’t")
}

// isAux reports whether token i is an auxiliary that may stand between a
// subject and its verb ("has said", "would say").
func (w *work) isAux(i int) bool {
	if w.tag(i) == "MD" {
		return true
	}
	switch w.low(i) {
	case "has", "have", "had", "is", "was", "are", "were", "did", "does", "do", "also", "then", "again":
		return true
	}
	return false
}

// isBe reports whether token i is a form of "be" that makes a passive
// ("was told"); "'s" is left out, for "he's said" is no passive.
func (w *work) isBe(i int) bool {
	switch w.low(i) {
	case "is", "was", "are", "were", "be", "been", "being":
		return true
	}
	return false
}

// timeWord reports whether s, in lower case, is a word of a time
// expression, which is no speaker: "said Monday".
func timeWord(s string) bool {
	switch s {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"january", "february", "march", "april", "june", "july", "august", "september",
		"october", "november", "december", "today", "yesterday", "tonight", "tomorrow", "week",
		"month", "year", "morning", "afternoon", "evening", "night", "earlier", "later", "weekend":
		return true
	}
	return false
}

// isSubjPronoun reports whether token i is a pronoun that can be a subject.
func (w *work) isSubjPronoun(i int) bool {
	switch w.low(i) {
	case "he", "she", "it", "they", "we", "i", "you", "there", "this":
		return true
	}
	return false
}

// isNounTag reports whether token i may be part of a noun phrase.
func (w *work) isNounTag(i int) bool {
	switch w.tag(i) {
	case "NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "CD", "POS", "FW":
		return true
	}
	return w.isVerbTag(i) && w.midCapital(i)
}

// isVerbTag reports whether the tagger took token i for a verb.
func (w *work) isVerbTag(i int) bool {
	t := w.tag(i)
	return strings.HasPrefix(t, "VB") || t == "MD"
}

// isDet reports whether token i is a determiner or a possessive pronoun.
func (w *work) isDet(i int) bool {
	switch w.tag(i) {
	case "DT", "PRP$", "PDT", "WP$":
		return true
	}
	return false
}

// isPrep reports whether token i is a preposition that may start a phrase
// between a speech verb and its clause, or inside a noun phrase.
func (w *work) isPrep(i int) bool {
	switch w.low(i) {
	case "in", "on", "at", "of", "for", "from", "with", "by", "during", "via", "over", "against",
		"inside", "outside", "between", "among", "near", "aboard", "about", "to", "ago", "into", "under":
		return true
	}
	return false
}

// isHyphen reports whether token i is a hyphen between two words.
func (w *work) isHyphen(i int) bool {
	if i <= 0 || i+1 >= len(w.toks) || w.word(i) != "-" {
		return false
	}
	return w.toks[i-1].End == w.toks[i].Start && w.toks[i].End == w.toks[i+1].Start
}

// mentionEnd returns the last token of the mention that covers token i.
func (w *work) mentionEnd(i, hi int) int {
	m := w.ment[i]
	for i+1 < hi && w.ment[i+1] == m {
		i++
	}
	return i
}

// npFwd returns the token after the noun phrase that starts at token j
// (j itself when none does), reading no further than hi.
func (w *work) npFwd(j, hi int) int {
	k := j
	if k < hi && w.isDet(k) {
		k++
	}
	for k < hi {
		switch {
		case w.inq[k] >= 0 || w.markq[k] >= 0:
			return k
		case w.ment[k] >= 0 && (k == j || !w.pronoun(k)):
			k = w.mentionEnd(k, hi) + 1
		case k > j && w.tag(k) == "NNP" && w.tag(k-1) == "NNS" && w.ment[k-1] < 0:
			// "told reporters NATO intervention could ...": two phrases.
			return k
		case w.isNounTag(k), w.isHyphen(k), w.tag(k) == "VBG" && k > j && k+1 < hi && w.isNounTag(k+1):
			k++
		case w.is(k, "and") && k > j && k+1 < hi && (w.ment[k+1] >= 0 || w.tag(k+1) == "NNP") &&
			(w.ment[k-1] >= 0 || w.tag(k-1) == "NNP"):
			k++
		default:
			return k
		}
	}
	return k
}

// pronoun reports whether token i is a pronoun the actor stage resolved.
func (w *work) pronoun(i int) bool {
	return w.ment[i] >= 0 && w.a.Mentions[w.ment[i]].Kind == doc.MentionPronoun
}

// skipRB returns the first token from j on that is not an adverb or a
// quotation mark.
func (w *work) skipRB(j, hi int) int {
	for j < hi && (w.isAdverb(j) || w.markq[j] >= 0) {
		j++
	}
	return j
}

// isClauseAt reports whether a clause starts at token j: a subject (a
// pronoun, or a noun phrase with its prepositional phrases and an
// apposition) followed by a finite verb.
func (w *work) isClauseAt(j, hi int) bool {
	if w.isSubjPronoun(j) {
		k := w.skipRB(j+1, hi)
		return k < hi && w.isFinite(k)
	}
	k := w.npFwd(j, hi)
	if k == j {
		return false
	}
	for n := 0; n < 4 && k < hi && w.isPrep(k); n++ {
		if w.is(k, "to") && k+1 < hi && w.isVerb(k+1) {
			break
		}
		e := w.npFwd(k+1, hi)
		if e == k+1 {
			break
		}
		k = e
	}
	if k < hi && w.is(k, ",") {
		if e := w.npFwd(k+1, hi); e > k+1 && e < hi && w.is(e, ",") {
			k = e + 1
		}
	}
	k = w.skipRB(k, hi)
	return k < hi && w.isFinite(k) && !w.isHyphen(k-1)
}

// isActor reports whether spk is an actor: a mention of the actor stage
// or a name.
func (w *work) isActor(spk speaker) bool { return spk.actor }

// verbAt returns, when token i is a speech verb, its last token (the
// particle of "point out") and its form.
func (w *work) verbAt(i, hi int) (end int, form verbForm, ok bool) {
	t := w.tag(i)
	if t != "" && !strings.HasPrefix(t, "VB") && t != "NN" && t != "NNS" {
		return 0, verbForm{}, false
	}
	s := w.low(i)
	forms, found := w.f.verbs[s]
	if !found {
		return 0, verbForm{}, false
	}
	if t != "" && !strings.HasPrefix(t, "VB") {
		// A noun ("the reports"), unless the tagger missed the verb.
		switch s {
		case "said", "says", "told":
		default:
			return 0, verbForm{}, false
		}
	}
	for _, f := range forms {
		if f.particle == "" {
			return i, f, true
		}
		if i+1 < hi && w.is(i+1, f.particle) {
			return i + 1, f, true
		}
	}
	return 0, verbForm{}, false
}

// frames finds the speech verbs and "according to" of each sentence and
// what each attributes: a reported statement (added to w.items) or
// quotations (their speaker set).
func (w *work) frames() {
	claimed := 0 // tokens before this one are in a statement already found
	for s := range w.a.Sentences {
		if w.title(s) {
			continue
		}
		lo, hi := w.sentLo[s], w.sentLo[s+1]
		for i := lo; i < hi; i++ {
			if i < claimed || w.inq[i] >= 0 || w.markq[i] >= 0 {
				continue
			}
			if w.is(i, "according") && i+1 < hi && w.is(i+1, "to") {
				if e := w.according(s, i, lo, hi); e > claimed {
					claimed = e
				}
				continue
			}
			vend, form, ok := w.verbAt(i, hi)
			if !ok {
				continue
			}
			if e := w.frame(s, i, vend, form, lo, hi); e > claimed {
				claimed = e
			}
		}
	}
}

// frame works out what the speech verb at tokens v..vend of sentence s
// (tokens lo..hi) attributes, and returns the token after the statement
// it took, or 0.
func (w *work) frame(s, v, vend int, form verbForm, lo, hi int) int {
	ing := form.ing
	// Negated, infinitive and passive verbs report nothing.
	j := v - 1
	for j >= lo && w.isAdverb(j) {
		j--
	}
	if j >= lo {
		if w.isNeg(j) || w.is(j, "to") || j > lo && w.is(j, "have") && w.is(j-1, "to") {
			return 0
		}
		if (w.tag(v) == "VBN" || w.tag(v) == "VBD") && w.isBe(j) {
			// "was told", "It is said"
			return 0
		}
		if j > lo && w.isNeg(j-1) && w.isAux(j) {
			return 0
		}
		if w.is(j, ",") {
			// "had not, as of yesterday, announced"
			k := j - 1
			for k > lo && j-k < 8 && !w.is(k, ",") {
				k--
			}
			if k > lo && w.is(k, ",") && (w.isNeg(k-1) || k-2 >= lo && w.isNeg(k-2) && w.isAdverb(k-1)) {
				return 0
			}
		}
	}
	// "..., said Xi" and `"...," said Xi`.
	if p := v - 1; p >= lo && !ing && !form.object && (w.is(p, ",") || w.isCloseMark(p)) {
		if spk, end, ok := w.subjectAfter(vend+1, hi); ok && (!form.actor || w.isActor(spk)) {
			w.noteSpeaker(s, spk)
			if w.attributeBefore(s, p, lo, spk, end) {
				w.attributed[s] = true
			}
			return 0
		}
	}
	spk, npStart, ok := w.subjectBefore(v, lo)
	coord := false
	if !ok {
		switch {
		case ing:
			spk, ok, coord = w.mainSubject(s), true, true
		case j >= lo && (w.is(j, "and") || w.is(j, "but")):
			spk, ok, coord = w.coordSubject(j, lo), true, true
		}
	}
	if form.actor && !w.isActor(spk) {
		// "the results suggest": no one speaks.
		return 0
	}
	if spk.ok() {
		w.noteSpeaker(s, spk)
	}
	relative := ok && npStart > lo && (w.is(npStart-1, "which") || w.is(npStart-1, "that") ||
		w.is(npStart-1, "who") || w.is(npStart-1, "what"))
	cs, hasComp := w.complement(vend, hi, relative, form.object)
	if hasComp {
		if coord && w.attributed[s] {
			// ", adding that ..." after an attribution: the same statement.
			return 0
		}
		ce := w.statementEnd(cs, hi)
		if ce < cs {
			return 0
		}
		w.statement(cs, ce, spk)
		if ok && !coord {
			w.attributeAfter(npStart-1, spk, vend)
		}
		return ce + 1
	}
	if ok && !coord {
		c := npStart - 1
		if c >= 0 && (w.isCloseMark(c) || c >= lo && w.is(c, ",")) {
			if w.attributeBefore(s, c, lo, spk, vend) {
				w.attributed[s] = true
			}
		}
	}
	return 0
}

// noteSpeaker records spk as the first speaker of sentence s if there is
// none yet.
func (w *work) noteSpeaker(s int, spk speaker) {
	if !w.firstSpk[s].ok() {
		w.firstSpk[s] = spk
	}
}

// attributeAfter gives spk to the quotation that closes at token c (or at
// the token before a comma at c), whose attribution ends at token end.
func (w *work) attributeAfter(c int, spk speaker, end int) bool {
	if c >= 0 && w.is(c, ",") {
		c--
	}
	if !w.isCloseMark(c) {
		return false
	}
	qi := w.quoteOf(c)
	if qi < 0 {
		return false
	}
	q := &w.quotes[qi]
	if q.swallowed {
		return false
	}
	if !q.attributed {
		q.spk, q.attributed, q.attrEnd = spk, true, end
	}
	return true
}

// attributeBefore gives spk to what comes before an attribution at the end
// of sentence s: c is the token before the attribution (a comma or a
// closing mark) and end the attribution's last token. That is the
// quotation that closes at c when it opens the sentence, or else the
// clause from the start of the sentence to c.
func (w *work) attributeBefore(s, c, lo int, spk speaker, end int) bool {
	lo = w.realStart(lo, c)
	k := c
	if w.is(k, ",") && k > 0 {
		k--
	}
	if w.isCloseMark(k) {
		qi := w.quoteOf(k)
		if qi >= 0 && w.quotes[qi].open <= w.skipLead(lo, k) {
			return w.attributeAfter(k, spk, end)
		}
	}
	last := c - 1
	if w.isCloseMark(c) && c > 0 && w.is(c-1, ",") {
		// `Iran is "the greatest threat," she added`
		last = c
	} else if !w.is(c, ",") {
		return false
	}
	if c <= lo {
		return false
	}
	start := w.skipLead(lo, c)
	finite := false
	for t := start; t < c; t++ {
		if w.isFinite(t) {
			finite = true
			break
		}
	}
	if !finite {
		return false
	}
	w.statement(start, last, spk)
	return true
}

// realStart returns the start of the sentence that token c is in, where
// the splitter missed a sentence end before a quotation mark
// (`dividends.«It is ...`): the opening mark after the last such full
// stop, or lo.
func (w *work) realStart(lo, c int) int {
	for t := c - 1; t > lo; t-- {
		if w.isOpenMark(t) && w.endPunct(t-1) {
			return t
		}
	}
	return lo
}

// skipLead returns the first token from lo on that is not a conjunction
// or a comma opening the sentence ("But", "And").
func (w *work) skipLead(lo, hi int) int {
	for lo < hi && (w.is(lo, "but") || w.is(lo, "and") || w.is(lo, ",")) {
		lo++
	}
	return lo
}

// statement adds the words of tokens s..e as a statement by spk: as the
// quotations in it when they make up most of its words, or else as a
// reported statement, which takes in the quotations inside it.
func (w *work) statement(s, e int, spk speaker) {
	// Trim punctuation at the ends.
	for s <= e && !w.isWord(s) && !w.isOpenMark(s) {
		s++
	}
	for e >= s && !w.isWord(e) && !w.isCloseMark(e) {
		e--
	}
	if e < s {
		return
	}
	s = w.afterDateline(s, e)
	total, quoted := 0, 0
	for t := s; t <= e; t++ {
		if w.isWord(t) {
			total++
			if w.inq[t] >= 0 {
				quoted++
			}
		}
	}
	if total == 0 {
		return
	}
	if quoted*10 >= total*6 {
		for t := s; t <= e; t++ {
			if w.inq[t] < 0 {
				continue
			}
			if qi := w.quoteOf(t); qi >= 0 && !w.quotes[qi].attributed {
				q := &w.quotes[qi]
				q.spk, q.attributed = spk, true
				q.lead = q.open == s || q.open == s-1
			}
		}
		return
	}
	// An opening mark whose quotation runs past e, or a closing mark of
	// one that opened before s, is not part of the statement.
	if w.isOpenMark(s) && w.quotes[w.markq[s]].last() > e {
		s++
	}
	if w.isCloseMark(e) && w.quotes[w.markq[e]].open < s {
		e--
	}
	if e < s {
		return
	}
	for t := s; t <= e; t++ {
		if w.markq[t] < 0 {
			continue
		}
		if qi := w.quoteOf(t); qi >= 0 {
			q := &w.quotes[qi]
			if q.open >= s && q.last() <= e {
				q.swallowed = true
			}
		}
	}
	w.items = append(w.items, item{
		start: w.toks[s].Start,
		end:   w.toks[e].End,
		text:  w.text[w.toks[s].Start:w.toks[e].End],
		tok:   s,
		spk:   spk,
		known: spk.ok(),
	})
}

// afterDateline returns the first token after a dateline that opens tokens
// s..e ("WASHINGTON, April 17 -", "KABUL (AFP) —"), or s when there is
// none.
func (w *work) afterDateline(s, e int) int {
	caps, bracket := w.isAcronym(s), false
	for t := s; t < e && t < s+12; t++ {
		switch x := w.word(t); {
		case (x == "-" || x == "—" || x == "–" || x == "--") && !w.isHyphen(t):
			if t > s && (caps || bracket) {
				return t + 1
			}
			return s
		case x == "(" || x == ")":
			bracket = true
		case x == "," || x == "." || w.capitalized(t) || w.isWord(t) && x[0] >= '0' && x[0] <= '9':
		default:
			return s
		}
	}
	return s
}

// complement returns the first token of the clause that the speech verb
// ending at token vend introduces: after "that", a subject and its verb,
// or a quotation right after the verb or after a comma or colon, past the
// verb's objects and adjuncts ("told reporters on Tuesday he ...").
func (w *work) complement(vend, hi int, relative, object bool) (int, bool) {
	j := vend + 1
	if j < hi && w.isFinite(j) {
		// "which officials said was targeted": the relative pronoun is the
		// subject of the clause.
		if relative {
			return j, true
		}
		return 0, false
	}
	sep := true // nothing but punctuation and determiners since the verb
	if object && j < hi && w.ment[j] >= 0 && !w.pronoun(j) {
		// "told reporters NATO ...": the hearer first.
		j = w.mentionEnd(j, hi) + 1
		sep = false
	}
	for steps := 0; j < hi && steps < 24; steps++ {
		if w.markq[j] >= 0 || w.inq[j] >= 0 {
			if sep && w.isOpenMark(j) {
				return j, true
			}
			return 0, false
		}
		switch w.low(j) {
		case "that":
			if j+1 < hi {
				return j + 1, true
			}
			return 0, false
		case "whether", "if":
			return j, true
		case ",", ":":
			sep = true
			j++
			continue
		case "while", "as", "when", "because", "after", "before", "since", "until", "although",
			"though", "so", "but", "and", "or", "to", "than", "whereas", "who", "which", ".", ";", "!", "?":
			return 0, false
		}
		if n := w.quantifier(j, hi); n > 0 && w.isClauseAt(j+n, hi) {
			// "said at least 60 were injured"
			return j, true
		}
		switch {
		case w.isClauseAt(j, hi):
			return j, true
		case w.isAdverb(j):
			j++
		case w.isDet(j) && j+1 < hi && w.isOpenMark(j+1):
			j++
		case w.isPrep(j):
			sep = false
			j++
		default:
			e := w.npFwd(j, hi)
			if e == j {
				return 0, false
			}
			sep = false
			j = e
		}
	}
	return 0, false
}

// endPunct reports whether token i is a full stop, question mark or
// exclamation mark.
func (w *work) endPunct(i int) bool {
	switch w.word(i) {
	case ".", "?", "!":
		return true
	}
	return false
}

// quantifier returns the number of tokens of a quantifier before a number
// at token j ("at least", "more than", "about"), or 0.
func (w *work) quantifier(j, hi int) int {
	if j+1 >= hi {
		return 0
	}
	switch w.low(j) {
	case "at":
		if w.is(j+1, "least") || w.is(j+1, "most") {
			return 2
		}
	case "more", "less", "fewer":
		if w.is(j+1, "than") {
			return 2
		}
	case "up":
		if w.is(j+1, "to") {
			return 2
		}
	case "about", "nearly", "almost", "around", "some", "over", "roughly", "approximately":
		return 1
	}
	return 0
}

// statementEnd returns the last token of a statement that starts at token
// s: the end of the sentence, or the token before a colon that opens a
// quotation, a semicolon, or "while" or "whereas" (another clause).
func (w *work) statementEnd(s, hi int) int {
	for t := s; t < hi; t++ {
		if w.inq[t] >= 0 || w.markq[t] >= 0 {
			continue
		}
		switch {
		case w.is(t, ":") && t+1 < hi && w.isOpenMark(t+1), w.is(t, ";"),
			(w.is(t, "while") || w.is(t, "whereas")) && t > s:
			return t - 1
		case t > s && t+1 < hi && w.endPunct(t) && w.isOpenMark(t+1):
			// `dividends.«It is ...`: a sentence the splitter did not end.
			return t - 1
		}
	}
	return hi - 1
}

// according handles "according to X" at token i of sentence s: the rest
// of the sentence after "According to X," or the clause before ", according
// to X" is X's statement. It returns the token after what it took, or 0.
func (w *work) according(s, i, lo, hi int) int {
	spk, end, ok := w.subjectAfter(i+2, hi)
	if !ok || w.attributed[s] {
		return 0
	}
	if !spk.actor {
		return 0
	}
	w.noteSpeaker(s, spk)
	if w.skipLead(lo, i) == i {
		k := end + 1
		for k < hi && w.is(k, ",") {
			k++
		}
		if k >= hi {
			return 0
		}
		e := w.statementEnd(k, hi)
		w.statement(k, e, spk)
		w.attributed[s] = true
		return e + 1
	}
	c := i - 1
	if !w.is(c, ",") {
		c = i
	}
	if w.attributeBefore(s, c, lo, spk, end) {
		w.attributed[s] = true
	}
	return 0
}

// subjectBefore finds the subject of the verb at token v: the noun phrase
// or pronoun before it, past auxiliaries, adverbs and a parenthesis
// between commas ("Hill, who visited Pyongyang in June, said"). It
// returns the speaker and the subject's first token.
func (w *work) subjectBefore(v, lo int) (speaker, int, bool) {
	j := v - 1
	for j >= lo && (w.isAdverb(j) || w.isAux(j)) {
		j--
	}
	if j < lo {
		return speaker{}, 0, false
	}
	appLo, appHi := -1, -1
	if w.is(j, ",") || w.word(j) == "—" || w.word(j) == "–" || w.word(j) == "-" && !w.isHyphen(j) {
		d := w.word(j)
		k := j - 1
		for k >= lo && w.word(k) != d && w.markq[k] < 0 && w.inq[k] < 0 {
			k--
		}
		if k < lo || w.word(k) != d || j-k > 30 || j-k < 2 || !w.parenthesis(k+1, j, lo) {
			return speaker{}, 0, false
		}
		appLo, appHi = k+1, j-1
		j = k - 1
		for j >= lo && (w.isAdverb(j) || w.isAux(j)) {
			j--
		}
		if j < lo {
			return speaker{}, 0, false
		}
	}
	if (w.is(j, "who") || w.is(j, "which") || w.is(j, "that") && j > lo && w.isNounTag(j-1)) && j > lo {
		// "Hill, who said ...": the subject of the relative clause.
		j--
		if w.is(j, ",") {
			j--
		}
		if j < lo {
			return speaker{}, 0, false
		}
	}
	if w.markq[j] >= 0 || w.inq[j] >= 0 {
		return speaker{}, 0, false
	}
	e := j
	var start int
	if w.is(e, "there") || timeWord(w.low(e)) {
		return speaker{}, 0, false
	}
	if w.isSubjPronoun(e) || w.tag(e) == "PRP" {
		start = e
	} else {
		start = w.npBack(e, lo)
		if start > e {
			return speaker{}, 0, false
		}
	}
	return w.pick(start, e, appLo, appHi), start, true
}

// npPrep reports whether token i is a preposition that may join a
// prepositional phrase to a noun phrase that is a subject ("a
// spokesperson for", "China's ambassador to", "an official with knowledge
// of").
func (w *work) npPrep(i int) bool {
	switch w.low(i) {
	case "of", "for", "from", "at", "to", "with":
		return true
	}
	return false
}

// parenthesis reports whether tokens a..b-1, set off by commas or dashes,
// are a parenthesis that may stand between a subject and its verb: a
// relative clause, a participle or prepositional phrase, an adverb or an
// apposition.
func (w *work) parenthesis(a, b, lo int) bool {
	switch w.low(a) {
	case "who", "which", "whose", "whom", "where", "however", "meanwhile", "too", "though", "speaking":
		return true
	}
	switch {
	case w.tag(a) == "IN" || w.tag(a) == "VBG" || w.tag(a) == "VBN":
		return true
	case w.isAdverb(a) && b-a <= 2:
		return true
	}
	k := w.npFwd(a, b)
	for k > a && k < b && w.isPrep(k) {
		e := w.npFwd(k+1, b)
		if e == k+1 {
			return false
		}
		k = e
	}
	return k == b
}

// npBack returns the first token of the noun phrase that ends at token e
// (e+1 when none does), reading no further back than lo. The phrase may
// hold prepositional phrases ("A spokesperson for the British Foreign
// Office") and names joined by "and".
func (w *work) npBack(e, lo int) int {
	j := e
	for j >= lo {
		switch {
		case w.inq[j] >= 0 || w.markq[j] >= 0:
			return j + 1
		case w.ment[j] >= 0 && (j == e || !w.pronoun(j)):
			m := w.ment[j]
			for j-1 >= lo && w.ment[j-1] == m {
				j--
			}
		case w.isNounTag(j), w.isHyphen(j), j+1 <= e && w.isHyphen(j+1):
		case w.isDet(j):
			if j-1 >= lo && w.npPrep(j-1) && j-2 >= lo {
				break
			}
			return j
		case j < e && j > lo && w.npPrep(j) &&
			(w.isNounTag(j-1) || w.ment[j-1] >= 0):
		case j < e && j > lo && (w.is(j, "and") || w.is(j, "&")) && (w.ment[j-1] >= 0 || w.tag(j-1) == "NNP") &&
			(w.ment[j+1] >= 0 || w.tag(j+1) == "NNP" || w.isDet(j+1)):
		default:
			return j + 1
		}
		j--
	}
	return j + 1
}

// subjectAfter finds the speaker named after an inverted verb ("said Xi",
// "according to officials"): the noun phrase that starts at token j, with
// an apposition after it. It returns the speaker and the phrase's last
// token.
func (w *work) subjectAfter(j, hi int) (speaker, int, bool) {
	if j >= hi {
		return speaker{}, 0, false
	}
	var e int
	if timeWord(w.low(j)) {
		// ", said Monday": no speaker.
		return speaker{}, 0, false
	}
	if w.isSubjPronoun(j) || w.tag(j) == "PRP" {
		e = j
	} else {
		k := w.npFwd(j, hi)
		for n := 0; n < 2 && k+1 < hi && (w.is(k, "of") || w.is(k, "for")); n++ {
			e2 := w.npFwd(k+1, hi)
			if e2 == k+1 {
				break
			}
			k = e2
		}
		if k == j {
			return speaker{}, 0, false
		}
		e = k - 1
	}
	if n := e + 1; n < hi && w.isWord(n) && (!w.isPrep(n) || w.is(n, "to") && n+1 < hi && w.isVerb(n+1)) && !w.is(n, "who") {
		// ", said the talks were ...", "told Reuters a draft ...": a
		// clause or an object, not a speaker that ends the attribution.
		return speaker{}, 0, false
	}
	appLo, appHi := -1, -1
	if e+2 < hi && w.is(e+1, ",") {
		if a := w.npFwd(e+2, hi); a > e+2 {
			appLo, appHi = e+2, a-1
		}
	}
	return w.pick(j, e, appLo, appHi), e, true
}

// coordSubject returns the subject of the verb before the conjunction at
// token c ("Clark urged ... but said").
func (w *work) coordSubject(c, lo int) speaker {
	for t := c - 1; t >= lo; t-- {
		if w.inq[t] < 0 && w.markq[t] < 0 && w.isFinite(t) {
			if spk, _, ok := w.subjectBefore(t, lo); ok {
				return spk
			}
			break
		}
	}
	return w.mainSubject(w.toks[c].Sentence)
}

// lastVerb returns the last verb outside quotations in tokens lo..hi-1, or
// -1.
func (w *work) lastVerb(lo, hi int) int {
	for t := hi - 1; t >= lo; t-- {
		if w.inq[t] < 0 && w.markq[t] < 0 && w.isVerb(t) {
			return t
		}
	}
	return -1
}

// verbSubject returns the subject of the verb at token v, or of the
// sentence where the verb has none of its own (a participle).
func (w *work) verbSubject(v, lo int) speaker {
	if w.isFinite(v) || w.tag(v) == "VBN" {
		if spk, _, ok := w.subjectBefore(v, lo); ok {
			return spk
		}
	}
	return w.mainSubject(w.toks[v].Sentence)
}

// joinInterrupted joins a quotation to the one before it when an
// attribution interrupts one sentence: `"...," he said, "we ..."`, with
// the second part in lower case.
func (w *work) joinInterrupted() {
	for qi := range w.quotes {
		q := &w.quotes[qi]
		if q.alias >= 0 || q.attrEnd < 0 {
			continue
		}
		k := q.attrEnd + 1
		if k < len(w.toks) && w.is(k, ",") {
			k++
		}
		if k >= len(w.toks) || !w.isOpenMark(k) || w.tokPara(k) != w.tokPara(q.attrEnd) {
			continue
		}
		ni := int(w.markq[k])
		n := &w.quotes[ni]
		if ni == qi || n.alias >= 0 || n.attributed && !sameSpeaker(n.spk, q.spk) || n.swallowed || len(n.parts) == 0 || n.open != k {
			continue
		}
		r := w.word(n.first())
		if r == "" || !(r[0] >= 'a' && r[0] <= 'z') {
			continue
		}
		q.parts = append(q.parts, n.parts...)
		q.words += n.words
		q.close = n.close
		n.alias = qi
	}
}
