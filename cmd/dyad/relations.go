package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"dyad/store"
)

func newDyadsCmd() *cobra.Command {
	var db, format, country string
	var byYear bool
	c := &cobra.Command{
		Use:   "dyads [flags]",
		Short: "Count the events between each pair of countries, by month or year",
		Long: `Dyads counts the real events between each pair of countries (actor and
recipient, either way round) in each month, or each year with --year, by
quad class (1 verbal cooperation, 2 material cooperation, 3 verbal
conflict, 4 material conflict), with their mean PLOVER score.`,
		Example: `  dyad dyads --year
  dyad dyads --country IND --format csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return printDyads(cmd, db, format, byYear, strings.ToUpper(country), "")
		},
	}
	dbFlag(c, &db)
	c.Flags().StringVar(&format, "format", "table", "output format: table, csv or jsonl")
	c.Flags().BoolVar(&byYear, "year", false, "count by year instead of by month")
	c.Flags().StringVar(&country, "country", "", "only the pairs that include this country code")
	return c
}

func newTimelineCmd() *cobra.Command {
	var db, format string
	c := &cobra.Command{
		Use:   "timeline [flags] A B",
		Short: "Print the relations of two countries month by month",
		Long: `Timeline prints, for each month with events between countries A and B
(country codes, either way round), the events by quad class, their mean
PLOVER score (from -10, war, to +10, the closest cooperation) and a bar
of cooperation (+) against conflict (-).`,
		Example: `  dyad timeline IND PAK
  dyad timeline CHN RUS --format csv`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return printDyads(cmd, db, format, false, strings.ToUpper(args[0]), strings.ToUpper(args[1]))
		},
	}
	dbFlag(c, &db)
	c.Flags().StringVar(&format, "format", "table", "output format: table, csv or jsonl")
	return c
}

func printDyads(cmd *cobra.Command, db, format string, byYear bool, a, b string) error {
	switch format {
	case "table", "csv", "jsonl":
	default:
		return fmt.Errorf("unknown --format %q: use table, csv or jsonl", format)
	}
	st, err := openExisting(cmd, db)
	if err != nil {
		return err
	}
	defer st.Close()
	dq := store.DyadQuery{A: a, B: b}
	if byYear {
		dq.By = store.ByYear
	}
	ds, err := st.Dyads(cmd.Context(), dq)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(cmd.OutOrStdout())
	defer w.Flush()
	switch format {
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"period", "a", "b", "events", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict", "mean_score"})
		for _, d := range ds {
			cw.Write([]string{d.Period, d.A, d.B, fmt.Sprint(d.Events), fmt.Sprint(d.Quads[0]), fmt.Sprint(d.Quads[1]),
				fmt.Sprint(d.Quads[2]), fmt.Sprint(d.Quads[3]), fmt.Sprintf("%.2f", d.MeanScore)})
		}
		cw.Flush()
		return cw.Error()
	case "jsonl":
		enc := json.NewEncoder(w)
		for _, d := range ds {
			if err := enc.Encode(map[string]any{"period": d.Period, "a": d.A, "b": d.B, "events": d.Events,
				"quads": d.Quads, "mean_score": d.MeanScore}); err != nil {
				return err
			}
		}
		return nil
	}
	return dyadsTable(w, ds, b != "")
}

func dyadsTable(w io.Writer, ds []store.Dyad, bars bool) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprint(tw, "PERIOD\tA\tB\tEVENTS\tVERB.COOP\tMAT.COOP\tVERB.CONFL\tMAT.CONFL\tMEAN")
	if bars {
		fmt.Fprint(tw, "\t")
	}
	fmt.Fprintln(tw)
	for _, d := range ds {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%+.2f", d.Period, d.A, d.B, d.Events, d.Quads[0], d.Quads[1], d.Quads[2], d.Quads[3], d.MeanScore)
		if bars {
			coop, confl := d.Quads[0]+d.Quads[1], d.Quads[2]+d.Quads[3]
			fmt.Fprintf(tw, "\t%s|%s", strings.Repeat("-", min(confl, 30)), strings.Repeat("+", min(coop, 30)))
		}
		fmt.Fprintln(tw)
	}
	if len(ds) == 0 {
		fmt.Fprintln(tw, "(no events)")
	}
	return tw.Flush()
}

func newQuotesCmd() *cobra.Command {
	var db, format, speaker, text string
	var limit, offset int
	c := &cobra.Command{
		Use:   "quotes [flags]",
		Short: "List stored quotes by speaker or words",
		Long: `Quotes lists the direct quotes and reported statements in the database,
newest article first: --speaker matches a part of the speaker's name or
words, --text is a full-text query (SQLite FTS5) on the quote.`,
		Example: `  dyad quotes --speaker Putin
  dyad quotes --text sanctions --format jsonl`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch format {
			case "table", "jsonl":
			default:
				return fmt.Errorf("unknown --format %q: use table or jsonl", format)
			}
			st, err := openExisting(cmd, db)
			if err != nil {
				return err
			}
			defer st.Close()
			qs, err := st.Quotes(cmd.Context(), speaker, text, limit, offset)
			if err != nil {
				return err
			}
			w := bufio.NewWriter(cmd.OutOrStdout())
			defer w.Flush()
			if format == "jsonl" {
				enc := json.NewEncoder(w)
				for _, q := range qs {
					if err := enc.Encode(map[string]any{"speaker": q.Speaker, "speaker_text": q.SpeakerText, "country": q.Country,
						"sector": q.Sector, "text": q.Text, "direct": q.Direct, "title": q.Title, "outlet": q.Outlet,
						"url": q.URL, "published": q.Published}); err != nil {
						return err
					}
				}
				return nil
			}
			for _, q := range qs {
				name := q.Speaker
				if name == "" {
					name = q.SpeakerText
				}
				fmt.Fprintf(w, "%s  %s (%s): %q\n    %s, %s\n", q.Published, name, q.Country, q.Text, q.Outlet, q.Title)
			}
			return nil
		},
	}
	dbFlag(c, &db)
	fl := c.Flags()
	fl.StringVar(&format, "format", "table", "output format: table or jsonl")
	fl.StringVar(&speaker, "speaker", "", "part of the speaker's name")
	fl.StringVar(&text, "text", "", "full-text query on the quote")
	fl.IntVar(&limit, "limit", 100, fmt.Sprintf("most quotes listed (at most %d)", store.MaxLimit))
	fl.IntVar(&offset, "offset", 0, "quotes to skip")
	return c
}
