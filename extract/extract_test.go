package extract

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding/charmap"

	"dyad/doc"
)

func newTestExtractor(t testing.TB) *Extractor {
	t.Helper()
	e, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func extractFile(t *testing.T, e *Extractor, path string, kind doc.Kind) *doc.Article {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("no %s: %v", path, err)
	}
	a, err := e.Extract(context.Background(), doc.Input{Path: path, Kind: kind, Data: data})
	if err != nil {
		t.Fatalf("Extract(%s): %v", path, err)
	}
	return a
}

// articleCase says what an extracted article must hold.
type articleCase struct {
	path     string
	kind     doc.Kind
	source   doc.Source // every non-empty field must match
	title    string     // the title paragraph
	caption  string     // a caption paragraph that must be kept, or ""
	contains []string   // must be in the text
	absent   []string   // must not be in the text
	paras    int        // body paragraphs, or 0 to skip the check
}

func checkArticle(t *testing.T, a *doc.Article, c articleCase) {
	t.Helper()
	want, got := c.source, a.Source
	for _, f := range []struct{ name, want, got string }{
		{"url", want.URL, got.URL}, {"outlet", want.Outlet, got.Outlet},
		{"wire", want.Wire, got.Wire}, {"title", want.Title, got.Title},
		{"byline", want.Byline, got.Byline}, {"published", want.Published, got.Published},
		{"language", want.Language, got.Language},
	} {
		if f.want != "" && f.want != "-" && f.want != f.got {
			t.Errorf("source.%s = %q, want %q", f.name, f.got, f.want)
		}
	}
	if want.Wire == "-" && got.Wire != "" {
		t.Errorf("source.wire = %q, want none", got.Wire)
	}
	var body int
	var title, caption string
	for _, p := range a.Paragraphs {
		switch p.Role {
		case doc.RoleTitle:
			title = a.Slice(p.Span)
		case doc.RoleCaption:
			caption = a.Slice(p.Span)
		default:
			body++
		}
	}
	if title != c.title {
		t.Errorf("title paragraph = %q, want %q", title, c.title)
	}
	if caption != c.caption {
		t.Errorf("caption = %q, want %q", caption, c.caption)
	}
	if c.paras > 0 && body != c.paras {
		t.Errorf("%d body paragraphs, want %d:\n%s", body, c.paras, a.Text)
	}
	for _, s := range c.contains {
		if !strings.Contains(a.Text, s) {
			t.Errorf("text lacks %q:\n%s", s, a.Text)
		}
	}
	for _, s := range c.absent {
		if strings.Contains(a.Text, s) {
			t.Errorf("text has debris %q:\n%s", s, a.Text)
		}
	}
	if !strings.HasPrefix(a.Text, title) {
		t.Errorf("text does not start with the title")
	}
}

