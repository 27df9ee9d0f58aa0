package main

import (
	"io"
	"strings"

	"dyad/doc"
	"fmt"

	"github.com/spf13/cobra"

	"dyad/coding"
	"dyad/pipeline"
)

// coderStages builds the stages after sentence splitting that dyad code
// runs: part-of-speech tags, actors, events and quotes.
func coderStages(cmd *cobra.Command, af *actorFlags) ([]pipeline.Stage, error) {
	kb, err := af.kb(cmd)
	if err != nil {
		return nil, err
	}
	return coding.Stages(kb)
}

func newCodeCmd() *cobra.Command {
	var f inputFlags
	var af actorFlags
	var format string
	var mentions bool
	c := &cobra.Command{
		Use:   "code [flags] PATH...",
		Short: "Code articles into events and quotes",
		Long: `Code reads articles as extract does and writes, for each, its record with
the events it reports (PLOVER type, mode and context, CAMEO code, quad
class, PLOVER score and Goldstein value, actor and recipient, date, place,
tense, evidence sentence) and its quotes with their speakers, one JSON
record a line (see docs/output.md in the shared material).

With --format text it prints a readable summary of each article's events
and quotes instead.

An input that cannot be read gets an error line on standard error and an
error record in the output; the others go on, and the exit status is 1.`,
		Example: `  dyad code article.html
  dyad code --format text samples
  dyad code -j 8 -o events.jsonl corpus/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var w writer
			switch format {
			case "jsonl", "json":
				w = jsonlWriter{mentions: mentions}
			case "text":
				w = eventsWriter{}
			default:
				return fmt.Errorf("unknown --format %q: use jsonl or text", format)
			}
			stages, err := coderStages(cmd, &af)
			if err != nil {
				return err
			}
			return runPipeline(cmd, args, &f, stages, w)
		},
	}
	f.register(c)
	af.register(c)
	c.Flags().StringVar(&format, "format", "jsonl", "output format: jsonl or text")
	c.Flags().BoolVar(&mentions, "mentions", false, "add the resolved actor mentions to each record")
	return c
}

// eventsWriter writes a readable summary of each article's events and
// quotes.
type eventsWriter struct{}

func (eventsWriter) write(w io.Writer, r pipeline.Result) error {
	if r.Err != nil {
		_, err := fmt.Fprintf(w, "== %s\nerror: %s\n\n", r.Path, oneLine(r.Err.Error()))
		return err
	}
	a := r.Article
	var b strings.Builder
	fmt.Fprintf(&b, "== %s (%s) %s %s\n", a.Source.Path, a.ID, a.Source.Published, a.Source.Title)
	for _, e := range a.Events {
		date := "-"
		if e.Date != nil {
			date = *e.Date + "/" + e.DatePrecision
		}
		mode := e.Type
		if e.Mode != "" {
			mode += "/" + e.Mode
		}
		fmt.Fprintf(&b, "%-22s %-4s %s -> %s  %s %s", mode, e.CAMEO, entities(e.Actor), entities(e.Recipient), date, e.Tense)
		if e.Negated {
			b.WriteString(" negated")
		}
		if e.Location != nil {
			fmt.Fprintf(&b, " @%s(%s)", e.Location.Name, e.Location.Country)
		}
		fmt.Fprintf(&b, "\n    [%d] %s\n", e.Sentence, e.Evidence)
	}
	for _, q := range a.Quotes {
		kind := "reported"
		if q.Direct {
			kind = "direct"
		}
		fmt.Fprintf(&b, "quote %s %s: %q\n", kind, entities([]doc.Entity{q.Speaker}), q.Text)
	}
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// entities writes entities as "Name (CTY SEC)" joined by "+", or "-".
func entities(es []doc.Entity) string {
	if len(es) == 0 {
		return "-"
	}
	parts := make([]string, len(es))
	for i, e := range es {
		n := e.Name
		if n == "" {
			n = e.Text
		}
		parts[i] = fmt.Sprintf("%s (%s %s)", n, e.Country, e.Sector)
	}
	return strings.Join(parts, " + ")
}
