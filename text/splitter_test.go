package text

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"dyad/doc"
)

// article builds an article from paragraphs joined by sep, with the
// paragraph spans set.
func article(sep string, paras ...string) *doc.Article {
	a := &doc.Article{Text: strings.Join(paras, sep)}
	off := 0
	for _, p := range paras {
		a.Paragraphs = append(a.Paragraphs, doc.Paragraph{Span: doc.Span{Start: off, End: off + len(p)}})
		off += len(p) + len(sep)
	}
	return a
}

// sentenceTexts returns the text and paragraph of each sentence of a.
func sentenceTexts(a *doc.Article) ([]string, []int) {
	var texts []string
	var paras []int
	for _, s := range a.Sentences {
		texts = append(texts, a.Slice(s.Span))
		paras = append(paras, s.Paragraph)
	}
	return texts, paras
}

func TestAnnotate(t *testing.T) {
	cases := []struct {
		name      string
		a         *doc.Article
		want      []string
		wantParas []int
	}{
		{
			name: "headline paragraphs",
			a: article("\n\n", "Xi meets Putin in Moscow", "By Staff Reporter",
				"The two leaders met on Monday. They talked for hours.", "Editor: Ana Ruiz"),
			want: []string{"Xi meets Putin in Moscow", "By Staff Reporter",
				"The two leaders met on Monday.", "They talked for hours.", "Editor: Ana Ruiz"},
			wantParas: []int{0, 1, 2, 2, 3},
		},
		{
			name:      "paragraph boundary on a single line break",
			a:         article("\n", "talks resume in geneva", "the envoys arrived late on Sunday. nobody spoke"),
			want:      []string{"talks resume in geneva", "the envoys arrived late on Sunday. nobody spoke"},
			wantParas: []int{0, 1},
		},
		{
			name:      "paragraph boundary with no space at all",
			a:         article("", "Mr.", "Smith arrived"),
			want:      []string{"Mr.", "Smith arrived"},
			wantParas: []int{0, 1},
		},
		{
			name:      "empty and blank paragraphs",
			a:         article("\n\n", "", "   ", "One. Two.", "\n"),
			want:      []string{"One.", "Two."},
			wantParas: []int{2, 2},
		},
		{
			name: "multi-byte text",
			a: article("\n\n", "Xi Hails “Best Friend” Putin",
				"“Он мой лучший друг.” Си улыбнулся. 习近平说：“好。”普京点头。"),
			want: []string{"Xi Hails “Best Friend” Putin", "“Он мой лучший друг.”", "Си улыбнулся.",
				"习近平说：“好。”", "普京点头。"},
			wantParas: []int{0, 1, 1, 1, 1},
		},
		{
			name: "caption",
			a: func() *doc.Article {
				a := article("\n\n", "Troops cross the river on Monday. (Reuters/Ana Ruiz)", "The army advanced.")
				a.Paragraphs[0].Role = doc.RoleCaption
				return a
			}(),
			want:      []string{"Troops cross the river on Monday. (Reuters/Ana Ruiz)", "The army advanced."},
			wantParas: []int{0, 1},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := (Splitter{}).Annotate(context.Background(), c.a); err != nil {
				t.Fatal(err)
			}
			if err := checkArticle(c.a); err != nil {
				t.Fatal(err)
			}
			got, paras := sentenceTexts(c.a)
			if !equalStrings(got, c.want) {
				t.Errorf("sentences\n got %s\nwant %s", show(got), show(c.want))
			}
			if len(paras) == len(c.wantParas) {
				for i := range paras {
					if paras[i] != c.wantParas[i] {
						t.Errorf("paragraphs %v, want %v", paras, c.wantParas)
						break
					}
				}
			}
		})
	}
}

