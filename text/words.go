package text

import "strings"

// abbrevKind says how a word written with a full stop behaves at a
// possible sentence boundary.
type abbrevKind uint8

const (
	// plain is an ordinary word: its full stop ends the sentence when the
	// next word starts with anything but a lowercase letter.
	plain abbrevKind = iota
	// prefix is an abbreviation that stands before a name or a number
	// ("Mr.", "Gen.", "Mt.", "e.g.", "vs."): its full stop never ends a
	// sentence unless a closing quote or bracket follows it.
	prefix
	// flexible is an abbreviation that may end a sentence ("Inc.", "etc.",
	// "Jan.", "No.", "U.S.", an initial): its full stop ends the sentence
	// only when the next word is a common sentence starter ("The", "He",
	// "However"), not when it is a name, a number or a lowercase word.
	flexible
)

// prefixWords stand before a name or a number and never end a sentence.
var prefixWords = []string{
	// titles and ranks
	"Mr", "Mrs", "Ms", "Messrs", "Mmes", "Mme", "Mlle", "Dr", "Drs", "Prof", "Profs",
	"Gen", "Gens", "Lt", "Col", "Maj", "Capt", "Sgt", "Cpl", "Pvt", "Pfc", "Spc",
	"Brig", "Adm", "Cmdr", "Cdr", "Ens", "Gov", "Govs", "Sen", "Sens", "Rep", "Reps",
	"Rev", "Revd", "Fr", "Msgr", "Hon", "Amb", "Pres", "Supt", "Insp", "Det",
	"Atty", "Treas", "Sec", "Lieut", "Comdr", "Cmdt",
	// places before a name
	"St", "Ste", "Mt", "Ft",
	// Latin and comparisons that always go on
	"e.g", "i.e", "cf", "viz", "vs", "v",
}

// flexibleWords may end a sentence, but usually do not.
var flexibleWords = []string{
	// suffixes of names
	"Jr", "Sr", "Esq",
	// months
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
	// references and numbers
	"No", "Nos", "Art", "Arts", "Vol", "Vols", "p", "pp", "Para", "Fig", "Figs",
	"Ch", "Sect", "Nr", "approx", "est", "etc", "al", "ca",
	// companies and organisations
	"Inc", "Corp", "Co", "Cos", "Ltd", "Bros", "Dept", "Univ", "Assn", "Assoc",
	"Govt", "Mfg", "Intl", "Natl", "Pty", "Cie",
	// addresses
	"Ave", "Blvd", "Rd", "Sq", "Hwy", "Ln", "Pl",
	// U.S. states in the style of the wire services
	"Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind",
	"Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont",
	"Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
}

// starterWords are common first words of a sentence. After a flexible
// abbreviation a capitalised word from this list starts a new sentence,
// and any other capitalised word is taken to be a name that goes on.
// Words that more often go on a sentence than start one ("And", "Of",
// "Which") are left out: some wire copy capitalises them after "U.S.".
var starterWords = []string{
	"The", "A", "An", "He", "She", "It", "They", "We", "I", "You",
	"His", "Her", "Its", "Their", "Our", "My", "Your",
	"This", "That", "These", "Those", "There", "Here",
	"But", "So", "Yet", "Also", "Still", "Then", "Thus", "Hence",
	"However", "Meanwhile", "Moreover", "Furthermore", "Nevertheless", "Nonetheless",
	"Instead", "Indeed", "Besides", "Otherwise", "Therefore", "Accordingly",
	"Although", "Though", "While", "Whereas", "When", "Whenever", "Where", "Wherever",
	"After", "Before", "During", "Since", "Until", "Because", "If", "Unless", "Once",
	"As", "At", "By", "For", "From", "In", "On", "Over", "Under",
	"With", "Without", "Among", "Amid", "Against", "Despite", "According",
	"Following", "Asked", "Speaking", "Earlier", "Later", "Last", "Next", "Now",
	"Today", "Tonight", "Yesterday", "Tomorrow", "Some", "Many", "Most", "Much",
	"More", "Few", "Several", "Both", "All", "Any", "Each", "Every", "Either",
	"Neither", "No", "Not", "None", "Nothing", "One", "Such", "Other", "Another",
	"What", "Why", "How", "Who",
	"Separately", "Overall", "Initially", "Finally", "Currently", "Previously",
	"Recently", "Ultimately", "Eventually", "Elsewhere", "Similarly", "Likewise",
}

// smallWords may stay lowercase in a Title-Cased heading.
var smallWords = []string{
	"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to",
	"for", "with", "by", "from", "as", "vs", "per", "via", "into", "onto", "over",
	"amid", "after", "than", "up", "off", "out", "upon", "about", "is", "are", "be",
}

// The lookup tables, built once from the lists above and only read after.
var (
	abbrevs  = buildAbbrevs()
	starters = buildSet(starterWords)
	smalls   = buildSet(smallWords)
)

func buildAbbrevs() map[string]abbrevKind {
	m := make(map[string]abbrevKind, 2*(len(prefixWords)+len(flexibleWords)))
	add := func(w string, k abbrevKind) {
		if _, ok := m[w]; !ok {
			m[w] = k
		}
	}
	for _, w := range prefixWords {
		add(w, prefix)
	}
	for _, w := range flexibleWords {
		add(w, flexible)
	}
	// Headlines and some wires write abbreviations in capitals ("GEN.",
	// "CORP."); those behave like the capitalised form.
	for _, w := range prefixWords {
		if len(w) > 1 && w[0] >= 'A' && w[0] <= 'Z' {
			add(strings.ToUpper(w), prefix)
		}
	}
	for _, w := range flexibleWords {
		if len(w) > 1 && w[0] >= 'A' && w[0] <= 'Z' {
			add(strings.ToUpper(w), flexible)
		}
	}
	return m
}

func buildSet(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
