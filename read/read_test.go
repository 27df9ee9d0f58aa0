package read

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dyad/doc"
)

// collect drains r.All(args).
func collect(t *testing.T, r *Reader, args ...string) []doc.Input {
	t.Helper()
	var ins []doc.Input
	for in := range r.All(context.Background(), args) {
		ins = append(ins, in)
	}
	return ins
}

// want describes an expected Input; empty fields are not checked, except
// that err == "" means Err must be nil.
type want struct {
	path  string
	kind  doc.Kind
	id    string
	hint  doc.Source
	data  string // a substring of Data
	fetch string
	err   string // a substring of Err's message
}

// check compares got with wants, one by one.
func check(t *testing.T, got []doc.Input, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		for i, in := range got {
			t.Logf("got[%d]: path=%q kind=%q err=%v", i, in.Path, in.Kind, in.Err)
		}
		t.Fatalf("got %d inputs, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		in := got[i]
		if w.path != "" && in.Path != w.path {
			t.Errorf("[%d] Path = %q, want %q", i, in.Path, w.path)
		}
		if w.err != "" {
			if in.Err == nil {
				t.Errorf("[%d] %s: Err = nil, want %q", i, in.Path, w.err)
				continue
			}
			if !strings.Contains(in.Err.Error(), w.err) {
				t.Errorf("[%d] %s: Err = %q, want it to contain %q", i, in.Path, in.Err, w.err)
			}
			if !strings.HasPrefix(in.Err.Error(), "read "+in.Path+": ") {
				t.Errorf("[%d] Err = %q, want it to start with %q", i, in.Err, "read "+in.Path+": ")
			}
			if len(in.Data) != 0 {
				t.Errorf("[%d] %s: error Input has %d bytes of Data", i, in.Path, len(in.Data))
			}
			continue
		}
		if in.Err != nil {
			t.Errorf("[%d] %s: unexpected Err %v", i, in.Path, in.Err)
			continue
		}
		if w.kind != "" && in.Kind != w.kind {
			t.Errorf("[%d] %s: Kind = %q, want %q", i, in.Path, in.Kind, w.kind)
		}
		if in.ID != w.id {
			t.Errorf("[%d] %s: ID = %q, want %q", i, in.Path, in.ID, w.id)
		}
		if in.Hint != w.hint {
			t.Errorf("[%d] %s: Hint = %+v, want %+v", i, in.Path, in.Hint, w.hint)
		}
		if in.Fetched != w.fetch {
			t.Errorf("[%d] %s: Fetched = %q, want %q", i, in.Path, in.Fetched, w.fetch)
		}
		if !bytes.Contains(in.Data, []byte(w.data)) {
			t.Errorf("[%d] %s: Data = %.80q..., want it to contain %q", i, in.Path, in.Data, w.data)
		}
		if len(in.Data) == 0 {
			t.Errorf("[%d] %s: empty Data", i, in.Path)
		}
	}
}

// write creates the file dir/name with data, making directories.
func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// gz returns data gzip-compressed.
func gz(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestFixtures(t *testing.T) {
	jsonlWants := []want{
		{path: "testdata/articles.jsonl:1", kind: doc.KindHTML, id: "nk-1",
			hint: doc.Source{URL: "https://news.example.org/nk-1", Title: "Ministers meet in Vallen", Outlet: "Example News", Published: "2024-03-12"},
			data: "<p>The foreign ministers of Norland and Kestria met"},
		{path: "testdata/articles.jsonl:2", kind: doc.KindText, id: "2",
			hint: doc.Source{URL: "https://news.example.org/nk-2", Title: "Kestria welcomes border talks", Outlet: "Example News", Published: "2024-03-13"},
			data: "Mira Vos, welcomed the talks"},
		{path: "testdata/articles.jsonl:3", err: "invalid JSON"},
	}
	tests := []struct {
		name  string
		args  []string
		wants []want
	}{
		{"html", []string{"testdata/article.html"}, []want{
			{path: "testdata/article.html", kind: doc.KindHTML, data: "<title>Foreign ministers"}}},
		{"text", []string{"testdata/article.txt"}, []want{
			{path: "testdata/article.txt", kind: doc.KindText, data: "VALLEN, March 12 (Wire)"}}},
		{"markdown", []string{"testdata/article.md"}, []want{
			{path: "testdata/article.md", kind: doc.KindMarkdown, data: "# Foreign ministers"}}},
		{"jsonl", []string{"testdata/articles.jsonl"}, jsonlWants},
		{"glob", []string{"testdata/article.*"}, []want{
			{path: "testdata/article.html", kind: doc.KindHTML},
			{path: "testdata/article.md", kind: doc.KindMarkdown},
			{path: "testdata/article.txt", kind: doc.KindText},
		}},
		{"args in order", []string{"testdata/article.txt", "testdata/article.html"}, []want{
			{path: "testdata/article.txt", kind: doc.KindText},
			{path: "testdata/article.html", kind: doc.KindHTML},
		}},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, collect(t, r, tt.args...), tt.wants)
		})
	}
}

