package main

import (
	"regexp"
	"strings"
)

// This file scores article bodies the way the Zyte (Scrapinghub)
// article-extraction benchmark does in its evaluate.py
// (github.com/scrapinghub/article-extraction-benchmark):
//
//   - a text's tokens are the matches of Python's Unicode-aware \w+;
//   - a text becomes the multiset of its overlapping 4-token shingles
//     (a text of 1 to 3 tokens gives one shingle of all its tokens, an
//     empty text none);
//   - per page, TP is the size of the multiset intersection of predicted
//     and true shingles, FP the predicted shingles left over, FN the true
//     ones left over, and the three are divided by TP+FP+FN so that every
//     page weighs the same;
//   - precision is the mean of the per-page precisions over the pages with
//     a non-empty prediction (TP+FP > 0), recall the mean of the per-page
//     recalls over the pages with a non-empty truth (TP+FN > 0), and F1 is
//     computed from those two means.

// shingleN is the number of tokens in a shingle.
const shingleN = 4

// tokenRE is Python's Unicode \w+: Python's \w is a letter or a number
// (str.isalnum) or the underscore; combining marks are not word
// characters in either language. Go's own \w is ASCII only.
var tokenRE = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// tokenize returns the word tokens of s, case kept as it is (the
// benchmark does not fold case).
func tokenize(s string) []string {
	return tokenRE.FindAllString(s, -1)
}

// shingleSep joins the tokens of a shingle into a map key; it cannot occur
// inside a token.
const shingleSep = "\x00"

// shingles returns the multiset of the n-token shingles of s, each keyed by
// its tokens joined with shingleSep. A text with fewer than n tokens (but at
// least one) gives one shingle of all its tokens; an empty text gives none.
func shingles(s string, n int) map[string]int {
	toks := tokenize(s)
	out := make(map[string]int)
	if len(toks) == 0 {
		return out
	}
	if len(toks) < n {
		out[strings.Join(toks, shingleSep)]++
		return out
	}
	for i := 0; i+n <= len(toks); i++ {
		out[strings.Join(toks[i:i+n], shingleSep)]++
	}
	return out
}

// Counts are one page's shingle true positives, false positives and false
// negatives, scaled so that they sum to 1 (or all zero when both texts are
// empty).
type Counts struct {
	TP, FP, FN float64
}

// match compares a predicted text with the true one.
func match(truth, pred string) Counts {
	ts := shingles(truth, shingleN)
	ps := shingles(pred, shingleN)
	var c Counts
	for k, t := range ts {
		p := ps[k]
		c.TP += float64(min(t, p))
		c.FN += float64(max(0, t-p))
	}
	for k, p := range ps {
		c.FP += float64(max(0, p-ts[k]))
	}
	if s := c.TP + c.FP + c.FN; s > 0 {
		c.TP, c.FP, c.FN = c.TP/s, c.FP/s, c.FN/s
	}
	return c
}

// HasPrediction reports whether the page's prediction had any shingle: only
// such pages count towards the mean precision.
func (c Counts) HasPrediction() bool { return c.TP+c.FP > 0 }

// HasTruth reports whether the page's truth had any shingle: only such
// pages count towards the mean recall.
func (c Counts) HasTruth() bool { return c.TP+c.FN > 0 }

// Precision is the page's precision: 1 for a perfect match, 0 when nothing
// was predicted, else TP/(TP+FP).
func (c Counts) Precision() float64 {
	if c.FP == 0 && c.FN == 0 {
		return 1
	}
	if c.TP == 0 && c.FP == 0 {
		return 0
	}
	return c.TP / (c.TP + c.FP)
}

// Recall is the page's recall: 1 for a perfect match, 0 when there was
// nothing to find, else TP/(TP+FN).
func (c Counts) Recall() float64 {
	if c.FP == 0 && c.FN == 0 {
		return 1
	}
	if c.TP == 0 && c.FN == 0 {
		return 0
	}
	return c.TP / (c.TP + c.FN)
}

// F1 is the page's F1, from its precision and recall (0 when both are 0).
// It is used only to rank pages; the benchmark's F1 comes from the means.
func (c Counts) F1() float64 {
	return f1(c.Precision(), c.Recall())
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Metrics are the benchmark's figures over a set of pages.
type Metrics struct {
	Precision, Recall, F1 float64
	// PrecisionPages and RecallPages are how many pages each mean is over.
	PrecisionPages, RecallPages int
}

// aggregate averages the per-page precisions and recalls and computes F1
// from the two means. A mean over no pages is 0.
func aggregate(pages []Counts) Metrics {
	var m Metrics
	var sp, sr float64
	for _, c := range pages {
		if c.HasPrediction() {
			sp += c.Precision()
			m.PrecisionPages++
		}
		if c.HasTruth() {
			sr += c.Recall()
			m.RecallPages++
		}
	}
	if m.PrecisionPages > 0 {
		m.Precision = sp / float64(m.PrecisionPages)
	}
	if m.RecallPages > 0 {
		m.Recall = sr / float64(m.RecallPages)
	}
	m.F1 = f1(m.Precision, m.Recall)
	return m
}
