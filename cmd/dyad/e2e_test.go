package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestServePageInBrowser runs dyad serve over the samples and a small
// fixture of its own (testdata/e2e: a pair of countries over several
// months, a near-copy, text with characters of several UTF-8 bytes), and
// drives the page in headless Chromium with the keyboard: a search, an
// event opened with Enter and its evidence marked in the article, Escape
// back to the row, a bad date's error, the timeline and the network
// drawn, and a speaker's quotes. It saves a screenshot (PNG) of each view
// in $DYAD_SCREENSHOTS, or else in a temporary directory.
func TestServePageInBrowser(t *testing.T) {
	chrome := chromium(t)
	db := filepath.Join(t.TempDir(), "e2e.db")
	ingest(t, db, "../../samples", "testdata/e2e")
	code, out, errOut := dyad(t, "", "events", "--db", db, "--format", "jsonl", "--limit", "1000")
	if code != 0 {
		t.Fatalf("events: exit %d: %s", code, errOut)
	}
	if n := len(records(t, out)); n < 10 {
		t.Fatalf("the test database has %d events, want at least 10", n)
	}

	srv := startServe(t, db)
	b := newBrowser(t, chrome, srv)
	b.run("open the page", chromedp.EmulateViewport(1366, 768), chromedp.Navigate(srv.url))
	b.waitFor("the first events", `document.querySelector('[data-testid=events-table]').dataset.query === ''`)
	b.waitFor("the stats", `/\d+ articles?/.test(document.querySelector('[data-testid=stats]').textContent)`)
	all := b.count(`[data-testid=event-row]`)

	// Search: "/" focuses the search box; type, then the button.
	b.run("focus the search box with /", chromedp.Evaluate(`document.activeElement.blur()`, nil), pressKey("/", "Slash", 191))
	if id := b.eval(`document.activeElement.dataset.testid + ' ' + JSON.stringify(document.activeElement.value)`); id != `search-input ""` {
		t.Errorf("after /, the focus is on %s, want the empty search box", id)
	}
	b.run("search", chromedp.SendKeys(`[data-testid=search-input]`, "prisoners", chromedp.ByQuery),
		chromedp.Click(`[data-testid=search-button]`, chromedp.ByQuery))
	b.waitFor("the search's rows", `(t => t.dataset.query === 'text=prisoners' && !t.hasAttribute('aria-busy'))(document.querySelector('[data-testid=events-table]'))`)
	if n := b.count(`[data-testid=event-row]`); n >= all {
		t.Errorf("the search shows %d rows, all events %d: it filtered nothing", n, all)
	}
	if ev := b.eval(`[...document.querySelectorAll('[data-testid=event-row] td.evidence')].map(td => td.title).join('|')`); !strings.Contains(ev, "prisoners") {
		t.Errorf("no row's evidence has the word searched: %q", ev)
	}
	b.shot("events")

	// Open the first event with the keyboard.
	evidence := b.eval(`document.querySelector('[data-testid=event-row] td.evidence').title`)
	row := b.eval(`document.querySelector('[data-testid=event-row]').dataset.event`)
	b.run("move down and up the rows", chromedp.Focus(`[data-testid=event-row]`, chromedp.ByQuery), chromedp.KeyEvent(kb.ArrowDown))
	if i := b.eval(`String([...document.querySelectorAll('[data-testid=event-row]')].indexOf(document.activeElement))`); i != "1" {
		t.Errorf("ArrowDown from the first row focuses row %s, want 1", i)
	}
	b.run("open the first event with Enter", chromedp.KeyEvent(kb.ArrowUp), chromedp.KeyEvent(kb.Enter))
	b.waitFor("the event's evidence", `!document.querySelector('[data-testid=event-panel]').hidden
		&& document.querySelector('[data-testid=event-panel] mark[data-testid=evidence]') !== null`)
	got := b.evalMap(`(() => {
		const m = document.querySelector('[data-testid=event-panel] mark[data-testid=evidence]');
		const box = m.closest('.article-text');
		const r = m.getBoundingClientRect(), br = box.getBoundingClientRect();
		return {mark: m.textContent, text: box.textContent, hash: location.hash,
			visible: String(r.bottom > br.top && r.top < br.bottom),
			link: (document.querySelector('[data-testid=report-link]') || {}).rel || '',
			copies: String(document.querySelectorAll('[data-testid=near-copy]').length)};
	})()`)
	if strings.TrimSpace(got["mark"]) == "" || !strings.Contains(got["text"], got["mark"]) {
		t.Errorf("the evidence mark %q is not a part of the article text %.200q", got["mark"], got["text"])
	}
	if got["mark"] != evidence {
		t.Errorf("the marked sentence %q is not the row's evidence %q", got["mark"], evidence)
	}
	if got["visible"] != "true" {
		t.Errorf("the evidence is not scrolled into view in its article")
	}
	if !strings.HasPrefix(got["hash"], "#event/") {
		t.Errorf("the hash of an open event is %q", got["hash"])
	}
	if got["link"] != "noopener" {
		t.Errorf("the article's link has rel %q, want noopener", got["link"])
	}
	if got["copies"] == "0" {
		t.Errorf("the event reported by an article and its near-copy shows no near-copy")
	}
	b.shot("event")
	b.run("close the event with Escape", chromedp.KeyEvent(kb.Escape))
	b.waitFor("the panel to close", `document.querySelector('[data-testid=event-panel]').hidden`)
	if focused := b.eval(`document.activeElement.dataset.event || ''`); focused != row {
		t.Errorf("after Escape the focus is on %q, want the event's row %q", focused, row)
	}

	// A bad date in the form: the API's message is shown.
	b.run("type a bad date", chromedp.Evaluate(`document.querySelector('[data-testid=search-input]').value = ''`, nil),
		chromedp.SendKeys(`[data-testid=filter-from]`, "2018-13-45", chromedp.ByQuery), chromedp.KeyEvent(kb.Enter))
	b.waitFor("the error message", `document.querySelector('[data-testid=events-table]').dataset.query === 'from=2018-13-45'`)
	if msg := b.eval(`document.querySelector('[data-testid=events-error]').textContent`); !strings.Contains(msg, "2018-13-45") {
		t.Errorf("the error shown is %q, want the API's message on 2018-13-45", msg)
	}
	if n := b.count(`[data-testid=event-row]`); n != 0 {
		t.Errorf("%d rows shown with a bad filter", n)
	}
	b.shot("error")

	// The timeline of a pair, from its form.
	b.run("switch to the timeline with the arrow keys", chromedp.Focus(`[data-testid=tab-events]`, chromedp.ByQuery), chromedp.KeyEvent(kb.ArrowRight))
	b.waitFor("the timeline view", `!document.querySelector('#view-timeline').hidden && document.activeElement.dataset.testid === 'tab-timeline'`)
	b.run("fill the timeline's form", chromedp.WaitVisible(`[data-testid=timeline-a]`, chromedp.ByQuery),
		chromedp.SendKeys(`[data-testid=timeline-a]`, "arm", chromedp.ByQuery),
		chromedp.SendKeys(`[data-testid=timeline-b]`, "AZE", chromedp.ByQuery), chromedp.KeyEvent(kb.Enter))
	b.waitFor("the timeline chart", `document.querySelectorAll('svg[data-testid=timeline-chart] rect').length > 0`)
	if h := b.eval(`location.hash`); h != "#timeline/ARM/AZE" {
		t.Errorf("the timeline's hash is %q", h)
	}
	if rows := b.count(`[data-testid=timeline-table] tbody tr`); rows < 2 {
		t.Errorf("the timeline's table has %d months, want 2 or more", rows)
	}
	b.shot("timeline")

	// The network; Enter on a line opens the pair's timeline.
	b.run("open the network", chromedp.Click(`[data-testid=tab-network]`, chromedp.ByQuery))
	b.waitFor("the network", `document.querySelectorAll('svg[data-testid=network-svg] [data-testid=network-node]').length >= 2
		&& document.querySelectorAll('svg[data-testid=network-svg] [data-testid=network-edge]').length >= 1`)
	b.shot("network")
	pair := b.eval(`(e => e.dataset.a + '/' + e.dataset.b)(document.querySelector('[data-testid=network-edge]'))`)
	b.run("Enter on a line", chromedp.Focus(`[data-testid=network-edge]`, chromedp.ByQuery), chromedp.KeyEvent(kb.Enter))
	b.waitFor("the line's timeline", fmt.Sprintf(`location.hash === %q && document.querySelectorAll('svg[data-testid=timeline-chart] rect').length > 0`, "#timeline/"+pair))

	// Quotes of a speaker.
	b.run("open the quotes", chromedp.Click(`[data-testid=tab-quotes]`, chromedp.ByQuery))
	b.waitFor("the speakers", `document.querySelector('[data-testid=speaker][data-name="Ilham Aliyev"]') !== null`)
	b.run("choose a speaker", chromedp.Focus(`[data-testid=speaker][data-name="Ilham Aliyev"]`, chromedp.ByQuery), chromedp.KeyEvent(kb.Enter))
	b.waitFor("the speaker's quotes", `document.querySelector('[data-testid=quote-list]').dataset.query === 'speaker=Ilham+Aliyev'`)
	if name := b.eval(`document.activeElement.dataset.name || document.activeElement.tagName`); name != "Ilham Aliyev" {
		t.Errorf("after Enter on a speaker the focus is on %q, want the speaker", name)
	}
	speakers := b.eval(`[...document.querySelectorAll('[data-testid=quote-list] [data-testid=quote]')].map(q => q.dataset.speaker).join('|')`)
	if speakers == "" || strings.Trim(strings.ReplaceAll(speakers, "Ilham Aliyev", ""), "|") != "" {
		t.Errorf("the quotes of Ilham Aliyev are by %q", speakers)
	}
	if q := b.eval(`document.querySelector('[data-testid=quote-list]').textContent`); !strings.Contains(q, "provocations") {
		t.Errorf("Ilham Aliyev's quotes lack his words: %.300q", q)
	}
	b.shot("quotes")
}