func TestDirectory(t *testing.T) {
	dir := t.TempDir()
	text := []byte("The minister met her counterpart on Monday.\n")
	for _, name := range []string{
		"b.txt", "a/z.txt", "a/b/c.txt", "a/b/a.txt", "c.md", "a.html",
		".hidden.txt", ".git/config", "a/.cache/x.txt", "B.txt",
	} {
		write(t, dir, name, text)
	}
	if err := os.Symlink(filepath.Join(dir, "b.txt"), filepath.Join(dir, "d-link.txt")); err != nil {
		t.Log("no symlinks:", err)
	}
	if err := os.Symlink(filepath.Join(dir, "a"), filepath.Join(dir, "e-dirlink")); err != nil {
		t.Log("no symlinks:", err)
	}
	if err := os.Symlink(filepath.Join(dir, "gone"), filepath.Join(dir, "f-dangling.txt")); err != nil {
		t.Log("no symlinks:", err)
	}
	var got []string
	for _, in := range collect(t, New(Options{}), dir) {
		if in.Err != nil && !strings.HasSuffix(in.Path, "f-dangling.txt") {
			t.Errorf("%s: %v", in.Path, in.Err)
		}
		rel, _ := filepath.Rel(dir, in.Path)
		got = append(got, filepath.ToSlash(rel))
	}
	want := []string{"B.txt", "a/b/a.txt", "a/b/c.txt", "a/z.txt", "a.html", "b.txt", "c.md", "d-link.txt", "f-dangling.txt"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("order:\n got %q\nwant %q", got, want)
	}
}

func TestEmptyDirectory(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, ".only-hidden", []byte("x"))
	check(t, collect(t, New(Options{}), dir), []want{{path: dir, err: "no input files"}})
}

func TestGlob(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.txt", "a.txt", ".c.txt", "sub/d.txt", "e.md"} {
		write(t, dir, name, []byte("Talks resumed in Geneva on Friday.\n"))
	}
	r := New(Options{})
	check(t, collect(t, r, filepath.Join(dir, "*.txt")), []want{
		{path: filepath.Join(dir, "a.txt")},
		{path: filepath.Join(dir, "b.txt")},
	})
	check(t, collect(t, r, filepath.Join(dir, ".*.txt")), []want{
		{path: filepath.Join(dir, ".c.txt")},
	})
	// A directory that matches is read recursively.
	check(t, collect(t, r, filepath.Join(dir, "s*")), []want{
		{path: filepath.Join(dir, "sub", "d.txt")},
	})
	nomatch := filepath.Join(dir, "*.xyz")
	check(t, collect(t, r, nomatch), []want{{path: nomatch, err: "no files match"}})
	check(t, collect(t, r, "[z-"), []want{{path: "[z-", err: "bad glob pattern"}})
}

