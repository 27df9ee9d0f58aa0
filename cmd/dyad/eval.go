package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"dyad/doc"
	"dyad/eval"
	"dyad/extract"
	"dyad/pipeline"
	"dyad/read"
	"dyad/text"
)

// evalFlags are the flags of the eval commands.
type evalFlags struct {
	workers    int
	misses     bool
	json       bool
	verbose    bool
	noFallback bool
	af         actorFlags
}

func (f *evalFlags) register(c *cobra.Command) {
	fl := c.Flags()
	fl.IntVarP(&f.workers, "workers", "j", runtime.GOMAXPROCS(0), "inputs coded at once")
	fl.BoolVar(&f.misses, "misses", false, "list every false and missed item")
	fl.BoolVar(&f.json, "json", false, "write a machine-readable summary (JSON) instead of the report")
	fl.BoolVarP(&f.verbose, "verbose", "v", false, "add a line for each article (each event type, for sentences)")
	f.af.register(c)
}

func newEvalCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "eval",
		Short: "Score dyad's coding against hand-coded gold data",
		Long: `The eval commands code hand-coded texts with the stages of dyad code and
score the result against the hand coding: "eval articles" for whole
articles coded to the codebook, "eval sentences" for PLOVER's gold-standard
sentences.

They measure: the exit status is 0 whatever the scores, and non-zero only
for a bad flag or a gold file or article that cannot be read.`,
	}
	c.AddCommand(newEvalArticlesCmd(), newEvalSentencesCmd())
	return c
}

func newEvalArticlesCmd() *cobra.Command {
	var f evalFlags
	c := &cobra.Command{
		Use:   "articles [flags] DIR|FILE.gold.json...",
		Short: "Score events, dates and quotes against hand-coded articles",
		Long: `Articles reads the gold files (*.gold.json) in each DIR, or the ones named,
codes the article beside each with the stages of dyad code, and prints
precision, recall and F1 for events and for quotes, the accuracy of event
dates and of quote speakers, totalled over all articles (micro-averaged).

The article is ID.html where there is one, through the usual HTML
extraction, and otherwise the text of ID.txt after its header. The header
("key: value" lines up to a line "---"; "None" for unknown) gives the
title, outlet, URL and publication date as the page's container would, and
is not article text; the gold file's own "published" wins when it is set.

Events are compared per article as sets of keys. A key is the event type
with an unordered pair of countries: one key for each country of the actor
with each country of the recipient; when only one side has a country (no
recipient, say), one key for each pair of that side's countries, or the
type with its one country. An entity with no country contributes no key,
and an event with no country at all gives none. Negated and hypothetical
events are left out, the gold's and dyad's. A matched key's date is right
when a gold event with that key has a day-precision date and a dyad event
with that key has the same date; the accuracy is over the matched keys
with a day-precision gold date.

A dyad quote matches a gold quote when the Jaccard overlap of their sets of
lower-case words is at least 0.5, one to one, best overlap first. The
speaker of a matched quote is right when dyad's speaker's name (or its
words, when it has no name) is the gold name, in any case; a gold speaker
without a name is compared by country and sector.

An article that dyad fails to code is reported on standard error and
counts as coded with nothing. The exit status is 0 whatever the scores.`,
		Example: `  dyad eval articles ../shared/gold/articles
  dyad eval articles -v --misses ../shared/gold/articles
  dyad eval articles --json gold/a.gold.json gold/b.gold.json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return evalArticles(cmd, args, &f)
		},
	}
	f.register(c)
	c.Flags().BoolVar(&f.noFallback, "no-fallback", false, "HTML: skip the fallback extractors (faster, a little less accurate)")
	return c
}

func newEvalSentencesCmd() *cobra.Command {
	var f evalFlags
	c := &cobra.Command{
		Use:   "sentences [flags] FILE...",
		Short: "Score event types and actors against PLOVER's gold-standard sentences",
		Long: `Sentences reads PLOVER gold-standard records (JSON lines with text, event,
source and target, as plover_gsr_dev.jsonl), codes each sentence alone as
an article dated with the record's date, and prints the type accuracy (the
share of records for which dyad gives an event of the gold type) and the
full accuracy (an event of the gold type between the gold source and
target).

Sources and targets are compared as sets of codes, the two sides as an
unordered pair; a record without a target (a joint act) also matches an
event whose two sides together are its sources. Legacy codes in the gold
(JAP, ITL, VTN, ...) are read as ISO codes (JPN, ITA, VNM); the gold's IGO
and NGO stay, and dyad's UNO and EUR count as IGO. Negated and
hypothetical dyad events are left out. Other formats, such as the ICEWS
CAMEO examples (cameo, name, text), are rejected.

A sentence that dyad fails to code is reported on standard error and
counts as coded with nothing. The exit status is 0 whatever the scores.`,
		Example: `  dyad eval sentences ../shared/gold/sentences/plover_gsr_dev.jsonl
  dyad eval sentences -v --misses plover_gsr_dev.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return evalSentences(cmd, args, &f)
		},
	}
	f.register(c)
	return c
}

