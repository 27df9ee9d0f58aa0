package main

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"dyad/eval"
	"dyad/extract"
)

// evalCounts is the JSON of eval.Counts.
type evalCounts struct {
	Gold      int     `json:"gold"`
	Dyad      int     `json:"dyad"`
	Matched   int     `json:"matched"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// evalRatio is the JSON of eval.Ratio.
type evalRatio struct {
	Correct  int     `json:"correct"`
	Total    int     `json:"total"`
	Accuracy float64 `json:"accuracy"`
}

// evalArticlesJSON is the JSON summary of dyad eval articles.
type evalArticlesJSON struct {
	Articles   int        `json:"articles"`
	Failed     int        `json:"failed"`
	Events     evalCounts `json:"events"`
	Quotes     evalCounts `json:"quotes"`
	Dates      evalRatio  `json:"dates"`
	Speakers   evalRatio  `json:"speakers"`
	PerArticle []struct {
		DocID    string      `json:"doc_id"`
		Input    string      `json:"input"`
		Error    string      `json:"error"`
		Events   evalCounts  `json:"events"`
		Quotes   evalCounts  `json:"quotes"`
		Dates    evalRatio   `json:"dates"`
		Speakers evalRatio   `json:"speakers"`
		Misses   []eval.Miss `json:"misses"`
	} `json:"per_article"`
}

// checkCounts checks that the precision, recall and F1 of c follow from
// its counts, and that the counts are possible.
func checkCounts(t *testing.T, what string, c evalCounts) {
	t.Helper()
	if c.Matched > c.Gold || c.Matched > c.Dyad || c.Matched < 0 {
		t.Errorf("%s: impossible counts %+v", what, c)
	}
	ec := eval.Counts{Gold: c.Gold, Dyad: c.Dyad, Matched: c.Matched}
	for _, v := range [][2]float64{{c.Precision, ec.Precision()}, {c.Recall, ec.Recall()}, {c.F1, ec.F1()}} {
		if math.Abs(v[0]-v[1]) > 1e-4 {
			t.Errorf("%s: %+v: figure %v, want %v", what, c, v[0], v[1])
		}
	}
}

// runEvalJSON runs dyad eval with --json and decodes the summary.
func runEvalJSON(t *testing.T, v any, args ...string) {
	t.Helper()
	code, out, errOut := dyad(t, "", append([]string{"eval"}, append(args, "--json")...)...)
	if code != 0 {
		t.Fatalf("dyad eval %v: exit %d: %s", args, code, errOut)
	}
	if err := json.Unmarshal([]byte(out), v); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, out)
	}
}

// TestEvalArticles scores the two test articles: the gold counts are
// fixed by the gold files; dyad's, whatever they are, must add up.
func TestEvalArticles(t *testing.T) {
	var s evalArticlesJSON
	runEvalJSON(t, &s, "articles", "--misses", "testdata/eval")
	if s.Articles != 2 || s.Failed != 0 || len(s.PerArticle) != 2 {
		t.Fatalf("%d articles, %d failed, %d reported", s.Articles, s.Failed, len(s.PerArticle))
	}
	// talks: CONSULT CHL-PER (twice; the refusal is negated); sanctions:
	// SANCTION SSD-UNO and SUPPORT GBR-USA (the further sanctions are
	// hypothetical).
	if s.Events.Gold != 3 || s.Quotes.Gold != 2 {
		t.Errorf("gold: %d event keys, %d quotes; want 3 and 2", s.Events.Gold, s.Quotes.Gold)
	}
	checkCounts(t, "events", s.Events)
	checkCounts(t, "quotes", s.Quotes)
	var sum eval.Totals
	for _, a := range s.PerArticle {
		checkCounts(t, a.DocID+" events", a.Events)
		checkCounts(t, a.DocID+" quotes", a.Quotes)
		ac := func(c evalCounts) eval.Counts { return eval.Counts{Gold: c.Gold, Dyad: c.Dyad, Matched: c.Matched} }
		sum.Events = sum.Events.Add(ac(a.Events))
		sum.Quotes = sum.Quotes.Add(ac(a.Quotes))
		sum.Dates = sum.Dates.Add(eval.Ratio{Correct: a.Dates.Correct, Total: a.Dates.Total})
		sum.Speakers = sum.Speakers.Add(eval.Ratio{Correct: a.Speakers.Correct, Total: a.Speakers.Total})
		if a.Dates.Total > a.Events.Matched || a.Speakers.Total != a.Quotes.Matched {
			t.Errorf("%s: dates %+v, speakers %+v for %d matched keys and %d matched quotes",
				a.DocID, a.Dates, a.Speakers, a.Events.Matched, a.Quotes.Matched)
		}
		kinds := map[eval.MissKind]int{}
		for _, m := range a.Misses {
			kinds[m.Kind]++
		}
		for _, c := range []struct {
			kind eval.MissKind
			want int
		}{
			{eval.MissedEvent, a.Events.Gold - a.Events.Matched},
			{eval.FalseEvent, a.Events.Dyad - a.Events.Matched},
			{eval.WrongDate, a.Dates.Total - a.Dates.Correct},
			{eval.MissedQuote, a.Quotes.Gold - a.Quotes.Matched},
			{eval.FalseQuote, a.Quotes.Dyad - a.Quotes.Matched},
			{eval.WrongSpeaker, a.Speakers.Total - a.Speakers.Correct},
		} {
			if kinds[c.kind] != c.want {
				t.Errorf("%s: %d misses of kind %q, want %d", a.DocID, kinds[c.kind], c.kind, c.want)
			}
		}
	}
	if sum.Events != (eval.Counts{Gold: s.Events.Gold, Dyad: s.Events.Dyad, Matched: s.Events.Matched}) ||
		sum.Quotes != (eval.Counts{Gold: s.Quotes.Gold, Dyad: s.Quotes.Dyad, Matched: s.Quotes.Matched}) ||
		sum.Dates != (eval.Ratio{Correct: s.Dates.Correct, Total: s.Dates.Total}) ||
		sum.Speakers != (eval.Ratio{Correct: s.Speakers.Correct, Total: s.Speakers.Total}) {
		t.Errorf("totals %+v are not the sum of the articles' %+v", s, sum)
	}
	byID := map[string]string{}
	for _, a := range s.PerArticle {
		byID[a.DocID] = a.Input
	}
	if byID["talks"] != filepath.Join("testdata", "eval", "talks.txt") || byID["sanctions"] != filepath.Join("testdata", "eval", "sanctions.html") {
		t.Errorf("inputs %v: want the .txt for talks and the .html for sanctions", byID)
	}

	// The readable report gives the same figures.
	code, out, errOut := dyad(t, "", "eval", "articles", "-v", "testdata/eval")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, ": 2 articles, 0 failed to code") {
		t.Errorf("report lacks the article count:\n%s", out)
	}
	for _, row := range []struct {
		name string
		c    evalCounts
	}{{"events", s.Events}, {"quotes", s.Quotes}} {
		ec := eval.Counts{Gold: row.c.Gold, Dyad: row.c.Dyad, Matched: row.c.Matched}
		want := []string{row.name, strconv.Itoa(ec.Gold), strconv.Itoa(ec.Dyad), strconv.Itoa(ec.Matched),
			strconv.FormatFloat(ec.Precision(), 'f', 3, 64), strconv.FormatFloat(ec.Recall(), 'f', 3, 64),
			strconv.FormatFloat(ec.F1(), 'f', 3, 64)}
		if !containsFields(out, want) {
			t.Errorf("report lacks the line %q:\n%s", strings.Join(want, " "), out)
		}
	}
	for _, id := range []string{"talks", "sanctions"} {
		if !strings.Contains(out, "\n"+id+" ") {
			t.Errorf("-v report lacks a line for %s:\n%s", id, out)
		}
	}
	wantDates := "(" + strconv.Itoa(s.Dates.Correct) + " of " + strconv.Itoa(s.Dates.Total) + " matched event keys with a day-precision gold date)"
	if !strings.Contains(out, wantDates) {
		t.Errorf("report lacks %q:\n%s", wantDates, out)
	}
}

// containsFields reports whether a line of out has exactly the fields
// want.
func containsFields(out string, want []string) bool {
	for line := range strings.Lines(out) {
		if strings.Join(strings.Fields(line), " ") == strings.Join(want, " ") {
			return true
		}
	}
	return false
}

// TestEvalArticleInput checks that the header of a gold article's text is
// metadata, not text, and that the gold's date wins.
func TestEvalArticleInput(t *testing.T) {
	ex, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		id, path, title, published, url, outlet, start string
	}{
		{"talks", "talks.txt", "Chile and Peru hold fisheries talks", "2023-05-16", "", "Example Coast Herald",
			"Chile and Peru hold fisheries talks\n\nChilean Foreign Minister"},
		{"sanctions", "sanctions.html", "Council renews arms embargo", "2022-05-27", "https://ledger.example.org/world/council-embargo",
			"The Example Ledger", "Council renews arms embargo\n\nThe United Nations Security Council"},
	} {
		gp := filepath.Join("testdata", "eval", c.id+".gold.json")
		g, err := eval.LoadGold(gp)
		if err != nil {
			t.Fatal(err)
		}
		in, err := articleInput(gp, g)
		if err != nil {
			t.Fatal(err)
		}
		if in.Path != filepath.Join("testdata", "eval", c.path) || in.ID != c.id {
			t.Errorf("%s: input %s, id %s", c.id, in.Path, in.ID)
		}
		a, err := ex.Extract(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		s := a.Source
		if s.Title != c.title || s.Published != c.published || s.URL != c.url || s.Outlet != c.outlet || a.ID != c.id {
			t.Errorf("%s: source %+v, id %s", c.id, s, a.ID)
		}
		if !strings.HasPrefix(a.Text, c.start) {
			t.Errorf("%s: text starts %.120q, want %q", c.id, a.Text, c.start)
		}
		for _, bad := range []string{"doc_id", "outlet:", "---", "None"} {
			if strings.Contains(a.Text, bad) {
				t.Errorf("%s: the header is in the text: %q", c.id, a.Text)
			}
		}
	}
}

func TestEvalSentences(t *testing.T) {
	var s struct {
		Records int       `json:"records"`
		Failed  int       `json:"failed"`
		Type    evalRatio `json:"type"`
		Full    evalRatio `json:"full"`
		ByEvent map[string]struct {
			Records int `json:"records"`
		} `json:"by_event"`
		Misses []eval.SentenceScore `json:"misses"`
	}
	runEvalJSON(t, &s, "sentences", "--misses", "testdata/eval/sentences.jsonl")
	if s.Records != 3 || s.Failed != 0 || s.Type.Total != 3 || s.Full.Total != 3 || len(s.ByEvent) != 3 {
		t.Errorf("summary %+v", s)
	}
	if s.Full.Correct > s.Type.Correct || len(s.Misses) != 3-s.Full.Correct {
		t.Errorf("type %+v, full %+v, %d misses", s.Type, s.Full, len(s.Misses))
	}
	for _, m := range s.Misses {
		if m.ID == "T-REQUEST-1" && m.Gold != "REQUEST JPN -> IGO" {
			t.Errorf("gold of %s is %q, want JAP read as JPN", m.ID, m.Gold)
		}
	}
	code, out, errOut := dyad(t, "", "eval", "sentences", "-v", "testdata/eval/sentences.jsonl")
	want := "(" + strconv.Itoa(s.Type.Correct) + " of 3 records"
	if code != 0 || !strings.Contains(out, "type accuracy") || !strings.Contains(out, want) || !strings.Contains(out, "\nCONSULT ") {
		t.Errorf("exit %d, report lacks %q:\n%s%s", code, want, out, errOut)
	}
}

func TestEvalBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	broken := write("broken.gold.json", `{"doc_id": "broken", "events": [`)
	lonely := write("lonely.gold.json", `{"doc_id": "lonely", "events": [], "quotes": []}`)
	icews := write("icews.jsonl", `{"cameo": "010", "name": "Make statement", "text": "A spokesman spoke."}`+"\n")
	other := write("other.jsonl", `{"title": "x", "body": "y"}`+"\n")
	empty := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"articles", broken}, broken},
		{[]string{"articles", lonely}, lonely},
		{[]string{"articles", empty}, empty},
		{[]string{"articles", filepath.Join(dir, "missing")}, filepath.Join(dir, "missing")},
		{[]string{"articles", icews}, icews},
		{[]string{"sentences", icews}, "ICEWS"},
		{[]string{"sentences", other}, other + ":1"},
		{[]string{"sentences", filepath.Join(dir, "missing.jsonl")}, "missing.jsonl"},
	} {
		code, _, errOut := dyad(t, "", append([]string{"eval"}, c.args...)...)
		if code == 0 || !strings.Contains(errOut, c.want) {
			t.Errorf("eval %v: exit %d, stderr %q, want it to name %q", c.args, code, errOut, c.want)
		}
	}
}

// TestEvalSharedGold runs both evaluations on the shared gold data, logs
// the figures and fails when one falls below its floor: the issue's
// targets for quotes, speakers and sentence types, which dyad meets, and a
// ratchet a little under today's figure for events, which it does not
// meet yet (target 0.65), so that no change loses ground unseen.
func TestEvalSharedGold(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	articles := shared(t, "gold/articles")
	sentences := shared(t, "gold/sentences/plover_gsr_dev.jsonl")
	var a evalArticlesJSON
	runEvalJSON(t, &a, "articles", articles)
	checkCounts(t, "events", a.Events)
	checkCounts(t, "quotes", a.Quotes)
	t.Logf("articles: %d (%d failed)", a.Articles, a.Failed)
	t.Logf("events: gold %d dyad %d matched %d  P %.3f R %.3f F1 %.3f",
		a.Events.Gold, a.Events.Dyad, a.Events.Matched, a.Events.Precision, a.Events.Recall, a.Events.F1)
	t.Logf("quotes: gold %d dyad %d matched %d  P %.3f R %.3f F1 %.3f",
		a.Quotes.Gold, a.Quotes.Dyad, a.Quotes.Matched, a.Quotes.Precision, a.Quotes.Recall, a.Quotes.F1)
	t.Logf("dates: %d/%d = %.3f  speakers: %d/%d = %.3f",
		a.Dates.Correct, a.Dates.Total, a.Dates.Accuracy, a.Speakers.Correct, a.Speakers.Total, a.Speakers.Accuracy)
	var s struct {
		Records int       `json:"records"`
		Type    evalRatio `json:"type"`
		Full    evalRatio `json:"full"`
	}
	runEvalJSON(t, &s, "sentences", sentences)
	t.Logf("sentences: %d records, type accuracy %d/%d = %.3f, full accuracy %d/%d = %.3f",
		s.Records, s.Type.Correct, s.Type.Total, s.Type.Accuracy, s.Full.Correct, s.Full.Total, s.Full.Accuracy)
	for _, f := range []struct {
		name       string
		got, floor float64
	}{
		{"event F1", a.Events.F1, 0.65},
		{"quote F1", a.Quotes.F1, 0.85},
		{"speaker accuracy", a.Speakers.Accuracy, 0.90},
		{"sentence type accuracy", s.Type.Accuracy, 0.70},
	} {
		if f.got < f.floor {
			t.Errorf("%s %.3f, floor %.2f", f.name, f.got, f.floor)
		}
	}
}
