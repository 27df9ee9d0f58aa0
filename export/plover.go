package export

import (
	"dyad/doc"
	"dyad/store"
)

// ploverEvent is a PLOVER JSON record, with the field names and nesting
// of the PLOVER manual's Data Fields chapter (see the package doc).
type ploverEvent struct {
	ID        string         `json:"id"`
	HasEvent  bool           `json:"has_event"`
	Date      *string        `json:"date"`
	Actor     []ploverEntity `json:"actor"`
	Recipient []ploverEntity `json:"recipient"`
	Event     []string       `json:"event"`
	EventLoc  *ploverPlace   `json:"event_loc"`
	// EventText holds the words that signalled the event (the trigger).
	EventText  []string       `json:"event_text"`
	QuadCode   int            `json:"quad_code"`
	EventScale float64        `json:"event_scale"`
	Mode       []string       `json:"mode"`
	Context    []string       `json:"context"`
	Text       string         `json:"text"`
	TextInfo   ploverTextInfo `json:"text_info"`
	CiteInfo   ploverCite     `json:"cite_info"`
	Coder      string         `json:"coder"`
	Dyad       ploverExtra    `json:"dyad"`
}

// ploverEntity is PLOVER's entity object: code is the country (or UNO,
// EUR, IGO), entity_text the article's words, identifier_text the
// canonical name.
type ploverEntity struct {
	Code           string `json:"code"`
	Sector         string `json:"sector"`
	EntityText     string `json:"entity_text"`
	IdentifierText string `json:"identifier_text"`
}

// ploverPlace is PLOVER's location object, with the fields that dyad
// knows: the article's words, the place's name and its country code.
type ploverPlace struct {
	ExtractedPlace string `json:"extracted_place"`
	ResolvedPlace  string `json:"resolved_place"`
	CountryCode    string `json:"country_code"`
}

// ploverTextInfo is PLOVER's textInfo object: sequence is the index of
// the evidence sentence in its article, from 0 as in dyad's records.
type ploverTextInfo struct {
	Sequence int `json:"sequence"`
}

// ploverCite is PLOVER's citeInfo object for the article shown.
type ploverCite struct {
	URL         string `json:"url"`
	Title       string `json:"title"`
	Publication string `json:"publication"`
	Coder       string `json:"coder"`
}

// ploverExtra holds what dyad codes and PLOVER has no field for.
type ploverExtra struct {
	CAMEO         string  `json:"cameo"`
	Goldstein     float64 `json:"goldstein"`
	DatePrecision string  `json:"date_precision"`
	DateText      string  `json:"date_text"`
	Tense         string  `json:"tense"`
	Negated       bool    `json:"negated"`
	Confidence    float64 `json:"confidence"`
	Mentions      []int   `json:"mentions"`
	Articles      int     `json:"articles"`
	Outlets       int     `json:"outlets"`
	Reports       int     `json:"reports"`
	ArticleID     int64   `json:"article_id"`
	Published     string  `json:"published"`
}

// ploverRecord returns the PLOVER record of e.
func ploverRecord(e store.Event) ploverEvent {
	r := ploverEvent{
		ID: e.Cluster, HasEvent: true, Date: e.Date,
		Actor: ploverEntities(e.Actor), Recipient: ploverEntities(e.Recipient),
		Event: []string{e.Type}, EventLoc: ploverLocation(e.Location), EventText: []string{},
		QuadCode: e.Quad, EventScale: e.Score, Context: e.Context,
		Text: e.Evidence, TextInfo: ploverTextInfo{Sequence: e.Sentence},
		CiteInfo: ploverCite{URL: e.URL, Title: e.Title, Publication: e.Outlet, Coder: "dyad"},
		Coder:    "dyad",
		Dyad: ploverExtra{CAMEO: e.CAMEO, Goldstein: e.Goldstein, DatePrecision: e.DatePrecision, DateText: e.DateText,
			Tense: string(e.Tense), Negated: e.Negated, Confidence: e.Confidence, Mentions: e.Mentions,
			Articles: e.Articles, Outlets: e.Outlets, Reports: e.Reports, ArticleID: e.ArticleID, Published: e.Published},
	}
	if e.Mode != "" {
		r.Mode = []string{e.Mode}
	}
	if len(e.Context) == 0 {
		r.Context = nil
	}
	if e.Trigger != "" {
		r.EventText = []string{e.Trigger}
	}
	if r.Dyad.Mentions == nil {
		r.Dyad.Mentions = []int{}
	}
	return r
}

func ploverEntities(es []doc.Entity) []ploverEntity {
	out := make([]ploverEntity, len(es))
	for i, e := range es {
		out[i] = ploverEntity{Code: e.Country, Sector: e.Sector, EntityText: e.Text, IdentifierText: e.Name}
	}
	return out
}

func ploverLocation(l *doc.Location) *ploverPlace {
	if l == nil {
		return nil
	}
	return &ploverPlace{ExtractedPlace: l.Text, ResolvedPlace: l.Name, CountryCode: l.Country}
}