// goldArticle is one gold file with the input to code for it.
type goldArticle struct {
	path  string
	gold  eval.Gold
	input doc.Input
}

// loadGoldArticles reads the gold files named by args (directories or
// *.gold.json files) and the article beside each.
func loadGoldArticles(args []string) ([]goldArticle, error) {
	var paths []string
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			if !strings.HasSuffix(arg, ".gold.json") {
				return nil, fmt.Errorf("%s: want a *.gold.json file or a directory of them", arg)
			}
			paths = append(paths, arg)
			continue
		}
		entries, err := os.ReadDir(arg)
		if err != nil {
			return nil, err
		}
		n := len(paths)
		for _, e := range entries {
			if !e.IsDir() && strings.HasSuffix(e.Name(), ".gold.json") {
				paths = append(paths, filepath.Join(arg, e.Name()))
			}
		}
		if len(paths) == n {
			return nil, fmt.Errorf("%s: no *.gold.json files in the directory", arg)
		}
	}
	arts := make([]goldArticle, 0, len(paths))
	for _, p := range paths {
		g, err := eval.LoadGold(p)
		if err != nil {
			return nil, err
		}
		in, err := articleInput(p, g)
		if err != nil {
			return nil, err
		}
		arts = append(arts, goldArticle{path: p, gold: g, input: in})
	}
	return arts, nil
}

// articleInput returns the input for the article of the gold file at
// goldPath: the HTML page beside it where there is one, else the text
// after the header of the text file, with the header's metadata as the
// container's.
func articleInput(goldPath string, g eval.Gold) (doc.Input, error) {
	base := strings.TrimSuffix(goldPath, ".gold.json")
	txtPath, htmlPath := base+".txt", base+".html"
	txt, err := readIfExists(txtPath)
	if err != nil {
		return doc.Input{}, err
	}
	html, err := readIfExists(htmlPath)
	if err != nil {
		return doc.Input{}, err
	}
	if txt == nil && html == nil {
		return doc.Input{}, fmt.Errorf("%s: no article beside it (want %s or %s)", goldPath, txtPath, htmlPath)
	}
	h, body := eval.ParseArticleText(txt)
	hint := h.Source()
	if g.Published != "" {
		hint.Published = g.Published
	}
	id := g.DocID
	if id == "" {
		id = h.DocID
	}
	if id == "" {
		id = filepath.Base(base)
	}
	if html != nil {
		return doc.Input{Path: htmlPath, Kind: doc.KindHTML, Data: html, ID: id, Hint: hint}, nil
	}
	return doc.Input{Path: txtPath, Kind: read.Detect(txtPath, body), Data: body, ID: id, Hint: hint}, nil
}

