package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad/doc"
)

// speaker is who a statement is attributed to: one entity for each actor
// that speaks (several for "The United Nations and European Union
// stressed"), or none when the speaker is unknown.
type speaker struct {
	ents []doc.Entity
	// person is true for one person: a mention of a person, a pronoun
	// that stands for one, or a person's name.
	person bool
	// actor is true for a speaker that a mention or a name gives, false
	// for words that name no one in particular.
	actor bool
}

// ok reports whether the speaker is known.
func (s speaker) ok() bool { return len(s.ents) > 0 }

// sameSpeaker reports whether two speakers are the same actors.
func sameSpeaker(a, b speaker) bool {
	if len(a.ents) != len(b.ents) {
		return false
	}
	for i := range a.ents {
		x, y := a.ents[i], b.ents[i]
		if x.Name != y.Name || x.Text != y.Text || x.Country != y.Country {
			return false
		}
	}
	return true
}

// pick chooses the speaker of the noun phrase at tokens s..e, with an
// apposition or parenthesis at tokens aLo..aHi (aLo < 0 when there is
// none): the mention that heads the phrase when it names someone, with the
// others joined to it by "and"; a person that the apposition names; the
// head mention that names no one ("officials", "the president" left
// unresolved); or else the words of the phrase, with the name of a person
// or organisation that they end in and the country and sector of the
// mentions among them.
func (w *work) pick(s, e, aLo, aHi int) speaker {
	head := -1
	if w.ment[e] >= 0 {
		head = int(w.ment[e])
	} else if e > s && !w.isWord(e) && w.ment[e-1] >= 0 {
		head = int(w.ment[e-1])
	}
	if head >= 0 && e > s {
		switch w.low(e) {
		case "him", "her", "them", "me", "us":
			// "those close to him": the pronoun is no head.
			head = -1
		}
	}
	if head < 0 {
		// "Both Khush and Mediah", "Erekat and Ashrawi": each speaks.
		for k := s + 1; k < e; k++ {
			if w.is(k, "and") && w.capitalized(k-1) && w.capitalized(e) && w.ment[k-1] < 0 {
				l, r := w.pick(s, k-1, -1, -1), w.pick(k+1, e, -1, -1)
				if l.person && r.person {
					return speaker{ents: append(l.ents, r.ents...), actor: true}
				}
				break
			}
		}
	}
	if head >= 0 {
		// "China's ambassador to Britain": the phrase is headed by the
		// mention before the preposition, unless that mention names no one
		// and the one after it is a named organisation ("a spokesperson
		// for the British Foreign Office").
		for k := s + 1; k < e; k++ {
			if !w.isPrep(k) || w.ment[k-1] < 0 || int(w.ment[k-1]) == head {
				continue
			}
			x := int(w.ment[k-1])
			if w.named(head) && w.named(x) &&
				w.a.Mentions[x].Entities[0].Name == w.a.Mentions[head].Entities[0].Name {
				// "President of Ukraine Volodymyr Zelenskyy": the role
				// and the name are one person; the name heads.
				break
			}
			if w.named(x) || !w.named(head) {
				head = x
			}
			break
		}
	}
	if head >= 0 && w.a.Mentions[head].Kind == doc.MentionOrg {
		// "Pavel Felgenhauer of the Jamestown Foundation": a person of
		// the organisation.
		for k := s + 2; k < e; k++ {
			if w.is(k, "of") || w.is(k, "at") || w.is(k, "from") {
				if name, person := w.properName(s, k-1); person && strings.Contains(name, " ") {
					return w.nameSpeaker(s, k-1, name, true, s, e)
				}
				break
			}
		}
	}
	if head >= 0 && len(w.a.Mentions[head].Entities) <= 1 && (w.a.Mentions[head].Kind == doc.MentionPerson ||
		w.a.Mentions[head].Kind == doc.MentionPlace) {
		// "Tory leader Michael Howard", "SDF spokesman Mustafa Bali": the
		// name as written, where the actor stage took it for someone
		// else or something else, or where it writes the person's full
		// name otherwise than the knowledge base ("Volodymyr Zelenskyy"
		// for Volodymyr Zelensky).
		if name := w.writtenName(s, e, head); name != "" {
			spk := w.mentionSpeaker(head)
			if ent := &spk.ents[0]; ent.Name == "" || !compatible(name, ent.Name) ||
				nameLen(name) > nameLen(ent.Name) && subset(ent.Name, name) ||
				nameLen(name) == nameLen(ent.Name) && subset(ent.Name, name) && subset(name, ent.Name) {
				if ent.Name == "" || !compatible(name, ent.Name) || nameLen(name) > nameLen(ent.Name) {
					ent.Country, ent.Sector = w.roleOf(s, e, head)
				}
				ent.Name = name
				if t := w.toks[s]; t.Start < ent.Start {
					ent.Text, ent.Start = w.text[t.Start:ent.End], t.Start
				}
			}
			w.noteName(spk.ents[0])
			return spk
		}
	}
	if head >= 0 && w.named(head) {
		return w.headSpeaker(s, e, head)
	}
	if aLo >= 0 && aHi >= aLo && w.npFwd(aLo, aHi+1) == aHi+1 {
		// An apposition: "a spokesperson, Morgan Ortagus, said".
		for k := aLo; k <= aHi; k++ {
			if mi := w.ment[k]; mi >= 0 && w.named(int(mi)) && w.a.Mentions[mi].Kind == doc.MentionPerson {
				return w.mentionSpeaker(int(mi))
			}
		}
		if name, person := w.properName(aLo, aHi); person {
			return w.nameSpeaker(aLo, aHi, name, true, s, e)
		}
	}
	if head >= 0 {
		return w.headSpeaker(s, e, head)
	}
	name, person := w.properName(s, e)
	if person && s == e && w.isAcronym(e) {
		name, person = w.acronym(e), false
	}
	return w.nameSpeaker(s, e, name, person, s, e)
}

