package text

import (
	"context"
	"fmt"
	"strings"

	"github.com/jdkato/prose/v3/tag"

	"dyad/doc"
)

// Tagger is the part-of-speech stage: it sets Token.Tag on every token of
// an article to a Penn Treebank tag (NN, VBD, IN, ...), tagging one
// sentence at a time with prose's averaged perceptron. It runs after
// Splitter. A Tagger is safe for concurrent use.
type Tagger struct {
	t *tag.Tagger
}

// NewTagger loads the tagging model (once per process) and returns a Tagger.
func NewTagger() (*Tagger, error) {
	t, err := tag.New()
	if err != nil {
		return nil, fmt.Errorf("text: load tagging model: %w", err)
	}
	return &Tagger{t: t}, nil
}

// Annotate tags a's tokens. Curly quotes are shown to the model as the
// straight ones it was trained on; the tokens' spans are not changed.
func (g *Tagger) Annotate(ctx context.Context, a *doc.Article) error {
	var buf []tag.Token
	for i := 0; i < len(a.Tokens); {
		if err := ctx.Err(); err != nil {
			return err
		}
		j := i + 1
		for j < len(a.Tokens) && a.Tokens[j].Sentence == a.Tokens[i].Sentence {
			j++
		}
		buf = buf[:0]
		for _, t := range a.Tokens[i:j] {
			w := a.Text[t.Start:t.End]
			switch w {
			case "“", "”", "„", "«", "»":
				w = `"`
			case "‘", "’":
				w = "'"
			case "’s":
				w = "'s"
			}
			if strings.ContainsRune(w, '’') {
				w = strings.ReplaceAll(w, "’", "'")
			}
			buf = append(buf, tag.Token{Text: w})
		}
		g.t.TagTokens(buf)
		for k := range buf {
			a.Tokens[i+k].Tag = buf[k].Tag
		}
		i = j
	}
	return nil
}
