// Command coding measures dyad's whole coding pipeline: it reads a corpus
// (by default ../shared/corpus/reuters21578.jsonl.gz) and codes it end to
// end on all cores, as dyad code does (read, extract, split, tag, resolve
// actors, code events, find quotes), then prints articles and sentences
// per second, the events and quotes found, and memory: the peak heap in
// use (sampled), the memory obtained from the system and the peak resident
// set size, after the first half of the inputs and after the second, to
// show that memory stays flat as the input grows.
//
//	go run ./bench/coding [-n N] [-j WORKERS] [FILE]
//
// The exit status is 0 whatever the figures; it is non-zero for a bad flag,
// an unreadable file, or a file in which no article could be coded.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"os/signal"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"time"

	"dyad/actor"
	"dyad/coding"
	"dyad/doc"
	"dyad/extract"
	"dyad/pipeline"
	"dyad/read"
	"dyad/text"
)

// defaultFile is the corpus coded when none is named.
const defaultFile = "../shared/corpus/reuters21578.jsonl.gz"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// config is the benchmark's command line.
type config struct {
	n       int
	workers int
	file    string
}

// command writes the command line that reproduces the run, defaults
// included.
func (c config) command() string {
	return fmt.Sprintf("go run ./bench/coding -n %d -j %d %s", c.n, c.workers, c.file)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("coding", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	fs.IntVar(&c.n, "n", 0, "code only the first `N` inputs (0: all)")
	fs.IntVar(&c.workers, "j", runtime.GOMAXPROCS(0), "inputs coded at once")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	switch {
	case fs.NArg() > 1:
		fmt.Fprintf(stderr, "coding: one FILE at most, got %q\n", fs.Args())
		return 2
	case c.n < 0 || c.workers < 1:
		fmt.Fprintln(stderr, "coding: -n must be 0 or more and -j at least 1")
		return 2
	}
	c.file = defaultFile
	if fs.NArg() == 1 {
		c.file = fs.Arg(0)
	}
	if err := bench(ctx, c, stdout); err != nil {
		fmt.Fprintln(stderr, "coding:", err)
		return 1
	}
	return 0
}

// memory is a snapshot of the process's memory use.
type memory struct {
	heap     uint64 // heap in use now, bytes
	peakHeap uint64 // highest heap in use sampled so far
	sys      uint64 // memory obtained from the system
	rss      int64  // peak resident set size, or 0 if unknown
}

func (m memory) String() string {
	s := fmt.Sprintf("heap in use %s (peak %s), from the system %s", mb(m.heap), mb(m.peakHeap), mb(m.sys))
	if m.rss > 0 {
		s += ", peak RSS " + mb(uint64(m.rss))
	}
	return s
}

// mb writes a number of bytes in megabytes.
func mb(b uint64) string { return fmt.Sprintf("%.0f MB", float64(b)/1e6) }

// sampler follows the heap in use without stopping the world
// (runtime/metrics), keeping its peak.
type sampler struct {
	mu      sync.Mutex
	peak    uint64
	samples []metrics.Sample
}

func newSampler() *sampler {
	return &sampler{samples: []metrics.Sample{
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/unused:bytes"},
		{Name: "/memory/classes/total:bytes"},
	}}
}

// read takes a sample and returns the heap in use and the memory
// obtained from the system.
func (s *sampler) read() (heap, sys uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	metrics.Read(s.samples)
	heap = s.samples[0].Value.Uint64() + s.samples[1].Value.Uint64()
	sys = s.samples[2].Value.Uint64()
	s.peak = max(s.peak, heap)
	return heap, sys
}

// run samples every interval until ctx is done.
func (s *sampler) run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			s.read()
		}
	}
}

// snapshot returns the memory in use now, with the peaks so far.
func (s *sampler) snapshot() memory {
	heap, sys := s.read()
	s.mu.Lock()
	peak := s.peak
	s.mu.Unlock()
	rss, _ := maxRSS()
	return memory{heap: heap, peakHeap: peak, sys: sys, rss: rss}
}

// take returns the first n inputs of seq, or all of them when n is 0.
func take(seq iter.Seq[doc.Input], n int) iter.Seq[doc.Input] {
	return func(yield func(doc.Input) bool) {
		i := 0
		for in := range seq {
			if n > 0 && i >= n {
				return
			}
			i++
			if !yield(in) {
				return
			}
		}
	}
}

