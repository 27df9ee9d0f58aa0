package event

import (
	"sort"
	"strings"

	"dyad/doc"
)

// candidate is one event found in one sentence, before merging.
type candidate struct {
	code      *Code
	pat       *Pattern
	sent      *sentence
	m         match
	actor     []int // mention indexes
	recipient []int
	mod       modality
	verbTense string // VBD, VBZ, ...
	// topic is set when the verb's object is an act ("condemned the
	// killing"): its recipient is not to be guessed.
	topic bool
}

// findMatches returns the best non-overlapping pattern matches of s.
func (c *Coder) findMatches(s *sentence) []match {
	var all []match
	for i := 0; i < s.n(); i++ {
		ps := c.lex.byWord[s.keys[i]]
		if len(ps) == 0 {
			continue
		}
		for _, p := range ps {
			if !p.elems[p.anchor].accepts(s.keys[i]) {
				continue
			}
			if !s.posOK(p, i) {
				continue
			}
			if m, ok := s.matchAt(p, i); ok {
				all = append(all, m)
			}
		}
	}
	if len(all) == 0 {
		return nil
	}
	sort.SliceStable(all, func(x, y int) bool {
		a, b := all[x], all[y]
		if a.p.words != b.p.words {
			return a.p.words > b.p.words
		}
		if da, db := a.p.Code == "-", b.p.Code == "-"; da != db {
			// A discard as specific as a pattern is written to stop it.
			return da
		}
		if a.rslot != b.rslot {
			return a.rslot
		}
		if la, lb := a.end-a.start, b.end-b.start; la != lb {
			return la > lb
		}
		return len(a.p.Code) > len(b.p.Code)
	})
	var out []match
	for _, m := range all {
		clash := false
		for _, o := range out {
			if o.p.Code == "-" && (m.head < o.start || m.head > o.end) {
				// A discard stops only the patterns on its words.
				continue
			}
			if m.head >= o.start && m.head <= o.end || o.head >= m.start && o.head <= m.end {
				clash = true
				break
			}
		}
		if !clash {
			out = append(out, m)
		}
	}
	sort.Slice(out, func(x, y int) bool { return out[x].head < out[y].head })
	return out
}

// posOK checks the part of speech of a pattern's anchor token: a verb
// pattern needs a verb (any word in a headline, whose capitals confuse
// the tagger), a noun pattern a word not tagged as a verb form.
func (s *sentence) posOK(p *Pattern, i int) bool {
	t := s.tags[i]
	if p.Verb {
		if s.title || isVerbTag(t) {
			return true
		}
		return strings.HasSuffix(s.keys[i], "ed") && (t == "JJ" || t == "NN" || t == "NNP")
	}
	switch t {
	case "VBD", "VBN", "VBP", "VB", "VBG":
		return p.anchor > 0 || s.title
	}
	return true
}

