// Package extract is the second stage of dyad's pipeline: it turns one raw
// input (an HTML page, scraped text or Markdown) into a doc.Article with
// clean text split into paragraphs and the article's metadata: title,
// publication date, byline and wire service, outlet, URL and language.
//
// HTML pages go through go-trafilatura, a port of trafilatura, for the main
// content and most metadata; scraped text and Markdown go through dyad's own
// cleaner, which removes the debris that scrapers leave (breadcrumbs, site
// footers, related-article links, photo credits, editor lines) and reads the
// metadata written in the text.
package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
	"github.com/yuin/goldmark"
	"golang.org/x/text/encoding/charmap"

	"dyad/doc"
)

// Options configures an Extractor.
type Options struct {
	// NoFallback turns off go-trafilatura's fallback extractors
	// (readability and DOM distiller): faster, a little less accurate.
	NoFallback bool
}

// Extractor turns raw inputs into articles. It is safe for concurrent use.
type Extractor struct {
	opts Options
	tab  *tables
	md   goldmark.Markdown
}

// ErrNoText is returned for an input in which no article text was found.
var ErrNoText = errors.New("no article text found")

// New returns an Extractor with the embedded outlet and wire tables loaded.
func New(opts Options) (*Extractor, error) {
	tab, err := loadTables()
	if err != nil {
		return nil, fmt.Errorf("extract: load tables: %w", err)
	}
	return &Extractor{opts: opts, tab: tab, md: newMarkdown()}, nil
}

// Extract turns one raw input into an article. Metadata given by the input's
// container (in.Hint) takes precedence over what the content says. It
// returns an error, naming the input, when no text can be found.
func (e *Extractor) Extract(ctx context.Context, in doc.Input) (*doc.Article, error) {
	if in.Err != nil {
		return nil, in.Err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var (
		res *result
		err error
	)
	switch in.Kind {
	case doc.KindHTML:
		res, err = e.html(in)
	case doc.KindText, doc.KindMarkdown:
		data, note := toUTF8(in.Data)
		res = e.clean(string(data), in.Kind == doc.KindMarkdown)
		if note != "" {
			res.errors = append(res.errors, note)
		}
	default:
		err = fmt.Errorf("unknown input kind %q", in.Kind)
	}
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", in.Path, err)
	}
	if bodyWords(res.paras) < minWords {
		return nil, fmt.Errorf("extract %s: %w: %d words of body text after cleaning, %d needed (is it an article?)",
			in.Path, ErrNoText, bodyWords(res.paras), minWords)
	}
	a := &doc.Article{ID: in.ID, Errors: res.errors}
	if a.ID == "" {
		a.ID = doc.IDFor(in.Data)
	}
	a.Source = e.source(in, res.meta)
	a.Text, a.Paragraphs = join(withTitle(res.paras, a.Source.Title))
	if a.Source.Language == "" {
		a.Source.Language = language(a.Text)
	}
	if a.Source.Wire == "" {
		for _, p := range a.Paragraphs {
			if p.Role == doc.RoleBody {
				a.Source.Wire = e.tab.wireInDateline(a.Slice(p.Span))
				break
			}
		}
	}
	return a, nil
}

// source merges the container's hints, the content's metadata and what can
// be derived from both (outlet from URL, wire from byline).
func (e *Extractor) source(in doc.Input, m doc.Source) doc.Source {
	s := doc.Source{Path: in.Path}
	s.URL = firstOf(in.Hint.URL, m.URL)
	s.Title = firstOf(in.Hint.Title, m.Title)
	s.Byline = firstOf(in.Hint.Byline, m.Byline)
	s.Published = firstOf(normalizeDate(in.Hint.Published), m.Published, in.Fetched)
	s.Language = firstOf(in.Hint.Language, m.Language)
	s.Wire = firstOf(in.Hint.Wire, m.Wire, e.tab.wireInByline(s.Byline))
	// A curated name for the URL's host beats the page's own site name,
	// which is often styled ("POLYGRAPH.info") or a slogan.
	byHost, known := e.tab.outletForURL(s.URL)
	if known {
		s.Outlet = firstOf(in.Hint.Outlet, byHost)
	} else {
		s.Outlet = firstOf(in.Hint.Outlet, m.Outlet, byHost)
	}
	return s
}

// minLangConfidence is the least confidence of a language guess that dyad
// reports; whatlanggo's own "reliable" bar (0.8) misses most single
// sentences.
const minLangConfidence = 0.5

// language guesses the ISO 639-1 code of a text's language from its first
// few thousand bytes, or "" when the guess is unreliable.
func language(text string) string {
	if len(text) > 4096 {
		text = text[:4096]
	}
	if words(text) < 5 {
		return ""
	}
	info := whatlanggo.Detect(text)
	if info.Confidence < minLangConfidence {
		return ""
	}
	return info.Lang.Iso6391()
}

// result is what a content extractor found: paragraphs and metadata.
type result struct {
	paras  []para
	meta   doc.Source
	errors []string
}

// para is one paragraph of extracted text before the article is built.
type para struct {
	text string
	role doc.Role
}

// withTitle makes sure the text starts with the headline, which often
// reports the event itself: a first paragraph that is the title becomes the
// title paragraph, and a title given only as metadata is put first.
func withTitle(ps []para, title string) []para {
	if title == "" || (len(ps) > 0 && ps[0].role == doc.RoleTitle) {
		return ps
	}
	if len(ps) > 0 && sameText(ps[0].text, title) {
		ps[0].role = doc.RoleTitle
		return ps
	}
	return append([]para{{text: collapseSpace(title), role: doc.RoleTitle}}, ps...)
}

// minWords is the fewest words of body text that make an article.
const minWords = 5

// bodyWords counts the words of the paragraphs other than the title.
func bodyWords(ps []para) int {
	n := 0
	for _, p := range ps {
		if p.role != doc.RoleTitle {
			n += words(p.text)
		}
	}
	return n
}

// join lays paragraphs out as the article's text, separated by blank lines,
// and returns their spans.
func join(ps []para) (string, []doc.Paragraph) {
	var b strings.Builder
	out := make([]doc.Paragraph, 0, len(ps))
	for _, p := range ps {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(p.text)
		out = append(out, doc.Paragraph{Span: doc.Span{Start: start, End: b.Len()}, Role: p.role})
	}
	return b.String(), out
}

// toUTF8 returns text as UTF-8. Text that is not valid UTF-8 is taken to be
// Windows-1252 (a superset of Latin-1 in practice), and a note says so.
func toUTF8(data []byte) ([]byte, string) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if utf8.Valid(data) {
		return data, ""
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return bytes.ToValidUTF8(data, []byte("\uFFFD")), "encoding: invalid UTF-8, bad bytes replaced"
	}
	return out, "encoding: not UTF-8, read as Windows-1252"
}
