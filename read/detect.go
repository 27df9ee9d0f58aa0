package read

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"path/filepath"
	"strings"

	"dyad/doc"
)

// Detection looks at no more than this many bytes of an input.
const (
	sniffLen  = 64 << 10 // bytes examined for HTML and Markdown markers
	binaryLen = 8 << 10  // bytes examined for binary content
)

var utf8BOM = []byte("\xef\xbb\xbf")

// Detect returns the kind of a decompressed article (not a container such
// as JSONL or WARC) given its file name, which may be "". The extensions
// .html, .htm, .xhtml and .shtml mean HTML and .md and .markdown mean
// Markdown; otherwise the content decides: a document that starts with a
// doctype or an html, head or body tag, or that is dense with HTML tags,
// is HTML; one with a Markdown heading ("# "), bold text ("**bold**"),
// a link ("[text](url)") or a code fence is Markdown; anything else is
// text. A trailing ".gz" on the name is ignored.
func Detect(name string, data []byte) doc.Kind {
	switch ext(name) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return doc.KindHTML
	case ".md", ".markdown", ".mdown", ".mkd":
		return doc.KindMarkdown
	}
	sample := sampleOf(data)
	if startsLikeHTML(sample) || tagHeavy(sample) {
		return doc.KindHTML
	}
	if looksMarkdown(sample) {
		return doc.KindMarkdown
	}
	return doc.KindText
}

// detectText returns the kind of a JSONL "text" field: Markdown or text,
// never HTML (HTML comes in the "html" field).
func detectText(data []byte) doc.Kind {
	if looksMarkdown(sampleOf(data)) {
		return doc.KindMarkdown
	}
	return doc.KindText
}

// sampleOf returns the start of data that detection looks at, without a
// UTF-8 byte order mark.
func sampleOf(data []byte) []byte {
	data = bytes.TrimPrefix(data, utf8BOM)
	if len(data) > sniffLen {
		data = data[:sniffLen]
	}
	return data
}

// ext returns the lower-case extension of name, ignoring a trailing ".gz".
func ext(name string) string {
	name = strings.ToLower(name)
	name = strings.TrimSuffix(name, ".gz")
	return filepath.Ext(name)
}

// startsLikeHTML reports whether b begins, after white space, an XML
// declaration and comments, with a doctype or an html, head or body tag.
func startsLikeHTML(b []byte) bool {
	for {
		b = bytes.TrimLeft(b, " \t\r\n\f")
		switch {
		case hasPrefixFold(b, "<?xml"):
			i := bytes.Index(b, []byte("?>"))
			if i < 0 {
				return false
			}
			b = b[i+2:]
		case bytes.HasPrefix(b, []byte("<!--")):
			i := bytes.Index(b[4:], []byte("-->"))
			if i < 0 {
				return false
			}
			b = b[4+i+3:]
		default:
			if hasPrefixFold(b, "<!doctype") {
				return true
			}
			for _, tag := range []string{"<html", "<head", "<body"} {
				if hasPrefixFold(b, tag) && (len(b) == len(tag) || isTagEnd(b[len(tag)])) {
					return true
				}
			}
			return false
		}
	}
}

// isTagEnd reports whether c may follow a tag name.
func isTagEnd(c byte) bool {
	return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'
}

// hasPrefixFold reports whether b starts with the ASCII string prefix,
// ignoring case.
func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}

// htmlTags are the tag names that count towards tagHeavy.
var htmlTags = map[string]bool{
	"a": true, "article": true, "aside": true, "b": true, "blockquote": true,
	"body": true, "br": true, "button": true, "center": true, "code": true,
	"div": true, "em": true, "figcaption": true, "figure": true, "font": true,
	"footer": true, "form": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "head": true, "header": true, "hr": true,
	"html": true, "i": true, "iframe": true, "img": true, "input": true,
	"label": true, "li": true, "link": true, "main": true, "meta": true,
	"nav": true, "noscript": true, "ol": true, "option": true, "p": true,
	"pre": true, "script": true, "section": true, "select": true,
	"small": true, "span": true, "strong": true, "style": true, "sub": true,
	"sup": true, "table": true, "tbody": true, "td": true, "th": true,
	"thead": true, "time": true, "title": true, "tr": true, "u": true,
	"ul": true,
}

// tagHeavy reports whether b is clearly HTML markup: many known HTML tags,
// or a few that make up a good share of the bytes.
func tagHeavy(b []byte) bool {
	n, tagBytes := 0, 0
	for i := 0; i < len(b); i++ {
		if b[i] != '<' {
			continue
		}
		j := i + 1
		if j < len(b) && b[j] == '/' {
			j++
		}
		start := j
		for j < len(b) && j-start < 12 && isAlnum(b[j]) {
			j++
		}
		if j == start || j >= len(b) || !isTagEnd(b[j]) {
			continue
		}
		if !htmlTags[strings.ToLower(string(b[start:j]))] {
			continue
		}
		end := bytes.IndexByte(b[j:min(len(b), j+1024)], '>')
		if end < 0 {
			continue
		}
		if k := bytes.IndexByte(b[j:j+end], '<'); k >= 0 {
			continue
		}
		n++
		tagBytes += j + end + 1 - i
		i = j + end
	}
	return n >= 8 || (n >= 3 && tagBytes*33 >= len(b))
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// looksMarkdown reports whether b has a Markdown heading, bold text, a
// link or a code fence.
func looksMarkdown(b []byte) bool {
	for len(b) > 0 {
		line := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			b = nil
		}
		if isHeading(line) || bytes.HasPrefix(line, []byte("```")) || hasBold(line) || hasLink(line) {
			return true
		}
	}
	return false
}

