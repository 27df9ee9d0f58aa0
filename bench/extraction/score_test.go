package main

import (
	"math"
	"reflect"
	"sort"
	"strings"
	"testing"

	"dyad/doc"
)

func TestTokenize(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"punctuation only", "— … !? «»", nil},
		{"words and punctuation", "Hello, world! It's 9:30.", []string{"Hello", "world", "It", "s", "9", "30"}},
		{"case kept", "NATO nato", []string{"NATO", "nato"}},
		{"underscore is a word character", "snake_case x", []string{"snake_case", "x"}},
		// Python's \w is Unicode-aware; Go's \w would split these.
		{"accented letters", "Ünïcödé café", []string{"Ünïcödé", "café"}},
		{"cyrillic", "Москва, Киев", []string{"Москва", "Киев"}},
		{"han", "北京 2020年", []string{"北京", "2020年"}},
		{"other numbers", "½ or ²", []string{"½", "or", "²"}},
		// A combining mark is not a word character in Python either.
		{"combining mark splits", "nai\u0308ve", []string{"nai", "ve"}},
		{"hyphen and apostrophe split", "well-known don’t", []string{"well", "known", "don", "t"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := tokenize(c.in); !reflect.DeepEqual(got, c.want) {
				t.Errorf("tokenize(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

// showShingles renders a shingle multiset as sorted "tok tok tok tok×n".
func showShingles(m map[string]int) []string {
	var out []string
	for k, n := range m {
		s := strings.ReplaceAll(k, shingleSep, " ")
		if n != 1 {
			s += "×" + string(rune('0'+n))
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func TestShingles(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"no tokens", "...", nil},
		{"one token", "Hello.", []string{"Hello"}},
		{"three tokens", "a, b; c", []string{"a b c"}},
		{"exactly four", "a b c d", []string{"a b c d"}},
		{"five overlap", "a b c d e", []string{"a b c d", "b c d e"}},
		{"multiset", "a b c d a b c d", []string{"a b c d×2", "b c d a", "c d a b", "d a b c"}},
		{"punctuation ignored", "a.b,c\n\nd-e", []string{"a b c d", "b c d e"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := showShingles(shingles(c.in, shingleN))
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("shingles(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestMatch(t *testing.T) {
	cases := []struct {
		name        string
		truth, pred string
		want        Counts
		p, r        float64
		hasP, hasT  bool
	}{
		{"identical", "a b c d e f", "a b c d e f", Counts{1, 0, 0}, 1, 1, true, true},
		{"same tokens other punctuation", "A b, c. D e", "A b c D (e)", Counts{1, 0, 0}, 1, 1, true, true},
		{"both empty", "", "", Counts{0, 0, 0}, 1, 1, false, false},
		{"prediction empty", "a b c d e", "", Counts{0, 0, 1}, 0, 0, false, true},
		{"truth empty", "", "a b c d e", Counts{0, 1, 0}, 0, 0, true, false},
		{"disjoint", "a b c d", "w x y z", Counts{0, 0.5, 0.5}, 0, 0, true, true},
		{"case matters", "a b c d", "A b c d", Counts{0, 0.5, 0.5}, 0, 0, true, true},
		// truth abcd bcde cdef, prediction abcd bcde cdex: 2 shared of 4.
		{"one word wrong", "a b c d e f", "a b c d e x", Counts{0.5, 0.25, 0.25}, 2.0 / 3, 2.0 / 3, true, true},
		// prediction adds boilerplate: abcd + bcdX cdXY dXYZ XYZW.
		{"extra text", "a b c d", "a b c d X Y Z W", Counts{0.2, 0.8, 0}, 0.2, 1, true, true},
		// prediction drops half: truth 5 shingles, prediction 1 of them.
		{"multiset counts", "a b c d a b c d", "a b c d", Counts{0.2, 0, 0.8}, 1, 0.2, true, true},
		{"short texts", "Hi there", "Hi there", Counts{1, 0, 0}, 1, 1, true, true},
		{"short vs long", "Hi there", "Hi there you all", Counts{0, 0.5, 0.5}, 0, 0, true, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := match(c.truth, c.pred)
			if !near(got.TP, c.want.TP) || !near(got.FP, c.want.FP) || !near(got.FN, c.want.FN) {
				t.Errorf("match(%q, %q) = %+v, want %+v", c.truth, c.pred, got, c.want)
			}
			if p := got.Precision(); !near(p, c.p) {
				t.Errorf("precision = %v, want %v", p, c.p)
			}
			if r := got.Recall(); !near(r, c.r) {
				t.Errorf("recall = %v, want %v", r, c.r)
			}
			if got.HasPrediction() != c.hasP || got.HasTruth() != c.hasT {
				t.Errorf("HasPrediction, HasTruth = %v, %v; want %v, %v", got.HasPrediction(), got.HasTruth(), c.hasP, c.hasT)
			}
		})
	}
}

func TestAggregate(t *testing.T) {
	perfect := Counts{1, 0, 0}
	half := Counts{0.5, 0.25, 0.25} // P = R = 2/3
	noPred := Counts{0, 0, 1}       // recall 0, left out of precision
	noTruth := Counts{0, 1, 0}      // precision 0, left out of recall
	padded := Counts{0.2, 0.8, 0}   // P 0.2, R 1
	cases := []struct {
		name       string
		pages      []Counts
		p, r       float64
		nP, nR     int
		wantF1Zero bool
	}{
		{"none", nil, 0, 0, 0, 0, true},
		{"one perfect", []Counts{perfect}, 1, 1, 1, 1, false},
		{"pages weigh the same", []Counts{perfect, half}, (1 + 2.0/3) / 2, (1 + 2.0/3) / 2, 2, 2, false},
		{"empty prediction only in recall", []Counts{perfect, half, noPred}, (1 + 2.0/3) / 2, (1 + 2.0/3) / 3, 2, 3, false},
		{"empty truth only in precision", []Counts{perfect, noTruth}, 0.5, 1, 2, 1, false},
		{"precision and recall apart", []Counts{padded, perfect}, 0.6, 1, 2, 2, false},
		{"all failed", []Counts{noPred, noPred}, 0, 0, 0, 2, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := aggregate(c.pages)
			if !near(m.Precision, c.p) || !near(m.Recall, c.r) {
				t.Errorf("precision, recall = %v, %v; want %v, %v", m.Precision, m.Recall, c.p, c.r)
			}
			if m.PrecisionPages != c.nP || m.RecallPages != c.nR {
				t.Errorf("pages = %d, %d; want %d, %d", m.PrecisionPages, m.RecallPages, c.nP, c.nR)
			}
			// F1 comes from the two means, not from per-page F1s.
			wantF1 := 0.0
			if !c.wantF1Zero {
				wantF1 = 2 * c.p * c.r / (c.p + c.r)
			}
			if !near(m.F1, wantF1) {
				t.Errorf("F1 = %v, want %v", m.F1, wantF1)
			}
		})
	}
	// The mean of per-page F1s would differ here: check that it is not used.
	m := aggregate([]Counts{padded, perfect})
	if near(m.F1, (padded.F1()+perfect.F1())/2) {
		t.Errorf("F1 %v is the mean of per-page F1s", m.F1)
	}
	if !near(m.F1, 2*0.6*1/1.6) {
		t.Errorf("F1 = %v, want %v", m.F1, 2*0.6/1.6)
	}
}

// TestBody checks that the headline is left out of the predicted body and
// the rest is joined by blank lines.
func TestBody(t *testing.T) {
	a := &doc.Article{
		Text: "Headline\n\nFirst para.\n\nA caption.",
		Paragraphs: []doc.Paragraph{
			{Span: doc.Span{Start: 0, End: 8}, Role: doc.RoleTitle},
			{Span: doc.Span{Start: 10, End: 21}},
			{Span: doc.Span{Start: 23, End: 33}, Role: doc.RoleCaption},
		},
	}
	if got, want := body(a), "First para.\n\nA caption."; got != want {
		t.Errorf("body = %q, want %q", got, want)
	}
}
