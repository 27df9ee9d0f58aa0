// Command actors measures the actor stage: it reads and extracts every
// article under a path (default ../shared/corpus) on all cores, then
// resolves the actors of all of them on one core with one knowledge base,
// and prints articles and mentions per second.
//
//	go run ./bench/actors [-n ROUNDS] [PATH...]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"time"

	"dyad/actor"
	"dyad/doc"
	"dyad/extract"
	"dyad/pipeline"
	"dyad/read"
	"dyad/text"
)

func main() {
	rounds := flag.Int("n", 3, "times to resolve the whole set (the best round is reported)")
	flag.Parse()
	paths := flag.Args()
	if len(paths) == 0 {
		paths = []string{"../shared/corpus"}
	}
	if err := run(context.Background(), paths, *rounds); err != nil {
		fmt.Fprintln(os.Stderr, "actors:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, paths []string, rounds int) error {
	ex, err := extract.New(extract.Options{})
	if err != nil {
		return err
	}
	var arts []*doc.Article
	var bytes int
	p := &pipeline.Pipeline{Extract: ex, Stages: []pipeline.Stage{text.Splitter{}}, Workers: runtime.GOMAXPROCS(0)}
	rd := read.New(read.Options{})
	err = p.Run(ctx, rd.All(ctx, paths), func(r pipeline.Result) error {
		if r.Err == nil {
			arts = append(arts, r.Article)
			bytes += len(r.Article.Text)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(arts) == 0 {
		return fmt.Errorf("no articles under %v", paths)
	}
	start := time.Now()
	kb, err := actor.New(ctx, actor.Options{})
	if err != nil {
		return err
	}
	res := actor.NewResolver(kb)
	fmt.Printf("knowledge base: %d entries, built in %v\n", len(kb.Entries()), time.Since(start).Round(time.Millisecond))
	// Resolution on one core, garbage collection included.
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	best := time.Duration(0)
	mentions := 0
	for round := 0; round < rounds; round++ {
		mentions = 0
		t0 := time.Now()
		for _, a := range arts {
			if err := res.Annotate(ctx, a); err != nil {
				return fmt.Errorf("%s: %w", a.Source.Path, err)
			}
			mentions += len(a.Mentions)
		}
		if d := time.Since(t0); best == 0 || d < best {
			best = d
		}
	}
	secs := best.Seconds()
	fmt.Printf("%d articles (%.1f MB of text), %d mentions, one core, best of %d rounds: %v\n",
		len(arts), float64(bytes)/1e6, mentions, rounds, best.Round(time.Millisecond))
	fmt.Printf("%.0f articles/s, %.0f mentions/s, %.1f MB/s\n",
		float64(len(arts))/secs, float64(mentions)/secs, float64(bytes)/1e6/secs)
	return nil
}
