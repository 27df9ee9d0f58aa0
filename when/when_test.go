package when

import (
	"strings"
	"testing"
	"time"
)

var (
	// thu is Thursday 23 March 2023.
	thu = time.Date(2023, 3, 23, 0, 0, 0, 0, time.UTC)
	// fri is Friday 8 June 2018.
	fri = time.Date(2018, 6, 8, 0, 0, 0, 0, time.UTC)
)

// w is an expected Expr: its text, Date and Next as "2006-01-02" (Next
// empty when equal to Date), precision and relativeness.
type w struct {
	text, date, next, prec string
	rel                    bool
}

var findTests = []struct {
	name string
	ref  time.Time
	in   string
	want []w
}{
	// Weekdays.
	{"on weekday", thu, "Ministers met on Monday.", []w{{"on Monday", "2023-03-20", "2023-03-27", Day, true}}},
	{"bare weekday", thu, "The minister said Tuesday that talks failed.", []w{{"Tuesday", "2023-03-21", "2023-03-28", Day, true}}},
	{"weekday is today", fri, "Voters go to the polls Friday.", []w{{"Friday", "2018-06-08", "2018-06-08", Day, true}}},
	{"weekday night", thu, "Shelling resumed on Friday night.", []w{{"on Friday night", "2023-03-17", "2023-03-24", Day, true}}},
	{"weekday morning", thu, "He left on Tuesday morning and returned Wednesday evening.", []w{
		{"on Tuesday morning", "2023-03-21", "2023-03-28", Day, true},
		{"Wednesday evening", "2023-03-22", "2023-03-29", Day, true},
	}},
	{"last weekday", thu, "Police raided the office last Friday.", []w{{"last Friday", "2023-03-17", "", Day, true}}},
	{"last weekday on that day", fri, "He resigned last Friday.", []w{{"last Friday", "2018-06-01", "", Day, true}}},
	{"this weekday", thu, "The cabinet meets this Friday.", []w{{"this Friday", "2023-03-17", "2023-03-24", Day, true}}},
	{"next weekday", thu, "A vote is set for next Friday.", []w{{"next Friday", "2023-03-24", "", Day, true}}},
	{"next weekday on that day", fri, "A vote is set for next Friday.", []w{{"next Friday", "2018-06-15", "", Day, true}}},
	{"this past weekday", thu, "Officials met this past Monday.", []w{{"this past Monday", "2023-03-20", "", Day, true}}},
	{"sentence-initial weekday", thu, "On Wednesday, the court ruled.", []w{{"On Wednesday", "2023-03-22", "2023-03-29", Day, true}}},
	{"possessive weekday", thu, "Friday's meeting was cancelled.", []w{{"Friday", "2023-03-17", "2023-03-24", Day, true}}},
	{"late weekday", thu, "The deal was signed late Sunday.", []w{{"late Sunday", "2023-03-19", "2023-03-26", Day, true}}},
	{"since weekday", thu, "Fighting has raged since Saturday.", []w{{"since Saturday", "2023-03-18", "2023-03-18", Day, true}}},
	{"weekday with date", thu, "It happened on Monday, March 20, 2023, at dawn.", []w{{"on Monday, March 20, 2023", "2023-03-20", "", Day, false}}},
	{"weekday with day-month", fri, "The summit opens on Thursday 7 June.", []w{{"on Thursday 7 June", "2018-06-07", "", Day, false}}},

	// Days relative to publication.
	{"today", thu, "The president arrives today.", []w{{"today", "2023-03-23", "", Day, true}}},
	{"sentence-initial today", thu, "Today, the market fell.", []w{{"Today", "2023-03-23", "", Day, true}}},
	{"tonight", thu, "He will speak tonight.", []w{{"tonight", "2023-03-23", "", Day, true}}},
	{"yesterday", thu, "Stocks fell yesterday.", []w{{"yesterday", "2023-03-22", "", Day, true}}},
	{"yesterday morning", thu, "The blast came yesterday morning.", []w{{"yesterday morning", "2023-03-22", "", Day, true}}},
	{"tomorrow", thu, "Talks resume tomorrow.", []w{{"tomorrow", "2023-03-24", "", Day, true}}},
	{"until tomorrow", thu, "The polls stay open until tomorrow night.", []w{{"until tomorrow night", "2023-03-24", "", Day, true}}},
	{"earlier today", thu, "He said so earlier today.", []w{{"earlier today", "2023-03-23", "", Day, true}}},
	{"this morning", thu, "Rockets hit the city this morning.", []w{{"this morning", "2023-03-23", "", Day, true}}},
	{"last night", thu, "Three people died last night.", []w{{"last night", "2023-03-22", "", Day, true}}},
	{"late last night", thu, "The bill passed late last night.", []w{{"late last night", "2023-03-22", "", Day, true}}},

	// Calendar dates.
	{"month day", thu, "Protests began on March 20.", []w{{"on March 20", "2023-03-20", "", Day, false}}},
	{"month day year", thu, "The accord was signed March 20, 2023, in Geneva.", []w{{"March 20, 2023", "2023-03-20", "", Day, false}}},
	{"month day year no comma", thu, "It was signed March 20 2019.", []w{{"March 20 2019", "2019-03-20", "", Day, false}}},
	{"day month year", thu, "It was signed on 20 March 2023.", []w{{"on 20 March 2023", "2023-03-20", "", Day, false}}},
	{"day month", thu, "Elections were held on 20 March.", []w{{"on 20 March", "2023-03-20", "", Day, false}}},
	{"ordinal", thu, "Polls close on the 1st of March, or March 2nd.", []w{
		{"1st of March", "2023-03-01", "", Day, false},
		{"March 2nd", "2023-03-02", "", Day, false},
	}},
	{"abbreviated month", thu, "The ceasefire began Mar. 20 and ended Sept. 5.", []w{
		{"Mar. 20", "2023-03-20", "", Day, false},
		{"Sept. 5", "2022-09-05", "2023-09-05", Day, false},
	}},
	{"abbreviated month no stop", thu, "Filed Jan 9, 2021.", []w{{"Jan 9, 2021", "2021-01-09", "", Day, false}}},
	{"iso", thu, "Published 2023-03-20 by the ministry.", []w{{"2023-03-20", "2023-03-20", "", Day, false}}},
	{"iso time", thu, "Updated 2023-03-20T10:00Z.", []w{{"2023-03-20", "2023-03-20", "", Day, false}}},
	{"iso slashes", thu, "Filed on 2023/03/20.", []w{{"on 2023/03/20", "2023-03-20", "", Day, false}}},
	{"leading zero", fri, "Updated June 08, 2018.", []w{{"June 08, 2018", "2018-06-08", "", Day, false}}},
	{"day month today", fri, "Voting ends 8 June.", []w{{"8 June", "2018-06-08", "", Day, false}}},
	{"day month past", thu, "Voting ended 8 June.", []w{{"8 June", "2022-06-08", "2023-06-08", Day, false}}},
	{"month day soon after", thu, "The vote is on April 5.", []w{{"on April 5", "2023-04-05", "", Day, false}}},
	{"month day months ahead", thu, "It happened on December 5.", []w{{"on December 5", "2022-12-05", "2023-12-05", Day, false}}},
	{"month day weeks back", thu, "It happened on February 1.", []w{{"on February 1", "2023-02-01", "", Day, false}}},
	{"month day last year", fri, "It happened on March 20.", []w{{"on March 20", "2018-03-20", "2019-03-20", Day, false}}},
	{"dateline", thu, "Moscow, Russia, March 20, 2023. Soldiers march in Red Square.", []w{{"March 20, 2023", "2023-03-20", "", Day, false}}},
	{"caption", fri, "A man walks past a poster in Rome, Italy, on June 5, 2018. REUTERS", []w{{"on June 5, 2018", "2018-06-05", "", Day, false}}},
	{"day range", thu, "The fair runs March 20-22.", []w{{"March 20", "2023-03-20", "", Day, false}}},

	// Months.
	{"in month", thu, "Inflation rose in March.", []w{{"in March", "2023-03-01", "", Month, false}}},
	{"in month past", thu, "Inflation rose in May.", []w{{"in May", "2022-05-01", "2023-05-01", Month, false}}},
	{"in month soon", thu, "The vote is due in April.", []w{{"in April", "2023-04-01", "", Month, false}}},
	{"in month earlier", fri, "Inflation rose in March.", []w{{"in March", "2018-03-01", "2019-03-01", Month, false}}},
	{"in month year", thu, "It began in March 2019.", []w{{"in March 2019", "2019-03-01", "", Month, false}}},
	{"month year", thu, "A March 2019 report found abuses.", []w{{"March 2019", "2019-03-01", "", Month, false}}},
	{"month of year", thu, "It began in March of 2019.", []w{{"in March of 2019", "2019-03-01", "", Month, false}}},
	{"in early month", thu, "Talks stalled in early March.", []w{{"in early March", "2023-03-01", "", Month, false}}},
	{"mid month", thu, "Troops withdrew by mid-February.", []w{{"by mid-February", "2023-02-01", "", Month, false}}},
	{"since month", thu, "He has been held since January.", []w{{"since January", "2023-01-01", "", Month, false}}},
	{"last month name", thu, "The plant closed last March.", []w{{"last March", "2022-03-01", "", Month, true}}},
	{"next month name", thu, "The plant opens next March.", []w{{"next March", "2024-03-01", "", Month, true}}},
	{"end of month", thu, "The mission ends at the end of June.", []w{{"June", "2022-06-01", "2023-06-01", Month, false}}},
	{"last month", thu, "Exports fell last month.", []w{{"last month", "2023-02-01", "", Month, true}}},
	{"this month", thu, "Exports fell this month.", []w{{"this month", "2023-03-01", "", Month, true}}},
	{"earlier this month", thu, "He was arrested earlier this month.", []w{{"earlier this month", "2023-03-01", "", Month, true}}},
	{"later this month", thu, "He will visit later this month.", []w{{"later this month", "2023-03-01", "", Month, true}}},
	{"next month", thu, "Talks resume next month.", []w{{"next month", "2023-04-01", "", Month, true}}},
	{"last month across year", time.Date(2023, 1, 10, 0, 0, 0, 0, time.UTC), "Exports fell last month.", []w{{"last month", "2022-12-01", "", Month, true}}},

	// Years.
	{"in year", thu, "He was elected in 2016.", []w{{"in 2016", "2016-01-01", "", Year, false}}},
	{"since year", thu, "He has ruled since 2013.", []w{{"since 2013", "2013-01-01", "", Year, false}}},
	{"by year", thu, "Emissions must halve by 2030.", []w{{"by 2030", "2030-01-01", "", Year, false}}},
	{"in old year", thu, "The war ended in 1987, after", []w{{"in 1987", "1987-01-01", "", Year, false}}},
	{"sentence-initial year", thu, "In 2016, voters chose Brexit.", []w{{"In 2016", "2016-01-01", "", Year, false}}},
	{"early year", thu, "It collapsed in early 2016 and again in mid-2019.", []w{
		{"in early 2016", "2016-01-01", "", Year, false},
		{"in mid-2019", "2019-01-01", "", Year, false},
	}},
	{"end of year", thu, "Troops leave by the end of 2024.", []w{{"2024", "2024-01-01", "", Year, false}}},
	{"year range", thu, "He served from 2010 to 2015 and between 2016 and 2018.", []w{
		{"from 2010", "2010-01-01", "", Year, false},
		{"2015", "2015-01-01", "", Year, false},
		{"between 2016", "2016-01-01", "", Year, false},
		{"2018", "2018-01-01", "", Year, false},
	}},
	{"last year", thu, "Growth slowed last year.", []w{{"last year", "2022-01-01", "", Year, true}}},
	{"last year possessive", thu, "After last year's vote, he quit.", []w{{"After last year", "2022-01-01", "", Year, true}}},
	{"this year", thu, "Growth slowed this year.", []w{{"this year", "2023-01-01", "", Year, true}}},
	{"next year", thu, "Elections are due next year.", []w{{"next year", "2024-01-01", "", Year, true}}},
	{"earlier this year", thu, "He was freed earlier this year.", []w{{"earlier this year", "2023-01-01", "", Year, true}}},
	{"since last year", thu, "Prices have doubled since last year.", []w{{"since last year", "2022-01-01", "", Year, true}}},
	{"years ago", thu, "The dam was built 10 years ago.", []w{{"10 years ago", "2013-01-01", "", Year, true}}},
	{"words years ago", thu, "He fled two years ago.", []w{{"two years ago", "2021-01-01", "", Year, true}}},
	{"a year ago", thu, "A year ago, he was in jail.", []w{{"A year ago", "2022-01-01", "", Year, true}}},
	{"a decade ago", thu, "The law passed more than a decade ago.", []w{{"a decade ago", "2013-01-01", "", Year, true}}},
	{"twenty-five years ago", thu, "It began twenty-five years ago.", []w{{"twenty-five years ago", "1998-01-01", "", Year, true}}},
	{"months ago", thu, "He was sacked three months ago.", []w{{"three months ago", "2022-12-01", "", Month, true}}},
	{"weeks ago", thu, "It opened two weeks ago.", []w{{"two weeks ago", "2023-03-06", "", Week, true}}},
	{"days ago", thu, "It opened three days ago.", []w{{"three days ago", "2023-03-20", "", Day, true}}},
	{"couple of days ago", thu, "It opened a couple of days ago.", []w{{"a couple of days ago", "2023-03-21", "", Day, true}}},

	// Weeks.
	{"last week", thu, "Talks collapsed last week.", []w{{"last week", "2023-03-13", "", Week, true}}},
	{"this week", thu, "Talks collapsed this week.", []w{{"this week", "2023-03-20", "", Week, true}}},
	{"next week", thu, "Talks resume next week.", []w{{"next week", "2023-03-27", "", Week, true}}},
	{"earlier this week", thu, "Talks collapsed earlier this week.", []w{{"earlier this week", "2023-03-20", "", Week, true}}},
	{"later this week", thu, "Talks resume later this week.", []w{{"later this week", "2023-03-20", "", Week, true}}},
	{"last week on monday", time.Date(2023, 3, 20, 0, 0, 0, 0, time.UTC), "It closed last week.", []w{{"last week", "2023-03-13", "", Week, true}}},

	// Weekends.
	{"this weekend", thu, "Protests are planned this weekend.", []w{{"this weekend", "2023-03-18", "2023-03-25", Day, true}}},
	{"weekend modifier", thu, "Leaders met at a weekend summit.", []w{{"weekend", "2023-03-18", "2023-03-25", Day, true}}},
	{"the weekend", thu, "Clashes erupted over the weekend.", []w{{"over the weekend", "2023-03-18", "2023-03-25", Day, true}}},
	{"weekend on friday", fri, "Fans gathered at the weekend.", []w{{"at the weekend", "2018-06-02", "2018-06-09", Day, true}}},
	{"weekend on sunday", time.Date(2018, 6, 10, 0, 0, 0, 0, time.UTC), "Fans gathered this weekend.", []w{{"this weekend", "2018-06-09", "2018-06-09", Day, true}}},
	{"last weekend", thu, "Fans gathered last weekend.", []w{{"last weekend", "2023-03-18", "", Day, true}}},
	{"next weekend", thu, "Fans gather next weekend.", []w{{"next weekend", "2023-03-25", "", Day, true}}},

	// Several in one text.
	{"paragraph", thu, "The army said on Tuesday that it had retaken the town, which rebels seized in 2019. A spokesman said talks would resume next week.", []w{
		{"on Tuesday", "2023-03-21", "2023-03-28", Day, true},
		{"in 2019", "2019-01-01", "", Year, false},
		{"next week", "2023-03-27", "", Week, true},
	}},

	// Not dates.
	{"year as modifier", thu, "He lost the 2016 U.S. presidential election.", nil},
	{"year as modifier bare", thu, "Russia denies 2016 election meddling.", nil},
	{"year as modifier after in", thu, "He was beaten in the 2016 election and in 2016 elections.", nil},
	{"large numbers", thu, "Some 1,000 people, up 9.7 percent, cost $1 billion, or 2023 in all.", nil},
	{"count after preposition", thu, "Turnout rose by 2000 and the crowd grew to over 1500 by 2000 people.", nil},
	{"may as name", thu, "Theresa May said she may resign. Prime Minister May 2019 hopes faded.", nil},
	{"march as word", thu, "Protesters march on parliament in a march. March organisers agreed.", nil},
	{"bare month", thu, "May brought rain. March was dry.", nil},
	{"abbreviation alone", thu, "Jan met Dec in Oct Street.", nil},
	{"duration", thu, "Prices rose over the past 10 years and in the last year; the next week is key.", nil},
	{"years without ago", thu, "He spent 10 years in jail and two weeks in hospital.", nil},
	{"recurring weekday", thu, "He prays every Monday and on the first Tuesday of the month.", nil},
	{"named weekday", thu, "On Easter Sunday he read the Sunday Times and the Mail on Sunday.", nil},
	{"named today", thu, "USA Today and Good Morning America reported it.", nil},
	{"lowercase names", thu, "the monday meeting, in march, since may", nil},
	{"compound units", thu, "A year-long war and a 10-year-old boy; weeks of talks; weekends off.", nil},
	{"decades", thu, "In the 1990s the A380 left at 10:30 with 20% of seats.", nil},
	{"not a year", thu, "Code 0001-1-1 and 999 BC; in 0900 hours.", nil},
	{"invalid day", thu, "On February 30 and March 32 nothing happened.", nil},
}

