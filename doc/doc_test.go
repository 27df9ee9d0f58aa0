package doc

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestRecordHasNoMissingFields(t *testing.T) {
	a := &Article{ID: "x"}
	b, err := json.Marshal(a.Record())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"paragraphs":[]`, `"sentences":[]`, `"errors":[]`, `"published":""`, `"wire":""`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("record %s lacks %s", b, want)
		}
	}
}

func TestIDFor(t *testing.T) {
	if got := IDFor([]byte("abc")); got != "ba7816bf8f01cfea" {
		t.Errorf("IDFor(abc) = %q", got)
	}
}

func TestSliceAndPublished(t *testing.T) {
	a := &Article{Text: "Hello world", Source: Source{Published: "2018-06-08"}}
	for _, c := range []struct {
		s    Span
		want string
	}{{Span{0, 5}, "Hello"}, {Span{6, 11}, "world"}, {Span{-1, 3}, ""}, {Span{5, 99}, ""}, {Span{4, 2}, ""}} {
		if got := a.Slice(c.s); got != c.want {
			t.Errorf("Slice(%v) = %q, want %q", c.s, got, c.want)
		}
	}
	if d, ok := a.Source.PublishedTime(); !ok || d.Day() != 8 {
		t.Errorf("PublishedTime = %v, %v", d, ok)
	}
	if _, ok := (Source{Published: "June"}).PublishedTime(); ok {
		t.Error("PublishedTime accepted a bad date")
	}
}

func TestCodedRecordWritesEmptyLists(t *testing.T) {
	a := &Article{ID: "x"}
	b, _ := json.Marshal(a.Record())
	if strings.Contains(string(b), `"events"`) {
		t.Errorf("uncoded record has events: %s", b)
	}
	a.Coded = true
	a.Events = []Event{{Type: "CONSULT", Sentence: 2}}
	b, _ = json.Marshal(a.Record())
	for _, want := range []string{`"quotes":[]`, `"actor":[]`, `"recipient":[]`, `"context":[]`, `"mentions":[2]`, `"date":null`, `"location":null`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("record %s lacks %s", b, want)
		}
	}
}
