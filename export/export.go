package export

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"dyad/store"
)

// Format names an output format.
type Format string

// The formats that export writes.
const (
	// CSV is a header row, then a row of flat columns per event, the sides'
	// names, countries and sectors each joined by ";".
	CSV Format = "csv"
	// JSONL is one store.Event record per line, as dyad events writes it.
	JSONL Format = "jsonl"
	// Parquet is a Snappy-compressed Parquet file of the CSV's columns,
	// with lists for the sides and a DATE column.
	Parquet Format = "parquet"
	// GDELT is GDELT 2.0's Events table: 61 tab-separated columns, no
	// header. Export's Options.Mentions receives its Mentions table.
	GDELT Format = "gdelt"
	// PLOVER is a PLOVER JSON record per line (JSONL), with the fields of
	// the PLOVER manual's Data Fields chapter.
	PLOVER Format = "plover"
)

// Formats returns the formats that export writes.
func Formats() []Format { return []Format{CSV, JSONL, Parquet, GDELT, PLOVER} }

// ParseFormat returns the format named s, in any case.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats() {
		if strings.EqualFold(s, string(f)) {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown format %q: use csv, jsonl, parquet, gdelt or plover", s)
}

// Writer writes events in one format. Close finishes the output (writes
// buffered rows, Parquet's footer) but does not close the io.Writer
// under it.
type Writer interface {
	Write(store.Event) error
	Close() error
}

// NewWriter returns a Writer of events in format f to w. A GDELT writer
// writes the Events table only: the Mentions table needs the store (see
// Export).
func NewWriter(w io.Writer, f Format) (Writer, error) {
	switch f {
	case CSV:
		return newCSVWriter(w), nil
	case JSONL:
		return &jsonWriter{enc: json.NewEncoder(w), record: func(e store.Event) any { return e }}, nil
	case PLOVER:
		return &jsonWriter{enc: json.NewEncoder(w), record: func(e store.Event) any { return ploverRecord(e) }}, nil
	case Parquet:
		return newParquetWriter(w), nil
	case GDELT:
		return &gdeltWriter{w: w}, nil
	}
	_, err := ParseFormat(string(f))
	return nil, fmt.Errorf("export: %w", err)
}

// WriteAll writes evs to w in format f.
func WriteAll(w io.Writer, f Format, evs []store.Event) error {
	ew, err := NewWriter(w, f)
	if err != nil {
		return err
	}
	for _, e := range evs {
		if err := ew.Write(e); err != nil {
			return fmt.Errorf("export: %s: %w", f, err)
		}
	}
	if err := ew.Close(); err != nil {
		return fmt.Errorf("export: %s: %w", f, err)
	}
	return nil
}

// jsonWriter writes one JSON record per event and line.
type jsonWriter struct {
	enc    *json.Encoder
	record func(store.Event) any
}

func (j *jsonWriter) Write(e store.Event) error { return j.enc.Encode(j.record(e)) }

func (j *jsonWriter) Close() error { return nil }

// Source is what Export reads: a *store.Store.
type Source interface {
	// EachEvent calls fn with every real event that f selects.
	EachEvent(ctx context.Context, f store.Filter, fn func(store.Event) error) error
	// Reports returns every article's report of the real event cluster.
	Reports(ctx context.Context, cluster string) ([]store.Event, error)
	// Article returns the stored article with row id id.
	Article(ctx context.Context, id int64) (store.Article, error)
}

// Options say what Export writes.
type Options struct {
	Format Format
	// Filter selects the events; its Limit and Offset are ignored.
	Filter store.Filter
	// Mentions, with Format GDELT, receives GDELT's Mentions table: a row
	// for every article's report of each event written. Nil writes none.
	Mentions io.Writer
}

// Export writes every event that opt.Filter selects from src to w in
// opt.Format, in the order they were stored, and returns how many it
// wrote.
func Export(ctx context.Context, src Source, w io.Writer, opt Options) (int, error) {
	if opt.Mentions != nil && opt.Format != GDELT {
		return 0, fmt.Errorf("export: mentions are written with the gdelt format only, not %s", opt.Format)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	ew, err := NewWriter(bw, opt.Format)
	if err != nil {
		return 0, err
	}
	var mw *mentionsWriter
	var mb *bufio.Writer
	if opt.Mentions != nil {
		mb = bufio.NewWriterSize(opt.Mentions, 64<<10)
		mw = newMentionsWriter(mb, src)
	}
	n := 0
	err = src.EachEvent(ctx, opt.Filter, func(e store.Event) error {
		if err := ew.Write(e); err != nil {
			return err
		}
		if mw != nil {
			if err := mw.write(ctx, e); err != nil {
				return err
			}
		}
		n++
		return nil
	})
	if err == nil {
		err = ew.Close()
	}
	if err == nil {
		err = bw.Flush()
	}
	if err == nil && mb != nil {
		err = mb.Flush()
	}
	if err != nil {
		return n, fmt.Errorf("export: %s: %w", opt.Format, err)
	}
	return n, nil
}
