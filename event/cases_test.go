package event

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestLexiconCases codes the sentences of testdata/cases-*.tsv (written
// for these tests: cameo, actor countries, recipient countries, sentence)
// with the built-in lexicon and measures how many get an event of the
// right CAMEO root with the right sides. It fails when that share falls
// below the floor, so that a lexicon or coder change that loses ground
// shows; the misses are logged with -v.
func TestLexiconCases(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/cases-*.tsv")
	if len(files) == 0 {
		t.Fatal("no testdata/cases-*.tsv")
	}
	var n, rootOK, fullOK, negN, negOK int
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		for line := 1; sc.Scan(); line++ {
			row := strings.Split(sc.Text(), "\t")
			if len(row) != 4 || strings.HasPrefix(row[0], "#") || row[0] == "cameo" {
				continue
			}
			a := code(t, c, "2024-05-15", false, row[3])
			if row[0] == "-" {
				negN++
				if len(a.Events) == 0 {
					negOK++
				} else {
					t.Logf("%s:%d: want no event, got %s: %s", f, line, summary(a.Events[0]), row[3])
				}
				continue
			}
			n++
			root, full := false, false
			var got []string
			for _, e := range a.Events {
				got = append(got, summary(e))
				if e.CAMEO[:2] != row[0][:2] {
					continue
				}
				root = true
				if sameSet(countries(e.Actor), row[1]) && sameSet(countries(e.Recipient), row[2]) {
					full = true
				}
			}
			if root {
				rootOK++
			}
			if full {
				fullOK++
			}
			if !full {
				t.Logf("%s:%d: want %s %s>%s, got %q: %s", f, line, row[0], row[1], row[2], got, row[3])
			}
		}
		fh.Close()
	}
	rootShare, fullShare := float64(rootOK)/float64(n), float64(fullOK)/float64(n)
	t.Logf("%d cases: CAMEO root %.3f, root and sides %.3f; %d of %d negatives without events", n, rootShare, fullShare, negOK, negN)
	if rootShare < 0.85 || fullShare < 0.65 {
		t.Errorf("root %.3f (floor 0.85), root and sides %.3f (floor 0.65)", rootShare, fullShare)
	}
}

// sameSet compares comma-separated code lists as sets.
func sameSet(a, b string) bool {
	x, y := strings.Split(a, ","), strings.Split(b, ",")
	sort.Strings(x)
	sort.Strings(y)
	return strings.Join(x, ",") == strings.Join(y, ",")
}
