package read

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/zstd"

	"dyad/doc"
)

// warcRecord returns one WARC record. http, when not "", is the WARC
// Content-Type of an HTTP message block.
func warcRecord(typ, id, uri, date, contentType string, block []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\nWARC-Date: %s\r\n", typ, id, date)
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	if contentType != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", contentType)
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(block))
	b.Write(block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

// httpResponse returns an HTTP response message with the given status
// line, header lines and body.
func httpResponse(status string, header []string, body []byte) []byte {
	var b bytes.Buffer
	b.WriteString(status + "\r\n")
	for _, h := range header {
		b.WriteString(h + "\r\n")
	}
	b.WriteString("\r\n")
	b.Write(body)
	return b.Bytes()
}

const httpType = "application/http; msgtype=response"

var page = []byte(`<!DOCTYPE html><html><head><title>Ministers meet</title></head><body><p>The foreign ministers of Norland and Kestria met on Tuesday.</p></body></html>`)

// testWARC returns the records of a small crawl: two HTML pages among
// records that are not articles.
func testWARC(t *testing.T) [][]byte {
	chunked := []byte(fmt.Sprintf("%x\r\n%s\r\n0\r\n\r\n", len(page), page))
	return [][]byte{
		warcRecord("warcinfo", "0001", "", "2024-03-12T10:00:00Z", "application/warc-fields", []byte("software: hand\r\n")),
		warcRecord("request", "0002", "https://news.example.org/a", "2024-03-12T10:00:01Z", "application/http; msgtype=request",
			[]byte("GET /a HTTP/1.1\r\nHost: news.example.org\r\n\r\n")),
		warcRecord("response", "0003", "https://news.example.org/a", "2024-03-12T10:00:02Z", httpType,
			httpResponse("HTTP/1.1 200 OK", []string{"Content-Type: text/html; charset=utf-8", "Content-Encoding: gzip"}, gz(t, page))),
		warcRecord("metadata", "0004", "https://news.example.org/a", "2024-03-12T10:00:02Z", "application/warc-fields", []byte("outlinks: x\r\n")),
		warcRecord("response", "0005", "https://news.example.org/logo.png", "2024-03-12T10:00:03Z", httpType,
			httpResponse("HTTP/1.1 200 OK", []string{"Content-Type: image/png"}, []byte("\x89PNG\r\n\x1a\n\x00\x00"))),
		warcRecord("response", "0006", "https://news.example.org/gone", "2024-03-12T10:00:04Z", httpType,
			httpResponse("HTTP/1.1 404 Not Found", []string{"Content-Type: text/html"}, []byte("<html><body>Not found</body></html>"))),
		warcRecord("response", "0007", "dns:news.example.org", "2024-03-12T10:00:05Z", "text/dns", []byte("news.example.org. 300 IN A 192.0.2.1\n")),
		warcRecord("response", "0008", "https://news.example.org/b", "2024-03-13T23:59:59.5Z", httpType,
			httpResponse("HTTP/2 200", []string{"content-type: text/html", "transfer-encoding: chunked"}, chunked)),
		warcRecord("response", "0009", "https://news.example.org/c.js", "2024-03-13T23:59:59Z", httpType,
			httpResponse("HTTP/1.1 200 OK", []string{"Content-Type: application/javascript"}, []byte("var x = 1;"))),
		warcRecord("response", "0010", "https://news.example.org/d", "2024-03-14T08:00:00Z", httpType,
			httpResponse("HTTP/1.0 200 OK", nil, []byte("just some text, not a page"))),
		warcRecord("response", "0011", "https://news.example.org/e", "2024-03-14T08:00:00Z", httpType,
			httpResponse("HTTP/1.1 200 OK", []string{"Content-Encoding: gzip", "Content-Length: 99"}, page)),
	}
}

func warcWants(path string) []want {
	return []want{
		{path: path + "#urn:uuid:0003", kind: doc.KindHTML, hint: doc.Source{URL: "https://news.example.org/a"}, fetch: "2024-03-12", data: "Norland and Kestria"},
		{path: path + "#urn:uuid:0008", kind: doc.KindHTML, hint: doc.Source{URL: "https://news.example.org/b"}, fetch: "2024-03-13", data: "Norland and Kestria"},
		{path: path + "#urn:uuid:0011", kind: doc.KindHTML, hint: doc.Source{URL: "https://news.example.org/e"}, fetch: "2024-03-14", data: "Norland and Kestria"},
	}
}

func TestWARC(t *testing.T) {
	dir := t.TempDir()
	recs := testWARC(t)
	var plain, members bytes.Buffer
	for _, r := range recs {
		plain.Write(r)
		members.Write(gz(t, r)) // one gzip member per record, as crawlers write
	}
	whole := gz(t, plain.Bytes()) // the whole file in one gzip member
	p1 := write(t, dir, "crawl.warc", plain.Bytes())
	p2 := write(t, dir, "crawl.warc.gz", members.Bytes())
	p3 := write(t, dir, "whole.warc.gz", whole)
	p4 := write(t, dir, "unnamed", members.Bytes())
	for _, p := range []string{p1, p2, p3, p4} {
		t.Run(p[len(dir)+1:], func(t *testing.T) {
			check(t, collect(t, New(Options{}), p), warcWants(p))
		})
	}
	t.Run("stdin", func(t *testing.T) {
		check(t, collect(t, New(Options{Stdin: bytes.NewReader(members.Bytes())}), "-"), warcWants("-"))
	})
}

func TestWARCErrors(t *testing.T) {
	dir := t.TempDir()
	recs := testWARC(t)
	var members bytes.Buffer
	for _, r := range recs[:4] {
		members.Write(gz(t, r))
	}
	good := members.Bytes()
	goodTxt := write(t, dir, "good.txt", []byte("The ministers met again.\n"))
	next := want{path: goodTxt, kind: doc.KindText}
	pageA := func(path string) want {
		return want{path: path + "#urn:uuid:0003", kind: doc.KindHTML, hint: doc.Source{URL: "https://news.example.org/a"}, fetch: "2024-03-12"}
	}

	// Truncated in the last member: the first page stays emitted.
	cut := write(t, dir, "cut.warc.gz", good[:len(good)-10])
	check(t, collect(t, New(Options{}), cut, goodTxt), []want{
		pageA(cut),
		{path: cut, err: "gzip data is truncated or corrupt after 4 WARC records"},
		next,
	})

	// Garbage after a good record.
	junk := write(t, dir, "junk.warc", append(append([]byte{}, recs[2]...), "this is not a record\r\nreally\r\n\r\n"...))
	check(t, collect(t, New(Options{}), junk, goodTxt), []want{
		pageA(junk),
		{path: junk, err: "invalid WARC after 1 records"},
		next,
	})

	// A record whose Content-Length runs past the end.
	short := write(t, dir, "short.warc", []byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\nHTTP/1.1 200 OK\r\n"))
	check(t, collect(t, New(Options{}), short, goodTxt), []want{
		{path: short, err: "invalid WARC after 0 records"},
		next,
	})

	// A page over the size limit.
	big := bytes.Repeat([]byte("<p>The ministers met.</p>\n"), 100)
	rec := warcRecord("response", "0100", "https://news.example.org/big", "2024-03-12T10:00:00Z", httpType,
		httpResponse("HTTP/1.1 200 OK", []string{"Content-Type: text/html"}, big))
	over := write(t, dir, "big.warc", append(rec, recs[2]...))
	check(t, collect(t, New(Options{MaxSize: 1000}), over), []want{
		{path: over + "#urn:uuid:0100", err: "over the 1000-byte limit (raise --max-size)"},
		pageA(over),
	})

	// A response record whose HTTP message is broken.
	bad := write(t, dir, "bad.warc", warcRecord("response", "0200", "https://x", "2024-03-12T10:00:00Z", httpType, []byte("<html>no status line</html>")))
	check(t, collect(t, New(Options{}), bad), []want{
		{path: bad + "#urn:uuid:0200", err: "malformed HTTP status line"},
	})
}

func TestWARCDate(t *testing.T) {
	for in, want := range map[string]string{
		"2024-03-12T10:00:00Z":        "2024-03-12",
		"2024-03-12T23:30:00.123456Z": "2024-03-12",
		"2024-03-12":                  "2024-03-12",
		"":                            "",
		"garbage":                     "",
	} {
		if got := warcDate(in); got != want {
			t.Errorf("warcDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStatusCode(t *testing.T) {
	for in, want := range map[string]int{
		"HTTP/1.1 200 OK": 200, "HTTP/2 200": 200, "HTTP/1.0 404 Not Found": 404,
		"HTTP/1.1 20": 0, "200 OK": 0, "HTTP/1.1 abc": 0, "HTTP/1.1 2000": 0,
	} {
		got, _ := statusCode(in)
		if got != want {
			t.Errorf("statusCode(%q) = %d, want %d", in, got, want)
		}
	}
	if !strings.Contains(truncate(strings.Repeat("x", 100), 10), "...") {
		t.Error("truncate does not mark a cut")
	}
}

// TestWARCConcurrent reads WARC files from several goroutines at once; run
// it with -race.
func TestWARCConcurrent(t *testing.T) {
	var plain bytes.Buffer
	for range 20 {
		for _, r := range testWARC(t) {
			plain.Write(r)
		}
	}
	data := plain.Bytes()
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			r := New(Options{Stdin: bytes.NewReader(data)})
			n := 0
			for in := range r.All(t.Context(), []string{"-"}) {
				if in.Err != nil || !bytes.Equal(in.Data, page) || !strings.HasPrefix(in.Hint.URL, "https://news.example.org/") {
					t.Errorf("%s: %v", in.Path, in.Err)
				}
				n++
			}
			if n != 60 {
				t.Errorf("got %d inputs, want 60", n)
			}
		})
	}
	wg.Wait()
}

func TestDecodeBody(t *testing.T) {
	enc := func(w io.WriteCloser, b *bytes.Buffer) []byte {
		if _, err := w.Write(page); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	var zb, fb, bb bytes.Buffer
	zlibbed := enc(zlib.NewWriter(&zb), &zb)
	fw, _ := flate.NewWriter(&fb, flate.DefaultCompression)
	flated := enc(fw, &fb)
	brotlied := enc(brotli.NewWriter(&bb), &bb)
	ze, _ := zstd.NewWriter(nil)
	zstded := ze.EncodeAll(page, nil)
	ze.Close()
	tests := []struct {
		name, enc string
		raw       []byte
		limit     int64
		err       string
	}{
		{"identity", "", page, 1000, ""},
		{"gzip", "gzip", gz(t, page), 1000, ""},
		{"x-gzip", "X-GZIP", gz(t, page), 1000, ""},
		{"zlib", "deflate", zlibbed, 1000, ""},
		{"raw deflate", "deflate", flated, 1000, ""},
		{"brotli", "br", brotlied, 1000, ""},
		{"zstd", "zstd", zstded, 1000, ""},
		{"stored decoded", "gzip", page, 1000, ""},
		{"unknown but HTML", "compress", page, 1000, ""},
		{"unknown", "compress", []byte("\x1f\x9d\x90abc"), 1000, `unsupported HTTP Content-Encoding "compress"`},
		{"corrupt", "gzip", []byte("\x1f\x8b\x08\x00garbage"), 1000, "decoding the gzip-encoded HTTP body"},
		{"over limit", "gzip", gz(t, page), 50, "decoded HTTP body is over the 50-byte limit"},
	}
	for _, tt := range tests {
		got, err := decodeBody(tt.raw, tt.enc, tt.limit)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: err = %v, want %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil || !bytes.Equal(got, page) {
			t.Errorf("%s: got %q, %v", tt.name, got, err)
		}
	}
}
