// Package quote is the quote stage: it finds direct quotes and reported
// statements in an article and gives each its speaker, resolved through the
// actor stage's mentions.
//
// A direct quote is the words between a pair of quotation marks, straight
// or curly, as one quote however many sentences and paragraphs it runs
// over. Its attribution may come before it (Xi said: "..."), after it
// ("...," Xi said; "...," said Xi), inside it ("...," he said, "...") or in
// the clause around a quoted phrase (called him a "good and old friend of
// the Chinese people"). A quote with no attribution of its own continues
// the last speaker's words when that speaker was quoted within the last
// two paragraphs. Quoted phrases of one to three words with no speech verb
// to attribute them (scare quotes, titles) are left out.
//
// A reported statement is the clause that a speech verb introduces (Xi
// said (that) ..., told reporters ..., noted that ...) up to the end of
// the sentence, or the clause before an attribution at the end of the
// sentence (..., Xi said; ..., said Xi; ..., according to X). Quoted words
// inside a reported statement belong to it, unless they make up most of
// it, when they are a direct quote; statements inside a direct quote are
// not quotes of their own.
//
// The speaker is the subject of the speech verb: the mention of the actor
// stage that heads it (a pronoun or a role resolved to its person, a
// state, an organisation, a group such as "officials"), each of several
// joined by "and" giving a quote of its own, or, where no mention heads
// it, its words as written, named where they end in the name of a person
// or organisation ("Palestinian chief negotiator Saeb Erekat"). A surname
// alone takes the full name the article gave before; "he said" and "she
// said" take the person who is the subject of the sentence before (see
// pronounSpeaker). A state that speaks is its government (sector GOV); an
// unnamed group of no country takes the country of the one whose it is
// ("Mr Blair's spokesman") or of the last group of the same noun ("One
// official" after "Egyptian officials"), and "police" the police force
// the article names (see groupContext); a person or organisation written
// in full keeps the name as the article writes it.
//
// Quote.Text is the text of the span Start..End, except for a direct
// quote in several parts (over paragraphs, or around its attribution),
// whose Text is the parts joined by a space, without the marks between
// them.
package quote

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"dyad/doc"
)

// Finder is the quote stage. It is safe for concurrent use.
type Finder struct {
	verbs map[string][]verbForm
	// pool keeps the tables of finished work for the next article.
	pool sync.Pool
}

// New returns a Finder with the built-in list of speech verbs.
func New() *Finder {
	return &Finder{verbs: parseVerbs(verbsData)}
}

// item is one quote or statement found, before it is written.
type item struct {
	start, end int // byte offsets of the text
	text       string
	direct     bool
	tok        int // first token
	spk        speaker
	known      bool // spk was found for it, not carried on from an earlier quote
	// fragment is true for a quoted phrase inside a sentence that is a
	// quote only if it continues the last speaker's words.
	fragment bool
}

// work is the state of finding the quotes of one article.
type work struct {
	f    *Finder
	a    *doc.Article
	text string
	toks []doc.Token
	// sentLo[s] is the first token of sentence s; sentLo[len] = len(toks).
	sentLo []int
	// inq and markq give, for each token, the quotation whose words or
	// marks it is one of, or -1; ment the mention that covers it, or -1.
	inq, markq, ment []int32
	quotes           []qspan
	items            []item
	// firstSpk holds, for each sentence, the speaker of its first speech
	// verb, and attributed whether one of its speech verbs attributed
	// something.
	firstSpk   []speaker
	attributed []bool
	// names maps a lower-case surname to the person named in full with
	// it.
	names map[string]namedPerson
	// depth guards the recursion of pronounSpeaker.
	depth int
	// lows caches the lower-case text of tokens (see low).
	lows []string
	// buf holds inq, markq and ment.
	buf []int32
	// genders maps a person's name to the gender the actor stage's
	// pronouns give them (see gender).
	genders map[string]int8
}

// Annotate sets a.Quotes. It needs a.Sentences and a.Tokens (the text
// stage) and uses the part-of-speech tags (the tagger) and a.Mentions (the
// actor stage) when they are there.
func (f *Finder) Annotate(ctx context.Context, a *doc.Article) error {
	a.Coded = true
	if err := ctx.Err(); err != nil {
		return err
	}
	a.Quotes = nil
	if len(a.Tokens) == 0 || len(a.Sentences) == 0 {
		return nil
	}
	w, _ := f.pool.Get().(*work)
	if w == nil {
		w = new(work)
	}
	defer f.pool.Put(w)
	defer w.reset()
	if !w.init(f, a) {
		return nil
	}
	w.findQuotes()
	w.frames()
	w.joinInterrupted()
	w.directQuotes()
	w.write()
	return nil
}

