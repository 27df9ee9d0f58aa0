// Package actor is dyad's actor stage. It holds the knowledge base of
// states, places, organisations, people with their offices and tenures,
// and agent nouns (plain-text files under data/, embedded in the binary,
// to which users add their own with --actors), finds every mention of them
// in an article, and resolves each mention to entities: "his Russian
// counterpart" to Vladimir Putin, "the Kremlin" to the Russian government,
// "he" to the person last named, "the two presidents" to the pair.
//
// It takes an Article with Sentences and Tokens (the text stage) and adds
// Mentions.
package actor

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Kind says what an entry of the knowledge base names.
type Kind uint8

// The kinds of entry.
const (
	KindState     Kind = iota + 1 // a state by its name: "China"
	KindAdjective                 // a state's adjective or demonym: "Chinese"
	KindPlace                     // a capital, seat of government, city or region
	KindOrg                       // an organisation
	KindPerson                    // a person in one tenure
	KindAgent                     // a common noun that gives a sector: "troops"
)

var kindNames = map[Kind]string{
	KindState: "state", KindAdjective: "adjective", KindPlace: "place",
	KindOrg: "org", KindPerson: "person", KindAgent: "agent",
}

// String returns the kind's name as `dyad actors list` prints it.
func (k Kind) String() string { return kindNames[k] }

// Entry is one line of the knowledge base: something with names that
// text uses for it (Patterns), the country and sector it gives, and, for
// people, the office held from From to To.
type Entry struct {
	Kind Kind
	// Name is the canonical name: a person's or organisation's name, a
	// state's short name, an agent noun's singular.
	Name string
	// Patterns are the words that name the entry in text.
	Patterns []string
	Country  string
	Sector   string
	// Office lists the offices a person holds in this tenure (HOS, HOG,
	// FM, DM, SG, other), or that a role noun names ("president" → HOS).
	Office []string
	// Title is the title of a person's office ("prime minister").
	Title string
	// From and To bound the entry's validity as YYYYMMDD numbers; 0 is open.
	From, To int
	// Plural marks the plural form of an agent noun.
	Plural bool
	// Fallback marks a PETRARCH default code: it holds only on dates
	// that none of the entry's dated codes covers.
	Fallback bool
	// User marks an entry from a user dictionary: its patterns override
	// the built-in entries with the same words.
	User bool
	// Source says where the entry comes from: "file:line".
	Source string
	// caps says, for entries from PETRARCH dictionaries, that the patterns
	// are written in capitals and their case is not significant.
	caps bool
}

// ValidAt reports whether the entry is valid on date (YYYYMMDD); every
// entry is valid on date 0, the unknown date.
func (e *Entry) ValidAt(date int) bool {
	if date == 0 {
		return true
	}
	return (e.From == 0 || e.From <= date) && (e.To == 0 || date <= e.To)
}

// HasOffice reports whether the entry holds or names office o.
func (e *Entry) HasOffice(o string) bool {
	for _, x := range e.Office {
		if x == o {
			return true
		}
	}
	return false
}

//go:embed data/*.tsv data/people/*.tsv data/female.txt
var builtin embed.FS

// Options configure a knowledge base.
type Options struct {
	// Files are user dictionaries, read after the built-in data, in
	// order: CSV or TSV files in the layout of ParseTable, or PETRARCH
	// actor and agent dictionaries (see ParsePetrarch), told apart by
	// their content.
	Files []string
	// NoBuiltin leaves the built-in entries out (for tests of user
	// files); the list of women's names is still read.
	NoBuiltin bool
}

// KB is the knowledge base: every entry, and the indexes that the matcher
// and the resolver use. A KB is read-only once built and safe for
// concurrent use.
type KB struct {
	entries []Entry
	trie    *trie
	// people maps a person's canonical name to the entries of their
	// tenures.
	people map[string][]int32
	// offices maps "CTY/OFFICE" and "CTY/title" to the person entries
	// holding it.
	offices map[string][]int32
	// states maps a country code to its state entry.
	states map[string]int32
	// warnings name the lines of user files that were skipped.
	warnings []string
	// female holds the given names (and whole names) of women, lower
	// case, from data/female.txt.
	female map[string]bool
	// titles holds the titles of offices held by people.
	titles map[string]bool
	// lookup maps a lower-case country name, code or adjective to a code,
	// for country hints.
	lookup map[string]string
}

// New builds the knowledge base from the built-in data and opts.Files.
func New(ctx context.Context, opts Options) (*KB, error) {
	var entries []Entry
	var warnings []string
	if !opts.NoBuiltin {
		var err error
		entries, err = loadBuiltin()
		if err != nil {
			return nil, err
		}
	}
	for _, f := range opts.Files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("actor dictionary: %w", err)
		}
		es, warns, err := ParseFile(f, data)
		if err != nil {
			return nil, err
		}
		warnings = append(warnings, warns...)
		entries = append(entries, es...)
	}
	kb := build(entries)
	kb.warnings = warnings
	// Women's names are not entries: they serve user data too.
	if err := kb.loadFemale(); err != nil {
		return nil, err
	}
	return kb, nil
}

