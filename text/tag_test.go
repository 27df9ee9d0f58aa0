package text

import (
	"context"
	"strings"
	"testing"

	"dyad/doc"
)

func TestTagger(t *testing.T) {
	g, err := NewTagger()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text string
		want map[string]string // word -> tag prefix
	}{
		{"Chinese President Xi Jinping met Vladimir Putin in Moscow on Monday.",
			map[string]string{"met": "VB", "in": "IN", "Moscow": "NNP"}},
		{"The minister was attacked by protesters.",
			map[string]string{"was": "VBD", "attacked": "VBN", "by": "IN"}},
		{"Russia’s talks with China did not end.",
			map[string]string{"’s": "POS", "talks": "NNS", "not": "RB"}},
	}
	for _, c := range cases {
		a := &doc.Article{Text: c.text}
		if err := (Splitter{}).Annotate(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if err := g.Annotate(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, tok := range a.Tokens {
			if tok.Tag == "" {
				t.Errorf("%q: token %q untagged", c.text, a.Slice(tok.Span))
			}
			got[a.Slice(tok.Span)] = tok.Tag
		}
		for w, p := range c.want {
			if !strings.HasPrefix(got[w], p) {
				t.Errorf("%q: %q tagged %q, want %s*", c.text, w, got[w], p)
			}
		}
	}
}
