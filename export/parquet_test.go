package export

import (
	"bytes"
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"dyad/store"
)

// TestParquet writes the fixture as a Parquet file and reads it back with
// Apache Arrow's Go implementation, which shares no code with the
// writer.
func TestParquet(t *testing.T) {
	st := fixture(t)
	evs := allEvents(t, st)
	path := filepath.Join(t.TempDir(), "events.parquet")
	f, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Export(context.Background(), st, f, Options{Format: Parquet}); err != nil {
		t.Fatal(err)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}

	rdr, err := file.OpenParquetFile(path, false)
	if err != nil {
		t.Fatalf("arrow cannot open the file: %v", err)
	}
	defer rdr.Close()
	if n := rdr.NumRows(); n != 4 {
		t.Errorf("%d rows, want 4", n)
	}
	meta := rdr.MetaData()
	for i := 0; i < meta.Schema.NumColumns(); i++ {
		cc, err := meta.RowGroup(0).ColumnChunk(i)
		if err != nil {
			t.Fatal(err)
		}
		if cc.Compression() != compress.Codecs.Snappy {
			t.Errorf("column %s: %v, want Snappy", meta.Schema.Column(i).Path(), cc.Compression())
		}
	}
	fr, err := pqarrow.NewFileReader(rdr, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := fr.ReadTable(context.Background())
	if err != nil {
		t.Fatalf("arrow cannot read the table: %v", err)
	}
	defer tbl.Release()
	checkParquetSchema(t, tbl.Schema())
	checkParquetValues(t, tbl, evs)
}

// parquetColumns are the columns that the Parquet file must have, with
// the Arrow type that each reads as.
var parquetColumns = []struct {
	name string
	typ  string
}{
	{"event", "utf8"}, {"date", "utf8"}, {"event_date", "date32"}, {"date_precision", "utf8"}, {"type", "utf8"},
	{"mode", "utf8"}, {"context", "list<element: utf8>"}, {"cameo", "utf8"}, {"quad", "int32"}, {"score", "float64"},
	{"goldstein", "float64"}, {"actor", "list<element: utf8>"}, {"actor_country", "list<element: utf8>"},
	{"actor_sector", "list<element: utf8>"}, {"recipient", "list<element: utf8>"},
	{"recipient_country", "list<element: utf8>"}, {"recipient_sector", "list<element: utf8>"},
	{"place", "utf8"}, {"place_country", "utf8"}, {"tense", "utf8"}, {"negated", "bool"}, {"confidence", "float64"},
	{"articles", "int32"}, {"outlets", "int32"}, {"reports", "int32"}, {"sentence", "int32"}, {"evidence", "utf8"},
	{"title", "utf8"}, {"outlet", "utf8"}, {"url", "utf8"}, {"published", "utf8"}, {"article_id", "int64"},
}

func checkParquetSchema(t *testing.T, sc *arrow.Schema) {
	t.Helper()
	if sc.NumFields() != len(parquetColumns) {
		t.Errorf("%d columns, want %d: %v", sc.NumFields(), len(parquetColumns), sc)
	}
	for i, c := range parquetColumns {
		if i >= sc.NumFields() {
			break
		}
		f := sc.Field(i)
		typ := f.Type.String()
		if lt, ok := f.Type.(*arrow.ListType); ok {
			typ = "list<element: " + lt.Elem().String() + ">"
		}
		if f.Name != c.name || typ != c.typ {
			t.Errorf("column %d: %s %s, want %s %s", i, f.Name, typ, c.name, c.typ)
		}
	}
}

// column returns the one chunk of the column named name.
func column(t *testing.T, tbl arrow.Table, name string) arrow.Array {
	t.Helper()
	idx := tbl.Schema().FieldIndices(name)
	if len(idx) != 1 {
		t.Fatalf("no column %q", name)
	}
	chunks := tbl.Column(idx[0]).Data().Chunks()
	if len(chunks) != 1 {
		t.Fatalf("column %s in %d chunks", name, len(chunks))
	}
	return chunks[0]
}

// listStrings returns row i of a list of strings, joined by ";".
func listStrings(a arrow.Array, i int) string {
	l := a.(*array.List)
	from, to := l.ValueOffsets(i)
	vals := l.ListValues().(*array.String)
	var out []string
	for j := from; j < to; j++ {
		out = append(out, vals.Value(int(j)))
	}
	return strings.Join(out, ";")
}

func checkParquetValues(t *testing.T, tbl arrow.Table, evs []store.Event) {
	t.Helper()
	event := column(t, tbl, "event").(*array.String)
	for i, e := range evs {
		if event.Value(i) != e.Cluster {
			t.Errorf("row %d event %q, want %q", i, event.Value(i), e.Cluster)
		}
	}
	day := column(t, tbl, "event_date").(*array.Date32)
	if got := day.Value(0).ToTime().Format(time.DateOnly); got != "2018-06-08" {
		t.Errorf("event_date %s, want 2018-06-08", got)
	}
	date := column(t, tbl, "date").(*array.String)
	if date.Value(1) != "2018-05-01" || !date.IsNull(3) || !day.IsNull(3) {
		t.Errorf("date %q, undated: null %v and %v", date.Value(1), date.IsNull(3), day.IsNull(3))
	}
	if got := column(t, tbl, "evidence").(*array.String).Value(1); got != evidenceAttack {
		t.Errorf("evidence %q", got)
	}
	if got := column(t, tbl, "reports").(*array.Int32).Value(0); got != 4 {
		t.Errorf("reports %d, want 4", got)
	}
	if got := column(t, tbl, "outlets").(*array.Int32).Value(0); got != 3 {
		t.Errorf("outlets %d, want 3", got)
	}
	if got := column(t, tbl, "articles").(*array.Int32).Value(0); got != 2 {
		t.Errorf("articles %d, want 2", got)
	}
	if got := column(t, tbl, "quad").(*array.Int32).Value(2); got != 4 {
		t.Errorf("quad %d, want 4", got)
	}
	if got := column(t, tbl, "score").(*array.Float64).Value(1); got != -9 {
		t.Errorf("score %v, want -9", got)
	}
	for _, c := range []struct {
		column string
		row    int
		want   string
	}{
		{"actor_country", 2, "USA;GBR"}, {"actor", 2, "Washington;London"}, {"actor_sector", 2, "GOV;GOV"},
		{"recipient", 0, "Xi Jinping"}, {"recipient", 3, ""}, {"context", 0, "diplomatic"}, {"context", 1, ""},
	} {
		if got := listStrings(column(t, tbl, c.column), c.row); got != c.want {
			t.Errorf("row %d %s = %q, want %q", c.row, c.column, got, c.want)
		}
	}
}

// TestParquetRowGroups writes more rows than a row group holds, not a
// multiple of the batch, and reads them back.
func TestParquetRowGroups(t *testing.T) {
	evs := allEvents(t, fixture(t))
	const n = 2*parquetGroup + 5
	many := make([]store.Event, n)
	for i := range many {
		many[i] = evs[i%len(evs)]
		many[i].Cluster = strconv.Itoa(i)
	}
	var buf bytes.Buffer
	if err := WriteAll(&buf, Parquet, many); err != nil {
		t.Fatal(err)
	}
	rdr, err := file.NewParquetReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer rdr.Close()
	if rdr.NumRows() != n || rdr.NumRowGroups() != 3 {
		t.Errorf("%d rows in %d row groups, want %d in 3", rdr.NumRows(), rdr.NumRowGroups(), n)
	}
	fr, err := pqarrow.NewFileReader(rdr, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := fr.ReadTable(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer tbl.Release()
	chunks := tbl.Column(0).Data().Chunks()
	last := chunks[len(chunks)-1].(*array.String)
	if got := last.Value(last.Len() - 1); got != strconv.Itoa(n-1) {
		t.Errorf("last event %q, want %d", got, n-1)
	}
}
