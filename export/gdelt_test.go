package export

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"dyad/store"
)

// readTSV reads GDELT's tab-separated rows of n fields each.
func readTSV(t *testing.T, data []byte, n int) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = '\t', true, n
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("reading %d-column rows: %v\n%s", n, err, data)
	}
	return rows
}

// sharedColumns returns the column names of a GDELT reference file in
// ../shared (the first field of each line after the header, the field
// named by col), or skips when ../shared is absent.
func sharedColumns(t *testing.T, name string, comma rune, col int) []string {
	t.Helper()
	path := filepath.Join("..", "..", "shared", "reference", "gdelt", name)
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("no %s: %v", path, err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = comma, true, -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var out []string
	for _, row := range rows[1:] {
		// The Mentions list ends with a line that is not a column.
		if len(row) > col && row[col] != "" && !strings.Contains(row[col], " ") {
			out = append(out, row[col])
		}
	}
	return out
}

func TestGDELTColumnsMatchReference(t *testing.T) {
	if len(gdeltEventColumns) != 61 || len(gdeltMentionColumns) != 16 {
		t.Fatalf("%d event columns, %d mention columns; want 61 and 16", len(gdeltEventColumns), len(gdeltMentionColumns))
	}
	for _, c := range []struct {
		file  string
		comma rune
		col   int
		have  []string
	}{
		{"GDELT_2.0_Events_columns.csv", ',', 0, gdeltEventColumns},
		{"GDELT_2.0_Mentions_columns.tsv", '\t', 1, gdeltMentionColumns},
	} {
		t.Run(c.file, func(t *testing.T) {
			want := sharedColumns(t, c.file, c.comma, c.col)
			if strings.Join(c.have, ",") != strings.Join(want, ",") {
				t.Errorf("columns:\n%v\nthe reference has:\n%v", c.have, want)
			}
		})
	}
}

func TestGDELT(t *testing.T) {
	st := fixture(t)
	evs := allEvents(t, st)
	out, mentions := run(t, st, GDELT, store.Filter{})
	rows := readTSV(t, out, len(gdeltEventColumns))
	if len(rows) != 4 {
		t.Fatalf("%d event rows, want 4", len(rows))
	}
	id0 := globalEventID(evs[0].Cluster)
	checkCells(t, "events", gdeltEventColumns, rows, []cell{
		{0, "GLOBALEVENTID", id0}, {0, "SQLDATE", "20180608"}, {0, "MonthYear", "201806"}, {0, "Year", "2018"},
		{0, "FractionDate", "2018.4329"},
		{0, "Actor1Code", "RUSGOV"}, {0, "Actor1Name", "VLADIMIR PUTIN"}, {0, "Actor1CountryCode", "RUS"}, {0, "Actor1Type1Code", "GOV"},
		{0, "Actor2Code", "CHNGOV"}, {0, "Actor2CountryCode", "CHN"},
		{0, "IsRootEvent", "1"}, {0, "EventCode", "040"}, {0, "EventBaseCode", "040"}, {0, "EventRootCode", "04"},
		{0, "QuadClass", "1"}, {0, "GoldsteinScale", "1"}, {0, "NumMentions", "4"}, {0, "NumSources", "3"}, {0, "NumArticles", "2"},
		{0, "AvgTone", "0"}, {0, "Actor1Geo_Type", "0"}, {0, "ActionGeo_Type", "1"}, {0, "ActionGeo_FullName", "Beijing"},
		{0, "ActionGeo_CountryCode", "CHN"}, {0, "ActionGeo_Lat", ""},
		{0, "DATEADDED", "20180608000000"}, {0, "SOURCEURL", "https://a.example/meeting"},
		{1, "SQLDATE", "20180501"}, {1, "Actor1Name", "SYRIAN GOVERNMENT TROOPS"}, {1, "Actor1Code", "SYRMIL"},
		{1, "Actor2Code", "REB"}, {1, "Actor2CountryCode", ""}, {1, "EventRootCode", "19"}, {1, "QuadClass", "4"},
		{1, "GoldsteinScale", "-10"}, {1, "NumMentions", "1"}, {1, "ActionGeo_Type", "0"},
		{2, "Actor1Code", "USAGOV"}, {2, "Actor2Code", "IRNGOV"}, {2, "EventCode", "163"}, {2, "EventBaseCode", "163"},
		{2, "ActionGeo_CountryCode", "USA"}, {2, "SOURCEURL", ""}, {2, "DATEADDED", "20190110000000"},
		{3, "SQLDATE", ""}, {3, "Year", ""}, {3, "FractionDate", ""}, {3, "Actor1Code", "UNOIGO"},
		{3, "Actor1CountryCode", ""}, {3, "Actor1KnownGroupCode", "UNO"}, {3, "Actor2Code", ""}, {3, "EventRootCode", "07"},
	})
	ids := map[string]bool{}
	for _, r := range rows {
		if _, err := strconv.ParseInt(r[0], 10, 64); err != nil {
			t.Errorf("GLOBALEVENTID %q: %v", r[0], err)
		}
		ids[r[0]] = true
	}
	if len(ids) != 4 {
		t.Errorf("%d distinct GLOBALEVENTIDs, want 4", len(ids))
	}
	again, _ := run(t, st, GDELT, store.Filter{})
	if !bytes.Equal(out, again) {
		t.Error("a second export differs")
	}
	checkMentions(t, mentions, id0)
}

// checkMentions checks the fixture's Mentions table: a row for every
// report, four of them of the meeting, whose GLOBALEVENTID is meeting.
func checkMentions(t *testing.T, data []byte, meeting string) {
	t.Helper()
	rows := readTSV(t, data, len(gdeltMentionColumns))
	if len(rows) != 7 {
		t.Fatalf("%d mention rows, want 7 (7 reports)", len(rows))
	}
	checkCells(t, "mentions", gdeltMentionColumns, rows, []cell{
		{0, "GLOBALEVENTID", meeting}, {1, "GLOBALEVENTID", meeting},
		{0, "EventTimeDate", "20180608000000"}, {1, "EventTimeDate", "20180608000000"},
		{0, "MentionTimeDate", "20180608000000"}, {1, "MentionTimeDate", "20180609000000"},
		{0, "MentionType", "1"}, {0, "MentionSourceName", "Alpha News"}, {0, "MentionIdentifier", "https://a.example/meeting"},
		{1, "MentionSourceName", "Beta Times"}, {1, "MentionIdentifier", "https://b.example/talks"},
		{2, "GLOBALEVENTID", meeting}, {2, "MentionTimeDate", "20180610000000"}, {2, "MentionSourceName", "Delta Post"},
		{3, "GLOBALEVENTID", meeting}, {3, "MentionIdentifier", "https://b.example/talks-update"},
		{0, "SentenceID", "1"}, {1, "SentenceID", "2"}, {4, "SentenceID", "2"}, {6, "SentenceID", "2"},
		{0, "Actor1CharOffset", "-1"}, {0, "ActionCharOffset", "-1"}, {0, "InRawText", "1"},
		{0, "Confidence", "90"}, {1, "Confidence", "70"}, {4, "Confidence", "60"}, {6, "Confidence", "50"},
		{0, "MentionDocLen", strconv.Itoa(utf8.RuneCountInString(textA))}, {1, "MentionDocLen", strconv.Itoa(len(textB))},
		{2, "MentionDocLen", strconv.Itoa(len(textD))}, {0, "MentionDocTone", "0"}, {0, "MentionDocTranslationInfo", ""},
		{5, "MentionType", "2"}, {5, "MentionIdentifier", "Gamma Wire: Sanctions"}, {5, "MentionSourceName", "Gamma Wire"},
	})
}

func TestWriteTSV(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{
		{[]string{"a", "b"}, "a\tb\n"},
		{[]string{"a\tb", "c\nd", "e\r\nf"}, "a b\tc d\te f\n"},
		{[]string{`say "no"`, ""}, "say \"no\"\t\n"},
	} {
		var b bytes.Buffer
		if err := writeTSV(&b, c.in); err != nil || b.String() != c.want {
			t.Errorf("writeTSV(%q) = %q, %v; want %q", c.in, b.String(), err, c.want)
		}
	}
}

func TestGDELTDates(t *testing.T) {
	for _, c := range []struct {
		date string
		want string
	}{
		// GDELT's own sample: 20130401 has FractionDate 2013.2493.
		{"2013-04-01", "20130401 201304 2013 2013.2493"},
		{"2018-12-31", "20181231 201812 2018 2018.9890"},
		{"2018-02-30", "   "},
	} {
		if got := strings.Join(gdeltDates(&c.date), " "); got != c.want {
			t.Errorf("%s: %q, want %q", c.date, got, c.want)
		}
	}
	if got := dateAdded("2018-06-08"); got != "20180608000000" {
		t.Errorf("dateAdded: %q", got)
	}
}
