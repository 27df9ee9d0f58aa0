package read

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"dyad/doc"
)

// FuzzDetect checks that Detect and sniff never panic, give a known
// answer, and give the same answer twice.
func FuzzDetect(f *testing.F) {
	f.Add("a.html", []byte("<p>x</p>"))
	f.Add("", []byte("<!DOCTYPE html><html><body><p>The ministers met.</p></body></html>"))
	f.Add("", []byte("# Heading\n\n**bold** and [a link](https://example.org)"))
	f.Add("a.txt", []byte("The ministers met on Tuesday."))
	f.Add("", []byte(`{"id":"1","text":"x"}`+"\n"))
	f.Add("", []byte("WARC/1.0\r\nWARC-Type: response\r\n"))
	f.Add("x.gz", []byte("\x1f\x8b\x08\x00"))
	f.Add("", []byte("<?xml version=\"1.0\"?><!-- c --><!--"))
	f.Add("", []byte("[a](b) ** ** **x** <a <b> </p> <br/"))
	f.Add("", []byte("\xef\xbb\xbf{\"a\":"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		k := Detect(name, data)
		switch k {
		case doc.KindHTML, doc.KindText, doc.KindMarkdown:
		default:
			t.Fatalf("Detect = %q", k)
		}
		if k2 := Detect(name, data); k2 != k {
			t.Fatalf("Detect not stable: %q then %q", k, k2)
		}
		if k := detectText(data); k == doc.KindHTML {
			t.Fatal("detectText gave HTML")
		}
		for _, whole := range []bool{false, true} {
			f := sniff(name, data, whole)
			if f < formatPlain || f > formatBinary {
				t.Fatalf("sniff = %d", f)
			}
			if (len(data) == 0) != (f == formatEmpty) {
				t.Fatalf("sniff(%d bytes) = %v", len(data), f)
			}
		}
		looksBinary(data)
		describeBinary(data)
	})
}

// FuzzAll feeds arbitrary bytes to All as standard input, under several
// names, and checks that it never panics and that every Input is either
// an error or non-empty data of a known kind.
func FuzzAll(f *testing.F) {
	f.Add([]byte("The ministers met on Tuesday."))
	f.Add([]byte("<html><body><p>x</p></body></html>"))
	f.Add([]byte(`{"id":"1","text":"x","date":"2024-01-02"}` + "\n" + `{"html":"<p>y</p>"}` + "\nbroken\n"))
	f.Add(gz(f, []byte(`{"id":"1","text":"x"}`+"\n")))
	f.Add(gz(f, []byte("plain text")))
	f.Add(warcRecord("response", "1", "https://x", "2024-01-02T00:00:00Z", httpType,
		httpResponse("HTTP/1.1 200 OK", []string{"Content-Type: text/html"}, page)))
	f.Add(gz(f, warcRecord("response", "1", "https://x", "2024-01-02T00:00:00Z", httpType,
		httpResponse("HTTP/1.1 200 OK", []string{"Content-Encoding: gzip"}, gz(f, page)))))
	f.Add(warcRecord("response", "2", "https://x", "2024-01-02T00:00:00Z", httpType,
		httpResponse("HTTP/1.1 200 OK", []string{"Transfer-Encoding: chunked", "Content-Encoding: br"}, []byte("5\r\nhello\r\n0\r\n\r\n"))))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 99999999999\r\n\r\n"))
	f.Add([]byte{0x1f, 0x8b})
	f.Fuzz(func(t *testing.T, data []byte) {
		const limit = 1 << 16
		r := New(Options{MaxSize: limit, Stdin: bytes.NewReader(data)})
		n := 0
		for in := range r.All(context.Background(), []string{"-"}) {
			n++
			checkFuzzInput(t, in)
		}
		// Only a WARC, possibly compressed, may hold no article at all.
		if n == 0 && !bytes.HasPrefix(data, []byte("WARC/1.")) && !isGzip(data) {
			t.Fatalf("no inputs from %q", data)
		}
		// The same bytes under names that force a format.
		for _, name := range []string{"x.jsonl", "x.warc", "x.html.gz"} {
			s := &stream{r: r, ctx: context.Background(), yield: func(in doc.Input) bool {
				checkFuzzInput(t, in)
				return true
			}}
			s.open("fuzz/"+name, name, bytes.NewReader(data), int64(len(data)))
		}
	})
}

func checkFuzzInput(t *testing.T, in doc.Input) {
	t.Helper()
	if in.Path == "" {
		t.Fatal("Input without a Path")
	}
	if in.Err != nil {
		if len(in.Data) != 0 {
			t.Fatalf("%s: error Input with data", in.Path)
		}
		if !strings.HasPrefix(in.Err.Error(), "read ") {
			t.Fatalf("%s: error %q does not start with \"read \"", in.Path, in.Err)
		}
		return
	}
	if len(in.Data) == 0 || len(in.Data) > 1<<16 {
		t.Fatalf("%s: %d bytes of data", in.Path, len(in.Data))
	}
	switch in.Kind {
	case doc.KindHTML, doc.KindText, doc.KindMarkdown:
	default:
		t.Fatalf("%s: Kind %q", in.Path, in.Kind)
	}
}
