package text

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"dyad/doc"
)

// checkSpans checks Split's promises for the spans of s: in bounds,
// ordered, non-overlapping, non-empty, on rune boundaries, trimmed, and
// covering every non-space rune of s.
func checkSpans(s string, spans []doc.Span) error {
	// Mark the start of every rune and whether it is space, decoding
	// forward as the splitter does.
	runeStart := make([]bool, len(s)+1)
	space := make([]bool, len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		runeStart[i] = true
		sp := isSpace(r)
		for k := i; k < i+size; k++ {
			space[k] = sp
		}
		i += size
	}
	runeStart[len(s)] = true
	covered := make([]bool, len(s))
	prevEnd := 0
	for n, sp := range spans {
		switch {
		case sp.Start < 0 || sp.End > len(s):
			return fmt.Errorf("span %d %v out of bounds [0,%d)", n, sp, len(s))
		case sp.Start >= sp.End:
			return fmt.Errorf("span %d %v empty or inverted", n, sp)
		case sp.Start < prevEnd:
			return fmt.Errorf("span %d %v overlaps or precedes the one before, ending at %d", n, sp, prevEnd)
		case !runeStart[sp.Start] || !runeStart[sp.End]:
			return fmt.Errorf("span %d %v not on rune boundaries", n, sp)
		case space[sp.Start]:
			return fmt.Errorf("span %d %v starts with space", n, sp)
		case space[sp.End-1]:
			return fmt.Errorf("span %d %v ends with space", n, sp)
		}
		for k := sp.Start; k < sp.End; k++ {
			covered[k] = true
		}
		prevEnd = sp.End
	}
	for k := 0; k < len(s); k++ {
		if !space[k] && !covered[k] {
			return fmt.Errorf("byte %d (%q) not covered by any span", k, s[k])
		}
	}
	return nil
}

// fragments are the pieces that randomText joins: words, abbreviations,
// numbers, punctuation, quotes, brackets, line breaks, multi-byte and
// invalid UTF-8.
var fragments = []string{
	"The", "talks", "ended", "He", "said", "U.S.", "U.N.", "Mr.", "Dr.", "Inc.",
	"etc.", "e.g.", "J.K.", "F.", "p.m.", "No.", "5", "3.5", "$9.7", "1.2.3",
	".", ".", ".", "?", "!", "...", "…", ",", ":", ";", "-", "—", "•", "*",
	`"`, `'`, "“", "”", "‘", "’", "(", ")", "[", "]", "(Reuters)",
	" ", " ", " ", " ", "  ", "\n", "\n", "\n\n", "\r\n", "\t", "\u00a0", "\u3000", "\u200b", "\ufeff",
	"Émile", "Zürich", "Путин", "习近平", "。", "！", "？", "」",
	"\xff", "\xe2\x80", "\xc2", "a", "A", "1.", "2)", "#",
}

// randomText returns a text of up to n fragments drawn by r.
func randomText(r *rand.Rand, n int) string {
	var b strings.Builder
	for range r.IntN(n + 1) {
		b.WriteString(fragments[r.IntN(len(fragments))])
	}
	return b.String()
}

func TestSplitProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 20000 {
		s := randomText(r, 60)
		if err := checkSpans(s, Split(s)); err != nil {
			t.Fatalf("case %d: Split(%q): %v", i, s, err)
		}
	}
	// Random bytes, printable and not.
	for i := range 5000 {
		buf := make([]byte, r.IntN(200))
		for k := range buf {
			buf[k] = byte(r.IntN(256))
			if r.IntN(3) > 0 {
				buf[k] = " .?!\"')\nAa1"[r.IntN(11)]
			}
		}
		s := string(buf)
		if err := checkSpans(s, Split(s)); err != nil {
			t.Fatalf("bytes case %d: Split(%q): %v", i, s, err)
		}
	}
}

// FuzzSplit checks Split's promises on arbitrary input.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"", " ", "\n\n", "The talks ended. Both sides left.",
		`He said: "We will win." Then he left.`,
		"U.S. President Anna Lind met the U.N. Security Council. It rained.",
		"We waited... The end… and more?! “Yes.” (Reuters)",
		"Leaders Meet\nThe story.\n• item\n1. item\n\nNext",
		"习近平会见普京。“好。”\u00a0\u3000\ufeff",
		"\xff\xfe.\xc2 \xe2\x80\xa8.", "a.B", "Iran.The", ". . .", "2. ", "- a",
		"He left.\n(Photo by Kim Ode)\n”", "said. ” \n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if err := checkSpans(s, Split(s)); err != nil {
			t.Fatalf("Split(%q): %v", s, err)
		}
	})
}

// FuzzAnnotate checks that Annotate never panics on arbitrary text and
// paragraph spans, and that what it returns without an error keeps the
// promises of Split within each paragraph.
func FuzzAnnotate(f *testing.F) {
	f.Add("Headline\n\nThe talks ended. Both sides left.", []byte{0, 0, 0, 8, 0, 10, 0, 43})
	f.Add("One. Two.", []byte{})
	f.Add("One. Two.", []byte{0xff, 0xff, 0, 4})
	f.Add("One. Two.", []byte{0, 5, 0, 2})
	f.Add("One. Two.", []byte{0, 0, 0x7f, 0xff})
	f.Add("“Yes.” No.", []byte{0, 1, 0, 5})
	f.Fuzz(func(t *testing.T, text string, raw []byte) {
		var paras []doc.Paragraph
		for k := 0; k+3 < len(raw); k += 4 {
			start := int(int16(uint16(raw[k])<<8 | uint16(raw[k+1])))
			end := int(int16(uint16(raw[k+2])<<8 | uint16(raw[k+3])))
			paras = append(paras, doc.Paragraph{Span: doc.Span{Start: start, End: end}})
		}
		a := &doc.Article{Text: text, Paragraphs: paras}
		if err := (Splitter{}).Annotate(context.Background(), a); err != nil {
			if a.Sentences != nil {
				t.Fatalf("Annotate failed (%v) but set %d sentences", err, len(a.Sentences))
			}
			return
		}
		if err := checkArticle(a); err != nil {
			t.Fatalf("text %q paragraphs %v: %v", text, paras, err)
		}
	})
}

// checkArticle checks the sentences that Annotate gave a: numbered in
// order, each in its paragraph, and within each paragraph keeping the
// promises of Split.
func checkArticle(a *doc.Article) error {
	byPara := make([][]doc.Span, len(a.Paragraphs))
	prev := -1
	for i, s := range a.Sentences {
		if s.Index != i {
			return fmt.Errorf("sentence %d has index %d", i, s.Index)
		}
		if s.Paragraph < prev || s.Paragraph >= len(a.Paragraphs) {
			return fmt.Errorf("sentence %d has paragraph %d after %d of %d", i, s.Paragraph, prev, len(a.Paragraphs))
		}
		prev = s.Paragraph
		p := a.Paragraphs[s.Paragraph]
		if s.Start < p.Start || s.End > p.End {
			return fmt.Errorf("sentence %d %v outside its paragraph %v", i, s.Span, p.Span)
		}
		byPara[s.Paragraph] = append(byPara[s.Paragraph], doc.Span{Start: s.Start - p.Start, End: s.End - p.Start})
	}
	for k, p := range a.Paragraphs {
		if err := checkSpans(a.Text[p.Start:p.End], byPara[k]); err != nil {
			return fmt.Errorf("paragraph %d %v: %v", k, p.Span, err)
		}
	}
	return nil
}
