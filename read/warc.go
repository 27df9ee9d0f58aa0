package read

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http/httputil"
	"net/textproto"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
	warc "github.com/internetarchive/gowarc"
	"github.com/klauspost/compress/zstd"

	"dyad/doc"
)

// warc streams one input per HTML response record of the WARC file in br.
// Other records are skipped. A record that cannot be read ends the file
// with one error Input named path, after the records before it.
func (s *stream) warc(path string, br *bufio.Reader, gz *gzipReader) bool {
	// Only plain WARC goes to the WARC library, which would otherwise
	// decompress bzip2, xz and zstd with no bound on memory. Gzip has
	// been undone already.
	if head, _ := br.Peek(16); !bytes.HasPrefix(head, []byte("WARC/")) {
		what := describeBinary(head)
		if what == "" {
			what = "it does not start with WARC/1.0 or WARC/1.1"
		}
		return s.fail(path, fmt.Errorf("invalid WARC: %s (check the file)", what))
	}
	wr, err := warc.NewReader(br)
	if err != nil {
		return s.fail(path, fmt.Errorf("opening WARC: %w", err))
	}
	defer wr.Close()
	for n := 0; ; n++ {
		if !s.live() {
			return false
		}
		rec, err := readRecord(wr)
		if err == io.EOF {
			if n == 0 {
				return s.fail(path, errors.New("invalid WARC: no records found (check that this is a WARC file)"))
			}
			return true
		}
		if err == nil && !strings.HasPrefix(rec.Version, "WARC/") {
			rec.Content.Close()
			err = fmt.Errorf("record does not start with a WARC/1.x version line")
		}
		if err != nil {
			if gz != nil && gz.err != nil {
				return s.fail(path, s.readError(err, gz, fmt.Sprintf("after %d WARC records", n)))
			}
			return s.fail(path, fmt.Errorf("invalid WARC after %d records: %w (check the file, or download it again)", n, err))
		}
		ok := s.record(path, n, rec)
		rec.Content.Close()
		if !ok {
			return false
		}
	}
}

// warcMu serialises calls into the WARC library: gowarc v0.8.101 returns
// header lines in buffers that it has already put back into a package-wide
// sync.Pool, so two readers running at once race (go test -race shows it;
// see TestWARCConcurrent). Remove it when gowarc copies before Put.
var warcMu sync.Mutex

// readRecord reads the next WARC record, turning a panic in the WARC
// library into an error.
func readRecord(wr *warc.Reader) (rec *warc.Record, err error) {
	warcMu.Lock()
	defer warcMu.Unlock()
	defer func() {
		if p := recover(); p != nil {
			rec, err = nil, fmt.Errorf("WARC reader failed: %v", p)
		}
	}()
	return wr.ReadRecord()
}

// record emits the input of one WARC record, the n-th (from 0) of the
// file at path, when it is a successful HTML response.
func (s *stream) record(path string, n int, rec *warc.Record) bool {
	h := rec.Header
	if !strings.EqualFold(strings.TrimSpace(h.Get("WARC-Type")), "response") {
		return true
	}
	if ct := strings.ToLower(h.Get("Content-Type")); ct != "" && !strings.Contains(ct, "application/http") {
		return true // such as text/dns
	}
	id := strings.Trim(strings.TrimSpace(h.Get("WARC-Record-ID")), "<>")
	if id == "" {
		id = "record-" + strconv.Itoa(n+1)
	}
	rpath := path + "#" + id
	data, err := httpHTML(rec.Content, s.r.maxSize)
	if err != nil {
		return s.fail(rpath, err)
	}
	if data == nil {
		return true
	}
	return s.emit(doc.Input{
		Path:    rpath,
		Kind:    doc.KindHTML,
		Data:    data,
		Hint:    doc.Source{URL: strings.Trim(strings.TrimSpace(h.Get("WARC-Target-URI")), "<>")},
		Fetched: warcDate(h.Get("WARC-Date")),
	})
}