// candidates codes the matches of one sentence.
func (c *Coder) candidates(s *sentence) []candidate {
	ms := c.findMatches(s)
	s.verbSubject = map[int][]int{}
	s.verbSubjectOK = map[int]bool{}
	var out []candidate
	for _, m := range ms {
		if m.p.Code == "-" {
			continue
		}
		cd := candidate{code: c.lex.codes[m.p.Code], pat: m.p, sent: s, m: m, recipient: m.recipient}
		if m.p.Verb {
			g, mod := s.verbGroup(m.head)
			subj, add, ok := s.subject(g, m.head, 0)
			if !ok {
				// A participle or infinitive of purpose ("..., arresting
				// opponents", "staged a strike to demand reforms",
				// "resumed shelling the town") acts for the subject of the
				// finite verb before it.
				var fm modality
				subj, fm, ok = s.finiteSubject(g, m.head)
				add.hypo = add.hypo || fm.hypo
				add.perfect = add.perfect || fm.perfect
			}
			s.verbSubject[m.head], s.verbSubjectOK[m.head] = subj, ok
			mod.join(add)
			mod.perfect = mod.perfect || add.perfect
			sp := s.speaker(g, 0) // who reports the clause, if anyone
			if mod.would && !add.hypo && !s.conditional(m.head) {
				// "NATO said it would tighten the blockade": reported
				// speech moves "will" back to "would", and what a side
				// says it would do is its intention; what it says another
				// would do stays a hypothesis.
				if sp != nil && overlapCountries(s.entities(sp, nil), s.entities(subj, nil)) {
					mod.hypo, mod.future = false, true
				}
			}
			if s.believed(g) {
				mod.hypo = true
			}
			if mod.must && !mod.passive {
				// "Straw said the rebels must reach an agreement": a
				// demand by the speaker of those who must act.
				if sp != nil && len(subj) > 0 && !sameMentions(s, sp, subj) {
					if dc := c.lex.codes[demandCode(cd.code.Code)]; dc != nil {
						cd.code, cd.pat = dc, demandPattern
						cd.recipient, subj = subj, sp
						cd.actor = sp
						cd.mod = modality{ctrl: -1}
						out = append(out, cd)
						continue
					}
				}
			}
			cd.topic = s.actObject(m.head + 1)
			if cd.topic && len(cd.recipient) == 0 {
				// "condemned the move announced by Pompeo": the one who
				// acted is the target.
				cd.recipient = s.byAgent(m.head)
			}
			cd.mod = mod
			cd.verbTense = s.tags[m.head]
			if mod.passive {
				cd.actor = s.byAgent(m.end)
				if len(cd.recipient) == 0 && ok {
					cd.recipient = subj
				}
			} else {
				cd.actor = subj
				if len(cd.recipient) == 0 && (!m.p.hasSlot(elemRecipient) || !m.rslot) {
					// A recipient inside the pattern's gap ("expelled 45
					// Russian diplomats"), else the object after it.
					for j := m.head + 1; j <= m.end && len(cd.recipient) == 0; j++ {
						if s.tags[j] != "PRP$" && !s.placeModifier(j) { // "suspended its cover", "the Madrid peace talks"
							cd.recipient, _ = s.group(j)
						}
					}
					if len(cd.recipient) == 0 && !m.p.endsInOf() {
						// After a pattern that ends in "of" with no $R, its
						// object is no recipient: "condemned the
						// killing of Bhutto".
						cd.recipient, _ = s.object(m.end+1, true)
					}
					if len(cd.recipient) == 0 && m.p.hasSlot(elemRecipient) {
						cd.recipient = s.gapObject(g)
					}
				}
			}
			if sp != nil && len(cd.actor) > 0 {
				if s.speaksFor(sp, cd.actor) {
					// "China is firm in ..., Xi said": the country's words
					// are its leader's.
					cd.actor = sp
				} else if allegedTypes[cd.code.Type] && !mod.future && !mod.hypo && !mod.negated {
					// "which U.S. intelligence agencies said was targeted by
					// Russia": the speaker accuses the act's author, besides
					// the act reported.
					if ac := c.lex.codes[allegationPattern.Code]; ac != nil && !overlapCountries(s.entities(sp, nil), s.entities(cd.actor, nil)) {
						out = append(out, candidate{code: ac, pat: allegationPattern, sent: s, m: m, actor: sp,
							recipient: cd.actor, mod: modality{ctrl: -1}, verbTense: cd.verbTense})
						if mod.passive && len(cd.recipient) == 0 {
							// What was targeted is no actor ("the
							// election"): only the accusation is coded.
							continue
						}
					}
				}
			}
		} else {
			cd.actor = m.actor
			cd.mod.ctrl = -1
			if len(cd.actor) == 0 {
				cd.actor, cd.mod = s.nounActor(m)
				cd.mod.ctrl = -1
			} else if len(cd.recipient) == 0 && !m.p.hasSlot(elemRecipient) && m.p.Before {
				// "X paid a visit at the invitation of Putin": the
				// invitee is the clause's subject. Only wordings of an
				// earlier act say so: "Police sealed off the city before
				// Bush's visit" are not his hosts.
				cd.recipient, _ = s.nounActor(match{p: m.p, start: m.start, end: m.end, head: m.head})
			}
		}
		if s.conditional(m.head) || s.whenClause(m.head) {
			cd.mod.hypo = true
		}
		out = append(out, cd)
	}
	// An act under a refusal ("refused to sign a deal with Russia") is
	// not coded: the refusal is, taking the act's recipient. A nominal
	// act that is the object of a coded verb ("condemned the killing of
	// Bhutto", "defends US aid") is what that verb's event is about, not
	// an event of its own.
	drop := make([]bool, len(out))
	for i, cd := range out {
		if !cd.pat.Verb && s.discussed(cd.m.start) {
			drop[i] = true
			continue
		}
		if !cd.pat.Verb {
			if v := s.objectOfCoded(out, cd.m.start); v >= 0 {
				// The verb's recipient is not the act's: who is
				// condemned for a killing is not who was killed.
				at := cd.span().Start
				if r := out[v].recipient; len(r) > 0 && s.a.Mentions[r[0]].Start >= at {
					out[v].recipient = nil
				}
				out[v].topic = true
				drop[i] = true
				continue
			}
		}
		if cd.mod.ctrl >= 0 {
			for k := range out {
				if out[k].m.head == cd.mod.ctrl && len(out[k].recipient) == 0 {
					out[k].recipient = cd.recipient
				}
			}
			drop[i] = true
		}
	}
	var kept []candidate
	for i, cd := range out {
		if !drop[i] {
			kept = append(kept, cd)
		}
	}
	return kept
}

