package event

import (
	"strings"

	"dyad/actor"
	"dyad/doc"
)

// sentence is one sentence as the coder sees it: its tokens' keys and tags
// and the mentions that cover them, with token indexes relative to the
// sentence.
type sentence struct {
	a     *doc.Article
	index int      // sentence index in the article
	first int      // index in a.Tokens of the first token
	keys  []string // actor.Key of each token
	tags  []string
	// ment is, for each token, the index in a.Mentions of the longest
	// mention that covers it, or -1; mstart and mend are that mention's
	// first and last tokens.
	ment          []int
	mstart, mend  map[int]int // token -> mention starting / ending there
	title         bool
	quoted        []bool // token inside quotation marks
	inDate        []bool // token inside a date expression ("on Thursday")
	verbSubject   map[int][]int
	verbSubjectOK map[int]bool
}

// tokText returns the text of token i.
func (s *sentence) tokText(i int) string {
	t := s.a.Tokens[s.first+i]
	return s.a.Text[t.Start:t.End]
}

func (s *sentence) n() int { return len(s.keys) }

// newSentence builds the view of sentence si whose tokens are
// a.Tokens[lo:hi]; mentions are those of a.Mentions in the sentence.
func newSentence(a *doc.Article, si, lo, hi int, mentions []int) *sentence {
	s := &sentence{a: a, index: si, first: lo, mstart: map[int]int{}, mend: map[int]int{}}
	n := hi - lo
	s.keys = make([]string, n)
	s.tags = make([]string, n)
	s.ment = make([]int, n)
	s.quoted = make([]bool, n)
	s.inDate = make([]bool, n)
	in := false
	for i := 0; i < n; i++ {
		t := a.Tokens[lo+i]
		w := a.Text[t.Start:t.End]
		s.keys[i] = actor.Key(w)
		s.tags[i] = t.Tag
		s.ment[i] = -1
		if isQuoteMark(w) {
			in = !in
			continue
		}
		s.quoted[i] = in
	}
	if p := a.Sentences[si].Paragraph; p < len(a.Paragraphs) && a.Paragraphs[p].Role == doc.RoleTitle {
		s.title = true
	}
	// Longest mention wins each token.
	j := 0
	for _, mi := range mentions {
		m := a.Mentions[mi]
		for j < n && a.Tokens[lo+j].End <= m.Start {
			j++
		}
		st := -1
		en := -1
		for k := j; k < n && a.Tokens[lo+k].Start < m.End; k++ {
			if st < 0 {
				st = k
			}
			en = k
		}
		if st < 0 {
			continue
		}
		if cur := s.ment[st]; cur >= 0 {
			c := a.Mentions[cur]
			if c.End-c.Start >= m.End-m.Start {
				continue
			}
		}
		for k := st; k <= en; k++ {
			if old := s.ment[k]; old >= 0 {
				delete(s.mstart, s.startOf(k))
				delete(s.mend, s.endOf(k))
			}
			s.ment[k] = mi
		}
		s.mstart[st] = en
		s.mend[en] = st
	}
	return s
}

func (s *sentence) startOf(k int) int {
	for k > 0 && s.ment[k-1] == s.ment[k] {
		k--
	}
	return k
}

func (s *sentence) endOf(k int) int {
	for k+1 < len(s.ment) && s.ment[k+1] == s.ment[k] {
		k++
	}
	return k
}

func isQuoteMark(w string) bool {
	switch w {
	case `"`, "“", "”", "„", "«", "»", "``", "''":
		return true
	}
	return false
}

// actorMention reports whether mention mi can be an actor: it has an
// entity with a country or a name, and is not a place used as a location.
func (s *sentence) actorMention(mi int) bool {
	m := s.a.Mentions[mi]
	if m.Via == "location" || len(m.Entities) == 0 {
		return false
	}
	for _, e := range m.Entities {
		if e.Country != "" || e.Name != "" {
			return true
		}
	}
	return false
}

// mentionAt returns the actor mention that starts at token i, with its
// last token.
func (s *sentence) mentionAt(i int) (mi, end int, ok bool) {
	return s.mentionAtPlace(i, false)
}