// init builds the token tables of a, reusing those of an earlier
// article, and reports false when the tokens do not fit the text and
// sentences.
func (w *work) init(f *Finder, a *doc.Article) bool {
	n := len(a.Tokens)
	w.f, w.a, w.text, w.toks = f, a, a.Text, a.Tokens
	if cap(w.buf) < 3*n {
		w.buf = make([]int32, 3*n)
	}
	buf := w.buf[:3*n]
	w.inq, w.markq, w.ment = buf[:n:n], buf[n:2*n:2*n], buf[2*n:]
	for i := range buf {
		buf[i] = -1
	}
	ns := len(a.Sentences)
	w.sentLo = grow(w.sentLo, ns+1)
	s := 0
	for i, t := range a.Tokens {
		if t.Start < 0 || t.End > len(a.Text) || t.Start > t.End || t.Sentence < s || t.Sentence >= ns ||
			(i > 0 && t.Start < a.Tokens[i-1].End) {
			return false
		}
		for s < t.Sentence {
			s++
			w.sentLo[s] = i
		}
	}
	for s < ns {
		s++
		w.sentLo[s] = n
	}
	// Mentions to tokens.
	k := 0
	for mi, m := range a.Mentions {
		for k > 0 && a.Tokens[k-1].End > m.Start {
			k--
		}
		for k < n && a.Tokens[k].End <= m.Start {
			k++
		}
		for j := k; j < n && a.Tokens[j].Start < m.End; j++ {
			if a.Tokens[j].Start >= m.Start && a.Tokens[j].End <= m.End && w.ment[j] < 0 {
				w.ment[j] = int32(mi)
			}
		}
	}
	w.firstSpk = grow(w.firstSpk, ns)
	w.attributed = grow(w.attributed, ns)
	w.lows = grow(w.lows, n)
	return true
}

// grow returns s with length n and zero elements, reusing its array when
// it is large enough.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// reset lets go of the article and clears the work for the next one.
func (w *work) reset() {
	w.f, w.a, w.text, w.toks = nil, nil, "", nil
	clear(w.quotes)
	w.quotes = w.quotes[:0]
	clear(w.items)
	w.items = w.items[:0]
	clear(w.firstSpk)
	clear(w.lows)
	clear(w.names)
	clear(w.genders)
	w.depth = 0
}

// tokPara returns the paragraph of token i.
func (w *work) tokPara(i int) int { return w.a.Sentences[w.toks[i].Sentence].Paragraph }

// paraStart and paraEnd return the first token of paragraph p and the
// token after its last.
func (w *work) paraStart(p int) int {
	s := w.sentOfPara(p)
	return w.sentLo[s]
}

func (w *work) paraEnd(p int) int {
	s := w.sentOfPara(p + 1)
	return w.sentLo[s]
}