// isHeading reports whether line is an ATX heading: one to six '#', a
// space, then text.
func isHeading(line []byte) bool {
	i := 0
	for i < len(line) && i < 7 && line[i] == '#' {
		i++
	}
	if i == 0 || i > 6 || i >= len(line) || line[i] != ' ' {
		return false
	}
	return len(bytes.TrimSpace(line[i:])) > 0
}

// hasBold reports whether line has "**text**" with text not starting or
// ending in a space.
func hasBold(line []byte) bool {
	for {
		i := bytes.Index(line, []byte("**"))
		if i < 0 {
			return false
		}
		line = line[i+2:]
		if len(line) == 0 || line[0] == ' ' || line[0] == '*' {
			continue
		}
		j := bytes.Index(line, []byte("**"))
		if j < 0 {
			return false
		}
		if line[j-1] != ' ' {
			return true
		}
		line = line[j:]
	}
}

// hasLink reports whether line has "[text](target)" with a target free of
// spaces. Link text and target are looked for within a bounded distance,
// so that the cost stays linear in the length of the line.
func hasLink(line []byte) bool {
	const maxText, maxTarget = 256, 2048
	for {
		i := bytes.Index(line, []byte("]("))
		if i < 0 {
			return false
		}
		text := line[max(0, i-maxText):i]
		open := bytes.LastIndexByte(text, '[')
		rest := line[i+2:]
		target := rest[:min(len(rest), maxTarget)]
		end := bytes.IndexByte(target, ')')
		if open >= 0 && open+1 < len(text) && bytes.IndexByte(text[open+1:], ']') < 0 &&
			end > 0 && bytes.IndexAny(target[:end], " \t") < 0 {
			return true
		}
		line = rest
	}
}

// format is how an input holds its articles.
type format int

const (
	formatPlain  format = iota // one article: HTML, text or Markdown
	formatJSONL                // one article per line
	formatWARC                 // one article per HTML response record
	formatGzip                 // gzip-compressed; look inside
	formatEmpty                // nothing to read
	formatBinary               // not text
)

// String returns the name of f, for tests and messages.
func (f format) String() string {
	switch f {
	case formatPlain:
		return "plain"
	case formatJSONL:
		return "jsonl"
	case formatWARC:
		return "warc"
	case formatGzip:
		return "gzip"
	case formatEmpty:
		return "empty"
	case formatBinary:
		return "binary"
	}
	return "unknown"
}

// sniff returns the format of an input from its name and its first bytes.
// whole says that head is the entire input, not just its start.
func sniff(name string, head []byte, whole bool) format {
	if len(head) == 0 {
		return formatEmpty
	}
	if isGzip(head) {
		return formatGzip
	}
	if bytes.HasPrefix(head, []byte("WARC/1.")) || isWARCName(name) {
		return formatWARC
	}
	if looksBinary(head) {
		return formatBinary
	}
	if e := ext(name); e == ".jsonl" || e == ".ndjson" || looksJSONL(head, whole) {
		return formatJSONL
	}
	return formatPlain
}

// isWARCName reports whether name is that of a WARC file, possibly
// gzip-compressed.
func isWARCName(name string) bool {
	return ext(name) == ".warc"
}

// isGzip reports whether b starts with the gzip magic bytes.
func isGzip(b []byte) bool {
	return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b
}

// looksJSONL reports whether head starts, after white space, with a line
// that is a JSON object. When the first line runs past the end of head
// (and head is not the whole input), it is enough that the line starts
// like valid JSON.
func looksJSONL(head []byte, whole bool) bool {
	b := bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	if len(b) == 0 || b[0] != '{' {
		return false
	}
	line, complete := b, whole
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		line, complete = b[:i], true
	}
	if complete {
		return json.Valid(line)
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	for {
		_, err := dec.Token()
		if err == nil {
			continue
		}
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) {
			return false
		}
		return err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF)
	}
}

// looksBinary reports whether the start of b is not text: it has a NUL
// byte, or more than one byte in ten is a control character other than
// white space. Bytes from 0x80 up count as text, so that UTF-8,
// Windows-1252 and Latin-1 all pass.
func looksBinary(b []byte) bool {
	if len(b) > binaryLen {
		b = b[:binaryLen]
	}
	ctrl := 0
	for _, c := range b {
		switch {
		case c == 0:
			return true
		case c == '\t', c == '\n', c == '\r', c == '\f', c == '\v', c == 0x1b:
		case c < 0x20, c == 0x7f:
			ctrl++
		}
	}
	return ctrl*10 > len(b)
}

// binaryKinds names common binary formats by their magic bytes, so that
// an error can say what a file is.
var binaryKinds = []struct {
	magic, what string
}{
	{"\xff\xfe", "UTF-16 text; convert it to UTF-8"},
	{"\xfe\xff", "UTF-16 text; convert it to UTF-8"},
	{"%PDF-", "a PDF document"},
	{"PK\x03\x04", "a ZIP archive (or a .docx, .xlsx or .epub file)"},
	{"\x89PNG", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF8", "a GIF image"},
	{"BZh", "bzip2-compressed; decompress it, or recompress it with gzip"},
	{"\xfd7zXZ\x00", "xz-compressed; decompress it, or recompress it with gzip"},
	{"\x28\xb5\x2f\xfd", "zstd-compressed; decompress it, or recompress it with gzip"},
	{"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"},
	{"\x7fELF", "a program"},
}

// describeBinary says what kind of binary content head is, or "".
func describeBinary(head []byte) string {
	for _, k := range binaryKinds {
		if bytes.HasPrefix(head, []byte(k.magic)) {
			return k.what
		}
	}
	return ""
}
