// Package eval scores dyad's coding against hand-coded gold data.
//
// It reads two gold formats: whole articles coded to the codebook (a
// *.gold.json file beside the article, see Gold) and single sentences
// coded by the PLOVER team (JSON lines, see SentenceGold). The scoring
// functions are pure: they compare gold data with the doc.Record that dyad
// wrote for the same text, and know nothing of the pipeline that made it.
//
// Events of an article are compared as sets of keys (see Key and Keys):
// the event type with the unordered pair of the countries of the two
// sides. Quotes are matched one to one by the overlap of their words (see
// MatchQuotes). Counts add up over articles (see Sum), so that totals are
// micro-averaged.
package eval

import "strings"

// Counts are the outcome of comparing dyad's items (event keys or quotes)
// with the gold items: how many each side has and how many match.
type Counts struct {
	// Gold is the number of gold items.
	Gold int `json:"gold"`
	// Dyad is the number of items dyad gave.
	Dyad int `json:"dyad"`
	// Matched is the number of items on both sides.
	Matched int `json:"matched"`
}

// Precision returns Matched/Dyad, or 0 when dyad gave nothing.
func (c Counts) Precision() float64 { return ratio(c.Matched, c.Dyad) }

// Recall returns Matched/Gold, or 0 when the gold has nothing.
func (c Counts) Recall() float64 { return ratio(c.Matched, c.Gold) }

// F1 returns the harmonic mean of precision and recall, or 0 when both
// are 0.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Add returns the sum of c and d.
func (c Counts) Add(d Counts) Counts {
	return Counts{Gold: c.Gold + d.Gold, Dyad: c.Dyad + d.Dyad, Matched: c.Matched + d.Matched}
}

// Ratio is an accuracy: Correct out of Total.
type Ratio struct {
	Correct int `json:"correct"`
	Total   int `json:"total"`
}

// Accuracy returns Correct/Total, or 0 when Total is 0.
func (r Ratio) Accuracy() float64 { return ratio(r.Correct, r.Total) }

// Add returns the sum of r and s.
func (r Ratio) Add(s Ratio) Ratio {
	return Ratio{Correct: r.Correct + s.Correct, Total: r.Total + s.Total}
}

// count adds one case to r, a correct one when ok.
func (r *Ratio) count(ok bool) {
	r.Total++
	if ok {
		r.Correct++
	}
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// NormalizeCountry returns a country code trimmed and in upper case, with
// the few legacy CAMEO codes found in gold data (JAP, ITL, VTN, ...) mapped
// to their ISO 3166-1 alpha-3 codes. Other codes, such as IGO, UNO and
// EUR, are returned as they are.
func NormalizeCountry(code string) string {
	code = strings.ToUpper(strings.TrimSpace(code))
	switch code {
	case "JAP": // Japan
		return "JPN"
	case "ITL": // Italy
		return "ITA"
	case "VTN": // Vietnam
		return "VNM"
	case "ROM": // Romania, before 2002
		return "ROU"
	case "ZAR": // Zaire
		return "COD"
	case "TMP": // East Timor, before 2002
		return "TLS"
	}
	return code
}
