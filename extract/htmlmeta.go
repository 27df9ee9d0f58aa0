package extract

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
)

// pageMeta is metadata that a page states in its markup: meta tags and
// JSON-LD. It is more reliable than dates guessed from the page's text.
type pageMeta struct {
	published string // YYYY-MM-DD
	author    string
	publisher string
	headline  string
	ogTitle   string // og:title or twitter:title
	docTitle  string // the <title> element
}

// publishedKeys are meta tag names and properties that carry the
// publication date, most trusted first.
var publishedKeys = []string{
	"article:published_time", "og:article:published_time", "datepublished",
	"pubdate", "publishdate", "publish-date", "publish_date", "dc.date.issued",
	"dcterms.issued", "dc.date", "dcterms.created", "sailthru.date",
	"parsely-pub-date", "article.published", "originalpublicationdate",
	"original-publish-date", "date", "displaydate", "dat",
}

// readPageMeta collects meta tags and JSON-LD from a parsed page.
func readPageMeta(root *html.Node) pageMeta {
	var m pageMeta
	metas := map[string]string{}
	var ld []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "meta":
				var key, content string
				for _, a := range n.Attr {
					switch strings.ToLower(a.Key) {
					case "name", "property", "itemprop", "http-equiv":
						key = strings.ToLower(strings.TrimSpace(a.Val))
					case "content":
						content = strings.TrimSpace(a.Val)
					}
				}
				if key != "" && content != "" {
					if _, seen := metas[key]; !seen {
						metas[key] = content
					}
				}
			case "script":
				for _, a := range n.Attr {
					if a.Key == "type" && strings.Contains(strings.ToLower(a.Val), "ld+json") && n.FirstChild != nil {
						ld = append(ld, n.FirstChild.Data)
					}
				}
				return
			case "title":
				if m.docTitle == "" && n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
					m.docTitle = collapseSpace(n.FirstChild.Data)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)

	for _, src := range ld {
		readJSONLD(src, &m)
	}
	if m.published == "" {
		for _, k := range publishedKeys {
			if d := normalizeDate(metas[k]); d != "" {
				m.published = d
				break
			}
		}
	}
	if m.author == "" {
		m.author = metas["author"]
		if strings.HasPrefix(m.author, "http") {
			m.author = ""
		}
	}
	if m.publisher == "" {
		m.publisher = metas["og:site_name"]
	}
	m.ogTitle = firstOf(metas["og:title"], metas["twitter:title"])
	return m
}

// readJSONLD reads schema.org article data from one JSON-LD script.
func readJSONLD(src string, m *pageMeta) {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(src)), &v); err != nil {
		return
	}
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 6 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				visit(g, depth+1)
			}
			if !isArticleType(x["@type"]) {
				return
			}
			if m.published == "" {
				if s, ok := x["datePublished"].(string); ok {
					m.published = normalizeDate(s)
				}
			}
			if m.headline == "" {
				m.headline, _ = x["headline"].(string)
			}
			if m.author == "" {
				m.author = names(x["author"])
			}
			if m.publisher == "" {
				m.publisher = names(x["publisher"])
			}
		}
	}
	visit(v, 0)
}

// isArticleType reports whether a JSON-LD @type is a kind of article.
func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return strings.Contains(x, "Article") || x == "BlogPosting" || x == "Report" || x == "WebPage"
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// names joins the names of a JSON-LD person or organisation value.
func names(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		s, _ := x["name"].(string)
		return s
	case []any:
		var out []string
		for _, e := range x {
			if s := names(e); s != "" {
				out = append(out, s)
			}
		}
		return strings.Join(out, "; ")
	}
	return ""
}