// warcDate returns the date of a WARC-Date as YYYY-MM-DD, or "".
func warcDate(s string) string {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC().Format(doc.DateLayout)
	}
	if len(s) >= len(doc.DateLayout) {
		if t, err := time.Parse(doc.DateLayout, s[:len(doc.DateLayout)]); err == nil {
			return t.Format(doc.DateLayout)
		}
	}
	return ""
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// httpHTML returns the body of the HTTP response in content when it is a
// successful HTML page, decoded; nil when it is not one; an error when it
// cannot be read or is over limit bytes. The body is the rest of the
// record after the HTTP header, whatever its Content-Length says.
func httpHTML(content io.ReadSeeker, limit int64) ([]byte, error) {
	cr := &countingReader{r: content}
	br := bufio.NewReader(cr)
	tp := textproto.NewReader(br)
	status, err := tp.ReadLine()
	if err != nil {
		return nil, fmt.Errorf("reading the HTTP status line: %w", err)
	}
	code, ok := statusCode(status)
	if !ok {
		return nil, fmt.Errorf("malformed HTTP status line %q", truncate(status, 80))
	}
	header, err := tp.ReadMIMEHeader()
	if err != nil && err != io.EOF {
		return nil, fmt.Errorf("reading the HTTP header: %w", err)
	}
	if code < 200 || code > 299 {
		return nil, nil
	}
	sniffHTML := false
	mt, _, err := mime.ParseMediaType(header.Get("Content-Type"))
	if err != nil {
		mt, _, _ = strings.Cut(strings.ToLower(header.Get("Content-Type")), ";")
		mt = strings.TrimSpace(mt)
	}
	switch mt {
	case "text/html", "application/xhtml+xml":
	case "", "text/plain", "application/octet-stream", "binary/octet-stream", "unknown/unknown":
		sniffHTML = true
	default:
		return nil, nil
	}
	if _, err := content.Seek(cr.n-int64(br.Buffered()), io.SeekStart); err != nil {
		return nil, fmt.Errorf("reading the HTTP body: %w", err)
	}
	raw, err := readLimited(content, limit, 64<<10)
	if err != nil {
		return nil, fmt.Errorf("reading the HTTP body: %w", err)
	}
	if int64(len(raw)) > limit {
		return nil, fmt.Errorf("HTTP body is over the %d-byte limit (raise --max-size)", limit)
	}
	if strings.Contains(strings.ToLower(header.Get("Transfer-Encoding")), "chunked") {
		// Some crawlers store the body de-chunked but keep the header.
		if body, err := io.ReadAll(httputil.NewChunkedReader(bytes.NewReader(raw))); err == nil {
			raw = body
		}
	}
	body, err := decodeBody(raw, header.Get("Content-Encoding"), limit)
	if err != nil {
		return nil, err
	}
	if isBlank(body) || looksBinary(body) {
		return nil, nil // nothing to read, or not really a page
	}
	if sniffHTML && Detect("", body) != doc.KindHTML {
		return nil, nil
	}
	return body, nil
}

// statusCode returns the status code of an HTTP status line such as
// "HTTP/1.1 200 OK" or "HTTP/2 200".
func statusCode(line string) (int, bool) {
	proto, rest, ok := strings.Cut(line, " ")
	if !ok || !strings.HasPrefix(proto, "HTTP/") {
		return 0, false
	}
	rest = strings.TrimLeft(rest, " ")
	if len(rest) < 3 || (len(rest) > 3 && rest[3] != ' ') {
		return 0, false
	}
	code, err := strconv.Atoi(rest[:3])
	if err != nil || code < 100 {
		return 0, false
	}
	return code, true
}

// decodeBody undoes the Content-Encoding enc of raw, returning at most
// limit bytes. A body that fails to decode but is already HTML is taken
// as it is: some crawlers store the decoded body and keep the header.
func decodeBody(raw []byte, enc string, limit int64) ([]byte, error) {
	enc = strings.ToLower(strings.TrimSpace(enc))
	var (
		dec io.Reader
		err error
	)
	switch enc {
	case "", "identity", "none":
		return raw, nil
	case "gzip", "x-gzip":
		dec, err = gzip.NewReader(bytes.NewReader(raw))
	case "deflate":
		dec, err = zlib.NewReader(bytes.NewReader(raw))
		if err != nil {
			dec, err = flate.NewReader(bytes.NewReader(raw)), nil
		}
	case "br":
		dec = brotli.NewReader(bytes.NewReader(raw))
	case "zstd":
		var zr *zstd.Decoder
		zr, err = zstd.NewReader(bytes.NewReader(raw), zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(uint64(limit)+1<<20))
		if err == nil {
			defer zr.Close()
			dec = zr
		}
	default:
		if Detect("", raw) == doc.KindHTML {
			return raw, nil
		}
		return nil, fmt.Errorf("unsupported HTTP Content-Encoding %q", truncate(enc, 40))
	}
	var body []byte
	if err == nil {
		body, err = readLimited(dec, limit, int64(len(raw))*4)
	}
	if err != nil {
		if Detect("", raw) == doc.KindHTML {
			return raw, nil
		}
		return nil, fmt.Errorf("decoding the %s-encoded HTTP body: %w", enc, err)
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("decoded HTTP body is over the %d-byte limit (raise --max-size)", limit)
	}
	return body, nil
}

// truncate returns s cut to at most n bytes, for messages.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
