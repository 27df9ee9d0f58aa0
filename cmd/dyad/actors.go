package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"dyad/actor"
	"dyad/doc"
	"dyad/pipeline"
)

// actorFlags are the flags of the commands that use the knowledge base.
type actorFlags struct {
	files []string
}

func (f *actorFlags) register(c *cobra.Command) {
	c.Flags().StringArrayVar(&f.files, "actors", nil,
		"add or override actors from this dictionary (CSV/TSV table or PETRARCH actor/agent file; repeatable)")
}

// resolver builds the knowledge base and the actor stage.
func (f *actorFlags) resolver(cmd *cobra.Command) (*actor.Resolver, error) {
	kb, err := f.kb(cmd)
	if err != nil {
		return nil, err
	}
	return actor.NewResolver(kb), nil
}

// kb builds the knowledge base, saying on standard error how many lines
// of the user's dictionaries were skipped.
func (f *actorFlags) kb(cmd *cobra.Command) (*actor.KB, error) {
	kb, err := actor.New(cmd.Context(), actor.Options{Files: f.files})
	if err != nil {
		return nil, err
	}
	if w := kb.Warnings(); len(w) > 0 {
		fmt.Fprintf(cmd.ErrOrStderr(), "dyad: %d dictionary lines skipped, first: %s\n", len(w), w[0])
	}
	return kb, nil
}

func newActorsCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "actors",
		Short: "Look up and resolve actors in the knowledge base",
		Long: `The actors commands show dyad's knowledge base of states, places,
organisations, people (with their offices and tenures) and agent nouns,
and resolve phrases the way the actor stage resolves mentions in articles.

Add your own entries with --actors FILE: a CSV or TSV table with a header
naming columns among name, aliases, type, country, sector, office, title,
from, to, plural (see "dyad actors list" for examples), or a PETRARCH/TABARI
actor or agent dictionary.`,
	}
	c.AddCommand(newActorsResolveCmd(), newActorsListCmd())
	return c
}

// resolved is the JSON that `dyad actors resolve` prints for a phrase.
type resolved struct {
	Text    string `json:"text"`
	Name    string `json:"name"`
	Country string `json:"country"`
	Sector  string `json:"sector"`
}