// readIfExists reads a file, returning nil and no error when there is
// none.
func readIfExists(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err == nil && data == nil {
		data = []byte{}
	}
	return data, err
}

// codeInputs codes inputs with the extractor ex, the sentence splitter and
// the stages of dyad code, and calls emit with each result in order. It
// reports inputs that failed on standard error.
func codeInputs(cmd *cobra.Command, f *evalFlags, ex pipeline.Extractor, inputs []doc.Input, emit func(int, pipeline.Result)) (failed int, err error) {
	stages, err := coderStages(cmd, &f.af)
	if err != nil {
		return 0, err
	}
	p := &pipeline.Pipeline{
		Extract: ex,
		Stages:  append([]pipeline.Stage{text.Splitter{}}, stages...),
		Workers: f.workers,
	}
	i := 0
	err = p.Run(cmd.Context(), slices.Values(inputs), func(r pipeline.Result) error {
		if r.Err != nil {
			failed++
			fmt.Fprintln(cmd.ErrOrStderr(), "dyad:", oneLine(r.Err.Error()))
		}
		emit(i, r)
		i++
		return nil
	})
	return failed, err
}

// articleReport is the score of one article in the JSON summary.
type articleReport struct {
	DocID    string       `json:"doc_id"`
	Gold     string       `json:"gold"`
	Input    string       `json:"input"`
	Error    string       `json:"error,omitempty"`
	Events   eval.Counts  `json:"events"`
	Quotes   eval.Counts  `json:"quotes"`
	Dates    eval.Ratio   `json:"dates"`
	Speakers eval.Ratio   `json:"speakers"`
	Misses   *[]eval.Miss `json:"misses,omitempty"`
}

// articlesSummary is the JSON summary of dyad eval articles.
type articlesSummary struct {
	Inputs []string `json:"inputs"`
	eval.Totals
	Failed     int             `json:"failed"`
	PerArticle []articleReport `json:"per_article"`
}

func evalArticles(cmd *cobra.Command, args []string, f *evalFlags) error {
	arts, err := loadGoldArticles(args)
	if err != nil {
		return err
	}
	ex, err := extract.New(extract.Options{NoFallback: f.noFallback})
	if err != nil {
		return err
	}
	inputs := make([]doc.Input, len(arts))
	for i, a := range arts {
		inputs[i] = a.input
	}
	scores := make([]eval.ArticleScore, len(arts))
	errs := make([]string, len(arts))
	failed, err := codeInputs(cmd, f, ex, inputs, func(i int, r pipeline.Result) {
		var rec doc.Record
		if r.Err != nil {
			errs[i] = oneLine(r.Err.Error())
		} else {
			rec = r.Article.Record()
		}
		scores[i] = eval.ScoreArticle(arts[i].gold, rec)
	})
	if err != nil {
		return err
	}
	sum := articlesSummary{Inputs: args, Totals: eval.Sum(scores), Failed: failed}
	for i, s := range scores {
		ar := articleReport{
			DocID: s.DocID, Gold: arts[i].path, Input: arts[i].input.Path, Error: errs[i],
			Events: s.Events, Quotes: s.Quotes, Dates: s.Dates, Speakers: s.Speakers,
		}
		if f.misses {
			ms := s.Misses
			if ms == nil {
				ms = []eval.Miss{}
			}
			ar.Misses = &ms
		}
		sum.PerArticle = append(sum.PerArticle, ar)
	}
	w := bufio.NewWriter(cmd.OutOrStdout())
	if f.json {
		err = writeJSON(w, sum)
	} else {
		writeArticlesReport(w, sum, scores, f)
	}
	if err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return nil
}

// writeJSON writes v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return nil
}

