package actor

import (
	"dyad/doc"
)

// Roles, pronouns, pairs and other words that refer to actors named
// elsewhere in the article.

// lookback is how many sentences back a pronoun or role looks for what it
// refers to; maxBack caps the mentions it looks at, for sentences that
// never end.
const (
	lookback = 6
	maxBack  = 64
)

// ofPerson copies a person mention's entity for a mention that refers to
// it.
func (w *work) ofPerson(k int) []doc.Entity {
	out := make([]doc.Entity, len(w.out[k].Entities))
	for j, e := range w.out[k].Entities {
		out[j] = doc.Entity{Name: e.Name, Country: e.Country, Sector: e.Sector}
	}
	return out
}

// personEntity returns the entity of a knowledge-base person at the date.
func (w *work) personEntity(name string) (doc.Entity, minfo) {
	country, sector, e := w.kb.personSector(name, w.date)
	info := minfo{person: name}
	if e != nil {
		info.office, info.title = e.Office, e.Title
	}
	return doc.Entity{Name: name, Country: country, Sector: sector}, info
}

// latest returns the latest mention before token i, at most sentences
// sentences back and maxBack mentions back, for which ok is true; or -1.
func (w *work) latest(i, sentences int, ok func(k int) bool) int {
	s := w.sent[i]
	for k := len(w.out) - 1; k >= 0 && len(w.out)-k <= maxBack; k-- {
		if w.info[k].tok >= i {
			continue
		}
		if s-w.out[k].Sentence > sentences {
			return -1
		}
		if ok(k) {
			return k
		}
	}
	return -1
}

// findPerson returns the latest person mention before token i, within
// lookback sentences, for which ok is true; or -1.
func (w *work) findPerson(i int, ok func(k int) bool) int {
	return w.latest(i, lookback, func(k int) bool {
		return w.info[k].person != "" && (ok == nil || ok(k))
	})
}

func overlaps(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y && x != "other" {
				return true
			}
		}
	}
	return false
}

// addRole adds a role phrase ("the Chinese president", "Russia's foreign
// minister", "his Russian counterpart") resolved to the person who holds
// the role: one the article names, or the holder at the date.
func (w *work) addRole(i int, mods, heads []unit, post *unit, end int) int {
	he := w.entry(heads[len(heads)-1])
	country := w.modCountry(mods)
	if country == "" && post != nil {
		country = w.entry(*post).Country
	}
	from := i
	possessor := -1
	visiting := false
	for k := from - 1; k >= 0 && w.sent[k] == w.sent[i] && from-k <= 2; k-- {
		switch w.keys[k] {
		case "the":
			from = k
			continue
		case "his", "her":
			from = k
			possessor = w.antecedent(k, false)
			continue
		case "visiting":
			from, visiting = k, true
			continue
		}
		break
	}
	for _, u := range heads[:len(heads)-1] {
		if w.entry(u).Name == "visiting" {
			visiting = true
		}
	}
	office, title := he.Office, he.Name
	ref := -1
	// An apposition names the person: "his Russian counterpart, Vladimir Putin,".
	if end+1 < len(w.words) && w.words[end] == "," && w.sent[end+1] == w.sent[i] {
		if m := w.matchAt(end + 1); m != nil {
			if u := w.unit(m); u.kind == KindPerson {
				// Not a person of another country: "as US President,
				// Tony Blair has said" is no apposition.
				if name := w.choosePerson(u); name != "" {
					if ent, info := w.personEntity(name); country == "" || ent.Country == "" || ent.Country == country {
						info.visitor = visiting
						return w.roleMention(from, end, "apposition", info, ent, -1)
					}
				}
			}
		}
	}
	switch {
	case he.Name == "counterpart":
		if possessor < 0 {
			possessor = w.findPerson(i, nil)
		}
		if possessor < 0 {
			break
		}
		pi := w.info[possessor]
		office, title = pi.office, pi.title
		if country == "" {
			ref = w.findPerson(i, func(k int) bool {
				return w.out[k].Entities[0].Country != w.out[possessor].Entities[0].Country &&
					(w.info[k].title == title || overlaps(w.info[k].office, office))
			})
		}
	case visiting && country == "":
		ref = w.findPerson(i, func(k int) bool { return w.info[k].visitor })
	case he.Name == "leader":
		office = []string{"HOS", "HOG"}
		title = ""
	}
	if ref < 0 {
		// One the article already named: the latest of that title ("the
		// prime minister" is the prime minister, not a president who is
		// also head of government), else of that office.
		sameCountry := func(k int) bool {
			e := w.out[k].Entities[0]
			return e.Country != "" && (country == "" || e.Country == country)
		}
		if title != "" {
			ref = w.findPerson(i, func(k int) bool { return sameCountry(k) && w.info[k].title == title })
		}
		if ref < 0 {
			ref = w.findPerson(i, func(k int) bool { return sameCountry(k) && overlaps(w.info[k].office, office) })
		}
	}
	if ref >= 0 {
		info := w.info[ref]
		info.visitor = info.visitor || visiting
		return w.roleMention(from, end, "role", info, w.ofPerson(ref)[0], ref)
	}
	if country != "" {
		name := ""
		if he.Name == "leader" {
			// A party chief or supreme leader leads; else the head of
			// government, or a president the article names.
			for _, t := range []string{"supreme leader", "general secretary"} {
				if name = w.kb.holder(country, "", t, w.date, w.mentioned); name != "" {
					break
				}
			}
			if name == "" {
				name = w.kb.holder(country, "HOG", "", w.date, w.mentioned)
				if h := w.kb.holder(country, "HOS", "president", w.date, w.mentioned); h != "" && (name == "" || w.mentioned(h)) {
					name = h
				}
			}
		} else {
			for _, o := range append([]string{""}, office...) {
				if name = w.kb.holder(country, o, title, w.date, w.mentioned); name != "" {
					break
				}
				title = ""
			}
		}
		if name != "" {
			ent, info := w.personEntity(name)
			info.visitor = visiting
			return w.roleMention(from, end, "role", info, ent, -1)
		}
	}
	// Nobody known: the role still gives the country and the sector.
	w.add(from, end, doc.MentionGroup, "agent", minfo{}, doc.Entity{Country: country, Sector: w.agentSector(heads)})
	return end
}