func TestFind(t *testing.T) {
	for _, tt := range findTests {
		t.Run(tt.name, func(t *testing.T) {
			got := Find(tt.in, 0, len(tt.in), tt.ref)
			if len(got) != len(tt.want) {
				t.Fatalf("Find(%q) = %d expressions %v, want %d", tt.in, len(got), texts(got), len(tt.want))
			}
			for i, g := range got {
				want := tt.want[i]
				if want.next == "" {
					want.next = want.date
				}
				if g.Text != want.text || day(g.Date) != want.date || day(g.Next) != want.next ||
					g.Precision != want.prec || g.Relative != want.rel {
					t.Errorf("Find(%q)[%d] = %q %s %s %s %v, want %q %s %s %s %v", tt.in, i,
						g.Text, day(g.Date), day(g.Next), g.Precision, g.Relative,
						want.text, want.date, want.next, want.prec, want.rel)
				}
				if tt.in[g.Start:g.End] != g.Text {
					t.Errorf("Find(%q)[%d]: text[%d:%d] = %q, Text = %q", tt.in, i, g.Start, g.End, tt.in[g.Start:g.End], g.Text)
				}
			}
		})
	}
}

// TestFindLong checks that expressions are found wherever they fall in a
// text longer than Find's token window.
func TestFindLong(t *testing.T) {
	const tail = "said on Monday, March 20, 2023, that from 2010 to 2015 it grew"
	want := []string{"on Monday, March 20, 2023", "from 2010", "2015"}
	for n := 0; n < 3*window; n++ {
		text := strings.Repeat("a, ", n) + tail
		got := texts(Find(text, 0, len(text), thu))
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Fatalf("Find(%d fillers + %q) = %q, want %q", n, tail, got, want)
		}
	}
	long := strings.Repeat(benchText, 4)
	one := Find(benchText, 0, len(benchText), thu)
	all := Find(long, 0, len(long), thu)
	if len(all) != 4*len(one) {
		t.Fatalf("Find(4 × text) = %d expressions, want %d", len(all), 4*len(one))
	}
	for i, e := range all {
		o := one[i%len(one)]
		if e.Text != o.Text || e.Start != o.Start+i/len(one)*len(benchText) || !e.Date.Equal(o.Date) {
			t.Errorf("Find(4 × text)[%d] = %q at %d, want %q at %d", i, e.Text, e.Start, o.Text, o.Start+i/len(one)*len(benchText))
		}
	}
}

