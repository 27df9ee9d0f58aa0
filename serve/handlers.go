package serve

import (
	"errors"
	"net/http"
	"strconv"

	"dyad/store"
)

// list returns s, or an empty slice for nil, so that JSON has [] and
// never null for a list.
func list[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// page is a page of results with the paging that gave it.
type page struct {
	Limit  int  `json:"limit"`
	Offset int  `json:"offset"`
	More   bool `json:"more"` // whether a next page has results
}

// eventFilter reads the filters of /api/events.
func eventFilter(p *params) store.Filter {
	return store.Filter{
		Actor: p.str("actor"), Recipient: p.str("recipient"), Country: p.str("country"), Sector: p.upper("sector"),
		Type: p.upper("type"), Root: p.str("cameo"), Quad: p.int("quad", 0, 1, 4),
		From: p.str("from"), To: p.str("to"), Place: p.str("place"), Outlet: p.str("outlet"),
		Text: p.str("text"),
		// One more than asked tells whether there is a next page.
		Limit: p.int("limit", 50, 1, MaxPage) + 1, Offset: p.int("offset", 0, 0, 1<<30),
	}
}

func (s *server) events(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	f := eventFilter(p)
	if !p.valid(w) {
		return
	}
	evs, err := s.st.Events(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res := struct {
		Events []store.Event `json:"events"`
		page
	}{Events: evs, page: page{Limit: f.Limit - 1, Offset: f.Offset}}
	if len(evs) == f.Limit {
		res.Events, res.More = evs[:len(evs)-1], true
	}
	res.Events = list(res.Events)
	writeJSON(w, http.StatusOK, res)
}

// report is one article's report of an event, with the article.
type report struct {
	Event   store.Event   `json:"event"`
	Article store.Article `json:"article"`
}

func (s *server) event(w http.ResponseWriter, r *http.Request) {
	if !newParams(r).valid(w) {
		return
	}
	ctx := r.Context()
	ev, err := s.st.Event(ctx, r.PathValue("event"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	reps, err := s.st.Reports(ctx, ev.Cluster)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res := struct {
		Event   store.Event `json:"event"`
		Reports []report    `json:"reports"`
	}{Event: ev}
	articles := map[int64]store.Article{}
	for _, rep := range reps {
		a, ok := articles[rep.ArticleID]
		if !ok {
			if a, err = s.st.Article(ctx, rep.ArticleID); err != nil {
				s.fail(w, r, err)
				return
			}
			articles[rep.ArticleID] = a
		}
		res.Reports = append(res.Reports, report{rep, a})
	}
	writeJSON(w, http.StatusOK, res)
}

func (s *server) article(w http.ResponseWriter, r *http.Request) {
	if !newParams(r).valid(w) {
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		writeError(w, http.StatusBadRequest, "id: "+strconv.Quote(r.PathValue("id"))+" is not an article id (a whole number from 1)")
		return
	}
	a, err := s.st.Article(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, a)
}

// relations answers /api/timeline (a pair, by month) and /api/dyads.
func (s *server) relations(w http.ResponseWriter, r *http.Request, timeline bool) {
	p := newParams(r)
	var q store.DyadQuery
	if timeline {
		q = store.DyadQuery{A: p.upper("a"), B: p.upper("b")}
	} else {
		q = store.DyadQuery{By: p.str("by"), A: p.upper("country"), Limit: p.int("limit", 0, 0, store.MaxLimit)}
	}
	q.From, q.To = p.str("from"), p.str("to")
	if !p.valid(w) {
		return
	}
	if timeline && (q.A == "" || q.B == "") {
		writeError(w, http.StatusBadRequest, "a and b: the timeline needs two country codes, as a=IND&b=PAK")
		return
	}
	ds, err := s.st.Dyads(r.Context(), q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if timeline {
		writeJSON(w, http.StatusOK, struct {
			A       string       `json:"a"`
			B       string       `json:"b"`
			Periods []store.Dyad `json:"periods"`
		}{min(q.A, q.B), max(q.A, q.B), list(ds)})
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Dyads []store.Dyad `json:"dyads"`
	}{list(ds)})
}

func (s *server) timeline(w http.ResponseWriter, r *http.Request) { s.relations(w, r, true) }
func (s *server) dyads(w http.ResponseWriter, r *http.Request)    { s.relations(w, r, false) }

func (s *server) network(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	from, to, limit := p.str("from"), p.str("to"), p.int("limit", 100, 1, 1000)
	if !p.valid(w) {
		return
	}
	nodes, edges, err := s.st.Network(r.Context(), from, to, limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Nodes []store.Node `json:"nodes"`
		Edges []store.Dyad `json:"edges"`
	}{list(nodes), list(edges)})
}

func (s *server) quotes(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	speaker, text := p.str("speaker"), p.str("text")
	limit, offset := p.int("limit", 50, 1, MaxPage), p.int("offset", 0, 0, 1<<30)
	if !p.valid(w) {
		return
	}
	qs, err := s.st.Quotes(r.Context(), speaker, text, limit+1, offset)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res := struct {
		Quotes []store.Quote `json:"quotes"`
		page
	}{Quotes: qs, page: page{Limit: limit, Offset: offset}}
	if len(qs) > limit {
		res.Quotes, res.More = qs[:limit], true
	}
	res.Quotes = list(res.Quotes)
	writeJSON(w, http.StatusOK, res)
}

func (s *server) speakers(w http.ResponseWriter, r *http.Request) {
	p := newParams(r)
	limit := p.int("limit", 100, 1, 1000)
	if !p.valid(w) {
		return
	}
	sp, err := s.st.Speakers(r.Context(), limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Speakers []store.Speaker `json:"speakers"`
	}{list(sp)})
}

func (s *server) stats(w http.ResponseWriter, r *http.Request) {
	if !newParams(r).valid(w) {
		return
	}
	st, err := s.st.Stats(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

func (s *server) openapi(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/yaml; charset=utf-8")
	http.ServeFileFS(w, r, assets, "openapi.yaml")
}

func (s *server) ingest(w http.ResponseWriter, r *http.Request) {
	if s.opt.WriteToken == "" {
		writeError(w, http.StatusForbidden, "the server is read-only: start dyad serve with --write-token to allow adding articles")
		return
	}
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="dyad"`)
		writeError(w, http.StatusUnauthorized, "adding articles needs the header Authorization: Bearer <the server's write token>")
		return
	}
	if !newParams(r).valid(w) {
		return
	}
	res, err := s.opt.Ingest(r.Context(), http.MaxBytesReader(w, r.Body, MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, "the body is larger than 64 MiB: post the articles in parts")
			return
		}
		s.fail(w, r, err)
		return
	}
	res.Errors = list(res.Errors)
	writeJSON(w, http.StatusOK, res)
}
