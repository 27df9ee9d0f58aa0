package doc

// Token is one word, number or punctuation mark of Article.Text. The text
// stage fills Article.Tokens; later stages may set Tag.
type Token struct {
	Span
	// Sentence is the index of the sentence that holds the token.
	Sentence int `json:"sentence"`
	// Tag is a part-of-speech tag, or "" where no stage has set one.
	Tag string `json:"tag,omitempty"`
}

// Entity is one actor as the record format writes it (output.md): the words
// of the article that name it, the canonical name where it is a specific
// person or organisation, the country code (ISO 3166-1 alpha-3, or UNO, EUR,
// IGO for international organisations) and the sector code (GOV, MIL, ...).
type Entity struct {
	Text    string `json:"text"`
	Name    string `json:"name"`
	Country string `json:"country"`
	Sector  string `json:"sector"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

// MentionKind says what sort of words a mention is.
type MentionKind string

// The kinds of mention that the actor stage finds.
const (
	// MentionPerson names a person: "Chinese President Xi Jinping", "Xi",
	// "the Russian president", "his Russian counterpart".
	MentionPerson MentionKind = "person"
	// MentionState names a state or its people: "China", "Russian".
	MentionState MentionKind = "state"
	// MentionOrg names an organisation: "the Shanghai Cooperation Organisation".
	MentionOrg MentionKind = "org"
	// MentionPlace names a place: a capital or seat standing for a
	// government ("the Kremlin") or a city or region.
	MentionPlace MentionKind = "place"
	// MentionGroup names people by a common noun, with or without a state:
	// "U.S. intelligence agencies", "protesters", "the two presidents".
	MentionGroup MentionKind = "group"
	// MentionPronoun is a personal pronoun resolved to what it stands for.
	MentionPronoun MentionKind = "pronoun"
)

// Mention is a stretch of Article.Text that names one or more actors, with
// what it resolves to. Most mentions name one entity; "the two presidents"
// and "Chinese and Russian officials" name several.
type Mention struct {
	Span
	Text     string      `json:"text"`
	Kind     MentionKind `json:"kind"`
	Sentence int         `json:"sentence"`
	// Entities are what the mention resolves to; empty when unresolved.
	Entities []Entity `json:"entities"`
	// Ref is the index in Article.Mentions of the earlier mention that this
	// one was resolved through ("Xi" → "Chinese President Xi Jinping"), or
	// -1.
	Ref int `json:"ref"`
	// Via says how the mention was resolved: "name", "alias", "role",
	// "counterpart", "pronoun", "pair", "agent", "seat", ...
	Via string `json:"via,omitempty"`
}
