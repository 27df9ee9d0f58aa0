package text

import (
	"context"
	"fmt"

	"dyad/doc"
)

// Splitter is the text stage: it fills Article.Sentences from
// Article.Paragraphs, splitting each paragraph on its own, so that a
// paragraph boundary always ends a sentence and a headline without a full
// stop is a sentence of its own. When Paragraphs is empty it first sets
// Paragraphs to the runs of text separated by blank lines (see Paragraphs).
//
// The zero Splitter is ready to use and safe for concurrent use.
type Splitter struct{}

// Annotate sets a.Sentences to the sentences of a's paragraphs, numbered
// from 0 over the article, with spans as byte offsets into a.Text and
// Sentence.Paragraph the index of the paragraph in a.Paragraphs, and
// a.Tokens to the tokens of those sentences (see Tokens).
//
// It returns an error, and leaves a.Sentences as it was, when a paragraph
// span lies outside a.Text, is inverted or starts before the end of the
// paragraph before it, or when ctx is done.
func (Splitter) Annotate(ctx context.Context, a *doc.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(a.Paragraphs) == 0 {
		for _, sp := range Paragraphs(a.Text) {
			a.Paragraphs = append(a.Paragraphs, doc.Paragraph{Span: sp})
		}
	}
	prevEnd := 0
	for k, p := range a.Paragraphs {
		switch {
		case p.Start < 0 || p.End > len(a.Text) || p.Start > p.End:
			return fmt.Errorf("text: paragraph %d has span [%d,%d) outside the text of %d bytes",
				k, p.Start, p.End, len(a.Text))
		case p.Start < prevEnd:
			return fmt.Errorf("text: paragraph %d has span [%d,%d) overlapping the paragraph before it",
				k, p.Start, p.End)
		}
		prevEnd = p.End
	}
	// News sentences run to about 120 bytes: this is room enough for most
	// articles without growing.
	sents := make([]doc.Sentence, 0, len(a.Paragraphs)+len(a.Text)/80)
	var buf []doc.Span
	for k, p := range a.Paragraphs {
		if k%64 == 63 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		buf = appendSentences(buf[:0], a.Text, p.Start, p.End)
		for _, sp := range buf {
			sents = append(sents, doc.Sentence{Index: len(sents), Span: sp, Paragraph: k})
		}
	}
	a.Sentences = sents
	a.Tokens = tokenize(a.Text, sents, a.Tokens[:0])
	return nil
}

// tokenize returns the tokens of the sentences of text, appended to dst.
func tokenize(text string, sents []doc.Sentence, dst []doc.Token) []doc.Token {
	var spans []doc.Span
	for _, st := range sents {
		spans = Tokens(spans[:0], text, st.Start, st.End)
		for _, sp := range spans {
			dst = append(dst, doc.Token{Span: sp, Sentence: st.Index})
		}
	}
	return dst
}

// Paragraphs returns the paragraphs of s as byte spans of s: the runs of
// lines separated by blank lines (lines of nothing but whitespace), each
// trimmed of surrounding whitespace, in order and never empty.
func Paragraphs(s string) []doc.Span {
	var out []doc.Span
	start, last := -1, 0
	for i := 0; i < len(s); {
		c := s[i]
		if c == '\n' {
			j, breaks := skipSpace(s, i+1)
			if start >= 0 && breaks > 0 {
				out = append(out, doc.Span{Start: start, End: last})
				start = -1
			}
			i = j
			continue
		}
		r, size := decode(s, i)
		i += size
		if isSpace(r) {
			continue
		}
		if start < 0 {
			start = i - size
		}
		last = i
	}
	if start >= 0 {
		out = append(out, doc.Span{Start: start, End: last})
	}
	return out
}
