package serve

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"dyad/doc"
	"dyad/store"
	"dyad/store/storetest"
)

// meeting builds an article of the sentences body, one a line, whose
// first sentence reports a meeting of the countries a and b on date.
func meeting(id, outlet, date, body, a, b string) *doc.Article {
	art := &doc.Article{ID: id, Text: body, Source: doc.Source{URL: "https://" + outlet + ".example/" + id, Published: date, Outlet: outlet, Title: "Title " + id},
		Sentences: storetest.Lines(body)}
	d := date
	art.Events = []doc.Event{{ID: id + "-e1", Type: "CONSULT", CAMEO: "040", Quad: 1, Score: 3, Goldstein: 1,
		Actor:     []doc.Entity{{Text: a, Name: a + " leader", Country: a, Sector: "GOV"}},
		Recipient: []doc.Entity{{Text: b, Name: b + " leader", Country: b, Sector: "GOV"}},
		Date:      &d, DatePrecision: doc.PrecisionDay, Tense: doc.TenseCurrent,
		Evidence: strings.SplitN(body, "\n", 2)[0], Mentions: []int{0}, Confidence: 0.8}}
	art.Quotes = []doc.Quote{{ID: id + "-q1", Speaker: doc.Entity{Text: "the minister", Name: "Anna Lind", Country: a}, Text: "we spoke about the harbour", Direct: true}}
	return art
}

// testServer serves a store of three articles: two outlets reporting one
// meeting of SWE and NOR, and a meeting of FIN and EST a month later.
func testServer(t testing.TB, opt Options) (*httptest.Server, *store.Store) {
	t.Helper()
	st := storetest.New(t,
		meeting("a", "north", "2019-03-04", "Sweden and Norway held talks on the harbour in Oslo on Monday.\nThey agreed to meet again.", "SWE", "NOR"),
		meeting("b", "south", "2019-03-04", "Norway hosted Swedish ministers for harbour talks on Monday.\nNo deal was signed.", "NOR", "SWE"),
		meeting("c", "north", "2019-04-10", "Finland and Estonia met in Tallinn to discuss the tunnel.\nTalks will go on.", "FIN", "EST"))
	h, err := New(st, opt)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv, st
}

// get requests path and decodes the JSON answer.
func get(t *testing.T, srv *httptest.Server, path string) (int, map[string]any) {
	t.Helper()
	resp, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatalf("%s: %d, not JSON: %v", path, resp.StatusCode, err)
	}
	return resp.StatusCode, body
}

