package main

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dyad/store"
)

// TestMain lets a test run this binary as the dyad command (for a run
// that the test kills).
func TestMain(m *testing.M) {
	if os.Getenv("DYAD_TEST_RUN_MAIN") == "1" {
		os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// dump returns a digest of every row of the database's tables, in key
// order, and the row count of each table.
func dump(t *testing.T, path string) (string, string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// Every table but the full-text indexes, whose segments depend on
	// when SQLite merged them.
	var tables []string
	trows, err := db.Query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite%' ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	for trows.Next() {
		var n string
		trows.Scan(&n)
		tables = append(tables, n)
	}
	trows.Close()
	if len(tables) < 10 {
		t.Fatalf("only the tables %v", tables)
	}
	h := sha256.New()
	var counts []string
	for _, table := range tables {
		head, err := db.Query("SELECT * FROM " + table + " LIMIT 0")
		if err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		cols, _ := head.Columns()
		head.Close()
		order := make([]string, len(cols))
		for i := range cols {
			order[i] = fmt.Sprint(i + 1)
		}
		rows, err := db.Query("SELECT * FROM " + table + " ORDER BY " + strings.Join(order, ", "))
		if err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		n := 0
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(h, "%s %v\n", table, vals)
			n++
		}
		rows.Close()
		counts = append(counts, fmt.Sprintf("%s=%d", table, n))
	}
	for _, fts := range []string{"sentences_fts", "quotes_fts"} {
		if _, err := db.Exec("INSERT INTO " + fts + "(" + fts + ") VALUES ('integrity-check')"); err != nil {
			t.Errorf("%s: %v", fts, err)
		}
	}
	return hex.EncodeToString(h.Sum(nil)), strings.Join(counts, " ")
}

// corpusParts are the parts of ../shared/corpus that the ingest tests
// store: every kind of input, a few hundred articles; the whole corpus
// in CI (CI=true) or with DYAD_FULL_CORPUS=1.
func corpusParts(t *testing.T) []string {
	if os.Getenv("CI") == "true" || os.Getenv("DYAD_FULL_CORPUS") == "1" {
		return []string{shared(t, "corpus")}
	}
	var out []string
	for _, p := range []string{"corpus/html", "corpus/news.jsonl", "corpus/guardian_sample.jsonl.gz"} {
		out = append(out, shared(t, p))
	}
	return out
}

func ingest(t *testing.T, db string, inputs ...string) string {
	t.Helper()
	code, _, errOut := dyad(t, "", append([]string{"ingest", "--progress=false", "--db", db}, inputs...)...)
	if code != 0 && code != 1 {
		t.Fatalf("ingest: exit %d: %s", code, errOut)
	}
	return errOut
}

// TestIngestIdempotentAndKillSafe ingests the corpus once, again, and in
// a run killed half way then run again, and compares the databases.
func TestIngestIdempotentAndKillSafe(t *testing.T) {
	inputs := corpusParts(t)
	dir := t.TempDir()
	once := filepath.Join(dir, "once.db")
	ingest(t, once, inputs...)
	want, counts := dump(t, once)
	t.Logf("one run: %s", counts)
	if !strings.Contains(counts, "events=") || strings.Contains(counts, "articles=0 ") {
		t.Fatalf("nothing stored: %s", counts)
	}
	out := ingest(t, once, inputs...)
	if got, c := dump(t, once); got != want {
		t.Errorf("a second ingest changed the database: %s, was %s", c, counts)
	}
	if !strings.Contains(out, " 0 articles stored") {
		t.Errorf("second ingest: %s", out)
	}

	killed := filepath.Join(dir, "killed.db")
	cmd := exec.Command(os.Args[0], append([]string{"ingest", "--progress=false", "-j", "2", "--db", killed}, inputs...)...)
	cmd.Env = append(os.Environ(), "DYAD_TEST_RUN_MAIN=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it half way: when it has stored half the articles of one run.
	half := countArticles(once) / 2
	stored := 0
	for deadline := time.Now().Add(5 * time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if stored = countArticles(killed); stored >= half {
			break
		}
	}
	cmd.Process.Kill()
	cmd.Wait()
	t.Logf("killed after %d articles were stored", stored)
	if stored < half || half < 100 {
		t.Fatalf("the run to kill stored only %d articles, want %d", stored, half)
	}
	ingest(t, killed, inputs...)
	if got, c := dump(t, killed); got != want {
		t.Errorf("killed and run again: %s; one run: %s", c, counts)
	}
}

// countArticles returns the number of stored articles, 0 while the
// database cannot be read.
func countArticles(path string) int {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return 0
	}
	defer db.Close()
	var n int
	if db.QueryRow("SELECT count(*) FROM articles").Scan(&n) != nil {
		return 0
	}
	return n
}

