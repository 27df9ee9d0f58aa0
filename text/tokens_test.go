package text

import (
	"context"
	"slices"
	"testing"

	"dyad/doc"
)

func tokenStrings(s string) []string {
	var out []string
	for _, sp := range Tokens(nil, s, 0, len(s)) {
		out = append(out, s[sp.Start:sp.End])
	}
	return out
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"China's first medal", []string{"China", "'s", "first", "medal"}},
		{"Russia’s efforts", []string{"Russia", "’s", "efforts"}},
		{"U.S. intelligence agencies said", []string{"U.S.", "intelligence", "agencies", "said"}},
		{"the U.N. Security Council.", []string{"the", "U.N.", "Security", "Council", "."}},
		{"Vladimir V. Putin", []string{"Vladimir", "V.", "Putin"}},
		{"Mr. Xi", []string{"Mr", ".", "Xi"}},
		{"China-Russia relations", []string{"China", "-", "Russia", "relations"}},
		{"President Kassym-Jomart Tokayev", []string{"President", "Kassym", "-", "Jomart", "Tokayev"}},
		{"a $1,000 fund of 9.7 bln", []string{"a", "$", "1,000", "fund", "of", "9.7", "bln"}},
		{"Côte d'Ivoire", []string{"Côte", "d'Ivoire"}},
		{"the countries' leaders", []string{"the", "countries", "'", "leaders"}},
		{"\"No,\" Xi said.", []string{"\"", "No", ",", "\"", "Xi", "said", "."}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := tokenStrings(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAnnotateTokens(t *testing.T) {
	a := &doc.Article{Text: "Xi met Putin. They talked."}
	if err := (Splitter{}).Annotate(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tk := range a.Tokens {
		got = append(got, a.Slice(tk.Span)+"/"+string(rune('0'+tk.Sentence)))
	}
	want := []string{"Xi/0", "met/0", "Putin/0", "./0", "They/1", "talked/1", "./1"}
	if !slices.Equal(got, want) {
		t.Errorf("tokens = %q, want %q", got, want)
	}
}