// mentionAtPlace is mentionAt, also taking a place used as a location
// when places is set: "visited Beijing" names China as the host.
func (s *sentence) mentionAtPlace(i int, places bool) (mi, end int, ok bool) {
	if i < 0 || i >= s.n() {
		return -1, -1, false
	}
	e, ok := s.mstart[i]
	if !ok {
		return -1, -1, false
	}
	if !s.actorMention(s.ment[i]) && !(places && s.placeMention(s.ment[i])) {
		return -1, -1, false
	}
	return s.ment[i], e, true
}

// placeMention reports whether mention mi is a place with a country.
func (s *sentence) placeMention(mi int) bool {
	m := s.a.Mentions[mi]
	return m.Via == "location" && len(m.Entities) > 0 && m.Entities[0].Country != ""
}

// mentionEndingAt returns the actor mention that ends at token i, with its
// first token.
func (s *sentence) mentionEndingAt(i int) (mi, start int, ok bool) {
	if i < 0 || i >= s.n() {
		return -1, -1, false
	}
	st, ok := s.mend[i]
	if !ok || !s.actorMention(s.ment[i]) {
		return -1, -1, false
	}
	return s.ment[i], st, true
}

// group returns the mention starting at i and those coordinated with it
// ("China and Russia", "X, Y and Z"), with the last token of the group.
func (s *sentence) group(i int) ([]int, int) { return s.groupPlace(i, false) }

// groupPlace is group, also taking places used as locations when places
// is set.
func (s *sentence) groupPlace(i int, places bool) ([]int, int) {
	mi, end, ok := s.mentionAtPlace(i, places)
	if !ok {
		return nil, -1
	}
	ms, ends := []int{mi}, []int{end}
	closed := false // the list ended with "and": commas were coordination
	for {
		j := end + 1
		if j < s.n() && (s.keys[j] == "and" || s.keys[j] == ",") {
			k := j + 1
			and := s.keys[j] == "and"
			if k < s.n() && s.keys[k] == "and" {
				k++
				and = true
			}
			if m2, e2, ok := s.mentionAtPlace(k, places); ok {
				ms, ends = append(ms, m2), append(ends, e2)
				end = e2
				if and {
					closed = true
					break
				}
				continue
			}
		}
		break
	}
	if !closed {
		// "Beijing's Great Hall, Xi lauded": a comma alone is no list.
		return ms[:1], ends[0]
	}
	return ms, end
}

// groupBack returns the mention ending at i and those coordinated before
// it, with the first token of the group.
func (s *sentence) groupBack(i int) ([]int, int) {
	mi, st, ok := s.mentionEndingAt(i)
	if !ok {
		return nil, -1
	}
	ms := []int{mi}
	and := false // walking back, an "and" must come before any comma
	for {
		j := st - 1
		if j > 0 && (s.keys[j] == "and" || s.keys[j] == "," && and) {
			k := j - 1
			if s.keys[j] == "and" && k > 0 && s.keys[k] == "," {
				k--
			}
			if m2, s2, ok := s.mentionEndingAt(k); ok {
				and = true
				ms = append([]int{m2}, ms...)
				st = s2
				continue
			}
		}
		return ms, st
	}
}

var auxWords = set("be is are was were been being am 's 're 'm have has had having 've 'd do does did will would shall should can could may might must wo ca 'll")

var negWords = set("not n't never no neither nor")

var modalFuture = set("will 'll shall wo")

var modalHypo = set("could might may would should must can ca")

// controlVerbs take an infinitive whose subject is their own subject, with
// the modality they give it.
var controlVerbs = map[string]string{}