func (w *work) roleMention(from, end int, via string, info minfo, ent doc.Entity, ref int) int {
	ent.Text, ent.Start, ent.End = "", 0, 0
	idx := w.add(from, end, doc.MentionPerson, via, info, ent)
	w.out[idx].Ref = ref
	return end
}

// mentioned reports whether the article has named the person so far or
// names them in full anywhere.
func (w *work) mentioned(name string) bool {
	return w.named[name] || w.people[name]
}

// antecedent returns the person mention that the pronoun at token i
// stands for, or -1. A subject or possessive pronoun ("he", "his") takes
// the first person of its own sentence, else of the latest earlier
// sentence that names one; an object pronoun ("him") takes the latest
// person who is not its sentence's subject.
//
// "she" and "her" look for a woman first (see KB.Female), then for anyone;
// "he", "his" and "him" never take a woman.
func (w *work) antecedent(i int, object bool) int {
	switch w.keys[i] {
	case "she", "her":
		if k := w.antecedentIf(i, object, func(m minfo) bool { return m.female }); k >= 0 {
			return k
		}
		return w.antecedentIf(i, object, func(minfo) bool { return true })
	}
	return w.antecedentIf(i, object, func(m minfo) bool { return !m.female })
}

func (w *work) antecedentIf(i int, object bool, fits func(minfo) bool) int {
	s := w.sent[i]
	ok := func(k int) bool { return w.info[k].human() && fits(w.info[k]) }
	subj := -1
	for k := w.firstIn(s); k >= 0 && k < len(w.out) && w.out[k].Sentence == s; k++ {
		if w.info[k].tok < i && ok(k) {
			subj = k
			break
		}
	}
	if !object {
		if k := w.toldPerson(i, ok); k >= 0 {
			return k
		}
		if subj >= 0 {
			return subj
		}
		k := w.findHuman(i, func(k int) bool { return fits(w.info[k]) })
		if k < 0 {
			return -1
		}
		for j := w.firstIn(w.out[k].Sentence); j < k; j++ {
			if ok(j) {
				return j
			}
		}
		return k
	}
	return w.findHuman(i, func(k int) bool {
		return fits(w.info[k]) && (subj < 0 || w.info[k].person == "" || w.info[k].person != w.info[subj].person)
	})
}