// TestIngestNearCopy stores both example articles and a near-copy of one:
// each real meeting is one cluster, and the copied one has two sources.
func TestIngestNearCopy(t *testing.T) {
	dir := t.TempDir()
	src := shared(t, "examples/000_10f149fc47b29e7c.txt")
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	// Another site's copy: its own address, a line of its own at the
	// end, a word changed.
	copyText := strings.Replace(string(data), "Putin", "President Putin", 1) + "\nThis story was first published by another agency.\n"
	copyText = strings.ReplaceAll(copyText, "https://www.themoscowtimes.com/", "https://news.example.org/")
	cp := filepath.Join(dir, "copy.txt")
	if err := os.WriteFile(cp, []byte(copyText), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "t.db")
	out := ingest(t, db, src, shared(t, "examples/003_52b15b549b2096eb.txt"), cp)
	if !strings.Contains(out, "1 near-copies") {
		t.Errorf("ingest: %s", out)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rows, err := st.DB().Query(`SELECT e.cluster, count(DISTINCT e.article), group_concat(DISTINCT s.country)
		FROM events e JOIN event_sides s ON s.event = e.id
		WHERE e.type = 'CONSULT' AND e.tense = 'current' GROUP BY e.cluster`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var twice, meetings int
	for rows.Next() {
		var cl, countries string
		var n int
		rows.Scan(&cl, &n, &countries)
		meetings++
		if n == 2 {
			twice++
		}
		t.Logf("meeting %s: %d articles, %s", cl, n, countries)
	}
	if meetings == 0 || twice == 0 {
		t.Errorf("%d meetings, %d of them with two sources; want the copied meeting with two", meetings, twice)
	}
	var copies int
	st.DB().QueryRow("SELECT count(*) FROM articles WHERE copy_of IS NOT NULL").Scan(&copies)
	if copies != 1 {
		t.Errorf("%d near-copies, want 1", copies)
	}
}

func TestEventsCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	ingest(t, db, "../../samples", shared(t, "examples/000_10f149fc47b29e7c.txt"))
	code, out, errOut := dyad(t, "", "events", "--db", db, "--format", "jsonl", "--actor", "CHN", "--type", "consult")
	if code != 0 {
		t.Fatalf("events: exit %d: %s", code, errOut)
	}
	recs := records(t, out)
	if len(recs) == 0 {
		t.Fatalf("no Chinese meeting listed:\n%s", out)
	}
	for _, r := range recs {
		if r["type"] != "CONSULT" || r["articles"].(float64) < 1 || r["evidence"] == "" {
			t.Errorf("record: %v", r)
		}
	}
	code, out, _ = dyad(t, "", "events", "--db", db, "--format", "csv")
	if lines := strings.Count(out, "\n"); code != 0 || lines < 3 || !strings.HasPrefix(out, "event,date,") {
		t.Errorf("csv: exit %d, %d lines", code, lines)
	}
	for _, bad := range [][]string{
		{"events", "--db", filepath.Join(t.TempDir(), "none.db")},
		{"events", "--db", db, "--from", "2018-02-30"},
		{"events", "--db", db, "--quad", "7"},
		{"events", "--db", db, "--format", "xml"},
		{"events", "--db", db, "--limit", "100000"},
	} {
		if code, _, errOut := dyad(t, "", bad...); code != 2 || errOut == "" {
			t.Errorf("%v: exit %d, %q", bad, code, errOut)
		}
	}
}

func TestRelationsCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	ingest(t, db, "../../samples", shared(t, "examples/000_10f149fc47b29e7c.txt"), shared(t, "examples/003_52b15b549b2096eb.txt"))
	code, out, errOut := dyad(t, "", "timeline", "--db", db, "RUS", "chn")
	if code != 0 || !strings.Contains(out, "2018-06  CHN  RUS") {
		t.Errorf("timeline: exit %d %s\n%s", code, errOut, out)
	}
	code, out, _ = dyad(t, "", "dyads", "--db", db, "--year", "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, "period,a,b,events,") || !strings.Contains(out, "2018,CHN,RUS,") {
		t.Errorf("dyads: exit %d\n%s", code, out)
	}
	code, out, _ = dyad(t, "", "quotes", "--db", db, "--speaker", "Putin", "--format", "jsonl")
	recs := records(t, out)
	if code != 0 || len(recs) == 0 || recs[0]["speaker"] != "Vladimir Putin" {
		t.Errorf("quotes: exit %d, %v", code, recs)
	}
	for _, bad := range [][]string{
		{"timeline", "--db", db, "Russia", "China"},
		{"timeline", "--db", db, "RUS"},
		{"dyads", "--db", db, "--format", "xml"},
		{"quotes", "--db", db, "--limit", "999999"},
	} {
		if code, _, errOut := dyad(t, "", bad...); code != 2 || errOut == "" {
			t.Errorf("%v: exit %d, %q", bad, code, errOut)
		}
	}
}
