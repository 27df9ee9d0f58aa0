package actor

import (
	"context"
	"strings"

	"dyad/doc"
	"dyad/text"
)

// Resolver is the actor stage: it finds the mentions of actors in an
// article and resolves each one. A Resolver holds a read-only KB and is
// safe for concurrent use.
type Resolver struct {
	kb *KB
}

// NewResolver returns the actor stage over kb.
func NewResolver(kb *KB) *Resolver { return &Resolver{kb: kb} }

// KB returns the resolver's knowledge base.
func (r *Resolver) KB() *KB { return r.kb }

// Annotate sets a.Mentions to the actors named in a, resolved at the
// article's publication date (or, when it is unknown, as of now). It fills
// a.Sentences and a.Tokens first if no earlier stage did.
func (r *Resolver) Annotate(ctx context.Context, a *doc.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(a.Tokens) == 0 && strings.TrimSpace(a.Text) != "" {
		if err := (text.Splitter{}).Annotate(ctx, a); err != nil {
			return err
		}
	}
	date := 0
	if t, ok := a.Source.PublishedTime(); ok {
		date = DateOf(t)
	}
	a.Mentions = r.mentions(a, date)
	return nil
}

// minfo is what the resolver knows of a mention beyond doc.Mention.
type minfo struct {
	person  string // the one person the mention names, or ""
	office  []string
	title   string
	plural  bool
	single  bool // a singular noun for a person: "the doctor"
	female  bool // known to be a woman
	visitor bool
	tok     int // the mention's first token
}

// work is the state of resolving one article.
type work struct {
	kb      *KB
	a       *doc.Article
	date    int
	words   []string
	keys    []string
	cases   []tokCase
	sent    []int       // sentence of each token
	byStart map[int]int // match index by first token
	byEnd   map[int]int // match index by the token after it
	units   []unit      // the unit of each match
	matches []match
	out     []doc.Mention
	info    []minfo
	// named are the people named in full somewhere in the article.
	named map[string]bool
	// local maps a key (surname) to the unknown person the article
	// introduced with a title ("Governor Vadim Shumkov").
	local map[string]localPerson
	// subject is the first person mention of each sentence, or -1.
	subject map[int]int
	// people, first and sentFirst index the mentions so far: the people
	// named, the first mention of each entity (firstKey), and the first
	// mention of each sentence.
	people    map[string]bool
	first     map[string]int
	sentFirst map[int]int
	// titleCased caches titleCase by sentence.
	titleCased map[int]bool
	// countries counts the states the article names (by name, adjective
	// or place), to choose between organisations that share an acronym.
	countries map[string]int
	// home is the country of the article's dateline ("CAIRO, March 16
	// -"), or "".
	home string
}

type localPerson struct {
	name, country, sector string
	mention               int
}

func (r *Resolver) mentions(a *doc.Article, date int) []doc.Mention {
	w := &work{kb: r.kb, a: a, date: date, byStart: map[int]int{}, byEnd: map[int]int{}, named: map[string]bool{},
		people: map[string]bool{}, first: map[string]int{}, sentFirst: map[int]int{}, titleCased: map[int]bool{},
		local: map[string]localPerson{}, subject: map[int]int{}}
	n := len(a.Tokens)
	w.words = make([]string, n)
	w.keys = make([]string, n)
	w.cases = make([]tokCase, n)
	w.sent = make([]int, n)
	for i, t := range a.Tokens {
		wd := a.Slice(t.Span)
		w.words[i], w.keys[i], w.cases[i], w.sent[i] = wd, Key(wd), caseOf(wd), t.Sentence
	}
	// Match sentence by sentence, so that no match crosses a boundary.
	for lo := 0; lo < n; {
		hi := lo
		for hi < n && w.sent[hi] == w.sent[lo] {
			hi++
		}
		w.matches = r.kb.trie.scan(w.keys, w.cases, w.words, lo, hi, w.matches)
		lo = hi
	}
	w.countries = map[string]int{}
	for k, m := range w.matches {
		w.byStart[m.from] = k
		w.byEnd[m.to] = k
		if e := &r.kb.entries[m.entries[0]]; e.Kind == KindState || e.Kind == KindAdjective || e.Kind == KindPlace {
			w.countries[e.Country]++
		}
		// People named in full (by more than one word) anywhere.
		if m.to-m.from > 1 {
			for _, id := range m.entries {
				if e := &r.kb.entries[id]; e.Kind == KindPerson {
					w.named[e.Name] = true
				}
			}
		}
	}
	// Each match's unit, chosen once the article's countries are known.
	w.units = make([]unit, len(w.matches))
	for k := range w.matches {
		w.units[k] = w.chooseUnit(&w.matches[k])
	}
	for lo := 0; lo < n; {
		hi := lo
		for hi < n && w.sent[hi] == w.sent[lo] {
			hi++
		}
		w.subject[w.sent[lo]] = -1
		first := len(w.out)
		for i := lo; i < hi; {
			if _, ok := w.byStart[i]; ok {
				i = w.phrase(i, hi)
				continue
			}
			i = w.special(i, hi)
		}
		w.localPolice(first)
		lo = hi
	}
	return w.out
}