func TestExtractFixtures(t *testing.T) {
	e := newTestExtractor(t)
	cases := []articleCase{{
		path: "testdata/scraped.md", kind: doc.KindMarkdown,
		source: doc.Source{
			Title:     "Foreign Ministers of France and Brazil Sign Climate Pact in Paris",
			Wire:      "AFP",
			Byline:    "By AFP",
			Published: "2021-03-03",
			URL:       "https://www.example-news.com/2021/03/03/france-brazil-climate-pact-a1234",
			Outlet:    "example-news.com",
		},
		title: "Foreign Ministers of France and Brazil Sign Climate Pact in Paris",
		contains: []string{
			"Le Drian said the talks had been frank and constructive, according to",
			`Gen. Pierre Martin of the U.S. Embassy said the pact was "a first step." He did not elaborate.`,
		},
		absent: []string{"Home >", "Quai d'Orsay**", "Related", "$2.5 Bln", "Share this", "Original url", "https://", "**", "](#)", "\\"},
		paras:  3,
	}, {
		path: "testdata/portal.txt", kind: doc.KindText,
		source: doc.Source{
			Title:     "Japan, Vietnam vow closer maritime cooperation",
			Published: "2022-09-14",
			Outlet:    "Example Daily",
			Wire:      "-",
		},
		title:   "Japan, Vietnam vow closer maritime cooperation",
		caption: "Japanese Prime Minister Fumio Kishida shakes hands with Vietnamese Prime Minister Pham Minh Chinh in Tokyo, Japan, Sept. 13, 2022.",
		contains: []string{
			"held talks with his Vietnamese counterpart Pham Minh Chinh in Tokyo on Tuesday.",
		},
		absent: []string{"Home >", "Release Date", "Source:", "(Example/Li Ming)", "Editor", "About us", "Sponsored", "Operated by", "Registration", "browsers"},
		paras:  2,
	}, {
		path: "testdata/page.html", kind: doc.KindHTML,
		source: doc.Source{
			Title:     "Kenya and Ethiopia agree border talks",
			Published: "2020-02-11",
			Outlet:    "The Example Herald",
			Wire:      "Reuters",
			Byline:    "Amina Otieno",
			URL:       "https://www.example-herald.com/world/kenya-ethiopia-border-talks",
			Language:  "en",
		},
		title:    "Kenya and Ethiopia agree border talks",
		contains: []string{"Kenya and Ethiopia agreed on Tuesday to open talks", "Gedu Andargachew", "around the clock from next month."},
		absent:   []string{"Sport", "Privacy", "All rights reserved", "By Amina"},
		paras:    4,
	}}
	for _, c := range cases {
		t.Run(filepath.Base(c.path), func(t *testing.T) {
			checkArticle(t, extractFile(t, e, c.path, c.kind), c)
		})
	}
}

// TestExtractWindows1252 reads a page in Windows-1252 that declares no
// charset: the text must come out as proper UTF-8, with a note.
func TestExtractWindows1252(t *testing.T) {
	e := newTestExtractor(t)
	page, err := os.ReadFile("testdata/page.html")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(page), `<meta charset="utf-8">`, "", 1)
	s = strings.Replace(s, "Gedu Andargachew", "Gédu Andargachew", 1)
	s = strings.Replace(s, "since the 1960s", "since the 1960s — “a long time”", 1)
	data, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	a, err := e.Extract(context.Background(), doc.Input{Path: "cp1252.html", Kind: doc.KindHTML, Data: data})
	if err != nil {
		t.Fatal(err)
	}
	checkArticle(t, a, articleCase{
		source:   doc.Source{Title: "Kenya and Ethiopia agree border talks", Published: "2020-02-11"},
		title:    "Kenya and Ethiopia agree border talks",
		contains: []string{"Gédu Andargachew", "since the 1960s — “a long time”"},
		paras:    4,
	})
	if len(a.Errors) != 1 || !strings.Contains(a.Errors[0], "windows-1252") {
		t.Errorf("errors = %q, want a note on the guessed encoding", a.Errors)
	}
}