func bench(ctx context.Context, c config, w io.Writer) error {
	if _, err := os.Stat(c.file); err != nil {
		return err
	}
	fmt.Fprintf(w, "command:  %s\n", c.command())
	fmt.Fprintf(w, "system:   %s %s/%s, %d CPUs, GOMAXPROCS %d\n",
		runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.GOMAXPROCS(0))

	// Count the inputs first, to know where half of them is.
	rd := read.New(read.Options{})
	t0 := time.Now()
	total := 0
	for range take(rd.All(ctx, []string{c.file}), c.n) {
		total++
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	fmt.Fprintf(w, "inputs:   %d in %s (counted in %v)\n", total, c.file, time.Since(t0).Round(time.Millisecond))
	if total == 0 {
		return fmt.Errorf("%s: no inputs", c.file)
	}

	smp := newSampler()
	sctx, stopSampling := context.WithCancel(ctx)
	defer stopSampling()
	go smp.run(sctx, 20*time.Millisecond)

	t0 = time.Now()
	kb, err := actor.New(ctx, actor.Options{})
	if err != nil {
		return err
	}
	stages, err := coding.Stages(kb)
	if err != nil {
		return err
	}
	ex, err := extract.New(extract.Options{})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "setup:    knowledge base (%d entries), lexicons and extractor in %v; %s\n",
		len(kb.Entries()), time.Since(t0).Round(time.Millisecond), smp.snapshot())

	p := &pipeline.Pipeline{
		Extract: ex,
		Stages:  append([]pipeline.Stage{text.Splitter{}}, stages...),
		Workers: c.workers,
	}
	var (
		done, articles, failed    int
		sentences, events, quotes int
		textBytes                 int64
		firstErr                  string
		halfTime                  time.Duration
		halfArticles              int
	)
	half := (total + 1) / 2
	start := time.Now()
	err = p.Run(ctx, take(rd.All(ctx, []string{c.file}), c.n), func(r pipeline.Result) error {
		done++
		if r.Err != nil {
			failed++
			if firstErr == "" {
				firstErr = strings.Join(strings.Fields(r.Err.Error()), " ")
			}
		} else {
			a := r.Article
			articles++
			sentences += len(a.Sentences)
			events += len(a.Events)
			quotes += len(a.Quotes)
			textBytes += int64(len(a.Text))
		}
		if done == half {
			halfTime = time.Since(start)
			halfArticles = articles
			fmt.Fprintf(w, "half 1:   %d inputs in %v: %s\n", done, halfTime.Round(time.Millisecond), smp.snapshot())
		}
		return nil
	})
	elapsed := time.Since(start)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "half 2:   %d inputs in %v: %s\n", done-half, (elapsed - halfTime).Round(time.Millisecond), smp.snapshot())
	if articles == 0 {
		return errors.New(c.file + ": no article could be coded; first error: " + firstErr)
	}
	secs := elapsed.Seconds()
	fmt.Fprintf(w, "coded:    %d articles (%d inputs failed), %d sentences, %.1f MB of text in %v\n",
		articles, failed, sentences, float64(textBytes)/1e6, elapsed.Round(time.Millisecond))
	fmt.Fprintf(w, "speed:    %.0f articles/s, %.0f sentences/s, %.2f MB/s of text, %d workers",
		float64(articles)/secs, float64(sentences)/secs, float64(textBytes)/1e6/secs, c.workers)
	if h2 := (elapsed - halfTime).Seconds(); halfTime > 0 && h2 > 0 {
		fmt.Fprintf(w, " (halves: %.0f and %.0f articles/s)",
			float64(halfArticles)/halfTime.Seconds(), float64(articles-halfArticles)/h2)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "found:    %d events (%.2f a sentence), %d quotes (%.2f an article)\n",
		events, float64(events)/float64(max(sentences, 1)), quotes, float64(quotes)/float64(articles))
	m := smp.snapshot()
	fmt.Fprintf(w, "peak:     heap in use %s (sampled every 20ms), from the system %s", mb(m.peakHeap), mb(m.sys))
	if m.rss > 0 {
		fmt.Fprintf(w, ", peak RSS %s", mb(uint64(m.rss)))
	}
	fmt.Fprintln(w)
	if firstErr != "" {
		fmt.Fprintf(w, "first failure: %s\n", firstErr)
	}
	return nil
}
