package dedup

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"dyad/doc"
)

// story writes a text of n words drawn from a small vocabulary by a
// fixed rule, so that tests need no fixture files.
func story(n, seed int) string {
	vocab := strings.Fields(`minister talks border trade river council harbour treaty vote army grain
		summit rail envoy coast market bank court street police farmers tariff pipeline island embassy`)
	var b strings.Builder
	x := seed*7919 + 1
	for i := 0; i < n; i++ {
		x = (x*1103515245 + 12345) & 0x7fffffff
		b.WriteString(vocab[x%len(vocab)])
		b.WriteByte(' ')
	}
	return b.String()
}

func TestSignature(t *testing.T) {
	base := story(300, 1)
	w := strings.Fields(base)
	w[150] = "changed"
	copyText := strings.Join(w, " ")
	other := story(300, 2)
	a, n := Sign(base)
	if n != 296 {
		t.Errorf("shingles: %d, want 296", n)
	}
	b, _ := Sign(copyText)
	c, _ := Sign(other)
	if s := Similarity(&a, &a); s != 1 {
		t.Errorf("self similarity %.2f", s)
	}
	if s := Similarity(&a, &b); s < Near {
		t.Errorf("one word changed: similarity %.2f, want >= %.2f", s, Near)
	}
	if s := Similarity(&a, &c); s >= 0.5 {
		t.Errorf("other story: similarity %.2f, want < 0.5", s)
	}
	if z, n := Sign("  ...  "); n != 0 || z != (Signature{}) {
		t.Errorf("no words: %d shingles", n)
	}
	if _, n := Sign("two words"); n != 1 {
		t.Errorf("short text: %d shingles, want 1", n)
	}
	back, ok := SignatureFrom(a.Bytes())
	if !ok || back != a {
		t.Error("signature does not survive Bytes and SignatureFrom")
	}
	if _, ok := SignatureFrom([]byte{1, 2}); ok {
		t.Error("short bytes decoded")
	}
	x := NewIndex()
	if got := x.Add("a", a); got != nil {
		t.Errorf("first add: %v", got)
	}
	if got := x.Add("c", c); got != nil {
		t.Errorf("other story: %v", got)
	}
	if got := x.Add("b", b); !reflect.DeepEqual(got, []string{"a"}) {
		t.Errorf("near copy: %v, want [a]", got)
	}
}

