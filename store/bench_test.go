package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"
)

// synthetic fills s with n events of made-up articles, written straight
// into the tables: 40 countries, the first few far more active (as news
// is), dates over ten years, one report in four joining an earlier
// event's cluster, every event with an actor and a recipient.
func synthetic(tb testing.TB, s *Store, n int) {
	tb.Helper()
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(1, 2))
	countries := []string{"USA", "CHN", "RUS", "IND", "PAK", "JPN", "KOR", "PRK", "IRN", "ISR",
		"PSE", "SYR", "TUR", "UKR", "DEU", "FRA", "GBR", "BRA", "MEX", "CAN",
		"AUS", "IDN", "EGY", "SAU", "NGA", "ZAF", "ETH", "KEN", "ARG", "COL",
		"VEN", "CUB", "AFG", "IRQ", "LBN", "POL", "ITA", "ESP", "VNM", "PHL"}
	pick := func() string { // Zipf-like: the first countries most often
		return countries[int(float64(len(countries))*rng.Float64()*rng.Float64())]
	}
	types := []struct {
		typ, cameo string
		quad       int
		score      float64
	}{{"CONSULT", "040", 1, 2}, {"AGREE", "057", 1, 6}, {"AID", "070", 2, 6}, {"ACCUSE", "112", 3, -3},
		{"THREATEN", "138", 3, -6}, {"SANCTION", "163", 3, -5}, {"ASSAULT", "190", 4, -9}, {"COOPERATE", "060", 2, 5}}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		tb.Fatal(err)
	}
	defer tx.Rollback()
	start := time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC)
	var clusters []string
	for i := range n {
		art := int64(i/2 + 1) // two events an article
		if i%2 == 0 {
			if _, err := tx.ExecContext(ctx, "INSERT INTO articles (id, hash, doc_id, outlet, title, published, text) VALUES (?, ?, ?, ?, ?, ?, ?)",
				art, fmt.Sprintf("h%d", art), fmt.Sprintf("d%d", art), fmt.Sprintf("outlet %d", art%50), "title", "2020-01-01", "text"); err != nil {
				tb.Fatal(err)
			}
		}
		key := fmt.Sprintf("k%07d", i)
		cluster, shown := key, 1
		if len(clusters) > 0 && rng.IntN(4) == 0 {
			cluster, shown = clusters[rng.IntN(len(clusters))], 0
		} else {
			clusters = append(clusters, key)
		}
		t := types[rng.IntN(len(types))]
		date := start.AddDate(0, 0, rng.IntN(3650)).Format("2006-01-02")
		r, err := tx.ExecContext(ctx, `INSERT INTO events (key, article, cluster, type, cameo, root, quad, score, goldstein, date, precision, sentence, evidence, confidence, shown)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 'day', 0, 'evidence', 0.5, ?)`,
			key, art, cluster, t.typ, t.cameo, t.cameo[:2], t.quad, t.score, date, shown)
		if err != nil {
			tb.Fatal(err)
		}
		id, _ := r.LastInsertId()
		a, b := pick(), pick()
		for a == b {
			b = pick()
		}
		for role, c := range map[string]string{"actor": a, "recipient": b} {
			if _, err := tx.ExecContext(ctx, "INSERT INTO event_sides (event, role, pos, text, name, country, sector) VALUES (?, ?, 0, ?, ?, ?, 'GOV')",
				id, role, c, c+" leader", c); err != nil {
				tb.Fatal(err)
			}
		}
	}
	for _, q := range []string{insertPairs, countClusters("1 = 1")} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			tb.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, "ANALYZE"); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkQueries times the queries of the page and the API on 100,000
// synthetic events: the timeline of a pair (target: under 50 ms), a page
// of events with and without filters, the network and the yearly dyads.
// Run: go test -run '^$' -bench Queries ./store
func BenchmarkQueries(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	const n = 100000
	synthetic(b, s, n)
	st, _ := s.Stats(ctx)
	b.Logf("%d reports, %d real events", st.Reports, st.Events)
	cases := []struct {
		name string
		run  func() (int, error)
	}{
		{"timeline USA-CHN", func() (int, error) {
			d, err := s.Dyads(ctx, DyadQuery{A: "USA", B: "CHN"})
			return len(d), err
		}},
		{"timeline IND-PAK", func() (int, error) {
			d, err := s.Dyads(ctx, DyadQuery{A: "IND", B: "PAK"})
			return len(d), err
		}},
		{"events first page", func() (int, error) {
			e, err := s.Events(ctx, Filter{Limit: 50})
			return len(e), err
		}},
		{"events USA to CHN", func() (int, error) {
			e, err := s.Events(ctx, Filter{Actor: "USA", Recipient: "CHN", Limit: 50})
			return len(e), err
		}},
		{"events quad 4 in 2019", func() (int, error) {
			e, err := s.Events(ctx, Filter{Quad: 4, From: "2019-01-01", To: "2019-12-31", Limit: 50})
			return len(e), err
		}},
		{"network top 100", func() (int, error) {
			_, e, err := s.Network(ctx, "", "", 100)
			return len(e), err
		}},
		{"dyads by year", func() (int, error) {
			d, err := s.Dyads(ctx, DyadQuery{By: ByYear})
			return len(d), err
		}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			rows := 0
			for b.Loop() {
				var err error
				if rows, err = c.run(); err != nil {
					b.Fatal(err)
				}
			}
			if rows == 0 {
				b.Fatal("no rows")
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/op")
		})
	}
}
