package actor

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"dyad/doc"
	"dyad/text"
)

var (
	testOnce sync.Once
	testRes  *Resolver
	testErr  error
)

// testResolver returns a resolver over testdata/kb.tsv only.
func testResolver(t *testing.T) *Resolver {
	t.Helper()
	testOnce.Do(func() {
		var kb *KB
		kb, testErr = New(context.Background(), Options{Files: []string{"testdata/kb.tsv"}, NoBuiltin: true})
		testRes = NewResolver(kb)
	})
	if testErr != nil {
		t.Fatal(testErr)
	}
	return testRes
}

func TestResolvePhrase(t *testing.T) {
	r := testResolver(t)
	tests := []struct {
		phrase string
		date   int
		want   string // "name|country|sector"
	}{
		{"Vladimir Putin", 20180101, "Vladimir Putin|RUS|GOV"},
		{"President Vladimir Putin", 20180101, "Vladimir Putin|RUS|GOV"},
		{"Russian President Vladimir Putin", 20180101, "Vladimir Putin|RUS|GOV"},
		{"PUTIN", 20180101, "Vladimir Putin|RUS|GOV"},
		{"putin", 20180101, "||"}, // a name must be capitalised
		{"Putin", 19950101, "||"}, // a surname alone, before any office: not him
		{"Vladimir Putin", 19950101, "Vladimir Putin|RUS|"},
		{"Trump", 20220401, "Donald Trump|USA|ELI"},
		{"President Donald Trump", 20220401, "Donald Trump|USA|GOV"}, // the text's title wins
		{"Putin", 20100101, "Vladimir Putin|RUS|GOV"},
		{"Donald Trump", 20220401, "Donald Trump|USA|ELI"},
		{"the Russian president", 19980101, "Boris Yeltsin|RUS|GOV"},
		{"the Russian president", 20180101, "Vladimir Putin|RUS|GOV"},
		{"the Russian president", 20100101, "Dmitry Medvedev|RUS|GOV"},
		{"Russia's foreign minister", 20180101, "Sergei Lavrov|RUS|GOV"},
		{"the Chinese president", 20100101, "Hu Jintao|CHN|GOV"},
		{"Chinese troops", 20180101, "|CHN|MIL"},
		{"Afghan police", 20180101, "||COP"},
		{"U.S. intelligence agencies", 20180101, "|USA|SPY"},
		{"US officials", 20180101, "|USA|GOV"},
		{"us", 20180101, "||"}, // "US" is a name only in capitals
		{"China's", 20180101, "|CHN|"},
		{"the Kremlin", 20180101, "|RUS|GOV"},
		{"Moscow", 20180101, "|RUS|GOV"},
		{"Moscow", 19870101, "|SUN|GOV"},
		{"the Shanghai Cooperation Organisation", 20180101, "Shanghai Cooperation Organisation|IGO|IGO"},
		{"SCO", 20180101, "Shanghai Cooperation Organisation|IGO|IGO"},
		{"May", 20180101, "||"}, // a common word: needs a title or the full name
		{"Prime Minister May", 20180101, "Theresa May|GBR|GOV"},
		{"officials in Qingdao", 20180101, "|CHN|GOV"},
		{"", 20180101, "||"},
		{"LeT", 20180101, "Lashkar-e-Taiba|PAK|REB"},
		{"LET", 20180101, "Lashkar-e-Taiba|PAK|REB"},
		{"Let", 20180101, "||"}, // a mixed-case acronym keeps its spelling
	}
	for _, tt := range tests {
		e := r.Resolve(tt.phrase, tt.date, "")
		if got := e.Name + "|" + e.Country + "|" + e.Sector; got != tt.want {
			t.Errorf("Resolve(%q, %d) = %s, want %s", tt.phrase, tt.date, got, tt.want)
		}
		if e.Text != strings.TrimSpace(tt.phrase) {
			t.Errorf("Resolve(%q).Text = %q", tt.phrase, e.Text)
		}
	}
	if e := r.Resolve("the national guard", 20180101, "RUS"); e.Country != "RUS" {
		t.Errorf("a country hint gives the country when the phrase has none: got %+v", e)
	}
}