// TestExtractExamples checks the two articles dyad was first specified on,
// read from ../shared at run time.
func TestExtractExamples(t *testing.T) {
	e := newTestExtractor(t)
	cases := []articleCase{{
		path: "../../shared/examples/000_10f149fc47b29e7c.txt", kind: doc.KindMarkdown,
		source: doc.Source{
			Title:     "Chinese President Xi Awards Putin Friendship Medal, Pledges Support",
			Outlet:    "The Moscow Times",
			Wire:      "Reuters",
			Byline:    "By Reuters",
			Published: "2018-06-08",
			URL:       "https://www.themoscowtimes.com/2018/06/08/chinese-president-xi-awards-putin-friendship-medal-pledges-support-a61737",
		},
		title: "Chinese President Xi Awards Putin Friendship Medal, Pledges Support",
		contains: []string{
			"China and Russia have always firmly taken the development of relations as a priority",
			"a joint $1 billion industrial investment fund",
			"U.S. intelligence agencies said was targeted by Russia.",
		},
		absent: []string{"Kremlin.ru", "Related article", "Power of Siberia", "Senate Panel", "Original url", "https://", "**", "](#)", "\\", "By Reuters", "June 08, 2018"},
		paras:  17,
	}, {
		path: "../../shared/examples/003_52b15b549b2096eb.txt", kind: doc.KindText,
		source:  doc.Source{Title: "Xi meets Putin in Moscow", Outlet: "Xinhua", Published: "2023-03-23"},
		title:   "Xi meets Putin in Moscow",
		caption: "Chinese President Xi Jinping meets with Russian President Vladimir Putin at the Kremlin on his arrival in Moscow, Russia, March 20, 2023.",
		contains: []string{
			"met with his Russian counterpart, Vladimir Putin, at the Kremlin",
			"be a bulwark for world peace and stability.",
		},
		absent: []string{"Home >", "Government Dynamic", "Release Date", "Source:", "Xinhua/Shen Hong", "Editor", "Galia", "About us", "Legal notice", "Sponsored", "Operated by", "Registration", "11044902", "browsers"},
		paras:  9,
	}}
	for _, c := range cases {
		t.Run(filepath.Base(c.path), func(t *testing.T) {
			checkArticle(t, extractFile(t, e, c.path, c.kind), c)
		})
	}
}

