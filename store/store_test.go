package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"dyad/doc"
)

func open(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// article builds a coded article of one sentence per line of body, with
// one meeting of actor and recipient on date.
func article(id, url, published, body, actor, recipient, date string) *doc.Article {
	a := &doc.Article{ID: id, Text: body, Source: doc.Source{URL: url, Published: published, Outlet: "outlet-" + id, Title: "t " + id}}
	at := 0
	for _, line := range strings.SplitAfter(body, "\n") {
		a.Sentences = append(a.Sentences, doc.Sentence{Span: doc.Span{Start: at, End: at + len(strings.TrimRight(line, "\n"))}})
		at += len(line)
	}
	if actor != "" {
		d := date
		a.Events = []doc.Event{{ID: id + "-e1", Type: "CONSULT", CAMEO: "040", Quad: 1, Score: 2.5, Goldstein: 1,
			Actor:     []doc.Entity{{Text: actor, Country: actor, Sector: "GOV"}},
			Recipient: []doc.Entity{{Text: recipient, Country: recipient, Sector: "GOV"}},
			Date:      &d, DatePrecision: doc.PrecisionDay, Tense: doc.TenseCurrent,
			Evidence: strings.SplitN(body, "\n", 2)[0], Mentions: []int{0}, Confidence: 0.7}}
	}
	a.Quotes = []doc.Quote{{ID: id + "-q1", Speaker: doc.Entity{Text: "Mr Ivanov", Name: "Ivan Ivanov", Country: "RUS"}, Text: "we talked of the river", Direct: true}}
	a.Mentions = []doc.Mention{{Text: "the two ministers", Kind: doc.MentionPerson, Via: "pair",
		Entities: []doc.Entity{{Name: "Ivan Ivanov", Country: "RUS", Sector: "GOV"}, {Name: "Li Wei", Country: "CHN", Sector: "GOV"}}}}
	return a
}

// story is a text long enough for near-copy detection, written for the
// test.
func story(extra string) string {
	return strings.Join([]string{
		"The foreign ministers of Russia and China met in Beijing on Friday to talk about the river border.",
		"They spoke for three hours about the fishing rights and the new bridge over the river.",
		"Officials said the talks were friendly and that a further round would follow in the autumn.",
		"The two ministers also discussed trade in grain and timber across the frontier." + extra,
	}, "\n")
}

func TestOpenMigrates(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := s.Version(ctx); err != nil || v != 2 {
		t.Errorf("version %d, %v; want 2", v, err)
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if _, err := s.DB().ExecContext(ctx, "INSERT INTO schema_migrations (version, name) VALUES (99, 'future.sql')"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(ctx, path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("a database from a newer dyad: %v", err)
	}
}

func count(t *testing.T, s *Store, q string, args ...any) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func TestAddIdempotent(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	a := article("a", "https://example.org/a", "2018-06-08", story(""), "RUS", "CHN", "2018-06-08")
	r, err := s.Add(ctx, a)
	if err != nil || !r.New || r.Events != 1 {
		t.Fatalf("first add: %+v, %v", r, err)
	}
	// The same text with other spacing and capitals, under another URL.
	b := article("b", "https://example.org/b", "2018-06-08", strings.ToUpper(strings.ReplaceAll(story(""), " ", "  ")), "RUS", "CHN", "2018-06-08")
	if r2, err := s.Add(ctx, b); err != nil || r2.New || r2.ID != r.ID {
		t.Errorf("same text: %+v, %v", r2, err)
	}
	// Another text under the same URL.
	c := article("c", "https://example.org/a", "2018-06-09", "Something else happened entirely.", "", "", "")
	if r3, err := s.Add(ctx, c); err != nil || r3.New {
		t.Errorf("same URL: %+v, %v", r3, err)
	}
	if n := count(t, s, "SELECT count(*) FROM articles"); n != 1 {
		t.Errorf("%d articles, want 1", n)
	}
	if n := count(t, s, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'bridge'"); n != 1 {
		t.Errorf("full-text search for bridge: %d sentences, want 1", n)
	}
	if n := count(t, s, "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'river'"); n != 1 {
		t.Errorf("full-text search of quotes: %d, want 1", n)
	}
	if n := count(t, s, "SELECT count(*) FROM entities WHERE kind = 'person' AND via = 'pair' AND country IN ('RUS', 'CHN')"); n != 2 {
		t.Errorf("%d entities of the pair of ministers, want 2", n)
	}
	for _, tc := range []struct {
		text, url string
		want      bool
	}{
		{strings.ToUpper(story("")), "", true},
		{"Another text.", "https://example.org/a", true},
		{"Another text.", "https://example.org/z", false},
		{"Another text.", "", false},
	} {
		if got, err := s.Has(ctx, tc.text, tc.url); err != nil || got != tc.want {
			t.Errorf("Has(%.20q, %q) = %v, %v; want %v", tc.text, tc.url, got, err, tc.want)
		}
	}
	if _, err := s.Add(ctx, &doc.Article{ID: "empty"}); err != ErrNoText {
		t.Errorf("empty article: %v", err)
	}
}

func TestNearCopyAndClusters(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	orig := article("a", "https://one.example/a", "2018-06-08", story(""), "RUS", "CHN", "2018-06-08")
	copyA := article("b", "https://two.example/b", "2018-06-08", story(" A spokesman declined to comment."), "CHN", "RUS", "2018-06-08")
	other := article("c", "https://three.example/c", "2018-06-08", "Germany and France held talks in Paris on Friday about the budget.\nNothing was agreed.", "DEU", "FRA", "2018-06-08")
	later := article("d", "https://four.example/d", "2018-06-20", "Russian and Chinese ministers met again in Moscow to discuss the river.\nIt was their second meeting.", "RUS", "CHN", "2018-06-20")
	ra, _ := s.Add(ctx, orig)
	rb, err := s.Add(ctx, copyA)
	if err != nil {
		t.Fatal(err)
	}
	if rb.CopyOf != ra.ID || rb.Joined != 1 {
		t.Errorf("near copy: %+v, want a copy of %d whose event joins", rb, ra.ID)
	}
	rc, _ := s.Add(ctx, other)
	rd, _ := s.Add(ctx, later)
	if rc.CopyOf != 0 || rd.CopyOf != 0 || rc.Joined != 0 || rd.Joined != 0 {
		t.Errorf("unrelated articles linked: %+v %+v", rc, rd)
	}
	if n := count(t, s, "SELECT count(DISTINCT cluster) FROM events"); n != 3 {
		t.Errorf("%d clusters, want 3", n)
	}
	if n := count(t, s, "SELECT count(*) FROM events WHERE cluster = (SELECT cluster FROM events WHERE article = ?)", ra.ID); n != 2 {
		t.Errorf("the copied meeting has %d events, want 2", n)
	}
}

// TestClustersIndependentOfOrder stores the same articles in two orders
// and compares the clusters, named by event keys.
func TestClustersIndependentOfOrder(t *testing.T) {
	ctx := context.Background()
	mk := func() []*doc.Article {
		return []*doc.Article{
			article("a", "", "2018-06-08", "Russia and China met on Friday.", "RUS", "CHN", "2018-06-08"),
			article("b", "", "2018-06-08", "China hosted Russia on Friday in a long session.", "CHN", "RUS", "2018-06-08"),
			article("c", "", "2018-06-08", "Germany and France met.", "DEU", "FRA", "2018-06-08"),
			article("d", "", "2018-06-09", "Moscow and Beijing talked at length on Friday.", "RUS", "CHN", "2018-06-08"),
		}
	}
	clusters := func(arts []*doc.Article) map[string]string {
		s := open(t)
		for _, a := range arts {
			if _, err := s.Add(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		rows, err := s.DB().Query("SELECT key, cluster FROM events")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[string]string{}
		for rows.Next() {
			var k, c string
			rows.Scan(&k, &c)
			out[k] = c
		}
		return out
	}
	fwd := mk()
	rev := mk()
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	a, b := clusters(fwd), clusters(rev)
	if len(a) != 4 {
		t.Fatalf("%d events", len(a))
	}
	for k, c := range a {
		if b[k] != c {
			t.Errorf("event %s: cluster %s in one order, %s in the other", k, c, b[k])
		}
	}
	distinct := map[string]bool{}
	for _, c := range a {
		distinct[c] = true
	}
	if len(distinct) != 2 {
		t.Errorf("%d clusters, want 2: %v", len(distinct), a)
	}
}

// fourArticles stores two near-copies reporting one meeting, a meeting
// of two other countries and a later meeting of the first two.
func fourArticles(t *testing.T) *Store {
	t.Helper()
	s := open(t)
	for _, a := range []*doc.Article{
		article("a", "https://one.example/a", "2018-06-08", story(""), "RUS", "CHN", "2018-06-08"),
		article("b", "https://two.example/b", "2018-06-08", story(" A spokesman declined to comment."), "CHN", "RUS", "2018-06-08"),
		article("c", "https://three.example/c", "2018-06-08", "Germany and France held talks in Paris on Friday about the budget.\nNothing was agreed.", "DEU", "FRA", "2018-06-08"),
		article("d", "https://four.example/d", "2018-06-20", "Russian and Chinese ministers met again in Moscow to discuss the river.\nIt was their second meeting.", "RUS", "CHN", "2018-06-20"),
	} {
		if _, err := s.Add(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// TestDerivedTables checks that what Add keeps up to date as clusters
// grow and merge (the event shown for each cluster, the clusters' counts,
// the country pairs) equals what is worked out afresh from the events.
func TestDerivedTables(t *testing.T) {
	ctx := context.Background()
	s := fourArticles(t)
	// An article whose event joins both meetings of RUS and CHN merges
	// their clusters.
	bridge := article("e", "https://five.example/e", "2018-06-30", "Russia and China met twice in June, on the 8th and the 20th.", "RUS", "CHN", "2018-06")
	bridge.Events[0].DatePrecision = doc.PrecisionMonth
	bridge.Events[0].Confidence = 0.9
	d := "2018-06-01"
	bridge.Events[0].Date = &d
	if _, err := s.Add(ctx, bridge); err != nil {
		t.Fatal(err)
	}
	afresh := map[string]string{
		"shown": `SELECT id FROM events e WHERE e.id = (SELECT r.id FROM events r WHERE r.cluster = e.cluster
			ORDER BY r.confidence DESC, r.id LIMIT 1) ORDER BY id`,
		"clusters": `SELECT e.cluster, count(DISTINCT CASE WHEN a.copy_of IS NULL THEN a.id END),
			count(DISTINCT CASE WHEN a.outlet <> '' THEN a.outlet END), count(*)
			FROM events e JOIN articles a ON a.id = e.article GROUP BY e.cluster ORDER BY 1`,
	}
	kept := map[string]string{
		"shown":    "SELECT id FROM events WHERE shown = 1 ORDER BY id",
		"clusters": "SELECT name, articles, outlets, reports FROM clusters ORDER BY 1",
	}
	for name := range afresh {
		if a, k := rowsOf(t, s, afresh[name]), rowsOf(t, s, kept[name]); a != k {
			t.Errorf("%s kept:\n%s\nworked out afresh:\n%s", name, k, a)
		}
	}
	if n := count(t, s, "SELECT count(DISTINCT cluster) FROM events WHERE article IN (1, 2, 4, 5)"); n != 1 {
		t.Errorf("the RUS-CHN meetings make %d clusters after the bridge, want 1", n)
	}
	pairs := rowsOf(t, s, "SELECT x, y, date FROM event_pairs ORDER BY 1, 2, 3")
	if want := "CHN RUS 2018-06-01\nDEU FRA 2018-06-08\n"; pairs != want {
		t.Errorf("pairs:\n%s\nwant\n%s", pairs, want)
	}
}

// rowsOf returns the rows of query, a line each.
func rowsOf(t *testing.T, s *Store, query string) string {
	t.Helper()
	rows, err := s.DB().Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		b.WriteString(strings.TrimSuffix(fmt.Sprintln(vals...), "\n") + "\n")
	}
	return b.String()
}

func TestEvents(t *testing.T) {
	ctx := context.Background()
	s := fourArticles(t)
	cases := []struct {
		name string
		f    Filter
		want []string // dates of the events found, each with its article, outlet and report counts
	}{
		{"all, the latest first", Filter{}, []string{"2018-06-20 1/1/1", "2018-06-08 1/1/1", "2018-06-08 1/2/2"}},
		{"actor by country", Filter{Actor: "RUS"}, []string{"2018-06-20 1/1/1", "2018-06-08 1/2/2"}},
		{"actor by name", Filter{Actor: "germany"}, nil},
		{"actor and recipient", Filter{Actor: "DEU", Recipient: "FRA"}, []string{"2018-06-08 1/1/1"}},
		{"either side", Filter{Country: "FRA"}, []string{"2018-06-08 1/1/1"}},
		{"either side by name", Filter{Country: "chn"}, []string{"2018-06-20 1/1/1", "2018-06-08 1/2/2"}},
		{"a meeting either way round", Filter{Actor: "FRA", Recipient: "DEU"}, []string{"2018-06-08 1/1/1"}},
		{"date range", Filter{From: "2018-06-10", To: "2018-06-30"}, []string{"2018-06-20 1/1/1"}},
		{"text", Filter{Text: "border"}, []string{"2018-06-08 1/2/2"}},
		{"outlet", Filter{Outlet: "outlet-d"}, []string{"2018-06-20 1/1/1"}},
		{"type", Filter{Type: "assault"}, nil},
		{"quad", Filter{Quad: 1, Limit: 1, Offset: 2}, []string{"2018-06-08 1/2/2"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			evs, err := s.Events(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range evs {
				got = append(got, fmt.Sprintf("%s %d/%d/%d", *e.Date, e.Articles, e.Outlets, e.Reports))
				if len(e.Actor) == 0 || len(e.Recipient) == 0 {
					t.Errorf("event %s without its sides", e.Cluster)
				}
			}
			if strings.Join(got, ";") != strings.Join(tc.want, ";") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	for _, q := range []string{`"unclosed`, "AND", "border)"} {
		if _, err := s.Events(ctx, Filter{Text: q}); !errors.Is(err, ErrBadQuery) {
			t.Errorf("text %q: %v, want ErrBadQuery", q, err)
		}
		if _, err := s.Quotes(ctx, "", q, 0, 0); !errors.Is(err, ErrBadQuery) {
			t.Errorf("quotes text %q: %v, want ErrBadQuery", q, err)
		}
	}
	if _, err := s.Events(ctx, Filter{Limit: MaxLimit + 1}); err == nil {
		t.Error("a limit over the most is accepted")
	}
}

func TestFilterValidate(t *testing.T) {
	cases := []struct {
		f    Filter
		want string // part of the error, or "" for none
	}{
		{Filter{}, ""},
		{Filter{From: "2018-06-01", To: "2018-06-30", Quad: 4, Root: "20", Limit: MaxLimit, Offset: 5}, ""},
		{Filter{From: "2018-6-1"}, "from"},
		{Filter{To: "June"}, "to"},
		{Filter{Quad: 5}, "quad"},
		{Filter{Quad: -1}, "quad"},
		{Filter{Root: "21"}, "cameo"},
		{Filter{Root: "4"}, "cameo"},
		{Filter{Limit: MaxLimit + 1}, "limit"},
		{Filter{Limit: -1}, "limit"},
		{Filter{Offset: -1}, "offset"},
	}
	for _, tc := range cases {
		err := tc.f.Validate()
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%+v: %v", tc.f, err)
		case tc.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.want) || !errors.Is(err, ErrBadQuery)):
			t.Errorf("%+v: error %v, want an ErrBadQuery about %s", tc.f, err, tc.want)
		}
	}
}

func TestEachEventAndReports(t *testing.T) {
	ctx := context.Background()
	s := fourArticles(t)
	var shown []Event
	if err := s.EachEvent(ctx, Filter{Actor: "RUS", Limit: 1}, func(e Event) error {
		shown = append(shown, e)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(shown) != 2 {
		t.Fatalf("EachEvent gave %d events, want the 2 of RUS whatever the limit", len(shown))
	}
	reports, err := s.Reports(ctx, shown[0].Cluster)
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) != 2 || reports[0].Cluster != reports[1].Cluster || reports[0].URL == reports[1].URL {
		t.Errorf("reports of the copied meeting: %+v", reports)
	}
	for _, r := range reports {
		if len(r.Mentions) != 1 || len(r.Actor) != 1 {
			t.Errorf("report %s: mentions %v, actor %v", r.ID, r.Mentions, r.Actor)
		}
	}
	e, err := s.Event(ctx, shown[0].Cluster)
	if err != nil || e.Cluster != shown[0].Cluster || e.Articles != 1 || e.Outlets != 2 {
		t.Errorf("Event(%s) = %+v, %v", shown[0].Cluster, e, err)
	}
	if _, err := s.Event(ctx, "no-such"); !errors.Is(err, ErrNotFound) {
		t.Errorf("a missing event: %v", err)
	}
	n := 0
	if err := s.EachReport(ctx, func(Event) error { n++; return nil }); err != nil || n != 4 {
		t.Errorf("EachReport gave %d reports (%v), want 4", n, err)
	}
	a, err := s.Article(ctx, e.ArticleID)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Sentences) != 4 || a.Text[a.Sentences[0].Start:a.Sentences[0].End] != e.Evidence {
		t.Errorf("article %d: %d sentences, first %+v, evidence %q", a.ID, len(a.Sentences), a.Sentences, e.Evidence)
	}
	if _, err := s.Article(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("a missing article: %v", err)
	}
}

func TestDyadsAndQuotes(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	arts := []*doc.Article{
		article("a", "", "2018-06-08", story(""), "RUS", "CHN", "2018-06-08"),
		article("b", "", "2018-06-08", "China hosted Russia on Friday in a long session.", "CHN", "RUS", "2018-06-08"),
		article("c", "", "2018-07-02", "Germany and France met in July.", "DEU", "FRA", "2018-07-02"),
		article("d", "", "2018-07-20", "Russian and Chinese ministers met again in Moscow.", "RUS", "CHN", "2018-07-20"),
	}
	arts[3].Events[0].Type, arts[3].Events[0].CAMEO, arts[3].Events[0].Quad, arts[3].Events[0].Score = "ACCUSE", "111", 3, -2
	for _, a := range arts {
		if _, err := s.Add(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	show := func(ds []Dyad) string {
		var parts []string
		for _, d := range ds {
			parts = append(parts, fmt.Sprintf("%s %s-%s %d %v %.2f", d.Period, d.A, d.B, d.Events, d.Quads, d.MeanScore))
		}
		return strings.Join(parts, "; ")
	}
	monthly, err := s.Dyads(ctx, DyadQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := show(monthly), "2018-06 CHN-RUS 1 [1 0 0 0] 2.50; 2018-07 CHN-RUS 1 [0 0 1 0] -2.00; 2018-07 DEU-FRA 1 [1 0 0 0] 2.50"; got != want {
		t.Errorf("by month:\n got %s\nwant %s", got, want)
	}
	yearly, _ := s.Dyads(ctx, DyadQuery{By: ByYear, A: "RUS", B: "CHN"})
	if got, want := show(yearly), "2018 CHN-RUS 2 [1 0 1 0] 0.25"; got != want {
		t.Errorf("by year, one pair:\n got %s\nwant %s", got, want)
	}
	for _, bad := range []DyadQuery{{A: "Russia"}, {B: "RUS"}, {By: "week"}, {From: "2018"}, {Limit: -1}} {
		if _, err := s.Dyads(ctx, bad); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
	july, _ := s.Dyads(ctx, DyadQuery{By: ByRange, From: "2018-07-01", Limit: 1})
	if got, want := show(july), " CHN-RUS 1 [0 0 1 0] -2.00"; got != want {
		t.Errorf("from July, the first pair:\n got %s\nwant %s", got, want)
	}
	nodes, edges, err := s.Network(ctx, "", "", 0)
	if err != nil || len(edges) != 2 || fmt.Sprint(nodes) != "[{CHN 2} {RUS 2} {DEU 1} {FRA 1}]" {
		t.Errorf("network: nodes %v, edges %s, %v", nodes, show(edges), err)
	}
	sp, err := s.Speakers(ctx, 0)
	if err != nil || len(sp) != 1 || sp[0] != (Speaker{"Ivan Ivanov", "RUS", 4}) {
		t.Errorf("speakers: %+v, %v", sp, err)
	}
	st, err := s.Stats(ctx)
	if err != nil || st != (Stats{Articles: 4, Reports: 4, Events: 3, Quotes: 4}) {
		t.Errorf("stats: %+v, %v", st, err)
	}
	qs, err := s.Quotes(ctx, "ivanov", "river", 0, 0)
	if err != nil || len(qs) != 4 || qs[0].Speaker != "Ivan Ivanov" || !qs[0].Direct {
		t.Errorf("quotes: %d, %v, %+v", len(qs), err, qs)
	}
	if qs, _ := s.Quotes(ctx, "nobody", "", 0, 0); len(qs) != 0 {
		t.Errorf("quotes of nobody: %d", len(qs))
	}
}