// toldPerson returns the person mention just before the subject pronoun
// at token i when a verb of telling governs it ("warning President Pervez
// Musharraf he must ...", "told Putin that he was welcome"): the one told
// is the one the clause is about. Else -1.
func (w *work) toldPerson(i int, ok func(k int) bool) int {
	k := len(w.out) - 1
	if k < 0 || !ok(k) || w.out[k].Sentence != w.sent[i] {
		return -1
	}
	end := i
	if end > 0 && w.keys[end-1] == "that" {
		end--
	}
	if end == 0 || w.a.Tokens[end-1].End != w.out[k].End {
		return -1
	}
	if t := w.info[k].tok; t > 0 && tellVerbs[w.keys[t-1]] {
		return k
	}
	return -1
}

// tellVerbs are the forms of verbs whose object is then the subject of
// the clause they report.
var tellVerbs = map[string]bool{"warn": true, "warns": true, "warned": true, "warning": true,
	"tell": true, "tells": true, "told": true, "telling": true, "assure": true, "assures": true,
	"assured": true, "assuring": true, "remind": true, "reminds": true, "reminded": true,
	"reminding": true, "inform": true, "informs": true, "informed": true, "informing": true,
	"caution": true, "cautions": true, "cautioned": true, "cautioning": true}

// human reports whether a mention names one person: by name, or by a
// singular noun for a person ("the doctor", "a spokesman").
func (m minfo) human() bool { return m.person != "" || m.single }

// findHuman is findPerson for pronouns: it also takes singular nouns for
// people.
func (w *work) findHuman(i int, ok func(k int) bool) int {
	return w.latest(i, lookback, func(k int) bool {
		return w.info[k].human() && (ok == nil || ok(k))
	})
}

// special handles the words at token i that refer to actors without a
// knowledge-base match: pronouns, "the two presidents", "the host", and
// surnames of people the article introduced. It returns the next token.
func (w *work) special(i, hi int) int {
	key := w.keys[i]
	switch key {
	case "he", "she", "his", "her", "him":
		// "He Zhihua" is a name.
		if end := w.nameAfter(i+1, hi); end > i+1 && w.cases[i]&caseFirstUpper != 0 && !w.titleCase(i) {
			return w.addLocalName(i, nil, nil, i, end)
		}
		if k := w.antecedent(i, key == "him" || key == "her" && w.objectHer(i, hi)); k >= 0 {
			idx := w.add(i, i+1, doc.MentionPronoun, "pronoun", w.info[k], w.ofPerson(k)...)
			w.out[idx].Ref = k
			w.info[idx].tok = i
		}
		return i + 1
	case "its", "it":
		// "its" and a reporting "it said" stand for the latest state or
		// organisation.
		if key == "it" && (i+1 >= hi || !reportVerbs[w.keys[i+1]]) {
			return i + 1
		}
		if k := w.institution(i); k >= 0 {
			idx := w.add(i, i+1, doc.MentionPronoun, "pronoun", minfo{}, w.ofPerson(k)...)
			w.out[idx].Ref = k
		}
		return i + 1
	case "they", "them", "their":
		if k := w.group(i); k >= 0 {
			idx := w.add(i, i+1, doc.MentionPronoun, "pronoun", minfo{plural: true}, w.ofPerson(k)...)
			w.out[idx].Ref = k
		}
		return i + 1
	case "the", "both":
		if end, ok := w.pair(i, hi); ok {
			return end
		}
		if i+1 < hi {
			switch w.keys[i+1] {
			case "host", "hosts", "visitor", "visitors", "guest", "guests":
				return w.hostOrGuest(i, i+2)
			case "body", "bloc", "alliance", "organisation", "organization", "grouping":
				// "The Arab League condemned the move. The PA called
				// for a meeting of the body."
				if k := w.latestIGO(i); k >= 0 && key == "the" {
					idx := w.add(i, i+2, doc.MentionOrg, "reference", minfo{}, w.ofPerson(k)...)
					w.out[idx].Ref = k
					return i + 2
				}
			}
		}
	case "host", "hosts":
		if i > 0 && (w.keys[i-1] == "his" || w.keys[i-1] == "her" || w.keys[i-1] == "their") {
			return w.hostOrGuest(i-1, i+1)
		}
	}
	if honorifics[key] {
		k := i + 1
		if k < hi && w.words[k] == "." {
			k++
		}
		if k < hi && w.matchAt(k) == nil {
			if end := w.nameAfter(k, hi); end > k {
				name := w.a.Slice(w.span(k, end))
				lp, ok := w.local[w.keys[end-1]]
				ent := doc.Entity{Name: name}
				ref := -1
				if ok {
					ent = doc.Entity{Name: lp.name, Country: lp.country, Sector: lp.sector}
					ref = lp.mention
				}
				idx := w.add(i, end, doc.MentionPerson, "title", minfo{person: ent.Name}, ent)
				w.out[idx].Ref = ref
				if !ok {
					w.local[w.keys[end-1]] = localPerson{name: name, mention: idx}
				}
				return end
			}
		}
		return i + 1
	}
	if lp, ok := w.local[key]; ok && w.cases[i]&caseFirstUpper != 0 {
		idx := w.add(i, i+1, doc.MentionPerson, "alias", minfo{person: lp.name},
			doc.Entity{Name: lp.name, Country: lp.country, Sector: lp.sector})
		w.out[idx].Ref = lp.mention
	}
	return i + 1
}