// localPolice gives police of no stated country the country of the
// sentence's place, else of the article's dateline: "Police sealed off
// parts of Ramallah" are Palestinian. Police act where they are. The
// sentence's mentions start at index first.
func (w *work) localPolice(first int) {
	country := ""
	for k := first; k < len(w.out); k++ {
		if m := w.out[k]; m.Kind == doc.MentionPlace && len(m.Entities) > 0 && m.Entities[0].Country != "" {
			country = m.Entities[0].Country
			break
		}
	}
	if country == "" {
		country = w.home
	}
	if country == "" {
		return
	}
	for k := first; k < len(w.out); k++ {
		m := &w.out[k]
		if m.Kind == doc.MentionPronoun || len(m.Entities) != 1 {
			continue
		}
		if e := &m.Entities[0]; e.Sector == "COP" && e.Country == "" && e.Name == "" {
			e.Country = country
		}
	}
}

func (w *work) matchAt(i int) *match {
	if k, ok := w.byStart[i]; ok {
		return &w.matches[k]
	}
	return nil
}

// unit is one match with the kind chosen for it and its entries of that
// kind that hold at the article's date.
type unit struct {
	from, to int
	kind     Kind
	ents     []int32
}

var kindOrder = []Kind{KindPerson, KindOrg, KindState, KindPlace, KindAdjective, KindAgent}

// unit returns the unit of a match of the article (see chooseUnit).
func (w *work) unit(m *match) unit { return w.units[w.byStart[m.from]] }

// chooseUnit picks the kind a match stands for, by kindOrder, and that
// kind's entries that hold at the article's date, the article's country
// first.
func (w *work) chooseUnit(m *match) unit {
	for _, k := range kindOrder {
		var all, valid, current []int32
		for _, id := range m.entries {
			e := &w.kb.entries[id]
			if e.Kind != k {
				continue
			}
			all = append(all, id)
			if w.date != 0 && e.ValidAt(w.date) {
				valid = append(valid, id)
			}
			if e.To == 0 {
				current = append(current, id)
			}
		}
		if len(all) == 0 {
			continue
		}
		ents := all
		switch {
		case len(valid) > 0:
			ents = valid
		case w.date == 0 && len(current) > 0:
			ents = current
		}
		if len(ents) > 1 && k != KindAgent {
			ents = w.byArticleCountry(ents)
		}
		return unit{from: m.from, to: m.to, kind: k, ents: ents}
	}
	return unit{from: m.from, to: m.to}
}

// byArticleCountry puts first the entry whose country the article names
// most ("PPP" in an article about Pakistan is the Pakistan Peoples Party).
func (w *work) byArticleCountry(ents []int32) []int32 {
	best, bestN := 0, w.countries[w.kb.entries[ents[0]].Country]
	for k, id := range ents[1:] {
		if n := w.countries[w.kb.entries[id].Country]; n > bestN {
			best, bestN = k+1, n
		}
	}
	if best == 0 {
		return ents
	}
	out := append([]int32{ents[best]}, ents[:best]...)
	return append(out, ents[best+1:]...)
}

func (w *work) entry(u unit) *Entry { return &w.kb.entries[u.ents[0]] }

// IsIGO reports whether country code c stands for an international
// organisation (IGO, UNO, EUR) rather than a state.
func IsIGO(c string) bool { return c == "IGO" || c == "UNO" || c == "EUR" }

