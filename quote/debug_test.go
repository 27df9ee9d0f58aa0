package quote

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"dyad/doc"
	"dyad/text"
)

func TestDebugText(t *testing.T) {
	txt := os.Getenv("QUOTE_TEXT")
	if txt == "" {
		t.Skip()
	}
	st := pipelineStages(t)
	a := &doc.Article{ID: "x", Text: txt}
	st.prepare(t, a)
	for _, tk := range a.Tokens {
		t.Logf("%q %s %d", a.Text[tk.Start:tk.End], tk.Tag, tk.Sentence)
	}
	for _, m := range a.Mentions {
		t.Logf("mention %q %s %v", m.Text, m.Kind, m.Entities)
	}
	New().Annotate(context.Background(), a)
	for _, q := range a.Quotes {
		t.Logf("quote %+v", q)
	}
}

func TestDebugCorpus(t *testing.T) {
	path := os.Getenv("QUOTE_CORPUS")
	if path == "" {
		t.Skip()
	}
	st := pipelineStages(t)
	data, _ := os.ReadFile(path)
	lines := strings.Split(string(data), "\n")
	from, to := 0, len(lines)
	fmt.Sscan(os.Getenv("QUOTE_FROM"), &from)
	fmt.Sscan(os.Getenv("QUOTE_TO"), &to)
	for i, l := range lines {
		if i < from || i >= to || l == "" {
			continue
		}
		var r struct{ Title, Text string }
		json.Unmarshal([]byte(l), &r)
		a := &doc.Article{ID: fmt.Sprint(i)}
		var b strings.Builder
		b.WriteString(r.Title)
		a.Paragraphs = append(a.Paragraphs, doc.Paragraph{Span: doc.Span{Start: 0, End: len(r.Title)}, Role: doc.RoleTitle})
		for _, sp := range text.Paragraphs(r.Text) {
			b.WriteString("\n\n")
			s := b.Len()
			b.WriteString(r.Text[sp.Start:sp.End])
			a.Paragraphs = append(a.Paragraphs, doc.Paragraph{Span: doc.Span{Start: s, End: b.Len()}})
		}
		a.Text = b.String()
		st.prepare(t, a)
		New().Annotate(context.Background(), a)
		fmt.Printf("== %d %s\n", i, r.Title)
		for _, q := range a.Quotes {
			d := "R"
			if q.Direct {
				d = "D"
			}
			fmt.Printf("  %s [%s|%s|%s/%s] %q\n", d, q.Speaker.Text, q.Speaker.Name, q.Speaker.Country, q.Speaker.Sector, q.Text)
		}
	}
}
