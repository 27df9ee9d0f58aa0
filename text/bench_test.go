package text

import (
	"context"
	"strings"
	"testing"

	"dyad/doc"
)

// benchText is about 1 MB of synthetic news copy: abbreviations, numbers,
// quotations, headings and multi-byte text in paragraphs.
var benchText = func() string {
	paras := []string{
		"Leaders Meet in Beijing",
		"BEIJING, June 8 (Reuters) - Chinese President Lin Wei gave visiting U.S. President Anna Lind a medal on Friday. The two then held talks at the Great Hall.",
		`"We are old friends," Lin said. "Our ties are at their best." Lind replied: "We will work together." Then they signed a $9.7 billion deal.`,
		"Mr. Ocampo of Acme Inc. and Dr. Haddad of the U.N. Security Council joined them at 5 p.m. on Friday. Growth slowed to 3.5 percent, e.g. in the north.",
		"Will the deal hold? Nobody knows! Officials waited... The vote is set for Jan. 5 and No. 10 is ready.",
		"Émile Durán met Zoë Ångström in Zürich. “Это начало,” сказал он. 习近平会见普京。",
		"The plan includes:\n• A ceasefire from Monday\n• Talks in Geneva",
	}
	var b strings.Builder
	for b.Len() < 1<<20 {
		for _, p := range paras {
			b.WriteString(p)
			b.WriteString("\n\n")
		}
	}
	return b.String()
}()

func BenchmarkSplit(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		Split(benchText)
	}
}

func BenchmarkAnnotate(b *testing.B) {
	paras := Paragraphs(benchText)
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		a := &doc.Article{Text: benchText, Paragraphs: make([]doc.Paragraph, len(paras))}
		for i, p := range paras {
			a.Paragraphs[i].Span = p
		}
		if err := (Splitter{}).Annotate(context.Background(), a); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSplitCorpus splits the articles of the shared news corpus.
func BenchmarkSplitCorpus(b *testing.B) {
	texts := corpusTexts(b)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, t := range texts {
			Split(t)
		}
	}
}
