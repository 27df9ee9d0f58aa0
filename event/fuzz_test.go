package event

import (
	"context"
	"testing"

	"dyad/doc"
)

// FuzzAnnotate codes arbitrary text with the built-in lexicon: no panic,
// every event's sentence and mentions index real sentences, and every
// entity span lies within the text.
func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{
		"Chinese President Xi Jinping met with his Russian counterpart, Vladimir Putin, in Moscow on Monday.",
		"The army was attacked by rebels; Russia refused to sign, and will not visit Kyiv next week.",
		"“If Iran attacked,” he said, Talks between Israel and Hamas's visit to , and and by by",
		"\"\" '' ,,, to to to the the 's 's",
	} {
		f.Add(s)
	}
	c, err := New()
	if err != nil {
		f.Fatal(err)
	}
	st, err := stages()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := &doc.Article{ID: "f", Text: s, Source: doc.Source{Published: "2020-02-29"}}
		ctx := context.Background()
		for _, stage := range st {
			if err := stage.Annotate(ctx, a); err != nil {
				return
			}
		}
		if err := c.Annotate(ctx, a); err != nil {
			t.Fatal(err)
		}
		for _, e := range a.Events {
			if e.Sentence < 0 || e.Sentence >= len(a.Sentences) {
				t.Fatalf("event sentence %d of %d", e.Sentence, len(a.Sentences))
			}
			for _, m := range e.Mentions {
				if m < 0 || m >= len(a.Sentences) {
					t.Fatalf("event mention %d of %d", m, len(a.Sentences))
				}
			}
			for _, en := range append(e.Actor, e.Recipient...) {
				if en.Start < 0 || en.End > len(s) || en.Start > en.End {
					t.Fatalf("entity span [%d,%d) in %d bytes", en.Start, en.End, len(s))
				}
			}
		}
	})
}