// topicVerbs are the event types whose verb takes an act as its topic:
// "condemned the killing of Bhutto", "welcomed the deal with Iran".
var topicVerbs = set("ACCUSE SUPPORT REJECT REQUEST PROTEST THREATEN AGREE")

// actNouns name acts that a statement can be about: "condemned the
// attack" is aimed at whoever attacked, whom the sentence does not name.
var actNouns = set(`attack attacks killing killings assassination bombing bombings shooting shootings strike strikes raid raids invasion
	poisoning murder murders arrest arrests detention execution executions decision move vote ruling violence crackdown massacre incident explosion abduction kidnapping
	talks negotiations conference`)

// actObject reports whether the object that starts at token i is an act
// (actNouns) rather than an actor.
func (s *sentence) actObject(i int) bool {
	for j := i; j < s.n() && j < i+5; j++ {
		if s.ment[j] >= 0 {
			if s.placeModifier(j) { // "the Madrid peace talks"
				j = s.endOf(j)
				continue
			}
			return false
		}
		switch s.tags[j] {
		case "DT", "JJ", "PRP$", "POS", "CD", "RB":
			continue
		case "NN":
			if j+1 < s.n() && s.ment[j+1] < 0 && (s.tags[j+1] == "NN" || s.tags[j+1] == "NNS") {
				continue // a noun that modifies the head: "peace talks"
			}
		}
		return actNouns[s.keys[j]]
	}
	return false
}

// beliefWords govern a clause that says what someone thinks will happen,
// not what was done or promised: "confident that the Russian people will
// support him".
var beliefWords = set("confident sure certain convinced optimistic hopeful believe believes believed hope hopes hoped expect expects think thinks thought predicted predicts predict doubt doubts fear fears feared worried")

// believed reports whether the clause whose verb group starts at g is
// governed by a word of belief within the ten tokens before it.
func (s *sentence) believed(g int) bool {
	for j := g - 1; j >= 0 && j >= g-10; j-- {
		k := s.keys[j]
		if isBoundary(k) {
			return false
		}
		if beliefWords[k] {
			return true
		}
	}
	return false
}

// objectOfCoded returns the index in cds of a verb candidate that takes
// acts as its topic and whose object token i stands in (after its pattern
// in the same clause, with no verb, comma or boundary between), or -1.
func (s *sentence) objectOfCoded(cds []candidate, i int) int {
	for vi, v := range cds {
		if !v.pat.Verb || v.m.end >= i || i-v.m.end > 8 || !topicVerbs[v.code.Type] {
			continue
		}
		clear := true
		for j := v.m.end + 1; j < i; j++ {
			if isBoundary(s.keys[j]) || s.keys[j] == "," || s.keys[j] == "that" || isVerbTag(s.tags[j]) && s.tags[j] != "VBN" && s.tags[j] != "VBG" {
				clear = false
				break
			}
		}
		if clear {
			return vi
		}
	}
	return -1
}