func init() {
	for _, w := range strings.Fields("refuse refused refuses refusing decline declined declines declining fail failed fails failing reject rejected") {
		controlVerbs[w] = "neg"
	}
	for _, w := range strings.Fields(`agree agreed agrees agreeing pledge pledged pledges vow vowed vows promise promised promises plan plans planned planning
		intend intends intended want wants wanted hope hopes hoped expect expects expected seek seeks sought prepare prepares prepared
		set scheduled due going offer offered offers decide decided decides aim aims aimed ready willing eager poised likely
		threaten threatened threatens propose proposed proposes invite invited invites ask asked asks urge urged urges call called`) {
		controlVerbs[w] = "fut"
	}
	for _, w := range strings.Fields("try tried tries trying attempt attempted attempts") {
		controlVerbs[w] = "hyp"
	}
}

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// modality is what the words around a verb say of its event.
type modality struct {
	negated  bool
	future   bool
	hypo     bool
	perfect  bool // "had met": past perfect
	passive  bool
	present  bool // the verb group is in the present tense
	reported bool // the clause is the complement of a speech verb
	must     bool // "must", "should": what someone says another is to do
	would    bool // the hypothesis comes from "would" alone
	// ctrl is the token of a verb that governs this one through "to"
	// and negates it ("refused to sign"), or -1.
	ctrl int
}

// join adds what a governing verb says of the same event: a negation,
// future, hypothesis or obligation, and its refusal when m has none. (A past perfect
// is joined by the callers that want it.)
func (m *modality) join(o modality) {
	m.negated = m.negated || o.negated
	m.future = m.future || o.future
	m.hypo = m.hypo || o.hypo
	m.must = m.must || o.must
	if m.ctrl < 0 {
		m.ctrl = o.ctrl
	}
}

func isVerbTag(t string) bool { return strings.HasPrefix(t, "VB") }

// dashes set off an apposition or a parenthetical clause.
var dashes = set("- -- — –")

func isBoundary(k string) bool {
	switch k {
	case ".", ";", ":", "?", "!", "(", ")", "—", "–":
		return true
	}
	return false
}

// finite reports whether token j is a verb that heads a clause: a finite
// form, or a participle or infinitive after an auxiliary ("has met", "will
// visit"), not a participle used as an adjective ("Russian-led", "the
// proposed deal").
func (s *sentence) finite(j int) bool {
	switch s.tags[j] {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	case "VB", "VBN", "VBG":
		for k := j - 1; k >= 0; k-- {
			if s.tags[k] == "RB" || negWords[s.keys[k]] {
				continue
			}
			return auxWords[s.keys[k]] || s.keys[k] == "to"
		}
	}
	return false
}

// verbGroup walks left from the head verb v over auxiliaries, adverbs and
// negation, and returns the first token of the group and its modality.
func (s *sentence) verbGroup(v int) (int, modality) {
	m := modality{ctrl: -1}
	t := s.tags[v]
	m.present = t == "VBZ" || t == "VBP"
	i := v - 1
	sawBe := false
	for ; i >= 0; i-- {
		k := s.keys[i]
		switch {
		case negWords[k]:
			m.negated = true
		case auxWords[k]:
			switch {
			case modalFuture[k]:
				m.future = true
			case modalHypo[k]:
				if k == "would" || k == "could" || k == "might" || k == "may" {
					m.hypo = true
					m.would = k == "would"
				} else if k == "should" || k == "must" {
					m.future = true
					m.must = true
				}
			case k == "had" || k == "'d":
				m.perfect = true
			case k == "is" || k == "are" || k == "am" || k == "'s" || k == "'re":
				m.present = true
				sawBe = true
			case k == "was" || k == "were" || k == "be" || k == "been" || k == "being":
				sawBe = true
			case k == "has" || k == "have":
				m.present = false
			}
		case s.tags[i] == "RB" || s.tags[i] == "RBR" || s.tags[i] == "RBS":
			// "warmly", "also", "then"
		default:
			goto done
		}
	}
done:
	if sawBe && (t == "VBN" || t == "VBD") && v > 0 {
		m.passive = true
	}
	return i + 1, m
}

