package event

import (
	"sort"
	"strings"

	"dyad/doc"
)

// symmetric types code the same interaction whichever side the text names
// first: a meeting is one CONSULT, not two.
var symmetric = map[string]bool{"CONSULT": true, "COOPERATE": true}

// entityKey identifies an entity for merging: its name, or its country and
// sector.
func entityKey(e doc.Entity) string {
	if e.Name != "" {
		return strings.ToLower(e.Name)
	}
	return e.Country + "/" + e.Sector
}

func countryKeys(es []doc.Entity) map[string]bool {
	m := map[string]bool{}
	for _, e := range es {
		m[e.Country] = true
	}
	return m
}

func subset(a, b map[string]bool) bool {
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// same reports whether drafts a and b report the same interaction.
func same(a, b *draft) bool {
	if a.code.Type != b.code.Type || a.negated != b.negated {
		return false
	}
	if (a.tense == doc.TenseHistorical) != (b.tense == doc.TenseHistorical) {
		return false
	}
	if a.date.prec != "" && b.date.prec != "" && !a.date.t.Equal(b.date.t) {
		return false
	}
	if symmetric[a.code.Type] {
		// The sides of a meeting, by country: "Xi met Putin" and "Xi's
		// arrival in Moscow" are one visit.
		pa := countryKeys(both(a.actor, a.recipient))
		pb := countryKeys(both(b.actor, b.recipient))
		return subset(pa, pb) || subset(pb, pa)
	}
	if !sideOverlap(a.actor, b.actor) {
		return false
	}
	if len(a.recipient) == 0 || len(b.recipient) == 0 {
		return len(a.recipient) == len(b.recipient)
	}
	return sideOverlap(a.recipient, b.recipient)
}

// both returns the entities of two sides in a new slice.
func both(a, b []doc.Entity) []doc.Entity {
	return append(append(make([]doc.Entity, 0, len(a)+len(b)), a...), b...)
}

// sideOverlap reports whether two sides of events share an entity: the
// same one, or an unnamed one and another of its country ("Xi lauded
// their relationship" after "Xi gave Putin a medal": Russia is Putin).
func sideOverlap(a, b []doc.Entity) bool {
	for _, x := range a {
		for _, y := range b {
			if entityKey(x) == entityKey(y) || (x.Name == "" || y.Name == "") && x.Country == y.Country && x.Country != "" {
				return true
			}
		}
	}
	return false
}

// specific ranks how exactly a code names an interaction: a visit beats a
// meeting, a 4-digit code its root.
func specific(c *Code) int {
	n := len(c.Code)
	if c.Mode != "" {
		n++
	}
	return n
}

// merge joins the drafts that report the same interaction, keeping the
// most informative sentence as evidence and every sentence as a mention.
func merge(ds []*draft) []*draft {
	var out []*draft
	for _, d := range ds {
		joined := false
		for _, o := range out {
			if !same(o, d) {
				continue
			}
			joined = true
			o.mentions = append(o.mentions, d.mentions...)
			if d.date.prec != "" && (o.date.prec == "" || precRank(d.date.prec) > precRank(o.date.prec)) {
				o.date = d.date
			}
			if o.location == nil {
				o.location = d.location
			}
			// Named people beat their countries.
			pool := both(d.actor, d.recipient)
			o.actor, o.recipient = better(o.actor, pool), better(o.recipient, pool)
			if specific(d.code) > specific(o.code) {
				o.code, o.mode, o.context = d.code, d.mode, d.context
				if symmetric[d.code.Type] {
					// The visit gives the direction; named people beat
					// places.
					oa, or := o.actor, o.recipient
					o.actor, o.recipient = d.actor, d.recipient
					pool := both(oa, or)
					o.actor = better(o.actor, pool)
					o.recipient = better(o.recipient, pool)
				}
			}
			if d.weight > o.weight {
				o.sentence, o.evidence, o.trigger, o.weight = d.sentence, d.evidence, d.trigger, d.weight
				if !symmetric[d.code.Type] {
					pool := both(o.actor, o.recipient)
					if len(d.actor) >= len(o.actor) {
						o.actor = better(d.actor, pool)
					}
					if len(d.recipient) >= len(o.recipient) {
						o.recipient = better(d.recipient, pool)
					}
				}
			}
			break
		}
		if !joined {
			out = append(out, d)
		}
	}
	for _, o := range out {
		sort.Ints(o.mentions)
		o.mentions = dedupInts(o.mentions)
	}
	return out
}

// better replaces each unnamed entity of es by a named one of the same
// country from pool.
func better(es, pool []doc.Entity) []doc.Entity {
	out := make([]doc.Entity, len(es))
	for i, e := range es {
		out[i] = e
		if e.Name != "" {
			continue
		}
		for _, p := range pool {
			if p.Name != "" && p.Country == e.Country {
				out[i] = p
				break
			}
		}
	}
	return out
}

func precRank(p string) int {
	switch p {
	case doc.PrecisionDay:
		return 3
	case doc.PrecisionMonth:
		return 2
	case doc.PrecisionYear:
		return 1
	}
	return 0
}

func dedupInts(xs []int) []int {
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}
