// Package pipeline runs dyad's stages over a stream of raw inputs on all
// cores: each input is extracted into an article, then annotated by each
// stage in order. Results come out in input order, and memory is bounded by
// a window of articles in flight, whatever the number of inputs. A failed
// input (unreadable, no text, or a stage's error, even a panic) becomes an
// error result for that input, and the rest of the stream goes on.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"

	"dyad/doc"
)

// Extractor turns a raw input into an article.
type Extractor interface {
	Extract(ctx context.Context, in doc.Input) (*doc.Article, error)
}

// Stage annotates an article in place. A stage must be safe to call from
// many goroutines at once. A stage that returns ErrSkip stops the later
// stages: the result is the article as it stands, marked Skipped.
type Stage interface {
	Annotate(ctx context.Context, a *doc.Article) error
}

// ErrSkip is returned by a stage to skip the stages after it, as for an
// article that is already stored.
var ErrSkip = errors.New("pipeline: skip the later stages")

// Result is the outcome for one input: an article, or an error.
type Result struct {
	// Path names the input.
	Path string
	// Article is the annotated article; nil when Err is set.
	Article *doc.Article
	// Err says why the input failed.
	Err error
	// ID identifies a failed input (as Article.ID would have).
	ID string
	// Skipped is true when a stage returned ErrSkip.
	Skipped bool
}

// Pipeline is a configured run of stages. The zero value is not usable:
// Extract must be set.
type Pipeline struct {
	// Extract turns inputs into articles.
	Extract Extractor
	// Stages annotate each article, in order.
	Stages []Stage
	// Workers is the number of inputs processed at once; 0 means one per
	// CPU.
	Workers int
}

// Run processes every input and calls emit with each result, in input
// order, from a single goroutine. It stops early, returning the error, when
// emit returns an error or ctx is cancelled.
func (p *Pipeline) Run(ctx context.Context, inputs iter.Seq[doc.Input], emit func(Result) error) error {
	if p.Extract == nil {
		return errors.New("pipeline: no extractor")
	}
	workers := p.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		in  doc.Input
		out chan Result
	}
	jobs := make(chan job)
	// pending holds each job's result channel in input order; its capacity
	// bounds the number of articles in memory.
	pending := make(chan chan Result, 4*workers)

	go func() { // producer
		defer close(jobs)
		defer close(pending)
		for in := range inputs {
			out := make(chan Result, 1)
			select {
			case pending <- out:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{in, out}:
			case <-ctx.Done():
				out <- Result{Path: in.Path, Err: ctx.Err()}
				return
			}
		}
	}()
	for range workers {
		go func() {
			for j := range jobs {
				j.out <- p.process(ctx, j.in)
			}
		}()
	}
	var err error
	for out := range pending {
		r := <-out
		if err != nil {
			continue // drain, so the producer and workers finish
		}
		if cerr := ctx.Err(); cerr != nil {
			err = cerr
			cancel()
			continue
		}
		if e := emit(r); e != nil {
			err = e
			cancel()
		}
	}
	if err == nil {
		err = parent.Err()
	}
	return err
}

// process runs the extractor and the stages on one input, turning a panic
// into an error for that input.
func (p *Pipeline) process(ctx context.Context, in doc.Input) (r Result) {
	r.Path = in.Path
	defer func() {
		if v := recover(); v != nil {
			r.Article = nil
			r.Err = fmt.Errorf("%s: internal error (please report it with this input): %v", in.Path, v)
		}
		if r.Err != nil {
			r.ID = failedID(in)
		}
	}()
	if in.Err != nil {
		r.Err = in.Err
		return r
	}
	a, err := p.Extract.Extract(ctx, in)
	if err != nil {
		r.Err = err
		return r
	}
	for _, s := range p.Stages {
		if err := s.Annotate(ctx, a); err != nil {
			if errors.Is(err, ErrSkip) {
				r.Skipped = true
				break
			}
			r.Err = fmt.Errorf("%s: %w", in.Path, err)
			return r
		}
	}
	r.Article = a
	return r
}

// failedID is the document id of an input that failed: the id it gave, the
// hash of its bytes, or the hash of its path when it has none.
func failedID(in doc.Input) string {
	switch {
	case in.ID != "":
		return in.ID
	case len(in.Data) > 0:
		return doc.IDFor(in.Data)
	default:
		return doc.IDFor([]byte(in.Path))
	}
}
