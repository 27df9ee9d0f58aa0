package quote

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"dyad/doc"
)

// want is one quote a test expects: its speaker (the entity's name, or its
// words where it names no known actor), whether it is direct, and its text.
type want struct {
	speaker string
	direct  bool
	text    string
}

func (q want) String() string {
	kind := "reported"
	if q.direct {
		kind = "direct"
	}
	return fmt.Sprintf("%s %s: %q", kind, q.speaker, q.text)
}

// annotate runs the real stages before the quote stage and the quote
// stage on text, published on 15 January 2024.
func annotate(t *testing.T, text string) *doc.Article {
	t.Helper()
	a := &doc.Article{ID: "t", Text: text, Source: doc.Source{Published: "2024-01-15"}}
	pipelineStages(t).prepare(t, a)
	if err := New().Annotate(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	return a
}

func got(a *doc.Article) []want {
	var out []want
	for _, q := range a.Quotes {
		out = append(out, want{speakerName(q.Speaker), q.Direct, q.Text})
	}
	return out
}

// TestConstructions checks each way of writing a quote or a statement on
// sentences of its own.
func TestConstructions(t *testing.T) {
	tests := []struct {
		name, text string
		want       []want
	}{
		{"attribution after", `"We will win this fight," Xi Jinping said on Monday.`,
			[]want{{"Xi Jinping", true, "We will win this fight,"}}},
		{"attribution after, inverted", `"The talks were useful and frank," said Russian President Vladimir Putin.`,
			[]want{{"Vladimir Putin", true, "The talks were useful and frank,"}}},
		{"attribution before, colon", `German Chancellor Olaf Scholz said: "Europe must stand together."`,
			[]want{{"Olaf Scholz", true, "Europe must stand together."}}},
		{"attribution before, comma", `Indian Prime Minister Narendra Modi said, "This is a historic day for our country."`,
			[]want{{"Narendra Modi", true, "This is a historic day for our country."}}},
		{"attribution inside one sentence", `"We are ready to talk," Putin said, "but not under pressure."`,
			[]want{{"Vladimir Putin", true, "We are ready to talk, but not under pressure."}}},
		{"attribution between sentences", `"The situation is serious," Xi Jinping said. "We must act now."`,
			[]want{{"Xi Jinping", true, "The situation is serious,"}, {"Xi Jinping", true, "We must act now."}}},
		{"curly quotes", "“We have no choice but to defend ourselves,” Ukrainian Foreign Minister Dmytro Kuleba told reporters.",
			[]want{{"Dmytro Kuleba", true, "We have no choice but to defend ourselves,"}}},
		{"quote over two paragraphs", "Putin said: \"The first thing is security for everyone.\n\n\"The second is trade, which helps both of us.\"",
			[]want{{"Vladimir Putin", true, "The first thing is security for everyone. The second is trade, which helps both of us."}}},
		{"continuation", "\"We agreed on many things,\" Xi Jinping said.\n\n\"The relationship has never been better.\"",
			[]want{{"Xi Jinping", true, "We agreed on many things,"}, {"Xi Jinping", true, "The relationship has never been better."}}},
		{"scare quotes and titles", `The so-called "peace plan" was rejected. Kuleba spoke on NBC's "Meet the Press" on Sunday.`,
			nil},
		{"quoted phrase after a speech verb", `Xi Jinping called Putin a "good and old friend of the Chinese people".`,
			[]want{{"Xi Jinping", true, "good and old friend of the Chinese people"}}},
		{"short quote with attribution", `"No," Putin said.`,
			[]want{{"Vladimir Putin", true, "No,"}}},
		{"said that", `Japanese Prime Minister Fumio Kishida said that Japan would increase its defence budget.`,
			[]want{{"Fumio Kishida", false, "Japan would increase its defence budget"}}},
		{"said without that", `Russian Foreign Minister Sergei Lavrov said on Tuesday the sanctions had failed.`,
			[]want{{"Sergei Lavrov", false, "the sanctions had failed"}}},
		{"told hearer that", `Putin told reporters in Moscow that Russia was open to negotiations.`,
			[]want{{"Vladimir Putin", false, "Russia was open to negotiations"}}},
		{"told hearer, no that", `Putin told reporters he was open to negotiations.`,
			[]want{{"Vladimir Putin", false, "he was open to negotiations"}}},
		{"noted that", `Xi Jinping noted that trade between the two countries had doubled.`,
			[]want{{"Xi Jinping", false, "trade between the two countries had doubled"}}},
		{"clause before the attribution", `The sanctions will not change our policy, Lavrov said.`,
			[]want{{"Sergei Lavrov", false, "The sanctions will not change our policy"}}},
		{"clause before an inverted attribution", `The sanctions will not change our policy, said Russian Foreign Minister Sergei Lavrov.`,
			[]want{{"Sergei Lavrov", false, "The sanctions will not change our policy"}}},
		{"according to, before", `According to the United Nations, more than 2,000 people have fled the fighting.`,
			[]want{{"United Nations", false, "more than 2,000 people have fled the fighting"}}},
		{"according to, after", `More than 2,000 people have fled the fighting, according to the United Nations.`,
			[]want{{"United Nations", false, "More than 2,000 people have fled the fighting"}}},
		{"pronoun speaker", `Xi Jinping arrived in Moscow on Monday. He said China was ready to play a constructive role.`,
			[]want{{"Xi Jinping", false, "China was ready to play a constructive role"}}},
		{"pronoun speaker of a direct quote", `Putin met Xi Jinping in Beijing on Friday. "We are friends," he said.`,
			[]want{{"Vladimir Putin", true, "We are friends,"}}},
		{"role speaker", `The Russian president said the war would end on Russia's terms.`,
			[]want{{"Vladimir Putin", false, "the war would end on Russia's terms"}}},
		{"unnamed speakers", `Officials said the ceasefire was holding. A spokesman said talks would resume next week.`,
			[]want{{"Officials", false, "the ceasefire was holding"}, {"spokesman", false, "talks would resume next week"}}},
		{"two speakers", `The United Nations and the European Union said the vote was illegal.`,
			[]want{{"United Nations", false, "the vote was illegal"}, {"European Union", false, "the vote was illegal"}}},
		{"quoted words inside a statement", `Tony Blair said the deal was of "fundamental importance" to Europe.`,
			[]want{{"Tony Blair", false, `the deal was of "fundamental importance" to Europe`}}},
		{"statement inside a quote", `"He said the talks had failed, but we believe otherwise," Kuleba said.`,
			[]want{{"Dmytro Kuleba", true, "He said the talks had failed, but we believe otherwise,"}}},
		{"negated", `Putin did not say whether Russia would attend the summit.`,
			nil},
		{"passive", `Kuleba was told that the meeting had been cancelled.`,
			nil},
		{"unknown person named in full", `Palestinian chief negotiator Saeb Erekat said the decision was a disaster. Erekat said Israel would gain nothing.`,
			[]want{{"Saeb Erekat", false, "the decision was a disaster"}, {"Saeb Erekat", false, "Israel would gain nothing"}}},
		{"participle after a clause", `Russia has rejected the plan, saying it ignored the reality on the ground.`,
			[]want{{"", false, "it ignored the reality on the ground"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := annotate(t, tt.text)
			g := got(a)
			ok := len(g) == len(tt.want)
			for i := 0; ok && i < len(g); i++ {
				w := tt.want[i]
				ok = g[i].direct == w.direct && g[i].text == w.text &&
					(w.speaker == "" || strings.EqualFold(g[i].speaker, w.speaker))
			}
			if !ok {
				t.Errorf("%s\ngot  %v\nwant %v", tt.text, g, tt.want)
			}
			checkQuotes(t, a)
		})
	}
}

// checkQuotes checks the invariants of a.Quotes: spans inside the text,
// in order; a direct quote of one part is the text of its span, and one
// of several parts (a quotation over paragraphs, or one interrupted by its
// attribution) has its words in order in its span; a reported statement
// is the text of its span; ids are unique; the sentence holds the start.
func checkQuotes(t testing.TB, a *doc.Article) {
	t.Helper()
	ids := map[string]bool{}
	for _, q := range a.Quotes {
		if q.Start < 0 || q.End > len(a.Text) || q.Start >= q.End {
			t.Fatalf("quote %+v: span outside the text of %d bytes", q, len(a.Text))
		}
		span := a.Text[q.Start:q.End]
		if q.Text != span && (!q.Direct || !inOrder(q.Text, span)) {
			t.Fatalf("quote %+v: text not that of its span %q", q, span)
		}
		if ids[q.ID] {
			t.Fatalf("quote id %q twice", q.ID)
		}
		ids[q.ID] = true
		if q.Sentence < 0 || q.Sentence >= len(a.Sentences) {
			t.Fatalf("quote %+v: no sentence %d", q, q.Sentence)
		}
		if s := a.Sentences[q.Sentence]; q.Start < s.Start || q.Start >= s.End {
			t.Fatalf("quote %+v: starts outside its sentence %+v", q, s)
		}
	}
}

// inOrder reports whether the space-separated parts of text occur in span
// in order, the first at its start and the last at its end.
func inOrder(text, span string) bool {
	parts := strings.Split(text, " ")
	if !strings.HasPrefix(span, parts[0]) || !strings.HasSuffix(span, parts[len(parts)-1]) {
		return false
	}
	for _, p := range parts {
		i := strings.Index(span, p)
		if i < 0 {
			return false
		}
		span = span[i+len(p):]
	}
	return true
}

// TestEmptyAndUnprepared checks that articles without sentences or tokens
// give no quotes and no error, and are marked coded.
func TestEmptyAndUnprepared(t *testing.T) {
	f := New()
	for _, a := range []*doc.Article{
		{},
		{Text: `"Hello there, friends," he said.`},
		{Text: "x", Sentences: []doc.Sentence{{Index: 0, Span: doc.Span{Start: 0, End: 1}}}},
	} {
		if err := f.Annotate(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if !a.Coded || len(a.Quotes) != 0 {
			t.Errorf("%q: coded %v, quotes %v", a.Text, a.Coded, a.Quotes)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := f.Annotate(ctx, &doc.Article{}); err == nil {
		t.Error("no error for a cancelled context")
	}
}

// TestVerbList checks the embedded verb list: regular forms derived,
// irregular ones given, verbs of two words, marks.
func TestVerbList(t *testing.T) {
	f := New()
	for _, c := range []struct {
		form, particle string
		ing            bool
	}{
		{"said", "", false}, {"says", "", false}, {"saying", "", true}, {"told", "", false},
		{"stressed", "", false}, {"emphasised", "", false}, {"underscoring", "", true},
		{"pointed", "out", false}, {"points", "out", false}, {"replied", "", false},
		{"tweeted", "", false}, {"wrote", "", false}, {"admitted", "", false}, {"denies", "", false},
	} {
		forms := f.verbs[c.form]
		found := false
		for _, v := range forms {
			if v.particle == c.particle && v.ing == c.ing {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: forms %+v", c.form, forms)
		}
	}
	if f.verbs["suggests"][0].actor != true || f.verbs["said"][0].actor {
		t.Error("actor marks wrong")
	}
	if !f.verbs["told"][0].object || f.verbs["said"][0].object {
		t.Error("object marks wrong")
	}
	for _, w := range []string{"believe", "thought", "agreed", "called", "speaking"} {
		if _, ok := f.verbs[w]; ok {
			t.Errorf("%q is no speech verb", w)
		}
	}
	if got := inflect("reply"); strings.Join(got, ",") != "reply,replies,replied,replying" {
		t.Errorf("inflect(reply) = %v", got)
	}
	if got := inflect("argue"); strings.Join(got, ",") != "argue,argues,argued,arguing" {
		t.Errorf("inflect(argue) = %v", got)
	}
	if got := inflect("stress"); strings.Join(got, ",") != "stress,stresses,stressed,stressing" {
		t.Errorf("inflect(stress) = %v", got)
	}
}

// TestCompatible checks the comparison of a written name with a known one.
func TestCompatible(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"George Bush", "George H. W. Bush", true},
		{"Song Min Soon", "Song Min-soon", true},
		{"Volodymyr Zelenskyy", "Volodymyr Zelensky", true},
		{"Michael Howard", "John Howard", false},
		{"Amir Mohebian", "Mohebian", true},
		{"Erekat", "Saeb Erekat", true},
		{"Liu", "Xi Jinping", false},
	} {
		if got := compatible(c.a, c.b); got != c.want {
			t.Errorf("compatible(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

// TestConcurrent runs one Finder on several articles at once, as the
// pipeline does, and checks that each gets the quotes it gets alone.
func TestConcurrent(t *testing.T) {
	texts := []string{benchArticle, `"We will win," Xi Jinping said.`, `Officials said the talks had failed.`, strings.Repeat(benchArticle+"\n\n", 3)}
	var arts []*doc.Article
	for _, s := range texts {
		arts = append(arts, preparedArticle(t, s))
	}
	f := New()
	want := make([][]doc.Quote, len(arts))
	for i, a := range arts {
		if err := f.Annotate(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		want[i] = a.Quotes
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for n := 0; n < 20; n++ {
				i := (g + n) % len(arts)
				a := *arts[i]
				a.Quotes = nil
				if err := f.Annotate(context.Background(), &a); err != nil {
					errs <- err.Error()
					return
				}
				if !reflect.DeepEqual(a.Quotes, want[i]) {
					errs <- fmt.Sprintf("article %d: quotes differ when run concurrently", i)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestSpeakers checks the speaker entities (name, country and sector) that
// the rules for speakers give, on sentences of their own.
func TestSpeakers(t *testing.T) {
	type spk struct{ name, country, sector string }
	tests := []struct {
		name, text string
		want       []spk
	}{
		{"a state is its government", `Norway said the vote had been fair.`,
			[]spk{{"", "NOR", "GOV"}}},
		{"both countries", "India and Brazil signed a trade pact on Monday. The pact will lower tariffs on steel, both countries said in a statement.",
			[]spk{{"", "IND", "GOV"}, {"", "BRA", "GOV"}}},
		{"a spokesman of a person", `Olaf Scholz's spokesman said the chancellor would attend the summit.`,
			[]spk{{"", "DEU", "GOV"}}},
		{"officials named before", "Kenyan officials said the border would reopen on Friday. One official said trucks were already waiting.",
			[]spk{{"", "KEN", "GOV"}, {"", "KEN", "GOV"}}},
		{"the police force the article names", "Police said two men had been arrested near the stadium. The Metropolitan Police later released both of them.",
			[]spk{{"Metropolitan Police", "GBR", "COP"}}},
		{"analysts of no affiliation", `Analysts said the central bank would cut rates in March.`,
			[]spk{{"", "", ""}}},
		{"an organisation as the article names it", `A spokesperson for the British Foreign Office said the embassy would stay open.`,
			[]spk{{"British Foreign Office", "GBR", "GOV"}}},
		{"a person's name as the article spells it", `President of Ukraine Volodymyr Zelenskyy said the talks had stalled.`,
			[]spk{{"Volodymyr Zelenskyy", "UKR", "GOV"}}},
		{"he after a sentence cut at a line break", "Russian Foreign Minister Sergei Lavrov told reporters he was sure the\n\nBiden administration had heard Moscow's concerns.\n\nBut he admitted he had won no promises.",
			[]spk{{"Sergei Lavrov", "RUS", "GOV"}, {"Sergei Lavrov", "RUS", "GOV"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := annotate(t, tt.text)
			var g []spk
			for _, q := range a.Quotes {
				g = append(g, spk{q.Speaker.Name, q.Speaker.Country, q.Speaker.Sector})
			}
			if !reflect.DeepEqual(g, tt.want) {
				t.Errorf("%s\ngot  %v\nwant %v", tt.text, g, tt.want)
				for _, q := range a.Quotes {
					t.Logf("  %+v %q", q.Speaker, q.Text)
				}
			}
			checkQuotes(t, a)
		})
	}
}
