package event

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"dyad/actor"
)

// Code is one CAMEO code with its PLOVER type, mode and contexts and its
// Goldstein value, as event/data/cameo.tsv gives them.
type Code struct {
	Code      string
	Type      string // PLOVER type; "" for codes PLOVER does not code
	Mode      string
	Context   []string
	Goldstein float64
	Name      string
}

// elemKind is what one element of a pattern matches.
type elemKind uint8

const (
	elemWord      elemKind = iota // one token among words
	elemGap                       // 0-4 tokens of the same clause
	elemRecipient                 // $R: an actor mention
	elemActor                     // $A: an actor mention
)

// elem is one element of a pattern.
type elem struct {
	kind     elemKind
	words    []string // keys of the accepted tokens (elemWord)
	optional bool
}

// Pattern is one line of a lexicon file: a CAMEO code and the words that
// signal it.
type Pattern struct {
	Code string
	// Verb is true for a verb pattern, whose first element is a verb lemma
	// matching every inflection, and whose actor is the clause's subject.
	Verb bool
	// Text is the pattern as written, for people ("hold talks with $R").
	Text    string
	Mode    string // a mode that overrides the code's, or ""
	Context []string
	// Before is true for wordings that report an act as done before the
	// news they explain ("at the invitation of"): the event is historical.
	Before bool
	// Source is "file:line".
	Source string
	elems  []elem
	anchor int // index of the first word element
	words  int // number of word elements, for preferring specific patterns
}

// hasSlot reports whether the pattern has an element of kind k.
func (p *Pattern) hasSlot(k elemKind) bool {
	for _, e := range p.elems {
		if e.kind == k {
			return true
		}
	}
	return false
}

// endsInOf reports whether the pattern's last element is "of" ("condemn *
// killing of"): its object is the act's victim or theme.
func (p *Pattern) endsInOf() bool {
	if len(p.elems) == 0 {
		return false
	}
	last := p.elems[len(p.elems)-1]
	if last.kind != elemWord || last.optional {
		return false
	}
	return len(last.words) == 1 && last.words[0] == "of"
}

// Lexicon is the event lexicon: the CAMEO table, the PLOVER scores and the
// patterns, indexed by the token key of each pattern's anchor word.
type Lexicon struct {
	codes  map[string]*Code
	scores map[string]float64 // "TYPE" and "TYPE/mode" -> PLOVER score
	quads  map[string]int     // PLOVER type -> quad class
	byWord map[string][]*Pattern
	n      int
}

// Code returns the CAMEO code c, or nil.
func (l *Lexicon) Code(c string) *Code { return l.codes[c] }

// Len returns the number of patterns.
func (l *Lexicon) Len() int { return l.n }

// Score returns the PLOVER score of a type and mode: the mode's score
// where the manual gives one, else the type's.
func (l *Lexicon) Score(typ, mode string) float64 {
	if s, ok := l.scores[typ+"/"+mode]; ok && mode != "" {
		return s
	}
	return l.scores[typ]
}

// Quad returns the quad class (1-4) of a PLOVER type, or 0.
func (l *Lexicon) Quad(typ string) int { return l.quads[typ] }