func TestFindZeroRef(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" for a zero date
	}{
		{"on Monday", ""},
		{"last week", ""},
		{"10 years ago", ""},
		{"on March 20", ""},
		{"in March", ""},
		{"March 20, 2023", "2023-03-20"},
		{"in March 2019", "2019-03-01"},
		{"in 2016", "2016-01-01"},
		{"2023-03-20", "2023-03-20"},
	}
	for _, tt := range tests {
		got := Find(tt.in, 0, len(tt.in), time.Time{})
		if len(got) != 1 || got[0].Text != tt.in {
			t.Errorf("Find(%q, zero ref) = %v, want one expression", tt.in, texts(got))
			continue
		}
		g := got[0]
		var date, next string
		if !g.Date.IsZero() {
			date = day(g.Date)
		}
		if !g.Next.IsZero() {
			next = day(g.Next)
		}
		if date != tt.want || next != tt.want {
			t.Errorf("Find(%q, zero ref) = %q %q, want %q", tt.in, date, next, tt.want)
		}
		if !g.Date.IsZero() && g.Date.Location() != time.UTC {
			t.Errorf("Find(%q, zero ref): location %v, want UTC", tt.in, g.Date.Location())
		}
	}
}

func TestFindRange(t *testing.T) {
	text := "On Monday he left. In 2016 he won. Talks ended last week."
	lo := strings.Index(text, "In 2016")
	hi := strings.Index(text, " Talks") + len(" Talks ended last")
	tests := []struct {
		lo, hi int
		want   []string
	}{
		{0, len(text), []string{"On Monday", "In 2016", "last week"}},
		{lo, len(text), []string{"In 2016", "last week"}},
		{lo, hi, []string{"In 2016"}},
		{0, 2, nil},
		{-5, 9, []string{"On Monday"}},
		{lo + 3, len(text) + 10, []string{"last week"}},
		{10, 5, nil},
	}
	for _, tt := range tests {
		got := Find(text, tt.lo, tt.hi, thu)
		if strings.Join(texts(got), "|") != strings.Join(tt.want, "|") {
			t.Errorf("Find(text, %d, %d) = %q, want %q", tt.lo, tt.hi, texts(got), tt.want)
		}
		for _, g := range got {
			if text[g.Start:g.End] != g.Text {
				t.Errorf("Find(text, %d, %d): offsets %d:%d do not give %q", tt.lo, tt.hi, g.Start, g.End, g.Text)
			}
		}
	}
}

