package actor

import (
	"context"
	"os"
	"testing"
)

const phoenixDir = "../../shared/reference/dictionaries/phoenix/"

func sharedFile(t *testing.T, p string) string {
	t.Helper()
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI needs %s: %v", p, err)
		}
		t.Skipf("no %s", p)
	}
	return p
}

func TestParsePetrarchRecord(t *testing.T) {
	src := `# comment
<!-- a comment
over lines -->
JAMES_BYRNES_  ; CountryInfo.txt
	[USAELI 18970101-450703]
	[USAGOV 450703-470121]
VLADIMIR_PUTIN_  ; CountryInfo.txt
+PUTIN_
	[RUSELI 700101-990809]
	[RUSGOV >080508]
	[RUSELI]
AFGHANISTAN_  [AFG]
+AFGHAN_
U_THANT_
	[IGOUNO 611130-711231] [ELI]; IGOrulers.txt
`
	es, warns, err := ParsePetrarch("test.actors", []byte(src))
	if err != nil || len(warns) > 0 {
		t.Fatal(err, warns)
	}
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		name, country, sector string
		from, to              int
		fallback              bool
		kind                  Kind
	}
	wants := []want{
		{"James Byrnes", "USA", "ELI", 18970101, 19450703, false, KindPerson},
		{"James Byrnes", "USA", "GOV", 19450703, 19470121, false, KindPerson},
		{"Vladimir Putin", "RUS", "ELI", 19700101, 19990809, false, KindPerson},
		{"Vladimir Putin", "RUS", "GOV", 20080508, 0, false, KindPerson},
		{"Vladimir Putin", "RUS", "ELI", 0, 0, true, KindPerson},
		{"Afghanistan", "AFG", "", 0, 0, false, KindState},
		{"U Thant", "UNO", "IGO", 19611130, 19711231, false, KindPerson},
		{"U Thant", "UNO", "ELI", 0, 0, true, KindPerson},
	}
	if len(es) != len(wants) {
		t.Fatalf("got %d entries, want %d: %+v", len(es), len(wants), es)
	}
	for i, w := range wants {
		e := es[i]
		got := want{e.Name, e.Country, e.Sector, e.From, e.To, e.Fallback, e.Kind}
		if got != w {
			t.Errorf("entry %d = %+v, want %+v", i, got, w)
		}
	}
	if p := es[3].Patterns; len(p) != 2 || p[1] != "PUTIN" {
		t.Errorf("Putin patterns = %q", p)
	}
}

func TestParsePetrarchAgents(t *testing.T) {
	src := `!PERSON! = MAN, MEN, WOMAN
CONGRESS!PERSON! [~LEG]
POLICE {} [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
MILITIA [~PRM]
HUMAN_RIGHTS_BODY  [NGO~]
`
	es, _, err := ParsePetrarch("test.agents", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range es {
		if e.Kind != KindAgent {
			t.Errorf("%q is %v, want agent", e.Patterns[0], e.Kind)
		}
		got[e.Patterns[0]] = e.Sector
	}
	for p, sec := range map[string]string{"congressman": "LEG", "congressmen": "LEG", "congresswoman": "LEG",
		"police": "COP", "attorney general": "GOV", "attorneys general": "GOV", "militia": "PRM",
		"militias": "PRM", "human rights body": "NGO", "human rights bodies": "NGO"} {
		if got[p] != sec {
			t.Errorf("%q → %q, want %q", p, got[p], sec)
		}
	}
	if _, ok := got["polices"]; ok {
		t.Errorf("POLICE {} made a plural")
	}
}

// TestPhoenixDictionaries loads the real Phoenix dictionaries: every
// record is read, with its date restrictions, and resolution follows them.
func TestPhoenixDictionaries(t *testing.T) {
	files := map[string]int{ // file → least number of entries expected
		"Phoenix.Countries.actors.txt":     15000,
		"Phoenix.International.actors.txt": 3000,
		"Phoenix.MilNonState.actors.txt":   900,
		"Phoenix.agents.txt":               1500,
	}
	var paths []string
	dated := 0
	for name, min := range files {
		p := sharedFile(t, phoenixDir+name)
		paths = append(paths, p)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		es, warns, err := ParseFile(name, data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		t.Logf("%s: %d lines skipped, e.g. %q", name, len(warns), append(warns, "")[0])
		if len(warns) > len(es)/100 {
			t.Errorf("%s: %d lines skipped, more than 1%%", name, len(warns))
		}
		for _, e := range es {
			if e.From != 0 || e.To != 0 {
				dated++
			}
		}
		t.Logf("%s: %d entries", name, len(es))
		if len(es) < min {
			t.Errorf("%s: %d entries, want at least %d", name, len(es), min)
		}
	}
	if dated < 5000 {
		t.Errorf("%d entries with date restrictions, want at least 5000", dated)
	}
	kb, err := New(context.Background(), Options{Files: paths, NoBuiltin: true})
	if err != nil {
		t.Fatal(err)
	}
	r := NewResolver(kb)
	tests := []struct {
		phrase          string
		date            int
		country, sector string
	}{
		{"Vladimir Putin", 19950101, "RUS", "ELI"},
		{"Vladimir Putin", 20050101, "RUS", "GOV"},
		{"Vladimir Putin", 20100101, "RUS", "GOV"},
		{"Afghan", 20100101, "AFG", ""},
		{"the World Food Programme", 20100101, "UNO", "IGO"},
		{"Alan Garcia", 19870101, "PER", "GOV"},
		{"Alan Garcia", 19950101, "PER", "ELI"},
	}
	for _, tt := range tests {
		e := r.Resolve(tt.phrase, tt.date, "")
		if e.Country != tt.country || e.Sector != tt.sector {
			t.Errorf("Resolve(%q, %d) = %s %s, want %s %s", tt.phrase, tt.date, e.Country, e.Sector, tt.country, tt.sector)
		}
	}
}
