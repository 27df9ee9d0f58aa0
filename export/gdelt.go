package export

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"dyad/doc"
	"dyad/store"
)

// gdeltEventColumns are the 61 columns of GDELT 2.0's Events table.
var gdeltEventColumns = []string{"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL"}

// gdeltMentionColumns are the 16 columns of GDELT 2.0's Mentions table.
var gdeltMentionColumns = []string{"GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType",
	"MentionSourceName", "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
	"ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
	"MentionDocTranslationInfo", "Extras"}

// gdeltGroups are the country codes of international organisations,
// which GDELT writes as known groups rather than countries.
var gdeltGroups = map[string]bool{"UNO": true, "EUR": true, "IGO": true}

// gdeltWriter writes GDELT's Events table.
type gdeltWriter struct {
	w io.Writer
}

func (g *gdeltWriter) Write(e store.Event) error { return writeTSV(g.w, gdeltEvent(e)) }

func (g *gdeltWriter) Close() error { return nil }

// gdeltEvent returns the Events row of e, in the order of
// gdeltEventColumns.
func gdeltEvent(e store.Event) []string {
	row := make([]string, 0, len(gdeltEventColumns))
	row = append(row, globalEventID(e.Cluster))
	row = append(row, gdeltDates(e.Date)...)
	row = append(row, gdeltActor(e.Actor)...)
	row = append(row, gdeltActor(e.Recipient)...)
	row = append(row, "1", e.CAMEO, prefix(e.CAMEO, 3), prefix(e.CAMEO, 2),
		strconv.Itoa(e.Quad), formatFloat(e.Goldstein),
		strconv.Itoa(e.Reports), strconv.Itoa(e.Outlets), strconv.Itoa(e.Articles), "0")
	row = append(row, gdeltGeo(nil)...)
	row = append(row, gdeltGeo(nil)...)
	row = append(row, gdeltGeo(e.Location)...)
	return append(row, dateAdded(e.Published), e.URL)
}

// globalEventID returns the GLOBALEVENTID of the event cluster.
func globalEventID(cluster string) string {
	sum := sha256.Sum256([]byte(cluster))
	return strconv.FormatUint(binary.BigEndian.Uint64(sum[:8])&math.MaxInt64, 10)
}

// gdeltDates returns SQLDATE, MonthYear, Year and FractionDate of the
// date d, empty when d is nil or not a date.
func gdeltDates(d *string) []string {
	if d == nil {
		return []string{"", "", "", ""}
	}
	t, err := time.Parse(doc.DateLayout, *d)
	if err != nil {
		return []string{"", "", "", ""}
	}
	frac := float64(t.Year()) + float64((int(t.Month())-1)*30+t.Day())/365
	return []string{t.Format("20060102"), t.Format("200601"), t.Format("2006"), strconv.FormatFloat(frac, 'f', 4, 64)}
}

// gdeltActor returns the ten Actor columns (Code to Type3Code) of the
// first entity of a side, empty when the side has none.
func gdeltActor(es []doc.Entity) []string {
	if len(es) == 0 {
		return make([]string, 10)
	}
	x := es[0]
	country, group := x.Country, ""
	if gdeltGroups[country] {
		country, group = "", x.Country
	}
	return []string{x.Country + x.Sector, strings.ToUpper(entityName(x)), country, group, "", "", "", x.Sector, "", ""}
}

// gdeltGeo returns the eight Geo columns (Type to FeatureID) of a place:
// type 0 and empty fields when it is nil or has no country, type 1
// (country) with its ISO code otherwise.
func gdeltGeo(l *doc.Location) []string {
	name, country := placeOf(l)
	if country == "" {
		return []string{"0", name, "", "", "", "", "", ""}
	}
	return []string{"1", name, country, country, "", "", "", country}
}

// prefix returns the first n bytes of s, or s when it is shorter.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

// dateAdded returns the date YYYY-MM-DD as YYYYMMDD000000, or "" when it
// is not a date.
func dateAdded(published string) string {
	t, err := time.Parse(doc.DateLayout, published)
	if err != nil {
		return ""
	}
	return t.Format("20060102") + "000000"
}

// tsvSpace turns the tabs and line breaks inside a field into spaces.
var tsvSpace = strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ")

// writeTSV writes fields as one line, separated by tabs.
func writeTSV(w io.Writer, fields []string) error {
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			b.WriteByte('\t')
		}
		tsvSpace.WriteString(&b, f)
	}
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// docLenCache is the most article lengths that a mentionsWriter keeps.
const docLenCache = 10000

// mentionsWriter writes GDELT's Mentions table: a row for every report
// of each event.
type mentionsWriter struct {
	w   io.Writer
	src Source
	// docLen caches the length of recent articles in characters.
	docLen map[int64]int
}

func newMentionsWriter(w io.Writer, src Source) *mentionsWriter {
	return &mentionsWriter{w: w, src: src, docLen: map[int64]int{}}
}

// write writes the Mentions rows of the real event e.
func (m *mentionsWriter) write(ctx context.Context, e store.Event) error {
	reports, err := m.src.Reports(ctx, e.Cluster)
	if err != nil {
		return fmt.Errorf("mentions of %s: %w", e.Cluster, err)
	}
	for _, r := range reports {
		n, err := m.length(ctx, r.ArticleID)
		if err != nil {
			return fmt.Errorf("mentions of %s: %w", e.Cluster, err)
		}
		if err := writeTSV(m.w, gdeltMention(e, r, n)); err != nil {
			return err
		}
	}
	return nil
}

// length returns the length in characters of the article with row id id.
func (m *mentionsWriter) length(ctx context.Context, id int64) (int, error) {
	if n, ok := m.docLen[id]; ok {
		return n, nil
	}
	a, err := m.src.Article(ctx, id)
	if err != nil {
		return 0, err
	}
	if len(m.docLen) >= docLenCache {
		clear(m.docLen)
	}
	n := utf8.RuneCountInString(a.Text)
	m.docLen[id] = n
	return n, nil
}

// gdeltMention returns the Mentions row of r, a report of the real event
// e in an article of docLen characters, in the order of
// gdeltMentionColumns.
func gdeltMention(e, r store.Event, docLen int) []string {
	kind, ident := "1", r.URL
	if ident == "" {
		kind, ident = "2", strings.TrimPrefix(r.Outlet+": "+r.Title, ": ")
	}
	source := r.Outlet
	if source == "" {
		if u, err := url.Parse(r.URL); err == nil {
			source = u.Hostname()
		}
	}
	conf := int(math.Round(math.Max(0, math.Min(1, r.Confidence)) * 100))
	return []string{globalEventID(e.Cluster), dateAdded(e.Published), dateAdded(r.Published), kind, source, ident,
		strconv.Itoa(r.Sentence + 1), "-1", "-1", "-1", "1", strconv.Itoa(conf), strconv.Itoa(docLen), "0", "", ""}
}