func isModifier(k Kind) bool {
	return k == KindState || k == KindAdjective || k == KindPlace || k == KindOrg
}

func isPossessive(s string) bool { return s == "'s" || s == "’s" || s == "'" || s == "’" }

// phrase reads the noun phrase whose first match starts at token i and
// adds its mentions; it returns the token after the phrase.
func (w *work) phrase(i, hi int) int {
	var units []unit
	j := i
	for j < hi {
		m := w.matchAt(j)
		if m == nil {
			break
		}
		u := w.unit(m)
		if u.kind == 0 || u.kind == KindAgent && w.notAgent(u, hi) {
			break
		}
		units = append(units, u)
		j = u.to
		if u.kind == KindPerson {
			break
		}
		if j < hi && isPossessive(w.words[j]) && u.kind != KindAgent && w.matchAt(j+1) != nil {
			j++
			continue
		}
		if j < hi && w.matchAt(j) != nil {
			continue
		}
		// "Chinese and Russian officials": modifiers joined by "and" or
		// commas, when an agent follows them.
		if isModifier(u.kind) && j+1 < hi && (w.words[j] == "and" || w.words[j] == ",") && w.coordinated(j+1, hi) {
			j++
			continue
		}
		break
	}
	if len(units) == 0 {
		return i + 1
	}
	// A person ends the phrase: titles and modifiers before it belong to it.
	if last := units[len(units)-1]; last.kind == KindPerson {
		return w.addPerson(i, units, hi)
	}
	// Split the units into modifiers and the run of agents at the end.
	heads := agentUnits(units)
	mods := units[:len(units)-len(heads)]
	// "Chile's Defense Department": another state's institution of the
	// kind the organisation is.
	if len(heads) == 0 && len(units) > 1 && units[len(units)-1].kind == KindOrg {
		org := w.entry(units[len(units)-1])
		if c := w.modCountry(units[:len(units)-1]); c != "" && org.Country != "" && c != org.Country && !IsIGO(org.Country) {
			for _, u := range units[:len(units)-1] {
				if u.kind != KindState && u.kind != KindAdjective {
					w.addSingle(u)
				}
			}
			w.add(i, j, doc.MentionGroup, "agent", minfo{}, doc.Entity{Country: c, Sector: org.Sector})
			return j
		}
	}
	if len(heads) == 0 {
		for _, u := range units {
			w.addSingle(u)
		}
		return j
	}
	// Modifiers that are not next to the agents stand alone.
	head := heads[len(heads)-1]
	he := w.entry(head)
	end := head.to
	// "president of the Riigikogu", "trade unions in Denmark".
	var post *unit
	if end+1 < hi {
		k := end + 1
		if w.keys[end] == "of" || w.keys[end] == "in" {
			if w.keys[k] == "the" && k+1 < hi {
				k++
			}
			if m := w.matchAt(k); m != nil {
				if u := w.unit(m); u.kind == KindState || u.kind == KindOrg || u.kind == KindPlace {
					if w.keys[end] == "of" || !he.Plural || len(mods) == 0 {
						post = &u
						end = u.to
					}
				}
			}
		}
	}
	role := w.isRole(he)
	// A title before a name the knowledge base does not know: "Governor
	// Vadim Shumkov".
	if (role || w.writtenAsTitle(head)) && !he.Plural && post == nil {
		if k := w.nameAfter(end, hi); k > end {
			return w.addLocalName(i, mods, heads, end, k)
		}
	}
	// "president of the Riigikogu" heads that organisation, not the state.
	if post != nil && post.kind == KindOrg {
		role = false
	}
	if role && !he.Plural && !coordinatedMods(mods) {
		return w.addRole(i, mods, heads, post, end)
	}
	w.addGroup(i, mods, heads, post, end)
	return end
}

