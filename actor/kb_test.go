package actor

import (
	"context"
	"fmt"
	"testing"
)

// TestBuiltinData checks the embedded knowledge base: it loads, every
// country code names a state of states.tsv (or UNO, EUR, IGO), no line is
// given twice, every state has a capital or seat, and the people that the
// issue names are there with their offices.
func TestBuiltinData(t *testing.T) {
	kb, err := New(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]bool{"UNO": true, "EUR": true, "IGO": true}
	for _, e := range kb.Entries() {
		if e.Kind == KindState {
			codes[e.Country] = true
		}
	}
	if len(codes) < 200 {
		t.Errorf("%d state codes, want every state (200+)", len(codes))
	}
	seen := map[string]string{}
	seats := map[string]bool{}
	counts := map[Kind]int{}
	for _, e := range kb.Entries() {
		counts[e.Kind]++
		if e.Country != "" && !codes[e.Country] {
			t.Errorf("%s: country %q is not in states.tsv", e.Source, e.Country)
		}
		if len(e.Patterns) == 0 {
			t.Errorf("%s: no patterns", e.Source)
		}
		key := fmt.Sprint(e.Kind, e.Name, e.Patterns, e.Country, e.Sector, e.Office, e.Title, e.From, e.To, e.Plural)
		if prev, ok := seen[key]; ok {
			t.Errorf("%s: same entry as %s", e.Source, prev)
		}
		seen[key] = e.Source
		if e.Kind == KindPlace && e.Sector == "GOV" {
			seats[e.Country] = true
		}
	}
	for c := range codes {
		switch c {
		case "UNO", "EUR", "IGO", "ESH", "HKG", "MAC", "STP":
			continue
		}
		if !seats[c] {
			t.Errorf("state %s has no capital or seat of government", c)
		}
	}
	t.Logf("entries by kind: %v", counts)
	if counts[KindPerson] < 2000 || counts[KindAgent] < 500 || counts[KindPlace] < 1000 {
		t.Errorf("knowledge base too small: %v", counts)
	}
	r := NewResolver(kb)
	for _, tt := range []struct {
		phrase string
		date   int
		want   string
	}{
		{"the Russian president", 19980101, "Boris Yeltsin/RUS/GOV"},
		{"the Russian president", 20180101, "Vladimir Putin/RUS/GOV"},
		{"the US president", 20100101, "Barack Obama/USA/GOV"},
		{"the British prime minister", 20180101, "Theresa May/GBR/GOV"},
		{"the German chancellor", 20100101, "Angela Merkel/DEU/GOV"},
		{"the Chinese premier", 20150101, "Li Keqiang/CHN/GOV"},
		{"Japan's foreign minister", 20190101, "Taro Kono/JPN/GOV"},
		{"the Indian prime minister", 20200101, "Narendra Modi/IND/GOV"},
		{"the French president", 19950101, "François Mitterrand/FRA/GOV"},
		{"the Chinese leader", 20180101, "Xi Jinping/CHN/GOV"},
		{"the German leader", 20180101, "Angela Merkel/DEU/GOV"},
		{"the Kremlin", 20180101, "/RUS/GOV"},
		{"the Pentagon", 20180101, "/USA/MIL"},
		{"Downing Street", 20180101, "/GBR/GOV"},
		{"Chinese troops", 20180101, "/CHN/MIL"},
		{"Afghan police", 20180101, "/AFG/COP"},
		{"Moscow", 19870101, "/SUN/GOV"},
		{"President Reagan", 19870417, "Ronald Reagan/USA/GOV"},
		{"Secretary of State George Shultz", 19870311, "George Shultz/USA/GOV"},
		{"Prime Minister Nakasone", 19870101, "Yasuhiro Nakasone/JPN/GOV"},
	} {
		e := r.Resolve(tt.phrase, tt.date, "")
		if got := e.Name + "/" + e.Country + "/" + e.Sector; got != tt.want {
			t.Errorf("Resolve(%q, %d) = %s, want %s", tt.phrase, tt.date, got, tt.want)
		}
	}
}