// TestErrors checks that each kind of bad input gives an error Input
// naming it, and that the stream goes on with the next input.
func TestErrors(t *testing.T) {
	dir := t.TempDir()
	good := write(t, dir, "good.txt", []byte("The envoy arrived in Cairo on Sunday.\n"))
	truncated := gz(t, bytes.Repeat([]byte("The talks went on into the night. "), 200))
	truncated = truncated[:len(truncated)/2]
	pdf := append([]byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), bytes.Repeat([]byte{0, 1, 2, 3, 0x9c}, 100)...)
	tests := []struct {
		name    string
		file    string
		data    []byte
		maxSize int64
		err     string
	}{
		{"missing", "", nil, 0, "file does not exist (check the path)"},
		{"empty", "empty.txt", []byte{}, 0, "empty input"},
		{"blank", "blank.txt", []byte(" \n\t\r\n  "), 0, "empty input"},
		{"binary", "image.bin", []byte("\x00\x01\x02\x03binary\x00\x00\xff"), 0, "input is binary (not text)"},
		{"control bytes", "ctrl.txt", bytes.Repeat([]byte("ab\x01\x02\x03"), 100), 0, "input is binary"},
		{"pdf", "paper.pdf", pdf, 0, "a PDF document"},
		{"utf16", "utf16.txt", []byte("\xff\xfeT\x00h\x00e\x00"), 0, "UTF-16"},
		{"truncated gzip", "cut.txt.gz", truncated, 0, "gzip data is truncated or corrupt"},
		{"not gzip", "bad.gz", []byte("\x1f\x8bnot really gzip"), 0, "gzip data is truncated or corrupt"},
		{"double gzip", "twice.txt.gz", gz(t, gz(t, []byte("text"))), 0, "gzip-compressed twice"},
		{"empty gzip", "empty.txt.gz", gz(t, nil), 0, "empty input"},
		{"oversize", "big.html", bytes.Repeat([]byte("<p>x</p>\n"), 200), 1000, "input is 1800 bytes, over the 1000-byte limit (raise --max-size)"},
		{"oversize gzip", "big.html.gz", gz(t, bytes.Repeat([]byte("<p>x</p>\n"), 200)), 1000, "decompressed input is over the 1000-byte limit"},
		{"not warc", "x.warc", []byte("hello\r\n"), 0, "invalid WARC"},
		{"empty warc", "x.warc", []byte("WARC/"), 0, "no records found"},
		{"zstd warc", "x.warc", []byte("\x28\xb5\x2f\xfd\x00\x58\x01\x00"), 0, "invalid WARC: zstd-compressed"},
		{"warc.zst", "x.warc.zst", []byte("\x28\xb5\x2f\xfd\x00\x58\x01\x00"), 0, "input is binary (zstd-compressed"},
		{"bzip2", "x.txt.bz2", []byte("BZh91AY&SY\x00\x01\x02"), 0, "bzip2-compressed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "missing.txt")
			if tt.file != "" {
				path = write(t, dir, tt.file, tt.data)
			}
			r := New(Options{MaxSize: tt.maxSize})
			check(t, collect(t, r, path, good), []want{
				{path: path, err: tt.err},
				{path: good, kind: doc.KindText, data: "Cairo"},
			})
		})
	}
}

func TestMissingIsNotExist(t *testing.T) {
	ins := collect(t, New(Options{}), "no/such/file.txt")
	if len(ins) != 1 || !errors.Is(ins[0].Err, fs.ErrNotExist) {
		t.Fatalf("got %+v, want one Input with fs.ErrNotExist", ins)
	}
}

func TestLatin1IsText(t *testing.T) {
	dir := t.TempDir()
	// "Le ministre a déclaré « non »" in Windows-1252, with curly quotes.
	p := write(t, dir, "latin1.txt", []byte("Le ministre a d\xe9clar\xe9 \xab non \xbb \x93today\x94 \x96 \x85\r\n"))
	check(t, collect(t, New(Options{}), p), []want{{path: p, kind: doc.KindText, data: "d\xe9clar\xe9"}})
}

// TestHugeFile checks that a file over the limit is refused from its size,
// without reading it.
func TestHugeFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "big.html")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(bytes.Repeat([]byte("<p>The summit ended.</p>\n"), 4000)); err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	check(t, collect(t, New(Options{}), p), []want{
		{path: p, err: "input is 104857600 bytes, over the 33554432-byte limit (raise --max-size)"},
	})
}

// endless is a reader that never ends.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "Talks went on. "[int(e.n)%15]
		e.n++
	}
	return len(p), nil
}

// TestEndlessStdin checks that an input of unknown size is read only up
// to the limit.
func TestEndlessStdin(t *testing.T) {
	src := &endless{}
	r := New(Options{MaxSize: 1 << 20, Stdin: src})
	check(t, collect(t, r, "-"), []want{{path: "-", err: "input is over the 1048576-byte limit"}})
	if src.n > 2<<20 {
		t.Errorf("read %d bytes of an endless input, want about 1 MiB", src.n)
	}
}