// notAgent reports whether an agent noun's match is not an actor here:
// an adjective before a noun ("the general view"), or a word inside a
// proper name ("the Great Hall of the People").
func (w *work) notAgent(u unit, hi int) bool {
	e := w.entry(u)
	if adjectiveAgents[e.Name] && u.to < hi && w.cases[u.to] == 0 && !functionWords[w.keys[u.to]] && w.matchAt(u.to) == nil {
		if r := w.keys[u.to]; r != "" && r[0] >= 'a' && r[0] <= 'z' {
			return true
		}
	}
	k := u.from - 1
	if k >= 0 && w.keys[k] == "the" {
		k--
	}
	if w.cases[u.from]&caseFirstUpper != 0 && k >= 1 && w.keys[k] == "of" && w.sent[k-1] == w.sent[u.from] &&
		w.cases[k-1]&caseFirstUpper != 0 && !w.inMatch(k-1) {
		return true
	}
	return false
}

// inMatch reports whether token i lies inside a knowledge-base match.
func (w *work) inMatch(i int) bool {
	for j := i; j >= 0 && i-j < 8; j-- {
		if m := w.matchAt(j); m != nil {
			return m.to > i
		}
	}
	return false
}

// adjectiveAgents are agent nouns that are also adjectives: before
// another word they are not the head of the phrase.
var adjectiveAgents = map[string]bool{"general": true, "premier": true, "union": true, "press": true,
	"major": true, "private": true, "chief": true, "royal": true, "federal": true, "national": true,
	"central": true, "local": true, "civil": true, "military": true, "business": true}

// functionWords are words after which an agent noun is still the head.
var functionWords = map[string]bool{"said": true, "says": true, "say": true, "has": true, "have": true,
	"had": true, "was": true, "is": true, "were": true, "are": true, "will": true, "would": true,
	"and": true, "or": true, "of": true, "in": true, "on": true, "at": true, "to": true, "for": true,
	"who": true, "which": true, "that": true, "from": true, "with": true, "by": true, "also": true,
	"could": true, "can": true, "should": true, "may": true, "might": true, "must": true, "did": true}

// coordinated reports whether the tokens from k on are more modifiers
// (joined by "and" or commas) ending in an agent.
func (w *work) coordinated(k, hi int) bool {
	for k < hi {
		m := w.matchAt(k)
		if m == nil {
			return false
		}
		u := w.unit(m)
		switch {
		case u.kind == KindAgent:
			return true
		case !isModifier(u.kind):
			return false
		}
		k = u.to
		if k < hi && (w.words[k] == "and" || w.words[k] == ",") {
			k++
		}
	}
	return false
}

// coordinatedMods reports whether the modifiers name more than one state
// ("Chinese and Russian officials").
func coordinatedMods(mods []unit) bool {
	n := 0
	for _, u := range mods {
		if u.kind == KindState || u.kind == KindAdjective {
			n++
		}
	}
	return n > 1
}

// isRole reports whether an agent noun names an office that one person
// holds: "president", "foreign minister", "crown prince", "counterpart".
func (w *work) isRole(e *Entry) bool {
	return len(e.Office) > 0 || w.kb.isTitle(e.Name) || e.Name == "counterpart" || e.Name == "leader"
}

// writtenAsTitle reports whether an agent noun is capitalised as a title
// before a name is, outside a headline: "Economy Minister Youssri
// Mustapha".
func (w *work) writtenAsTitle(u unit) bool {
	for k := u.from; k < u.to; k++ {
		if w.cases[k]&caseFirstUpper == 0 {
			return false
		}
	}
	return !w.titleCase(u.from)
}

// nameAfter returns the end of a run of one to four capitalised words at
// k that the knowledge base does not know (a name), or k.
func (w *work) nameAfter(k, hi int) int {
	j := k
	for j < hi && j-k < 6 {
		wd := w.words[j]
		switch {
		case w.matchAt(j) != nil:
			return k
		case w.cases[j]&caseFirstUpper != 0 && w.cases[j]&caseAllUpper == 0 && !stopNames[w.keys[j]]:
			j++
		case wd == "-" && j > k && j+1 < hi && w.cases[j+1]&caseFirstUpper != 0:
			j++
		case (nameParticles[w.keys[j]]) && j > k && j+1 < hi && w.cases[j+1]&caseFirstUpper != 0:
			j++
		default:
			return j
		}
	}
	return j
}

var nameParticles = map[string]bool{"bin": true, "al": true, "el": true, "de": true, "da": true,
	"van": true, "von": true, "der": true, "ibn": true, "abu": true}

