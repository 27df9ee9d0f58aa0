package dedup

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"testing"
	"time"

	"dyad/actor"
	"dyad/doc"
)

// bbnRecord is one line of ../shared/gold/dedup/bbn_event_mentions.jsonl.
type bbnRecord struct {
	Key     string `json:"key"`
	GID     *string
	Wrong   bool   `json:"wrong"`
	DocDate string `json:"doc_date"`
	CAMEO   string `json:"cameo"`
	Source  []struct {
		Actor string `json:"actor_name"`
	} `json:"source"`
	Target []struct {
		Actor string `json:"actor_name"`
	} `json:"target"`
}

// TestBBNClusters clusters the hand-clustered event mentions of the BBN
// set by their coded fields alone and prints pairwise precision, recall
// and F1 against the gold clusters. Mentions with no cluster id stand
// alone.
func TestBBNClusters(t *testing.T) {
	f, err := os.Open("../../shared/gold/dedup/bbn_event_mentions.jsonl")
	if err != nil {
		t.Skipf("no dedup gold: %v", err)
	}
	defer f.Close()
	var recs []bbnRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r struct {
			bbnRecord
			GID *string `json:"gid"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if r.Wrong {
			continue
		}
		r.bbnRecord.GID = r.GID
		recs = append(recs, r.bbnRecord)
	}
	// The set names actors, not their countries: the actor stage gives
	// them, as it does for dyad's own events.
	kb, err := actor.New(context.Background(), actor.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := actor.NewResolver(kb)
	side := func(name, date string) Side {
		a := &doc.Article{Text: name + " said.", Source: doc.Source{Published: date}}
		if err := res.Annotate(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		for _, m := range a.Mentions {
			if len(m.Entities) > 0 && m.Start == 0 {
				return Side{Country: m.Entities[0].Country, Name: name}
			}
		}
		return Side{Name: name}
	}
	c := NewClusters()
	for _, r := range recs {
		d, err := time.Parse(doc.DateLayout, r.DocDate)
		if err != nil {
			t.Fatal(err)
		}
		e := Event{ID: r.Key, Article: r.Key, Type: r.CAMEO[:2], Root: r.CAMEO[:2], CAMEO: r.CAMEO, Date: d, Precision: doc.PrecisionReported}
		for _, s := range r.Source {
			e.Actor = append(e.Actor, side(s.Actor, r.DocDate))
		}
		for _, s := range r.Target {
			e.Recipient = append(e.Recipient, side(s.Actor, r.DocDate))
		}
		c.Add(e)
	}
	var tp, fp, fn int
	for i := range recs {
		for j := i + 1; j < len(recs); j++ {
			gold := recs[i].GID != nil && recs[j].GID != nil && *recs[i].GID == *recs[j].GID
			got := c.Of(recs[i].Key) == c.Of(recs[j].Key)
			switch {
			case gold && got:
				tp++
			case got:
				fp++
				if os.Getenv("DEDUP_DEBUG") != "" && fp%40 == 0 {
					t.Logf("false: %v | %v", recs[i], recs[j])
				}
			case gold:
				fn++
			}
		}
	}
	p := float64(tp) / float64(tp+fp)
	r := float64(tp) / float64(tp+fn)
	f1 := 2 * p * r / (p + r)
	t.Logf("BBN dedup set: %d mentions, %d clusters; pairwise precision %.3f, recall %.3f, F1 %.3f (%d true pairs, %d false, %d missed)",
		len(recs), len(c.Groups()), p, r, f1, tp, fp, fn)
	if f1 < 0.5 {
		t.Errorf("pairwise F1 %.3f, floor 0.5", f1)
	}
}