// infinitiveNouns take an infinitive complement whose subject is not the
// clause's: "an order to halt", "the right to fire".
var infinitiveNouns = set(`order orders right rights call calls demand demands request requests ultimatum plan plans deal agreement decision
	bid attempt attempts effort efforts ability power permission authority refusal readiness willingness proposal offer threat threats
	pressure invitation chance opportunity way move promise pledge vow commitment resolution motion law bill measure mandate appeal plea
	deadline deadlines`)

// allegedTypes are the acts that, reported by a speaker of another side,
// are also the speaker's accusation.
var allegedTypes = set("ASSAULT COERCE")

// allegationPattern stands for the accusations dyad derives from a
// reported act.
var allegationPattern = &Pattern{Code: "112", Verb: true, Text: "(speaker) said $R did ..."}

// speaksFor reports whether speaker mentions sp are a named person who
// speaks for the unnamed states of actor mentions ms, of the same country.
func (s *sentence) speaksFor(sp, ms []int) bool {
	se, ae := s.entities(sp, nil), s.entities(ms, nil)
	if len(se) != 1 || se[0].Name == "" || len(ae) != 1 || ae[0].Name != "" || ae[0].Country != se[0].Country {
		return false
	}
	for _, mi := range ms {
		if s.a.Mentions[mi].Kind != doc.MentionState {
			return false
		}
	}
	return s.a.Mentions[sp[0]].Kind == doc.MentionPerson
}

// demandPattern stands for the demands that dyad derives from "must".
var demandPattern = &Pattern{Code: "100", Verb: true, Text: "(speaker) said $R must ..."}

// demandCode is the REQUEST code for a demand that someone do the act of
// CAMEO code act: to meet is 108, to give aid 103, to withdraw 106, to
// hold a ceasefire 107, else 100.
func demandCode(act string) string {
	switch {
	case strings.HasPrefix(act, "10"):
		return act
	case strings.HasPrefix(act, "045"):
		return "105"
	case strings.HasPrefix(act, "04"):
		return "108"
	case strings.HasPrefix(act, "07"):
		return "103"
	case strings.HasPrefix(act, "087"):
		return "107"
	case strings.HasPrefix(act, "084") || strings.HasPrefix(act, "086"):
		return "106"
	}
	return "100"
}

// overlapCountries reports whether two lists of entities share a country.
func overlapCountries(a, b []doc.Entity) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Country != "" && x.Country == y.Country {
				return true
			}
		}
	}
	return false
}

// sameMentions reports whether two mention lists name the same entities.
func sameMentions(s *sentence, a, b []int) bool {
	ea, eb := s.entities(a, nil), s.entities(b, nil)
	for _, x := range ea {
		for _, y := range eb {
			if sameEntity(x, y) {
				return true
			}
		}
	}
	return false
}

// finiteSubject returns the subject of the non-finite verb v (group
// start g) that the actor stage cannot see, with what the construction
// says of the act: the object before "to" ("urged Uganda to repatriate":
// then hypo, the act being only asked for, unless it was made to happen);
// the object before "for" ("thanked Putin for sending": then perfect, the
// act being done before it was thanked or blamed for); else the subject
// of the nearest finite verb before it in its clause ("..., arresting
// opponents", "staged a strike to demand reforms").
func (s *sentence) finiteSubject(g, v int) (ms []int, mod modality, ok bool) {
	switch s.tags[v] {
	case "VBG", "VB":
	default:
		return nil, mod, false
	}
	if s.tags[v] == "VB" {
		if g == 0 || s.keys[g-1] != "to" {
			return nil, mod, false
		}
		b := g - 2
		if b >= 0 && isQuoteMark(s.tokText(b)) {
			b--
		}
		if ms, st := s.groupBack(b); ms != nil {
			if st > 0 && (s.tags[st-1] == "IN" || s.tags[st-1] == "TO") && s.keys[st-1] != "of" {
				return nil, mod, false
			}
			mod.hypo = st == 0 || !madeToWords[s.keys[st-1]]
			return ms, mod, true
		}
		if b >= 0 && infinitiveNouns[s.keys[b]] {
			return nil, mod, false
		}
	} else {
		f := g - 1
		for f >= 0 && s.tags[f] == "RB" {
			f--
		}
		if f > 0 && s.keys[f] == "for" {
			if ms, _ := s.groupBack(f - 1); ms != nil {
				mod.perfect = true
				return ms, mod, true
			}
		}
	}
	for j := g - 1; j >= 0; j-- {
		if isBoundary(s.keys[j]) || s.keys[j] == "that" || s.keys[j] == "who" || s.keys[j] == "which" {
			return nil, mod, false
		}
		switch s.tags[j] {
		case "VBD", "VBZ", "VBP":
			if auxWords[s.keys[j]] && j+1 < s.n() && (isVerbTag(s.tags[j+1]) || s.tags[j+1] == "RB") {
				continue
			}
			ms, _, ok := s.subjectOf(j, 0)
			return ms, mod, ok
		}
	}
	return nil, mod, false
}

