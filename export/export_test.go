package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dyad/doc"
	"dyad/store"
	"dyad/store/storetest"
)

// The fixture's articles: a, b, c, d and e. a and b report the same
// meeting of Putin and Xi, and so do d, a near-copy of b from another
// outlet, and e, another near-copy on b's own site (4 reports, 3 outlets,
// 2 articles); a also reports an attack dated by month; c, which has no
// URL, reports sanctions of two actors on one and an undated aid promise
// of the UN.
const (
	textA = "Russian President Vladimir Putin met Xi Jinping in Beijing’s Great Hall on Friday.\n" +
		"Syrian troops \"shelled\" the rebel-held town in May, the ministry said.\n" +
		"The two leaders also talked about trade across the Amur river."
	textB = "Talks between the Russian and Chinese presidents were held in the Chinese capital.\n" +
		"Putin and Xi discussed energy, the officials of both delegations told reporters.\n" +
		"A joint statement is expected to be published next week by the foreign ministries.\n" +
		"Both sides said they wanted the border trade to grow and the new bridge over the river to open soon."
	// textD and textE nearly copy textB.
	textD = textB + " A spokesman declined to comment."
	textE = textB + " More details will follow."
	textC = "Washington and London imposed sanctions on Tehran over its missile programme.\n" +
		"The United Nations promised to send food to the flooded provinces next month."
	// evidenceAttack holds a tab and quotes, which every format must keep
	// or escape.
	evidenceAttack = "Syrian troops \"shelled\"\tthe rebel-held town in May, the ministry said."
)

func ptr(s string) *string { return &s }

func putin() doc.Entity {
	return doc.Entity{Text: "Russian President Vladimir Putin", Name: "Vladimir Putin", Country: "RUS", Sector: "GOV"}
}

func xi() doc.Entity {
	return doc.Entity{Text: "Xi", Name: "Xi Jinping", Country: "CHN", Sector: "GOV"}
}

// meeting is the meeting of Putin and Xi as an article reports it.
func meeting(id string, sentence int, evidence string, conf float64) doc.Event {
	return doc.Event{ID: id, Type: "CONSULT", CAMEO: "040", Quad: 1, Score: 1, Goldstein: 1, Context: []string{"diplomatic"},
		Actor: []doc.Entity{putin()}, Recipient: []doc.Entity{xi()},
		Date: ptr("2018-06-08"), DatePrecision: doc.PrecisionDay, DateText: "on Friday",
		Location: &doc.Location{Text: "Beijing’s Great Hall", Name: "Beijing", Country: "CHN"},
		Tense:    doc.TenseCurrent, Trigger: "met", Sentence: sentence, Evidence: evidence, Mentions: []int{sentence}, Confidence: conf}
}