// pressKey presses and releases a key as a keyboard does: the
// character comes with the key down, so that a page that handles the key
// can keep it from being typed (chromedp.KeyEvent types it regardless).
func pressKey(key, code string, vk int64) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		down := input.DispatchKeyEvent(input.KeyDown).WithKey(key).WithCode(code).WithText(key).WithWindowsVirtualKeyCode(vk)
		if err := down.Do(ctx); err != nil {
			return err
		}
		return input.DispatchKeyEvent(input.KeyUp).WithKey(key).WithCode(code).WithWindowsVirtualKeyCode(vk).Do(ctx)
	})
}

// chromium returns the path of Chromium, or skips the test without it
// (and fails it in CI, where it must run).
func chromium(t *testing.T) string {
	t.Helper()
	ci := os.Getenv("CI") == "true"
	if testing.Short() && !ci {
		t.Skip("browser test skipped in -short mode")
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	if ci {
		t.Fatal("CI needs Chromium for the browser test: apt-get install chromium")
	}
	t.Skip("browser test needs Chromium: apt-get install chromium, or run with CI=true bash .ci/run")
	return ""
}

// server is a dyad serve process.
type server struct {
	url string
	mu  sync.Mutex
	log strings.Builder
}

func (s *server) output() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.log.String()
}