// stopNames are capitalised words that do not start a name.
var stopNames = map[string]bool{"the": true, "on": true, "in": true, "at": true, "said": true,
	"says": true, "and": true, "but": true, "who": true, "of": true, "for": true, "with": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true, "i": true, "he": true, "she": true,
	"it": true, "they": true, "we": true, "this": true, "that": true, "his": true, "her": true}

// modCountry returns the country that modifiers give, the first one's.
func (w *work) modCountry(mods []unit) string {
	for _, u := range mods {
		if c := w.entry(u).Country; c != "" && u.kind != KindAgent {
			return c
		}
	}
	return ""
}

// span returns the byte span of tokens [from, to).
func (w *work) span(from, to int) doc.Span {
	return doc.Span{Start: w.a.Tokens[from].Start, End: w.a.Tokens[to-1].End}
}

// add appends a mention over tokens [from, to).
func (w *work) add(from, to int, kind doc.MentionKind, via string, info minfo, ents ...doc.Entity) int {
	sp := w.span(from, to)
	txt := w.a.Slice(sp)
	for k := range ents {
		if ents[k].Text == "" {
			ents[k].Text = txt
		}
		if ents[k].Start == 0 && ents[k].End == 0 {
			ents[k].Start, ents[k].End = sp.Start, sp.End
		}
	}
	info.tok = from
	if info.person != "" && !info.female {
		info.female = w.kb.Female(info.person) || w.femaleTitle(from)
	}
	idx := len(w.out)
	w.out = append(w.out, doc.Mention{Span: sp, Text: txt, Kind: kind, Sentence: w.sent[from],
		Entities: ents, Ref: -1, Via: via})
	w.info = append(w.info, info)
	if info.person != "" && w.subject[w.sent[from]] < 0 {
		w.subject[w.sent[from]] = idx
	}
	if info.person != "" {
		w.people[info.person] = true
	}
	if _, ok := w.sentFirst[w.sent[from]]; !ok {
		w.sentFirst[w.sent[from]] = idx
	}
	for _, e := range ents {
		if _, ok := w.first[firstKey(e)]; !ok {
			w.first[firstKey(e)] = idx
		}
	}
	return idx
}

// femaleTitle reports whether token i is an honorific for a woman
// ("Mrs", "Ms").
func (w *work) femaleTitle(i int) bool {
	switch w.keys[i] {
	case "mrs", "ms", "miss", "madam", "dame", "lady", "madame", "mme":
		return true
	}
	return false
}

// visitingBefore reports whether the word before token i is "visiting".
func (w *work) visitingBefore(i int) bool {
	return i > 0 && w.sent[i-1] == w.sent[i] && w.keys[i-1] == "visiting"
}

// addPerson adds the mention of a known person at the end of units.
func (w *work) addPerson(i int, units []unit, hi int) int {
	pu := units[len(units)-1]
	// A known name followed by more capitalised words is part of a
	// longer, unknown name: "Juan Carlos Jobet" is not King Juan Carlos.
	if end := w.nameAfter(pu.to, hi); end > pu.to && !w.titleCase(pu.from) {
		heads := agentUnits(units[:len(units)-1])
		mods := units[:len(units)-1-len(heads)]
		return w.addLocalName(i, mods, heads, pu.from, end)
	}
	name := w.choosePerson(pu)
	if name == "" {
		// "President Bush" on no known date: which Bush is unknown, but
		// a title and one country among all who bear the name say whose
		// leader it is.
		if c := w.oneCountry(pu); c != "" && (w.titled(pu.from) || len(agentUnits(units[:len(units)-1])) > 0) {
			w.add(i, pu.to, doc.MentionPerson, "title", minfo{}, doc.Entity{Country: c, Sector: "GOV"})
		}
		return pu.to
	}
	country, sector, e := w.kb.personSector(name, w.date)
	if country == "" {
		country = w.modCountry(units[:len(units)-1])
	}
	// Before the tenures the knowledge base knows, a title says the
	// sector: "Vice President George Bush" in 1987.
	// An office title in the text beats the knowledge base's dates:
	// "Foreign Minister Park Jin" is in office when the article says so.
	if heads := agentUnits(units[:len(units)-1]); (sector == "" || sector == "ELI") && len(heads) > 0 {
		if s := w.entry(heads[0]).Sector; s != "" {
			sector = s
		}
	}
	info := minfo{person: name, visitor: w.visitingBefore(i)}
	if e != nil {
		info.office, info.title = e.Office, e.Title
	}
	via := "name"
	if pu.to-pu.from == 1 && len(units) == 1 {
		via = "alias"
	}
	w.add(i, pu.to, doc.MentionPerson, via, info, doc.Entity{Name: name, Country: country, Sector: sector})
	return pu.to
}

