package actor

import (
	"context"
	"testing"
	"unicode/utf8"

	"dyad/doc"
	"dyad/text"
)

// FuzzAnnotate resolves arbitrary text: no panic, every mention and
// entity span inside the text and on the mention's words.
func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{
		"Chinese President Xi Jinping met his Russian counterpart, Vladimir Putin, at the Kremlin.",
		"The two presidents signed. Both leaders smiled. He said they agreed.",
		"Senior Hungarian and Romanian officials agreed with U.S. intelligence agencies.",
		"Mr. Smith met Mr . Jones; the host and the visiting leader, his counterpart's",
		"PUTIN'S ’s ' - -- Sino- the two the two the two",
		"",
	} {
		f.Add(s, "2018-06-08")
	}
	r := testResolverF(f)
	f.Fuzz(func(t *testing.T, body, published string) {
		if !utf8.ValidString(body) {
			return
		}
		a := &doc.Article{Text: body, Source: doc.Source{Published: published}}
		ctx := context.Background()
		if err := (text.Splitter{}).Annotate(ctx, a); err != nil {
			return
		}
		if err := r.Annotate(ctx, a); err != nil {
			t.Fatal(err)
		}
		for _, m := range a.Mentions {
			if m.Start < 0 || m.End > len(body) || m.Start >= m.End || body[m.Start:m.End] != m.Text {
				t.Fatalf("bad mention span %+v in %q", m, body)
			}
			if m.Sentence < 0 || m.Sentence >= len(a.Sentences) {
				t.Fatalf("bad sentence %d", m.Sentence)
			}
			for _, e := range m.Entities {
				if e.Start < 0 || e.End > len(body) || e.Start > e.End {
					t.Fatalf("bad entity span %+v in %q", e, body)
				}
			}
		}
		_ = r.Resolve(body, 20180608, "Russia")
	})
}

// FuzzParseFile parses arbitrary dictionaries: no panic, and every entry
// has a kind, patterns and ordered dates.
func FuzzParseFile(f *testing.F) {
	for _, s := range []string{
		"name,aliases,country,sector\nKremlin,the Kremlin,RUS,GOV\n",
		"type\tname\tcountry\tfrom\tto\nperson\tX Y\tRUS\t2001\t2002-03\n",
		"VLADIMIR_PUTIN_ ; x\n+PUTIN_\n\t[RUSELI 700101-990809]\n\t[RUSGOV >080508]\n\t[RUSELI]\n",
		"!PERSON! = MAN, MEN\nCONGRESS!PERSON! [~LEG]\nPOLICE {} [~COP]\n<!-- x\n-->\n",
		"U_THANT_\n\t[IGOUNO 611130-711231] [ELI]\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		es, _, err := ParseFile("fuzz", data)
		if err != nil {
			return
		}
		for _, e := range es {
			if e.Kind == 0 {
				t.Fatalf("entry without a kind: %+v", e)
			}
			if e.From != 0 && e.To != 0 && e.From > e.To {
				t.Fatalf("dates out of order: %+v", e)
			}
		}
		kb := build(es)
		_ = NewResolver(kb).Resolve("Vladimir Putin and the police", 20180101, "")
	})
}

func testResolverF(f *testing.F) *Resolver {
	kb, err := New(context.Background(), Options{Files: []string{"testdata/kb.tsv"}, NoBuiltin: true})
	if err != nil {
		f.Fatal(err)
	}
	return NewResolver(kb)
}
