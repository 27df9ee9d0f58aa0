package serve

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// params reads the query parameters of a request, remembering the names
// it was asked for and the first error, so that a handler reads all its
// parameters and then asks check for what was wrong.
type params struct {
	v     url.Values
	known map[string]bool
	err   error
}

func newParams(r *http.Request) *params {
	return &params{v: r.URL.Query(), known: map[string]bool{}}
}

// str returns the parameter name, trimmed, or "".
func (p *params) str(name string) string {
	p.known[name] = true
	vs := p.v[name]
	if len(vs) > 1 && p.err == nil {
		p.err = fmt.Errorf("%s: given %d times; give it once", name, len(vs))
	}
	if len(vs) == 0 {
		return ""
	}
	return strings.TrimSpace(vs[0])
}

// upper returns the parameter name in capitals: a country code or a
// PLOVER type.
func (p *params) upper(name string) string { return strings.ToUpper(p.str(name)) }

// int returns the integer parameter name, def when it is absent, and
// records an error when it is not a whole number from lo to hi.
func (p *params) int(name string, def, lo, hi int) int {
	s := p.str(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		if p.err == nil {
			p.err = fmt.Errorf("%s: %q is not a whole number from %d to %d", name, s, lo, hi)
		}
		return def
	}
	return n
}

// valid reports whether the parameters are valid; when they are not, it
// answers the request with a 400 saying what is wrong.
func (p *params) valid(w http.ResponseWriter) bool {
	if err := p.check(); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return false
	}
	return true
}

// check returns the first error, or an error naming the parameters that
// the handler does not know, with those it does.
func (p *params) check() error {
	if p.err != nil {
		return p.err
	}
	var unknown, known []string
	for k := range p.v {
		if !p.known[k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	for k := range p.known {
		known = append(known, k)
	}
	sort.Strings(unknown)
	sort.Strings(known)
	return fmt.Errorf("unknown parameter %s: this endpoint takes %s", strings.Join(unknown, ", "), strings.Join(known, ", "))
}
