package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"dyad/doc"
	"dyad/store"
)

// csvHeader names the columns of the CSV format.
var csvHeader = []string{"event", "date", "date_precision", "type", "mode", "context", "cameo", "quad", "score", "goldstein",
	"actor", "actor_country", "actor_sector", "recipient", "recipient_country", "recipient_sector",
	"place", "place_country", "tense", "negated", "articles", "outlets", "reports",
	"evidence", "title", "outlet", "url", "published"}

// csvWriter writes the CSV format: the header as soon as it is made, then
// a row per event.
type csvWriter struct {
	cw *csv.Writer
}

func newCSVWriter(w io.Writer) *csvWriter {
	cw := csv.NewWriter(w)
	cw.Write(csvHeader) // an error stays in cw and Close reports it
	return &csvWriter{cw: cw}
}

func (c *csvWriter) Write(e store.Event) error { return c.cw.Write(csvRecord(e)) }

func (c *csvWriter) Close() error {
	c.cw.Flush()
	return c.cw.Error()
}

// csvRecord returns the CSV row of e, in the order of csvHeader.
func csvRecord(e store.Event) []string {
	place, placeCountry := placeOf(e.Location)
	return []string{e.Cluster, dateString(e.Date), e.DatePrecision, e.Type, e.Mode, strings.Join(e.Context, ";"), e.CAMEO,
		strconv.Itoa(e.Quad), formatFloat(e.Score), formatFloat(e.Goldstein),
		joinSide(e.Actor, entityName), joinSide(e.Actor, entityCountry), joinSide(e.Actor, entitySector),
		joinSide(e.Recipient, entityName), joinSide(e.Recipient, entityCountry), joinSide(e.Recipient, entitySector),
		place, placeCountry, string(e.Tense), strconv.FormatBool(e.Negated),
		strconv.Itoa(e.Articles), strconv.Itoa(e.Outlets), strconv.Itoa(e.Reports),
		e.Evidence, e.Title, e.Outlet, e.URL, e.Published}
}

// side returns what get says of each entity of a side, in order.
func side(es []doc.Entity, get func(doc.Entity) string) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = get(e)
	}
	return out
}

// joinSide returns what get says of each entity of a side, joined by ";".
func joinSide(es []doc.Entity, get func(doc.Entity) string) string {
	return strings.Join(side(es, get), ";")
}

// entityName returns the canonical name of an entity, or else the words
// of the article that name it.
func entityName(e doc.Entity) string {
	if e.Name != "" {
		return e.Name
	}
	return e.Text
}

func entityCountry(e doc.Entity) string { return e.Country }

func entitySector(e doc.Entity) string { return e.Sector }

// placeOf returns the name and the country code of a place, "" for none.
func placeOf(l *doc.Location) (name, country string) {
	if l == nil {
		return "", ""
	}
	name = l.Name
	if name == "" {
		name = l.Text
	}
	return name, l.Country
}

// dateString returns an event's date, YYYY-MM-DD, or "" when unknown.
func dateString(d *string) string {
	if d == nil {
		return ""
	}
	return *d
}

// formatFloat writes f in the fewest digits that read back the same.
func formatFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