func TestStdin(t *testing.T) {
	html := fixture(t, "article.html")
	jsonl := fixture(t, "articles.jsonl")
	tests := []struct {
		name  string
		stdin io.Reader
		wants []want
	}{
		{"none", nil, []want{{path: "-", err: "no standard input available"}}},
		{"html", bytes.NewReader(html), []want{{path: "-", kind: doc.KindHTML, data: "Vallen"}}},
		{"text", strings.NewReader("The envoy said talks would resume.\n"), []want{{path: "-", kind: doc.KindText, data: "envoy"}}},
		{"markdown", strings.NewReader("## Talks\n\nThe envoy said talks would resume.\n"), []want{{path: "-", kind: doc.KindMarkdown}}},
		{"gzip html", bytes.NewReader(gz(t, html)), []want{{path: "-", kind: doc.KindHTML, data: "Vallen"}}},
		{"jsonl", bytes.NewReader(jsonl), []want{
			{path: "-:1", kind: doc.KindHTML, id: "nk-1", hint: doc.Source{URL: "https://news.example.org/nk-1", Title: "Ministers meet in Vallen", Outlet: "Example News", Published: "2024-03-12"}},
			{path: "-:2", kind: doc.KindText, id: "2", hint: doc.Source{URL: "https://news.example.org/nk-2", Title: "Kestria welcomes border talks", Outlet: "Example News", Published: "2024-03-13"}},
			{path: "-:3", err: "invalid JSON"},
		}},
		{"gzip jsonl", bytes.NewReader(gz(t, jsonl)), []want{
			{path: "-:1", kind: doc.KindHTML, id: "nk-1", hint: doc.Source{URL: "https://news.example.org/nk-1", Title: "Ministers meet in Vallen", Outlet: "Example News", Published: "2024-03-12"}},
			{path: "-:2", kind: doc.KindText, id: "2", hint: doc.Source{URL: "https://news.example.org/nk-2", Title: "Kestria welcomes border talks", Outlet: "Example News", Published: "2024-03-13"}},
			{path: "-:3", err: "invalid JSON"},
		}},
		{"empty", strings.NewReader(""), []want{{path: "-", err: "empty input"}}},
		{"binary", bytes.NewReader([]byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0}), []want{{path: "-", err: "a program"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(Options{Stdin: tt.stdin})
			check(t, collect(t, r, "-"), tt.wants)
		})
	}
}

func TestGzipFiles(t *testing.T) {
	dir := t.TempDir()
	txt := write(t, dir, "article.txt.gz", gz(t, fixture(t, "article.txt")))
	md := write(t, dir, "article.md.gz", gz(t, fixture(t, "article.md")))
	html := write(t, dir, "page.gz", gz(t, fixture(t, "article.html")))
	jsonl := write(t, dir, "articles.jsonl.gz", gz(t, fixture(t, "articles.jsonl")))
	check(t, collect(t, New(Options{}), txt, md, html, jsonl), []want{
		{path: txt, kind: doc.KindText, data: "VALLEN, March 12 (Wire)"},
		{path: md, kind: doc.KindMarkdown, data: "**VALLEN"},
		{path: html, kind: doc.KindHTML, data: "<title>"},
		{path: jsonl + ":1", kind: doc.KindHTML, id: "nk-1", hint: doc.Source{URL: "https://news.example.org/nk-1", Title: "Ministers meet in Vallen", Outlet: "Example News", Published: "2024-03-12"}},
		{path: jsonl + ":2", kind: doc.KindText, id: "2", hint: doc.Source{URL: "https://news.example.org/nk-2", Title: "Kestria welcomes border talks", Outlet: "Example News", Published: "2024-03-13"}},
		{path: jsonl + ":3", err: "invalid JSON"},
	})
}

// TestMultiMemberGzip checks a gzip file of several members, as gzip and
// bgzip write when files are concatenated.
func TestMultiMemberGzip(t *testing.T) {
	dir := t.TempDir()
	data := append(gz(t, []byte(`{"id":"a","text":"First article."}`+"\n")), gz(t, []byte(`{"id":"b","text":"Second article."}`+"\n"))...)
	p := write(t, dir, "two.jsonl.gz", data)
	check(t, collect(t, New(Options{}), p), []want{
		{path: p + ":1", id: "a", data: "First"},
		{path: p + ":2", id: "b", data: "Second"},
	})
}

// TestTruncatedGzipJSONL checks that the lines before a gzip failure stay
// emitted, and one error follows.
func TestTruncatedGzipJSONL(t *testing.T) {
	var b bytes.Buffer
	for range 200 {
		b.WriteString(`{"id":"x","text":"The delegations met again on Thursday to discuss the ceasefire and the exchange of prisoners."}` + "\n")
	}
	data := gz(t, b.Bytes())
	p := write(t, t.TempDir(), "cut.jsonl.gz", data[:len(data)*2/3])
	ins := collect(t, New(Options{}), p)
	if len(ins) < 2 {
		t.Fatalf("got %d inputs, want some lines then an error", len(ins))
	}
	last := ins[len(ins)-1]
	if last.Path != p || last.Err == nil || !strings.Contains(last.Err.Error(), "gzip data is truncated or corrupt after line") {
		t.Errorf("last Input = %q, %v; want a gzip error for %s", last.Path, last.Err, p)
	}
	for i, in := range ins[:len(ins)-1] {
		if in.Err != nil || in.ID != "x" {
			t.Errorf("[%d] %s: ID %q, Err %v", i, in.Path, in.ID, in.Err)
		}
	}
}

