package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"dyad/doc"
)

// mentionsOf runs `dyad extract --actors-only` on one file and returns its
// mentions.
func mentionsOf(t *testing.T, path string) []doc.Mention {
	t.Helper()
	code, out, errOut := dyad(t, "", "extract", "--actors-only", path)
	if code != 0 {
		t.Fatalf("dyad extract --actors-only %s: exit %d: %s", path, code, errOut)
	}
	var rec struct {
		Mentions []doc.Mention `json:"mentions"`
	}
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatalf("bad output: %v\n%s", err, out)
	}
	return rec.Mentions
}

// TestExamplesActors checks that every mention of a person, state or
// organisation in the two example articles resolves right. Each case names
// a mention by its text and, where the text comes more than once, by the
// words of its sentence.
func TestExamplesActors(t *testing.T) {
	type want struct {
		text     string // the mention's text
		sentence string // words of its sentence, or "" for the first mention with that text
		ents     string // "name/country/sector" of each entity, joined by "+"
	}
	tests := []struct {
		file  string
		wants []want
	}{
		{"examples/000_10f149fc47b29e7c.txt", []want{
			{"Chinese President Xi", "Awards Putin", "Xi Jinping/CHN/GOV"},
			{"Putin", "Awards Putin", "Vladimir Putin/RUS/GOV"},
			{"Chinese President Xi Jinping", "", "Xi Jinping/CHN/GOV"},
			{"Russian President Vladimir Putin", "", "Vladimir Putin/RUS/GOV"},
			{"him", "calling him his best friend", "Vladimir Putin/RUS/GOV"},
			{"his", "calling him his best friend", "Xi Jinping/CHN/GOV"},
			{"Putin", "Western nations have of Putin", "Vladimir Putin/RUS/GOV"},
			{"Putin", "weekend summit", "Vladimir Putin/RUS/GOV"},
			{"Xi", "talks with Xi", "Xi Jinping/CHN/GOV"},
			{"the Shanghai Cooperation Organisation", "", "Shanghai Cooperation Organisation/IGO/IGO"},
			{"Qingdao", "", "Qingdao/CHN/"},
			{"Xi", "lauded their relationship", "Xi Jinping/CHN/GOV"},
			{"China", "No matter what", "/CHN/"},
			{"Russia", "No matter what", "/RUS/"},
			{"Xi", "told Putin", "Xi Jinping/CHN/GOV"},
			{"Putin", "told Putin", "Vladimir Putin/RUS/GOV"},
			{"he", "just before he put the medal", "Xi Jinping/CHN/GOV"},
			{"him", "called him", "Vladimir Putin/RUS/GOV"},
			{"President Putin", "leader of a great country", "Vladimir Putin/RUS/GOV"},
			{"The two", "oversaw the signing", "Xi Jinping/CHN/GOV+Vladimir Putin/RUS/GOV"},
			{"the two", "Xi promised", "Xi Jinping/CHN/GOV+Vladimir Putin/RUS/GOV"},
			{"Putin", "offered his thanks", "Vladimir Putin/RUS/GOV"},
			{"his", "offered his thanks", "Vladimir Putin/RUS/GOV"},
			{"he", "I see this as", "Vladimir Putin/RUS/GOV"},
			{"Washington", "", "/USA/GOV"},
			{"Moscow", "Washington's relations with Moscow", "/RUS/GOV"},
			{"U.S. intelligence agencies", "", "/USA/SPY"},
			{"Russia", "targeted by Russia", "/RUS/"},
			{"Moscow", "Moscow has denied", "/RUS/GOV"},
			{"U.S. President Donald Trump", "", "Donald Trump/USA/GOV"},
		}},
		{"examples/003_52b15b549b2096eb.txt", []want{
			{"Xi", "Xi meets Putin in Moscow", "Xi Jinping/CHN/GOV"},
			{"Putin", "Xi meets Putin in Moscow", "Vladimir Putin/RUS/GOV"},
			{"Chinese President Xi Jinping", "meets with Russian President", "Xi Jinping/CHN/GOV"},
			{"Russian President Vladimir Putin", "", "Vladimir Putin/RUS/GOV"},
			{"his Russian counterpart", "", "Vladimir Putin/RUS/GOV"},
			{"Vladimir Putin", "his Russian counterpart", "Vladimir Putin/RUS/GOV"},
			{"he", "greeted by the Kremlin Commandant", "Xi Jinping/CHN/GOV"},
			{"the Kremlin Commandant", "", "Kremlin Commandant/RUS/GOV"},
			{"Putin", "warmly shook hands", "Vladimir Putin/RUS/GOV"},
			{"The two presidents", "", "Xi Jinping/CHN/GOV+Vladimir Putin/RUS/GOV"},
			{"he", "pleased to pay another state visit", "Xi Jinping/CHN/GOV"},
			{"Putin", "at the invitation of Putin", "Vladimir Putin/RUS/GOV"},
			{"he", "he and Putin have stayed", "Xi Jinping/CHN/GOV"},
			{"He", "will hold the presidential election", "Xi Jinping/CHN/GOV"},
			{"the Russian people", "", "/RUS/CVL"},
			{"Xi", "profound historical logic", "Xi Jinping/CHN/GOV"},
			{"the UN", "", "United Nations/UNO/IGO"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := shared(t, tt.file)
			code, out, errOut := dyad(t, "", "extract", path)
			if code != 0 {
				t.Fatal(errOut)
			}
			var rec doc.Record
			if err := json.Unmarshal([]byte(out), &rec); err != nil {
				t.Fatal(err)
			}
			ms := mentionsOf(t, path)
			for _, w := range tt.wants {
				var found *doc.Mention
				for k := range ms {
					m := &ms[k]
					if m.Text != w.text {
						continue
					}
					sent := rec.Text[rec.Sentences[m.Sentence].Start:rec.Sentences[m.Sentence].End]
					if strings.Contains(sent, w.sentence) {
						found = m
						break
					}
				}
				if found == nil {
					t.Errorf("no mention %q in the sentence with %q", w.text, w.sentence)
					continue
				}
				var got []string
				for _, e := range found.Entities {
					got = append(got, fmt.Sprintf("%s/%s/%s", e.Name, e.Country, e.Sector))
				}
				if g := strings.Join(got, "+"); g != w.ents {
					t.Errorf("%q (in %q) = %s, want %s", w.text, w.sentence, g, w.ents)
				}
			}
		})
	}
}
