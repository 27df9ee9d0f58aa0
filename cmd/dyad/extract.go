package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"github.com/spf13/cobra"

	"dyad/doc"
	"dyad/extract"
	"dyad/pipeline"
	"dyad/read"
	"dyad/text"
)

// inputFlags are the flags shared by the commands that read articles.
type inputFlags struct {
	workers    int
	maxSize    int64
	keepGoing  bool
	noFallback bool
	progress   bool
	output     string
}

func (f *inputFlags) register(c *cobra.Command) {
	fl := c.Flags()
	fl.IntVarP(&f.workers, "workers", "j", runtime.GOMAXPROCS(0), "inputs processed at once")
	fl.Int64Var(&f.maxSize, "max-size", read.DefaultMaxSize, "largest input in bytes; larger ones are reported and skipped")
	fl.BoolVar(&f.keepGoing, "keep-going", true, "go on after an input fails (false: stop at the first failure)")
	fl.BoolVar(&f.noFallback, "no-fallback", false, "HTML: skip the fallback extractors (faster, a little less accurate)")
	fl.BoolVar(&f.progress, "progress", isTerminal(os.Stderr), "show progress on standard error")
	fl.StringVarP(&f.output, "output", "o", "", "write to this file instead of standard output")
}

func newExtractCmd() *cobra.Command {
	var f inputFlags
	var af actorFlags
	var format string
	var actorsOnly, mentions bool
	c := &cobra.Command{
		Use:   "extract [flags] PATH...",
		Short: "Extract clean article text, metadata and sentences",
		Long: `Extract reads articles and writes, for each, its clean text, metadata
(title, date, outlet, wire, byline, URL, language) and sentences.

PATH is a file, a directory (read recursively), a glob pattern or "-" for
standard input. Kinds are detected by content and name: HTML, text,
Markdown, JSONL (one article a line: id, url, title, date, outlet, text,
html), gzip-compressed versions of each, and WARC archives.

With --mentions the records also carry the actors the article names,
each resolved to entities (name, country, sector); --actors-only writes
only those mentions, to inspect how dyad reads who is who.

An input that cannot be read gets an error line on standard error and an
error record in the output; the others go on, and the exit status is 1.`,
		Example: `  dyad extract testdata/samples
  dyad extract --actors-only --format text samples/un-sanctions.html
  dyad extract --format text article.html
  zcat pages.jsonl.gz | dyad extract -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var w writer
			switch format {
			case "jsonl", "json":
				w = jsonlWriter{mentions: true}
			case "text":
				w = textWriter{}
			default:
				return fmt.Errorf("unknown --format %q: use jsonl or text", format)
			}
			var stages []pipeline.Stage
			if actorsOnly || mentions || len(af.files) > 0 {
				r, err := af.resolver(cmd)
				if err != nil {
					return err
				}
				stages = append(stages, r)
			}
			if actorsOnly {
				w = mentionsWriter{text: format == "text"}
			}
			return runPipeline(cmd, args, &f, stages, w)
		},
	}
	f.register(c)
	af.register(c)
	c.Flags().BoolVar(&actorsOnly, "actors-only", false, "write only the resolved actor mentions of each article")
	c.Flags().BoolVar(&mentions, "mentions", false, "add the resolved actor mentions to each record")
	c.Flags().StringVar(&format, "format", "jsonl", "output format: jsonl or text")
	return c
}

// writer writes one result in an output format.
type writer interface {
	write(w io.Writer, r pipeline.Result) error
}

// pipeline returns the pipeline of the extractor, the sentence splitter
// and the given later stages, with the flags' workers.
func (f *inputFlags) pipeline(stages []pipeline.Stage) (*pipeline.Pipeline, error) {
	ex, err := extract.New(extract.Options{NoFallback: f.noFallback})
	if err != nil {
		return nil, err
	}
	return &pipeline.Pipeline{
		Extract: ex,
		Stages:  append([]pipeline.Stage{text.Splitter{}}, stages...),
		Workers: f.workers,
	}, nil
}

// runPipeline reads the inputs named by args, runs the extractor, the
// sentence splitter and the given later stages, and writes each result.
func runPipeline(cmd *cobra.Command, args []string, f *inputFlags, stages []pipeline.Stage, w writer) error {
	ctx := cmd.Context()
	p, err := f.pipeline(stages)
	if err != nil {
		return err
	}
	out := cmd.OutOrStdout()
	if f.output != "" {
		file, err := os.Create(f.output)
		if err != nil {
			return fmt.Errorf("create output: %w", err)
		}
		defer file.Close()
		out = file
	}
	bw := bufio.NewWriterSize(out, 1<<16)
	defer bw.Flush()

	rd := read.New(read.Options{MaxSize: f.maxSize, Stdin: cmd.InOrStdin()})
	prog := newProgress(cmd.ErrOrStderr(), f.progress)
	var failed, total int
	errStop := fmt.Errorf("stopped at the first failure (--keep-going=false): %w", errFailed)
	err = p.Run(ctx, rd.All(ctx, args), func(r pipeline.Result) error {
		total++
		if r.Err != nil {
			failed++
			prog.clear()
			fmt.Fprintln(cmd.ErrOrStderr(), "dyad:", oneLine(r.Err.Error()))
		}
		if err := w.write(bw, r); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		prog.update(total, failed)
		if r.Err != nil && !f.keepGoing {
			return errStop
		}
		return nil
	})
	prog.done(total, failed)
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	if failed > 0 {
		fmt.Fprintf(cmd.ErrOrStderr(), "dyad: %d of %d inputs failed\n", failed, total)
		return errFailed
	}
	if total == 0 {
		return fmt.Errorf("no inputs found in %s", strings.Join(args, " "))
	}
	return nil
}

// oneLine keeps an error message on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// jsonlWriter writes the JSON record of output.md, one a line. Mentions
// are written only when mentions is set.
type jsonlWriter struct{ mentions bool }

func (jw jsonlWriter) write(w io.Writer, r pipeline.Result) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if r.Err != nil {
		return enc.Encode(doc.ErrorRecord{
			DocID:  r.ID,
			Source: doc.ErrorSource{Path: r.Path},
			Errors: []string{oneLine(r.Err.Error())},
		})
	}
	rec := r.Article.Record()
	if !jw.mentions {
		rec.Mentions = nil
	}
	return enc.Encode(rec)
}

// textWriter writes a human-readable view: metadata, then one sentence a
// line.
type textWriter struct{}

func (textWriter) write(w io.Writer, r pipeline.Result) error {
	if r.Err != nil {
		_, err := fmt.Fprintf(w, "== %s\nerror: %s\n\n", r.Path, oneLine(r.Err.Error()))
		return err
	}
	a := r.Article
	s := a.Source
	var b strings.Builder
	fmt.Fprintf(&b, "== %s (%s)\n", s.Path, a.ID)
	for _, kv := range [][2]string{
		{"title", s.Title}, {"published", s.Published}, {"outlet", s.Outlet},
		{"wire", s.Wire}, {"byline", s.Byline}, {"url", s.URL}, {"language", s.Language},
	} {
		if kv[1] != "" {
			fmt.Fprintf(&b, "%-10s %s\n", kv[0]+":", kv[1])
		}
	}
	for _, e := range a.Errors {
		fmt.Fprintf(&b, "%-10s %s\n", "note:", e)
	}
	para := -1
	for _, sent := range a.Sentences {
		if sent.Paragraph != para {
			para = sent.Paragraph
			b.WriteByte('\n')
			if para < len(a.Paragraphs) && a.Paragraphs[para].Role != doc.RoleBody {
				fmt.Fprintf(&b, "(%s)\n", a.Paragraphs[para].Role)
			}
		}
		fmt.Fprintf(&b, "[%d] %s\n", sent.Index, a.Slice(sent.Span))
	}
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}