// sentOfPara returns the first sentence of paragraph p or of a later one.
func (w *work) sentOfPara(p int) int {
	ss := w.a.Sentences
	lo, hi := 0, len(ss)
	for lo < hi {
		m := (lo + hi) / 2
		if ss[m].Paragraph < p {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// title reports whether sentence s is in the headline.
func (w *work) title(s int) bool {
	p := w.a.Sentences[s].Paragraph
	return p >= 0 && p < len(w.a.Paragraphs) && w.a.Paragraphs[p].Role == doc.RoleTitle
}

// word returns the text of token i.
func (w *work) word(i int) string {
	t := w.toks[i]
	return w.text[t.Start:t.End]
}

// is reports whether token i is s, ignoring case.
func (w *work) is(i int, s string) bool {
	t := w.toks[i]
	return t.End-t.Start == len(s) && strings.EqualFold(w.text[t.Start:t.End], s)
}

// tag returns the part-of-speech tag of token i.
func (w *work) tag(i int) string { return w.toks[i].Tag }

// isWord reports whether token i is a word or a number.
func (w *work) isWord(i int) bool {
	t := w.toks[i]
	if t.End <= t.Start {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w.text[t.Start:t.End])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// directQuotes decides on each quotation that no statement took in: its
// speaker, or whether it is a quote at all, and adds the quotes to items.
func (w *work) directQuotes() {
	for qi := range w.quotes {
		q := &w.quotes[qi]
		if q.alias >= 0 || q.swallowed || len(q.parts) == 0 || q.words == 0 {
			continue
		}
		first := q.first()
		s := w.toks[first].Sentence
		if w.title(s) {
			continue
		}
		lo := w.sentLo[w.toks[q.open].Sentence]
		lead := q.lead || w.skipLead(lo, q.open) == q.open || w.is(q.open-1, ":") || w.is(q.open-1, ",")
		fragment := false
		if !lead {
			// A quoted phrase inside a sentence: a scare quote or a title
			// unless it is longer, or a speech verb before it says whose
			// words they are.
			if q.words <= 3 || !q.attributed && w.titleCase(q) {
				continue
			}
			if !q.attributed {
				if v := w.lastVerb(lo, q.open); v >= 0 {
					// "called him a "good and old friend of the Chinese
					// people"": the subject of the clause says it, if it
					// is someone.
					q.spk = w.verbSubject(v, lo)
					if !q.spk.actor {
						continue
					}
					q.attributed = true
				} else {
					// `Abbas "has put aside efforts ..."`: the verb is in
					// the quote, which goes on from the last speaker.
					fragment = true
				}
			}
		} else if !q.attributed {
			if q.open > lo && w.is(q.open-1, ":") {
				// After a colon: the subject of the sentence says it.
				q.spk = w.mainSubject(w.toks[q.open].Sentence)
				q.attributed = q.spk.ok()
			}
			if !q.attributed && q.words <= 3 {
				continue
			}
		}
		w.items = append(w.items, item{
			start:    w.toks[first].Start,
			end:      w.toks[q.last()].End,
			text:     w.quoteText(q),
			direct:   true,
			tok:      first,
			spk:      q.spk,
			known:    q.spk.ok(),
			fragment: fragment,
		})
	}
}

// quoteText returns the quoted words, parts joined by a space.
func (w *work) quoteText(q *qspan) string {
	if len(q.parts) == 1 {
		return w.text[w.toks[q.parts[0][0]].Start:w.toks[q.parts[0][1]-1].End]
	}
	var b strings.Builder
	for i, pt := range q.parts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.text[w.toks[pt[0]].Start:w.toks[pt[1]-1].End])
	}
	return b.String()
}

// titleCase reports whether every longer word of the quotation starts with
// a capital letter, as the words of a title do.
func (w *work) titleCase(q *qspan) bool {
	for _, pt := range q.parts {
		for k := pt[0]; k < pt[1]; k++ {
			if !w.isWord(k) || w.toks[k].End-w.toks[k].Start <= 3 {
				continue
			}
			r, _ := utf8.DecodeRuneInString(w.word(k))
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return true
}

// continuation is how many paragraphs back the last speaker may have been
// quoted for a quote without attribution to continue their words.
const continuation = 2

// write orders the items, gives quotes without attribution the last
// speaker, and sets a.Quotes.
func (w *work) write() {
	slices.SortStableFunc(w.items, func(x, y item) int { return x.start - y.start })
	var last speaker
	lastPara := -1
	out := make([]doc.Quote, 0, len(w.items)+len(w.items)/4)
	for _, it := range w.items {
		para := w.tokPara(it.tok)
		if it.known {
			last, lastPara = it.spk, para
		} else if it.direct && last.ok() && para-lastPara <= continuation {
			it.spk = last
			lastPara = para
		} else if it.fragment || !it.direct {
			// A quoted phrase that continues no one's words, or a
			// reported statement whose speaker was not found.
			continue
		}
		n := len(it.spk.ents)
		if n == 0 {
			n = 1
		}
		for k := 0; k < n; k++ {
			var e doc.Entity
			if k < len(it.spk.ents) {
				e = it.spk.ents[k]
			}
			out = append(out, doc.Quote{
				ID:       w.a.ID + "-q" + strconv.Itoa(len(out)+1),
				Speaker:  e,
				Text:     it.text,
				Direct:   it.direct,
				Sentence: w.toks[it.tok].Sentence,
				Start:    it.start,
				End:      it.end,
			})
		}
	}
	w.a.Quotes = out
}
