package extract

import (
	"bufio"
	"embed"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"dyad/doc"
)

//go:embed data/*.tsv
var dataFS embed.FS

// tables holds the embedded lookup data: outlet names by host and wire
// services by every name they go by. It is read-only once loaded.
type tables struct {
	outlets map[string]string // host → outlet name
	wires   map[string]string // any name → canonical wire name
}

func loadTables() (*tables, error) {
	t := &tables{outlets: map[string]string{}, wires: map[string]string{}}
	err := readTSV("data/outlets.tsv", func(cols []string) error {
		if len(cols) != 2 {
			return fmt.Errorf("want host and name, got %d columns", len(cols))
		}
		host := strings.ToLower(cols[0])
		if _, dup := t.outlets[host]; dup {
			return fmt.Errorf("host %q listed twice", host)
		}
		t.outlets[host] = cols[1]
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV("data/wires.tsv", func(cols []string) error {
		if len(cols) < 1 || len(cols) > 2 {
			return fmt.Errorf("want name and aliases, got %d columns", len(cols))
		}
		names := []string{cols[0]}
		if len(cols) == 2 {
			names = append(names, strings.Split(cols[1], "|")...)
		}
		for _, n := range names {
			if _, dup := t.wires[n]; dup {
				return fmt.Errorf("wire name %q listed twice", n)
			}
			t.wires[n] = cols[0]
		}
		return nil
	})
	return t, err
}

// readTSV calls fn with the tab-separated columns of each line of an
// embedded data file, skipping blank lines and # comments.
func readTSV(name string, fn func(cols []string) error) error {
	f, err := dataFS.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

// outletForURL names the outlet of a URL from its host: the name in the
// outlets table for the longest matching host (known is then true), or
// else the host itself without "www.".
func (t *tables) outletForURL(raw string) (name string, known bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Hostname() == "" {
		return "", false
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	for h := host; h != ""; {
		if name, ok := t.outlets[h]; ok {
			return name, true
		}
		i := strings.IndexByte(h, '.')
		if i < 0 || !strings.Contains(h[i+1:], ".") {
			break
		}
		h = h[i+1:]
	}
	return host, false
}

// wire returns the canonical name of the wire service named by s (exactly,
// ignoring surrounding punctuation and a leading "The"), or "".
func (t *tables) wire(s string) string {
	s = strings.Trim(strings.TrimSpace(s), ".,;:()[]*_ ")
	if w, ok := t.wires[s]; ok {
		return w
	}
	return t.wires[strings.TrimPrefix(s, "The ")]
}

// wireInByline finds a wire service among the names of a byline such as
// "By John Smith and Jane Doe, Reuters" or "By Reuters Staff".
func (t *tables) wireInByline(byline string) string {
	s := strings.TrimSpace(byline)
	s = reBylineBy.ReplaceAllString(s, "")
	for _, part := range reBylineSplit.Split(s, -1) {
		if w := t.wire(part); w != "" {
			return w
		}
		if w := t.wire(strings.TrimSuffix(strings.TrimSpace(part), " Staff")); w != "" {
			return w
		}
	}
	return ""
}

var (
	reBylineBy    = regexp.MustCompile(`(?i)^by\s+`)
	reBylineSplit = regexp.MustCompile(`\s*(?:,|;|\band\b|&|/|\|)\s*`)
	// reDateline matches the wire credit of a dateline at the start of a
	// story: "BEIJING, June 8 (Reuters) -", "MOSCOW (AP) —", "(Xinhua) --".
	reDateline = regexp.MustCompile(`^[^()\n]{0,80}\(([A-Z][A-Za-z. -]{1,40})\)\s*(?:-|--|—|–)`)
)

// wireInDateline returns the wire credited by a dateline that opens text.
func (t *tables) wireInDateline(text string) string {
	m := reDateline.FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	return t.wire(m[1])
}

var monthNames = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
	"october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

const monthRE = `(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`

var (
	// 2023-03-23, 2023/03/23, 2023.03.23, optionally with a time.
	reDateISO = regexp.MustCompile(`\b((?:19|20)\d\d)[-/.](\d\d?)[-/.](\d\d?)(?:[T ]\d\d:\d\d(?::\d\d)?)?`)
	// June 08, 2018 / Jun. 8 2018
	reDateMDY = regexp.MustCompile(`(?i)\b(` + monthRE + `)\s+(\d\d?)(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b`)
	// 8 June 2018 / 08 Jun. 2018
	reDateDMY = regexp.MustCompile(`(?i)\b(\d\d?)(?:st|nd|rd|th)?\s+(?:of\s+)?(` + monthRE + `),?\s+((?:19|20)\d\d)\b`)
)

// findDate finds the first full date (day, month and year) written in s
// and returns it as YYYY-MM-DD with the byte span it took in s.
func findDate(s string) (date string, start, end int, ok bool) {
	best := -1
	var y, m, d int
	try := func(loc []int, year, month, day string) {
		if loc == nil || (best >= 0 && loc[0] >= best) {
			return
		}
		yy, _ := strconv.Atoi(year)
		dd, _ := strconv.Atoi(day)
		mm, err := strconv.Atoi(month)
		if err != nil {
			mo, known := monthNames[strings.ToLower(strings.TrimSuffix(month, "."))]
			if !known {
				return
			}
			mm = int(mo)
		}
		if mm < 1 || mm > 12 || dd < 1 || dd > 31 {
			return
		}
		best, start, end = loc[0], loc[0], loc[1]
		y, m, d = yy, mm, dd
	}
	if loc := reDateISO.FindStringSubmatchIndex(s); loc != nil {
		try(loc, s[loc[2]:loc[3]], s[loc[4]:loc[5]], s[loc[6]:loc[7]])
	}
	if loc := reDateMDY.FindStringSubmatchIndex(s); loc != nil {
		try(loc, s[loc[6]:loc[7]], s[loc[2]:loc[3]], s[loc[4]:loc[5]])
	}
	if loc := reDateDMY.FindStringSubmatchIndex(s); loc != nil {
		try(loc, s[loc[6]:loc[7]], s[loc[4]:loc[5]], s[loc[2]:loc[3]])
	}
	if best < 0 {
		return "", 0, 0, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 31 February and the like
		return "", 0, 0, false
	}
	return t.Format(doc.DateLayout), start, end, true
}

// normalizeDate turns a date given as metadata (RFC 3339, ISO, or written
// out) into YYYY-MM-DD, or "" when it cannot be read.
func normalizeDate(s string) string {
	if d, _, _, ok := findDate(s); ok {
		return d
	}
	return ""
}
