package quote

import (
	"context"
	"testing"
	"unicode/utf8"

	"dyad/doc"
	"dyad/text"
)

// FuzzAnnotate runs the quote stage on any text, first after the splitter
// alone (no tags, no mentions), then after the tagger and the actor stage
// too: it must not panic, and its quotes must keep their invariants (see
// checkQuotes).
func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{
		benchArticle,
		`"We will win," Xi said. "We must."`,
		`"A," he said, "b c d e."`,
		"“Curly,” said Putin. ‘Single’ and „low” and «guillemets».",
		"Putin said: \"One.\n\n\"Two three four five.\"",
		"\"Open and never closed, Xi said.\n\nNext paragraph.",
		`"""" " " "a" b "c`,
		`According to , . said said told that "`,
		`Officials, who said, said, "said", that.`,
		"WASHINGTON, April 17 - Egypt said it would, officials said.",
		`Rice said Tuesday the plan will fail, while warning Musharraf he must act.`,
		"\"x\"\xff\"",
	} {
		f.Add(s)
	}
	st := pipelineStages(f)
	q := New()
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || len(s) > 20000 {
			return
		}
		ctx := context.Background()
		a := &doc.Article{ID: "f", Text: s}

		if err := (text.Splitter{}).Annotate(ctx, a); err != nil {
			return
		}
		if err := q.Annotate(ctx, a); err != nil {
			t.Fatal(err)
		}
		checkQuotes(t, a)
		if err := st.tagger.Annotate(ctx, a); err != nil {
			t.Fatal(err)
		}
		if err := st.resolver.Annotate(ctx, a); err != nil {
			t.Fatal(err)
		}
		if err := q.Annotate(ctx, a); err != nil {
			t.Fatal(err)
		}
		checkQuotes(t, a)
	})
}