func TestCleanLines(t *testing.T) {
	e := newTestExtractor(t)
	cases := []struct {
		name, in string
		md       bool
		want     []string // paragraphs, title first when there is one
	}{
		{"breadcrumb dropped", "Home > News > World\n\nThe ministers met on Friday in Rome to discuss the crisis.", false,
			[]string{"The ministers met on Friday in Rome to discuss the crisis."}},
		{"broken paragraph joined", "The talks in Geneva were, officials said,\n\nconstructive and would resume soon.", false,
			[]string{"The talks in Geneva were, officials said, constructive and would resume soon."}},
		{"hard-wrapped lines joined", "The foreign ministers of both countries met in Ankara on\nThursday and agreed to restore full diplomatic relations after\na two-year break, officials said.", false,
			[]string{"The foreign ministers of both countries met in Ankara on Thursday and agreed to restore full diplomatic relations after a two-year break, officials said."}},
		{"hyphen at a line end kept", "Officials said the two sides would sign the new Sino-\nRussian energy accord at a summit in Beijing later this\nmonth, after talks in Moscow.", false,
			[]string{"Officials said the two sides would sign the new Sino-Russian energy accord at a summit in Beijing later this month, after talks in Moscow."}},
		{"one paragraph a line", "The president arrived in Seoul on Monday for a two-day visit.\nHe will meet the prime minister on Tuesday morning at the Blue House.", false,
			[]string{"The president arrived in Seoul on Monday for a two-day visit.", "He will meet the prime minister on Tuesday morning at the Blue House."}},
		{"markdown links and bold", "Talks between **Egypt** and [Ethiopia](https://example.org/x) on the dam resumed on Sunday in Cairo.", true,
			[]string{"Talks between Egypt and Ethiopia on the dam resumed on Sunday in Cairo."}},
		{"markdown image dropped", "![a photo](https://example.org/p.jpg)\n\nThe summit opened in Lima on Monday with twelve leaders present.", true,
			[]string{"The summit opened in Lima on Monday with twelve leaders present."}},
		{"footer links", "The vote is due on Sunday, the election board said in Accra.\n\nAbout Us | Contact | Privacy Policy | Terms of Use", false,
			[]string{"The vote is due on Sunday, the election board said in Accra."}},
		{"editing credit", "The army said two soldiers were killed near the border on Monday.\n\n(Reporting by Jane Roe; Editing by John Doe)", false,
			[]string{"The army said two soldiers were killed near the border on Monday."}},
		{"by in body kept", "Talks stalled in March over the border question raised by both delegations.\n\nBy Friday, the troops had withdrawn from the disputed area near the river.", false,
			[]string{"Talks stalled in March over the border question raised by both delegations.", "By Friday, the troops had withdrawn from the disputed area near the river."}},
		{"dated line kept in body", "June 4, 1989 is a date that Beijing has tried to erase from memory for decades.", false,
			[]string{"June 4, 1989 is a date that Beijing has tried to erase from memory for decades."}},
		{"short caption without event dropped", "Ambassador Li Wei. (Photo: Example/Zhang San)\n\nThe embassy said the ambassador had been recalled for consultations.", false,
			[]string{"The embassy said the ambassador had been recalled for consultations."}},
		{"front matter", "doc_id: x1\ntitle: Talks resume\noutlet: Example Post\npublished: 2019-11-19T10:48:00+00:00\nurl: None\n---\nThe two sides resumed talks in Doha on Tuesday after a month-long pause.", false,
			[]string{"The two sides resumed talks in Doha on Tuesday after a month-long pause."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := e.clean(c.in, c.md)
			var got []string
			for _, p := range res.paras {
				got = append(got, p.text)
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("paragraphs:\n got %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestFrontMatterMeta(t *testing.T) {
	e := newTestExtractor(t)
	res := e.clean("doc_id: x1\ntitle: Talks resume\noutlet: Example Post\npublished: 2019-11-19T10:48:00+00:00\nurl: None\n---\nThe two sides resumed talks in Doha on Tuesday.", false)
	want := doc.Source{Title: "Talks resume", Outlet: "Example Post", Published: "2019-11-19"}
	if res.meta != want {
		t.Errorf("meta = %+v, want %+v", res.meta, want)
	}
}

func TestFindDate(t *testing.T) {
	cases := []struct{ in, want string }{
		{"June 08, 2018", "2018-06-08"},
		{"Release Date:2023-03-23 17:48:16", "2023-03-23"},
		{"8 June 2018", "2018-06-08"},
		{"Jun. 8 2018", "2018-06-08"},
		{"Sept. 13, 2022", "2022-09-13"},
		{"2019-11-19T10:48:00+00:00", "2019-11-19"},
		{"Monday, 3rd of March, 2021", "2021-03-03"},
		{"February 30, 2020", ""},
		{"2020-13-01", ""},
		{"no date here", ""},
	}
	for _, c := range cases {
		if got := normalizeDate(c.in); got != c.want {
			t.Errorf("normalizeDate(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestOutletAndWire(t *testing.T) {
	e := newTestExtractor(t)
	outlets := map[string]string{
		"https://www.themoscowtimes.com/2018/06/08/x": "The Moscow Times",
		"http://africa.reuters.com/article/x":         "Reuters",
		"https://news.bbc.co.uk/2/hi/x.stm":           "BBC News",
		"https://www.example.org/x":                   "example.org",
		"not a url":                                   "",
	}
	for u, want := range outlets {
		if got, _ := e.tab.outletForURL(u); got != want {
			t.Errorf("outletForURL(%q) = %q, want %q", u, got, want)
		}
	}
	wires := map[string]string{
		"By Reuters":                              "Reuters",
		"By John Smith and Jane Doe, AP":          "Associated Press",
		"By Agence France-Presse":                 "AFP",
		"By Reuters Staff":                        "Reuters",
		"By John Smith":                           "",
		"JASON STRAZIUSO Associated Press Writer": "",
	}
	for b, want := range wires {
		if got := e.tab.wireInByline(b); got != want {
			t.Errorf("wireInByline(%q) = %q, want %q", b, got, want)
		}
	}
	datelines := map[string]string{
		"BEIJING, June 8 (Reuters) - Chinese President Xi Jinping": "Reuters",
		"MOSCOW (AP) — Russia said":                                "Associated Press",
		"GAZA CITY (Xinhua) -- Israel":                             "Xinhua",
		"The talks (which began Monday) - as expected - stalled":   "",
	}
	for s, want := range datelines {
		if got := e.tab.wireInDateline(s); got != want {
			t.Errorf("wireInDateline(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestTablesValid(t *testing.T) {
	tab, err := loadTables()
	if err != nil {
		t.Fatal(err)
	}
	for host, name := range tab.outlets {
		if strings.ContainsAny(host, " /:") || name == "" {
			t.Errorf("bad outlet line %q → %q", host, name)
		}
	}
}

func TestExtractErrors(t *testing.T) {
	e := newTestExtractor(t)
	cases := []doc.Input{
		{Path: "empty.txt", Kind: doc.KindText, Data: []byte("   \n\n  ")},
		{Path: "debris.txt", Kind: doc.KindText, Data: []byte("About us | Contact us | Legal notice\n\nRegistration number:11044902")},
		{Path: "empty.html", Kind: doc.KindHTML, Data: []byte("<html><body><nav>Home</nav></body></html>")},
		{Path: "odd", Kind: "pdf", Data: []byte("%PDF-1.4")},
	}
	for _, in := range cases {
		if a, err := e.Extract(context.Background(), in); err == nil {
			t.Errorf("Extract(%s) = %q, want an error", in.Path, a.Text)
		} else if !strings.Contains(err.Error(), in.Path) {
			t.Errorf("error %q does not name the input %s", err, in.Path)
		}
	}
}

func TestHintsWin(t *testing.T) {
	e := newTestExtractor(t)
	in := doc.Input{
		Path: "x.jsonl:3", Kind: doc.KindText, ID: "given-id",
		Data: []byte("The two leaders met in Hanoi on Monday and signed a trade pact."),
		Hint: doc.Source{URL: "https://www.reuters.com/world/x", Title: "Leaders meet", Published: "2021-05-04T10:00:00Z"},
	}
	a, err := e.Extract(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != "given-id" || a.Source.Title != "Leaders meet" || a.Source.Published != "2021-05-04" || a.Source.Outlet != "Reuters" || a.Source.Path != "x.jsonl:3" {
		t.Errorf("got id %q source %+v", a.ID, a.Source)
	}
}

func TestToUTF8(t *testing.T) {
	out, note := toUTF8([]byte("caf\xe9 \x93quoted\x94"))
	if string(out) != "café “quoted”" || note == "" {
		t.Errorf("toUTF8 = %q, %q", out, note)
	}
	out, note = toUTF8([]byte("\xef\xbb\xbfplain"))
	if string(out) != "plain" || note != "" {
		t.Errorf("toUTF8 = %q, %q", out, note)
	}
}

func FuzzClean(f *testing.F) {
	for _, p := range []string{"testdata/scraped.md", "testdata/portal.txt"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(string(data), true)
		}
	}
	f.Add("Home > x >\n\n# T\n\nBy [R](#)\n\nJune 08, 2018\n\nbody text\n\nmore", true)
	f.Add("a\n---\nb: c\n---\n", false)
	f.Add("**\n\n\\\\$\n\n<x>", true)
	e := newTestExtractor(f)
	f.Fuzz(func(t *testing.T, s string, md bool) {
		kind := doc.KindText
		if md {
			kind = doc.KindMarkdown
		}
		a, err := e.Extract(context.Background(), doc.Input{Path: "fuzz", Kind: kind, Data: []byte(s)})
		if err != nil {
			return
		}
		for _, p := range a.Paragraphs {
			if p.Start < 0 || p.End > len(a.Text) || p.Start >= p.End {
				t.Fatalf("bad paragraph span %+v in %d bytes", p.Span, len(a.Text))
			}
		}
	})
}

func FuzzHTML(f *testing.F) {
	for _, p := range []string{"testdata/page.html"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("<title>x</titlevalue=1><body><p>text</p>"))
	e := newTestExtractor(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := e.Extract(context.Background(), doc.Input{Path: "fuzz.html", Kind: doc.KindHTML, Data: data})
		if err == nil && a.Text == "" {
			t.Fatal("no error and no text")
		}
	})
}

func TestRenderBlocks(t *testing.T) {
	cases := []struct{ in, want string }{
		{`<p>Rep. <b>Ilhan Omar</b>said on <a href="#">Monday</a>, as expected, that "<i>no</i>" was final.</p>`,
			`Rep. Ilhan Omar said on Monday, as expected, that "no" was final.`},
		{`<div><p>One.</p><p>Two <span>($5</span>)</p></div>`, "One.\nTwo ($5)"},
		{`<p>Line<br>break</p><script>x()</script>`, "Line\nbreak"},
	}
	for _, c := range cases {
		root, err := html.Parse(strings.NewReader(c.in))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(renderBlocks(root), "\n"); got != c.want {
			t.Errorf("renderBlocks(%s) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTailBoilerplate(t *testing.T) {
	for _, s := range []string{
		"Jane Roe contributed to this report.",
		"Filed under: Politics, Asia",
		"Follow us on Twitter for more news",
		"Write to Al Root at allen.root@example.com",
		"You must log in to post a comment.",
	} {
		l := line{raw: s, text: s}
		if !isDebris(&l) {
			t.Errorf("isDebris(%q) = false", s)
		}
	}
	for _, s := range []string{
		"Follow-up talks are planned for March in Geneva, the ministry said.",
		"The minister said he would write to his counterpart about the matter.",
	} {
		l := line{raw: s, text: s}
		if isDebris(&l) {
			t.Errorf("isDebris(%q) = true", s)
		}
	}
}

func TestHeadline(t *testing.T) {
	cases := []struct {
		body      []string
		cands     []string
		title     string
		bodyFirst string
	}{
		{[]string{"Bush to Saudis: More Oil Please", "The president said."}, []string{"", "Bush to Saudis: More Oil Please - World - CBN News"},
			"Bush to Saudis: More Oil Please", "The president said."},
		{[]string{"Julian Assange: Sweden drops rape investigation", "Prosecutors said."}, []string{"Sweden drops Assange rape investigation"},
			"Sweden drops Assange rape investigation", "Prosecutors said."},
		{[]string{"Talks resumed in Doha on Monday.", "More."}, []string{"Taliban talks resume | World | Example Post"},
			"Taliban talks resume", "Talks resumed in Doha on Monday."},
		{[]string{"Markets", "Stocks fell."}, []string{"Oil prices surge"}, "Oil prices surge", "Markets"},
	}
	for _, c := range cases {
		title, body := headline(c.body, c.cands...)
		if title != c.title || len(body) == 0 || body[0] != c.bodyFirst {
			t.Errorf("headline(%q, %q) = %q, %q; want %q, first %q", c.body, c.cands, title, body, c.title, c.bodyFirst)
		}
	}
}

func TestPageTitle(t *testing.T) {
	cases := []struct{ extracted, element, want string }{
		{"Rice defends US aid", "Rice defends US aid - Yahoo! News", "Rice defends US aid"},
		{"Please support local business!", "Rice defends US aid to Pakistan", "Rice defends US aid to Pakistan"},
		{"", "Rice defends US aid to Pakistan", "Rice defends US aid to Pakistan"},
		{"Talks &#8211; day two", "", "Talks – day two"},
	}
	for _, c := range cases {
		if got := pageTitle(c.extracted, c.element); got != c.want {
			t.Errorf("pageTitle(%q, %q) = %q, want %q", c.extracted, c.element, got, c.want)
		}
	}
}

func TestLanguage(t *testing.T) {
	cases := map[string]string{
		"The foreign ministers of both countries met in Ankara on Thursday and agreed to restore relations.": "en",
		"Les ministres des affaires étrangères des deux pays se sont rencontrés jeudi à Ankara.":             "fr",
		"Die Außenminister beider Länder trafen sich am Donnerstag in Ankara und vereinbarten Gespräche.":    "de",
		"xq": "",
	}
	for text, want := range cases {
		if got := language(text); got != want {
			t.Errorf("language(%q) = %q, want %q", text, got, want)
		}
	}
}
