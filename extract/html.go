package extract

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
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
	if fixed, ok := closeTitle(root, data); ok {
		if root, err = html.Parse(bytes.NewReader(fixed)); err != nil {
			return nil, fmt.Errorf("parse HTML: %w", err)
		}
	}
	pm := readPageMeta(root)
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
	body := renderBlocks(ex.ContentNode)
	title, body := headline(body, html.UnescapeString(pm.headline), html.UnescapeString(pm.ogTitle), pageTitle(md.Title, pm.docTitle))
	res.meta = doc.Source{URL: md.URL, Title: clip(title, 500), Language: md.Language}

	// The body's header lines are cleaned as scraped text is: bylines and
	// date lines read and dropped, debris dropped.
	lines := make([]line, 0, 2*len(body))
	for _, b := range body {
		lines = append(lines, line{raw: b, text: b}, line{kind: lineBlank})
	}
	e.classify(lines, res)
	res.paras = paragraphs(lines)
	if title != "" {
		res.paras = append([]para{{text: title, role: doc.RoleTitle}}, res.paras...)
	}
	res.meta.Published = firstOf(pm.published, res.meta.Published)
	if res.meta.Published == "" && !md.Date.IsZero() {
		res.meta.Published = md.Date.Format(doc.DateLayout)
	}
	res.meta.Byline = firstOf(cleanByline(pm.author), cleanByline(md.Author), cleanByline(res.meta.Byline))
	res.meta.Outlet = firstOf(cleanSiteName(pm.publisher), cleanSiteName(md.Sitename))
	return res, nil
}

// headline picks the article's title from the candidates (JSON-LD headline,
// the extractor's title) and the first body paragraph, which is often the
// headline itself: a title such as "Bush to Saudis: More Oil Please - World
// - CBN News" yields to a first paragraph "Bush to Saudis: More Oil Please",
// which then leaves the body.
func headline(body []string, candidates ...string) (string, []string) {
	for _, c := range candidates {
		c = collapseSpace(c)
		if c == "" {
			continue
		}
		if len(body) > 0 && words(body[0]) <= 30 {
			for _, seg := range append([]string{c}, titleSegments(c)...) {
				if sameText(body[0], seg) {
					return body[0], body[1:]
				}
			}
		}
		if len(body) > 0 && restatesTitle(body[0], c) {
			body = body[1:]
		}
		if segs := titleSegments(c); len(segs) > 1 {
			return segs[0], body
		}
		return c, body
	}
	return "", body
}

// pageTitle returns the extractor's title unless the page's <title> element
// shares none of its words: go-trafilatura sometimes takes a heading of the
// page's furniture ("Please support local business!") for the headline.
func pageTitle(extracted, element string) string {
	extracted, element = html.UnescapeString(extracted), html.UnescapeString(element)
	if extracted == "" || (element != "" && overlap(extracted, element) == 0) {
		return element
	}
	return extracted
}

// overlap returns the share of the words of a that are also words of b.
func overlap(a, b string) float64 {
	norm := func(w string) string { return strings.ToLower(strings.Trim(w, `.,:;!?'"‘’“”()|-`)) }
	in := map[string]bool{}
	for _, w := range strings.Fields(b) {
		in[norm(w)] = true
	}
	aw := strings.Fields(a)
	if len(aw) == 0 {
		return 0
	}
	n := 0
	for _, w := range aw {
		if in[norm(w)] {
			n++
		}
	}
	return float64(n) / float64(len(aw))
}

// restatesTitle reports whether a first paragraph is the headline worded
// differently (the page's H1 beside its meta title): short, not ending as
// a sentence does, and with at least half its words in the title.
func restatesTitle(p, title string) bool {
	n := len(strings.Fields(p))
	if n == 0 || n > 25 || strings.ContainsAny(p[len(p)-1:], ".!?") {
		return false
	}
	return overlap(p, title) >= 0.5
}

// titleSegments splits a page title at the separators that sites put
// between headline, section and site name, longest segment first.
func titleSegments(t string) []string {
	parts := reTitleSep.Split(t, -1)
	if len(parts) < 2 {
		return nil
	}
	best := 0
	for i, p := range parts {
		if len(p) > len(parts[best]) {
			best = i
		}
	}
	return append([]string{parts[best]}, append(parts[:best:best], parts[best+1:]...)...)
}

