package doc

// Record is the JSON record that dyad writes for one article, one per line.
// Field names are the contract of output.md: they may be added to, never
// renamed or dropped. Empty values are "", [] or null, never missing.
type Record struct {
	DocID      string      `json:"doc_id"`
	Source     Source      `json:"source"`
	Text       string      `json:"text"`
	Paragraphs []Paragraph `json:"paragraphs"`
	Sentences  []Sentence  `json:"sentences"`
	// Mentions are the resolved actor mentions, written only when the
	// actor stage ran (dyad extract --actors).
	Mentions []Mention `json:"mentions,omitempty"`
	// Events and Quotes are written when the event and quote stages ran
	// (dyad code), as [] when there are none.
	Events []Event  `json:"events,omitzero"`
	Quotes []Quote  `json:"quotes,omitzero"`
	Errors []string `json:"errors"`
}

// ErrorRecord is the record of an input that could not be read at all: its
// id, its path and why.
type ErrorRecord struct {
	DocID  string      `json:"doc_id"`
	Source ErrorSource `json:"source"`
	Errors []string    `json:"errors"`
}

// ErrorSource is the source part of an ErrorRecord: the path only.
type ErrorSource struct {
	Path string `json:"path"`
}

// Record returns the article's JSON record, with nil lists made empty.
func (a *Article) Record() Record {
	r := Record{
		DocID:      a.ID,
		Source:     a.Source,
		Text:       a.Text,
		Paragraphs: a.Paragraphs,
		Sentences:  a.Sentences,
		Mentions:   a.Mentions,
		Errors:     a.Errors,
	}
	if r.Paragraphs == nil {
		r.Paragraphs = []Paragraph{}
	}
	if r.Sentences == nil {
		r.Sentences = []Sentence{}
	}
	if a.Coded {
		r.Events, r.Quotes = make([]Event, len(a.Events)), a.Quotes
		for i, e := range a.Events {
			if e.Context == nil {
				e.Context = []string{}
			}
			if e.Actor == nil {
				e.Actor = []Entity{}
			}
			if e.Recipient == nil {
				e.Recipient = []Entity{}
			}
			if e.Mentions == nil {
				e.Mentions = []int{e.Sentence}
			}
			r.Events[i] = e
		}
		if r.Quotes == nil {
			r.Quotes = []Quote{}
		}
	}
	if r.Errors == nil {
		r.Errors = []string{}
	}
	return r
}
