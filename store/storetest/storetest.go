// Package storetest makes the stores that the tests of the packages
// reading a store (export, serve) run on.
package storetest

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"dyad/doc"
	"dyad/store"
)

// New opens a store in a temporary directory, closed when the test ends,
// and adds the articles to it.
func New(tb testing.TB, articles ...*doc.Article) *store.Store {
	tb.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(tb.TempDir(), "t.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	for _, a := range articles {
		if _, err := st.Add(ctx, a); err != nil {
			tb.Fatalf("add %s: %v", a.ID, err)
		}
	}
	return st
}

// Lines returns the sentences of a test article's text: one a line.
func Lines(text string) []doc.Sentence {
	var out []doc.Sentence
	at := 0
	for i, line := range strings.SplitAfter(text, "\n") {
		out = append(out, doc.Sentence{Index: i, Span: doc.Span{Start: at, End: at + len(strings.TrimRight(line, "\n"))}})
		at += len(line)
	}
	return out
}
