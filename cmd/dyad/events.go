package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"dyad/doc"
	"dyad/export"
	"dyad/store"
)

func newEventsCmd() *cobra.Command {
	var db, format string
	var f store.Filter
	c := &cobra.Command{
		Use:   "events [flags]",
		Short: "List the events in the database, one line per real event",
		Long: `Events lists the events that dyad ingest stored, the latest first: one
line per real-world event, however many articles report it, with how
many articles (near-copies counted once) and outlets do. Flags select
events; each one given must hold.

Actor and recipient match a country code (RUS, or IGO, UNO, EUR) or a part
of a name ("putin"). --text is a full-text query (SQLite FTS5) on the
sentences that report the event.`,
		Example: `  dyad events --actor CHN --recipient RUS --type CONSULT
  dyad events --from 2018-01-01 --to 2018-12-31 --quad 4 --format csv
  dyad events --text '"friendship medal"' --format jsonl`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := f.Validate(); err != nil {
				return fmt.Errorf("--%w", err)
			}
			st, err := openExisting(cmd, db)
			if err != nil {
				return err
			}
			defer st.Close()
			evs, err := st.Events(cmd.Context(), f)
			if err != nil {
				return err
			}
			w := bufio.NewWriter(cmd.OutOrStdout())
			defer w.Flush()
			switch format {
			case "table":
				return eventsTable(w, evs)
			case "csv", "jsonl":
				return export.WriteAll(w, export.Format(format), evs)
			}
			return fmt.Errorf("unknown --format %q: use table, csv or jsonl", format)
		},
	}
	dbFlag(c, &db)
	fl := c.Flags()
	fl.StringVar(&format, "format", "table", "output format: table, csv or jsonl")
	filterFlags(c, &f)
	fl.IntVar(&f.Limit, "limit", 100, fmt.Sprintf("most events listed (at most %d)", store.MaxLimit))
	fl.IntVar(&f.Offset, "offset", 0, "events to skip")
	return c
}

// filterFlags registers on c the flags that select events, each setting
// a field of f.
func filterFlags(c *cobra.Command, f *store.Filter) {
	fl := c.Flags()
	fl.StringVar(&f.Actor, "actor", "", "actor: country code or part of a name")
	fl.StringVar(&f.Country, "country", "", "either side, actor or recipient: country code or part of a name")
	fl.StringVar(&f.Recipient, "recipient", "", "recipient: country code or part of a name")
	fl.StringVar(&f.Sector, "sector", "", "a sector of either side (GOV, MIL, REB, ...)")
	fl.StringVar(&f.Type, "type", "", "PLOVER event type (CONSULT, ASSAULT, ...)")
	fl.StringVar(&f.Root, "cameo", "", "CAMEO root (04, 19, ...)")
	fl.IntVar(&f.Quad, "quad", 0, "quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict")
	fl.StringVar(&f.From, "from", "", "first date, YYYY-MM-DD")
	fl.StringVar(&f.To, "to", "", "last date, YYYY-MM-DD")
	fl.StringVar(&f.Place, "place", "", "place: country code or part of its name")
	fl.StringVar(&f.Outlet, "outlet", "", "part of an outlet's name")
	fl.StringVar(&f.Text, "text", "", "full-text query on the reporting sentences")
}

// openExisting opens a database that must exist.
func openExisting(cmd *cobra.Command, path string) (*store.Store, error) {
	if !fileExists(path) {
		return nil, fmt.Errorf("no database at %s: run dyad ingest first, or name one with --db", path)
	}
	return store.Open(cmd.Context(), path)
}

func sidesText(es []doc.Entity) string {
	if len(es) == 0 {
		return "-"
	}
	var parts []string
	for _, e := range es {
		n := e.Name
		if n == "" {
			n = e.Text
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", n, e.Country))
	}
	return strings.Join(parts, " + ")
}

func dateOf(e store.Event) string {
	if e.Date == nil {
		return "-"
	}
	return *e.Date
}

func eventsTable(w io.Writer, evs []store.Event) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tTYPE\tCAMEO\tACTOR\tRECIPIENT\tARTICLES\tOUTLETS\tEVIDENCE")
	for _, e := range evs {
		ev := e.Evidence
		if len(ev) > 100 {
			ev = ev[:97] + "..."
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%d\t%s\n", dateOf(e), e.Type, e.CAMEO, sidesText(e.Actor), sidesText(e.Recipient), e.Articles, e.Outlets, ev)
	}
	return tw.Flush()
}

func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}