func TestFindLocation(t *testing.T) {
	loc := time.FixedZone("UTC+3", 3*60*60)
	ref := time.Date(2023, 3, 23, 15, 30, 0, 0, loc)
	for _, in := range []string{"on Monday", "March 20, 2023", "in 2016", "last week"} {
		got := Find(in, 0, len(in), ref)
		if len(got) != 1 {
			t.Fatalf("Find(%q) = %v, want one expression", in, texts(got))
		}
		d := got[0].Date
		if d.Location() != loc || d.Hour() != 0 || d.Minute() != 0 {
			t.Errorf("Find(%q).Date = %v, want midnight in %v", in, d, loc)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, tt := range findTests {
		f.Add(tt.in, 0, len(tt.in))
	}
	f.Add(benchText, 100, 900)
	f.Add("on Monday, March 20, 2023", -3, 100)
	f.Add("mid-\u2013 2016-03-", 2, 7)
	f.Add("Sept.\u00a05,\u202f2023 1st of", 0, 11)
	f.Fuzz(func(t *testing.T, text string, lo, hi int) {
		got := Find(text, lo, hi, thu)
		lo, hi = max(lo, 0), min(hi, len(text))
		prev := lo
		for i, e := range got {
			if e.Start < prev || e.End <= e.Start || e.End > hi {
				t.Fatalf("Find(%q, %d, %d)[%d] = [%d, %d), previous end %d", text, lo, hi, i, e.Start, e.End, prev)
			}
			if e.Text != text[e.Start:e.End] {
				t.Fatalf("Find(%q, %d, %d)[%d].Text = %q, want %q", text, lo, hi, i, e.Text, text[e.Start:e.End])
			}
			switch e.Precision {
			case Day, Week, Month, Year:
			default:
				t.Fatalf("Find(%q, %d, %d)[%d].Precision = %q", text, lo, hi, i, e.Precision)
			}
			if e.Date.IsZero() || e.Next.Before(e.Date) {
				t.Fatalf("Find(%q, %d, %d)[%d]: Date %v, Next %v", text, lo, hi, i, e.Date, e.Next)
			}
			prev = e.End
		}
	})
}

// benchText is about 3 KB of news text (four copies of one paragraph).
var benchText = strings.Repeat(`GENEVA, March 20, 2023 - Negotiators from both sides met on Monday for a third round of talks, officials said, after fighting that has killed more than 1,000 people since January. The previous round collapsed last week when the rebel delegation walked out, and a spokesman for the government said on Tuesday that it expected "difficult but serious" discussions this week. Diplomats said the 2016 agreement, which ended four years of war in the north, was a model, though it unravelled in early 2019. The United Nations envoy, who took up the post two years ago, said she hoped for a ceasefire by the end of April and elections next year. Prices rose 9.7 percent in February, the statistics office said, the fastest rate since 2013. Aid agencies say $1.2 billion is needed this year. Protesters plan to march on the capital this weekend. `, 4)

func BenchmarkFind(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		Find(benchText, 0, len(benchText), thu)
	}
}

func texts(es []Expr) []string {
	var s []string
	for _, e := range es {
		s = append(s, e.Text)
	}
	return s
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

func TestLexicon(t *testing.T) {
	for w, want := range vocab {
		if got, ok := lexicon.lookup([]byte(w)); !ok || got != want {
			t.Errorf("lexicon.lookup(%q) = %v, %v, want %v", w, got, ok, want)
		}
		if len(w) > maxWord {
			t.Errorf("%q is longer than maxWord", w)
		}
	}
	for _, w := range []string{"mayor", "marches", "x", "weekender", "todays"} {
		if _, ok := lexicon.lookup([]byte(w)); ok {
			t.Errorf("lexicon.lookup(%q) found a word not in vocab", w)
		}
	}
}