var reportVerbs = map[string]bool{"said": true, "says": true, "added": true, "announced": true,
	"warned": true, "stated": true, "insisted": true, "denied": true, "claimed": true}

// institution returns the latest mention of one state, organisation or
// government seat before token i, within two sentences, or -1.
func (w *work) institution(i int) int {
	return w.latest(i, 2, func(k int) bool {
		m := w.out[k]
		if len(m.Entities) != 1 || m.Entities[0].Country == "" && m.Kind != doc.MentionOrg {
			return false
		}
		return m.Kind == doc.MentionState || m.Kind == doc.MentionOrg ||
			m.Kind == doc.MentionPlace && m.Entities[0].Sector != ""
	})
}

// latestIGO returns the latest mention of one international organisation
// before token i, within two sentences, or -1.
func (w *work) latestIGO(i int) int {
	return w.latest(i, 2, func(k int) bool {
		m := w.out[k]
		return m.Kind == doc.MentionOrg && len(m.Entities) == 1 && IsIGO(m.Entities[0].Country)
	})
}

// objectHer reports whether "her" at i is an object ("met her") rather
// than a possessive ("her visit"): it is when no word follows in the
// sentence or the next is punctuation or a preposition.
func (w *work) objectHer(i, hi int) bool {
	if i+1 >= hi {
		return true
	}
	switch w.keys[i+1] {
	case ",", ".", "to", "in", "on", "at", "with", "for", "and", "as", "that", "of":
		return true
	}
	return false
}

// group returns the latest mention of several actors before token i,
// within two sentences, or -1.
func (w *work) group(i int) int {
	return w.latest(i, 2, func(k int) bool {
		return len(w.out[k].Entities) > 1 || w.info[k].plural && w.out[k].Kind == doc.MentionGroup
	})
}

var pairNouns = map[string]string{
	"presidents": "person", "leaders": "person", "men": "person", "heads": "person",
	"ministers": "person", "premiers": "person", "sides": "any", "parties": "any",
	"countries": "state", "nations": "state", "states": "state", "governments": "state",
	"neighbours": "state", "neighbors": "state",
}

var pairVerbs = map[string]bool{"said": true, "met": true, "signed": true, "held": true,
	"have": true, "had": true, "will": true, "would": true, "are": true, "were": true,
	"also": true, "discussed": true, "oversaw": true, "agreed": true, "spoke": true,
	"talked": true, "shook": true, "exchanged": true, "can": true, "could": true,
	"should": true, "did": true, "then": true, "later": true, "witnessed": true}

