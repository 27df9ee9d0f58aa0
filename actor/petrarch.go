package actor

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// ParsePetrarch parses a PETRARCH/TABARI dictionary: an actor dictionary
// (a primary phrase line, optional `+synonym` lines, and date
// restrictions such as `[RUSGOV 991231-080507]`, `[USAELI <450703]`,
// `[RUSGOV >080508]` or a bare default `[RUSELI]`) or an agent
// dictionary (`PHRASE {PLURAL} [~SEC]` lines with `!SET! = a, b`
// substitution sets). Comments (`#`, `;`, `<!-- -->`) are skipped;
// underscores join words; regular plurals of agents are made as PETRARCH
// makes them.
//
// A code gives the country and the sector: `RUSGOV` is RUS and GOV;
// `IGOUNO...` is UNO, `IGOEUR...` EUR, other `IGO...` codes IGO, each with
// sector IGO; `NGO...` is sector NGO with no country; an agent code
// `~MILSPY` is sector MIL.
func ParsePetrarch(name string, data []byte) ([]Entry, []string, error) {
	lines := strings.Split(string(toUTF8(data)), "\n")
	p := petrarchParser{name: name, subst: map[string][]string{}}
	inComment := false
	for n, raw := range lines {
		line := strings.TrimRight(raw, "\r")
		// <!-- --> comments, possibly over several lines.
		for {
			if inComment {
				end := strings.Index(line, "-->")
				if end < 0 {
					line = ""
					break
				}
				line = line[end+3:]
				inComment = false
			}
			start := strings.Index(line, "<!--")
			if start < 0 {
				break
			}
			end := strings.Index(line[start:], "-->")
			if end < 0 {
				line = line[:start]
				inComment = true
				break
			}
			line = line[:start] + line[start+end+3:]
		}
		if i := strings.IndexAny(line, "#;"); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		if err := p.line(line, n+1); err != nil {
			p.warnings = append(p.warnings, fmt.Sprintf("%s:%d: %v (line skipped)", name, n+1, err))
		}
	}
	p.flush()
	if len(p.out) == 0 && len(p.warnings) > 0 {
		return nil, p.warnings, fmt.Errorf("%s: no entries could be read: %s", name, p.warnings[0])
	}
	return p.out, p.warnings, nil
}

type petrarchParser struct {
	name     string
	out      []Entry
	warnings []string
	subst    map[string][]string
	// the actor record being read
	phrases []string
	codes   []restriction
	line0   int
}

type restriction struct {
	code     string
	from, to int
	fallback bool
}

var (
	bracketRe = regexp.MustCompile(`\[([^\]]*)\]`)
	substRe   = regexp.MustCompile(`^\s*(![A-Za-z]+!)\s*=\s*(.*)$`)
)

func (p *petrarchParser) line(line string, n int) error {
	if m := substRe.FindStringSubmatch(line); m != nil {
		var items []string
		for _, x := range strings.Split(m[2], ",") {
			if x = strings.TrimSpace(x); x != "" {
				items = append(items, x)
			}
		}
		p.subst[m[1]] = items
		return nil
	}
	if strings.Contains(line, "[~") || strings.Contains(line, "~]") {
		p.flush()
		return p.agent(line, n)
	}
	indented := line[0] == '\t' || line[0] == ' '
	trimmed := strings.TrimSpace(line)
	switch {
	case strings.HasPrefix(trimmed, "+"):
		if len(p.phrases) == 0 {
			return fmt.Errorf("synonym %q before any phrase", trimmed)
		}
		phrase, rest := splitPhrase(trimmed[1:])
		p.phrases = append(p.phrases, phrase)
		return p.restrictions(rest)
	case indented || strings.HasPrefix(trimmed, "["):
		if len(p.phrases) == 0 {
			return fmt.Errorf("code %q before any phrase", trimmed)
		}
		return p.restrictions(trimmed)
	}
	p.flush()
	phrase, rest := splitPhrase(trimmed)
	p.phrases = []string{phrase}
	p.line0 = n
	return p.restrictions(rest)
}

// splitPhrase splits "PHRASE_WORDS_ [CODE]" into the phrase in words and
// the rest of the line.
func splitPhrase(s string) (string, string) {
	rest := ""
	if i := strings.IndexAny(s, "[{"); i >= 0 {
		s, rest = s[:i], s[i:]
	}
	s = strings.TrimSpace(strings.ReplaceAll(s, "_", " "))
	return strings.Join(strings.Fields(s), " "), rest
}

func (p *petrarchParser) restrictions(s string) error {
	for _, m := range bracketRe.FindAllStringSubmatch(s, -1) {
		f := strings.Fields(m[1])
		if len(f) == 0 {
			continue
		}
		r := restriction{code: f[0]}
		if len(f) == 1 {
			r.fallback = true
		} else {
			var err error
			r.from, r.to, err = petrarchRange(f[1])
			if err != nil {
				return err
			}
		}
		p.codes = append(p.codes, r)
	}
	return nil
}

// petrarchRange parses "<date", ">date" or "date-date"; the limits are
// inclusive.
func petrarchRange(s string) (from, to int, err error) {
	switch {
	case strings.HasPrefix(s, "<"):
		to, err = petrarchDate(s[1:])
	case strings.HasPrefix(s, ">"):
		from, err = petrarchDate(s[1:])
	default:
		a, b, ok := strings.Cut(s, "-")
		if !ok {
			return 0, 0, fmt.Errorf("bad date restriction %q", s)
		}
		if from, err = petrarchDate(a); err == nil {
			to, err = petrarchDate(b)
		}
		if err == nil && from > to {
			from, to = to, from
		}
	}
	return from, to, err
}

