package doc

// Tense says where an event stands in time relative to the article's news.
type Tense string

// The tenses of output.md.
const (
	TenseCurrent      Tense = "current"      // the news of the article
	TenseHistorical   Tense = "historical"   // background the article recalls
	TenseFuture       Tense = "future"       // planned or promised
	TenseHypothetical Tense = "hypothetical" // "if ... would"
)

// The date precisions of output.md.
const (
	PrecisionDay      = "day"
	PrecisionMonth    = "month"
	PrecisionYear     = "year"
	PrecisionReported = "reported" // no date in the text: the publication date
)

// Location is where an event took place: the words of the article, the
// place's canonical name and its country code.
type Location struct {
	Text    string `json:"text"`
	Name    string `json:"name"`
	Country string `json:"country"`
}

// Event is one real-world interaction that an article reports, coded in
// PLOVER with its closest CAMEO code (see ../shared/docs/codebook.md).
type Event struct {
	ID        string   `json:"id"`
	Type      string   `json:"type"`
	Mode      string   `json:"mode"`
	Context   []string `json:"context"`
	CAMEO     string   `json:"cameo"`
	Quad      int      `json:"quad"`
	Score     float64  `json:"score"`
	Goldstein float64  `json:"goldstein"`
	Actor     []Entity `json:"actor"`
	Recipient []Entity `json:"recipient"`
	// Date is YYYY-MM-DD, or nil when neither the text nor the article
	// gives one.
	Date          *string   `json:"date"`
	DatePrecision string    `json:"date_precision"`
	DateText      string    `json:"date_text"`
	Location      *Location `json:"location"`
	Negated       bool      `json:"negated"`
	Tense         Tense     `json:"tense"`
	// Trigger is the words that signalled the event ("held talks with").
	Trigger string `json:"trigger"`
	// Sentence is the index of the evidence sentence, Evidence its text.
	Sentence int    `json:"sentence"`
	Evidence string `json:"evidence"`
	// Mentions are the indexes of every sentence that reports the event.
	Mentions   []int   `json:"mentions"`
	Confidence float64 `json:"confidence"`
}

// Quote is a direct quote or a reported statement with its speaker.
type Quote struct {
	ID      string `json:"id"`
	Speaker Entity `json:"speaker"`
	Text    string `json:"text"`
	// Direct is true for words inside quotation marks, false for reported
	// speech ("Xi said that ...").
	Direct   bool `json:"direct"`
	Sentence int  `json:"sentence"`
	Start    int  `json:"start"`
	End      int  `json:"end"`
}
