package actor

// Queries about people and offices at a date.

// officeRank orders offices for a person who holds several at once.
func officeRank(e *Entry) int {
	switch {
	case e.HasOffice("HOS") || e.HasOffice("HOG"):
		return 0
	case e.HasOffice("FM") || e.HasOffice("DM") || e.HasOffice("SG"):
		return 1
	}
	return 2
}

// tenure returns the entry of name's tenure on date, the best-ranked when
// several hold; on the unknown date (0) the current or latest tenure. ok
// is false when the person held nothing on date; then e is their latest
// tenure before date (former), or the earliest one after it.
func (kb *KB) tenure(name string, date int) (e *Entry, former, ok bool) {
	ids := kb.people[name]
	if len(ids) == 0 {
		return nil, false, false
	}
	var best, latest, earliest *Entry
	hasDated := false
	for _, id := range ids {
		x := &kb.entries[id]
		if !x.Fallback && (x.From != 0 || x.To != 0) {
			hasDated = true
		}
	}
	for _, id := range ids {
		x := &kb.entries[id]
		if x.Fallback && hasDated {
			continue
		}
		if date == 0 {
			if x.To == 0 && (best == nil || officeRank(x) < officeRank(best) ||
				officeRank(x) == officeRank(best) && x.From > best.From) {
				best = x
			}
		} else if x.ValidAt(date) && (best == nil || officeRank(x) < officeRank(best)) {
			best = x
		}
		if date == 0 || x.To != 0 && x.To < date {
			if latest == nil || x.To > latest.To || latest.To != 0 && x.To == 0 {
				latest = x
			}
		}
		if earliest == nil || x.From < earliest.From {
			earliest = x
		}
	}
	if best != nil {
		return best, false, true
	}
	for _, id := range ids {
		// a PETRARCH default code covers the dates its dated codes leave.
		if x := &kb.entries[id]; x.Fallback {
			return x, false, true
		}
	}
	if latest != nil {
		// On the unknown date, a person is what they last were.
		return latest, date != 0, date == 0
	}
	return earliest, false, false
}

// personSector returns the country and sector of a person on date: the
// tenure's, ELI for a former office holder, and no sector before any
// tenure.
func (kb *KB) personSector(name string, date int) (country, sector string, e *Entry) {
	e, former, ok := kb.tenure(name, date)
	switch {
	case e == nil:
		return "", "", nil
	case former:
		return e.Country, "ELI", e
	case !ok:
		return e.Country, "", e
	}
	return e.Country, e.Sector, e
}

// holder returns the name of the person who holds office or title in
// country on date, preferring people for whom prefer is true; "" if the
// knowledge base knows nobody.
func (kb *KB) holder(country, office, title string, date int, prefer func(string) bool) string {
	for _, key := range []string{title, office} {
		if key == "" {
			continue
		}
		var first string
		for _, id := range kb.offices[country+"/"+key] {
			e := &kb.entries[id]
			if date == 0 && e.To != 0 || date != 0 && !e.ValidAt(date) {
				continue
			}
			if prefer != nil && prefer(e.Name) {
				return e.Name
			}
			if first == "" {
				first = e.Name
			}
		}
		if first != "" {
			return first
		}
	}
	return ""
}

// isTitle reports whether a noun is the title of some office in the
// knowledge base ("crown prince", "supreme leader").
func (kb *KB) isTitle(noun string) bool {
	return kb.titles[noun]
}