// loadFemale reads data/female.txt.
func (kb *KB) loadFemale() error {
	data, err := builtin.ReadFile("data/female.txt")
	if err != nil {
		return fmt.Errorf("built-in knowledge base: %w", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			kb.female[strings.ToLower(line)] = true
		}
	}
	return nil
}

func loadBuiltin() ([]Entry, error) {
	var entries []Entry
	err := fs.WalkDir(builtin, "data", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".tsv") {
			return err
		}
		data, err := builtin.ReadFile(p)
		if err != nil {
			return err
		}
		kind := strings.TrimSuffix(path.Base(p), ".tsv")
		if path.Base(path.Dir(p)) == "people" {
			kind = "people"
		}
		es, err := parseData(kind, strings.TrimPrefix(p, "data/"), string(data), false)
		if err != nil {
			return err
		}
		entries = append(entries, es...)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("built-in knowledge base: %w", err)
	}
	return entries, nil
}

// columns of each built-in file, in order.
var columns = map[string][]string{
	"states": {"code", "name", "variants", "adjectives", "from", "to"},
	"places": {"name", "country", "sector", "from", "to"},
	"orgs":   {"name", "aliases", "country", "sector", "from", "to"},
	"people": {"name", "aliases", "country", "sector", "office", "title", "from", "to"},
	"agents": {"singular", "plural", "sector", "office"},
}

// parseData parses one built-in file of the given kind (or a user file
// in the same layout when user is true).
func parseData(kind, name, data string, user bool) ([]Entry, error) {
	cols, ok := columns[kind]
	if !ok {
		return nil, fmt.Errorf("%s: unknown kind of file %q", name, kind)
	}
	var out []Entry
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != len(cols) {
			return nil, fmt.Errorf("%s:%d: want %d tab-separated columns (%s), got %d",
				name, n+1, len(cols), strings.Join(cols, ", "), len(f))
		}
		row := make(map[string]string, len(cols))
		for i, c := range cols {
			row[c] = strings.TrimSpace(f[i])
		}
		es, err := rowEntries(kind, row)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n+1, err)
		}
		for i := range es {
			es[i].Source = name + ":" + strconv.Itoa(n+1)
			es[i].User = user
		}
		out = append(out, es...)
	}
	return out, nil
}

// rowEntries turns one row of a file into entries.
func rowEntries(kind string, row map[string]string) ([]Entry, error) {
	from, err := ParseDate(row["from"], false)
	if err != nil {
		return nil, err
	}
	to, err := ParseDate(row["to"], true)
	if err != nil {
		return nil, err
	}
	if from != 0 && to != 0 && from > to {
		return nil, fmt.Errorf("date range %s to %s ends before it starts", row["from"], row["to"])
	}
	for _, c := range []string{"code", "country"} {
		if v := row[c]; v != "" && !validCode(v) {
			return nil, fmt.Errorf("country code %q is not three capital letters", v)
		}
	}
	if s := row["sector"]; s != "" && !ValidSector(s) {
		return nil, fmt.Errorf("unknown sector %q", s)
	}
	var office []string
	if o := row["office"]; o != "" {
		office = strings.Split(o, "|")
		for _, x := range office {
			if !validOffice[x] {
				return nil, fmt.Errorf("unknown office %q (want HOS, HOG, FM, DM, SG or other)", x)
			}
		}
	}
	switch kind {
	case "states":
		if row["code"] == "" || row["name"] == "" {
			return nil, fmt.Errorf("a state needs a code and a name")
		}
		st := Entry{Kind: KindState, Name: row["name"], Country: row["code"], From: from, To: to,
			Patterns: append([]string{row["name"]}, splitList(row["variants"])...)}
		out := []Entry{st}
		if adj := splitList(row["adjectives"]); len(adj) > 0 {
			out = append(out, Entry{Kind: KindAdjective, Name: row["name"], Country: row["code"],
				From: from, To: to, Patterns: adj})
		}
		return out, nil
	case "places":
		if row["name"] == "" || row["country"] == "" {
			return nil, fmt.Errorf("a place needs a name and a country")
		}
		return []Entry{{Kind: KindPlace, Name: row["name"], Country: row["country"], Sector: row["sector"],
			From: from, To: to, Patterns: []string{row["name"]}}}, nil
	case "orgs", "people":
		if row["name"] == "" {
			return nil, fmt.Errorf("an entry needs a name")
		}
		k := KindOrg
		if kind == "people" {
			k = KindPerson
			if row["country"] == "" {
				return nil, fmt.Errorf("a person needs a country")
			}
		}
		return []Entry{{Kind: k, Name: row["name"], Country: row["country"], Sector: row["sector"],
			Office: office, Title: strings.ToLower(row["title"]), From: from, To: to,
			Patterns: append([]string{row["name"]}, splitList(row["aliases"])...)}}, nil
	case "agents":
		if row["singular"] == "" {
			return nil, fmt.Errorf("an agent needs a singular")
		}
		out := []Entry{{Kind: KindAgent, Name: row["singular"], Sector: row["sector"], Office: office,
			Patterns: []string{row["singular"]}}}
		if p := row["plural"]; p != "" && p != row["singular"] {
			out = append(out, Entry{Kind: KindAgent, Name: row["singular"], Sector: row["sector"],
				Office: office, Plural: true, Patterns: []string{p}})
		}
		return out, nil
	}
	return nil, fmt.Errorf("unknown kind of file %q", kind)
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, x := range strings.Split(s, "|") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

func validCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

var validOffice = map[string]bool{"HOS": true, "HOG": true, "FM": true, "DM": true, "SG": true, "other": true}

// Sectors are the sector codes that entries may give: PLOVER's actor
// sectors and the CAMEO agent codes that news coders use beside them.
var Sectors = []string{
	"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PTY", "OPP", "REB", "CVL", "BUS", "MED",
	"REL", "EDU", "LAB", "REF", "IGO", "NGO", "ELI", "AGR", "CRM", "UAF", "PRM", "PRE",
	"JRN", "SOC", "HLH", "ENV", "BUD", "UNK",
}

// ValidSector reports whether s is one of Sectors.
func ValidSector(s string) bool {
	for _, x := range Sectors {
		if x == s {
			return true
		}
	}
	return false
}

// ParseDate parses a date of the knowledge base, YYYY-MM-DD, YYYY-MM or
// YYYY (also YYYYMMDD), into a YYYYMMDD number: a partial date is its first
// day, or its last day when end is true. "" is 0, the open date.
func ParseDate(s string, end bool) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	var y, m, d int
	var err error
	switch {
	case len(s) == 8 && !strings.Contains(s, "-"):
		var n int
		n, err = strconv.Atoi(s)
		y, m, d = n/10000, n/100%100, n%100
	case len(s) == 10:
		var t time.Time
		t, err = time.Parse("2006-01-02", s)
		y, m, d = t.Year(), int(t.Month()), t.Day()
	case len(s) == 7:
		var t time.Time
		t, err = time.Parse("2006-01", s)
		y, m, d = t.Year(), int(t.Month()), 1
		if end {
			d = t.AddDate(0, 1, -1).Day()
		}
	case len(s) == 4:
		y, err = strconv.Atoi(s)
		m, d = 1, 1
		if end {
			m, d = 12, 31
		}
	default:
		err = fmt.Errorf("want YYYY-MM-DD")
	}
	if err != nil || y < 1000 || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, fmt.Errorf("bad date %q (want YYYY-MM-DD, YYYY-MM or YYYY)", s)
	}
	return y*10000 + m*100 + d, nil
}

