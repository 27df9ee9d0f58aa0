package text

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"dyad/doc"
)

// sharedDir is where the shared test material lies, beside the repository.
const sharedDir = "../../shared"

// unsplit are phrases that must never be cut by a sentence boundary,
// wherever they occur in the shared texts.
var unsplit = []string{
	"U.N. Security Council", "U.S. President", "U.S. presidential", "U.S. intelligence",
	"$9.7", "$1 billion", "(Xinhua/Shen Hong)", "Mr. ", "Dr. ", "Gen. ", "p.m. on",
}

// annotateText runs the splitter over text with no paragraphs given.
func annotateText(t *testing.T, name, text string) *doc.Article {
	t.Helper()
	a := &doc.Article{ID: name, Text: text}
	if err := (Splitter{}).Annotate(context.Background(), a); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := checkArticle(a); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return a
}

// checkBoundaries checks properties of the boundaries between sentences
// of the same paragraph that hold for any well-edited text, and reports
// each failure with its context.
func checkBoundaries(t *testing.T, name string, a *doc.Article) {
	t.Helper()
	for k := 1; k < len(a.Sentences); k++ {
		prev, cur := a.Sentences[k-1], a.Sentences[k]
		if prev.Paragraph != cur.Paragraph {
			continue
		}
		before, after := a.Slice(prev.Span), a.Slice(cur.Span)
		where := func() string {
			return "…" + tail(before, 40) + " | " + head(after, 40) + "…"
		}
		if r, _ := utf8.DecodeRuneInString(after); unicode.IsLower(r) {
			t.Errorf("%s: sentence starts with a lowercase letter: %s", name, where())
		}
		if strings.HasSuffix(before, ".") {
			w := prevWord(before, 0, len(before)-1)
			next := nextWord(after)
			switch abbrev(w) {
			case prefix:
				t.Errorf("%s: sentence ends with %q: %s", name, w+".", where())
			case flexible:
				if next.class == upper && !starters[next.word] && !next.quoted {
					t.Errorf("%s: sentence ends with %q before %q: %s", name, w+".", next.word, where())
				}
			}
			if next.class == digit && w != "" && unicode.IsDigit(rune(w[len(w)-1])) && a.Text[prev.End:cur.Start] == "" {
				t.Errorf("%s: boundary inside a number: %s", name, where())
			}
		}
	}
	for _, phrase := range unsplit {
		for off := 0; ; {
			i := strings.Index(a.Text[off:], phrase)
			if i < 0 {
				break
			}
			lo, hi := off+i, off+i+len(strings.TrimSpace(phrase))
			in := false
			for _, s := range a.Sentences {
				if s.Start <= lo && hi <= s.End {
					in = true
					break
				}
			}
			if !in {
				t.Errorf("%s: %q at %d is cut by a sentence boundary", name, phrase, lo)
			}
			off = hi
		}
	}
}

// TestSharedExamples splits the example articles of ../../shared/examples
// and checks properties of the result, without copying their text.
func TestSharedExamples(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(sharedDir, "examples", "*.txt"))
	if len(paths) == 0 {
		t.Skip("no shared examples at", sharedDir)
	}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(path)
		a := annotateText(t, name, string(data))
		checkBoundaries(t, name, a)
		if len(a.Sentences) <= len(a.Paragraphs) {
			t.Errorf("%s: %d sentences in %d paragraphs: no paragraph was split", name, len(a.Sentences), len(a.Paragraphs))
		}
		for k, s := range a.Sentences {
			text := a.Slice(s.Span)
			// Only a closed parenthesis on its own would be a credit cut
			// off from its sentence.
			if strings.HasPrefix(text, "(") && strings.HasSuffix(text, ")") && !strings.ContainsAny(text, ".?!") {
				t.Errorf("%s: sentence %d is a bare parenthesis %q", name, k, text)
			}
			// Within a paragraph of these articles, every sentence but
			// the last ends in sentence punctuation (and closing marks).
			if k+1 < len(a.Sentences) && a.Sentences[k+1].Paragraph == s.Paragraph {
				end := strings.TrimRightFunc(text, isCloser)
				if r, _ := utf8.DecodeLastRuneInString(end); !isTerminal(r) {
					t.Errorf("%s: sentence %d ends without punctuation: %q", name, k, tail(text, 40))
				}
			}
		}
	}
}

// corpusTexts returns the texts of ../../shared/corpus/news.jsonl, or
// skips the test when it is absent.
func corpusTexts(tb testing.TB) []string {
	tb.Helper()
	f, err := os.Open(filepath.Join(sharedDir, "corpus", "news.jsonl"))
	if err != nil {
		tb.Skip("no shared corpus:", err)
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var rec struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, rec.Text)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return texts
}

// TestSharedCorpus splits the articles of the shared news corpus and
// checks the same properties, and that sentences have a plausible length.
func TestSharedCorpus(t *testing.T) {
	texts := corpusTexts(t)
	var sentences, bytes, long int
	for i, text := range texts {
		name := "news.jsonl:" + strconv.Itoa(i+1)
		a := annotateText(t, name, text)
		checkBoundaries(t, name, a)
		for _, s := range a.Sentences {
			sentences++
			bytes += s.Len()
			if s.Len() > 1000 {
				long++
			}
		}
	}
	if sentences == 0 {
		t.Fatal("no sentences")
	}
	if mean := bytes / sentences; mean < 60 || mean > 250 {
		t.Errorf("mean sentence length %d bytes over %d sentences", mean, sentences)
	}
	if long*100 > sentences {
		t.Errorf("%d of %d sentences are over 1000 bytes", long, sentences)
	}
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

func head(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
