package pipeline

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"dyad/doc"
)

// fakeExtractor makes an article of the input's data; "fail" fails, "panic"
// panics, and "slow" takes a while, to shuffle completion order.
type fakeExtractor struct {
	inFlight, maxInFlight atomic.Int64
}

func (f *fakeExtractor) Extract(ctx context.Context, in doc.Input) (*doc.Article, error) {
	n := f.inFlight.Add(1)
	defer f.inFlight.Add(-1)
	for {
		m := f.maxInFlight.Load()
		if n <= m || f.maxInFlight.CompareAndSwap(m, n) {
			break
		}
	}
	switch s := string(in.Data); {
	case s == "fail":
		return nil, fmt.Errorf("extract %s: no text", in.Path)
	case s == "panic":
		panic("boom")
	case strings.HasPrefix(s, "slow"):
		time.Sleep(5 * time.Millisecond)
	}
	return &doc.Article{ID: in.Path, Text: string(in.Data)}, nil
}

// upper is a stage that fails on "stagefail".
type upper struct{}

func (upper) Annotate(ctx context.Context, a *doc.Article) error {
	if a.Text == "stagefail" {
		return errors.New("stage failed")
	}
	a.Text = strings.ToUpper(a.Text)
	return nil
}

func inputs(data ...string) iter.Seq[doc.Input] {
	return func(yield func(doc.Input) bool) {
		for i, d := range data {
			in := doc.Input{Path: fmt.Sprintf("in%d", i), Data: []byte(d), Kind: doc.KindText}
			if d == "readerr" {
				in = doc.Input{Path: in.Path, Err: errors.New("read in: unreadable")}
			}
			if !yield(in) {
				return
			}
		}
	}
}

// skipKnown is a stage that skips the later stages for "known ...".
type skipKnown struct{}

func (skipKnown) Annotate(ctx context.Context, a *doc.Article) error {
	if strings.HasPrefix(a.Text, "known") {
		return fmt.Errorf("article %s: %w", a.ID, ErrSkip)
	}
	return nil
}

func TestRunOrderAndErrors(t *testing.T) {
	data := []string{"slow a", "b", "fail", "slow c", "panic", "readerr", "stagefail", "d", "known e"}
	want := []string{"SLOW A", "B", "error", "SLOW C", "error", "error", "error", "D", "skipped known e"}
	p := &Pipeline{Extract: &fakeExtractor{}, Stages: []Stage{skipKnown{}, upper{}}, Workers: 4}
	var got []string
	err := p.Run(context.Background(), inputs(data...), func(r Result) error {
		if r.Err != nil {
			if r.ID == "" || !strings.Contains(r.Err.Error(), "in") {
				t.Errorf("error result %+v lacks id or path", r)
			}
			got = append(got, "error")
			return nil
		}
		if r.Skipped {
			got = append(got, "skipped "+r.Article.Text)
			return nil
		}
		got = append(got, r.Article.Text)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestRunStopsWhenEmitFails(t *testing.T) {
	p := &Pipeline{Extract: &fakeExtractor{}, Workers: 2}
	stop := errors.New("stop")
	n := 0
	data := make([]string, 100)
	for i := range data {
		data[i] = "x"
	}
	err := p.Run(context.Background(), inputs(data...), func(r Result) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Errorf("err %v after %d results, want stop after 3", err, n)
	}
}

func TestRunBoundedMemory(t *testing.T) {
	f := &fakeExtractor{}
	p := &Pipeline{Extract: f, Workers: 3}
	var produced atomic.Int64
	many := func(yield func(doc.Input) bool) {
		for i := range 2000 {
			produced.Add(1)
			if !yield(doc.Input{Path: fmt.Sprint(i), Data: []byte("slow")}) {
				return
			}
		}
	}
	var emitted int64
	err := p.Run(context.Background(), many, func(r Result) error {
		emitted++
		// The producer may run ahead of the consumer only by the window.
		if ahead := produced.Load() - emitted; ahead > int64(4*p.Workers+p.Workers+2) {
			t.Fatalf("producer %d ahead of the consumer", ahead)
		}
		if emitted == 50 {
			return errors.New("enough")
		}
		return nil
	})
	if err == nil {
		t.Fatal("want the emit error")
	}
	if m := f.maxInFlight.Load(); m > 3 {
		t.Errorf("%d inputs extracted at once, want at most 3", m)
	}
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p := &Pipeline{Extract: &fakeExtractor{}}
	err := p.Run(ctx, inputs("a", "b"), func(Result) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func BenchmarkRun(b *testing.B) {
	p := &Pipeline{Extract: &fakeExtractor{}}
	data := make([]string, b.N)
	for i := range data {
		data[i] = "x"
	}
	b.ResetTimer()
	_ = p.Run(context.Background(), inputs(data...), func(Result) error { return nil })
}
