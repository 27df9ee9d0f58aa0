package eval

import (
	"encoding/json"
	"errors"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"

	"dyad/doc"
)

// ents returns entities with the given country codes.
func ents(countries ...string) []doc.Entity {
	es := make([]doc.Entity, len(countries))
	for i, c := range countries {
		es[i] = doc.Entity{Text: "x", Country: c}
	}
	return es
}

func keyStrings(keys []Key) []string {
	s := make([]string, len(keys))
	for i, k := range keys {
		s[i] = k.String()
	}
	return s
}

func TestKeys(t *testing.T) {
	for _, c := range []struct {
		name      string
		typ       string
		actor     []doc.Entity
		recipient []doc.Entity
		want      []string
	}{
		{"dyad", "CONSULT", ents("RUS"), ents("CHN"), []string{"CONSULT CHN-RUS"}},
		{"order does not matter", "CONSULT", ents("CHN"), ents("RUS"), []string{"CONSULT CHN-RUS"}},
		{"compound actor", "CONSULT", ents("ITA", "DEU"), ents("GBR"), []string{"CONSULT DEU-GBR", "CONSULT GBR-ITA"}},
		{"compound both sides", "AGREE", ents("ITA", "DEU"), ents("GBR", "FRA"),
			[]string{"AGREE DEU-FRA", "AGREE DEU-GBR", "AGREE FRA-ITA", "AGREE GBR-ITA"}},
		{"same country both sides", "REQUEST", ents("HKG"), ents("HKG"), []string{"REQUEST HKG-HKG"}},
		{"no recipient, two actor countries", "AGREE", ents("HUN", "ROU"), nil, []string{"AGREE HUN-ROU"}},
		{"no recipient, three actor countries", "AGREE", ents("HUN", "ROU", "SRB"), nil,
			[]string{"AGREE HUN-ROU", "AGREE HUN-SRB", "AGREE ROU-SRB"}},
		{"no recipient, one country", "PROTEST", ents("FRA"), nil, []string{"PROTEST FRA"}},
		{"no recipient, one country twice", "PROTEST", ents("FRA", "FRA"), nil, []string{"PROTEST FRA"}},
		{"recipient without country", "PROTEST", ents("FRA"), ents(""), []string{"PROTEST FRA"}},
		{"actor without country", "ASSAULT", ents(""), ents("NGA"), []string{"ASSAULT NGA"}},
		{"no actor", "ASSAULT", nil, ents("NGA", "NER"), []string{"ASSAULT NER-NGA"}},
		{"compound actor, one without country", "CONSULT", ents("ITA", ""), ents("GBR"), []string{"CONSULT GBR-ITA"}},
		{"no countries", "ACCUSE", ents(""), ents(""), nil},
		{"no entities", "ACCUSE", nil, nil, nil},
		{"no type", "", ents("USA"), ents("CAN"), nil},
		{"legacy code and case", "consult", ents("jap"), ents("USA"), []string{"CONSULT JPN-USA"}},
		{"organisations stay", "REQUEST", ents("IGO"), ents("UNO"), []string{"REQUEST IGO-UNO"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := keyStrings(Keys(c.typ, c.actor, c.recipient))
			if len(got) == 0 && len(c.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("Keys(%s, %v, %v) = %q, want %q", c.typ, c.actor, c.recipient, got, c.want)
			}
		})
	}
}