// oneCountry returns the country of every person a name match may stand
// for, or "" when they differ.
func (w *work) oneCountry(u unit) string {
	c := ""
	for _, id := range u.ents {
		e := &w.kb.entries[id]
		if e.Country == "" || c != "" && e.Country != c {
			return ""
		}
		c = e.Country
	}
	return c
}

// choosePerson picks the person a name match stands for: one named in
// full in the article, else one in office at the date, else the only one.
func (w *work) choosePerson(u unit) string {
	var names []string
	seen := map[string]bool{}
	for _, id := range u.ents {
		n := w.kb.entries[id].Name
		if !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	for _, n := range names {
		if w.named[n] {
			return n
		}
	}
	single := u.to-u.from == 1
	if len(names) == 1 {
		if single && !w.titled(u.from) && (commonWords[w.keys[u.from]] || !w.recent(names[0])) {
			return ""
		}
		return names[0]
	}
	var inOffice []string
	for _, n := range names {
		if _, _, ok := w.kb.tenure(n, w.date); ok {
			inOffice = append(inOffice, n)
		}
	}
	if len(inOffice) == 1 {
		return inOffice[0]
	}
	if !single {
		return names[0]
	}
	return ""
}

// recentYears is how long after leaving office a surname alone still
// names a person.
const recentYears = 8

// recent reports whether the person was in office at the article's date
// or left office at most recentYears before it (always true on the
// unknown date): a surname alone ("Alencar") names an office holder only
// then.
func (w *work) recent(name string) bool {
	if w.date == 0 {
		return true
	}
	e, former, ok := w.kb.tenure(name, w.date)
	switch {
	case ok:
		return true
	case former && e != nil:
		return e.To == 0 || w.date-e.To <= recentYears*10000
	}
	return false
}

// titled reports whether the word before token i is a title or honorific.
func (w *work) titled(i int) bool {
	if i == 0 || w.sent[i-1] != w.sent[i] {
		return false
	}
	k := i - 1
	if w.words[k] == "." && k > 0 {
		k--
	}
	if honorifics[w.keys[k]] {
		return true
	}
	if mk, ok := w.byEnd[k+1]; ok {
		u := w.unit(&w.matches[mk])
		return u.kind == KindAgent && w.isRole(w.entry(u))
	}
	return false
}

// commonWords are surnames that are also common words or names: alone,
// they name a person only when the article names the person in full or
// gives a title ("Prime Minister May").
var commonWords = map[string]bool{"may": true, "brown": true, "rice": true, "young": true,
	"king": true, "hope": true, "long": true, "little": true, "rich": true,
	"li": true, "kim": true, "lee": true, "wang": true, "zhang": true, "park": true,
	"singh": true, "khan": true, "ali": true, "ahmed": true, "said": true, "major": true,
	"chance": true, "bill": true, "will": true, "mark": true, "grant": true,
	"rose": true, "love": true, "strong": true, "best": true, "case": true, "power": true}

var honorifics = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "miss": true,
	"madam": true, "sir": true, "dame": true, "lord": true, "lady": true, "sheikh": true}

