// Package serve is dyad's HTTP server: a JSON API under /api/ over a
// store (events with filters and paging, an event with its reports and
// their articles, dyads, timelines, the network of who interacts with
// whom, quotes and speakers), its OpenAPI description, and the web page
// that uses it, embedded in the binary.
//
// The API is read-only unless the server has a write token: then POST
// /api/articles with "Authorization: Bearer TOKEN" codes and stores the
// articles in the request's body.
package serve

import (
	"context"
	"crypto/subtle"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"strings"

	"dyad/store"
)

//go:embed web openapi.yaml
var assets embed.FS

// MaxPage is the most events or quotes one API request returns.
const MaxPage = 500

// MaxBody is the largest request body that POST /api/articles takes.
const MaxBody = 64 << 20

// IngestResult says what an ingest of posted articles did.
type IngestResult struct {
	Stored     int      `json:"stored"`      // articles newly stored
	Known      int      `json:"known"`       // articles already there
	NearCopies int      `json:"near_copies"` // stored articles that nearly copy earlier ones
	Events     int      `json:"events"`      // events stored
	Joined     int      `json:"joined"`      // of them, events that joined other articles' events
	Failed     int      `json:"failed"`      // inputs that could not be read or coded
	Errors     []string `json:"errors"`      // what went wrong with each failed input
}

// Options configure a server.
type Options struct {
	// WriteToken, when set, allows POST /api/articles with the header
	// "Authorization: Bearer WriteToken". Without it the API is read-only.
	WriteToken string
	// Ingest codes and stores the articles read from r (any format that
	// dyad ingest reads). It is needed only with a write token.
	Ingest func(ctx context.Context, r io.Reader) (IngestResult, error)
	// Logger logs server errors; nil logs nothing.
	Logger *slog.Logger
}

// server holds what the handlers share.
type server struct {
	st  *store.Store
	opt Options
	log *slog.Logger
}

// New returns the handler of the API and the page over st.
func New(st *store.Store, opt Options) (http.Handler, error) {
	s := &server{st: st, opt: opt, log: opt.Logger}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if opt.WriteToken != "" && opt.Ingest == nil {
		return nil, errors.New("serve: a write token needs an Ingest function")
	}
	web, err := fs.Sub(assets, "web")
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	for _, r := range s.routes() {
		mux.HandleFunc(r.pattern, r.handler)
	}
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no API endpoint %s %s: see /api/openapi.yaml", r.Method, r.URL.Path))
	})
	files := http.FileServerFS(web)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeError(w, http.StatusMethodNotAllowed, r.Method+" is not allowed here: the page is read with GET")
			return
		}
		files.ServeHTTP(w, r)
	})
	return secure(mux), nil
}

// route is one endpoint of the API.
type route struct {
	pattern string
	handler http.HandlerFunc
}

// routes lists the API's endpoints; each is described in openapi.yaml.
func (s *server) routes() []route {
	return []route{
		{"GET /api/events", s.events},
		{"GET /api/events/{event}", s.event},
		{"GET /api/articles/{id}", s.article},
		{"POST /api/articles", s.ingest},
		{"GET /api/timeline", s.timeline},
		{"GET /api/dyads", s.dyads},
		{"GET /api/network", s.network},
		{"GET /api/quotes", s.quotes},
		{"GET /api/speakers", s.speakers},
		{"GET /api/stats", s.stats},
		{"GET /api/openapi.yaml", s.openapi},
	}
}

// secure sets the headers that keep the page to its own assets, and
// refuses requests for other hosts than a loopback name when the request
// came over loopback, so that a web site cannot reach the API through
// DNS rebinding.
func secure(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !allowedHost(r) {
			writeError(w, http.StatusForbidden, fmt.Sprintf("host %q is not this server's: use http://localhost or the address dyad serve printed", r.Host))
			return
		}
		hd := w.Header()
		hd.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "no-referrer")
		h.ServeHTTP(w, r)
	})
}

// allowedHost reports whether a request that came from a loopback
// address names a loopback host or an IP address.
func allowedHost(r *http.Request) bool {
	remote, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return true // not a network request: a test's
	}
	if ip := net.ParseIP(remote); ip == nil || !ip.IsLoopback() {
		return true
	}
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	return host == "localhost" || strings.HasSuffix(host, ".localhost") || net.ParseIP(host) != nil
}

// writeJSON writes v as the JSON body of a response with status code.
func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// writeError writes {"error": msg} with status code.
func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, map[string]string{"error": msg})
}

// fail answers an error from the store: 400 for a bad query, 404 for
// what is not there, 500 (logged, not shown) for the rest.
func (s *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, store.ErrBadQuery):
		writeError(w, http.StatusBadRequest, err.Error())
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, err.Error())
	case errors.Is(err, context.Canceled):
		// The client went away.
	default:
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "the server failed to answer; its log says why")
	}
}

// authorized reports whether r carries the server's write token.
func (s *server) authorized(r *http.Request) bool {
	if s.opt.WriteToken == "" {
		return false
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(got), []byte(s.opt.WriteToken)) == 1
}