func day(s string) time.Time {
	t, err := time.Parse(doc.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func ev(id, art, typ, cameo, date, prec string, actor, recip []string) Event {
	e := Event{ID: id, Article: art, Type: typ, CAMEO: cameo, Root: cameo[:2], Precision: prec}
	if date != "" {
		e.Date = day(date)
	}
	for _, c := range actor {
		e.Actor = append(e.Actor, Side{Country: c})
	}
	for _, c := range recip {
		e.Recipient = append(e.Recipient, Side{Country: c})
	}
	return e
}

func TestSame(t *testing.T) {
	meet := ev("a", "1", "CONSULT", "040", "2018-06-08", "day", []string{"RUS"}, []string{"CHN"})
	cases := []struct {
		name string
		b    Event
		want bool
	}{
		{"same day", ev("b", "2", "CONSULT", "042", "2018-06-08", "day", []string{"RUS"}, []string{"CHN"}), true},
		{"next day", ev("b", "2", "CONSULT", "040", "2018-06-09", "day", []string{"RUS"}, []string{"CHN"}), false},
		{"reported the next day", ev("b", "2", "CONSULT", "040", "2018-06-09", "reported", []string{"RUS"}, []string{"CHN"}), true},
		{"reported two days later", ev("b", "2", "CONSULT", "040", "2018-06-10", "reported", []string{"RUS"}, []string{"CHN"}), false},
		{"a week later", ev("b", "2", "CONSULT", "040", "2018-06-15", "day", []string{"RUS"}, []string{"CHN"}), false},
		{"sides swapped, symmetric", ev("b", "2", "CONSULT", "040", "2018-06-08", "day", []string{"CHN"}, []string{"RUS"}), true},
		{"one side more", ev("b", "2", "CONSULT", "040", "2018-06-08", "day", []string{"CHN"}, []string{"RUS", "USA"}), false},
		{"month of the day", ev("b", "2", "CONSULT", "040", "2018-06-01", "month", []string{"RUS"}, []string{"CHN"}), true},
		{"a year is too wide", ev("b", "2", "CONSULT", "040", "2018-01-01", "year", []string{"RUS"}, []string{"CHN"}), false},
		{"no date", ev("b", "2", "CONSULT", "040", "", "", []string{"RUS"}, []string{"CHN"}), false},
		{"other type", ev("b", "2", "SUPPORT", "051", "2018-06-08", "day", []string{"RUS"}, []string{"CHN"}), false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Same(meet, tc.b); got != tc.want {
				t.Errorf("Same = %v, want %v", got, tc.want)
			}
			if got := Same(tc.b, meet); got != tc.want {
				t.Errorf("Same reversed = %v, want %v", got, tc.want)
			}
		})
	}
	accuse := ev("a", "1", "ACCUSE", "112", "2020-01-10", "reported", []string{"USA"}, []string{"IRN"})
	directed := []struct {
		name string
		b    Event
		want bool
	}{
		{"report a day later", ev("b", "2", "ACCUSE", "112", "2020-01-11", "reported", []string{"USA"}, []string{"IRN"}), true},
		{"reversed", ev("b", "2", "ACCUSE", "112", "2020-01-10", "reported", []string{"IRN"}, []string{"USA"}), false},
		{"no recipient", ev("b", "2", "ACCUSE", "112", "2020-01-10", "reported", []string{"USA"}, nil), true},
		{"riot is no demonstration", ev("b", "2", "ACCUSE", "115", "2020-01-10", "reported", []string{"USA"}, []string{"IRN"}), false},
	}
	for _, tc := range directed {
		t.Run(tc.name, func(t *testing.T) {
			if got := Same(accuse, tc.b); got != tc.want {
				t.Errorf("Same = %v, want %v", got, tc.want)
			}
		})
	}
	placed := accuse
	placed.Place = "FRA"
	other := accuse
	other.ID, other.Article, other.Place = "b", "2", "DEU"
	if Same(placed, other) {
		t.Error("events in two countries are one")
	}
}

func TestClustersOrder(t *testing.T) {
	var evs []Event
	for i := 0; i < 6; i++ {
		// A chain: each report a day after the one before, so that only
		// union-find joins the ends.
		evs = append(evs, ev(fmt.Sprintf("e%d", i), fmt.Sprintf("art%d", i), "CONSULT", "040",
			fmt.Sprintf("2018-06-%02d", 1+i), "reported", []string{"RUS"}, []string{"CHN"}))
	}
	evs = append(evs, ev("x", "art9", "ASSAULT", "190", "2018-06-03", "day", []string{"RUS"}, []string{"UKR"}))
	evs = append(evs, ev("y", "art7", "CONSULT", "040", "2018-06-01", "day", []string{"RUS"}, []string{"CHN"}))
	forward, backward := NewClusters(), NewClusters()
	for _, e := range evs {
		forward.Add(e)
	}
	for i := len(evs) - 1; i >= 0; i-- {
		backward.Add(evs[i])
	}
	want := [][]string{{"e0", "e1", "e2", "e3", "e4", "e5", "y"}, {"x"}}
	if got := forward.Groups(); !reflect.DeepEqual(got, want) {
		t.Errorf("forward: %v, want %v", got, want)
	}
	if got := backward.Groups(); !reflect.DeepEqual(got, want) {
		t.Errorf("backward: %v, want %v", got, want)
	}
	if got := forward.Of("e5"); got != "e0" {
		t.Errorf("cluster of e5: %q, want e0", got)
	}
	if got := forward.Of("nope"); got != "" {
		t.Errorf("cluster of an unknown event: %q", got)
	}
}