// annotate runs the text and actor stages over an article.
func annotate(t *testing.T, r *Resolver, published, body string) *doc.Article {
	t.Helper()
	a := &doc.Article{Text: body, Source: doc.Source{Published: published}}
	ctx := context.Background()
	if err := (text.Splitter{}).Annotate(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := r.Annotate(ctx, a); err != nil {
		t.Fatal(err)
	}
	return a
}

// describe writes the mentions as "text=name/country/sector;..." lines.
func describe(a *doc.Article) []string {
	var out []string
	for _, m := range a.Mentions {
		var ents []string
		for _, e := range m.Entities {
			ents = append(ents, fmt.Sprintf("%s/%s/%s", e.Name, e.Country, e.Sector))
			if a.Text[e.Start:e.End] == "" {
				ents = append(ents, "EMPTY SPAN")
			}
		}
		if a.Slice(m.Span) != m.Text {
			ents = append(ents, "BAD SPAN")
		}
		out = append(out, m.Text+"="+strings.Join(ents, "+"))
	}
	return out
}

func TestResolveArticle(t *testing.T) {
	r := testResolver(t)
	tests := []struct {
		name, date, body string
		want             []string // mentions that must be among the article's
		not              []string // mention texts that must not be
	}{
		{"full name then surname", "2018-06-08",
			"Chinese President Xi Jinping met Vladimir Putin. Xi praised Putin.",
			[]string{"Chinese President Xi Jinping=Xi Jinping/CHN/GOV", "Vladimir Putin=Vladimir Putin/RUS/GOV",
				"Xi=Xi Jinping/CHN/GOV", "Putin=Vladimir Putin/RUS/GOV"}, nil},
		{"counterpart", "2023-03-20",
			"Chinese President Xi Jinping met with his Russian counterpart at the Kremlin.",
			[]string{"his Russian counterpart=Vladimir Putin/RUS/GOV", "the Kremlin=the Kremlin/RUS/"}, nil},
		{"counterpart with apposition", "2023-03-20",
			"Xi Jinping met his Russian counterpart, Vladimir Putin, on Monday.",
			[]string{"his Russian counterpart=Vladimir Putin/RUS/GOV"}, nil},
		{"role by date", "1998-05-01",
			"The Russian president spoke to reporters.",
			[]string{"The Russian president=Boris Yeltsin/RUS/GOV"}, nil},
		{"pronouns", "2018-06-08",
			"Xi gave Putin a medal, calling him his best friend. He said the ties were strong.",
			[]string{"him=Vladimir Putin/RUS/GOV", "his=Xi Jinping/CHN/GOV", "He=Xi Jinping/CHN/GOV"}, nil},
		{"pair", "2018-06-08",
			"Xi met Putin in Beijing. The two presidents signed agreements. Both leaders smiled.",
			[]string{"The two presidents=Xi Jinping/CHN/GOV+Vladimir Putin/RUS/GOV",
				"Both leaders=Xi Jinping/CHN/GOV+Vladimir Putin/RUS/GOV", "Beijing=Beijing/CHN/"}, nil},
		{"capital as government", "2018-06-08",
			"Washington's relations with Moscow are strained. Moscow has denied any interference.",
			[]string{"Washington=/USA/GOV", "Moscow=/RUS/GOV"}, nil},
		{"compound", "2018-06-08",
			"Senior Hungarian and Romanian officials agreed.",
			[]string{"Hungarian and Romanian officials=/HUN/GOV+/ROU/GOV"}, nil},
		{"visitor and host", "2018-06-08",
			"Xi hosted visiting Russian President Vladimir Putin. The host praised the visiting leader.",
			[]string{"The host=Xi Jinping/CHN/GOV", "the visiting leader=Vladimir Putin/RUS/GOV"}, nil},
		{"they", "2018-06-08",
			"Chinese and Russian officials met. They agreed to talk.",
			[]string{"They=/CHN/GOV+/RUS/GOV"}, nil},
		{"a noun for a person", "2018-06-08",
			"Putin spoke first. A general said he would stay.",
			[]string{"he=//MIL"}, nil},
		{"she and he", "2018-06-08",
			"Theresa May met Putin. She said he was late. Mrs. Kovacs said she agreed.",
			[]string{"She=Theresa May/GBR/GOV", "he=Vladimir Putin/RUS/GOV", "she=Kovacs//"}, nil},
		{"a titled name of one country on no date", "",
			"President Bush has threatened Russia.",
			[]string{"President Bush=/USA/GOV"}, nil},
		{"its", "2018-06-08",
			"The Kremlin said on Monday that its envoy would go. It said more later.",
			[]string{"its=/RUS/GOV", "It=/RUS/GOV"}, nil},
		{"adjective agent", "2018-06-08",
			"The general view of Putin is poor.",
			[]string{"Putin=Vladimir Putin/RUS/GOV"}, []string{"The general", "general"}},
		{"acronym by the article's country", "2018-06-08",
			"Pakistan votes today. The PPP leads in Pakistan.",
			[]string{"The PPP=Pakistan Peoples Party/PAK/PTY"}, nil},
		{"acronym by the article's country, other", "2018-06-08",
			"South Korea votes today. The PPP leads.",
			[]string{"The PPP=People Power Party/KOR/PTY"}, nil},
		{"role by title before office", "2018-06-08",
			"US President Donald Trump met Prime Minister Theresa May in Washington. Mr Trump praised the alliance. The prime minister said little.",
			[]string{"The prime minister=Theresa May/GBR/GOV"}, nil},
		{"no apposition across countries", "2018-06-08",
			"Peace will come, as US President, Theresa May has said.",
			[]string{"US President=Donald Trump/USA/GOV", "Theresa May=Theresa May/GBR/GOV"}, nil},
		{"unknown person after a title", "2018-06-08",
			"Russian Foreign Minister Ivan Petrovsky met Xi. Petrovsky said little.",
			[]string{"Russian Foreign Minister Ivan Petrovsky=Ivan Petrovsky/RUS/GOV", "Petrovsky=Ivan Petrovsky/RUS/GOV"}, nil},
		{"official of the dateline's country", "2018-06-08",
			"BEIJING, June 8 - Foreign Minister Zhou Lubin met Putin. Zhou said little.",
			[]string{"Foreign Minister Zhou Lubin=Zhou Lubin/CHN/GOV"}, nil},
		{"capitalised title that no person holds in the knowledge base", "2018-06-08",
			"BEIJING, June 8 - Tourism Minister Selim Ardaclar, who flies to Rome on Monday, met Putin.",
			[]string{"Tourism Minister Selim Ardaclar=Selim Ardaclar/CHN/GOV"}, nil},
		{"the one told is the one the clause is about", "2018-06-08",
			"Putin spoke after Theresa May warned Sergei Lavrov he must leave.",
			[]string{"he=Sergei Lavrov/RUS/GOV"}, nil},
		{"the body is the organisation just named", "2018-06-08",
			"The Shanghai Cooperation Organisation met. Russia praised the body.",
			[]string{"the body=Shanghai Cooperation Organisation/IGO/IGO"}, nil},
		{"police are of the place where they act", "2018-06-08",
			"Police sealed off parts of Beijing.",
			[]string{"Police=/CHN/COP"}, nil},
		{"police of the dateline", "2018-06-08",
			"BEIJING, June 8 - Police detained two men.",
			[]string{"Police=/CHN/COP"}, nil},
		{"no dateline, no country", "2018-06-08",
			"Foreign Minister Zhou Lubin met Putin in Beijing.",
			[]string{"Foreign Minister Zhou Lubin=Zhou Lubin//GOV"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := annotate(t, r, tt.date, tt.body)
			got := describe(a)
			have := map[string]bool{}
			texts := map[string]bool{}
			for _, g := range got {
				have[g] = true
				texts[strings.SplitN(g, "=", 2)[0]] = true
				if strings.Contains(g, "BAD SPAN") || strings.Contains(g, "EMPTY SPAN") {
					t.Errorf("bad span: %s", g)
				}
			}
			for _, w := range tt.want {
				if !have[w] {
					t.Errorf("missing %s\n got %q", w, got)
				}
			}
			for _, n := range tt.not {
				if texts[n] {
					t.Errorf("unexpected mention %q in %q", n, got)
				}
			}
		})
	}
}

func TestUserTableOverrides(t *testing.T) {
	table := "name,aliases,country,sector,type\nKremlin,the Kremlin,SUN,GOV,place\n"
	es, err := ParseTable("user.csv", []byte(table))
	if err != nil || len(es) != 1 {
		t.Fatalf("ParseTable: %v %+v", err, es)
	}
	base, _, err := ParseFile("testdata/kb.tsv", mustRead(t, "testdata/kb.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range base {
		base[i].User = false // as if built in
	}
	r := NewResolver(build(append(base, es...)))
	if e := r.Resolve("the Kremlin", 20180101, ""); e.Country != "SUN" {
		t.Errorf("a user entry overrides the built-in one: got %+v", e)
	}
	for _, bad := range []string{
		"name,country\nX,russia\n",
		"name,sector\nX,FOO\n",
		"name,from,to\nX,2010-01-01,2009-01-01\n",
		"nom,country\nX,RUS\n",
		"name,type\nX,planet\n",
	} {
		if _, err := ParseTable("bad.csv", []byte(bad)); err == nil {
			t.Errorf("ParseTable(%q) gave no error", bad)
		}
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