// isAcronym reports whether token i is a word in capitals: "ONGC".
func (w *work) isAcronym(i int) bool {
	s := w.word(i)
	if len(s) < 2 {
		return false
	}
	for j := 0; j < len(s); j++ {
		if s[j] < 'A' || s[j] > 'Z' {
			return false
		}
	}
	return true
}

// acronym returns the name that the acronym at token i stands for, where
// the article spells it out before it in brackets ("the Oil & Natural Gas
// Corporation (ONGC)"), or the acronym itself.
func (w *work) acronym(i int) string {
	acr := w.word(i)
	at := strings.Index(w.text, "("+acr+")")
	if at < 0 || at >= w.toks[i].Start {
		return acr
	}
	// The token of the opening bracket.
	lo := w.tokenAt(at)
	if lo == 0 || lo >= len(w.toks) || w.toks[lo].Start != at {
		return acr
	}
	if name := w.orgName(w.sentLo[w.toks[lo].Sentence], lo-1); name != "" {
		return name
	}
	return acr
}

// named reports whether mention mi resolves to a named actor, or is a
// pronoun or a role that resolves to anything.
func (w *work) named(mi int) bool {
	m := &w.a.Mentions[mi]
	return len(m.Entities) > 0 && m.Entities[0].Name != ""
}

// headSpeaker returns the speaker of a noun phrase s..e headed by mention
// head, with the mentions joined to it by "and".
func (w *work) headSpeaker(s, e, head int) speaker {
	spk := speaker{actor: true}
	for k := s + 1; k < e; k++ {
		if (w.is(k, "and") || w.is(k, "&")) && w.ment[k-1] >= 0 && int(w.ment[k-1]) != head {
			spk.ents = append(spk.ents, w.mentionSpeaker(int(w.ment[k-1])).ents...)
		}
	}
	own := w.mentionSpeaker(head)
	if len(own.ents) == 1 && w.a.Mentions[head].Kind == doc.MentionGroup {
		ent := &own.ents[0]
		if ent.Name == "" && ent.Country == "" {
			// "Mr Blair's official spokesman": an unnamed speaker of no
			// country is of the country of the person or body whose it
			// is.
			if c, _ := w.roleOf(s, w.tokenAt(w.a.Mentions[head].Start)-1, head); c != "" {
				ent.Country = c
			}
		}
		w.groupContext(head, ent)
	}
	if len(spk.ents) == 0 {
		return own
	}
	spk.ents = append(spk.ents, own.ents...)
	return spk
}

