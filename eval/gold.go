package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"dyad/doc"
)

// Gold is the hand coding of one article: a *.gold.json file, written
// beside the article (the same name with .txt, and .html where the raw
// page is kept).
type Gold struct {
	// DocID identifies the article; it is also the header's doc_id.
	DocID string `json:"doc_id"`
	// Published is the publication date, YYYY-MM-DD, or "" (null) when
	// unknown. When set it overrides the date in the article's header.
	Published string `json:"published"`
	// Events are the events the article reports, coded to the codebook.
	Events []GoldEvent `json:"events"`
	// Quotes are the article's quotes and reported statements.
	Quotes []GoldQuote `json:"quotes"`
	// Notes are the coder's remarks on judgment calls.
	Notes string `json:"notes"`
}

// GoldEvent is one hand-coded event. Its fields are those of doc.Event,
// but for Sentence, which is the text of the evidence sentence.
type GoldEvent struct {
	Type      string       `json:"type"`
	Mode      string       `json:"mode"`
	CAMEO     string       `json:"cameo"`
	Actor     []doc.Entity `json:"actor"`
	Recipient []doc.Entity `json:"recipient"`
	// Date is YYYY-MM-DD, or nil (null) when unknown.
	Date *string `json:"date"`
	// DatePrecision is day, month, year or reported; "" (null) when the
	// date is unknown.
	DatePrecision string        `json:"date_precision"`
	Location      *doc.Location `json:"location"`
	Negated       bool          `json:"negated"`
	Tense         doc.Tense     `json:"tense"`
	// Sentence is the text of the sentence that reports the event.
	Sentence string `json:"sentence"`
}

// Counted reports whether the event is asserted as having happened (or
// happening, or planned): it is neither negated nor hypothetical. Only such
// events are scored.
func (e GoldEvent) Counted() bool {
	return counted(e.Negated, e.Tense)
}

// GoldQuote is one hand-coded quote: its speaker (Text and offsets are
// not given) and its words.
type GoldQuote struct {
	Speaker doc.Entity `json:"speaker"`
	Text    string     `json:"text"`
	Direct  bool       `json:"direct"`
}

// LoadGold reads a *.gold.json file. Errors name the file.
func LoadGold(path string) (Gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Gold{}, err // *fs.PathError names the file
	}
	var g Gold
	if err := json.Unmarshal(data, &g); err != nil {
		return Gold{}, fmt.Errorf("%s: not a gold article file: %w", path, err)
	}
	return g, nil
}

// Header is the metadata written at the top of a gold article's text file:
// lines "key: value" up to a line "---". "None" is written for an unknown
// value; Header holds "" instead.
type Header struct {
	DocID     string
	Title     string
	Outlet    string
	Published string
	URL       string
}

// Source returns the header as the metadata that an input's container
// gives (doc.Input.Hint).
func (h Header) Source() doc.Source {
	return doc.Source{Title: h.Title, Outlet: h.Outlet, Published: h.Published, URL: h.URL}
}

// ParseArticleText splits a gold article's text file into its header and
// the article text that follows the "---" line. A file that does not start
// with a header ("key: value" lines and then "---") is all article text,
// with an empty header.
func ParseArticleText(data []byte) (Header, []byte) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var h Header
	rest := data
	for len(rest) > 0 {
		line, after, _ := bytes.Cut(rest, []byte("\n"))
		rest = after
		s := strings.TrimSpace(string(line))
		if s == "---" {
			return h, rest
		}
		key, value, ok := strings.Cut(s, ":")
		if !ok || key == "" || strings.ContainsAny(key, " \t") {
			break
		}
		value = strings.TrimSpace(value)
		if value == "None" {
			value = ""
		}
		switch strings.ToLower(key) {
		case "doc_id":
			h.DocID = value
		case "title":
			h.Title = value
		case "outlet":
			h.Outlet = value
		case "published":
			h.Published = value
		case "url":
			h.URL = value
		}
	}
	return Header{}, data
}

