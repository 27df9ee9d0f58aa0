// Command extraction measures the quality of dyad's HTML article extraction
// on the Zyte (Scrapinghub) article-extraction benchmark: 181 news pages with
// their hand-checked article bodies. Each page goes through extract.Extract;
// its body (every paragraph but the headline, joined by blank lines) is
// scored against the true articleBody with the benchmark's own metric (see
// score.go), and the program prints precision, recall and F1 and the
// throughput. With -v it also prints each page's scores, worst first.
//
//	go run ./bench/extraction [-dir ../shared/bench/article-extraction] [-v] [-j N] [-dump DIR]
//
// The exit status is 0 whatever the scores (this is a measurement); it is
// non-zero only for a bad flag or a missing or unreadable dataset.
package main

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"dyad/doc"
	"dyad/extract"
)

// truth is one entry of ground-truth.json.
type truth struct {
	ArticleBody string `json:"articleBody"`
	URL         string `json:"url"`
}

// page is one benchmark page and what became of it.
type page struct {
	id    string
	truth truth
	title string        // the headline paragraph, if any
	pred  string        // the predicted article body
	err   error         // the extraction error, if any
	dur   time.Duration // the time extraction took
	c     Counts
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("extraction", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("dir", "../shared/bench/article-extraction", "benchmark `directory`, holding ground-truth.json and html/<id>.html.gz")
	verbose := fs.Bool("v", false, "print every page's scores, worst first")
	workers := fs.Int("j", runtime.NumCPU(), "number of pages extracted at once")
	dump := fs.String("dump", "", "write each page's predicted body, headline and true body to `DIR`/<id>.pred.txt, <id>.title.txt and <id>.true.txt")
	noFallback := fs.Bool("nofallback", false, "extract with extract.Options{NoFallback: true}")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "extraction: unexpected arguments %q\n", fs.Args())
		return 2
	}
	if *workers < 1 {
		fmt.Fprintln(stderr, "extraction: -j must be at least 1")
		return 2
	}

	pages, err := load(*dir)
	if err != nil {
		fmt.Fprintf(stderr, "extraction: %v\n", err)
		return 1
	}
	ex, err := extract.New(extract.Options{NoFallback: *noFallback})
	if err != nil {
		fmt.Fprintf(stderr, "extraction: %v\n", err)
		return 1
	}

	start := time.Now()
	extractAll(ex, filepath.Join(*dir, "html"), pages, *workers)
	wall := time.Since(start)

	failed := 0
	counts := make([]Counts, len(pages))
	for i, p := range pages {
		if p.err != nil {
			failed++
			fmt.Fprintf(stdout, "failed %s: %v\n", p.id, p.err)
		}
		p.c = match(p.truth.ArticleBody, p.pred)
		counts[i] = p.c
	}
	if *dump != "" {
		if err := dumpTexts(*dump, pages); err != nil {
			fmt.Fprintf(stderr, "extraction: %v\n", err)
			return 1
		}
	}
	if *verbose {
		printPages(stdout, pages)
	}

	m := aggregate(counts)
	var cpu time.Duration
	for _, p := range pages {
		cpu += p.dur
	}
	fmt.Fprintf(stdout, "pages %d  failed %d\n", len(pages), failed)
	fmt.Fprintf(stdout, "precision %.3f  recall %.3f  F1 %.3f\n", m.Precision, m.Recall, m.F1)
	fmt.Fprintf(stdout, "  (means over %d pages with a prediction and %d with a truth; 4-token shingles of [\\p{L}\\p{N}_]+, as evaluate.py)\n",
		m.PrecisionPages, m.RecallPages)
	fmt.Fprintf(stdout, "throughput %.1f pages/s  (%d workers, %.2fs wall, %.1f ms/page per worker)\n",
		float64(len(pages))/wall.Seconds(), *workers, wall.Seconds(),
		float64(cpu.Microseconds())/1000/float64(len(pages)))
	fmt.Fprintf(stdout, "command: %s\n", strings.Join(append([]string{"go run ./bench/extraction"}, args...), " "))
	return 0
}

