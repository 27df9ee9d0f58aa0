package dedup

import (
	"sort"
	"time"

	"dyad/doc"
)

// Side is one entity of an event's actor or recipient as clustering sees
// it: its country code, and its name where it is a named person or
// organisation.
type Side struct {
	Country string
	Name    string
}

// Event is what clustering sees of a coded event.
type Event struct {
	// ID is unique and stable: it orders events and names clusters.
	ID string
	// Article is the article the event comes from.
	Article string
	// Type is the PLOVER type, CAMEO the CAMEO code and Root its first
	// two digits ("04").
	Type, CAMEO, Root string
	Actor             []Side
	Recipient         []Side
	// Date is the event's date, zero when unknown; Precision is a
	// doc.Precision* value.
	Date      time.Time
	Precision string
	// Place is the country of the event's place, or "".
	Place string
}

// FromDoc returns the clustering view of event e of an article.
func FromDoc(article string, e doc.Event) Event {
	ev := Event{ID: e.ID, Article: article, Type: e.Type, CAMEO: e.CAMEO, Precision: e.DatePrecision}
	if len(e.CAMEO) >= 2 {
		ev.Root = e.CAMEO[:2]
	}
	for _, a := range e.Actor {
		ev.Actor = append(ev.Actor, Side{Country: a.Country, Name: a.Name})
	}
	for _, r := range e.Recipient {
		ev.Recipient = append(ev.Recipient, Side{Country: r.Country, Name: r.Name})
	}
	if e.Date != nil {
		if t, err := time.Parse(doc.DateLayout, *e.Date); err == nil {
			ev.Date = t
		}
	}
	if e.Location != nil {
		ev.Place = e.Location.Country
	}
	return ev
}

// symmetric reports whether the two sides of an event play the same
// part: a meeting of A with B is a meeting of B with A, and so are
// diplomatic and material cooperation and a signing (CAMEO 04, 050, 057,
// 06).
func symmetric(e Event) bool {
	return e.Type == "CONSULT" || e.Type == "COOPERATE" || e.Root == "04" || e.Root == "06" ||
		e.CAMEO == "050" || e.CAMEO == "057"
}

// keys returns the set of keys of a side list: its countries, or its names
// where an entity has no country.
func keys(ss []Side) map[string]bool {
	out := map[string]bool{}
	for _, s := range ss {
		switch {
		case s.Country != "":
			out[s.Country] = true
		case s.Name != "":
			out["@"+s.Name] = true
		}
	}
	return out
}