// copulas link a subject to the noun phrase that says what it is.
var copulas = set("is was are were became becomes remains remained")

// gapObject finds the object of a verb (group start g) in a relative
// clause with no pronoun, the object being the noun the clause follows:
// that noun's actor ("the capital he visited"), or the subject it is said
// of ("Russia was the first country he visited").
func (s *sentence) gapObject(g int) []int {
	_, st := s.groupBack(g - 1)
	if st < 2 {
		return nil
	}
	n := st - 1
	if k := s.keys[n]; k == "that" || k == "which" {
		n--
	}
	if n < 0 || !strings.HasPrefix(s.tags[n], "NN") {
		return nil
	}
	if s.ment[n] >= 0 {
		ms, _ := s.groupBack(n)
		return ms
	}
	q := n
	for q > 0 {
		t := s.tags[q-1]
		if !(strings.HasPrefix(t, "NN") || t == "JJ" || t == "JJS" || t == "DT" || t == "CD") || s.ment[q-1] >= 0 {
			break
		}
		q--
	}
	if q >= 2 && copulas[s.keys[q-1]] {
		ms, _ := s.groupBack(q - 2)
		return ms
	}
	return nil
}

// madeToWords are verbs that make their object act: "forced Iran to
// release", "allowed the monitors to enter".
var madeToWords = set("forced forces compelled allowed allows let lets helped helps enabled permitted made")

// nounActor finds the actor of a nominal trigger with no $A: a possessive
// before it ("Russia's sanctions"), "by X" after it, or the subject of the
// verb that governs it ("Putin dropped by Beijing for talks with Xi").
func (s *sentence) nounActor(m match) ([]int, modality) {
	st := m.start
	noun := strings.HasPrefix(s.tags[st], "NN") // the match opens with its noun
	for st > 0 && (s.tags[st-1] == "DT" || s.tags[st-1] == "JJ" || s.tags[st-1] == "CD" ||
		noun && s.tags[st-1] == "NNP" && s.ment[st-1] >= 0 && s.actorMention(s.ment[st-1])) {
		st--
	}
	// A modifier: "an Australian ultimatum", "the US-led strikes", "an EU
	// demand".
	for j := st; j < m.start; j++ {
		if s.ment[j] >= 0 && s.actorMention(s.ment[j]) {
			if ms, _ := s.group(s.startOf(j)); ms != nil {
				return ms, modality{}
			}
		}
	}
	if st >= 2 && (s.keys[st-1] == "'s" || s.keys[st-1] == "'") {
		if ms, _ := s.groupBack(st - 2); ms != nil {
			return ms, modality{}
		}
	}
	if st >= 1 && s.tags[st-1] == "PRP$" {
		if ms, _ := s.groupBack(st - 1); ms != nil {
			return ms, modality{}
		}
	}
	if ms := s.byAgent(m.end); ms != nil {
		return ms, modality{}
	}
	for j := st - 1; j >= 0; j-- {
		if isBoundary(s.keys[j]) {
			break
		}
		if isVerbTag(s.tags[j]) && !auxWords[s.keys[j]] || auxWords[s.keys[j]] && (j+1 >= s.n() || !isVerbTag(s.tags[j+1])) {
			if ms, ok := s.verbSubject[j]; ok && s.verbSubjectOK[j] {
				return ms, modality{}
			}
			g, mod := s.verbGroup(j)
			ms, add, ok := s.subject(g, j, 0)
			if !ok {
				return nil, mod
			}
			mod.join(add)
			mod.passive = false
			return ms, mod
		}
	}
	return nil, modality{}
}

