package extract

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/unicode/norm"

	"dyad/doc"
)

// html extracts the main content and metadata of an HTML page.
func (e *Extractor) html(in doc.Input) (*result, error) {
	data, note, err := htmlToUTF8(in.Data)
	if err != nil {
		return nil, err
	}
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("parse HTML: %w", err)
	}
	opts := trafilatura.Options{
		EnableFallback:  !e.opts.NoFallback,
		ExcludeComments: true,
		Focus:           trafilatura.Balanced,
	}
	ex, err := trafilatura.ExtractDocument(root, opts)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoText, err)
	}
	res := &result{}
	if note != "" {
		res.errors = append(res.errors, note)
	}
	md := ex.Metadata
	res.meta = doc.Source{
		URL:      md.URL,
		Title:    clip(md.Title, 500),
		Byline:   clip(md.Author, 200),
		Outlet:   clip(md.Sitename, 100),
		Language: md.Language,
	}
	if !md.Date.IsZero() {
		res.meta.Published = md.Date.Format(doc.DateLayout)
	}
	body := renderBlocks(ex.ContentNode)
	if t := strings.TrimSpace(md.Title); t != "" {
		if len(body) > 0 && sameText(body[0], t) {
			body = body[1:]
		}
		res.paras = append(res.paras, para{text: collapseSpace(t), role: doc.RoleTitle})
	}
	for _, b := range body {
		res.paras = append(res.paras, para{text: b})
	}
	return res, nil
}

// htmlToUTF8 converts a page to UTF-8. A page that is valid UTF-8 is taken
// as it is, whatever it declares; otherwise the declared charset (BOM or
// meta tag) is used, and Windows-1252 is guessed when none is declared.
func htmlToUTF8(data []byte) ([]byte, string, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if utf8.Valid(data) {
		return norm.NFC.Bytes(data), "", nil
	}
	enc, name, certain := charset.DetermineEncoding(data, "")
	if name == "utf-8" {
		return bytes.ToValidUTF8(data, []byte("\uFFFD")), "encoding: declared UTF-8 but invalid, bad bytes replaced", nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, "", fmt.Errorf("decode %s: %w", name, err)
	}
	note := ""
	if !certain && !declaresCharset(data) {
		note = "encoding: none declared, guessed " + name
	}
	return norm.NFC.Bytes(out), note, nil
}

// declaresCharset reports whether the head of a page names its charset.
func declaresCharset(data []byte) bool {
	if len(data) > 2048 {
		data = data[:2048]
	}
	return bytes.Contains(bytes.ToLower(data), []byte("charset"))
}

// blockTags are the elements whose boundaries end a paragraph.
var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "li": true, "ul": true, "ol": true, "dl": true,
	"dt": true, "dd": true, "blockquote": true, "pre": true, "table": true,
	"tr": true, "section": true, "article": true, "header": true,
	"footer": true, "figure": true, "figcaption": true, "br": true, "hr": true,
	"body": true, "main": true, "aside": true, "summary": true, "details": true,
	"head": true, "list": true, "item": true, "quote": true, "lb": true,
}

// renderBlocks renders extracted content as paragraphs of plain text: one
// per block element, inline elements joined, whitespace collapsed.
func renderBlocks(n *html.Node) []string {
	if n == nil {
		return nil
	}
	var out []string
	var b strings.Builder
	flush := func() {
		if s := collapseSpace(b.String()); s != "" {
			out = append(out, s)
		}
		b.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template", "img", "graphic":
				return
			case "td", "th", "cell":
				b.WriteByte(' ')
			}
		}
		block := n.Type == html.ElementNode && blockTags[n.Data]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	return out
}

// collapseSpace trims s and turns every run of white space into one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// sameText reports whether two strings are equal but for case and spacing.
func sameText(a, b string) bool {
	return strings.EqualFold(collapseSpace(a), collapseSpace(b))
}

// clip shortens s to at most n bytes, at a rune boundary.
func clip(s string, n int) string {
	s = collapseSpace(s)
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
