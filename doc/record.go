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
	Errors   []string  `json:"errors"`
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
	if r.Errors == nil {
		r.Errors = []string{}
	}
	return r
}