// addSingle adds a state, place or organisation named on its own.
func (w *work) addSingle(u unit) {
	e := w.entry(u)
	switch u.kind {
	case KindState, KindAdjective:
		w.add(u.from, u.to, doc.MentionState, "name", minfo{plural: u.kind == KindAdjective},
			doc.Entity{Country: e.Country})
	case KindOrg:
		from := u.from
		if k := from - 1; k >= 0 && w.sent[k] == w.sent[from] && w.keys[k] == "the" {
			from = k // "the Shanghai Cooperation Organisation"
		}
		w.add(from, u.to, doc.MentionOrg, "name", minfo{},
			doc.Entity{Name: e.Name, Country: e.Country, Sector: e.Sector})
	case KindPlace:
		sector, via := e.Sector, "seat"
		if dl := w.dateline(u); w.locative(u.from) || dl {
			if dl && w.home == "" && w.sent[u.from] <= 2 {
				w.home = e.Country
			}
			sector, via = "", "location"
			if e.Sector == "PRE" {
				sector = "PRE"
			}
		} else if sector == "" {
			via = "place"
		}
		name := ""
		if sector != "GOV" && sector != "MIL" && sector != "LEG" {
			name = e.Name
		}
		w.add(u.from, u.to, doc.MentionPlace, via, minfo{}, doc.Entity{Name: name, Country: e.Country, Sector: sector})
	case KindAgent:
		w.add(u.from, u.to, doc.MentionGroup, "agent", minfo{plural: e.Plural}, doc.Entity{Sector: e.Sector})
	}
}

var locatives = map[string]bool{"in": true, "at": true, "to": true, "from": true, "near": true,
	"into": true, "outside": true, "inside": true, "across": true, "around": true, "via": true,
	"toward": true, "towards": true, "through": true, "throughout": true, "within": true,
	"visit": true, "visited": true, "visiting": true, "visits": true, "reached": true,
	"arrived": true, "left": true, "leave": true, "leaving": true, "reach": true}

// dateline reports whether a place opens its sentence in capitals
// before a comma, dash or bracket: "WASHINGTON, March 11 -".
func (w *work) dateline(u unit) bool {
	if u.from > 0 && w.sent[u.from-1] == w.sent[u.from] || u.to >= len(w.words) {
		return false
	}
	for k := u.from; k < u.to; k++ {
		if w.cases[k]&caseAllUpper == 0 && w.keys[k] != "-" {
			return false
		}
	}
	switch w.words[u.to] {
	case ",", "-", "(", "—", "–":
		return true
	}
	return false
}

// locative reports whether the place at token i is where something
// happens ("in Moscow") rather than the government ("Moscow denied").
func (w *work) locative(i int) bool {
	k := i - 1
	if k >= 0 && w.keys[k] == "the" {
		k--
	}
	return k >= 0 && w.sent[k] == w.sent[i] && locatives[w.keys[k]]
}

// agentSector returns the sector that a run of agent nouns gives: the
// last noun's, unless it is a generic one ("leader", "official") after a
// more telling one ("Muslim leaders", "army officials").
func (w *work) agentSector(heads []unit) string {
	last := w.entry(heads[len(heads)-1])
	if len(heads) > 1 && genericHeads[last.Name] {
		if s := w.entry(heads[len(heads)-2]).Sector; s != "" {
			return s
		}
	}
	return last.Sector
}

var genericHeads = map[string]bool{"leader": true, "official": true, "member": true,
	"representative": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"head": true, "chief": true, "figure": true, "community leader": true, "group": true}

// addGroup adds the mentions of agent nouns with their modifiers: one
// entity per coordinated country ("Chinese and Russian officials").
func (w *work) addGroup(i int, mods, heads []unit, post *unit, end int) {
	he := w.entry(heads[len(heads)-1])
	sector := w.agentSector(heads)
	from := heads[0].from
	if len(mods) > 0 {
		from = mods[0].from
	}
	if k := from - 1; k >= 0 && w.sent[k] == w.sent[from] && w.keys[k] == "the" {
		from = k
	}
	var ents []doc.Entity
	headSpan := w.span(heads[0].from, heads[len(heads)-1].to)
	headText := w.a.Slice(headSpan)
	compound := coordinatedMods(mods)
	for _, u := range mods {
		e := w.entry(u)
		if u.kind == KindAgent || e.Country == "" {
			continue
		}
		ent := doc.Entity{Country: e.Country, Sector: sector}
		if u.kind == KindOrg && e.Sector == "IGO" && sector == "" {
			ent.Sector = "IGO"
		}
		if compound {
			sp := w.span(u.from, u.to)
			ent.Text = w.a.Slice(sp) + " " + headText
			ent.Start, ent.End = sp.Start, headSpan.End
		}
		ents = append(ents, ent)
		if !compound {
			break
		}
	}
	if len(ents) == 0 {
		c := ""
		if post != nil {
			pe := w.entry(*post)
			c = pe.Country
			if post.kind == KindOrg && pe.Sector != "" {
				sector = pe.Sector
			}
		}
		ents = []doc.Entity{{Country: c, Sector: sector}}
	}
	plural := he.Plural || len(ents) > 1
	w.add(from, end, doc.MentionGroup, "agent", minfo{plural: plural, single: !plural && personNoun(he.Name)}, ents...)
}

