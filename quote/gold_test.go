package quote

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"dyad/actor"
	"dyad/doc"
	"dyad/extract"
	"dyad/text"
)

// sharedDir is where the shared test material lies, beside the repository.
const sharedDir = "../../shared"

// sharedPath returns the path of name under sharedDir. When the shared
// material is missing the test is skipped, except under CI, where it fails.
func sharedPath(t testing.TB, name string) string {
	t.Helper()
	p := filepath.Join(sharedDir, name)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared test material missing: %v", err)
		}
		t.Skipf("shared test material missing: %v", err)
	}
	return p
}

// stages are the pipeline stages before the quote stage, built once for
// all the tests of the package.
type stages struct {
	tagger   *text.Tagger
	resolver *actor.Resolver
}

var (
	stagesOnce sync.Once
	stagesVal  *stages
	stagesErr  error
)

// pipelineStages returns the tagger and the actor resolver with the
// built-in knowledge base.
func pipelineStages(t testing.TB) *stages {
	t.Helper()
	stagesOnce.Do(func() {
		tg, err := text.NewTagger()
		if err != nil {
			stagesErr = err
			return
		}
		kb, err := actor.New(context.Background(), actor.Options{})
		if err != nil {
			stagesErr = err
			return
		}
		stagesVal = &stages{tagger: tg, resolver: actor.NewResolver(kb)}
	})
	if stagesErr != nil {
		t.Fatal(stagesErr)
	}
	return stagesVal
}

