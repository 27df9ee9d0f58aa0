package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"dyad/doc"
	"dyad/pipeline"
	"dyad/store"
)

// dbFlag registers --db on c.
func dbFlag(c *cobra.Command, path *string) {
	c.Flags().StringVar(path, "db", "dyad.db", "the dyad database (SQLite file)")
}

func newIngestCmd() *cobra.Command {
	var f inputFlags
	var af actorFlags
	var db string
	c := &cobra.Command{
		Use:   "ingest [flags] PATH...",
		Short: "Code articles and store them in the database",
		Long: `Ingest codes articles as code does and stores each, with its sentences,
events, quotes and their speakers, in the database (--db, by default
dyad.db in the current directory, created when missing).

Ingest can be run again on the same or more inputs: an article already
stored (the same text, however spaced or capitalised, or the same URL)
adds nothing. Each article is stored in one transaction, so an ingest
that is killed leaves no half-stored article, and a re-run finishes the
work. Near-copies of stored articles (the same wire story on another
site) are linked to the first, and the events of all articles are
clustered: one real event, reported by many articles, is one cluster.`,
		Example: `  dyad ingest samples
  dyad ingest --db news.db ../shared/corpus/
  dyad ingest --db news.db -j 4 feed.jsonl.gz`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			stages, err := coderStages(cmd, &af)
			if err != nil {
				return err
			}
			st, err := store.Open(cmd.Context(), db)
			if err != nil {
				return err
			}
			defer st.Close()
			return ingestPaths(cmd, st, db, args, &f, stages)
		},
	}
	f.register(c)
	af.register(c)
	dbFlag(c, &db)
	return c
}

// ingestPaths codes the inputs that args name, stores them in st (the
// database at db) and says what was stored.
func ingestPaths(cmd *cobra.Command, st *store.Store, db string, args []string, f *inputFlags, stages []pipeline.Stage) error {
	w := &storeWriter{ctx: cmd.Context(), st: st}
	err := runPipeline(cmd, args, f, storing(st, stages), w)
	fmt.Fprintf(cmd.ErrOrStderr(), "dyad: %s: %d articles stored, %d already there, %d near-copies; %d events, %d of them joined events of other articles\n",
		db, w.added, w.known, w.copies, w.events, w.joined)
	return err
}

// storing returns the coding stages for articles bound for st: the
// articles it already holds skip them.
func storing(st *store.Store, stages []pipeline.Stage) []pipeline.Stage {
	return append([]pipeline.Stage{stored{st}}, stages...)
}

// stored is a stage that skips the coding of an article already in the
// store, so that ingesting a folder again codes only what is new.
type stored struct{ st *store.Store }

func (s stored) Annotate(ctx context.Context, a *doc.Article) error {
	has, err := s.st.Has(ctx, a.Text, a.Source.URL)
	if err != nil {
		return err
	}
	if has {
		return pipeline.ErrSkip
	}
	return nil
}

// storeWriter stores each coded article.
type storeWriter struct {
	ctx                                  context.Context
	st                                   *store.Store
	added, known, copies, events, joined int
}

func (s *storeWriter) write(_ io.Writer, r pipeline.Result) error {
	if r.Err != nil || r.Article == nil {
		return nil // reported by runPipeline
	}
	if r.Skipped {
		s.known++
		return nil
	}
	res, err := s.st.Add(s.ctx, r.Article)
	if err != nil {
		if err == store.ErrNoText {
			return nil
		}
		return fmt.Errorf("%s: %w", r.Path, err)
	}
	if !res.New {
		s.known++
		return nil
	}
	s.added++
	if res.CopyOf > 0 {
		s.copies++
	}
	s.events += res.Events
	s.joined += res.Joined
	return nil
}