// load reads the ground truth and lists the pages in id order.
func load(dir string) ([]*page, error) {
	data, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, fmt.Errorf("dataset: %w", err)
	}
	var gt map[string]truth
	if err := json.Unmarshal(data, &gt); err != nil {
		return nil, fmt.Errorf("dataset: ground-truth.json: %w", err)
	}
	if len(gt) == 0 {
		return nil, errors.New("dataset: ground-truth.json has no pages")
	}
	if st, err := os.Stat(filepath.Join(dir, "html")); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("dataset: no html directory in %s", dir)
	}
	pages := make([]*page, 0, len(gt))
	for id, t := range gt {
		pages = append(pages, &page{id: id, truth: t})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].id < pages[j].id })
	return pages, nil
}

// extractAll extracts every page's body with n workers. A page that cannot
// be read or extracted keeps an empty prediction and records the error.
func extractAll(ex *extract.Extractor, htmlDir string, pages []*page, n int) {
	ctx := context.Background()
	next := make(chan *page)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range next {
				data, err := readGzip(filepath.Join(htmlDir, p.id+".html.gz"))
				if err != nil {
					p.err = err
					continue
				}
				t0 := time.Now()
				a, err := ex.Extract(ctx, doc.Input{Path: p.id, Kind: doc.KindHTML, Data: data})
				p.dur = time.Since(t0)
				if err != nil {
					p.err = err
					continue
				}
				p.pred = body(a)
				for _, para := range a.Paragraphs {
					if para.Role == doc.RoleTitle {
						p.title = a.Slice(para.Span)
						break
					}
				}
			}
		}()
	}
	for _, p := range pages {
		next <- p
	}
	close(next)
	wg.Wait()
}

// body returns an article's body: every paragraph but the headline, joined
// by blank lines.
func body(a *doc.Article) string {
	var parts []string
	for _, p := range a.Paragraphs {
		if p.Role == doc.RoleTitle {
			continue
		}
		parts = append(parts, a.Slice(p.Span))
	}
	return strings.Join(parts, "\n\n")
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return data, nil
}

// printPages prints one line per page, worst F1 first: precision ("-" when
// nothing was predicted, which the benchmark leaves out of the mean),
// recall, F1, the predicted and true token counts, and the page's host.
func printPages(w io.Writer, pages []*page) {
	sorted := append([]*page(nil), pages...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].c.F1() < sorted[j].c.F1() })
	fmt.Fprintf(w, "%-4s %5s %5s %5s %6s %6s  %-16s %s\n", "rank", "P", "R", "F1", "pred", "true", "id", "host")
	for i, p := range sorted {
		prec := "    -"
		if p.c.HasPrediction() {
			prec = fmt.Sprintf("%5.3f", p.c.Precision())
		}
		host := p.truth.URL
		if u, err := url.Parse(p.truth.URL); err == nil && u.Host != "" {
			host = u.Host
		}
		fmt.Fprintf(w, "%-4d %s %5.3f %5.3f %6d %6d  %-16.16s %s\n", i+1, prec, p.c.Recall(), p.c.F1(),
			len(tokenize(p.pred)), len(tokenize(p.truth.ArticleBody)), p.id, host)
	}
}

// dumpTexts writes each page's predicted body, headline and true body into
// dir.
func dumpTexts(dir string, pages []*page) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, p := range pages {
		pred := p.pred
		if p.err != nil {
			pred = "# extraction failed: " + p.err.Error() + "\n"
		}
		if err := os.WriteFile(filepath.Join(dir, p.id+".pred.txt"), []byte(pred), 0o644); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, p.id+".title.txt"), []byte(p.title), 0o644); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, p.id+".true.txt"), []byte(p.truth.ArticleBody), 0o644); err != nil {
			return err
		}
	}
	return nil
}
