package actor

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ParseFile parses a user dictionary: a PETRARCH/TABARI actor or agent
// dictionary (ParsePetrarch) when its lines carry bracketed codes, else a
// CSV or TSV table (ParseTable). name is used in errors and in each
// entry's Source. Warnings name lines that were skipped.
func ParseFile(name string, data []byte) (entries []Entry, warnings []string, err error) {
	data = toUTF8(data)
	if looksPetrarch(data) {
		return ParsePetrarch(name, data)
	}
	entries, err = ParseTable(name, data)
	return entries, nil, err
}

// toUTF8 returns data with every invalid byte read as Latin-1, so that
// old dictionaries with accented names in Latin-1 load.
func toUTF8(data []byte) []byte {
	if utf8.Valid(data) {
		return data
	}
	var b bytes.Buffer
	b.Grow(len(data) + len(data)/16)
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(rune(data[0]))
		} else {
			b.Write(data[:size])
		}
		data = data[size:]
	}
	return b.Bytes()
}

var codeRe = regexp.MustCompile(`\[[~A-Za-z]{2,}[^\]]*\]`)

func looksPetrarch(data []byte) bool {
	n := 0
	for _, line := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 || line[0] == '#' {
			continue
		}
		if codeRe.Match(line) {
			return true
		}
		if n++; n > 50 {
			break
		}
	}
	return false
}

// ParseTable parses a user table. The first line that is not blank or a
// `#` comment names the columns; the separator is a tab if that line has
// one, else a comma (CSV, with quotes as usual). Columns, in any order,
// all but name optional:
//
//	name     the canonical name (required)
//	aliases  other names, separated by |
//	type     person, org, state, adjective, place or agent (default: person
//	         when office or title is given, else org)
//	country  ISO 3166-1 alpha-3 code, or UNO, EUR, IGO
//	sector   a sector code (see Sectors)
//	office   HOS, HOG, FM, DM, SG or other; several separated by |
//	title    the office's title in lower case ("prime minister")
//	from, to the dates the entry holds, YYYY-MM-DD, YYYY-MM or YYYY
//	plural   an agent noun's plural
//
// Entries from a user table override built-in ones with the same words.
func ParseTable(name string, data []byte) ([]Entry, error) {
	lines := strings.Split(string(data), "\n")
	head := -1
	for i, l := range lines {
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "#") {
			head = i
			break
		}
	}
	if head < 0 {
		return nil, nil
	}
	var recs [][]string
	if strings.Contains(lines[head], "\t") {
		for i := head; i < len(lines); i++ {
			l := strings.TrimRight(lines[i], "\r")
			if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
				recs = append(recs, nil)
				continue
			}
			recs = append(recs, strings.Split(l, "\t"))
		}
	} else {
		r := csv.NewReader(strings.NewReader(strings.Join(lines[head:], "\n")))
		r.Comment = '#'
		r.FieldsPerRecord = -1
		all, err := r.ReadAll()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		recs = all
	}
	if len(recs) == 0 {
		return nil, nil
	}
	cols := recs[0]
	idx := map[string]int{}
	for i, c := range cols {
		c = strings.ToLower(strings.TrimSpace(c))
		switch c {
		case "name", "aliases", "type", "country", "sector", "office", "title", "from", "to", "plural":
			idx[c] = i
		default:
			return nil, fmt.Errorf("%s:%d: unknown column %q (want name, aliases, type, country, sector, office, title, from, to, plural)",
				name, head+1, c)
		}
	}
	if _, ok := idx["name"]; !ok {
		return nil, fmt.Errorf("%s:%d: the header has no name column", name, head+1)
	}
	var out []Entry
	for k, rec := range recs[1:] {
		line := head + k + 2
		if rec == nil {
			continue
		}
		get := func(c string) string {
			if i, ok := idx[c]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		typ := strings.ToLower(get("type"))
		if typ == "" {
			typ = "org"
			if get("office") != "" || get("title") != "" {
				typ = "person"
			}
		}
		row := map[string]string{
			"name": get("name"), "aliases": get("aliases"), "country": get("country"),
			"sector": get("sector"), "office": get("office"), "title": get("title"),
			"from": get("from"), "to": get("to"),
		}
		var kind string
		switch typ {
		case "person":
			kind = "people"
		case "org":
			kind = "orgs"
		case "place":
			kind = "places"
		case "state", "adjective":
			kind = "states"
			row["code"] = row["country"]
			if typ == "adjective" {
				row["adjectives"] = strings.Join(append([]string{row["name"]}, splitList(row["aliases"])...), "|")
			} else {
				row["variants"] = row["aliases"]
			}
		case "agent":
			kind = "agents"
			row["singular"], row["plural"] = row["name"], get("plural")
		default:
			return nil, fmt.Errorf("%s:%d: unknown type %q (want person, org, state, adjective, place or agent)", name, line, typ)
		}
		es, err := rowEntries(kind, row)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if typ == "state" {
			es = es[:1]
		} else if typ == "adjective" {
			es = es[len(es)-1:]
		} else if kind == "places" && len(splitList(row["aliases"])) > 0 {
			es[0].Patterns = append(es[0].Patterns, splitList(row["aliases"])...)
		}
		for i := range es {
			es[i].Source = name + ":" + strconv.Itoa(line)
			es[i].User = true
		}
		out = append(out, es...)
	}
	return out, nil
}
