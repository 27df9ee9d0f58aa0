package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"dyad/export"
	"dyad/store"
)

func newExportCmd() *cobra.Command {
	var db, format, out, mentions string
	var f store.Filter
	c := &cobra.Command{
		Use:   "export --format FORMAT [-o FILE] [flags]",
		Short: "Write every event the flags select as CSV, JSONL, Parquet, GDELT or PLOVER",
		Long: `Export writes every real event in the database that the flags select (the
flags of dyad events, without a limit), in the order they were stored, to
standard output or to the file -o names. A file is written under FILE.tmp
and renamed when the export is complete, so a failed export leaves no half
file.

Formats:
  csv      a header row, then a row per event; a side's names, countries
           and sectors each joined by ";"
  jsonl    one record per line, as dyad events --format jsonl writes it
  parquet  the CSV's columns, sides as lists, a DATE column; Snappy
  gdelt    GDELT 2.0's Events table: 61 tab-separated columns, no header.
           Its Mentions table (a row per article's report of each event)
           goes beside the -o file, ".mentions" inserted before the
           extension (events.tsv: events.mentions.tsv), or to --mentions
  plover   PLOVER JSON records, one per line

See the doc of the export package for the mapping of each format.`,
		Example: `  dyad export --format csv -o events.csv
  dyad export --format parquet --from 2018-01-01 --quad 4 -o conflict.parquet
  dyad export --format gdelt -o events.gdelt.tsv   # and events.gdelt.mentions.tsv
  dyad export --format plover --actor RUS | head`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format == "" {
				return fmt.Errorf("--format is required: csv, jsonl, parquet, gdelt or plover")
			}
			fm, err := export.ParseFormat(format)
			if err != nil {
				return fmt.Errorf("--format: %w", err)
			}
			if err := f.Validate(); err != nil {
				return fmt.Errorf("--%w", err)
			}
			if mentions != "" && fm != export.GDELT {
				return fmt.Errorf("--mentions goes with --format gdelt only")
			}
			st, err := openExisting(cmd, db)
			if err != nil {
				return err
			}
			defer st.Close()
			return runExport(cmd, st, export.Options{Format: fm, Filter: f}, out, mentions)
		},
	}
	dbFlag(c, &db)
	fl := c.Flags()
	fl.StringVar(&format, "format", "", "output format: csv, jsonl, parquet, gdelt or plover (required)")
	fl.StringVarP(&out, "output", "o", "", "the file to write (default: standard output)")
	fl.StringVar(&mentions, "mentions", "", "gdelt: the file of the Mentions table (default: beside -o, .mentions before the extension)")
	filterFlags(c, &f)
	return c
}

// runExport writes the export that opt describes from st to out (standard
// output when "") and, for GDELT, the Mentions table to mentions (beside
// out when ""), committing the files only when all went well.
func runExport(cmd *cobra.Command, st *store.Store, opt export.Options, out, mentions string) error {
	var files []*export.File
	defer func() {
		for _, f := range files {
			f.Abort()
		}
	}()
	create := func(path string) (io.Writer, error) {
		f, err := export.Create(path)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
		return f, nil
	}
	var err error
	w := cmd.OutOrStdout()
	if out != "" {
		if w, err = create(out); err != nil {
			return err
		}
	}
	if opt.Format == export.GDELT {
		if mentions == "" && out != "" {
			mentions = export.MentionsPath(out)
		}
		if mentions == out && out != "" {
			return fmt.Errorf("--mentions names the events file %s", out)
		}
		if mentions == "" {
			fmt.Fprintln(cmd.ErrOrStderr(), "dyad: writing GDELT's Events table only: its Mentions table needs -o FILE or --mentions FILE")
		} else if opt.Mentions, err = create(mentions); err != nil {
			return err
		}
	}
	n, err := export.Export(cmd.Context(), st, w, opt)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := f.Commit(); err != nil {
			return err
		}
	}
	to := "standard output"
	if out != "" {
		to = out
	}
	if opt.Mentions != nil {
		to += " and its mentions to " + mentions
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "dyad: exported %d events as %s to %s\n", n, opt.Format, to)
	return nil
}