func TestEventKeysLeavesOutNegatedAndHypothetical(t *testing.T) {
	events := []doc.Event{
		{Type: "CONSULT", Actor: ents("RUS"), Recipient: ents("CHN"), Tense: doc.TenseCurrent},
		{Type: "CONSULT", Actor: ents("CHN"), Recipient: ents("RUS"), Tense: doc.TenseFuture}, // same key
		{Type: "ASSAULT", Actor: ents("USA"), Recipient: ents("IRQ"), Negated: true},
		{Type: "THREATEN", Actor: ents("RUS"), Recipient: ents("UKR"), Tense: doc.TenseHypothetical},
		{Type: "PROTEST", Actor: ents("FRA"), Tense: doc.TenseHistorical},
	}
	want := []string{"CONSULT CHN-RUS", "PROTEST FRA"}
	if got := keyStrings(EventKeys(events)); !reflect.DeepEqual(got, want) {
		t.Errorf("EventKeys = %q, want %q", got, want)
	}
	gold := []GoldEvent{
		{Type: "AGREE", Actor: ents("HUN", "ROU")},
		{Type: "ASSAULT", Actor: ents("USA"), Recipient: ents("IRQ"), Negated: true},
		{Type: "THREATEN", Actor: ents("RUS"), Recipient: ents("UKR"), Tense: "hypothetical"},
	}
	want = []string{"AGREE HUN-ROU"}
	if got := keyStrings(GoldKeys(gold)); !reflect.DeepEqual(got, want) {
		t.Errorf("GoldKeys = %q, want %q", got, want)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestCounts(t *testing.T) {
	for _, c := range []struct {
		c        Counts
		p, r, f1 float64
	}{
		{Counts{Gold: 5, Dyad: 6, Matched: 4}, 4.0 / 6, 4.0 / 5, 16.0 / 22},
		{Counts{Gold: 10, Dyad: 10, Matched: 10}, 1, 1, 1},
		{Counts{Gold: 4, Dyad: 0, Matched: 0}, 0, 0, 0},
		{Counts{Gold: 0, Dyad: 3, Matched: 0}, 0, 0, 0},
		{Counts{}, 0, 0, 0},
		{Counts{Gold: 4, Dyad: 1, Matched: 1}, 1, 0.25, 0.4},
	} {
		if p, r, f1 := c.c.Precision(), c.c.Recall(), c.c.F1(); !near(p, c.p) || !near(r, c.r) || !near(f1, c.f1) {
			t.Errorf("%+v: P %.4f R %.4f F1 %.4f, want %.4f %.4f %.4f", c.c, p, r, f1, c.p, c.r, c.f1)
		}
	}
	if got := (Ratio{Correct: 2, Total: 3}).Accuracy(); !near(got, 2.0/3) {
		t.Errorf("accuracy %v", got)
	}
	if got := (Ratio{}).Accuracy(); got != 0 {
		t.Errorf("accuracy of nothing %v", got)
	}
	b, err := json.Marshal(Counts{Gold: 5, Dyad: 6, Matched: 4})
	if err != nil || string(b) != `{"gold":5,"dyad":6,"matched":4,"precision":0.6667,"recall":0.8,"f1":0.7273}` {
		t.Errorf("JSON %s, %v", b, err)
	}
	b, err = json.Marshal(Ratio{Correct: 1, Total: 3})
	if err != nil || string(b) != `{"correct":1,"total":3,"accuracy":0.3333}` {
		t.Errorf("JSON %s, %v", b, err)
	}
}

// loadRecord reads a dyad record fixture.
func loadRecord(t *testing.T, path string) doc.Record {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var r doc.Record
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return r
}

func TestScoreArticle(t *testing.T) {
	g, err := LoadGold("testdata/summit.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	s := ScoreArticle(g, loadRecord(t, "testdata/summit.record.json"))
	if s.DocID != "summit" {
		t.Errorf("doc id %q", s.DocID)
	}
	// Gold keys: CONSULT DEU-GBR, CONSULT GBR-ITA, AGREE HUN-ROU,
	// PROTEST FRA, SUPPORT ISR-USA (the negated, the hypothetical and the
	// countryless events give none). Dyad's: CONSULT GBR-ITA, AGREE
	// HUN-ROU, PROTEST FRA, SUPPORT ISR-USA, ASSAULT IRQ-USA, REJECT DEU.
	if want := (Counts{Gold: 5, Dyad: 6, Matched: 4}); s.Events != want {
		t.Errorf("events %+v, want %+v", s.Events, want)
	}
	// Day-precision gold among the matched keys: CONSULT (right), AGREE
	// (dyad has the publication date), SUPPORT (right: one of two gold
	// events has dyad's date); PROTEST is of month precision.
	if want := (Ratio{Correct: 2, Total: 3}); s.Dates != want {
		t.Errorf("dates %+v, want %+v", s.Dates, want)
	}
	if want := (Counts{Gold: 3, Dyad: 4, Matched: 3}); s.Quotes != want {
		t.Errorf("quotes %+v, want %+v", s.Quotes, want)
	}
	// Meloni by name in another case; the unnamed spokesman by country
	// and sector; "Orban" is not "Viktor Orban".
	if want := (Ratio{Correct: 2, Total: 3}); s.Speakers != want {
		t.Errorf("speakers %+v, want %+v", s.Speakers, want)
	}
	var got []string
	for _, m := range s.Misses {
		got = append(got, string(m.Kind)+" "+m.Key)
	}
	want := []string{
		"wrong date AGREE HUN-ROU",
		"false event ASSAULT IRQ-USA",
		"missed event CONSULT DEU-GBR",
		"false event REJECT DEU",
		"wrong speaker ",
		"false quote ",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("misses\n%q\nwant\n%q", got, want)
	}
	for _, m := range s.Misses {
		if m.Text == "" {
			t.Errorf("miss without text: %+v", m)
		}
	}
	if m := s.Misses[2]; !strings.HasPrefix(m.Text, "The Italian and German leaders") {
		t.Errorf("missed event's text is not the gold sentence: %q", m.Text)
	}
	if m := s.Misses[0]; m.Detail != "gold 2024-03-04; dyad 2024-03-05 (reported)" {
		t.Errorf("wrong date's detail %q", m.Detail)
	}
	if m := s.Misses[3]; m.Text != "Germany rejected the plan." {
		t.Errorf("false event's text is not dyad's evidence: %q", m.Text)
	}
}

func TestScoreArticleNothingCoded(t *testing.T) {
	g, err := LoadGold("testdata/summit.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	s := ScoreArticle(g, doc.Record{})
	if s.Events != (Counts{Gold: 5}) || s.Quotes != (Counts{Gold: 3}) || s.Dates != (Ratio{}) || s.Speakers != (Ratio{}) {
		t.Errorf("score of an empty record: %+v", s)
	}
	if len(s.Misses) != 5+3 {
		t.Errorf("%d misses, want 8", len(s.Misses))
	}
}

func TestSum(t *testing.T) {
	scores := []ArticleScore{
		{Events: Counts{Gold: 5, Dyad: 6, Matched: 4}, Quotes: Counts{Gold: 3, Dyad: 4, Matched: 3}, Dates: Ratio{2, 3}, Speakers: Ratio{2, 3}},
		{Events: Counts{Gold: 1, Dyad: 0, Matched: 0}, Quotes: Counts{Gold: 2, Dyad: 1, Matched: 1}, Dates: Ratio{0, 0}, Speakers: Ratio{1, 1}},
	}
	got := Sum(scores)
	want := Totals{
		Articles: 2,
		Events:   Counts{Gold: 6, Dyad: 6, Matched: 4},
		Quotes:   Counts{Gold: 5, Dyad: 5, Matched: 4},
		Dates:    Ratio{2, 3},
		Speakers: Ratio{3, 4},
	}
	if got != want {
		t.Errorf("Sum = %+v, want %+v", got, want)
	}
	// Micro-averaged: 4/6, not the mean of 4/6 and 0.
	if p := got.Events.Precision(); !near(p, 4.0/6) {
		t.Errorf("precision %v", p)
	}
}

func TestWordsAndJaccard(t *testing.T) {
	if got, want := Words("It's the U.N.'s call -- Élysée, 2024_x!"), []string{"2024_x", "call", "it", "n", "s", "the", "u", "élysée"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Words = %q, want %q", got, want)
	}
	for _, c := range []struct {
		a, b string
		want float64
	}{
		{"a b c d", "a b c d", 1},
		{"A b, C d.", "a B c D", 1},
		{"a b c d", "a b", 0.5},
		{"a b c", "d e f", 0},
		{"a a b", "a b b", 1},
		{"", "", 0},
		{"a b c", "b c d", 0.5},
	} {
		if got := Jaccard(Words(c.a), Words(c.b)); !near(got, c.want) {
			t.Errorf("Jaccard(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestMatchQuotes(t *testing.T) {
	type pair struct{ Gold, Dyad int }
	for _, c := range []struct {
		name      string
		gold, got []string
		want      []pair
	}{
		{"exact", []string{"we will win"}, []string{"We will win."}, []pair{{0, 0}}},
		{"at the threshold", []string{"a b c d"}, []string{"a b"}, []pair{{0, 0}}},
		{"below the threshold", []string{"a b c d e"}, []string{"a b"}, nil},
		{"best dyad quote wins", []string{"a b c d e"}, []string{"a b c", "a b c d"}, []pair{{0, 1}}},
		{"one to one", []string{"a b c d", "a b c e"}, []string{"a b c d"}, []pair{{0, 0}}},
		{"greedy by overlap, not by order",
			// gold 0 overlaps dyad 0 (0.6) and dyad 1 (0.75); gold 1
			// overlaps dyad 1 fully, so gold 0 gets dyad 0.
			[]string{"a b c d e", "a b c d f"}, []string{"a b c x", "a b c d f"}, []pair{{0, 0}, {1, 1}}},
		{"ties go to the earlier gold quote", []string{"a b", "a b"}, []string{"a b"}, []pair{{0, 0}}},
		{"nothing", nil, []string{"a"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []pair
			for _, m := range MatchQuotes(c.gold, c.got) {
				got = append(got, pair{m.Gold, m.Dyad})
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("MatchQuotes = %v, want %v", got, c.want)
			}
		})
	}
}

func TestSameSpeaker(t *testing.T) {
	for _, c := range []struct {
		gold, got doc.Entity
		want      bool
	}{
		{doc.Entity{Name: "Tony Blair"}, doc.Entity{Name: "tony blair", Text: "Mr Blair"}, true},
		{doc.Entity{Name: "Tony Blair"}, doc.Entity{Text: "Tony Blair"}, true},
		{doc.Entity{Name: "Tony Blair"}, doc.Entity{Text: "Mr Blair"}, false},
		{doc.Entity{Name: "Tony Blair"}, doc.Entity{Name: "Gordon Brown", Text: "Tony Blair"}, false},
		{doc.Entity{Country: "GBR", Sector: "GOV"}, doc.Entity{Text: "a spokesman", Country: "GBR", Sector: "gov"}, true},
		{doc.Entity{Country: "GBR", Sector: "GOV"}, doc.Entity{Text: "a spokesman", Country: "GBR"}, false},
	} {
		if got := SameSpeaker(c.gold, c.got); got != c.want {
			t.Errorf("SameSpeaker(%+v, %+v) = %v", c.gold, c.got, got)
		}
	}
}

func TestParseArticleText(t *testing.T) {
	data, err := os.ReadFile("testdata/header.txt")
	if err != nil {
		t.Fatal(err)
	}
	h, body := ParseArticleText(data)
	want := Header{DocID: "summit", Title: "Leaders meet in London", Outlet: "Example Gazette", Published: "2024-03-05T09:30:00+00:00"}
	if h != want {
		t.Errorf("header %+v, want %+v", h, want)
	}
	if !strings.HasPrefix(string(body), "The Italian") {
		t.Errorf("body %q", body)
	}
	if s := h.Source(); s.Title != want.Title || s.URL != "" || s.Published != want.Published || s.Outlet != want.Outlet {
		t.Errorf("source %+v", s)
	}
	data, err = os.ReadFile("testdata/noheader.txt")
	if err != nil {
		t.Fatal(err)
	}
	h, body = ParseArticleText(data)
	if h != (Header{}) || string(body) != string(data) {
		t.Errorf("a file without a header: %+v, %q", h, body)
	}
}

func TestLoadGoldErrorsNameTheFile(t *testing.T) {
	for _, p := range []string{"testdata/missing.gold.json", "testdata/sentences.jsonl"} {
		if _, err := LoadGold(p); err == nil || !strings.Contains(err.Error(), p) {
			t.Errorf("LoadGold(%s) error %v", p, err)
		}
	}
}

func TestReadSentences(t *testing.T) {
	recs, err := LoadSentences("testdata/sentences.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 4 {
		t.Fatalf("%d records, want 4", len(recs))
	}
	if r := recs[0]; r.ID != "T-AGREE-1" || r.Line != 1 || len(r.Source) != 2 || r.Target != nil || r.Date != "2001-05-02" {
		t.Errorf("record 1: %+v", r)
	}
	if r := recs[1]; r.Line != 3 || len(r.Target) != 1 || r.Target[0].Code != "IGO" {
		t.Errorf("record 2: %+v", r)
	}
	for _, r := range recs[2:] {
		if len(r.Target) != 0 {
			t.Errorf("%s: target %+v, want none", r.ID, r.Target)
		}
	}
	_, err = LoadSentences("testdata/icews.jsonl")
	if !errors.Is(err, ErrICEWSExamples) || !strings.Contains(err.Error(), "testdata/icews.jsonl:1") {
		t.Errorf("ICEWS file: %v", err)
	}
	for _, p := range []string{"testdata/unknown.jsonl", "testdata/summit.gold.json", "testdata/missing.jsonl"} {
		if _, err := LoadSentences(p); err == nil || !strings.Contains(err.Error(), p) {
			t.Errorf("LoadSentences(%s) error %v", p, err)
		}
	}
	if _, err := ReadSentences(strings.NewReader("\n\n"), "blank"); err == nil {
		t.Error("no error for a file without records")
	}
}

func TestScoreSentence(t *testing.T) {
	ev := func(typ string, actor, recipient []doc.Entity) doc.Event {
		return doc.Event{Type: typ, Actor: actor, Recipient: recipient, Tense: doc.TenseCurrent}
	}
	gold := func(typ string, src, tgt []string) SentenceGold {
		g := SentenceGold{ID: "g", Event: typ}
		for _, c := range src {
			g.Source = append(g.Source, SentenceActor{Code: c})
		}
		for _, c := range tgt {
			g.Target = append(g.Target, SentenceActor{Code: c})
		}
		return g
	}
	neg := ev("REQUEST", ents("JPN"), ents("IGO"))
	neg.Negated = true
	for _, c := range []struct {
		name       string
		gold       SentenceGold
		events     []doc.Event
		typ, full  bool
		goldString string
	}{
		{"exact", gold("REQUEST", []string{"JAP"}, []string{"IGO"}),
			[]doc.Event{ev("REQUEST", ents("JPN"), ents("UNO"))}, true, true, "REQUEST JPN -> IGO"},
		{"reversed sides", gold("REQUEST", []string{"JPN"}, []string{"IGO"}),
			[]doc.Event{ev("REQUEST", ents("IGO"), ents("JPN"))}, true, true, ""},
		{"wrong target", gold("REQUEST", []string{"JPN"}, []string{"IGO"}),
			[]doc.Event{ev("REQUEST", ents("JPN"), ents("USA"))}, true, false, ""},
		{"wrong type", gold("REQUEST", []string{"JPN"}, []string{"IGO"}),
			[]doc.Event{ev("DEMAND", ents("JPN"), ents("IGO"))}, false, false, ""},
		{"negated", gold("REQUEST", []string{"JPN"}, []string{"IGO"}), []doc.Event{neg}, false, false, ""},
		{"second event right", gold("ASSAULT", []string{"COL"}, []string{"VEN"}),
			[]doc.Event{ev("ASSAULT", ents("COL"), nil), ev("ASSAULT", ents("COL", ""), ents("VEN"))}, true, true, ""},
		{"sets, not lists", gold("AGREE", []string{"CHL", "PER"}, []string{"ARG"}),
			[]doc.Event{ev("AGREE", ents("PER", "CHL", "PER"), ents("ARG"))}, true, true, "AGREE CHL+PER -> ARG"},
		{"joint act as one side", gold("AGREE", []string{"CHL", "PER"}, nil),
			[]doc.Event{ev("AGREE", ents("CHL", "PER"), nil)}, true, true, "AGREE CHL+PER -> -"},
		{"joint act split", gold("AGREE", []string{"CHL", "PER"}, nil),
			[]doc.Event{ev("AGREE", ents("CHL"), ents("PER"))}, true, true, ""},
		{"joint act, one side only", gold("AGREE", []string{"CHL", "PER"}, nil),
			[]doc.Event{ev("AGREE", ents("CHL"), nil)}, true, false, ""},
		{"nothing", gold("PROTEST", []string{"GHA"}, nil), nil, false, false, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := ScoreSentence(c.gold, doc.Record{Events: c.events})
			if s.Type != c.typ || s.Full != c.full {
				t.Errorf("type %v full %v, want %v %v (dyad %q)", s.Type, s.Full, c.typ, c.full, s.Dyad)
			}
			if c.goldString != "" && s.Gold != c.goldString {
				t.Errorf("gold %q, want %q", s.Gold, c.goldString)
			}
		})
	}
}

func TestSentenceCode(t *testing.T) {
	for _, c := range []struct {
		e    doc.Entity
		want string
	}{
		{doc.Entity{Country: "UNO", Sector: "IGO"}, "IGO"},
		{doc.Entity{Country: "EUR"}, "IGO"},
		{doc.Entity{Country: "IGO"}, "IGO"},
		{doc.Entity{Sector: "NGO"}, "NGO"},
		{doc.Entity{Sector: "CVL"}, ""},
		{doc.Entity{Country: "jpn"}, "JPN"},
		{doc.Entity{Country: "ITL"}, "ITA"},
	} {
		if got := SentenceCode(c.e); got != c.want {
			t.Errorf("SentenceCode(%+v) = %q, want %q", c.e, got, c.want)
		}
	}
}

func TestSumSentences(t *testing.T) {
	scores := []SentenceScore{
		{Event: "AGREE", Type: true, Full: true},
		{Event: "AGREE", Type: true},
		{Event: "PROTEST"},
	}
	got := SumSentences(scores)
	if got.Records != 3 || got.Type != (Ratio{2, 3}) || got.Full != (Ratio{1, 3}) {
		t.Errorf("totals %+v", got)
	}
	if a := got.ByEvent["AGREE"]; a.Records != 2 || a.Type != (Ratio{2, 2}) || a.Full != (Ratio{1, 2}) {
		t.Errorf("AGREE %+v", a)
	}
	if p := got.ByEvent["PROTEST"]; p.Records != 1 || p.Type != (Ratio{0, 1}) {
		t.Errorf("PROTEST %+v", p)
	}
}

func TestNormalizeCountry(t *testing.T) {
	for in, want := range map[string]string{"JAP": "JPN", " itl ": "ITA", "VTN": "VNM", "IGO": "IGO", "usa": "USA", "": ""} {
		if got := NormalizeCountry(in); got != want {
			t.Errorf("NormalizeCountry(%q) = %q, want %q", in, got, want)
		}
	}
}