// prepare runs the stages before the quote stage on a.
func (s *stages) prepare(t testing.TB, a *doc.Article) {
	t.Helper()
	ctx := context.Background()
	if err := (text.Splitter{}).Annotate(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := s.tagger.Annotate(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := s.resolver.Annotate(ctx, a); err != nil {
		t.Fatal(err)
	}
}

// goldArticle parses a gold article file: a header of "key: value" lines,
// a line "---", then the text. The title becomes the first paragraph, with
// the role of a title, and the blank-line paragraphs of the body follow.
func goldArticle(t testing.TB, path string) *doc.Article {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	head, body, ok := strings.Cut(string(data), "\n---\n")
	if !ok {
		t.Fatalf("%s: no header", path)
	}
	a := &doc.Article{ID: strings.TrimSuffix(filepath.Base(path), ".txt")}
	sc := bufio.NewScanner(strings.NewReader(head))
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		if v == "None" {
			v = ""
		}
		switch strings.TrimSpace(k) {
		case "title":
			a.Source.Title = v
		case "published":
			if len(v) >= 10 {
				a.Source.Published = v[:10]
			}
		case "url":
			a.Source.URL = v
		case "outlet":
			a.Source.Outlet = v
		}
	}
	var b strings.Builder
	if a.Source.Title != "" {
		a.Paragraphs = append(a.Paragraphs, doc.Paragraph{Span: doc.Span{Start: 0, End: len(a.Source.Title)}, Role: doc.RoleTitle})
		b.WriteString(a.Source.Title)
	}
	for _, sp := range text.Paragraphs(body) {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(body[sp.Start:sp.End])
		a.Paragraphs = append(a.Paragraphs, doc.Paragraph{Span: doc.Span{Start: start, End: b.Len()}})
	}
	a.Text = b.String()
	return a
}

// exampleArticle extracts an example article (Markdown-like text) with the
// extract stage.
func exampleArticle(t testing.TB, path string) *doc.Article {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ex, err := extract.New(extract.Options{NoFallback: true})
	if err != nil {
		t.Fatal(err)
	}
	a, err := ex.Extract(context.Background(), doc.Input{Path: path, Kind: doc.KindMarkdown, Data: data})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// goldQuote is one hand-coded quote.
type goldQuote struct {
	Speaker string
	Text    string
	Direct  bool
}

// readGoldQuotes reads the quotes of a gold or expected file: "speaker" is
// an object with a name in the gold files and a plain name in the
// examples.
func readGoldQuotes(t testing.TB, path string) []goldQuote {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Quotes []struct {
			Speaker json.RawMessage `json:"speaker"`
			Text    string          `json:"text"`
			Direct  bool            `json:"direct"`
		} `json:"quotes"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var out []goldQuote
	for _, q := range f.Quotes {
		g := goldQuote{Text: q.Text, Direct: q.Direct}
		var name string
		var obj struct {
			Name string `json:"name"`
		}
		if json.Unmarshal(q.Speaker, &name) == nil {
			g.Speaker = name
		} else if json.Unmarshal(q.Speaker, &obj) == nil {
			g.Speaker = obj.Name
		}
		out = append(out, g)
	}
	return out
}

var wordRE = regexp.MustCompile(`\w+`)

// tokenSet returns the set of lower-case \w+ tokens of s.
func tokenSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range wordRE.FindAllString(strings.ToLower(s), -1) {
		m[w] = true
	}
	return m
}

// jaccard returns the Jaccard overlap of two token sets.
func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(len(a)+len(b)-n)
}

// score is the tally of one comparison of found quotes with gold quotes.
type score struct {
	tp, fp, fn     int
	speakerOK, nsp int
	// mentionOK counts the matched quotes whose speaker is the right
	// mention, whatever the actor stage resolved it to: the gold name is
	// like the found name or the words of the attribution ("Reagan" for
	// "Ronald Reagan").
	mentionOK int
}

func (s *score) add(o score) {
	s.tp += o.tp
	s.fp += o.fp
	s.fn += o.fn
	s.speakerOK += o.speakerOK
	s.nsp += o.nsp
	s.mentionOK += o.mentionOK
}

func (s score) prf() (p, r, f float64) {
	if s.tp+s.fp > 0 {
		p = float64(s.tp) / float64(s.tp+s.fp)
	}
	if s.tp+s.fn > 0 {
		r = float64(s.tp) / float64(s.tp+s.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

func (s score) speakerAcc() float64 {
	if s.nsp == 0 {
		return 1
	}
	return float64(s.speakerOK) / float64(s.nsp)
}

// speakerName is the name that speaker accuracy compares: the entity's
// name, or its text where it names no known actor.
func speakerName(e doc.Entity) string {
	if e.Name != "" {
		return e.Name
	}
	return e.Text
}

// compare matches found quotes to gold quotes one to one, best overlap
// first, a pair matching when the Jaccard overlap of their word sets is at
// least 0.5. Speaker accuracy is over the matched pairs: the names must be
// equal, ignoring case; a gold speaker without a name (an unnamed
// official, a state) matches a found speaker that names no known actor.
// It returns the tally and a report of the differences.
func compare(found []doc.Quote, gold []goldQuote) (score, string) {
	type pair struct {
		i, j int
		s    float64
	}
	var pairs []pair
	fs := make([]map[string]bool, len(found))
	for i, q := range found {
		fs[i] = tokenSet(q.Text)
	}
	for j, g := range gold {
		gs := tokenSet(g.Text)
		for i := range found {
			if s := jaccard(fs[i], gs); s >= 0.5 {
				pairs = append(pairs, pair{i, j, s})
			}
		}
	}
	sort.SliceStable(pairs, func(x, y int) bool { return pairs[x].s > pairs[y].s })
	fm := make([]int, len(found))
	gm := make([]int, len(gold))
	for i := range fm {
		fm[i] = -1
	}
	for j := range gm {
		gm[j] = -1
	}
	for _, p := range pairs {
		if fm[p.i] < 0 && gm[p.j] < 0 {
			fm[p.i], gm[p.j] = p.j, p.i
		}
	}
	var sc score
	var b strings.Builder
	for j, g := range gold {
		if gm[j] < 0 {
			sc.fn++
			fmt.Fprintf(&b, "  missed  %-24q %q\n", g.Speaker, clip(g.Text))
			continue
		}
		sc.tp++
		sc.nsp++
		q := found[gm[j]]
		got := speakerName(q.Speaker)
		if strings.EqualFold(got, g.Speaker) || (g.Speaker == "" && q.Speaker.Name == "") {
			sc.speakerOK++
			sc.mentionOK++
		} else {
			if g.Speaker != "" && (compatible(g.Speaker, q.Speaker.Name) && q.Speaker.Name != "" || compatible(g.Speaker, q.Speaker.Text)) {
				sc.mentionOK++
			}
			fmt.Fprintf(&b, "  speaker %-24q want %q: %q\n", got, g.Speaker, clip(g.Text))
		}
	}
	for i, q := range found {
		if fm[i] < 0 {
			sc.fp++
			fmt.Fprintf(&b, "  extra   %-24q %q\n", speakerName(q.Speaker), clip(q.Text))
		}
	}
	return sc, b.String()
}

func clip(s string) string {
	if len(s) > 90 {
		return s[:90] + "…"
	}
	return s
}

// goldCase is one article with its hand-coded quotes.
type goldCase struct {
	name  string
	a     *doc.Article
	quote []goldQuote
}

// goldCases reads the gold articles and the examples, run through the
// stages before the quote stage.
func goldCases(t testing.TB) []goldCase {
	t.Helper()
	st := pipelineStages(t)
	dir := sharedPath(t, "gold/articles")
	files, err := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no gold files in %s", dir)
	}
	var cases []goldCase
	for _, f := range files {
		txt := strings.TrimSuffix(f, ".gold.json") + ".txt"
		if _, err := os.Stat(txt); err != nil {
			continue
		}
		a := goldArticle(t, txt)
		st.prepare(t, a)
		cases = append(cases, goldCase{filepath.Base(txt), a, readGoldQuotes(t, f)})
	}
	exdir := filepath.Join(sharedDir, "examples")
	exs, _ := filepath.Glob(filepath.Join(exdir, "*.expected.json"))
	for _, f := range exs {
		txt := strings.TrimSuffix(f, ".expected.json") + ".txt"
		if _, err := os.Stat(txt); err != nil {
			continue
		}
		a := exampleArticle(t, txt)
		st.prepare(t, a)
		cases = append(cases, goldCase{"examples/" + filepath.Base(txt), a, readGoldQuotes(t, f)})
	}
	return cases
}

// TestGold runs the real pipeline stages and the quote stage over the
// hand-coded articles and measures quote F1 and speaker accuracy.
func TestGold(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: loads the tagger and the knowledge base")
	}
	cases := goldCases(t)
	f := New()
	var total score
	for _, c := range cases {
		a := c.a
		if err := f.Annotate(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if !a.Coded {
			t.Errorf("%s: Coded not set", c.name)
		}
		sc, diff := compare(a.Quotes, c.quote)
		total.add(sc)
		p, r, f1 := sc.prf()
		t.Logf("%-50s P %.2f R %.2f F1 %.2f speakers %d/%d", c.name, p, r, f1, sc.speakerOK, sc.nsp)
		if diff != "" && testing.Verbose() {
			t.Log("\n" + diff)
		}
	}
	p, r, f1 := total.prf()
	t.Logf("TOTAL: %d gold, %d found, %d matched: P %.3f R %.3f F1 %.3f, speaker accuracy %.3f (%d/%d), speaker mention right %.3f",
		total.tp+total.fn, total.tp+total.fp, total.tp, p, r, f1, total.speakerAcc(), total.speakerOK, total.nsp,
		float64(total.mentionOK)/float64(max(total.nsp, 1)))
	if f1 < 0.80 {
		t.Errorf("quote F1 %.3f, want >= 0.80", f1)
	}
	if acc := total.speakerAcc(); acc < 0.85 {
		t.Errorf("speaker accuracy %.3f, want >= 0.85", acc)
	}
}

// TestDump prints the sentences, tags and mentions of the gold article
// named by $QUOTE_DUMP, for working on the rules.
func TestDump(t *testing.T) {
	name := os.Getenv("QUOTE_DUMP")
	if name == "" {
		t.Skip("set QUOTE_DUMP to a gold article name")
	}
	for _, c := range goldCases(t) {
		if !strings.Contains(c.name, name) {
			continue
		}
		a := c.a
		mi := 0
		for _, s := range a.Sentences {
			var b strings.Builder
			fmt.Fprintf(&b, "[%d p%d] ", s.Index, s.Paragraph)
			for _, tk := range a.Tokens {
				if tk.Sentence == s.Index {
					fmt.Fprintf(&b, "%s/%s ", a.Text[tk.Start:tk.End], tk.Tag)
				}
			}
			for ; mi < len(a.Mentions) && a.Mentions[mi].Sentence <= s.Index; mi++ {
				m := a.Mentions[mi]
				fmt.Fprintf(&b, "\n    %q %s", m.Text, m.Kind)
				for _, e := range m.Entities {
					fmt.Fprintf(&b, " → %s/%s/%s", e.Name, e.Country, e.Sector)
				}
			}
			t.Log(b.String())
		}
		if err := New().Annotate(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		for _, q := range a.Quotes {
			t.Logf("quote s%d direct=%v %q/%q/%s/%s: %q", q.Sentence, q.Direct, q.Speaker.Text, q.Speaker.Name, q.Speaker.Country, q.Speaker.Sector, q.Text)
		}
	}
}
