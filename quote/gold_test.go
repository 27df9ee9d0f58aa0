package quote

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"dyad/actor"
	"dyad/doc"
	"dyad/eval"
	"dyad/extract"
	"dyad/read"
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

// goldArticle extracts the article of the gold file at goldPath as the
// eval command does: the HTML page beside it where there is one, else the
// text after the header of the text file, with the header's metadata (and
// the gold's publication date) as the container's.
func goldArticle(t testing.TB, ex *extract.Extractor, goldPath string, g eval.Gold) *doc.Article {
	t.Helper()
	base := strings.TrimSuffix(goldPath, ".gold.json")
	txt, err := os.ReadFile(base + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	h, body := eval.ParseArticleText(txt)
	hint := h.Source()
	if g.Published != "" {
		hint.Published = g.Published
	}
	in := doc.Input{Path: base + ".txt", Kind: read.Detect(base+".txt", body), Data: body, ID: g.DocID, Hint: hint}
	if html, err := os.ReadFile(base + ".html"); err == nil {
		in = doc.Input{Path: base + ".html", Kind: doc.KindHTML, Data: html, ID: g.DocID, Hint: hint}
	}
	a, err := ex.Extract(context.Background(), in)
	if err != nil {
		t.Fatalf("%s: %v", goldPath, err)
	}
	return a
}

// exampleArticle extracts an example article (Markdown-like text) with the
// extract stage.
func exampleArticle(t testing.TB, ex *extract.Extractor, path string) *doc.Article {
	t.Helper()
	data, err := os.ReadFile(path)
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
	Speaker doc.Entity
	Text    string
	Direct  bool
}

// readGoldQuotes reads the quotes of a gold or expected file: "speaker" is
// an entity in the gold files and a plain name in the examples.
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
		if json.Unmarshal(q.Speaker, &name) == nil {
			g.Speaker.Name = name
		} else if err := json.Unmarshal(q.Speaker, &g.Speaker); err != nil {
			t.Fatalf("%s: speaker %s: %v", path, q.Speaker, err)
		}
		out = append(out, g)
	}
	return out
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

// goldName writes a gold speaker for the report: its name, or its
// country and sector.
func goldName(e doc.Entity) string {
	if e.Name != "" {
		return e.Name
	}
	return strings.TrimSpace("(unnamed) " + e.Country + " " + e.Sector)
}

// compare matches found quotes to gold quotes as the eval command does
// (eval.MatchQuotes: one to one, best overlap of words first, at least
// eval.MinOverlap), and judges the speakers of the matched pairs by
// eval.SameSpeaker: the same name, or for a gold speaker without a name
// (an unnamed official, a state) the same country and sector. It returns
// the tally and a report of the differences.
func compare(found []doc.Quote, gold []goldQuote) (score, string) {
	gt := make([]string, len(gold))
	for j, g := range gold {
		gt[j] = g.Text
	}
	ft := make([]string, len(found))
	for i, q := range found {
		ft[i] = q.Text
	}
	fm := make([]bool, len(found))
	gm := make([]int, len(gold))
	for j := range gm {
		gm[j] = -1
	}
	for _, m := range eval.MatchQuotes(gt, ft) {
		gm[m.Gold], fm[m.Dyad] = m.Dyad, true
	}
	var sc score
	var b strings.Builder
	for j, g := range gold {
		if gm[j] < 0 {
			sc.fn++
			fmt.Fprintf(&b, "  missed  %-24q %q\n", goldName(g.Speaker), clip(g.Text))
			continue
		}
		sc.tp++
		sc.nsp++
		q := found[gm[j]]
		if eval.SameSpeaker(g.Speaker, q.Speaker) {
			sc.speakerOK++
			sc.mentionOK++
			continue
		}
		if n := g.Speaker.Name; n != "" && (compatible(n, q.Speaker.Name) && q.Speaker.Name != "" || compatible(n, q.Speaker.Text)) {
			sc.mentionOK++
		}
		fmt.Fprintf(&b, "  speaker %-24q %s/%s want %q: %q\n", speakerName(q.Speaker), q.Speaker.Country, q.Speaker.Sector,
			goldName(g.Speaker), clip(g.Text))
	}
	for i, q := range found {
		if !fm[i] {
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
	// gold is true for the gold articles, which the eval command scores,
	// false for the examples.
	gold bool
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
	ex, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var cases []goldCase
	for _, f := range files {
		g, err := eval.LoadGold(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(strings.TrimSuffix(f, ".gold.json") + ".txt"); err != nil {
			continue
		}
		a := goldArticle(t, ex, f, g)
		st.prepare(t, a)
		qs := make([]goldQuote, len(g.Quotes))
		for i, q := range g.Quotes {
			qs[i] = goldQuote{Speaker: q.Speaker, Text: q.Text, Direct: q.Direct}
		}
		cases = append(cases, goldCase{filepath.Base(f), a, qs, true})
	}
	exdir := filepath.Join(sharedDir, "examples")
	exs, _ := filepath.Glob(filepath.Join(exdir, "*.expected.json"))
	for _, f := range exs {
		txt := strings.TrimSuffix(f, ".expected.json") + ".txt"
		if _, err := os.Stat(txt); err != nil {
			continue
		}
		a := exampleArticle(t, ex, txt)
		st.prepare(t, a)
		cases = append(cases, goldCase{"examples/" + filepath.Base(txt), a, readGoldQuotes(t, f), false})
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
	var total, articles score
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
		if c.gold {
			articles.add(sc)
		}
		p, r, f1 := sc.prf()
		t.Logf("%-50s P %.2f R %.2f F1 %.2f speakers %d/%d", c.name, p, r, f1, sc.speakerOK, sc.nsp)
		if diff != "" && testing.Verbose() {
			t.Log("\n" + diff)
		}
	}
	// The gold articles alone: the quote figures of the eval command
	// ("dyad eval articles").
	ap, ar, af1 := articles.prf()
	t.Logf("gold articles: %d gold, %d found, %d matched: P %.3f R %.3f F1 %.3f, speaker accuracy %.3f (%d/%d)",
		articles.tp+articles.fn, articles.tp+articles.fp, articles.tp, ap, ar, af1, articles.speakerAcc(),
		articles.speakerOK, articles.nsp)
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