// subject finds the subject of the verb whose group starts at token g (the
// verb itself at v): the actor mentions it names, and the modality that a
// governing verb adds ("refused to sign"). ok is false when the subject is
// not an actor.
func (s *sentence) subject(g, v int, depth int) (ms []int, add modality, ok bool) {
	add.ctrl = -1
	p := g - 1
	if p < 0 {
		// A participle opening the sentence ("Meeting in Beijing, Xi
		// lauded ...") takes the main clause's subject after the comma.
		if t := s.tags[v]; t == "VBG" || t == "VBN" {
			for j := v + 1; j < s.n() && !isBoundary(s.keys[j]); j++ {
				if s.keys[j] == "," {
					if ms, _ := s.group(j + 1); ms != nil {
						return ms, add, true
					}
					break
				}
			}
		}
		return nil, add, false
	}
	p = s.skipAdverbials(p)
	if p < 0 {
		return nil, add, false
	}
	k := s.keys[p]
	switch {
	case s.ment[p] >= 0 && s.actorMention(s.ment[p]):
		if ms, st := s.groupBack(p); ms != nil {
			// "China's ambassador to Britain accused": the subject is the
			// head before the preposition, when it is an actor.
			if st >= 2 {
				switch s.keys[st-1] {
				case "to", "of", "from", "for", "in", "at":
					if hs, _ := s.groupBack(st - 2); hs != nil {
						return hs, add, true
					}
				}
			}
			return ms, add, true
		}
		return nil, add, false
	case k == ",":
		// A parenthetical between subject and verb: "Xi, speaking
		// before ..., called him", "Putin, who arrived on Monday, met".
		for q := p - 1; q >= 0 && !isBoundary(s.keys[q]); q-- {
			if s.keys[q] == "," {
				if ms, _ := s.groupBack(q - 1); ms != nil {
					return ms, add, true
				}
				break
			}
		}
		return nil, add, false
	case k == "to" && depth < 3:
		// An infinitive: "agreed to visit", "refused to sign", "was
		// pleased to pay". Its subject is the governing verb's.
		j := p - 1
		for j >= 0 && (s.tags[j] == "RB" || negWords[s.keys[j]]) {
			j--
		}
		if j < 0 {
			return nil, add, false
		}
		gk := s.keys[j]
		switch controlVerbs[gk] {
		case "neg":
			add.negated = true
			add.ctrl = j
		case "fut":
			add.future = true
		case "hyp":
			add.hypo = true
		}
		if isVerbTag(s.tags[j]) || s.tags[j] == "JJ" || controlVerbs[gk] != "" {
			g2, m2 := s.verbGroup(j)
			add.join(m2)
			add.perfect = add.perfect || m2.perfect
			if m2.passive && (gk == "expected" || gk == "scheduled" || gk == "set" || gk == "due") {
				add.future = true
			}
			ms, a2, ok := s.subject(g2, j, depth+1)
			add.join(a2)
			return ms, add, ok
		}
		return nil, add, false
	case k == "and" || k == "but" || k == "or" || k == "then":
		// A coordinated verb: "shook hands and took photos with Xi" takes
		// the subject of the verb before it.
		for j := p - 1; j >= 0 && (!isBoundary(s.keys[j]) || s.keys[j] == ")" || s.keys[j] == "("); j-- {
			if s.finite(j) && (!auxWords[s.keys[j]] || j+1 < s.n() && !isVerbTag(s.tags[j+1]) && s.tags[j+1] != "RB") {
				// ", and" after a reported clause coordinates with the
				// speech verb: "Xi said that he and Putin have stayed in
				// touch, and expressed his appreciation".
				if p > 0 && s.keys[p-1] == "," {
					for k := j - 1; k >= 0 && !isBoundary(s.keys[k]); k-- {
						if speechWords[s.keys[k]] && isVerbTag(s.tags[k]) {
							j = k
							break
						}
					}
				}
				return s.subjectOf(j, depth)
			}
		}
		return nil, add, false
	case k == "-" || k == "—" || k == "–":
		// A dash apposition: "the two Arab states - Egypt and Jordan -
		// criticised".
		if ms, _ := s.groupBack(p - 1); ms != nil {
			return ms, add, true
		}
		// A clause between dashes: "The Palestinian Authority - which
		// has rejected the US as a mediator - called for".
		for q := p - 1; q > 0 && p-q <= 40; q-- {
			if dashes[s.keys[q]] {
				if ms, _ := s.groupBack(q - 1); ms != nil {
					return ms, add, true
				}
				break
			}
			if s.keys[q] == "." || s.keys[q] == ";" {
				break
			}
		}
		return nil, add, false
	case (k == "it" || k == "they") && s.ment[p] < 0:
		// "Turkey said it had asked": the speaker of the governing verb,
		// else the sentence's first actor.
		return s.pronounSubject(p, depth)
	case s.ment[p] >= 0 || s.nominal(p):
		// A noun phrase whose modifier or complement names the actor:
		// "Israeli security forces", "the Turkish foreign ministry",
		// "dozens of journalists at Sudan's biggest newspaper".
		if ms := s.nounPhraseActor(p); ms != nil {
			return ms, add, true
		}
		return nil, add, false
	case k == "who" || k == "which" || k == "that":
		// A relative clause: "Putin, who arrived on Monday".
		q := p - 1
		if q >= 0 && (s.keys[q] == "," || dashes[s.keys[q]]) {
			q--
		}
		if ms, _ := s.groupBack(q); ms != nil {
			return ms, add, true
		}
		return nil, add, false
	}
	return nil, add, false
}