// institutionNouns end agent nouns that name institutions, not people:
// they are "it", not "he" or "she".
var institutionNouns = map[string]bool{"government": true, "ministry": true, "court": true,
	"police": true, "army": true, "parliament": true, "council": true, "agency": true,
	"committee": true, "office": true, "administration": true, "department": true,
	"service": true, "forces": true, "force": true, "party": true, "union": true, "military": true,
	"navy": true, "authority": true, "authorities": true, "media": true, "company": true,
	"firm": true, "bank": true, "group": true, "organization": true, "organisation": true,
	"assembly": true, "senate": true, "congress": true, "cabinet": true, "regime": true,
	"junta": true, "station": true, "university": true, "school": true, "hospital": true,
	"newspaper": true, "television": true, "agency's": true, "board": true, "commission": true,
	"legislature": true, "opposition": true, "public": true, "people": true, "community": true}

// personNoun reports whether an agent noun names a person ("doctor",
// "spokesman"), judged by its last word.
func personNoun(name string) bool {
	last := name
	if i := strings.LastIndexByte(name, ' '); i >= 0 {
		last = name[i+1:]
	}
	return !institutionNouns[last]
}

// addLocalName adds the unknown person named by tokens [nameFrom,
// nameTo), with the titles heads and modifiers mods before it; the first
// title gives the sector ("Deputy Minister of Defense Colonel-General
// Andrei Kartapolov" is GOV).
func (w *work) addLocalName(i int, mods, heads []unit, nameFrom, nameTo int) int {
	name := w.a.Slice(w.span(nameFrom, nameTo))
	country := w.modCountry(mods)
	info := minfo{person: name, visitor: w.visitingBefore(i)}
	sector := ""
	if len(heads) > 0 {
		first := w.entry(heads[0])
		sector = first.Sector
		info.office, info.title = first.Office, first.Name
	}
	if country == "" && sector == "GOV" && !info.visitor {
		// A wire story's officials are the dateline's: "CAIRO, March 16
		// - Economy Minister Youssri Mustapha ...".
		country = w.home
	}
	idx := w.add(i, nameTo, doc.MentionPerson, "title", info, doc.Entity{Name: name, Country: country, Sector: sector})
	w.local[w.keys[nameTo-1]] = localPerson{name: name, country: country, sector: sector, mention: idx}
	return nameTo
}

// agentUnits returns the run of agent units at the end of units.
func agentUnits(units []unit) []unit {
	a := len(units)
	for a > 0 && units[a-1].kind == KindAgent {
		a--
	}
	return units[a:]
}

// titleCase reports whether the sentence of token i is written in title
// case, as headlines are: then capitals do not mark names.
func (w *work) titleCase(i int) bool {
	s := w.sent[i]
	if t, ok := w.titleCased[s]; ok {
		return t
	}
	t := w.isTitleCase(i)
	w.titleCased[s] = t
	return t
}

func (w *work) isTitleCase(i int) bool {
	s := w.sent[i]
	if s < len(w.a.Sentences) {
		if p := w.a.Sentences[s].Paragraph; p < len(w.a.Paragraphs) && w.a.Paragraphs[p].Role == doc.RoleTitle {
			return true
		}
	}
	lower, upper := 0, 0
	for k := i; k >= 0 && w.sent[k] == s; k-- {
		lower, upper = countCase(w, k, lower, upper)
	}
	for k := i + 1; k < len(w.sent) && w.sent[k] == s; k++ {
		lower, upper = countCase(w, k, lower, upper)
	}
	return upper >= 5 && lower == 0
}

func countCase(w *work, k, lower, upper int) (int, int) {
	key := w.keys[k]
	if len(key) < 4 || key[0] < 'a' || key[0] > 'z' {
		return lower, upper
	}
	if w.cases[k]&caseFirstUpper != 0 {
		return lower, upper + 1
	}
	return lower + 1, upper
}
