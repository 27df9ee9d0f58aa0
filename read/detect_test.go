package read

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"testing"

	"dyad/doc"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name, data string
		want       doc.Kind
	}{
		{"a.html", "plain words", doc.KindHTML},
		{"a.HTM", "", doc.KindHTML},
		{"a.xhtml.gz", "", doc.KindHTML},
		{"a.md", "<html><body>x</body></html>", doc.KindMarkdown},
		{"a.markdown", "plain", doc.KindMarkdown},
		{"", "<!DOCTYPE html><html>", doc.KindHTML},
		{"", "\ufeff  \n<!doctype HTML PUBLIC>", doc.KindHTML},
		{"", "<html lang=en>", doc.KindHTML},
		{"", "<HEAD><TITLE>x</TITLE></HEAD>", doc.KindHTML},
		{"", "<body>", doc.KindHTML},
		{"", "<?xml version=\"1.0\"?>\n<!DOCTYPE html>", doc.KindHTML},
		{"", "<!--[if !IE]> cached <![endif]-->\n<html>", doc.KindHTML},
		{"", "<header>not the head</header> words words words words words words words words words words", doc.KindText},
		{"a.txt", "<div><p>First.</p><p>Second.</p></div>", doc.KindHTML},
		{"", "<script>var a = 1;</script>\n<p>Text</p><p>More text</p>", doc.KindHTML},
		{"", strings.Repeat("A long paragraph of news text. ", 50) + "<br><br>", doc.KindText},
		{"", "# Ministers meet\n\nText.", doc.KindMarkdown},
		{"", "Text.\n\n### Background\n", doc.KindMarkdown},
		{"", "The **foreign minister** said.", doc.KindMarkdown},
		{"", "Read the [statement](https://example.org/s).", doc.KindMarkdown},
		{"", "```\ncode\n```", doc.KindMarkdown},
		{"", "#hashtag trending\nNo heading here.", doc.KindText},
		{"", "Prices rose 2 * 3 ** 4 times.", doc.KindText},
		{"", "He said [sic] (twice).", doc.KindText},
		{"", "5 < 6 and 7 > 2", doc.KindText},
		{"", "", doc.KindText},
		{"article.txt", "VALLEN, March 12 - The ministers met.", doc.KindText},
		{"", "Le ministre a d\xe9clar\xe9.", doc.KindText},
	}
	for _, tt := range tests {
		if got := Detect(tt.name, []byte(tt.data)); got != tt.want {
			t.Errorf("Detect(%q, %.40q) = %q, want %q", tt.name, tt.data, got, tt.want)
		}
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name, head string
		whole      bool
		want       format
	}{
		{"", "", true, formatEmpty},
		{"a.txt", "\x1f\x8b\x08", false, formatGzip},
		{"", "WARC/1.0\r\n", false, formatWARC},
		{"", "WARC/1.1\r\n", false, formatWARC},
		{"a.warc", "anything", true, formatWARC},
		{"a.WARC.GZ", "anything", true, formatWARC},
		{"a.jsonl", "not json", true, formatJSONL},
		{"a.ndjson.gz", "{}", true, formatJSONL},
		{"", `{"text":"x"}`, true, formatJSONL},
		{"", "  \n\ufeff{\"text\":\"x\"}\n{", false, formatPlain}, // BOM only at the start
		{"", "\ufeff{\"text\":\"x\"}\n{", false, formatJSONL},
		{"", `{"text":"x"`, false, formatJSONL},        // first line continues
		{"", `{"text":"x"`, true, formatPlain},         // the whole input: invalid
		{"", "{\n  \"text\": 1\n}", true, formatPlain}, // pretty-printed JSON
		{"", "{Editor's note: the talks}", true, formatPlain},
		{"", `{"a":1} trailing`, true, formatPlain},
		{"", "hello\x00", true, formatBinary},
		{"a.jsonl", "\x00\x00", true, formatBinary},
		{"", "<html>", true, formatPlain},
	}
	for _, tt := range tests {
		if got := sniff(tt.name, []byte(tt.head), tt.whole); got != tt.want {
			t.Errorf("sniff(%q, %q, %v) = %v, want %v", tt.name, tt.head, tt.whole, got, tt.want)
		}
	}
}

func TestLooksBinary(t *testing.T) {
	tests := []struct {
		data string
		want bool
	}{
		{"plain text\r\n\twith tabs\f", false},
		{"caf\xe9 \x93quoted\x94 \x96 dash", false}, // Windows-1252
		{"\xc3\xa9t\xc3\xa9", false},                // UTF-8
		{"\x1b[1mbold\x1b[0m terminal text", false},
		{"a\x00b", true},
		{strings.Repeat("\x01\x02abc", 10), true},
		{strings.Repeat("x", 100) + "\x01", false},
		{strings.Repeat("x", binaryLen) + "\x00", false}, // past the window
	}
	for _, tt := range tests {
		if got := looksBinary([]byte(tt.data)); got != tt.want {
			t.Errorf("looksBinary(%.30q) = %v, want %v", tt.data, got, tt.want)
		}
	}
}

func TestFormatString(t *testing.T) {
	seen := map[string]bool{}
	for f := formatPlain; f <= formatBinary; f++ {
		s := f.String()
		if s == "unknown" || seen[s] {
			t.Errorf("format %d has name %q", f, s)
		}
		seen[s] = true
	}
	if format(99).String() != "unknown" {
		t.Error("format(99) has a name")
	}
}

// TestReadLine checks line splitting at the buffer size and the limit.
func TestReadLine(t *testing.T) {
	line := strings.Repeat("x", 3*bufSize+7)
	in := line + "\r\nshort\n" + line + "\nlast"
	br := newBufReader(strings.NewReader(in))
	var got []string
	for {
		l, over, err := readLine(br, nil, int64(len(line)))
		if over {
			t.Fatalf("line of %d bytes is over the limit of the same size", len(l))
		}
		got = append(got, string(l))
		if err != nil {
			break
		}
	}
	if len(got) != 4 || got[0] != line || got[1] != "short" || got[2] != line || got[3] != "last" {
		t.Errorf("lines: got %d, lengths %v", len(got), lens(got))
	}
	br = newBufReader(strings.NewReader(in))
	l, over, err := readLine(br, nil, int64(len(line)-1))
	if !over || len(l) != 0 || err != nil {
		t.Errorf("over-long line: over=%v len=%d err=%v", over, len(l), err)
	}
	if l, _, _ := readLine(br, nil, 10); string(l) != "short" {
		t.Errorf("after an over-long line: got %q, want %q", l, "short")
	}
}

func newBufReader(r io.Reader) *bufio.Reader { return bufio.NewReaderSize(r, bufSize) }

func lens(ss []string) []int {
	var n []int
	for _, s := range ss {
		n = append(n, len(s))
	}
	return n
}

func TestReadLimited(t *testing.T) {
	for _, n := range []int{0, 1, 511, 512, 513, 4096, 10000} {
		data := bytes.Repeat([]byte("y"), n)
		got, err := readLimited(bytes.NewReader(data), 4096, 0)
		if err != nil {
			t.Fatal(err)
		}
		want := min(n, 4097)
		if len(got) != want {
			t.Errorf("readLimited(%d bytes, 4096) = %d bytes, want %d", n, len(got), want)
		}
	}
}