// petrarchDate parses YYYYMMDD or YYMMDD (years 30-99 are 19xx, 00-29
// 20xx).
func petrarchDate(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || (len(s) != 6 && len(s) != 8) {
		return 0, fmt.Errorf("bad date %q in a restriction (want YYMMDD or YYYYMMDD)", s)
	}
	if len(s) == 6 {
		if n/10000 >= 30 {
			n += 19000000
		} else {
			n += 20000000
		}
	}
	return n, nil
}

// orgWords mark a dated PETRARCH record as an institution, not a person.
var orgWords = regexp.MustCompile(`(?i)\b(party|council|ministry|army|front|union|republic|sfsr|soviet|committee|assembly|congress|government|court|bank|agency|movement|organi[sz]ation|league|forces|group|brigade|politburo|presidium|federation|kingdom|state|parliament|senate|cabinet|junta|regime|administration|national|people's|guard|police)\b`)

// flush turns the actor record read so far into entries.
func (p *petrarchParser) flush() {
	if len(p.phrases) == 0 {
		return
	}
	defer func() { p.phrases, p.codes = nil, nil }()
	country := ""
	dated := false
	for _, r := range p.codes {
		if c, _ := splitCode(r.code); c != "" && country == "" {
			country = c
		}
		if !r.fallback {
			dated = true
		}
	}
	for _, r := range p.codes {
		c, sec := splitCode(r.code)
		if c == "" && sec != "NGO" {
			c = country
		}
		kind := KindOrg
		switch {
		case sec == "" && c != "" && !dated:
			kind = KindState
		case dated && !orgWords.MatchString(p.phrases[0]):
			kind = KindPerson
		}
		e := Entry{Kind: kind, Name: titleCase(p.phrases[0]), Patterns: append([]string(nil), p.phrases...),
			Country: c, Sector: sec, From: r.from, To: r.to, Fallback: r.fallback && dated,
			User: true, caps: true, Source: p.name + ":" + strconv.Itoa(p.line0)}
		p.out = append(p.out, e)
	}
}

// splitCode splits a CAMEO actor code into a country and a sector.
func splitCode(code string) (country, sector string) {
	code = strings.ToUpper(strings.Trim(code, "~"))
	if len(code) < 3 {
		return "", ""
	}
	head := code[:3]
	switch {
	case head == "IGO":
		country, sector = "IGO", "IGO"
		if len(code) >= 6 && (code[3:6] == "UNO" || code[3:6] == "EUR") {
			country = code[3:6]
		}
		return country, sector
	case head == "NGO" || head == "NGM":
		return "", "NGO"
	case head == "MNC":
		return "", "BUS"
	case ValidSector(head):
		return "", head
	}
	country = head
	for i := 3; i+3 <= len(code); i += 3 {
		if s := code[i : i+3]; ValidSector(s) {
			return country, s
		}
	}
	return country, ""
}

// agent parses one agent line: PHRASE {PLURALS} [~CODE].
func (p *petrarchParser) agent(line string, n int) error {
	m := bracketRe.FindStringSubmatch(line)
	if m == nil {
		return fmt.Errorf("agent line without a code")
	}
	_, sec := splitCode(m[1])
	head := line[:strings.Index(line, "[")]
	plural, hasPlural := "", false
	if i := strings.Index(head, "{"); i >= 0 {
		j := strings.Index(head[i:], "}")
		if j < 0 {
			return fmt.Errorf("unclosed { in %q", line)
		}
		plural, hasPlural = strings.TrimSpace(head[i+1:i+j]), true
		head = head[:i]
	}
	phrase, _ := splitPhrase(head)
	if phrase == "" {
		return nil
	}
	var singulars []string
	expanded := false
	for marker, items := range p.subst {
		if strings.Contains(phrase, marker) {
			for _, it := range items {
				singulars = append(singulars, strings.ReplaceAll(phrase, marker, it))
			}
			expanded = true
		}
	}
	if !expanded {
		singulars = []string{phrase}
	}
	src := p.name + ":" + strconv.Itoa(n)
	for _, s := range singulars {
		name := strings.ToLower(s)
		p.out = append(p.out, Entry{Kind: KindAgent, Name: name, Patterns: []string{name}, Sector: sec,
			User: true, Source: src})
		var pl []string
		switch {
		case expanded:
		case hasPlural:
			for _, x := range strings.Fields(plural) {
				x, _ = splitPhrase(x)
				pl = append(pl, strings.ToLower(x))
			}
		default:
			pl = []string{regularPlural(name)}
		}
		for _, x := range pl {
			if x != "" && x != name {
				p.out = append(p.out, Entry{Kind: KindAgent, Name: name, Patterns: []string{x}, Sector: sec,
					Plural: true, User: true, Source: src})
			}
		}
	}
	return nil
}

// regularPlural makes a plural as PETRARCH does: +S, Y→IES, SS→SSES.
func regularPlural(s string) string {
	switch {
	case strings.HasSuffix(s, "ss"):
		return s + "es"
	case strings.HasSuffix(s, "y") && len(s) > 1 && !strings.ContainsRune("aeiou", rune(s[len(s)-2])):
		return s[:len(s)-1] + "ies"
	}
	return s + "s"
}

// titleCase writes a PETRARCH phrase in title case: "VLADIMIR PUTIN" →
// "Vladimir Putin".
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		if minorWords[w] && i > 0 {
			continue
		}
		r := []rune(w)
		r[0] = []rune(strings.ToUpper(string(r[0])))[0]
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}
