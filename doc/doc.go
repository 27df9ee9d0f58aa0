// Package doc holds dyad's one document model: an article with its source
// metadata, its cleaned text, and the layers that the pipeline's stages add
// to it (paragraphs, sentences, and later mentions, events and quotes), all
// as byte offsets into Article.Text. It also defines the JSON record that
// dyad writes for each article (see ../shared/docs/output.md).
//
// Package doc depends on nothing else in dyad.
package doc

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Kind is the format of one raw input, as detected by the read stage.
type Kind string

// The kinds of raw input that the extract stage understands.
const (
	KindHTML     Kind = "html"
	KindText     Kind = "text"
	KindMarkdown Kind = "markdown"
)

// Input is one raw article as the read stage found it: the bytes of one
// page, one text file, one JSONL line or one WARC response record, already
// decompressed. Hint carries metadata that the container gave (a JSONL
// line's url, title and date; a WARC record's target URI and date), which
// the extract stage prefers to what it finds in the content.
type Input struct {
	// Path names the input for people: a file path, "path:LINE" for a
	// JSONL line, "path#RECORD-ID" for a WARC record, "-" for stdin.
	Path string
	// Kind is the detected format of Data.
	Kind Kind
	// Data is the raw content.
	Data []byte
	// ID is an identifier the input gave (a JSONL "id"), or "".
	ID string
	// Hint is metadata given by the container, not read from Data.
	Hint Source
	// Fetched is the date (YYYY-MM-DD) the page was fetched, from a WARC
	// record: the publication date of last resort, when the page names none.
	Fetched string
	// Err is set when the input could not be read; Data is then empty
	// and the pipeline reports the error for this input and goes on.
	Err error
}

// Source is an article's provenance and metadata. Published is a date
// in the form YYYY-MM-DD, or "" when unknown.
type Source struct {
	Path      string `json:"path"`
	URL       string `json:"url"`
	Outlet    string `json:"outlet"`
	Wire      string `json:"wire"`
	Title     string `json:"title"`
	Byline    string `json:"byline"`
	Published string `json:"published"`
	Language  string `json:"language"`
}

// DateLayout is the layout of Source.Published and of event dates.
const DateLayout = "2006-01-02"

// PublishedTime returns the publication date, and false when it is unknown
// or malformed.
func (s Source) PublishedTime() (time.Time, bool) {
	if s.Published == "" {
		return time.Time{}, false
	}
	t, err := time.Parse(DateLayout, s.Published)
	return t, err == nil
}

// Span is a half-open byte range [Start, End) of Article.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Role says what a paragraph is, when it is not body text.
type Role string

// The roles of paragraphs other than body text.
const (
	RoleBody    Role = ""
	RoleTitle   Role = "title"   // the headline
	RoleCaption Role = "caption" // a photo caption kept because it states an event
)

// Paragraph is one paragraph of the cleaned text.
type Paragraph struct {
	Span
	Role Role `json:"role,omitempty"`
}

// Sentence is one sentence of the cleaned text.
type Sentence struct {
	Index int `json:"index"`
	Span
	// Paragraph is the index of the paragraph that holds the sentence.
	Paragraph int `json:"paragraph"`
}

// Article is one news article on its way through the pipeline. The extract
// stage fills ID, Source, Text and Paragraphs; the text stage adds
// Sentences and Tokens; the actor stage adds Mentions. Errors collects
// problems that did not stop processing.
type Article struct {
	ID         string
	Source     Source
	Text       string
	Paragraphs []Paragraph
	Sentences  []Sentence
	// Tokens are the words and punctuation of Text, set by the text stage.
	Tokens []Token
	// Mentions are the actors named in Text, set by the actor stage.
	Mentions []Mention
	// Events are the coded events, set by the event stage.
	Events []Event
	// Quotes are the quotes and reported statements, set by the quote stage.
	Quotes []Quote
	// Coded is true once the event and quote stages have run, so that the
	// record writes events and quotes (as [] when there are none).
	Coded  bool
	Errors []string
}

// Slice returns the text of a span, or "" for a span outside the text.
func (a *Article) Slice(s Span) string {
	if s.Start < 0 || s.End > len(a.Text) || s.Start > s.End {
		return ""
	}
	return a.Text[s.Start:s.End]
}

// IDFor returns the document id for raw input bytes: the first 16 hex
// characters of their SHA-256.
func IDFor(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:8])
}
