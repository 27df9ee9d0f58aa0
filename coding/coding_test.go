package coding

import (
	"context"
	"testing"

	"dyad/actor"
	"dyad/doc"
	"dyad/text"
)

func TestStagesCodeAnArticle(t *testing.T) {
	ctx := context.Background()
	kb, err := actor.New(ctx, actor.Options{})
	if err != nil {
		t.Fatal(err)
	}
	stages, err := Stages(kb)
	if err != nil {
		t.Fatal(err)
	}
	if len(stages) != 4 {
		t.Fatalf("%d stages, want 4", len(stages))
	}
	a := &doc.Article{ID: "t", Text: "Chinese President Xi Jinping met Russian President Vladimir Putin in Beijing on Friday.",
		Source: doc.Source{Published: "2018-06-08"}}
	if err := (text.Splitter{}).Annotate(ctx, a); err != nil {
		t.Fatal(err)
	}
	for _, s := range stages {
		if err := s.Annotate(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if !a.Coded || len(a.Tokens) == 0 || len(a.Mentions) == 0 {
		t.Errorf("article not coded: coded %v, %d tokens, %d mentions", a.Coded, len(a.Tokens), len(a.Mentions))
	}
}