func newActorsResolveCmd() *cobra.Command {
	var f actorFlags
	var date, country string
	c := &cobra.Command{
		Use:   "resolve [flags] TEXT... | -",
		Short: "Resolve phrases to a name, a country and a sector",
		Long: `Resolve prints, for each phrase, a JSON object {"text", "name", "country",
"sector"}: what the phrase names as of --date (default: today). With "-"
it reads one phrase a line from standard input and writes JSON lines.`,
		Example: `  dyad actors resolve "the Russian president" --date 1998-05-01
  dyad actors resolve "Afghan police" "Chinese troops"
  printf 'Xi Jinping\nthe Kremlin\n' | dyad actors resolve -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			d, err := parseDateFlag(date)
			if err != nil {
				return err
			}
			r, err := f.resolver(cmd)
			if err != nil {
				return err
			}
			w := bufio.NewWriter(cmd.OutOrStdout())
			defer w.Flush()
			enc := json.NewEncoder(w)
			enc.SetEscapeHTML(false)
			emit := func(p string) error {
				e := r.Resolve(p, d, country)
				return enc.Encode(resolved{Text: e.Text, Name: e.Name, Country: e.Country, Sector: e.Sector})
			}
			if len(args) == 1 && args[0] == "-" {
				sc := bufio.NewScanner(cmd.InOrStdin())
				sc.Buffer(make([]byte, 64<<10), 1<<20)
				for sc.Scan() {
					if err := cmd.Context().Err(); err != nil {
						return err
					}
					if strings.TrimSpace(sc.Text()) == "" {
						continue
					}
					if err := emit(sc.Text()); err != nil {
						return err
					}
				}
				if err := sc.Err(); err != nil {
					return fmt.Errorf("read standard input: %w", err)
				}
				return nil
			}
			for _, p := range args {
				if err := emit(p); err != nil {
					return err
				}
			}
			return nil
		},
	}
	f.register(c)
	c.Flags().StringVar(&date, "date", "", "resolve as of this date, YYYY-MM-DD (default: today)")
	c.Flags().StringVar(&country, "country", "", "the country the phrase concerns, if it does not say (name or code)")
	return c
}

// parseDateFlag parses a --date value; "" is today.
func parseDateFlag(s string) (int, error) {
	if s == "" {
		return actor.DateOf(time.Now()), nil
	}
	t, err := time.Parse(doc.DateLayout, s)
	if err != nil {
		return 0, fmt.Errorf("bad --date %q: want YYYY-MM-DD", s)
	}
	return actor.DateOf(t), nil
}

func newActorsListCmd() *cobra.Command {
	var f actorFlags
	var country, kind, format string
	c := &cobra.Command{
		Use:   "list [flags]",
		Short: "Print the knowledge base",
		Long: `List prints the entries of the knowledge base (built-in and --actors files)
as a TSV table with a header: kind, name, country, sector, office, title,
from, to, patterns, source. The table can be edited and given back with
--actors.`,
		Example: `  dyad actors list --country RUS --kind person
  dyad actors list --kind agent --format jsonl`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			kb, err := f.kb(cmd)
			if err != nil {
				return err
			}
			w := bufio.NewWriter(cmd.OutOrStdout())
			defer w.Flush()
			country = strings.ToUpper(country)
			if c := kb.Country(country); c != "" {
				country = c
			}
			if format != "tsv" && format != "jsonl" {
				return fmt.Errorf("unknown --format %q: use tsv or jsonl", format)
			}
			if format == "tsv" {
				fmt.Fprintln(w, "type\tname\taliases\tcountry\tsector\toffice\ttitle\tfrom\tto\tsource")
			}
			enc := json.NewEncoder(w)
			enc.SetEscapeHTML(false)
			for _, e := range kb.Entries() {
				if country != "" && e.Country != country || kind != "" && e.Kind.String() != kind {
					continue
				}
				if err := writeEntry(w, enc, format, &e); err != nil {
					return err
				}
			}
			return w.Flush()
		},
	}
	f.register(c)
	c.Flags().StringVar(&country, "country", "", "only entries of this country (code or name)")
	c.Flags().StringVar(&kind, "kind", "", "only entries of this kind: state, adjective, place, org, person, agent")
	c.Flags().StringVar(&format, "format", "tsv", "output format: tsv or jsonl")
	return c
}

func writeEntry(w io.Writer, enc *json.Encoder, format string, e *actor.Entry) error {
	from, to := fmtDate(e.From), fmtDate(e.To)
	if format == "jsonl" {
		return enc.Encode(map[string]any{
			"type": e.Kind.String(), "name": e.Name, "patterns": e.Patterns, "country": e.Country,
			"sector": e.Sector, "office": e.Office, "title": e.Title, "from": from, "to": to,
			"plural": e.Plural, "source": e.Source,
		})
	}
	aliases := e.Patterns
	if len(aliases) > 0 && aliases[0] == e.Name {
		aliases = aliases[1:]
	}
	_, err := fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e.Kind, e.Name, strings.Join(aliases, "|"),
		e.Country, e.Sector, strings.Join(e.Office, "|"), e.Title, from, to, e.Source)
	return err
}

func fmtDate(d int) string {
	if d == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d/10000, d/100%100, d%100)
}

// mentionsWriter writes only the resolved mentions of each article: JSON
// lines of {doc_id, path, published, mentions}, or a readable list.
type mentionsWriter struct{ text bool }

func (m mentionsWriter) write(w io.Writer, r pipeline.Result) error {
	if r.Err != nil {
		if m.text {
			return textWriter{}.write(w, r)
		}
		return jsonlWriter{mentions: true}.write(w, r)
	}
	a := r.Article
	if !m.text {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		ms := a.Mentions
		if ms == nil {
			ms = []doc.Mention{}
		}
		return enc.Encode(struct {
			DocID     string        `json:"doc_id"`
			Path      string        `json:"path"`
			Published string        `json:"published"`
			Mentions  []doc.Mention `json:"mentions"`
		}{a.ID, a.Source.Path, a.Source.Published, ms})
	}
	var b strings.Builder
	fmt.Fprintf(&b, "== %s (%s) published %s\n", a.Source.Path, a.ID, orDash(a.Source.Published))
	for _, mt := range a.Mentions {
		var ents []string
		for _, e := range mt.Entities {
			s := strings.TrimSpace(strings.Join([]string{e.Name, orDash(e.Country), orDash(e.Sector)}, " "))
			ents = append(ents, s)
		}
		fmt.Fprintf(&b, "[%d] %-40q %-8s → %s (%s)\n", mt.Sentence, mt.Text, mt.Kind, strings.Join(ents, "; "), mt.Via)
	}
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
