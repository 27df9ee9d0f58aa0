package main

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"dyad/extract"
)

// TestZyteF1 holds the extractor to the bar: F1 of at least 0.96 on
// the Zyte article-extraction benchmark, with no page failing.
func TestZyteF1(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode")
	}
	dir := "../../../shared/bench/article-extraction"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no ../shared/bench/article-extraction")
	}
	pages, err := load(dir)
	if err != nil {
		t.Fatal(err)
	}
	ex, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	extractAll(ex, filepath.Join(dir, "html"), pages, runtime.NumCPU())
	counts := make([]Counts, len(pages))
	for i, p := range pages {
		if p.err != nil {
			t.Errorf("page %s failed: %v", p.id, p.err)
		}
		counts[i] = match(p.truth.ArticleBody, p.pred)
	}
	m := aggregate(counts)
	t.Logf("precision %.3f recall %.3f F1 %.3f over %d pages", m.Precision, m.Recall, m.F1, len(pages))
	if m.F1 < 0.96 {
		t.Errorf("F1 %.3f, want at least 0.96", m.F1)
	}
}