var reTitleSep = regexp.MustCompile(`\s+(?:\||-|–|—|::|»|·)\s+`)

// firstOf returns the first non-empty string.
func firstOf(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// cleanByline returns a byline that reads as one (names, or a wire), or "".
func cleanByline(s string) string {
	s = collapseSpace(s)
	bare := strings.TrimSpace(reBylineBy.ReplaceAllString(s, ""))
	if bare == "" || len(bare) > 120 || strings.ContainsAny(bare, "0123456789@") || strings.Contains(bare, "http") {
		return ""
	}
	if _, month := monthNames[strings.ToLower(strings.Trim(bare, ". "))]; month {
		return ""
	}
	if !plausibleByline(strings.ReplaceAll(bare, ";", " ")) {
		return ""
	}
	for _, w := range strings.Fields(strings.ToLower(bare)) {
		switch strings.Trim(w, ".,;") {
		case "published", "updated", "posted", "news", "username", "editorial", "admin", "staff writer", "online":
			return ""
		}
	}
	return s
}

// cleanSiteName returns a site name that reads as one: a short name, the
// first part of "SignOnSanDiego.com > News" or "Ledger-Enquirer.com | 01/07/2008".
func cleanSiteName(s string) string {
	s = collapseSpace(s)
	if s == "" {
		return ""
	}
	for _, sep := range []string{" > ", " | ", " - ", " :: ", " » "} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	if words(s) > 6 || len(s) > 60 {
		return ""
	}
	return s
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

// closeTitle mends a page whose <title> element is never closed properly
// ("<title>X</titlevalue=...>"): the parser then reads the whole page as the
// title. It returns the page with "</title>" put at the end of the title's
// first line or before its first "<", and whether it did.
func closeTitle(root *html.Node, data []byte) ([]byte, bool) {
	t := findElement(root, "title")
	if t == nil || t.FirstChild == nil || t.FirstChild.Type != html.TextNode {
		return nil, false
	}
	if s := t.FirstChild.Data; len(s) < 300 && !strings.Contains(s, "<") {
		return nil, false
	}
	lower := bytes.ToLower(data)
	open := bytes.Index(lower, []byte("<title"))
	if open < 0 {
		return nil, false
	}
	gt := bytes.IndexByte(data[open:], '>')
	if gt < 0 {
		return nil, false
	}
	start := open + gt + 1
	end := len(data)
	for _, stop := range []byte{'<', '\n'} {
		if i := bytes.IndexByte(data[start:], stop); i >= 0 && start+i < end {
			end = start + i
		}
	}
	fixed := make([]byte, 0, len(data)+8)
	fixed = append(fixed, data[:end]...)
	fixed = append(fixed, "</title>"...)
	fixed = append(fixed, data[end:]...)
	return fixed, true
}

// findElement returns the first element named tag, depth first.
func findElement(n *html.Node, tag string) *html.Node {
	if n.Type == html.ElementNode && n.Data == tag {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElement(c, tag); f != nil {
			return f
		}
	}
	return nil
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
			writeJoined(&b, n.Data)
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

// writeJoined appends the text of a node to b. go-trafilatura trims the
// space around inline elements, so a space is put back between two nodes'
// texts unless punctuation joins them: "<b>Ilhan Omar</b>said" reads
// "Ilhan Omar said", but "<a>Reuters</a>, said" stays "Reuters, said".
func writeJoined(b *strings.Builder, s string) {
	if b.Len() > 0 && s != "" {
		last, _ := utf8.DecodeLastRuneInString(b.String())
		first, _ := utf8.DecodeRuneInString(s)
		if !unicode.IsSpace(last) && !unicode.IsSpace(first) &&
			!strings.ContainsRune(",.;:!?)]}'\"’”%…-/", first) &&
			!strings.ContainsRune("([{'\"‘“$/-", last) {
			b.WriteByte(' ')
		}
	}
	b.WriteString(s)
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
