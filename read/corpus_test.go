package read

import (
	"os"
	"path/filepath"
	"testing"

	"dyad/doc"
)

// corpus returns the path of a file in the shared corpus, skipping the
// test when it is absent.
func corpus(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join("..", "..", "shared", "corpus", name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared corpus not available: %v", err)
	}
	return p
}

func TestCorpusNews(t *testing.T) {
	p := corpus(t, "news.jsonl")
	n, dated := 0, 0
	for _, in := range collect(t, New(Options{}), p) {
		n++
		if in.Err != nil {
			t.Errorf("%s: %v", in.Path, in.Err)
			continue
		}
		if in.ID == "" || in.Hint.Outlet == "" || len(in.Data) == 0 {
			t.Errorf("%s: ID %q, Outlet %q, %d bytes", in.Path, in.ID, in.Hint.Outlet, len(in.Data))
		}
		if in.Kind == doc.KindHTML {
			t.Errorf("%s: text field detected as HTML", in.Path)
		}
		if in.Hint.Published != "" {
			dated++
			if _, ok := in.Hint.PublishedTime(); !ok {
				t.Errorf("%s: Published %q", in.Path, in.Hint.Published)
			}
		}
	}
	if n != 149 {
		t.Errorf("news.jsonl: %d inputs, want 149", n)
	}
	if dated != 70 {
		t.Errorf("news.jsonl: %d dated inputs, want 70 (the lines with a non-null date)", dated)
	}
}

func TestCorpusHTML(t *testing.T) {
	dir := corpus(t, "html")
	ins := collect(t, New(Options{}), filepath.Join(dir, "*.html"))
	if len(ins) == 0 {
		t.Fatal("no HTML files")
	}
	for _, in := range ins {
		if in.Err != nil || in.Kind != doc.KindHTML {
			t.Errorf("%s: Kind %q, Err %v", in.Path, in.Kind, in.Err)
		}
		// Detection by content alone, as for a page on stdin.
		if k := Detect("", in.Data); k != doc.KindHTML {
			t.Errorf("%s: detected as %q by content", in.Path, k)
		}
	}
}

func TestCorpusGuardian(t *testing.T) {
	p := corpus(t, "guardian_sample.jsonl.gz")
	n := 0
	for _, in := range collect(t, New(Options{}), p) {
		n++
		if in.Err != nil {
			t.Errorf("%s: %v", in.Path, in.Err)
		}
		if in.Hint.Published == "" {
			t.Errorf("%s: no date", in.Path)
		}
	}
	if n != 249 {
		t.Errorf("guardian_sample.jsonl.gz: %d inputs, want 249", n)
	}
}

func TestCorpusReuters(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	p := corpus(t, "reuters21578.jsonl.gz")
	n, dated := 0, 0
	for in := range New(Options{}).All(t.Context(), []string{p}) {
		n++
		if in.Err != nil {
			t.Errorf("%s: %v", in.Path, in.Err)
		}
		if in.Hint.Published != "" {
			dated++
		}
	}
	if n != 19035 {
		t.Errorf("reuters21578.jsonl.gz: %d inputs, want 19035", n)
	}
	t.Logf("%d inputs, %d dated", n, dated)
}

func TestCorpusBenchHTML(t *testing.T) {
	p := filepath.Join("..", "..", "shared", "bench", "article-extraction", "html")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared bench not available: %v", err)
	}
	n := 0
	for in := range New(Options{}).All(t.Context(), []string{filepath.Join(p, "*.html.gz")}) {
		n++
		if in.Err != nil || in.Kind != doc.KindHTML {
			t.Errorf("%s: Kind %q, Err %v", in.Path, in.Kind, in.Err)
		}
	}
	t.Logf("%d pages", n)
}
