package serve

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

// FuzzQuery sends made-up query strings to the endpoints that take
// parameters: every answer must be a 200 or a 400 with a JSON body, never
// a failure of the server.
func FuzzQuery(f *testing.F) {
	for _, seed := range []string{
		"actor=RUS&recipient=CHN", "text=%22unclosed", "text=a*+OR+b", "quad=9", "from=2019-02-30",
		"limit=1&offset=99999999999999999999", "cameo=04&type=consult", "actor=%25_%25", "a=USA&b=CHN",
		"by=year&country=usa", "speaker=O%27Brien", "text=NEAR(a+b)", "place=%00", "x=%zz",
	} {
		f.Add(seed)
	}
	srv, _ := testServer(f, Options{})
	h := srv.Config.Handler
	f.Fuzz(func(t *testing.T, query string) {
		for _, path := range []string{"/api/events", "/api/quotes", "/api/timeline", "/api/dyads", "/api/network", "/api/speakers"} {
			req := httptest.NewRequest("GET", "/", nil)
			req.URL.Path, req.URL.RawQuery = path, query
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK && rec.Code != http.StatusBadRequest {
				t.Fatalf("%s?%s: status %d: %s", path, query, rec.Code, rec.Body)
			}
			if !json.Valid(rec.Body.Bytes()) {
				t.Fatalf("%s?%s: not JSON: %q", path, query, rec.Body)
			}
		}
	})
}