// SentenceGold is one record of PLOVER's gold standard
// (plover_gsr_dev.jsonl): a sentence with the one event it reports.
type SentenceGold struct {
	// ID is the record's id, as "PLOVER-GSR01-AGREE-0001".
	ID string `json:"id"`
	// Date is a date given to the record, YYYY-MM-DD, or "".
	Date string `json:"date"`
	// Text is the sentence.
	Text string `json:"text"`
	// Event is the PLOVER event type.
	Event string `json:"event"`
	// Mode is the PLOVER mode, or "".
	Mode string `json:"mode"`
	// Source are the event's actors.
	Source SentenceActors `json:"source"`
	// Target are its recipients; empty when the record has none.
	Target SentenceActors `json:"target"`
	// Line is the record's line in its file, from 1.
	Line int `json:"-"`
}

// SentenceActor is one entity of a SentenceGold's source or target.
type SentenceActor struct {
	// ActorText is the words of the sentence that name the actor.
	ActorText string `json:"actorText"`
	// Code is a country code (ISO 3166-1 alpha-3, or a legacy CAMEO code
	// such as JAP), or a code for an organisation such as IGO or NGO.
	Code string `json:"code"`
	// Sector is a CAMEO sector code, often "".
	Sector string `json:"sector"`
}

// SentenceActors is a list of actors. In JSON it is a list of objects;
// anything else (null, "", a stray word) reads as an empty list, as some
// records without a target have one of those.
type SentenceActors []SentenceActor

// UnmarshalJSON reads a list of actors, or anything else as none.
func (a *SentenceActors) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	if len(data) == 0 || data[0] != '[' {
		*a = nil
		return nil
	}
	var list []SentenceActor
	if err := json.Unmarshal(data, &list); err != nil {
		return err
	}
	*a = list
	return nil
}

// ErrICEWSExamples is returned for a file of ICEWS CAMEO example sentences
// (cameo, name, text), which carry no actors to score.
var ErrICEWSExamples = errors.New("ICEWS CAMEO examples (cameo, name, text) have no actors to score; " +
	"want PLOVER gold-standard records (text, event, source, target)")

// ReadSentences reads PLOVER gold-standard records, one JSON object a line;
// name names the input in errors. Blank lines are skipped. It rejects other
// formats, ICEWS CAMEO examples among them, at their first line.
func ReadSentences(r io.Reader, name string) ([]SentenceGold, error) {
	br := bufio.NewReader(r)
	var recs []SentenceGold
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if err != nil && err != io.EOF {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if s := bytes.TrimSpace(line); len(s) > 0 {
			rec, perr := parseSentence(s)
			if perr != nil {
				return nil, fmt.Errorf("%s:%d: %w", name, n, perr)
			}
			rec.Line = n
			recs = append(recs, rec)
		}
		if err == io.EOF {
			break
		}
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%s: no records", name)
	}
	return recs, nil
}

// parseSentence reads one line of a sentence gold file.
func parseSentence(line []byte) (SentenceGold, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(line, &fields); err != nil {
		return SentenceGold{}, fmt.Errorf("not a JSON object: %w", err)
	}
	has := func(keys ...string) bool {
		for _, k := range keys {
			if _, ok := fields[k]; !ok {
				return false
			}
		}
		return true
	}
	switch {
	case has("text", "event", "source"):
	case has("cameo", "name", "text"):
		return SentenceGold{}, ErrICEWSExamples
	default:
		return SentenceGold{}, errors.New("unknown record format: want PLOVER gold-standard records with text, event, source and target")
	}
	var rec SentenceGold
	if err := json.Unmarshal(line, &rec); err != nil {
		return SentenceGold{}, err
	}
	if rec.Text == "" || rec.Event == "" {
		return SentenceGold{}, errors.New("record without text or event")
	}
	return rec, nil
}

// LoadSentences reads a file of PLOVER gold-standard records (see
// ReadSentences). Errors name the file.
func LoadSentences(path string) ([]SentenceGold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadSentences(f, path)
}