// tokenAt returns the token that starts at or after byte offset at.
func (w *work) tokenAt(at int) int {
	lo, hi := 0, len(w.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if w.toks[m].Start < at {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// mentionSpeaker returns the speaker that mention mi names: one entity for
// each actor it resolves to, each with the mention's words. A pronoun for
// a person is resolved again for its role as a speaker (see
// pronounSpeaker), and a surname on its own ("Erekat", "Mr Howard") takes
// the person that the article named in full before, where the actor stage
// knew no one by it or someone else.
func (w *work) mentionSpeaker(mi int) speaker {
	m := &w.a.Mentions[mi]
	if m.Kind == doc.MentionPronoun {
		if spk, ok := w.pronounSpeaker(mi); ok {
			return spk
		}
	}
	spk := speaker{person: m.Kind == doc.MentionPerson || m.Kind == doc.MentionPronoun && len(m.Entities) == 1, actor: true}
	if len(m.Entities) == 0 {
		e := doc.Entity{Text: m.Text, Start: m.Start, End: m.End}
		if m.Kind == doc.MentionPerson {
			if n, ok := w.known(m.Text); ok {
				e.Name, e.Country, e.Sector = n.Name, n.Country, n.Sector
			} else {
				e.Name = w.nameInText(m.Text, m.Start)
			}
		}
		spk.ents = append(spk.ents, e)
		return spk
	}
outer:
	for _, e := range m.Entities {
		for _, o := range spk.ents {
			if o.Name == e.Name && o.Country == e.Country && o.Sector == e.Sector {
				continue outer
			}
		}
		ent := doc.Entity{Text: m.Text, Name: e.Name, Country: e.Country, Sector: e.Sector, Start: m.Start, End: m.End}
		if m.Kind == doc.MentionOrg && len(m.Entities) == 1 {
			if n := writtenOrg(m.Text); n != "" {
				// "the British Foreign Office": the name the article
				// gives the organisation, where it writes it in full.
				ent.Name = n
			}
		}
		if ent.Name == "" && ent.Sector == "" && ent.Country != "" &&
			(m.Kind == doc.MentionState || m.Kind == doc.MentionPronoun || m.Via == "pair") {
			// A state that speaks ("The UK has urged", "Japan has
			// said", "both countries said") is its government.
			ent.Sector = "GOV"
		}
		if (m.Kind == doc.MentionPerson || m.Kind == doc.MentionPlace) && len(m.Entities) == 1 {
			text := m.Text
			if m.Via == "role" && ent.Name != "" {
				// "the Tory leader" resolved to someone of the surname
				// of a person named in full in the article.
				text = ent.Name[strings.LastIndexByte(ent.Name, ' ')+1:]
			}
			if n, ok := w.known(text); ok && (ent.Name == "" || !compatible(n.Name, ent.Name)) {
				ent.Name, ent.Country, ent.Sector = n.Name, n.Country, n.Sector
			} else if ent.Name != "" && strings.Contains(m.Text, " ") && compatible(m.Text, ent.Name) {
				w.noteName(ent)
			}
		}
		spk.ents = append(spk.ents, ent)
	}
	return spk
}

// writtenOrg returns the name of an organisation as text writes it, less
// "the", where that is a full proper name: two words or more, each
// capitalized but for "of", "for", "and", "&" and the like, with no
// abbreviation ("U.N.", "EU") or possessive in it. Otherwise it returns
// "".
func writtenOrg(text string) string {
	text = strings.TrimSpace(text)
	for _, the := range []string{"the ", "The "} {
		text = strings.TrimPrefix(text, the)
	}
	f := strings.Fields(text)
	if len(f) < 2 || strings.ContainsAny(text, ".'’()") {
		return ""
	}
	for i, wd := range f {
		if i > 0 && i < len(f)-1 && connector(strings.ToLower(wd)) {
			continue
		}
		r, n := utf8.DecodeRuneInString(wd)
		if !unicode.IsUpper(r) || strings.ToUpper(wd) == wd && n < len(wd) {
			return ""
		}
	}
	return strings.Join(f, " ")
}

// groupContext completes the entity ent of an unnamed group that is a
// speaker (mention mi) from the rest of the article: "police" (or "the
// army") where the article names one police force (or army) of that
// country, is that force ("Hong Kong police" named later gives "Hong Kong
// Police Force"); else a group of no country takes the country of the
// last group of the same noun and sector before it ("One official said"
// after "Egyptian officials said").
func (w *work) groupContext(mi int, ent *doc.Entity) {
	if ent.Name != "" || ent.Sector == "" {
		return
	}
	head := headNoun(w.a.Mentions[mi].Text)
	if institutionHeads[head] {
		if org, ok := w.soleOrg(ent.Sector, ent.Country); ok {
			ent.Name, ent.Country = org.Name, org.Country
			return
		}
	}
	if ent.Country != "" {
		return
	}
	for j := mi - 1; j >= 0; j-- {
		o := &w.a.Mentions[j]
		if o.Kind != doc.MentionGroup || len(o.Entities) != 1 {
			continue
		}
		if e := o.Entities[0]; e.Country != "" && e.Name == "" && e.Sector == ent.Sector && headNoun(o.Text) == head {
			ent.Country = e.Country
			return
		}
	}
}

// institutionHeads are the nouns for a state's one force of its kind:
// "police said" where the article names the police force.
var institutionHeads = map[string]bool{"police": true, "army": true, "navy": true, "military": true}

// headNoun returns the last word of a noun phrase in lower case, without
// the plural "s": "Egyptian officials" gives "official".
func headNoun(text string) string {
	f := strings.Fields(strings.ToLower(text))
	if len(f) == 0 {
		return ""
	}
	h := f[len(f)-1]
	if len(h) > 3 && strings.HasSuffix(h, "s") && !strings.HasSuffix(h, "ss") {
		h = h[:len(h)-1]
	}
	return h
}

// soleOrg returns the organisation of the sector (and of the country,
// when it is not "") that the article names, when it names one only.
func (w *work) soleOrg(sector, country string) (doc.Entity, bool) {
	var found doc.Entity
	for i := range w.a.Mentions {
		m := &w.a.Mentions[i]
		if m.Kind != doc.MentionOrg || len(m.Entities) != 1 {
			continue
		}
		e := m.Entities[0]
		if e.Name == "" || e.Sector != sector || country != "" && e.Country != country {
			continue
		}
		if found.Name != "" && found.Name != e.Name {
			return doc.Entity{}, false
		}
		found = e
	}
	return found, found.Name != ""
}

// nameSpeaker returns the speaker written as tokens s..e with no mention
// heading them, named name (or not named, for ""), with the country and
// sector of a mention among tokens ms..me: a role or group ("Palestinian
// chief negotiator") before a state ("Brazil's").
func (w *work) nameSpeaker(s, e int, name string, person bool, ms, me int) speaker {
	ent := doc.Entity{Text: w.text[w.toks[s].Start:w.toks[e].End], Start: w.toks[s].Start, End: w.toks[e].End}
	ent.Name = name
	ent.Country, ent.Sector = w.roleOf(ms, me, -1)
	if person {
		if n, ok := w.known(name); ok {
			ent.Name = n.Name
			if ent.Country == "" && ent.Sector == "" {
				ent.Country, ent.Sector = n.Country, n.Sector
			}
		} else {
			if !strings.Contains(name, " ") {
				if n := w.nameInText(name, ent.Start); n != "" {
					ent.Name = n
				}
			}
			w.noteName(ent)
		}
	}
	return speaker{ents: []doc.Entity{ent}, person: person && name != "", actor: name != ""}
}

// roleOf returns the country and sector of the mentions among tokens
// s..e other than mention skip: those of a role or group ("Palestinian
// chief negotiator") before the country of a state ("Brazil's").
func (w *work) roleOf(s, e, skip int) (country, sector string) {
	best := -1
	for k := s; k <= e; k++ {
		mi := int(w.ment[k])
		if mi < 0 || mi == best || mi == skip {
			continue
		}
		m := &w.a.Mentions[mi]
		if len(m.Entities) != 1 || m.Kind == doc.MentionPronoun {
			continue
		}
		if best < 0 || m.Entities[0].Sector != "" && w.a.Mentions[best].Entities[0].Sector == "" {
			best = mi
		}
	}
	if best < 0 {
		return "", ""
	}
	m := &w.a.Mentions[best]
	country = m.Entities[0].Country
	if m.Kind == doc.MentionGroup || m.Kind == doc.MentionPerson {
		sector = m.Entities[0].Sector
	}
	return country, sector
}

// writtenName returns the full name of a person as the article writes it
// at the end of tokens s..e, where mention head (a person) ends it:
// "Tory leader Michael Howard" gives "Michael Howard" even where the actor
// stage's mention is "Howard" alone. It returns "" for fewer than two
// words of name.
func (w *work) writtenName(s, e, head int) string {
	k := e
	for k >= s && (w.ment[k] < 0 || int(w.ment[k]) == head) && w.nameWord(k) {
		k--
	}
	if n := e - k; n < 2 || n > 4 {
		return ""
	}
	return w.text[w.toks[k+1].Start:w.toks[e].End]
}

// capitalized reports whether token i is a word that starts with a
// capital letter.
func (w *work) capitalized(i int) bool {
	t := w.toks[i]
	if t.End <= t.Start {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w.text[t.Start:t.End])
	return unicode.IsUpper(r)
}

// properName returns the name that tokens s..e end in, where no mention
// covers it, and whether it is a person's: the capitalized words after a
// title or role ("White House press secretary Josh Earnest", "Director
// Ane Alencar"), or the capitalized words, with "of", "for" and "and"
// among them, of an organisation ("Brazil's National Institute for Space
// Research"), without "The". It returns "" when tokens s..e end in no
// name.
func (w *work) properName(s, e int) (string, bool) {
	if e < s || !w.capitalized(e) || w.ment[e] >= 0 {
		return "", false
	}
	k := e
	for k >= s && w.ment[k] < 0 && w.nameWord(k) {
		k--
	}
	if n := e - k; n >= 1 && n <= 4 && (k < s || !orgWord(w.low(k)) && !connector(w.word(k))) {
		name := w.text[w.toks[k+1].Start:w.toks[e].End]
		if n > 1 || w.midCapital(e) {
			return name, true
		}
		if _, ok := w.known(name); ok {
			return name, true
		}
		return "", false
	}
	return w.orgName(s, e), false
}

// orgName returns the name of an organisation that tokens s..e end in:
// capitalized words, with "of", "for" and "and" among them, without "The",
// or "".
func (w *work) orgName(s, e int) string {
	if e < s || !w.capitalized(e) {
		return ""
	}
	k := e
	for k >= s && (w.capitalized(k) || w.isInitial(k) || k < e && connector(w.word(k))) {
		k--
	}
	k++
	for k < e && (connector(w.word(k)) || w.isDet(k)) {
		k++
	}
	org := false
	for t := k; t <= e && !org; t++ {
		org = orgWord(w.low(t)) || t > k && (w.is(t, "of") || w.is(t, "for"))
	}
	if !org {
		return ""
	}
	return w.text[w.toks[k].Start:w.toks[e].End]
}

// nameWord reports whether token i may be a word of a person's name: a
// proper noun or an initial that is no title.
func (w *work) nameWord(i int) bool {
	if w.isInitial(i) {
		return true
	}
	if !w.capitalized(i) || titleWord(w.low(i)) || orgWord(w.low(i)) || timeWord(w.low(i)) {
		return false
	}
	switch w.tag(i) {
	case "NNP", "NNPS", "":
		return true
	}
	return w.midCapital(i) && w.tag(i) != "PRP" && w.tag(i) != "DT"
}

// isInitial reports whether token i is an initial: "M.".
func (w *work) isInitial(i int) bool {
	s := w.word(i)
	return len(s) == 2 && s[1] == '.' && s[0] >= 'A' && s[0] <= 'Z'
}

// connector reports whether s may join the words of an organisation's
// name.
func connector(s string) bool {
	switch s {
	case "of", "for", "and", "&", "on", "de", "du", "des", "la", "le", "al":
		return true
	}
	return false
}

// titleWord reports whether s, in lower case, is a title or role that stands before a
// person's name.
func titleWord(s string) bool {
	switch strings.TrimSuffix(s, ".") {
	case "president", "vice", "prime", "minister", "secretary", "director", "chairman", "chairwoman",
		"chair", "chief", "executive", "spokesman", "spokeswoman", "spokesperson", "ambassador",
		"governor", "senator", "sen", "rep", "representative", "congressman", "congresswoman", "leader",
		"commander", "general", "gen", "adm", "admiral", "col", "colonel", "lt", "captain", "capt", "sgt",
		"king", "queen", "prince", "princess", "sheikh", "premier", "chancellor", "officer", "head",
		"envoy", "negotiator", "commissioner", "mayor", "judge", "justice", "ceo", "coach", "editor",
		"analyst", "fellow", "correspondent", "official", "deputy", "assistant", "mr", "mrs", "ms",
		"miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "father", "rev", "pope",
		"cardinal", "archbishop", "bishop", "imam", "ayatollah", "emir", "sultan", "crown", "foreign",
		"defence", "defense", "interior", "state", "affairs", "general's", "finance", "economy", "trade", "attorney", "founder",
		"economist", "researcher", "expert", "lawyer", "activist", "candidate", "mp", "lawmaker":
		return true
	}
	return false
}

// orgWord reports whether s, in lower case, is a word that names an organisation.
func orgWord(s string) bool {
	switch s {
	case "institute", "university", "agency", "council", "ministry", "department", "office", "party",
		"organisation", "organization", "commission", "committee", "court", "company", "corporation",
		"corp", "inc", "ltd", "bank", "group", "association", "foundation", "fund", "service",
		"services", "authority", "police", "army", "navy", "forces", "force", "news", "research",
		"center", "centre", "union", "league", "board", "bureau", "government", "administration",
		"embassy", "parliament", "assembly", "congress", "senate", "times", "post", "journal", "press",
		"network", "institution", "alliance", "front", "movement", "coalition", "federation", "society",
		"club", "hospital", "school", "college", "academy", "laboratory", "watch", "international",
		"airlines", "airways", "ministers", "cabinet", "command", "guard", "tribunal", "secretariat":
		return true
	}
	return false
}

// namedPerson is a person named in full in the article, for the later
// mentions of their surname alone.
type namedPerson struct {
	ent       doc.Entity
	ambiguous bool // two people of the article share the surname
}

// noteName records a person named in full (ent.Name), so that a later
// mention of the surname alone ("Erekat said") finds them.
func (w *work) noteName(ent doc.Entity) {
	i := strings.LastIndexByte(ent.Name, ' ')
	if i < 0 {
		return
	}
	if w.names == nil {
		w.names = make(map[string]namedPerson)
	}
	key := strings.ToLower(ent.Name[i+1:])
	if old, ok := w.names[key]; ok {
		if !compatible(old.ent.Name, ent.Name) {
			w.names[key] = namedPerson{ambiguous: true}
		}
		return
	}
	ent.Text, ent.Start, ent.End = "", 0, 0
	w.names[key] = namedPerson{ent: ent}
}

// known returns the person noted for the surname that text ends in
// ("Erekat", "Mr Danin"), when text is a surname with at most titles
// before it.
func (w *work) known(text string) (doc.Entity, bool) {
	if w.names == nil || text == "" {
		return doc.Entity{}, false
	}
	text = strings.TrimSpace(text)
	last := text
	if i := strings.LastIndexAny(text, " \n"); i >= 0 {
		last = text[i+1:]
		for _, t := range strings.Fields(text[:i]) {
			if !titleWord(strings.ToLower(t)) {
				return doc.Entity{}, false
			}
		}
	}
	n, ok := w.names[strings.ToLower(last)]
	if !ok || n.ambiguous {
		return doc.Entity{}, false
	}
	return n.ent, true
}

// compatible reports whether two names may be the same person's: the
// words of one are all among the words of the other, allowing a letter
// more or less in longer words ("George Bush" and "George H. W. Bush",
// "Song Min Soon" and "Song Min-soon", "Zelenskyy" and "Zelensky"), but
// not "Michael Howard" and "John Howard". Case is ignored.
func compatible(a, b string) bool {
	return subset(a, b) || subset(b, a)
}

// nextNameWord returns the bounds of the first word of s at or after i, words
// being separated by spaces, hyphens, full stops and apostrophes, or
// start == len(s) when there is none.
func nextNameWord(s string, i int) (start, end int) {
	sep := func(c byte) bool { return c == ' ' || c == '-' || c == '.' || c == '\n' || c == '\'' }
	for i < len(s) && sep(s[i]) {
		i++
	}
	start = i
	for i < len(s) && !sep(s[i]) {
		i++
	}
	return start, i
}

// nameLen returns the number of words of a name.
func nameLen(s string) int {
	n := 0
	for i := 0; ; n++ {
		st, e := nextNameWord(s, i)
		if st == len(s) {
			return n
		}
		i = e
	}
}

// subset reports whether every word of a longer than one letter is like a
// word of b.
func subset(a, b string) bool {
	for i := 0; ; {
		as, ae := nextNameWord(a, i)
		if as == len(a) {
			return true
		}
		i = ae
		x := a[as:ae]
		if len(x) <= 1 {
			continue
		}
		found := false
		for k := 0; !found; {
			bs, be := nextNameWord(b, k)
			if bs == len(b) {
				break
			}
			k = be
			y := b[bs:be]
			found = strings.EqualFold(x, y) || len(x) >= 5 && len(y) >= 5 && oneEdit(x, y)
		}
		if !found {
			return false
		}
	}
}

// oneEdit reports whether a and b differ by at most one letter added,
// dropped or changed, ignoring the case of ASCII letters.
func oneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	lower := func(c byte) byte {
		if c >= 'A' && c <= 'Z' {
			return c + 'a' - 'A'
		}
		return c
	}
	i := 0
	for i < len(a) && lower(a[i]) == lower(b[i]) {
		i++
	}
	if len(a) == len(b) {
		i++ // one letter changed
		return i >= len(a) || strings.EqualFold(a[i:], b[i:])
	}
	return strings.EqualFold(a[i:], b[i+1:])
}

// nameInText returns the full name of the person whose surname is the
// one word of text, as the article writes it before byte offset before
// ("the home secretary, Sajid Javid," for a later "Javid"), or "".
func (w *work) nameInText(text string, before int) string {
	if text == "" || strings.ContainsAny(text, " \n") {
		return ""
	}
	for k := 1; k < len(w.toks) && w.toks[k].End <= before; k++ {
		if w.word(k) != text || w.ment[k] >= 0 && w.a.Mentions[w.ment[k]].Kind != doc.MentionPerson {
			continue
		}
		lo := w.sentLo[w.toks[k].Sentence]
		if name := w.writtenName(lo, k, int(w.ment[k])); name != "" {
			return name
		}
	}
	return ""
}

// pronounSpeaker resolves a personal pronoun that is the subject of a
// speech verb ("he said", "she told reporters") to the person who is the
// subject of an earlier speech verb in its sentence or, failing that, of
// the sentence before it in the same or the previous paragraph, when that
// subject is one person: in news copy the speaker of "he said" is the
// person the text was last about. Otherwise the actor stage's resolution
// stands.
func (w *work) pronounSpeaker(mi int) (speaker, bool) {
	m := &w.a.Mentions[mi]
	female := false
	switch strings.ToLower(m.Text) {
	case "he":
	case "she":
		female = true
		if len(m.Entities) == 1 && m.Entities[0].Name != "" {
			// The actor stage knows women's names: its "she" stands.
			return speaker{}, false
		}
	default:
		return speaker{}, false
	}
	if w.depth > 3 {
		return speaker{}, false
	}
	w.depth++
	defer func() { w.depth-- }()
	s := m.Sentence
	if s < 0 || s >= len(w.a.Sentences) {
		return speaker{}, false
	}
	cand := w.firstSpk[s]
	if !cand.ok() {
		// The sentence before, passing over those all in quotation marks.
		p := s - 1
		for p >= 0 && p > s-4 && w.quoted(p) {
			p--
		}
		if p >= 0 && !w.title(p) && w.paraBreaks(p, s) <= 1 {
			cand = w.mainSubject(p)
			// A sentence cut at a line break ("Clark told a press
			// conference he was persuaded the" / "Reagan administration
			// had ...") goes on from the one before: its speaker speaks.
			for q := p; !w.firstSpk[q].ok() && q > 0 && p-q < 3 && !w.endsSentence(q-1); q-- {
				if w.firstSpk[q-1].ok() {
					cand = w.firstSpk[q-1]
					break
				}
			}
		}
	}
	if !cand.person || len(cand.ents) != 1 || cand.ents[0].Name == "" {
		return speaker{}, false
	}
	if g, ok := w.gender(cand.ents[0].Name); ok && g != female {
		return speaker{}, false
	}
	e := cand.ents[0]
	e.Text, e.Start, e.End = m.Text, m.Start, m.End
	return speaker{ents: []doc.Entity{e}, person: true, actor: true}, true
}

// endsSentence reports whether sentence s ends as sentences do: in a full
// stop, a question or exclamation mark or a colon, or a closing quotation
// mark after one. A sentence that does not was cut short (at a line break
// of the source).
func (w *work) endsSentence(s int) bool {
	t := w.sentLo[s+1] - 1
	if t < w.sentLo[s] {
		return false
	}
	if w.isCloseMark(t) && t > w.sentLo[s] {
		t--
	}
	return w.endPunct(t) || w.is(t, ":")
}

// paraBreaks returns the number of paragraph breaks between sentences p
// and s (p < s), not counting those after a sentence cut short: a
// source with a line break in every sentence has as many short
// paragraphs.
func (w *work) paraBreaks(p, s int) int {
	n := 0
	for q := p; q < s; q++ {
		if w.a.Sentences[q+1].Paragraph != w.a.Sentences[q].Paragraph && w.endsSentence(q) {
			n++
		}
	}
	return n
}

// gender returns whether the actor stage took the person of that name for
// a woman (resolving "she" or "her" to them) or a man ("he", "his",
// "him"), and false when it never did either.
func (w *work) gender(name string) (female, ok bool) {
	if w.genders == nil {
		w.genders = make(map[string]int8)
		for i := range w.a.Mentions {
			m := &w.a.Mentions[i]
			if m.Kind != doc.MentionPronoun || len(m.Entities) != 1 || m.Entities[0].Name == "" {
				continue
			}
			var g int8
			switch strings.ToLower(m.Text) {
			case "he", "his", "him", "himself":
				g = 1
			case "she", "her", "hers", "herself":
				g = 2
			default:
				continue
			}
			n := m.Entities[0].Name
			if old, seen := w.genders[n]; seen && old != g {
				g = 3 // both: unknown
			}
			w.genders[n] = g
		}
	}
	switch w.genders[name] {
	case 1:
		return false, true
	case 2:
		return true, true
	}
	return false, false
}

// quoted reports whether every word of sentence s is in quotation marks.
func (w *work) quoted(s int) bool {
	for t := w.sentLo[s]; t < w.sentLo[s+1]; t++ {
		if w.inq[t] < 0 && w.isWord(t) {
			return false
		}
	}
	return true
}

// mainSubject returns the speaker of sentence s: the speaker of its first
// speech verb, or else the subject of its first finite verb.
func (w *work) mainSubject(s int) speaker {
	if w.firstSpk[s].ok() {
		return w.firstSpk[s]
	}
	lo, hi := w.sentLo[s], w.sentLo[s+1]
	for t := lo; t < hi; t++ {
		if w.inq[t] < 0 && w.markq[t] < 0 && w.isFinite(t) {
			if spk, _, ok := w.subjectBefore(t, lo); ok {
				return spk
			}
			return speaker{}
		}
	}
	return speaker{}
}