func fixtureArticles() []*doc.Article {
	a := &doc.Article{ID: "a", Text: textA, Sentences: storetest.Lines(textA),
		Source: doc.Source{URL: "https://a.example/meeting", Outlet: "Alpha News", Title: "Putin meets Xi", Published: "2018-06-08"}}
	a.Events = []doc.Event{
		meeting("a-e1", 0, strings.SplitN(textA, "\n", 2)[0], 0.9),
		{ID: "a-e2", Type: "ASSAULT", Mode: "", CAMEO: "190", Quad: 4, Score: -9, Goldstein: -10,
			Actor:     []doc.Entity{{Text: "Syrian\tgovernment troops", Country: "SYR", Sector: "MIL"}},
			Recipient: []doc.Entity{{Text: "rebels", Sector: "REB"}},
			Date:      ptr("2018-05-01"), DatePrecision: doc.PrecisionMonth, DateText: "in May",
			Tense: doc.TenseHistorical, Trigger: "shelled", Sentence: 1, Evidence: evidenceAttack, Mentions: []int{1}, Confidence: 0.6},
	}
	b := &doc.Article{ID: "b", Text: textB, Sentences: storetest.Lines(textB),
		Source: doc.Source{URL: "https://b.example/talks", Outlet: "Beta Times", Title: "Talks in Beijing", Published: "2018-06-09"}}
	b.Events = []doc.Event{meeting("b-e1", 1, strings.Split(textB, "\n")[1], 0.7)}
	c := &doc.Article{ID: "c", Text: textC, Sentences: storetest.Lines(textC),
		Source: doc.Source{Outlet: "Gamma Wire", Title: "Sanctions", Published: "2019-01-10"}}
	c.Events = []doc.Event{
		{ID: "c-e1", Type: "SANCTION", Mode: "economic", CAMEO: "163", Quad: 4, Score: -6, Goldstein: -8,
			Actor:     []doc.Entity{{Text: "Washington", Country: "USA", Sector: "GOV"}, {Text: "London", Country: "GBR", Sector: "GOV"}},
			Recipient: []doc.Entity{{Text: "Tehran", Country: "IRN", Sector: "GOV"}},
			Date:      ptr("2019-01-09"), DatePrecision: doc.PrecisionDay,
			Location: &doc.Location{Text: "Washington", Name: "Washington", Country: "USA"},
			Tense:    doc.TenseCurrent, Trigger: "imposed sanctions on", Sentence: 0, Evidence: strings.Split(textC, "\n")[0], Mentions: []int{0}, Confidence: 0.8},
		{ID: "c-e2", Type: "AID", CAMEO: "070", Quad: 2, Score: 6, Goldstein: 7,
			Actor: []doc.Entity{{Text: "The United Nations", Name: "United Nations", Country: "UNO", Sector: "IGO"}},
			Tense: doc.TenseFuture, Trigger: "promised to send", Sentence: 1, Evidence: strings.Split(textC, "\n")[1], Mentions: []int{1}, Confidence: 0.5},
	}
	d := &doc.Article{ID: "d", Text: textD, Sentences: storetest.Lines(textD),
		Source: doc.Source{URL: "https://d.example/copy", Outlet: "Delta Post", Title: "Talks in Beijing", Published: "2018-06-10"}}
	d.Events = []doc.Event{meeting("d-e1", 1, strings.Split(textD, "\n")[1], 0.7)}
	e := &doc.Article{ID: "e", Text: textE, Sentences: storetest.Lines(textE),
		Source: doc.Source{URL: "https://b.example/talks-update", Outlet: "Beta Times", Title: "Talks in Beijing", Published: "2018-06-11"}}
	e.Events = []doc.Event{meeting("e-e1", 1, strings.Split(textE, "\n")[1], 0.7)}
	return []*doc.Article{a, b, c, d, e}
}

// fixture opens a database in a temporary directory and stores the
// fixture's articles in it.
func fixture(t *testing.T) *store.Store {
	t.Helper()
	return storetest.New(t, fixtureArticles()...)
}

// run exports the fixture in format f with filter and returns the output
// and the GDELT mentions.
func run(t *testing.T, st *store.Store, f Format, filter store.Filter) (out, mentions []byte) {
	t.Helper()
	var w, m bytes.Buffer
	opt := Options{Format: f, Filter: filter}
	if f == GDELT {
		opt.Mentions = &m
	}
	start := time.Now()
	n, err := Export(context.Background(), st, &w, opt)
	if err != nil {
		t.Fatalf("export %s: %v", f, err)
	}
	t.Logf("%s: %d events, %d bytes in %v", f, n, w.Len(), time.Since(start))
	return w.Bytes(), m.Bytes()
}

// jsonLines decodes JSONL into maps.
func jsonLines(t *testing.T, data []byte) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		var r map[string]any
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("bad JSON line %q: %v", line, err)
		}
		out = append(out, r)
	}
	return out
}

