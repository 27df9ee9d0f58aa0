package main

import (
	"encoding/csv"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// readRows reads a file of CSV (comma ',') or GDELT (comma '\t') rows of
// n fields each (-1: as many as the first).
func readRows(t *testing.T, path string, comma rune, n int) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.LazyQuotes = comma, true
	if n > 0 {
		r.FieldsPerRecord = n
	}
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

func TestExportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	ingest(t, db, "../../samples")

	code, out, errOut := dyad(t, "", "export", "--db", db, "--format", "jsonl")
	if code != 0 {
		t.Fatalf("jsonl: exit %d: %s", code, errOut)
	}
	events := len(records(t, out))
	if events < 2 || !strings.Contains(errOut, "exported") {
		t.Fatalf("jsonl: %d events; stderr %q", events, errOut)
	}

	csvFile := filepath.Join(dir, "events.csv")
	code, out, errOut = dyad(t, "", "export", "--db", db, "--format", "csv", "-o", csvFile)
	if code != 0 || out != "" {
		t.Fatalf("csv: exit %d, stdout %q: %s", code, out, errOut)
	}
	if rows := readRows(t, csvFile, ',', -1); len(rows) != events+1 || rows[0][0] != "event" {
		t.Errorf("csv: %d rows, want a header and %d events", len(rows), events)
	}

	gdelt := filepath.Join(dir, "events.gdelt.tsv")
	if code, _, errOut := dyad(t, "", "export", "--db", db, "--format", "gdelt", "-o", gdelt); code != 0 {
		t.Fatalf("gdelt: exit %d: %s", code, errOut)
	}
	if rows := readRows(t, gdelt, '\t', 61); len(rows) != events {
		t.Errorf("gdelt: %d rows, want %d", len(rows), events)
	}
	if rows := readRows(t, filepath.Join(dir, "events.gdelt.mentions.tsv"), '\t', 16); len(rows) < events {
		t.Errorf("gdelt mentions: %d rows for %d events", len(rows), events)
	}
	code, out, errOut = dyad(t, "", "export", "--db", db, "--format", "gdelt")
	if code != 0 || strings.Count(out, "\n") != events || !strings.Contains(errOut, "Mentions table needs -o") {
		t.Errorf("gdelt to standard output: exit %d, %d lines, stderr %q", code, strings.Count(out, "\n"), errOut)
	}

	if entries, _ := os.ReadDir(dir); hasTmp(entries) {
		t.Errorf("a temporary file is left: %v", entries)
	}
}

func hasTmp(entries []os.DirEntry) bool {
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			return true
		}
	}
	return false
}

func TestExportCommandErrors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	ingest(t, db, "../../samples")
	target := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(target, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"bad format", []string{"--db", db, "--format", "xml"}, "unknown format"},
		{"no format", []string{"--db", db}, "--format is required"},
		{"bad date", []string{"--db", db, "--format", "csv", "--from", "2018-02-30"}, "from"},
		{"bad quad", []string{"--db", db, "--format", "csv", "--quad", "9"}, "quad"},
		{"missing database", []string{"--db", filepath.Join(dir, "none.db"), "--format", "csv"}, "no database at"},
		{"mentions without gdelt", []string{"--db", db, "--format", "csv", "--mentions", "m.tsv"}, "--mentions"},
		{"no such directory", []string{"--db", db, "--format", "csv", "-o", filepath.Join(dir, "none", "x.csv")}, "none"},
		{"a failing query keeps the old file", []string{"--db", db, "--format", "csv", "-o", target, "--text", `"unbalanced`}, "text"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := dyad(t, "", append([]string{"export"}, c.args...)...)
			if code != 2 || !strings.Contains(errOut, c.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errOut, c.want)
			}
			if out != "" {
				t.Errorf("stdout %q", out)
			}
		})
	}
	if data, _ := os.ReadFile(target); string(data) != "old\n" {
		t.Errorf("a failed export changed %s: %q", target, data)
	}
	if entries, _ := os.ReadDir(dir); hasTmp(entries) {
		t.Errorf("a temporary file is left: %v", entries)
	}
	if _, err := os.Stat(filepath.Join(dir, "none.db")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the missing database was created: %v", err)
	}

	// The binary itself exits with 2.
	cmd := exec.Command(os.Args[0], "export", "--db", db, "--format", "xml")
	cmd.Env = append(os.Environ(), "DYAD_TEST_RUN_MAIN=1")
	err := cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 2 {
		t.Errorf("dyad export --format xml: %v, want exit status 2", err)
	}
}
