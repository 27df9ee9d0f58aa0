package main

import (
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"

	"dyad/doc"
	"dyad/eval"
)

// expected is the part of an examples/*.expected.json file that the test
// checks.
type expected struct {
	Events []struct {
		eval.GoldEvent
		Why string `json:"why"`
	} `json:"events"`
	// Quotes name their speaker by name alone, unlike the gold files.
	Quotes []struct {
		Speaker string `json:"speaker"`
		Text    string `json:"text"`
		Direct  bool   `json:"direct"`
	} `json:"quotes"`
}

// side writes entities as sorted "name/country" items; an entity with no
// name is written by its country alone.
func side(es []doc.Entity) string {
	var xs []string
	for _, e := range es {
		xs = append(xs, e.Name+"/"+e.Country)
	}
	sort.Strings(xs)
	return strings.Join(xs, "+")
}

// TestExamplesEvents codes the two example articles and checks every
// expected event (type, CAMEO root, actor and recipient names and
// countries, date and tense) and that dyad codes no other event: the
// examples' not_events (denials, background facts, repeated reports of
// the same meeting) must not show up as events.
//
// The coder does not get every example right yet: the test logs each
// miss and fails when fewer events are found whole (type, root, sides,
// date and tense) than the floor, or more extra events are coded than the
// ceiling, so that no change loses ground.
func TestExamplesEvents(t *testing.T) {
	const floor, ceiling = 13, 0
	whole, extra := 0, 0
	defer func() {
		t.Logf("examples: %d expected events found whole (floor %d), %d extra events (ceiling %d)", whole, floor, extra, ceiling)
		if whole < floor || extra > ceiling {
			t.Errorf("examples: %d whole (floor %d), %d extra (ceiling %d)", whole, floor, extra, ceiling)
		}
	}()
	for _, name := range []string{"000_10f149fc47b29e7c", "003_52b15b549b2096eb"} {
		t.Run(name, func(t *testing.T) {
			dir := shared(t, "examples")
			raw, err := os.ReadFile(dir + "/" + name + ".expected.json")
			if err != nil {
				t.Fatal(err)
			}
			var want expected
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatal(err)
			}
			code, out, errOut := dyad(t, "", "code", dir+"/"+name+".txt")
			if code != 0 {
				t.Fatalf("dyad code: exit %d: %s", code, errOut)
			}
			var rec doc.Record
			if err := json.Unmarshal([]byte(out), &rec); err != nil {
				t.Fatal(err)
			}
			used := make([]bool, len(rec.Events))
			for _, w := range want.Events {
				found := -1
				for i, e := range rec.Events {
					if used[i] || e.Type != w.Type || e.CAMEO[:2] != w.CAMEO[:2] {
						continue
					}
					ga, gr := side(e.Actor), side(e.Recipient)
					wa, wr := side(w.Actor), side(w.Recipient)
					if ga == wa && gr == wr || w.Type == "CONSULT" && ga == wr && gr == wa {
						found = i
						break
					}
				}
				if found < 0 {
					t.Logf("missing %s %s %s -> %s (%s)", w.Type, w.CAMEO, side(w.Actor), side(w.Recipient), w.Why)
					continue
				}
				used[found] = true
				e := rec.Events[found]
				gd, wd := "null", "null"
				if e.Date != nil {
					gd = *e.Date
				}
				if w.Date != nil {
					wd = *w.Date
					if len(wd) == 4 {
						wd += "-01-01"
					}
				}
				if gd == wd && e.Tense == w.Tense {
					whole++
				} else {
					t.Logf("%s %s -> %s: date %s %s, want %s %s (%s)", w.Type, side(w.Actor), side(w.Recipient), gd, e.Tense, wd, w.Tense, w.Why)
				}
			}
			for i, e := range rec.Events {
				if !used[i] && !e.Negated && e.Tense != doc.TenseHypothetical {
					extra++
					t.Logf("extra event %s %s %s -> %s: %s", e.Type, e.CAMEO, side(e.Actor), side(e.Recipient), e.Evidence)
				}
			}
			// Each expected quote is found with its speaker.
			for _, w := range want.Quotes {
				ok := false
				for _, q := range rec.Quotes {
					if eval.Jaccard(eval.Words(q.Text), eval.Words(w.Text)) >= 0.5 && strings.EqualFold(speakerName(q.Speaker), w.Speaker) {
						ok = true
						break
					}
				}
				if !ok {
					t.Errorf("missing quote by %s: %q", w.Speaker, w.Text)
				}
			}
		})
	}
}

// speakerName is the name an example gives a speaker: its canonical name,
// or the article's words for one with none ("U.S. intelligence
// agencies").
func speakerName(e doc.Entity) string {
	if e.Name != "" {
		return e.Name
	}
	return e.Text
}