// readTable calls fn with the TAB-separated fields of each line of the file
// that is not blank or a comment, and its line number. A comment may also
// end a line after a TAB.
func readTable(fsys fs.FS, name string, fn func(line int, f []string) error) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("event: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.Index(line, "\t#"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimRight(line, " \t\r")
		if line == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		f := strings.Split(line, "\t")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		if err := fn(n, f); err != nil {
			return fmt.Errorf("event: %s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

// LoadLexicon reads the lexicon from fsys: cameo.tsv, plover.tsv,
// irregular.txt and lexicon/*.txt (see event/data). Any malformed line is
// an error naming its file and line.
func LoadLexicon(fsys fs.FS) (*Lexicon, error) {
	l := &Lexicon{
		codes:  map[string]*Code{},
		scores: map[string]float64{},
		quads:  map[string]int{},
		byWord: map[string][]*Pattern{},
	}
	err := readTable(fsys, "cameo.tsv", func(_ int, f []string) error {
		if len(f) < 5 {
			return fmt.Errorf("want code, type, mode, context, goldstein, name; got %d columns", len(f))
		}
		g, err := strconv.ParseFloat(f[4], 64)
		if err != nil {
			return fmt.Errorf("goldstein %q: %w", f[4], err)
		}
		c := &Code{Code: f[0], Type: f[1], Mode: f[2], Goldstein: g, Context: splitList(f[3])}
		if c.Type == "-" {
			c.Type = ""
		}
		if len(f) > 5 {
			c.Name = f[5]
		}
		l.codes[c.Code] = c
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTable(fsys, "plover.tsv", func(_ int, f []string) error {
		if len(f) < 4 {
			return fmt.Errorf("want type, mode, quad, score; got %d columns", len(f))
		}
		q, err := strconv.Atoi(f[2])
		if err != nil || q < 1 || q > 4 {
			return fmt.Errorf("quad %q is not 1-4", f[2])
		}
		s, err := strconv.ParseFloat(f[3], 64)
		if err != nil {
			return fmt.Errorf("score %q: %w", f[3], err)
		}
		l.quads[f[0]] = q
		if f[1] == "" {
			l.scores[f[0]] = s
		} else {
			l.scores[f[0]+"/"+f[1]] = s
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	irr := map[string][]string{}
	err = readTable(fsys, "irregular.txt", func(_ int, f []string) error {
		if len(f) < 3 {
			return fmt.Errorf("want lemma, past, participle[, ing[, third person]]; got %d columns", len(f))
		}
		irr[strings.ToLower(f[0])] = f[1:]
		return nil
	})
	if err != nil {
		return nil, err
	}
	files, err := fs.Glob(fsys, "lexicon/*.txt")
	if err != nil {
		return nil, fmt.Errorf("event: %w", err)
	}
	sort.Strings(files)
	seen := map[string]string{}
	for _, name := range files {
		typ := strings.ToUpper(strings.TrimSuffix(path.Base(name), ".txt"))
		err := readTable(fsys, name, func(n int, f []string) error {
			p, err := l.parsePattern(f, typ)
			if err != nil {
				return err
			}
			p.Source = fmt.Sprintf("%s:%d", name, n)
			key := fmt.Sprint(p.Verb, p.Text)
			if prev, ok := seen[key]; ok {
				return fmt.Errorf("pattern %q given before at %s", p.Text, prev)
			}
			seen[key] = p.Source
			l.index(p, irr)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return l, nil
}

func splitList(s string) []string {
	var out []string
	for _, x := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == ' ' }) {
		out = append(out, strings.ToLower(x))
	}
	return out
}

// parsePattern parses the fields of one lexicon line of a file for PLOVER
// type typ ("NONE" for discards).
func (l *Lexicon) parsePattern(f []string, typ string) (*Pattern, error) {
	if len(f) < 3 {
		return nil, fmt.Errorf("want code, kind, pattern[, options]; got %d columns", len(f))
	}
	p := &Pattern{Code: f[0], Text: f[2], anchor: -1}
	switch f[1] {
	case "verb":
		p.Verb = true
	case "noun":
	default:
		return nil, fmt.Errorf("kind %q is not verb or noun", f[1])
	}
	if p.Code == "-" {
		if typ != "NONE" {
			return nil, fmt.Errorf("discard code - outside none.txt")
		}
	} else {
		c := l.codes[p.Code]
		if c == nil {
			return nil, fmt.Errorf("unknown CAMEO code %q", p.Code)
		}
		if typ != "NONE" && c.Type != typ {
			return nil, fmt.Errorf("code %s is %s, not %s", p.Code, c.Type, typ)
		}
	}
	if len(f) > 3 {
		for _, o := range strings.Fields(f[3]) {
			k, v, _ := strings.Cut(o, "=")
			switch k {
			case "mode":
				p.Mode = v
			case "context":
				p.Context = splitList(v)
			case "tense":
				if v != "historical" {
					return nil, fmt.Errorf("option %q: only tense=historical is allowed", o)
				}
				p.Before = true
			default:
				return nil, fmt.Errorf("unknown option %q", o)
			}
		}
	}
	for _, w := range strings.Fields(p.Text) {
		e := elem{}
		switch w {
		case "*":
			e.kind = elemGap
		case "$R":
			e.kind = elemRecipient
		case "$A":
			if p.Verb {
				return nil, fmt.Errorf("$A in a verb pattern: the actor of a verb is its subject")
			}
			e.kind = elemActor
		default:
			if len(w) > 1 && strings.HasSuffix(w, "?") {
				e.optional = true
				w = strings.TrimSuffix(w, "?")
			}
			for _, alt := range strings.Split(w, "|") {
				if alt == "" {
					return nil, fmt.Errorf("empty alternative in %q", w)
				}
				e.words = append(e.words, actor.Key(alt))
			}
			if p.anchor < 0 && !e.optional {
				p.anchor = len(p.elems)
			}
			p.words++
		}
		p.elems = append(p.elems, e)
	}
	if p.anchor < 0 {
		return nil, fmt.Errorf("pattern %q has no required word", p.Text)
	}
	if p.Verb && p.anchor != 0 {
		return nil, fmt.Errorf("verb pattern %q must start with its verb", p.Text)
	}
	return p, nil
}

// index files p under every form of its anchor word.
func (l *Lexicon) index(p *Pattern, irr map[string][]string) {
	l.n++
	forms := map[string]bool{}
	for _, w := range p.elems[p.anchor].words {
		forms[w] = true
		if p.Verb {
			for _, f := range inflect(w, irr) {
				forms[f] = true
			}
		}
	}
	if p.Verb {
		// The head verb's element accepts every form.
		all := make([]string, 0, len(forms))
		for f := range forms {
			all = append(all, f)
		}
		sort.Strings(all)
		p.elems[0].words = all
	}
	for f := range forms {
		l.byWord[f] = append(l.byWord[f], p)
	}
}

// inflect returns the inflected forms of a verb lemma: third person
// singular, past, past participle and -ing, from irr where the verb is
// listed there, else by the regular spelling rules.
func inflect(lemma string, irr map[string][]string) []string {
	forms := []string{thirdPerson(lemma), regularPast(lemma), regularIng(lemma)}
	if f, ok := irr[lemma]; ok {
		forms = []string{thirdPerson(lemma), f[0], f[1], regularIng(lemma)}
		if len(f) > 2 && f[2] != "" {
			forms[3] = f[2]
		}
		if len(f) > 3 && f[3] != "" {
			forms[0] = f[3]
		}
	}
	out := forms[:0]
	for _, f := range forms {
		for _, alt := range strings.Split(f, "|") {
			out = append(out, actor.Key(alt))
		}
	}
	return out
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

func thirdPerson(v string) string {
	n := len(v)
	switch {
	case n == 0:
		return v
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z") ||
		strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "o"):
		return v + "es"
	case v[n-1] == 'y' && n > 1 && !isVowel(v[n-2]):
		return v[:n-1] + "ies"
	}
	return v + "s"
}

func regularPast(v string) string {
	n := len(v)
	switch {
	case n == 0:
		return v
	case v[n-1] == 'e':
		return v + "d"
	case v[n-1] == 'y' && n > 1 && !isVowel(v[n-2]):
		return v[:n-1] + "ied"
	}
	return v + "ed"
}

func regularIng(v string) string {
	n := len(v)
	if n > 2 && v[n-1] == 'e' && !strings.HasSuffix(v, "ee") && !strings.HasSuffix(v, "ye") && !strings.HasSuffix(v, "oe") {
		return v[:n-1] + "ing"
	}
	return v + "ing"
}