// pair reads "the two presidents", "both leaders", "the two" at token i
// and adds a mention of the two actors last named. It returns the token
// after the phrase and whether it read one.
func (w *work) pair(i, hi int) (int, bool) {
	k := i + 1
	if w.keys[i] == "the" {
		if k >= hi || w.keys[k] != "two" {
			return i, false
		}
		k++
	}
	what, end := "", k
	if k < hi {
		if p, ok := pairNouns[w.keys[k]]; ok {
			what, end = p, k+1
			if w.keys[k] == "heads" && k+2 < hi && w.keys[k+1] == "of" {
				end = k + 3
			}
		}
	}
	if what == "" {
		if w.keys[i] == "both" || k >= hi || !pairVerbs[w.keys[k]] && !(w.cases[k] == 0 && len(w.keys[k]) > 3 && w.keys[k][len(w.keys[k])-2:] == "ed") {
			return i, false
		}
		what = "person"
	}
	var ents []doc.Entity
	var refs []int
	seen := map[string]bool{}
	persons := len(w.personsBefore(i))
	for j := len(w.out) - 1; j >= 0 && len(ents) < 2 && len(w.out)-j <= maxBack; j-- {
		if w.info[j].tok >= i || w.sent[i]-w.out[j].Sentence > 2*lookback {
			continue
		}
		m := w.out[j]
		switch {
		case (what == "person" || what == "any") && w.info[j].person != "" && len(m.Entities) == 1 &&
			!(w.info[j].female && end > k && w.keys[k] == "men"):
			if !seen[w.info[j].person] {
				seen[w.info[j].person] = true
				ents = append(ents, w.ofPerson(j)[0])
				refs = append(refs, j)
			}
		case (what == "state" || what == "any" && persons < 2) && m.Kind == doc.MentionState && len(m.Entities) == 1:
			c := m.Entities[0].Country
			if c != "" && !seen[c] {
				seen[c] = true
				ents = append(ents, doc.Entity{Country: c})
				refs = append(refs, j)
			}
		}
	}
	if len(ents) < 2 {
		return i, false
	}
	// The pair in the order the article first named them.
	if w.firstMention(ents[1]) < w.firstMention(ents[0]) {
		ents[0], ents[1] = ents[1], ents[0]
		refs[0], refs[1] = refs[1], refs[0]
	}
	idx := w.add(i, end, doc.MentionGroup, "pair", minfo{plural: true}, ents...)
	w.out[idx].Ref = refs[1]
	return end, true
}

// firstMention returns the index of the first mention of the entity's
// person (by name) or state (by country).
func (w *work) firstMention(e doc.Entity) int {
	if k, ok := w.first[firstKey(e)]; ok {
		return k
	}
	return len(w.out)
}

func firstKey(e doc.Entity) string {
	if e.Name != "" {
		return e.Name
	}
	return "\x00" + e.Country
}

// firstIn returns the index of the first mention of sentence s, or -1.
func (w *work) firstIn(s int) int {
	if k, ok := w.sentFirst[s]; ok {
		return k
	}
	return -1
}

// personsBefore returns the people named in the lookback before token i.
func (w *work) personsBefore(i int) map[string]bool {
	out := map[string]bool{}
	for j := len(w.out) - 1; j >= 0 && w.sent[i]-w.out[j].Sentence <= 2*lookback && len(w.out)-j <= maxBack; j-- {
		if w.info[j].tok < i && w.info[j].person != "" && w.sent[i]-w.out[j].Sentence <= 2*lookback {
			out[w.info[j].person] = true
		}
	}
	return out
}

// hostOrGuest resolves "the host" to the latest person who is not the
// visitor, and "the visitor" or "the guest" to the latest visitor.
func (w *work) hostOrGuest(from, end int) int {
	guest := w.keys[end-1] != "host" && w.keys[end-1] != "hosts"
	visitor := w.findPerson(from, func(k int) bool { return w.info[k].visitor })
	var k int
	if guest {
		k = visitor
	} else {
		k = w.findPerson(from, func(k int) bool {
			if w.info[k].visitor {
				return false
			}
			return visitor < 0 || w.out[k].Entities[0].Country != w.out[visitor].Entities[0].Country
		})
	}
	if k < 0 {
		return end
	}
	idx := w.add(from, end, doc.MentionPerson, "role", w.info[k], w.ofPerson(k)...)
	w.out[idx].Ref = k
	return end
}