// allEvents returns the fixture's real events in storage order.
func allEvents(t *testing.T, st *store.Store) []store.Event {
	t.Helper()
	var evs []store.Event
	if err := st.EachEvent(context.Background(), store.Filter{}, func(e store.Event) error {
		evs = append(evs, e)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(evs) != 4 || evs[0].Reports != 4 || evs[0].Articles != 2 || evs[0].Outlets != 3 {
		t.Fatalf("the fixture is not as the tests expect: %d events, the first %+v", len(evs), evs[0])
	}
	return evs
}

// cell is the value wanted in a column of a row.
type cell struct {
	row          int
	column, want string
}

// checkCells checks cells of rows, whose columns header names.
func checkCells(t *testing.T, what string, header []string, rows [][]string, cells []cell) {
	t.Helper()
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for _, c := range cells {
		i, ok := col[c.column]
		if !ok || c.row >= len(rows) {
			t.Errorf("%s: no row %d column %q", what, c.row, c.column)
			continue
		}
		if got := rows[c.row][i]; got != c.want {
			t.Errorf("%s: row %d %s = %q, want %q", what, c.row, c.column, got, c.want)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Format
		ok   bool
	}{{"csv", CSV, true}, {"JSONL", JSONL, true}, {"parquet", Parquet, true}, {"gdelt", GDELT, true}, {"plover", PLOVER, true},
		{"", "", false}, {"xml", "", false}, {"tsv", "", false}} {
		got, err := ParseFormat(c.in)
		if got != c.want || (err == nil) != c.ok {
			t.Errorf("ParseFormat(%q) = %q, %v", c.in, got, err)
		}
	}
	if _, err := NewWriter(&bytes.Buffer{}, "xml"); err == nil {
		t.Error("NewWriter of an unknown format: no error")
	}
}

func TestJSONL(t *testing.T) {
	st := fixture(t)
	out, _ := run(t, st, JSONL, store.Filter{})
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	evs := allEvents(t, st)
	if len(lines) != len(evs) {
		t.Fatalf("%d lines, want %d", len(lines), len(evs))
	}
	for i, e := range evs {
		want, _ := json.Marshal(e)
		if lines[i] != string(want) {
			t.Errorf("line %d:\n%s\nwant json.Marshal of the event:\n%s", i, lines[i], want)
		}
	}
	recs := jsonLines(t, out)
	if recs[1]["evidence"] != evidenceAttack || recs[0]["reports"] != 4.0 || recs[0]["event"] != evs[0].Cluster {
		t.Errorf("records: %v", recs[:2])
	}
}

func TestCSV(t *testing.T) {
	st := fixture(t)
	out, _ := run(t, st, CSV, store.Filter{})
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 5 {
		t.Fatalf("%d rows, want a header and 4 events", len(rows))
	}
	checkCells(t, "csv", rows[0], rows, []cell{
		{1, "date", "2018-06-08"}, {1, "type", "CONSULT"}, {1, "cameo", "040"}, {1, "quad", "1"},
		{1, "actor", "Vladimir Putin"}, {1, "actor_country", "RUS"}, {1, "recipient_sector", "GOV"},
		{1, "place", "Beijing"}, {1, "place_country", "CHN"}, {1, "context", "diplomatic"},
		{1, "articles", "2"}, {1, "outlets", "3"}, {1, "reports", "4"},
		{1, "outlet", "Alpha News"}, {1, "url", "https://a.example/meeting"}, {1, "published", "2018-06-08"},
		{2, "evidence", evidenceAttack}, {2, "date_precision", "month"}, {2, "score", "-9"}, {2, "goldstein", "-10"},
		{2, "recipient", "rebels"}, {2, "recipient_country", ""}, {2, "tense", "historical"}, {2, "negated", "false"},
		{3, "actor", "Washington;London"}, {3, "actor_country", "USA;GBR"}, {3, "actor_sector", "GOV;GOV"}, {3, "mode", "economic"},
		{4, "date", ""}, {4, "actor", "United Nations"}, {4, "recipient", ""}, {4, "place", ""}, {4, "url", ""},
	})
	for i, r := range rows {
		if len(r) != len(csvHeader) {
			t.Errorf("row %d has %d fields, want %d", i, len(r), len(csvHeader))
		}
	}
}

func TestFilters(t *testing.T) {
	st := fixture(t)
	for _, c := range []struct {
		name string
		f    store.Filter
		want int
	}{
		{"all", store.Filter{}, 4},
		{"quad 4", store.Filter{Quad: 4}, 2},
		{"actor", store.Filter{Actor: "RUS"}, 1},
		{"either way round", store.Filter{Actor: "CHN", Recipient: "RUS"}, 1},
		{"from 2019, undated left out", store.Filter{From: "2019-01-01"}, 1},
		{"outlet of the second report", store.Filter{Outlet: "Beta"}, 1},
		{"text", store.Filter{Text: "sanctions"}, 1},
		{"limit ignored", store.Filter{Limit: 1}, 4},
		{"nothing", store.Filter{Place: "FRA"}, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, _ := run(t, st, CSV, c.f)
			rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(rows)-1 != c.want {
				t.Errorf("%d events, want %d", len(rows)-1, c.want)
			}
		})
	}
	var w bytes.Buffer
	if _, err := Export(context.Background(), st, &w, Options{Format: CSV, Filter: store.Filter{From: "2018-02-30"}}); err == nil {
		t.Error("a bad date: no error")
	}
	if _, err := Export(context.Background(), st, &w, Options{Format: CSV, Mentions: &w}); err == nil {
		t.Error("mentions with CSV: no error")
	}
}

func TestPLOVER(t *testing.T) {
	st := fixture(t)
	out, _ := run(t, st, PLOVER, store.Filter{})
	recs := jsonLines(t, out)
	if len(recs) != 4 {
		t.Fatalf("%d records, want 4", len(recs))
	}
	keys := []string{"id", "has_event", "date", "actor", "recipient", "event", "event_loc", "event_text", "quad_code",
		"event_scale", "mode", "context", "text", "text_info", "cite_info", "coder", "dyad"}
	for i, r := range recs {
		for _, k := range keys {
			if _, ok := r[k]; !ok {
				t.Errorf("record %d lacks %q", i, k)
			}
		}
		if len(r) != len(keys) {
			t.Errorf("record %d has %d keys, want %d: %v", i, len(r), len(keys), r)
		}
	}
	m := recs[0]
	actor := m["actor"].([]any)[0].(map[string]any)
	loc := m["event_loc"].(map[string]any)
	dy := m["dyad"].(map[string]any)
	cite := m["cite_info"].(map[string]any)
	for _, c := range []struct {
		what      string
		got, want any
	}{
		{"date", m["date"], "2018-06-08"}, {"event", m["event"].([]any)[0], "CONSULT"}, {"quad_code", m["quad_code"], 1.0},
		{"event_scale", m["event_scale"], 1.0}, {"event_text", m["event_text"].([]any)[0], "met"},
		{"mode", m["mode"], nil}, {"context", m["context"].([]any)[0], "diplomatic"},
		{"actor code", actor["code"], "RUS"}, {"actor sector", actor["sector"], "GOV"},
		{"actor identifier_text", actor["identifier_text"], "Vladimir Putin"}, {"actor entity_text", actor["entity_text"], "Russian President Vladimir Putin"},
		{"resolved_place", loc["resolved_place"], "Beijing"}, {"country_code", loc["country_code"], "CHN"},
		{"cite url", cite["url"], "https://a.example/meeting"}, {"publication", cite["publication"], "Alpha News"},
		{"cameo", dy["cameo"], "040"}, {"reports", dy["reports"], 4.0}, {"articles", dy["articles"], 2.0},
		{"outlets", dy["outlets"], 3.0},
		{"evidence of the attack", recs[1]["text"], evidenceAttack}, {"mode of the sanctions", recs[2]["mode"].([]any)[0], "economic"},
		{"undated", recs[3]["date"], nil}, {"no place", recs[3]["event_loc"], nil}, {"no recipient", len(recs[3]["recipient"].([]any)), 0},
		{"context left null", recs[3]["context"], nil}, {"sequence", recs[1]["text_info"].(map[string]any)["sequence"], 1.0},
	} {
		if c.got != c.want {
			t.Errorf("%s: %v, want %v", c.what, c.got, c.want)
		}
	}
}

func TestMentionsPath(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"events.gdelt.tsv", "events.gdelt.mentions.tsv"},
		{"out/events.csv", "out/events.mentions.csv"},
		{"events", "events.mentions"},
		{"dir.v1/events", "dir.v1/events.mentions"},
	} {
		if got := MentionsPath(c.in); got != c.want {
			t.Errorf("MentionsPath(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFileCommitAndAbort(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(path, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("half"))
	if data, _ := os.ReadFile(path); string(data) != "old\n" {
		t.Errorf("while writing, the file is %q", data)
	}
	f.Abort()
	if data, _ := os.ReadFile(path); string(data) != "old\n" {
		t.Errorf("after Abort the file is %q", data)
	}
	if _, err := os.Stat(path + ".tmp"); !os.IsNotExist(err) {
		t.Errorf("Abort left the temporary file: %v", err)
	}
	f, err = Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("new\n"))
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	f.Abort() // no effect after Commit
	if data, _ := os.ReadFile(path); string(data) != "new\n" {
		t.Errorf("after Commit the file is %q", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the directory, want 1", len(entries))
	}
	if err := f.Commit(); err == nil {
		t.Error("a second Commit: no error")
	}
	if _, err := Create(filepath.Join(dir, "missing", "x.csv")); err == nil {
		t.Error("Create in a missing directory: no error")
	}
}
