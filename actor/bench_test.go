package actor

import (
	"context"
	"strings"
	"testing"

	"dyad/doc"
	"dyad/text"
)

// BenchmarkResolveLarge resolves one very long article full of names,
// pronouns and pairs, with and without sentence ends: the time must grow
// with the length, not its square.
func BenchmarkResolveLarge(b *testing.B) {
	kb, err := New(context.Background(), Options{Files: []string{"testdata/kb.tsv"}, NoBuiltin: true})
	if err != nil {
		b.Fatal(err)
	}
	r := NewResolver(kb)
	for _, tc := range []struct{ name, unit string }{
		{"sentences", "Chinese President Xi Jinping met Putin and he praised him. The two presidents agreed, US officials said. "},
		{"one-sentence", "Chinese President Xi Jinping met Putin and he praised him and the two presidents agreed with US officials and "},
	} {
		body := strings.Repeat(tc.unit, 5000)
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			for i := 0; i < b.N; i++ {
				a := &doc.Article{Text: body, Source: doc.Source{Published: "2018-06-08"}}
				ctx := context.Background()
				if err := (text.Splitter{}).Annotate(ctx, a); err != nil {
					b.Fatal(err)
				}
				if err := r.Annotate(ctx, a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
