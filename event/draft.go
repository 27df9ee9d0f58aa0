package event

import (
	"strconv"
	"strings"
	"time"

	"dyad/actor"
	"dyad/doc"
)

// draft is an event on its way to the record: coded from one sentence,
// then merged with the drafts of other sentences that report the same
// interaction.
type draft struct {
	code      *Code
	mode      string
	context   []string
	actor     []doc.Entity
	recipient []doc.Entity
	negated   bool
	tense     doc.Tense
	date      dateRef
	location  *doc.Location
	trigger   string
	sentence  int
	evidence  string
	mentions  []int
	weight    float64 // how informative the evidence sentence is
	title     bool
}

// victimTypes are the event types coded with no actor when the text names
// only who suffered them.
var victimTypes = set("ASSAULT COERCE SANCTION")

// futureCode is the AGREE code for a promise of a cooperative act, by the
// act's CAMEO root: a future meeting is "express intent to meet" (036).
var futureCode = map[string]string{
	"04": "036", "05": "032", "06": "031", "07": "033", "08": "035",
}

// threatCode is the THREATEN code for an announced conflictual act.
var threatCode = map[string]string{
	"15": "138", "16": "131", "17": "137", "18": "138", "19": "138", "20": "138",
}

// draft turns a candidate into a draft event, or nil when it has no
// actor.
func (c *Coder) draft(cd candidate, dates []dateRef, ref time.Time, hasRef bool) *draft {
	s := cd.sent
	actor := s.entities(cd.actor, nil)
	if len(actor) == 0 && len(cd.recipient) == 0 && !cd.mod.passive {
		actor = s.partyGroup(cd.m.head)
	}
	recip := s.entities(cd.recipient, actor)
	if cd.code.Type == "PROTEST" && len(recip) == 0 {
		actor, recip = s.antiGovernment(cd, actor)
	}
	if len(actor) == 0 {
		// An agentless passive is coded for what is done to people
		// ("two soldiers were killed"), not for what an adjective says
		// ("China and Russia are committed to ...").
		if !cd.mod.passive || len(recip) == 0 || !victimTypes[cd.code.Type] {
			return nil
		}
	}
	code := cd.code
	// Some types need a counterpart: a meeting two sides, material
	// cooperation a recipient. Aid and sanctions need one too, but the
	// coder may find it beyond the clause (needsRecipient).
	switch code.Type {
	case "CONSULT":
		if len(actor)+len(recip) < 2 {
			return nil
		}
		if strings.Contains(cd.pat.Text, "between") && len(countryKeys(both(actor, recip))) >= 3 {
			// Talks between several parties have no host: all of them
			// take part ("talks between Iran and Asia's consumers - China,
			// India and Japan").
			actor, recip = both(actor, recip), nil
		}
	case "COOPERATE":
		if len(recip) == 0 {
			return nil
		}
	}
	d := &draft{
		code:      code,
		mode:      code.Mode,
		context:   code.Context,
		actor:     actor,
		recipient: recip,
		negated:   cd.mod.negated,
		tense:     doc.TenseCurrent,
		sentence:  s.index,
		mentions:  []int{s.index},
		title:     s.title,
	}
	if cd.pat.Mode != "" {
		d.mode = cd.pat.Mode
	}
	if cd.pat.Context != nil {
		d.context = cd.pat.Context
	}
	a := s.a
	d.trigger = a.Slice(cd.span())
	sent := a.Sentences[s.index]
	d.evidence = strings.TrimSpace(a.Text[sent.Start:sent.End])

	// The event's date: the date expression nearest the trigger in its
	// clause.
	present := !s.title && (cd.verbTense == "VBZ" || cd.verbTense == "VBP" || cd.mod.present)
	d.date = pickDate(dates, cd.m.head, cd.mod.future || present && !cd.mod.passive)
	switch {
	case cd.mod.hypo:
		d.tense = doc.TenseHypothetical
	case cd.mod.future:
		d.tense = doc.TenseFuture
	case cd.mod.perfect, cd.pat.Before && !cd.mod.negated:
		d.tense = doc.TenseHistorical
	}
	if hasRef && d.date.prec != "" && d.tense == doc.TenseCurrent {
		switch {
		case d.date.t.After(ref):
			d.tense = doc.TenseFuture
		case d.date.historical(ref):
			d.tense = doc.TenseHistorical
		}
	}
	if hasRef && d.tense == doc.TenseCurrent && d.date.prec == "" {
		// "in the 1967 war" dates the act; "the 2016 election, which
		// ... said was targeted" makes it background of unknown date.
		if y, rel := s.yearNoun(cd.m.head, ref.Year()); y > 0 {
			d.tense = doc.TenseHistorical
			if !rel {
				d.date = dateRef{t: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), prec: doc.PrecisionYear}
			}
		}
	}
	if d.tense == doc.TenseHistorical && d.date.prec == "" {
		d.date.unknown = true
	}
	// A promised cooperative act is AGREE; an announced conflictual one
	// is THREATEN.
	if d.tense == doc.TenseFuture && !d.negated {
		root := code.Code[:2]
		if fc, ok := futureCode[root]; ok {
			d.code = c.lex.codes[fc]
			d.mode, d.context = d.code.Mode, d.code.Context
		} else if tc, ok := threatCode[root]; ok {
			d.code = c.lex.codes[tc]
			d.mode, d.context = d.code.Mode, d.code.Context
		}
	}
	d.location = s.location(cd.m.head)
	d.weight = float64(len(actor)+len(recip)) + named(actor) + named(recip)
	if d.date.prec == doc.PrecisionDay {
		d.weight += 1
	}
	if d.location != nil {
		d.weight += 0.5
	}
	if s.title {
		d.weight -= 2
	}
	return d
}

