// Package dedup finds what is said twice: near-duplicate articles (wire
// copies of one story) by MinHash over word shingles, and events that
// several articles report, by clustering their coded keys.
package dedup

import (
	"encoding/binary"
	"hash/fnv"
	"sort"
	"strings"
	"unicode"
)

// Shingle is the number of words in a shingle.
const Shingle = 5

// Hashes is the length of a MinHash signature; Bands*Rows == Hashes.
const (
	Hashes = 64
	Bands  = 16
	Rows   = Hashes / Bands
)

// Near is the estimated Jaccard similarity of shingles at or above which
// two articles are copies of one story.
const Near = 0.8

// Signature is the MinHash signature of a text.
type Signature [Hashes]uint64

// words returns the lower-cased words of s: runs of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// seeds are the multipliers and offsets of the hash functions, drawn once
// from splitmix64 with a fixed seed so that signatures are the same in
// every run and on every machine.
var seeds = func() (s [Hashes][2]uint64) {
	x := uint64(0x9e3779b97f4a7c15)
	next := func() uint64 {
		x += 0x9e3779b97f4a7c15
		z := x
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		return z ^ (z >> 31)
	}
	for i := range s {
		s[i] = [2]uint64{next() | 1, next()}
	}
	return s
}()

// Sign returns the MinHash signature of text over its shingles of
// Shingle words (of all its words when it has fewer), and the number of
// shingles. A text with no words has the zero signature and 0.
func Sign(text string) (Signature, int) {
	var sig Signature
	ws := words(text)
	if len(ws) == 0 {
		return sig, 0
	}
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	k := Shingle
	if len(ws) < k {
		k = len(ws)
	}
	n := 0
	h := fnv.New64a()
	for i := 0; i+k <= len(ws); i++ {
		h.Reset()
		for _, w := range ws[i : i+k] {
			h.Write([]byte(w))
			h.Write([]byte{' '})
		}
		x := h.Sum64()
		n++
		for j := range sig {
			if v := seeds[j][0]*x + seeds[j][1]; v < sig[j] {
				sig[j] = v
			}
		}
	}
	return sig, n
}

// Similarity estimates the Jaccard similarity of the shingle sets of two
// signatures: the share of hash functions on which they agree.
func Similarity(a, b *Signature) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / Hashes
}

// BandKeys returns the locality-sensitive keys of a signature, one per
// band: two signatures that share a key are candidates for comparison.
// Texts whose estimated similarity is Near share one with a probability
// above 0.999.
func (s *Signature) BandKeys() [Bands]uint64 {
	var out [Bands]uint64
	var buf [8]byte
	for b := 0; b < Bands; b++ {
		h := fnv.New64a()
		binary.LittleEndian.PutUint64(buf[:], uint64(b))
		h.Write(buf[:])
		for _, v := range s[b*Rows : (b+1)*Rows] {
			binary.LittleEndian.PutUint64(buf[:], v)
			h.Write(buf[:])
		}
		out[b] = h.Sum64() >> 1 // fits in SQLite's signed integers
	}
	return out
}

// Bytes encodes the signature for storage.
func (s *Signature) Bytes() []byte {
	out := make([]byte, 8*Hashes)
	for i, v := range s {
		binary.LittleEndian.PutUint64(out[8*i:], v)
	}
	return out
}

// SignatureFrom decodes a signature that Bytes encoded; ok is false when
// b has the wrong length.
func SignatureFrom(b []byte) (s Signature, ok bool) {
	if len(b) != 8*Hashes {
		return s, false
	}
	for i := range s {
		s[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return s, true
}

// Index finds near-duplicates among signatures held in memory.
type Index struct {
	sigs  []Signature
	ids   []string
	bands map[uint64][]int
}

// NewIndex returns an empty index.
func NewIndex() *Index { return &Index{bands: map[uint64][]int{}} }

// Add adds a signature under id and returns the ids already in the index
// whose similarity to it is at least Near, in the order they were added.
func (x *Index) Add(id string, sig Signature) []string {
	seen := map[int]bool{}
	var cands []int
	keys := sig.BandKeys()
	for _, k := range keys {
		for _, i := range x.bands[k] {
			if !seen[i] {
				seen[i] = true
				cands = append(cands, i)
			}
		}
	}
	sort.Ints(cands)
	var out []string
	for _, i := range cands {
		if Similarity(&x.sigs[i], &sig) >= Near {
			out = append(out, x.ids[i])
		}
	}
	n := len(x.sigs)
	x.sigs = append(x.sigs, sig)
	x.ids = append(x.ids, id)
	for _, k := range keys {
		x.bands[k] = append(x.bands[k], n)
	}
	return out
}