func TestJSONL(t *testing.T) {
	long := `{"id":"long","text":"` + strings.Repeat("a", 3000) + `"}`
	lines := strings.Join([]string{
		"\ufeff" + `{"id": "1", "text": "Plain text.", "date": null}`,
		"",
		"   ",
		`{"id": 7.5, "text": "## Heading\n\nText.", "date": "2019-11-20T05:52:20-05:00", "outlet": " Wire "}`,
		`[1, 2, 3]`,
		`{"id": "no-text", "title": "Only a title"}`,
		`{"id": "blank", "text": "  \n "}`,
		`{"text": 42}`,
		`{"html": "", "text": "Text beside an empty html field.", "date": "sometime"}` + "\r",
		long,
		`{"html": "<p>Para.</p>", "url": "https://example.org/a", "date": "2019-11-18 17:26:45"}`,
		`not json at all`,
		`{"text": "Last line without a newline.", "date": "26-FEB-1987 15:01:01.79"}`,
	}, "\n")
	p := write(t, t.TempDir(), "mixed.jsonl", []byte(lines))
	check(t, collect(t, New(Options{MaxSize: 2000}), p), []want{
		{path: p + ":1", kind: doc.KindText, id: "1", data: "Plain text."},
		{path: p + ":4", kind: doc.KindMarkdown, id: "7.5", hint: doc.Source{Outlet: "Wire", Published: "2019-11-20"}},
		{path: p + ":5", err: "line is a JSON array, not an object"},
		{path: p + ":6", err: `neither "text" nor "html"`},
		{path: p + ":7", err: `neither "text" nor "html"`},
		{path: p + ":8", err: `"text" field is not a string`},
		{path: p + ":9", kind: doc.KindText, data: "Text beside"},
		{path: p + ":10", err: "line is over the 2000-byte limit (raise --max-size)"},
		{path: p + ":11", kind: doc.KindHTML, hint: doc.Source{URL: "https://example.org/a", Published: "2019-11-18"}, data: "<p>Para.</p>"},
		{path: p + ":12", err: "invalid JSON"},
		{path: p + ":13", kind: doc.KindText, hint: doc.Source{Published: "1987-02-26"}, data: "without a newline"},
	})
}

// TestJSONLByContent checks that JSONL is found by content, whatever the
// name, even when its first line is longer than the sniffing buffer.
func TestJSONLByContent(t *testing.T) {
	dir := t.TempDir()
	long := `{"id":"1","text":"` + strings.Repeat("word ", 40000) + `"}` + "\n" + `{"id":"2","text":"short"}` + "\n"
	p := write(t, dir, "articles.json", []byte(long))
	q := write(t, dir, "data", []byte(`{"id":"3","text":"x"}`))
	check(t, collect(t, New(Options{}), p, q), []want{
		{path: p + ":1", id: "1", kind: doc.KindText},
		{path: p + ":2", id: "2", kind: doc.KindText},
		{path: q + ":1", id: "3", kind: doc.KindText},
	})
}

func TestNormalizeDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"2024-03-12", "2024-03-12"},
		{"2024-03-12T09:30:00Z", "2024-03-12"},
		{"2024-03-12T23:30:00-05:00", "2024-03-12"},
		{"2019-11-18T18:54:53.000Z", "2019-11-18"},
		{"2019-11-18T17:26:45.726", "2019-11-18"},
		{"2019-11-18 17:26:45", "2019-11-18"},
		{"2019-11-18T17:26:45", "2019-11-18"},
		{"Tue, 12 Mar 2024 09:30:00 GMT", "2024-03-12"},
		{"26-FEB-1987 15:01:01.79", "1987-02-26"},
		{"7-APR-1987 16:22:00.0", "1987-04-07"},
		{"27-MAR-1987 00:03:35.68&#5;&#5;&#5;F", "1987-03-27"},
		{"2024-13-45", ""},
		{"yesterday", ""},
		{"12/03/2024", ""},
	}
	for _, tt := range tests {
		if got := normalizeDate(tt.in); got != tt.want {
			t.Errorf("normalizeDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStopEarly(t *testing.T) {
	args := []string{"testdata/articles.jsonl", "testdata/article.html", "testdata/article.txt"}
	r := New(Options{})
	n := 0
	for range r.All(context.Background(), args) {
		n++
		if n == 2 {
			break
		}
	}
	if n != 2 {
		t.Errorf("consumer stop: got %d inputs", n)
	}

	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	for range r.All(ctx, args) {
		n++
		cancel()
	}
	if n != 1 {
		t.Errorf("cancelled context: got %d inputs, want 1", n)
	}
	cancel()
	for in := range r.All(ctx, args) {
		t.Errorf("done context: got %s", in.Path)
	}
}