// temporalWords are adverbs of time and manner that stand between a
// subject and its verb: "The US on Thursday demanded", "Serbia today
// flatly rejected".
var temporalWords = set("yesterday today tonight tomorrow earlier later also now recently again jointly formally officially reportedly finally once still already separately meanwhile subsequently then")

// skipAdverbials walks left from token p over date expressions, time
// adverbs and a short parenthesis ("(APEC)"), and returns the token before
// them, or -1.
func (s *sentence) skipAdverbials(p int) int {
	for p >= 0 {
		k := s.keys[p]
		switch {
		case s.inDate[p] && s.ment[p] < 0, temporalWords[k], s.tags[p] == "RB" && s.ment[p] < 0 && !negWords[k]:
			p--
		case k == ")":
			q := s.openParen(p)
			if q < 0 {
				return p
			}
			p = q - 1
		default:
			return p
		}
	}
	return p
}

// openParen returns the "(" that opens the short parenthesis (at most
// eight tokens, no sentence boundary) closed by ")" at token j, or -1.
func (s *sentence) openParen(j int) int {
	q := j - 1
	for q >= 0 && j-q <= 8 && s.keys[q] != "(" && !isBoundary(s.keys[q]) {
		q--
	}
	if q < 0 || s.keys[q] != "(" {
		return -1
	}
	return q
}

// subjectOf returns the subject of the verb at token j, as candidates
// found it when j heads one, else through its verb group; depth is the
// caller's, as for subject.
func (s *sentence) subjectOf(j, depth int) ([]int, modality, bool) {
	if ms, ok := s.verbSubject[j]; ok {
		return ms, modality{ctrl: -1}, s.verbSubjectOK[j]
	}
	g, _ := s.verbGroup(j)
	return s.subject(g, j, depth+1)
}

// nominal reports whether token i can stand in a noun phrase.
func (s *sentence) nominal(i int) bool {
	t := s.tags[i]
	return strings.HasPrefix(t, "NN") || t == "JJ" || t == "JJS" || t == "JJR" || t == "CD" || t == "DT" || t == "POS" || t == "PRP$"
}

// nounPhraseActor finds the actor named in the noun phrase that ends at
// token p: its head mention ("the Turkish foreign ministry"), a modifier
// ("Israeli security forces") or a prepositional complement ("dozens of
// journalists at Sudan's biggest newspaper", "China's ambassador to
// Britain": the first actor from the left).
func (s *sentence) nounPhraseActor(p int) []int {
	st := p
	for j := p; j >= 0 && p-j < 12; j-- {
		k := s.keys[j]
		switch {
		case k == ")":
			// "the pro-Iranian Hizbollah (Party of God) group"
			q := s.openParen(j)
			if q < 0 {
				j = -1
				continue
			}
			j = q
		case s.ment[j] >= 0, s.nominal(j), k == "'s" || k == "-":
		case k == "of" || k == "at" || k == "from" || k == "in" || k == "for" || k == "to":
			if j == p {
				return nil
			}
		case (s.tags[j] == "VBN" || s.tags[j] == "VBG" || s.tags[j] == "RBS") && j < p && s.nominal(j+1):
			// "most respected", "ruling"
		default:
			j = -1
			continue
		}
		st = j
	}
	for j := st; j <= p; j++ {
		if s.ment[j] < 0 || !s.actorMention(s.ment[j]) {
			continue
		}
		if ms, _ := s.group(s.startOf(j)); ms != nil {
			return ms
		}
	}
	return nil
}

