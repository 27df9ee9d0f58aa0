package export

import (
	"io"
	"time"

	"github.com/parquet-go/parquet-go"

	"dyad/doc"
	"dyad/store"
)

// parquetRow is a row of the Parquet format (see the package doc);
// date and event_date are null when the event has no date.
type parquetRow struct {
	Event            string   `parquet:"event"`
	Date             *string  `parquet:"date"`
	EventDate        *int32   `parquet:"event_date,date"`
	DatePrecision    string   `parquet:"date_precision"`
	Type             string   `parquet:"type"`
	Mode             string   `parquet:"mode"`
	Context          []string `parquet:"context,list"`
	CAMEO            string   `parquet:"cameo"`
	Quad             int32    `parquet:"quad"`
	Score            float64  `parquet:"score"`
	Goldstein        float64  `parquet:"goldstein"`
	Actor            []string `parquet:"actor,list"`
	ActorCountry     []string `parquet:"actor_country,list"`
	ActorSector      []string `parquet:"actor_sector,list"`
	Recipient        []string `parquet:"recipient,list"`
	RecipientCountry []string `parquet:"recipient_country,list"`
	RecipientSector  []string `parquet:"recipient_sector,list"`
	Place            string   `parquet:"place"`
	PlaceCountry     string   `parquet:"place_country"`
	Tense            string   `parquet:"tense"`
	Negated          bool     `parquet:"negated"`
	Confidence       float64  `parquet:"confidence"`
	Articles         int32    `parquet:"articles"`
	Outlets          int32    `parquet:"outlets"`
	Reports          int32    `parquet:"reports"`
	Sentence         int32    `parquet:"sentence"`
	Evidence         string   `parquet:"evidence"`
	Title            string   `parquet:"title"`
	Outlet           string   `parquet:"outlet"`
	URL              string   `parquet:"url"`
	Published        string   `parquet:"published"`
	ArticleID        int64    `parquet:"article_id"`
}

// parquetBatch is how many rows parquetWriter hands the Parquet writer
// at a time; parquetGroup is the most rows of a row group.
const (
	parquetBatch = 1024
	parquetGroup = 1 << 16
)

// parquetWriter writes the Parquet format: Snappy pages of version 1 and
// plain encoding, which every reader (DuckDB, pyarrow, Spark) knows.
type parquetWriter struct {
	pw   *parquet.GenericWriter[parquetRow]
	rows []parquetRow
}

func newParquetWriter(w io.Writer) *parquetWriter {
	pw := parquet.NewGenericWriter[parquetRow](w,
		parquet.Compression(&parquet.Snappy),
		parquet.DataPageVersion(1),
		parquet.MaxRowsPerRowGroup(parquetGroup))
	return &parquetWriter{pw: pw, rows: make([]parquetRow, 0, parquetBatch)}
}

func (p *parquetWriter) Write(e store.Event) error {
	p.rows = append(p.rows, parquetRecord(e))
	if len(p.rows) == cap(p.rows) {
		return p.flush()
	}
	return nil
}

func (p *parquetWriter) flush() error {
	_, err := p.pw.Write(p.rows)
	p.rows = p.rows[:0]
	return err
}

func (p *parquetWriter) Close() error {
	if err := p.flush(); err != nil {
		return err
	}
	return p.pw.Close()
}

// parquetRecord returns the Parquet row of e.
func parquetRecord(e store.Event) parquetRow {
	place, placeCountry := placeOf(e.Location)
	return parquetRow{
		Event: e.Cluster, Date: e.Date, EventDate: epochDay(e.Date), DatePrecision: e.DatePrecision,
		Type: e.Type, Mode: e.Mode, Context: e.Context, CAMEO: e.CAMEO,
		Quad: int32(e.Quad), Score: e.Score, Goldstein: e.Goldstein,
		Actor:            side(e.Actor, entityName),
		ActorCountry:     side(e.Actor, entityCountry),
		ActorSector:      side(e.Actor, entitySector),
		Recipient:        side(e.Recipient, entityName),
		RecipientCountry: side(e.Recipient, entityCountry),
		RecipientSector:  side(e.Recipient, entitySector),
		Place:            place, PlaceCountry: placeCountry,
		Tense: string(e.Tense), Negated: e.Negated, Confidence: e.Confidence,
		Articles: int32(e.Articles), Outlets: int32(e.Outlets), Reports: int32(e.Reports),
		Sentence: int32(e.Sentence), Evidence: e.Evidence,
		Title: e.Title, Outlet: e.Outlet, URL: e.URL, Published: e.Published, ArticleID: e.ArticleID,
	}
}

// epochDay returns the days from 1970-01-01 to the date d (Parquet's
// DATE), or nil when d is nil or not YYYY-MM-DD.
func epochDay(d *string) *int32 {
	if d == nil {
		return nil
	}
	t, err := time.Parse(doc.DateLayout, *d)
	if err != nil {
		return nil
	}
	n := int32(t.Unix() / 86400)
	return &n
}
