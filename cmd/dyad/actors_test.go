package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"
)

// shared returns the path of a file of ../shared, skipping the test when
// it is missing outside CI.
func shared(t *testing.T, rel string) string {
	t.Helper()
	p := "../../../shared/" + rel
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI needs %s: %v", p, err)
		}
		t.Skipf("no %s", p)
	}
	return p
}

// ngecAssertion is one record of ngec_actor_assertions_dev.jsonl.
type ngecAssertion struct {
	Test     string         `json:"test"`
	Method   string         `json:"method"`
	Args     []string       `json:"args"`
	Kwargs   map[string]any `json:"kwargs"`
	Field    any            `json:"field"`
	Op       string         `json:"op"`
	Expected string         `json:"expected"`
}

// ngecDate turns NGEC's dates ("today", "10 May 2015", "2022-04-01") into
// a --date value; "" is today.
func ngecDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, "today") {
		return "", nil
	}
	for _, layout := range []string{"2006-01-02", "2 January 2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02"), nil
		}
	}
	return "", fmt.Errorf("unknown date %q", s)
}

// TestNGECActorAssertions runs every agent_to_code country and sector
// assertion of NGEC's test suite through `dyad actors resolve` and
// reports the share right, listing the misses.
func TestNGECActorAssertions(t *testing.T) {
	f, err := os.Open(shared(t, "gold/actors/ngec_actor_assertions_dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type query struct{ date, hint string }
	var asserts []ngecAssertion
	byQuery := map[query][]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var a ngecAssertion
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		if a.Method != "agent_to_code" || (a.Field != "country" && a.Field != "code_1") || len(a.Args) == 0 {
			continue
		}
		q, err := a.query()
		if err != nil {
			t.Fatal(err)
		}
		asserts = append(asserts, a)
		byQuery[q] = append(byQuery[q], a.Args[0])
	}
	// One dyad run per date and hint, with all its phrases.
	got := map[string]resolved{}
	for q, phrases := range byQuery {
		args := []string{"actors", "resolve"}
		if q.date != "" {
			args = append(args, "--date", q.date)
		}
		if q.hint != "" {
			args = append(args, "--country", q.hint)
		}
		code, out, errOut := dyad(t, "", append(args, phrases...)...)
		if code != 0 {
			t.Fatalf("dyad %v: exit %d: %s", args, code, errOut)
		}
		dec := json.NewDecoder(strings.NewReader(out))
		for _, p := range phrases {
			var r resolved
			if err := dec.Decode(&r); err != nil {
				t.Fatalf("dyad %v: %v", args, err)
			}
			got[q.date+"|"+q.hint+"|"+p] = r
		}
	}
	right := map[string]int{}
	total := map[string]int{}
	var misses []string
	for _, a := range asserts {
		q, _ := a.query()
		r := got[q.date+"|"+q.hint+"|"+a.Args[0]]
		field := a.Field.(string)
		have := r.Country
		if field == "code_1" {
			field, have = "sector", r.Sector
		}
		total[field]++
		ok := have == a.Expected
		if a.Op == "!=" {
			ok = !ok
		}
		if ok {
			right[field]++
			continue
		}
		misses = append(misses, fmt.Sprintf("%-8s %-50q date=%-10s hint=%-8s want %s%q got %q",
			field, a.Args[0], q.date, q.hint, strings.TrimPrefix(a.Op, "=="), a.Expected, have))
	}
	sort.Strings(misses)
	t.Logf("misses:\n%s", strings.Join(misses, "\n"))
	for field, min := range map[string]float64{"country": 0.85, "sector": 0.80} {
		share := float64(right[field]) / float64(total[field])
		t.Logf("%s: %d of %d right (%.3f; must be at least %.2f)", field, right[field], total[field], share, min)
		if share < min {
			t.Errorf("%s accuracy %.3f is below %.2f", field, share, min)
		}
	}
}

func (a ngecAssertion) query() (q struct{ date, hint string }, err error) {
	if len(a.Args) > 1 {
		q.hint = a.Args[1]
	}
	if c, ok := a.Kwargs["known_country"].(string); ok {
		q.hint = c
	}
	d := ""
	if len(a.Args) > 2 {
		d = a.Args[2]
	}
	if s, ok := a.Kwargs["query_date"].(string); ok {
		d = s
	}
	q.date, err = ngecDate(d)
	return q, err
}

func TestActorsResolveCommand(t *testing.T) {
	code, out, errOut := dyad(t, "", "actors", "resolve", "--date", "1998-05-01", "the Russian president")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r resolved
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r != (resolved{Text: "the Russian president", Name: "Boris Yeltsin", Country: "RUS", Sector: "GOV"}) {
		t.Errorf("got %+v", r)
	}
	// "-" reads one phrase a line and writes JSON lines.
	code, out, errOut = dyad(t, "Chinese troops\n\nthe Kremlin\n", "actors", "resolve", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"country":"CHN","sector":"MIL"`) ||
		!strings.Contains(lines[1], `"country":"RUS","sector":"GOV"`) {
		t.Errorf("stdin resolve = %q", lines)
	}
	// A user table adds people and organisations.
	code, out, errOut = dyad(t, "", "actors", "resolve", "--actors", "testdata/user-actors.csv",
		"--date", "2031-01-01", "Russia's foreign minister", "the Kremlin Guard")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, `"name":"Ivan Petrovsky","country":"RUS","sector":"GOV"`) ||
		!strings.Contains(out, `"country":"RUS","sector":"MIL"`) {
		t.Errorf("user dictionary not used:\n%s", out)
	}
	for _, bad := range [][]string{
		{"actors", "resolve", "--date", "May 1998", "x"},
		{"actors", "resolve", "--actors", "testdata/missing.csv", "x"},
		{"actors", "list", "--format", "xml"},
	} {
		if code, _, errOut := dyad(t, "", bad...); code != 2 || errOut == "" {
			t.Errorf("dyad %v: exit %d, stderr %q; want 2 and a message", bad, code, errOut)
		}
	}
}

func TestActorsListCommand(t *testing.T) {
	code, out, errOut := dyad(t, "", "actors", "list", "--country", "Russia", "--kind", "person")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !strings.HasPrefix(lines[0], "type\tname\t") || len(lines) < 20 {
		t.Fatalf("list = %d lines, starting %q", len(lines), lines[0])
	}
	for _, l := range lines[1:] {
		f := strings.Split(l, "\t")
		if f[0] != "person" || f[3] != "RUS" {
			t.Errorf("not a Russian person: %q", l)
		}
	}
	if !strings.Contains(out, "Vladimir Putin\t") {
		t.Errorf("no Putin in the Russian people")
	}
}

func TestExtractActorsOnlyText(t *testing.T) {
	code, out, errOut := dyad(t, "", "extract", "--actors-only", "--format", "text", "../../samples/india-pakistan-talks.md")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "== ") || !strings.Contains(out, "IND") || !strings.Contains(out, "PAK") {
		t.Errorf("unexpected text:\n%s", out)
	}
}