func TestAPI(t *testing.T) {
	srv, _ := testServer(t, Options{})
	cases := []struct {
		path string
		code int
		// want is a summary of the answer (see summary) or, for an error,
		// a part of the message.
		want string
	}{
		{"/api/events", 200, "events 2 more=false: 2019-04-10 EST-FIN 1/1/1; 2019-03-04 NOR-SWE 2/2/2"},
		{"/api/events?actor=nor&recipient=SWE", 200, "events 1 more=false: 2019-03-04 NOR-SWE 2/2/2"},
		{"/api/events?actor=FIN&type=consult&quad=1&from=2019-04-01&to=2019-04-30", 200, "events 1 more=false: 2019-04-10 EST-FIN 1/1/1"},
		{"/api/events?country=EST", 200, "events 1 more=false: 2019-04-10 EST-FIN 1/1/1"},
		{"/api/events?text=tunnel", 200, "events 1 more=false: 2019-04-10 EST-FIN 1/1/1"},
		{"/api/events?outlet=south", 200, "events 1 more=false: 2019-03-04 NOR-SWE 2/2/2"},
		{"/api/events?limit=1", 200, "events 1 more=true: 2019-04-10 EST-FIN 1/1/1"},
		{"/api/events?limit=1&offset=1", 200, "events 1 more=false: 2019-03-04 NOR-SWE 2/2/2"},
		{"/api/events?cameo=19", 200, "events 0 more=false: "},
		{"/api/events?from=2019-13-01", 400, "from:"},
		{"/api/events?quad=5", 400, "quad:"},
		{"/api/events?quad=x", 400, "quad:"},
		{"/api/events?limit=501", 400, "limit:"},
		{"/api/events?limit=0", 400, "limit:"},
		{"/api/events?offset=-1", 400, "offset:"},
		{"/api/events?cameo=4", 400, "cameo:"},
		{"/api/events?actr=RUS", 400, "unknown parameter actr"},
		{"/api/events?actor=RUS&actor=CHN", 400, "given 2 times"},
		{"/api/events?text=%22unclosed", 400, "text:"},
		{"/api/events/nothing-here", 404, "not found"},
		{"/api/events/x?y=1", 400, "unknown parameter y"},
		{"/api/articles/abc", 400, "id:"},
		{"/api/articles/999", 404, "not found"},
		{"/api/timeline?a=swe&b=NOR", 200, "timeline NOR SWE: 2019-03 1 [1 0 0 0] 3"},
		{"/api/timeline?a=SWE", 400, "a and b"},
		{"/api/timeline?a=Sweden&b=NOR", 400, "a:"},
		{"/api/dyads?by=year", 200, "dyads: 2019 EST-FIN 1 [1 0 0 0] 3; 2019 NOR-SWE 1 [1 0 0 0] 3"},
		{"/api/dyads?by=week", 400, "by:"},
		{"/api/network", 200, "network EST FIN NOR SWE: EST-FIN 1; NOR-SWE 1"},
		{"/api/network?to=2019-03-31", 200, "network NOR SWE: NOR-SWE 1"},
		{"/api/network?from=March", 400, "from:"},
		{"/api/network?limit=1001", 400, "limit:"},
		{"/api/quotes?speaker=lind&limit=2", 200, "quotes 2 more=true"},
		{"/api/quotes?text=harbour", 200, "quotes 3 more=false"},
		{"/api/quotes?text=AND", 400, "text:"},
		{"/api/speakers", 200, "speakers Anna Lind 3"},
		{"/api/stats", 200, "stats 3 articles 3 reports 2 events 3 quotes"},
		{"/api/nothing", 404, "no API endpoint"},
	}
	for _, tc := range cases {
		t.Run(tc.path, func(t *testing.T) {
			code, body := get(t, srv, tc.path)
			if code != tc.code {
				t.Fatalf("status %d, want %d: %v", code, tc.code, body)
			}
			if code != 200 {
				if msg, _ := body["error"].(string); !strings.Contains(msg, tc.want) {
					t.Errorf("error %q, want one with %q", msg, tc.want)
				}
				return
			}
			if got := summary(body); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// summary writes the gist of an API answer on one line.
func summary(b map[string]any) string {
	num := func(v any) string { return fmt.Sprint(v) }
	pair := func(d map[string]any) string {
		return fmt.Sprintf("%s-%s %s", d["a"], d["b"], num(d["events"]))
	}
	var parts []string
	switch {
	case b["near_copies"] != nil:
		return fmt.Sprintf("stats %s articles %s reports %s events %s quotes", num(b["articles"]), num(b["reports"]), num(b["events"]), num(b["quotes"]))
	case b["events"] != nil:
		for _, e := range b["events"].([]any) {
			e := e.(map[string]any)
			a := e["actor"].([]any)[0].(map[string]any)["country"]
			r := e["recipient"].([]any)[0].(map[string]any)["country"]
			x, y := min(fmt.Sprint(a), fmt.Sprint(r)), max(fmt.Sprint(a), fmt.Sprint(r))
			parts = append(parts, fmt.Sprintf("%s %s-%s %s/%s/%s", e["date"], x, y, num(e["articles"]), num(e["outlets"]), num(e["reports"])))
		}
		return fmt.Sprintf("events %d more=%v: %s", len(parts), b["more"], strings.Join(parts, "; "))
	case b["periods"] != nil:
		for _, p := range b["periods"].([]any) {
			p := p.(map[string]any)
			parts = append(parts, fmt.Sprintf("%s %s %v %s", p["period"], num(p["events"]), p["quads"], num(p["mean_score"])))
		}
		return fmt.Sprintf("timeline %s %s: %s", b["a"], b["b"], strings.Join(parts, "; "))
	case b["dyads"] != nil:
		for _, d := range b["dyads"].([]any) {
			d := d.(map[string]any)
			parts = append(parts, fmt.Sprintf("%s %s %v %s", d["period"], pair(d), d["quads"], num(d["mean_score"])))
		}
		return "dyads: " + strings.Join(parts, "; ")
	case b["edges"] != nil:
		var nodes []string
		for _, n := range b["nodes"].([]any) {
			nodes = append(nodes, fmt.Sprint(n.(map[string]any)["id"]))
		}
		for _, d := range b["edges"].([]any) {
			parts = append(parts, pair(d.(map[string]any)))
		}
		return fmt.Sprintf("network %s: %s", strings.Join(nodes, " "), strings.Join(parts, "; "))
	case b["quotes"] != nil:
		return fmt.Sprintf("quotes %d more=%v", len(b["quotes"].([]any)), b["more"])
	case b["speakers"] != nil:
		for _, s := range b["speakers"].([]any) {
			s := s.(map[string]any)
			parts = append(parts, fmt.Sprintf("%s %s", s["name"], num(s["quotes"])))
		}
		return "speakers " + strings.Join(parts, "; ")
	}
	return fmt.Sprint(b)
}

func TestEventDetail(t *testing.T) {
	srv, _ := testServer(t, Options{})
	_, list := get(t, srv, "/api/events?actor=SWE")
	id := list["events"].([]any)[0].(map[string]any)["event"].(string)
	code, body := get(t, srv, "/api/events/"+url.PathEscape(id))
	if code != 200 {
		t.Fatalf("status %d: %v", code, body)
	}
	reps := body["reports"].([]any)
	if len(reps) != 2 {
		t.Fatalf("%d reports, want 2", len(reps))
	}
	outlets := map[string]bool{}
	for _, r := range reps {
		ev := r.(map[string]any)["event"].(map[string]any)
		art := r.(map[string]any)["article"].(map[string]any)
		outlets[art["outlet"].(string)] = true
		// The evidence is the mentioned sentence of the article's text.
		idx := int(ev["mentions"].([]any)[0].(float64))
		se := art["sentences"].([]any)[idx].(map[string]any)
		text := art["text"].(string)
		if got := text[int(se["start"].(float64)):int(se["end"].(float64))]; got != ev["evidence"] {
			t.Errorf("sentence %d of the article is %q, the evidence %q", idx, got, ev["evidence"])
		}
	}
	if len(outlets) != 2 {
		t.Errorf("outlets %v, want north and south", outlets)
	}
	aid := int(body["event"].(map[string]any)["article_id"].(float64))
	if code, art := get(t, srv, fmt.Sprintf("/api/articles/%d", aid)); code != 200 || art["title"] == "" {
		t.Errorf("article %d: %d %v", aid, code, art)
	}
}

func TestIngestNeedsToken(t *testing.T) {
	var got string
	ingest := func(ctx context.Context, r io.Reader) (IngestResult, error) {
		b, err := io.ReadAll(r)
		got = string(b)
		return IngestResult{Stored: 1, Events: 2}, err
	}
	post := func(srv *httptest.Server, auth, body string) (int, map[string]any) {
		req, _ := http.NewRequest("POST", srv.URL+"/api/articles", strings.NewReader(body))
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var m map[string]any
		json.NewDecoder(resp.Body).Decode(&m)
		return resp.StatusCode, m
	}
	readOnly, _ := testServer(t, Options{Ingest: ingest})
	if code, m := post(readOnly, "Bearer anything", "text"); code != 403 || !strings.Contains(m["error"].(string), "read-only") {
		t.Errorf("read-only server: %d %v", code, m)
	}
	writable, _ := testServer(t, Options{WriteToken: "s3cret", Ingest: ingest})
	cases := []struct {
		auth string
		code int
	}{
		{"", 401},
		{"Bearer wrong", 401},
		{"s3cret", 401},
		{"Bearer s3cret", 200},
	}
	for _, tc := range cases {
		got = ""
		code, m := post(writable, tc.auth, "Some article text.")
		if code != tc.code {
			t.Errorf("Authorization %q: %d %v, want %d", tc.auth, code, m, tc.code)
		}
		if code == 200 && (got != "Some article text." || m["stored"] != 1.0) {
			t.Errorf("ingest got %q and answered %v", got, m)
		}
		if code != 200 && got != "" {
			t.Errorf("Authorization %q: the body was ingested", tc.auth)
		}
	}
	if _, err := New(nil, Options{WriteToken: "x"}); err == nil {
		t.Error("a write token without an Ingest function is accepted")
	}
}

func TestPageAndHosts(t *testing.T) {
	srv, _ := testServer(t, Options{})
	resp, err := http.Get(srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(page), "<html") || resp.Header.Get("Content-Security-Policy") == "" {
		t.Errorf("the page: %d, %d bytes, CSP %q", resp.StatusCode, len(page), resp.Header.Get("Content-Security-Policy"))
	}
	cases := []struct {
		method, host string
		code         int
	}{
		{"GET", "localhost:8080", 200},
		{"GET", "127.0.0.1:1234", 200},
		{"GET", "[::1]:80", 200},
		{"GET", "evil.example:8080", 403},
		{"POST", "", 405},
	}
	for _, tc := range cases {
		req, _ := http.NewRequest(tc.method, srv.URL+"/api/stats", nil)
		if tc.method == "POST" {
			req, _ = http.NewRequest(tc.method, srv.URL+"/", nil)
		}
		if tc.host != "" {
			req.Host = tc.host
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.code {
			t.Errorf("%s with Host %q: %d, want %d", tc.method, tc.host, resp.StatusCode, tc.code)
		}
	}
}

// TestOpenAPI checks that openapi.yaml describes every route and every
// query parameter that the handlers take, and nothing more.
func TestOpenAPI(t *testing.T) {
	raw, err := assets.ReadFile("openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var spec struct {
		OpenAPI string `yaml:"openapi"`
		Paths   map[string]map[string]struct {
			Parameters []struct {
				Ref  string `yaml:"$ref"`
				Name string `yaml:"name"`
				In   string `yaml:"in"`
			} `yaml:"parameters"`
		} `yaml:"paths"`
	}
	if err := yaml.Unmarshal(raw, &spec); err != nil {
		t.Fatalf("openapi.yaml: %v", err)
	}
	if !strings.HasPrefix(spec.OpenAPI, "3.") {
		t.Errorf("openapi %q", spec.OpenAPI)
	}
	srv, _ := testServer(t, Options{})
	s := &server{}
	documented := 0
	for _, r := range s.routes() {
		method, path, _ := strings.Cut(r.pattern, " ")
		op, ok := spec.Paths[path][strings.ToLower(method)]
		if !ok {
			t.Errorf("%s is not in openapi.yaml", r.pattern)
			continue
		}
		documented++
		if strings.Contains(path, "{") || method != "GET" || path == "/api/openapi.yaml" {
			continue
		}
		// The handler's message for an unknown parameter lists those it
		// takes: they must be the documented ones.
		var names []string
		for _, p := range op.Parameters {
			n := p.Name
			if p.Ref != "" {
				n = p.Ref[strings.LastIndex(p.Ref, "/")+1:]
			}
			names = append(names, n)
		}
		sort.Strings(names)
		_, body := get(t, srv, path+"?zzz=1")
		msg, _ := body["error"].(string)
		_, takes, _ := strings.Cut(msg, "this endpoint takes ")
		if takes != strings.Join(names, ", ") {
			t.Errorf("%s takes %q, openapi.yaml documents %q", path, takes, strings.Join(names, ", "))
		}
	}
	n := 0
	for _, ops := range spec.Paths {
		n += len(ops)
	}
	if n != documented {
		t.Errorf("openapi.yaml has %d operations, the server %d", n, documented)
	}
}