// conditional reports whether token i stands in an "if" or "unless"
// clause.
func (s *sentence) conditional(i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch s.keys[j] {
		case "if", "unless", "whether":
			return true
		case ";", ":":
			return false
		}
		if dashes[s.keys[j]] {
			// "The PA - which ... if talks are revived - called for": the
			// condition stays inside its dashes.
			return false
		}
	}
	return false
}

// discussed reports whether the nominal act that starts at token i is
// the topic of a meeting or a debate ("a meeting of the ministers on new
// sanctions on Iran", "talks about a ceasefire"): what is talked about
// has not happened.
func (s *sentence) discussed(i int) bool {
	j := i - 1
	for j >= 0 && (s.tags[j] == "DT" || s.tags[j] == "JJ" || s.tags[j] == "PRP$") {
		j--
	}
	if j < 1 || !topicPreps[s.keys[j]] {
		return false
	}
	for k := j - 1; k >= 0 && k >= j-14; k-- {
		if discussionWords[s.keys[k]] {
			return true
		}
		if isBoundary(s.keys[k]) || s.tags[k] == "VBD" || s.tags[k] == "VBZ" || s.tags[k] == "VBP" || s.tags[k] == "MD" {
			return false
		}
	}
	return false
}

var topicPreps = set("on about over regarding concerning")

// discussionWords are the nouns of meetings and debates whose topic is
// not yet an act.
var discussionWords = set(`meeting meetings talks discussion discussions debate debates negotiations consultations
	conference summit session proposal proposals plan plans`)

// placeModifier reports whether token j starts a place name that
// modifies the common noun after it ("the Madrid peace talks", "the
// Geneva conference"): it names where, not who.
func (s *sentence) placeModifier(j int) bool {
	mi := s.ment[j]
	if mi < 0 || s.startOf(j) != j || s.a.Mentions[mi].Kind != doc.MentionPlace {
		return false
	}
	e := s.endOf(j) + 1
	return e < s.n() && s.ment[e] < 0 && (s.tags[e] == "NN" || s.tags[e] == "NNS")
}

// whenClause reports whether the verb at token i is in the present tense
// in a clause of time ("by the time he leaves office", "once the deal
// takes effect"): it names a time to come, not an act.
func (s *sentence) whenClause(i int) bool {
	if t := s.tags[i]; t != "VBZ" && t != "VBP" {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-6; j-- {
		k := s.keys[j]
		switch {
		case k == "time" && j >= 2 && s.keys[j-1] == "the" && s.keys[j-2] == "by",
			k == "until" || k == "once" || k == "when" || k == "before" || k == "after":
			return true
		case isBoundary(k) || k == "," || j < i-1 && isVerbTag(s.tags[j]):
			return false
		}
	}
	return false
}

// entities returns the entities of mentions ms, a state standing for its
// government, and those of skip left out.
func (s *sentence) entities(ms []int, skip []doc.Entity) []doc.Entity {
	var out []doc.Entity
	for _, mi := range ms {
		m := s.a.Mentions[mi]
		for _, e := range m.Entities {
			if e.Country == "" && e.Name == "" {
				continue
			}
			e = governed(m, e)
			dup := false
			for _, o := range append(out, skip...) {
				if sameEntity(o, e) || e.Name == "" && o.Country == e.Country && o.Sector == e.Sector {
					dup = true
					break
				}
			}
			if !dup {
				out = append(out, e)
			}
		}
	}
	return out
}

// sameEntity reports whether two entities are the same actor.
func sameEntity(a, b doc.Entity) bool {
	if a.Name != "" || b.Name != "" {
		return strings.EqualFold(a.Name, b.Name)
	}
	return a.Country == b.Country && a.Sector == b.Sector
}