func overlap(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// named returns the names of a side list.
func named(ss []Side) map[string]bool {
	out := map[string]bool{}
	for _, s := range ss {
		if s.Name != "" {
			out[s.Name] = true
		}
	}
	return out
}

// compatibleCodes reports whether two CAMEO codes of one root may name
// one act: equal, or one of them unspecified below the root ("040" with
// "042"), or one a refinement of the other ("173" with "1731"). A riot
// (145) is not a demonstration (141).
func compatibleCodes(a, b string) bool {
	if len(a) < 3 || len(b) < 3 || a[:3] == b[:3] {
		return true
	}
	return a[2] == '0' || b[2] == '0'
}

// Interval returns the days that an event's date may stand for, when
// they are few enough to tell one event from another: the day itself, the
// day before a report too (an event is reported on its day or the next),
// or the whole month. ok is false for an event with no date, and for one
// dated only by its year: an event dated so would match every such event
// of the year, and through them join all their clusters.
func Interval(date time.Time, precision string) (from, to time.Time, ok bool) {
	if date.IsZero() {
		return date, date, false
	}
	switch precision {
	case doc.PrecisionDay:
		return date, date, true
	case doc.PrecisionReported:
		return date.AddDate(0, 0, -1), date, true
	case doc.PrecisionMonth:
		first := time.Date(date.Year(), date.Month(), 1, 0, 0, 0, 0, time.UTC)
		return first, first.AddDate(0, 1, -1), true
	}
	return date, date, false
}

// nearDates reports whether the dates of two events may be one day.
func nearDates(a, b Event) bool {
	af, at, ok1 := Interval(a.Date, a.Precision)
	bf, bt, ok2 := Interval(b.Date, b.Precision)
	if !ok1 || !ok2 {
		return false
	}
	return !af.After(bt) && !bf.After(at)
}

// Same reports whether two events from different articles report one
// real-world interaction: the same CAMEO root and compatible codes, dates
// whose intervals meet, compatible places, and overlapping sides (either way
// round for symmetric types). An event with no date matches none.
func Same(a, b Event) bool {
	if a.Root != b.Root || a.Type != b.Type || !compatibleCodes(a.CAMEO, b.CAMEO) {
		return false
	}
	if !nearDates(a, b) {
		return false
	}
	if a.Place != "" && b.Place != "" && a.Place != b.Place {
		return false
	}
	aa, ar, ba, br := keys(a.Actor), keys(a.Recipient), keys(b.Actor), keys(b.Recipient)
	if symmetric(a) || symmetric(b) {
		all := func(x, y map[string]bool) map[string]bool {
			out := map[string]bool{}
			for k := range x {
				out[k] = true
			}
			for k := range y {
				out[k] = true
			}
			return out
		}
		ua, ub := all(aa, ar), all(ba, br)
		n := 0
		for k := range ua {
			if ub[k] {
				n++
			}
		}
		// The same parties, or at least two shared by two larger groups:
		// a meeting of France and the US is not a meeting within the US.
		if len(ua) <= 2 || len(ub) <= 2 {
			return n > 0 && n == len(ua) && n == len(ub)
		}
		return n >= 2
	}
	if !overlap(aa, ba) {
		return false
	}
	if len(ar) > 0 && len(br) > 0 && !overlap(ar, br) {
		return false
	}
	// Two named people or organisations of one country on the same side
	// are different acts when no name is shared: two ministers' visits.
	if na, nb := named(a.Actor), named(b.Actor); len(na) > 0 && len(nb) > 0 && !overlap(na, nb) {
		return false
	}
	return true
}

// Clusters groups events into the connected parts of the Same relation
// over events of different articles, with union-find: the result does
// not depend on the order of the events. Each event's cluster is named by
// the smallest ID among its members.
type Clusters struct {
	parent map[string]string
	events []Event
	// byRoot indexes the events by CAMEO root, for the comparisons.
	byRoot map[string][]int
}

// NewClusters returns an empty clustering.
func NewClusters() *Clusters {
	return &Clusters{parent: map[string]string{}, byRoot: map[string][]int{}}
}

func (c *Clusters) find(id string) string {
	for c.parent[id] != id {
		c.parent[id] = c.parent[c.parent[id]]
		id = c.parent[id]
	}
	return id
}

func (c *Clusters) union(a, b string) {
	ra, rb := c.find(a), c.find(b)
	if ra == rb {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	c.parent[rb] = ra
}

// Add adds an event, joining it to every cluster that holds an event of
// another article that Same says it reports. It returns the event's
// cluster.
func (c *Clusters) Add(e Event) string {
	if _, ok := c.parent[e.ID]; ok {
		return c.find(e.ID)
	}
	c.parent[e.ID] = e.ID
	for _, i := range c.byRoot[e.Root] {
		o := c.events[i]
		if o.Article != e.Article && Same(o, e) {
			c.union(o.ID, e.ID)
		}
	}
	c.byRoot[e.Root] = append(c.byRoot[e.Root], len(c.events))
	c.events = append(c.events, e)
	return c.find(e.ID)
}

// Of returns the cluster of the event with this ID ("" when it was never
// added).
func (c *Clusters) Of(id string) string {
	if _, ok := c.parent[id]; !ok {
		return ""
	}
	return c.find(id)
}

// Groups returns the clusters as lists of event IDs, each sorted, in the
// order of their names.
func (c *Clusters) Groups() [][]string {
	by := map[string][]string{}
	for id := range c.parent {
		r := c.find(id)
		by[r] = append(by[r], id)
	}
	names := make([]string, 0, len(by))
	for r := range by {
		names = append(names, r)
	}
	sort.Strings(names)
	out := make([][]string, len(names))
	for i, r := range names {
		sort.Strings(by[r])
		out[i] = by[r]
	}
	return out
}