// span returns the text span of the candidate's match: its trigger.
func (cd candidate) span() doc.Span {
	s := cd.sent
	return doc.Span{Start: s.a.Tokens[s.first+cd.m.start].Start, End: s.a.Tokens[s.first+cd.m.end].End}
}

// antiGovernment gives a protest "against the government" ("anti-government
// protests", "antigovernment rallies") its target: the government of the
// protesters' country, or of the country where the protest is. Unnamed
// protesters are the civilians of that country.
func (s *sentence) antiGovernment(cd candidate, actors []doc.Entity) ([]doc.Entity, []doc.Entity) {
	at := -1
	for j := cd.m.start; j <= cd.m.end; j++ {
		if k := s.keys[j]; k == "antigovernment" || k == "government" && j >= 2 && s.keys[j-1] == "-" && s.keys[j-2] == "anti" {
			at = j
		}
	}
	if at < 0 {
		return actors, nil
	}
	country := ""
	if len(actors) > 0 {
		country = actors[0].Country
	} else if loc := s.location(cd.m.head); loc != nil {
		country = loc.Country
	} else {
		for j := 0; j < s.n() && country == ""; j++ {
			if mi := s.ment[j]; mi >= 0 {
				if m := s.a.Mentions[mi]; (m.Kind == doc.MentionPlace || m.Kind == doc.MentionState) && len(m.Entities) > 0 {
					country = m.Entities[0].Country
				}
			}
		}
	}
	if country == "" || actor.IsIGO(country) {
		return actors, nil
	}
	a := s.a
	if len(actors) == 0 {
		sp := cd.span()
		actors = []doc.Entity{{Text: a.Slice(sp), Country: country, Sector: "CVL", Start: sp.Start, End: sp.End}}
	}
	g := a.Tokens[s.first+at]
	return actors, []doc.Entity{{Text: a.Text[g.Start:g.End], Country: country, Sector: "GOV", Start: g.Start, End: g.End}}
}

func named(es []doc.Entity) float64 {
	n := 0.0
	for _, e := range es {
		if e.Name != "" {
			n += 0.5
		}
	}
	return n
}

// location finds where the event at token head took place: a place after
// "in" or "at" in the sentence, nearest the trigger, preferring "in".
func (s *sentence) location(head int) *doc.Location {
	best, bestScore := -1, 1<<30
	for j := 1; j < s.n(); j++ {
		k := s.keys[j-1]
		if k != "in" && k != "at" {
			continue
		}
		mi := -1
		if st, ok := s.mstart[j]; ok {
			_ = st
			mi = s.ment[j]
		}
		if mi < 0 {
			continue
		}
		m := s.a.Mentions[mi]
		if m.Via != "location" || len(m.Entities) == 0 || m.Entities[0].Country == "" {
			continue
		}
		score := j - head
		if score < 0 {
			score = -score * 2
		}
		if k == "at" {
			score += 20
		}
		if score < bestScore {
			best, bestScore = mi, score
		}
	}
	if best < 0 {
		return nil
	}
	m := s.a.Mentions[best]
	e := m.Entities[0]
	name := e.Name
	if name == "" {
		name = m.Text
	}
	return &doc.Location{Text: m.Text, Name: strings.TrimPrefix(name, "the "), Country: e.Country}
}

// finish writes a merged draft as the n-th event of a.
func (c *Coder) finish(a *doc.Article, d *draft, n int, ref time.Time, hasRef bool) doc.Event {
	e := doc.Event{
		ID:        a.ID + "-e" + strconv.Itoa(n+1),
		Type:      d.code.Type,
		Mode:      d.mode,
		Context:   d.context,
		CAMEO:     d.code.Code,
		Quad:      c.lex.Quad(d.code.Type),
		Score:     c.lex.Score(d.code.Type, d.mode),
		Goldstein: d.code.Goldstein,
		Actor:     d.actor,
		Recipient: d.recipient,
		Negated:   d.negated,
		Tense:     d.tense,
		Trigger:   d.trigger,
		Sentence:  d.sentence,
		Evidence:  d.evidence,
		Mentions:  d.mentions,
		Location:  d.location,
	}
	switch {
	case d.date.prec != "":
		e.Date = refDate(d.date.t)
		e.DatePrecision = d.date.prec
		e.DateText = d.date.text
	case d.date.unknown || !hasRef:
	default:
		e.Date = refDate(ref)
		e.DatePrecision = doc.PrecisionReported
	}
	e.Confidence = 0.5 + 0.1*float64(len(d.mentions))
	if len(d.actor) > 0 && len(d.recipient) > 0 {
		e.Confidence += 0.2
	}
	if e.Confidence > 0.95 {
		e.Confidence = 0.95
	}
	return e
}