// DateOf returns t as a YYYYMMDD number.
func DateOf(t time.Time) int {
	return t.Year()*10000 + int(t.Month())*100 + t.Day()
}

// Female reports whether a person's name is a woman's, by the whole name
// or its first word (data/female.txt).
func (kb *KB) Female(name string) bool {
	n := strings.ToLower(name)
	if kb.female[n] {
		return true
	}
	first, _, _ := strings.Cut(n, " ")
	return kb.female[first]
}

// Warnings returns the lines of user dictionaries that could not be read
// and were skipped, each with where and why.
func (kb *KB) Warnings() []string { return kb.warnings }

// Entries returns the entries of the knowledge base, in the order they
// were read. The slice must not be modified.
func (kb *KB) Entries() []Entry { return kb.entries }

// Country returns the code for a country name, code, variant or
// adjective ("Mexico", "mexican", "MEX"), or "".
func (kb *KB) Country(s string) string {
	return kb.lookup[strings.ToLower(strings.TrimSpace(s))]
}

// build indexes entries.
func build(entries []Entry) *KB {
	kb := &KB{
		entries: entries,
		people:  make(map[string][]int32),
		offices: make(map[string][]int32),
		states:  make(map[string]int32),
		lookup:  make(map[string]string),
		titles:  make(map[string]bool),
		female:  make(map[string]bool),
	}
	for i := range entries {
		e := &entries[i]
		switch e.Kind {
		case KindPerson:
			kb.people[e.Name] = append(kb.people[e.Name], int32(i))
			for _, o := range e.Office {
				k := e.Country + "/" + o
				kb.offices[k] = append(kb.offices[k], int32(i))
			}
			if e.Title != "" {
				kb.titles[e.Title] = true
				k := e.Country + "/" + e.Title
				kb.offices[k] = append(kb.offices[k], int32(i))
			}
		case KindState, KindAdjective:
			if e.Kind == KindState {
				if _, ok := kb.states[e.Country]; !ok || e.To == 0 {
					kb.states[e.Country] = int32(i)
				}
				kb.lookup[strings.ToLower(e.Country)] = e.Country
			}
			for _, p := range e.Patterns {
				k := strings.ToLower(p)
				if _, ok := kb.lookup[k]; !ok || e.To == 0 {
					kb.lookup[k] = e.Country
				}
			}
		}
	}
	for _, v := range kb.offices {
		sort.SliceStable(v, func(a, b int) bool { return entries[v[a]].From > entries[v[b]].From })
	}
	kb.trie = newTrie(entries)
	return kb
}
