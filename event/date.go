package event

import (
	"time"

	"dyad/doc"
)

// dateRef is a date an event happened on, as the text gives it.
type dateRef struct {
	t       time.Time
	prec    string // day, month, year; "" when the text gives none
	text    string
	tok     int  // token of the expression in its sentence
	unknown bool // the event is dated but not by the text: no date at all
}

// historical reports whether the date lies clearly before the news of an
// article published at ref.
func (d dateRef) historical(ref time.Time) bool {
	switch d.prec {
	case doc.PrecisionYear:
		return d.t.Year() < ref.Year()
	case doc.PrecisionMonth:
		return d.t.Before(ref.AddDate(0, -2, 0))
	case doc.PrecisionDay:
		return d.t.Before(ref.AddDate(0, 0, -45))
	}
	return false
}

// sentenceDates finds the date expressions of a sentence.
func sentenceDates(a *doc.Article, s *sentence, ref time.Time, hasRef bool) []dateRef {
	return nil
}

// pickDate chooses the date of the event whose trigger is token head.
func pickDate(dates []dateRef, head int, future bool) dateRef {
	return dateRef{}
}
