package read

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"dyad/doc"
)

// jsonl streams one input per non-blank line of br. A line that cannot be
// used gives an error Input named "path:LINE"; a failure to read the
// stream gives one error Input named path, after the lines before it.
func (s *stream) jsonl(path string, br *bufio.Reader, gz *gzipReader) bool {
	var buf []byte
	for n := 1; ; n++ {
		if !s.live() {
			return false
		}
		line, over, err := readLine(br, buf[:0], s.r.maxSize)
		buf = line
		if err != nil && err != io.EOF {
			return s.fail(path, s.readError(err, gz, fmt.Sprintf("after line %d", n-1)))
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, utf8BOM)
		}
		lpath := path + ":" + strconv.Itoa(n)
		switch {
		case over:
			if !s.fail(lpath, fmt.Errorf("line is over the %d-byte limit (raise --max-size)", s.r.maxSize)) {
				return false
			}
		case !isBlank(line):
			if !s.emit(parseLine(lpath, line)) {
				return false
			}
		}
		if err == io.EOF {
			return true
		}
	}
}

// readLine reads one line from br into buf, without its line ending. over
// reports that the line had more than limit bytes; the line is then
// skipped, and line is empty. err is io.EOF at the end of the input, with
// the last line (if any) in line.
func readLine(br *bufio.Reader, buf []byte, limit int64) (line []byte, over bool, err error) {
	var n int64
	for {
		chunk, err := br.ReadSlice('\n')
		n += int64(len(chunk))
		if !over {
			if n-int64(trailingNewline(chunk, err)) > limit {
				over, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil, io.EOF:
			return bytes.TrimRight(buf, "\r\n"), over, err
		default:
			return buf, over, err
		}
	}
}

// trailingNewline returns the length of the line ending that ends chunk,
// when chunk ends the line.
func trailingNewline(chunk []byte, err error) int {
	if err != nil {
		return 0
	}
	if bytes.HasSuffix(chunk, []byte("\r\n")) {
		return 2
	}
	return 1
}

// jsonlRecord is the shape of one JSONL line. Other fields are ignored.
type jsonlRecord struct {
	ID     json.RawMessage `json:"id"`
	URL    json.RawMessage `json:"url"`
	Title  json.RawMessage `json:"title"`
	Date   json.RawMessage `json:"date"`
	Outlet json.RawMessage `json:"outlet"`
	Text   json.RawMessage `json:"text"`
	HTML   json.RawMessage `json:"html"`
}

// parseLine returns the Input for one JSONL line, named path.
func parseLine(path string, line []byte) doc.Input {
	fail := func(err error) doc.Input {
		return doc.Input{Path: path, Err: fmt.Errorf("read %s: %w", path, err)}
	}
	var rec jsonlRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		var typ *json.UnmarshalTypeError
		if errors.As(err, &typ) && typ.Field == "" {
			return fail(fmt.Errorf("line is a JSON %s, not an object (each line must be one JSON object)", typ.Value))
		}
		return fail(fmt.Errorf("invalid JSON: %w (each line must be one JSON object)", err))
	}
	text, ok := jsonString(rec.Text, false)
	if !ok {
		return fail(errors.New(`the "text" field is not a string`))
	}
	html, ok := jsonString(rec.HTML, false)
	if !ok {
		return fail(errors.New(`the "html" field is not a string`))
	}
	in := doc.Input{Path: path}
	switch {
	case strings.TrimSpace(html) != "":
		in.Kind, in.Data = doc.KindHTML, []byte(html)
	case strings.TrimSpace(text) != "":
		in.Data = []byte(text)
		in.Kind = detectText(in.Data)
	default:
		return fail(errors.New(`line has neither "text" nor "html" (give the article in one of them)`))
	}
	in.ID, _ = jsonString(rec.ID, true)
	in.Hint.URL, _ = jsonString(rec.URL, false)
	in.Hint.Title, _ = jsonString(rec.Title, false)
	in.Hint.Outlet, _ = jsonString(rec.Outlet, false)
	date, _ := jsonString(rec.Date, false)
	in.Hint.Published = normalizeDate(date)
	in.ID = strings.TrimSpace(in.ID)
	in.Hint.URL = strings.TrimSpace(in.Hint.URL)
	in.Hint.Title = strings.TrimSpace(in.Hint.Title)
	in.Hint.Outlet = strings.TrimSpace(in.Hint.Outlet)
	return in
}

// jsonString returns the string value of a JSON field: "" for a missing
// or null field, the literal of a number when numbers is true, and false
// for any other value.
func jsonString(raw json.RawMessage, numbers bool) (string, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", true
	}
	switch c := raw[0]; {
	case c == '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", false
		}
		return s, true
	case numbers && (c == '-' || '0' <= c && c <= '9'):
		return string(raw), true
	}
	return "", false
}

// dateLayouts are the layouts of a full date string that normalizeDate
// accepts. Fractional seconds are accepted after the seconds of any.
var dateLayouts = []string{
	time.RFC3339,
	doc.DateLayout,
	"2006-01-02 15:04:05",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04",
	"2006-01-02T15:04",
	time.RFC1123,
	time.RFC1123Z,
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"2006/01/02",
	"January 2, 2006",
	"2 January 2006",
}

// dateFieldLayouts are the layouts of a date as the first field of a
// longer string, as in "26-FEB-1987 15:01:01.79".
var dateFieldLayouts = []string{
	doc.DateLayout,
	"2-Jan-2006",
	"2006/01/02",
}

// normalizeDate returns s as YYYY-MM-DD (the date as written, in the
// time zone it names), or "" when s is not a date.
func normalizeDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(doc.DateLayout)
		}
	}
	field, _, _ := strings.Cut(s, " ")
	if i := strings.IndexAny(field, "T"); i == len("2006-01-02") {
		field = field[:i]
	}
	for _, layout := range dateFieldLayouts {
		if t, err := time.Parse(layout, field); err == nil {
			return t.Format(doc.DateLayout)
		}
	}
	return ""
}