// writeArticlesReport writes the readable report of dyad eval articles:
// the articles (with -v), the misses (with --misses), then the totals.
func writeArticlesReport(w io.Writer, sum articlesSummary, scores []eval.ArticleScore, f *evalFlags) {
	fmt.Fprintf(w, "dyad eval articles %s: %d articles, %d failed to code\n",
		strings.Join(sum.Inputs, " "), sum.Articles, sum.Failed)
	if f.verbose {
		width := len("article")
		for _, a := range sum.PerArticle {
			width = max(width, len(a.DocID))
		}
		fmt.Fprintf(w, "\n%-*s  %-33s  %-33s  %-7s  %s\n", width, "article",
			"events gold/dyad/matched P R F1", "quotes gold/dyad/matched P R F1", "dates", "speakers")
		for _, a := range sum.PerArticle {
			fmt.Fprintf(w, "%-*s  %-33s  %-33s  %-7s  %s", width, a.DocID,
				countsLine(a.Events), countsLine(a.Quotes), ratioLine(a.Dates), ratioLine(a.Speakers))
			if a.Error != "" {
				fmt.Fprint(w, "  (failed)")
			}
			fmt.Fprintln(w)
		}
	}
	if f.misses {
		for i, s := range scores {
			a := sum.PerArticle[i]
			if len(s.Misses) == 0 && a.Error == "" {
				continue
			}
			fmt.Fprintf(w, "\n== %s (%s)\n", a.DocID, a.Input)
			if a.Error != "" {
				fmt.Fprintf(w, "  failed: %s\n", a.Error)
			}
			for _, m := range s.Misses {
				head := m.Key
				switch {
				case head != "" && m.Detail != "":
					head += " (" + m.Detail + ")"
				case head == "":
					head = m.Detail
				}
				fmt.Fprintf(w, "  %-14s %s\n", m.Kind, head)
				text := m.Text
				if m.Key == "" {
					text = fmt.Sprintf("%q", text)
				}
				fmt.Fprintf(w, "      %s\n", oneLine(text))
			}
		}
	}
	t := sum.Totals
	fmt.Fprintf(w, "\n%-9s %6s %6s %8s %10s %7s %6s\n", "", "gold", "dyad", "matched", "precision", "recall", "F1")
	for _, row := range []struct {
		name string
		c    eval.Counts
	}{{"events", t.Events}, {"quotes", t.Quotes}} {
		fmt.Fprintf(w, "%-9s %6d %6d %8d %10.3f %7.3f %6.3f\n", row.name,
			row.c.Gold, row.c.Dyad, row.c.Matched, row.c.Precision(), row.c.Recall(), row.c.F1())
	}
	fmt.Fprintf(w, "\ndates     %.3f  (%d of %d matched event keys with a day-precision gold date)\n",
		t.Dates.Accuracy(), t.Dates.Correct, t.Dates.Total)
	fmt.Fprintf(w, "speakers  %.3f  (%d of %d matched quotes)\n",
		t.Speakers.Accuracy(), t.Speakers.Correct, t.Speakers.Total)
}

// countsLine writes counts as "5/6/4 0.667 0.800 0.727".
func countsLine(c eval.Counts) string {
	return fmt.Sprintf("%d/%d/%d %.3f %.3f %.3f", c.Gold, c.Dyad, c.Matched, c.Precision(), c.Recall(), c.F1())
}

// ratioLine writes a ratio as "2/3".
func ratioLine(r eval.Ratio) string {
	return fmt.Sprintf("%d/%d", r.Correct, r.Total)
}

// sentenceExtractor makes an article of an input's text as it is, with no
// cleaning and no title: a gold sentence to be coded alone.
type sentenceExtractor struct{}

// Extract returns the article of one gold sentence.
func (sentenceExtractor) Extract(ctx context.Context, in doc.Input) (*doc.Article, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return &doc.Article{
		ID:     in.ID,
		Source: doc.Source{Path: in.Path, Published: in.Hint.Published, Language: "en"},
		Text:   strings.TrimSpace(string(in.Data)),
	}, nil
}