var servingLine = regexp.MustCompile(`^dyad: serving (http://\S+)$`)

// startServe runs this test binary as dyad serve over db on a free port
// and returns once it has printed its URL; the process ends with the test.
func startServe(t *testing.T, db string) *server {
	t.Helper()
	cmd := exec.Command(os.Args[0], "serve", "--db", db, "--addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), "DYAD_TEST_RUN_MAIN=1")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{}
	found := make(chan string, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			s.mu.Lock()
			s.log.WriteString(line + "\n")
			s.mu.Unlock()
			if m := servingLine.FindStringSubmatch(line); m != nil {
				select {
				case found <- m[1]:
				default:
				}
			}
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-done
		cmd.Wait()
	})
	select {
	case s.url = <-found:
		return s
	case <-done:
		t.Fatalf("dyad serve ended before serving:\n%s", s.output())
	case <-time.After(time.Minute):
		t.Fatalf("dyad serve printed no URL in a minute:\n%s", s.output())
	}
	return nil
}

// browser is a headless Chromium tab, with the test that drives it.
type browser struct {
	t     *testing.T
	ctx   context.Context
	srv   *server
	shots string
	n     int
}

// newBrowser starts headless Chromium with a fresh profile; it quits
// at the end of the test, and every action must be done within two
// minutes in all.
func newBrowser(t *testing.T, path string, srv *server) *browser {
	t.Helper()
	shots := os.Getenv("DYAD_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	profile := t.TempDir()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		// Without these Chromium waits on the network, which is closed here.
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("password-store", "basic"),
		chromedp.WindowSize(1366, 768),
		chromedp.UserDataDir(profile),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	bctx, bcancel := chromedp.NewContext(actx, chromedp.WithErrorf(func(format string, args ...any) {
		// The protocol of a newer Chromium has events that this
		// chromedp does not know: not the page's errors.
		if msg := fmt.Sprintf(format, args...); !strings.Contains(msg, "unmarshal") {
			t.Logf("chromedp: %s", msg)
		}
	}))
	t.Cleanup(func() {
		bcancel()
		acancel()
		cancel()
		// Chromium's helper processes can write to the profile for a
		// moment after the browser has quit: empty it until it stays
		// empty, before the test's own cleanup removes it.
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
			if os.RemoveAll(profile) == nil {
				time.Sleep(200 * time.Millisecond)
				if _, err := os.Stat(profile); errors.Is(err, os.ErrNotExist) {
					return
				}
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	b := &browser{t: t, ctx: bctx, srv: srv, shots: shots}
	// Errors the page throws or logs fail the test.
	chromedp.ListenTarget(bctx, func(ev any) {
		if msg := pageProblem(ev); msg != "" {
			t.Errorf("page: %s", msg)
		}
	})
	return b
}

// run does actions, failing the test at once if one fails.
func (b *browser) run(what string, actions ...chromedp.Action) {
	b.t.Helper()
	if err := chromedp.Run(b.ctx, actions...); err != nil {
		b.fail(what, err)
	}
}

func (b *browser) fail(what string, err error) {
	b.t.Helper()
	var page string
	ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
	defer cancel()
	chromedp.Run(ctx, chromedp.Evaluate(`location.hash + '\nfocus: ' + document.activeElement.outerHTML.slice(0, 200) + '\n' + document.body.innerText.slice(0, 2000)`, &page))
	if errors.Is(err, context.DeadlineExceeded) {
		err = fmt.Errorf("%w (the test's two minutes are up)", err)
	}
	b.t.Fatalf("%s: %v\npage:\n%s\nserver:\n%s", what, err, page, b.srv.output())
}

// waitFor waits until the JavaScript expression js is true.
func (b *browser) waitFor(what, js string) {
	b.t.Helper()
	var ok bool
	b.run("wait for "+what, chromedp.Poll(js, &ok, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second)))
}

// eval returns the string value of the JavaScript expression js.
func (b *browser) eval(js string) string {
	b.t.Helper()
	var s string
	b.run("evaluate "+js, chromedp.Evaluate(js, &s))
	return s
}

// evalMap returns the value of js, an object of strings.
func (b *browser) evalMap(js string) map[string]string {
	b.t.Helper()
	var m map[string]string
	b.run("evaluate an object", chromedp.Evaluate(js, &m))
	return m
}

// count returns the number of elements that a CSS selector matches.
func (b *browser) count(sel string) int {
	b.t.Helper()
	var n int
	b.run("count "+sel, chromedp.Evaluate(fmt.Sprintf(`document.querySelectorAll(%q).length`, sel), &n))
	return n
}

// shot saves a PNG of the viewport as NN-name.png and checks that the
// page does not scroll sideways.
func (b *browser) shot(name string) {
	b.t.Helper()
	var png []byte
	var wide bool
	b.run("screenshot "+name,
		chromedp.Evaluate(`document.documentElement.scrollWidth > document.documentElement.clientWidth`, &wide),
		chromedp.CaptureScreenshot(&png))
	if wide {
		b.t.Errorf("%s: the page scrolls sideways at 1366 pixels wide", name)
	}
	b.n++
	p := filepath.Join(b.shots, fmt.Sprintf("%02d-%s.png", b.n, name))
	if err := os.WriteFile(p, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot: %s", p)
}

// pageProblem returns the message of an uncaught exception, a console
// error or a browser error (a refusal of the content security policy,
// say) of the page, or "". Failed requests are left out: the API's 400s
// are part of the test.
func pageProblem(ev any) string {
	switch ev := ev.(type) {
	case *cdplog.EventEntryAdded:
		if ev.Entry.Level == cdplog.LevelError && ev.Entry.Source != cdplog.SourceNetwork {
			return fmt.Sprintf("%s: %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
		}
	case *runtime.EventExceptionThrown:
		return ev.ExceptionDetails.Error()
	case *runtime.EventConsoleAPICalled:
		if ev.Type != runtime.APITypeError {
			return ""
		}
		var parts []string
		for _, a := range ev.Args {
			if a.Value != nil {
				parts = append(parts, string(a.Value))
			} else {
				parts = append(parts, a.Description)
			}
		}
		return "console.error: " + strings.Join(parts, " ")
	}
	return ""
}