// pronounSubject resolves a subject "it" or "they" at token p that the
// actor stage left alone: the subject of the speech verb that governs its
// clause ("Turkey said on Monday it had asked"), else the first actor of
// the sentence.
func (s *sentence) pronounSubject(p, depth int) ([]int, modality, bool) {
	add := modality{ctrl: -1}
	j := s.skipAdverbials(p - 1)
	if j >= 0 && s.keys[j] == "that" {
		j = s.skipAdverbials(j - 1)
	}
	if j >= 0 && isVerbTag(s.tags[j]) && depth < 3 {
		ms, _, ok := s.subjectOf(j, depth)
		return ms, add, ok
	}
	for j := 0; j < p; j++ {
		if s.ment[j] >= 0 && s.actorMention(s.ment[j]) {
			m := s.a.Mentions[s.ment[j]]
			if m.Kind == doc.MentionState || m.Kind == doc.MentionOrg {
				ms, _ := s.group(s.startOf(j))
				return ms, add, ms != nil
			}
			break
		}
	}
	return nil, add, false
}

// speechWords are the verbs that report what someone said.
var speechWords = set("said says say told tells insisted insists stressed stresses argued argues added adds declared declares noted notes warned warns believes believed wrote writes tweeted announced announces confirmed confirms indicated indicates")

// speaker finds who says the clause whose verb group starts at g: the
// subject of a speech verb before it ("Straw said the rebels must ..."),
// or the actor of one after it (", Hill said", ", said Hill").
func (s *sentence) speaker(g, depth int) []int {
	for j := g - 1; j >= 0 && !isBoundary(s.keys[j]); j-- {
		if speechWords[s.keys[j]] && isVerbTag(s.tags[j]) {
			if ms, _, ok := s.subjectOf(j, depth); ok {
				return ms
			}
			return nil
		}
	}
	for j := g + 1; j+1 < s.n() && !isBoundary(s.keys[j]); j++ {
		if s.keys[j] != "," {
			continue
		}
		if speechWords[s.keys[j+1]] {
			ms, _ := s.group(j + 2)
			return ms
		}
		if ms, end := s.group(j + 1); ms != nil && end+1 < s.n() && speechWords[s.keys[end+1]] {
			return ms
		}
	}
	return nil
}

// object finds the first actor mention after token from in the clause,
// skipping determiners, adjectives and the prepositions that introduce a
// recipient; a place used as a location only when places is set.
func (s *sentence) object(from int, places bool) ([]int, int) {
	for j, skipped := from, 0; j < s.n() && skipped <= 4; j++ {
		k := s.keys[j]
		if isBoundary(k) || k == "that" || k == "," || s.quoted[j] != s.quoted[from-1] {
			return nil, -1
		}
		if s.tags[j] == "PRP$" {
			// "recalled its ambassador": the possessor is not the object.
			skipped++
			continue
		}
		if s.placeModifier(j) {
			return nil, -1 // "praised the Geneva peace plan"
		}
		if ms, end := s.groupPlace(j, places); ms != nil {
			return ms, end
		}
		if s.ment[j] >= 0 {
			return nil, -1 // a location or an unresolved mention
		}
		switch s.tags[j] {
		case "DT", "JJ", "PRP$", "RB", "CD", "POS":
		default:
			switch k {
			case "with", "to", "on", "against", "upon", "for", "from", "among", "toward", "towards":
			default:
				if isVerbTag(s.tags[j]) || s.tags[j] == "IN" || s.tags[j] == "TO" {
					return nil, -1
				}
			}
		}
		skipped++
	}
	return nil, -1
}

// byAgent finds the actor of a passive verb: "by X" after it.
func (s *sentence) byAgent(v int) []int {
	for j := v + 1; j < s.n() && j <= v+8; j++ {
		k := s.keys[j]
		if isBoundary(k) {
			return nil
		}
		if k == "by" {
			ms, _ := s.group(j + 1)
			if ms == nil && j+2 < s.n() {
				ms, _ = s.group(j + 2)
			}
			return ms
		}
	}
	return nil
}