// sentencesSummary is the JSON summary of dyad eval sentences.
type sentencesSummary struct {
	Inputs []string `json:"inputs"`
	eval.SentenceTotals
	Failed int                   `json:"failed"`
	Misses *[]eval.SentenceScore `json:"misses,omitempty"`
}

func evalSentences(cmd *cobra.Command, args []string, f *evalFlags) error {
	var recs []eval.SentenceGold
	var inputs []doc.Input
	for _, path := range args {
		rs, err := eval.LoadSentences(path)
		if err != nil {
			return err
		}
		for _, r := range rs {
			published := ""
			if _, err := time.Parse(doc.DateLayout, r.Date); err == nil {
				published = r.Date
			}
			inputs = append(inputs, doc.Input{
				Path: fmt.Sprintf("%s:%d", path, r.Line),
				Kind: doc.KindText,
				Data: []byte(r.Text),
				ID:   r.ID,
				Hint: doc.Source{Published: published},
			})
		}
		recs = append(recs, rs...)
	}
	scores := make([]eval.SentenceScore, len(recs))
	failed, err := codeInputs(cmd, f, sentenceExtractor{}, inputs, func(i int, r pipeline.Result) {
		var rec doc.Record
		if r.Err == nil {
			rec = r.Article.Record()
		}
		scores[i] = eval.ScoreSentence(recs[i], rec)
	})
	if err != nil {
		return err
	}
	sum := sentencesSummary{Inputs: args, SentenceTotals: eval.SumSentences(scores), Failed: failed}
	var misses []eval.SentenceScore
	for _, s := range scores {
		if !s.Full {
			misses = append(misses, s)
		}
	}
	w := bufio.NewWriter(cmd.OutOrStdout())
	if f.json {
		if f.misses {
			if misses == nil {
				misses = []eval.SentenceScore{}
			}
			sum.Misses = &misses
		}
		err = writeJSON(w, sum)
	} else {
		writeSentencesReport(w, sum, misses, f)
	}
	if err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return nil
}

// writeSentencesReport writes the readable report of dyad eval sentences:
// the scores by event type (with -v), the misses (with --misses), then the
// totals.
func writeSentencesReport(w io.Writer, sum sentencesSummary, misses []eval.SentenceScore, f *evalFlags) {
	fmt.Fprintf(w, "dyad eval sentences %s: %d records, %d failed to code\n",
		strings.Join(sum.Inputs, " "), sum.Records, sum.Failed)
	if f.verbose {
		types := make([]string, 0, len(sum.ByEvent))
		for t := range sum.ByEvent {
			types = append(types, t)
		}
		slices.Sort(types)
		fmt.Fprintf(w, "\n%-12s %7s  %-14s %s\n", "event", "records", "type", "full")
		for _, t := range types {
			b := sum.ByEvent[t]
			fmt.Fprintf(w, "%-12s %7d  %5.3f %-8s %5.3f (%s)\n", t, b.Records,
				b.Type.Accuracy(), "("+ratioLine(b.Type)+")", b.Full.Accuracy(), ratioLine(b.Full))
		}
	}
	if f.misses {
		fmt.Fprintln(w)
		for _, m := range misses {
			what := "wrong actors"
			if !m.Type {
				what = "wrong type"
			}
			dyad := "none"
			if len(m.Dyad) > 0 {
				dyad = strings.Join(m.Dyad, "; ")
			}
			fmt.Fprintf(w, "%s (line %d): %s\n      gold: %s\n      dyad: %s\n      %s\n",
				m.ID, m.Line, what, m.Gold, dyad, oneLine(m.Text))
		}
	}
	fmt.Fprintf(w, "\ntype accuracy  %.3f  (%d of %d records: dyad gives an event of the gold type)\n",
		sum.Type.Accuracy(), sum.Type.Correct, sum.Type.Total)
	fmt.Fprintf(w, "full accuracy  %.3f  (%d of %d records: that event between the gold source and target)\n",
		sum.Full.Accuracy(), sum.Full.Correct, sum.Full.Total)
}
