package eval

import (
	"cmp"
	"slices"
	"strings"

	"dyad/doc"
)

// Key is what an event is compared by: its type and the unordered pair of
// the countries of its two sides. A and B are in order (A <= B); B is ""
// when the event has one country only.
type Key struct {
	Type string `json:"type"`
	A    string `json:"a"`
	B    string `json:"b"`
}

// String writes the key as "CONSULT DEU-GBR", or "PROTEST HKG" for one
// country.
func (k Key) String() string {
	if k.B == "" {
		return k.Type + " " + k.A
	}
	return k.Type + " " + k.A + "-" + k.B
}

// compareKeys orders keys by type, then countries.
func compareKeys(a, b Key) int {
	return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(a.A, b.A), cmp.Compare(a.B, b.B))
}

// pairKey returns the key of type t for countries a and b in either order.
func pairKey(t, a, b string) Key {
	if b < a {
		a, b = b, a
	}
	return Key{Type: t, A: a, B: b}
}

// Keys returns the keys of an event of type typ between actor and
// recipient, sorted and without repeats:
//
//   - one key for each country of the actor with each country of the
//     recipient ({CHN, RUS} from China to Russia; {HKG, HKG} from Hong
//     Kong's police to Hong Kong's protesters);
//   - when only one side has a country (the other is missing, or none of
//     its entities has a country), one key for each pair of that side's
//     distinct countries, or, when it has one country, a key with that
//     country alone;
//   - no key when neither side has a country, or the type is "".
//
// An entity with no country contributes no key. Countries go through
// NormalizeCountry, and the type is upper-cased.
func Keys(typ string, actor, recipient []doc.Entity) []Key {
	typ = strings.ToUpper(strings.TrimSpace(typ))
	if typ == "" {
		return nil
	}
	ac, rc := countries(actor), countries(recipient)
	var keys []Key
	switch {
	case len(ac) > 0 && len(rc) > 0:
		for _, a := range ac {
			for _, r := range rc {
				keys = append(keys, pairKey(typ, a, r))
			}
		}
	default:
		side := ac
		if len(side) == 0 {
			side = rc
		}
		if len(side) == 1 {
			keys = append(keys, Key{Type: typ, A: side[0]})
		}
		for i, a := range side {
			for _, b := range side[i+1:] {
				keys = append(keys, pairKey(typ, a, b))
			}
		}
	}
	slices.SortFunc(keys, compareKeys)
	return slices.Compact(keys)
}

// countries returns the distinct country codes of entities, normalized and
// sorted, without "".
func countries(es []doc.Entity) []string {
	var cs []string
	for _, e := range es {
		if c := NormalizeCountry(e.Country); c != "" {
			cs = append(cs, c)
		}
	}
	slices.Sort(cs)
	return slices.Compact(cs)
}

// counted reports whether an event with these attributes is scored: it is
// neither negated nor hypothetical.
func counted(negated bool, tense doc.Tense) bool {
	return !negated && !strings.EqualFold(string(tense), string(doc.TenseHypothetical))
}

// Counted reports whether dyad's event e is scored: it is neither negated
// nor hypothetical.
func Counted(e doc.Event) bool { return counted(e.Negated, e.Tense) }

// EventKeys returns the set of keys of dyad's events, sorted, leaving out
// negated and hypothetical events.
func EventKeys(events []doc.Event) []Key {
	var keys []Key
	for _, e := range events {
		if Counted(e) {
			keys = append(keys, Keys(e.Type, e.Actor, e.Recipient)...)
		}
	}
	slices.SortFunc(keys, compareKeys)
	return slices.Compact(keys)
}

// GoldKeys returns the set of keys of gold events, sorted, leaving out
// negated and hypothetical events.
func GoldKeys(events []GoldEvent) []Key {
	var keys []Key
	for _, e := range events {
		if e.Counted() {
			keys = append(keys, Keys(e.Type, e.Actor, e.Recipient)...)
		}
	}
	slices.SortFunc(keys, compareKeys)
	return slices.Compact(keys)
}