func TestAnnotateNoParagraphs(t *testing.T) {
	text := "\n# Leaders Meet\n\nBy Staff\nJune 8, 2018\n\n  The talks ended. Both\nsides left.  \n \n\nIt rained.\n"
	a := &doc.Article{Text: text}
	if err := (Splitter{}).Annotate(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if err := checkArticle(a); err != nil {
		t.Fatal(err)
	}
	var paras []string
	for _, p := range a.Paragraphs {
		paras = append(paras, a.Slice(p.Span))
	}
	wantParas := []string{"# Leaders Meet", "By Staff\nJune 8, 2018", "The talks ended. Both\nsides left.", "It rained."}
	if !equalStrings(paras, wantParas) {
		t.Errorf("paragraphs\n got %s\nwant %s", show(paras), show(wantParas))
	}
	got, gotParas := sentenceTexts(a)
	want := []string{"# Leaders Meet", "By Staff", "June 8, 2018", "The talks ended.", "Both\nsides left.", "It rained."}
	if !equalStrings(got, want) {
		t.Errorf("sentences\n got %s\nwant %s", show(got), show(want))
	}
	if w := []int{0, 1, 1, 2, 2, 3}; len(gotParas) != len(w) || gotParas[4] != 2 || gotParas[5] != 3 {
		t.Errorf("sentence paragraphs %v, want %v", gotParas, w)
	}
}

func TestAnnotateReplacesSentences(t *testing.T) {
	a := article("\n\n", "One. Two.", "Three.")
	for range 2 {
		if err := (Splitter{}).Annotate(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	if len(a.Sentences) != 3 || a.Sentences[2].Index != 2 {
		t.Fatalf("after two runs: %+v", a.Sentences)
	}
}

func TestAnnotateInvalidParagraphs(t *testing.T) {
	text := "One. Two. Three."
	old := []doc.Sentence{{Index: 0, Span: doc.Span{Start: 0, End: 4}}}
	for _, c := range []struct {
		name  string
		paras []doc.Span
	}{
		{"negative start", []doc.Span{{Start: -1, End: 4}}},
		{"end past text", []doc.Span{{Start: 0, End: len(text) + 1}}},
		{"inverted", []doc.Span{{Start: 5, End: 4}}},
		{"overlapping", []doc.Span{{Start: 0, End: 9}, {Start: 5, End: 16}}},
		{"out of order", []doc.Span{{Start: 10, End: 16}, {Start: 0, End: 4}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := &doc.Article{Text: text, Sentences: old}
			for _, sp := range c.paras {
				a.Paragraphs = append(a.Paragraphs, doc.Paragraph{Span: sp})
			}
			err := (Splitter{}).Annotate(context.Background(), a)
			if err == nil {
				t.Fatalf("no error for paragraphs %v", c.paras)
			}
			if len(a.Sentences) != 1 || a.Sentences[0] != old[0] {
				t.Errorf("sentences changed on error: %+v", a.Sentences)
			}
		})
	}
}

func TestAnnotateCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	a := article("\n\n", "One. Two.")
	if err := (Splitter{}).Annotate(ctx, a); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
	if a.Sentences != nil {
		t.Errorf("sentences set on a canceled context")
	}
}

func TestAnnotateConcurrent(t *testing.T) {
	var s Splitter
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for range 50 {
				a := article("\n\n", "Leaders Meet", "The U.S. envoy arrived. He spoke.", strings.Repeat("x", i))
				if err := s.Annotate(context.Background(), a); err != nil {
					t.Error(err)
					return
				}
				if err := checkArticle(a); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestParagraphs(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{" \n \n\t", nil},
		{"one", []string{"one"}},
		{"one\ntwo", []string{"one\ntwo"}},
		{"one\n\ntwo", []string{"one", "two"}},
		{"\n\n  one \n \n\n two  \n", []string{"one", "two"}},
		{"one\r\n\r\ntwo\u00a0", []string{"one", "two"}},
		{"“one”\n\u3000\n习近平", []string{"“one”", "习近平"}},
	} {
		var got []string
		for _, sp := range Paragraphs(c.in) {
			got = append(got, c.in[sp.Start:sp.End])
		}
		if !equalStrings(got, c.want) {
			t.Errorf("Paragraphs(%q)\n got %s\nwant %s", c.in, show(got), show(c.want))
		}
	}
}
