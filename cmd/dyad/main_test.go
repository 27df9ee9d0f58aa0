package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dyad runs the command line in-process and returns its exit status and
// outputs.
func dyad(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// records decodes JSONL output.
func records(t *testing.T, out string) []map[string]any {
	t.Helper()
	var recs []map[string]any
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var r map[string]any
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("bad JSONL: %v\n%s", err, out)
		}
		recs = append(recs, r)
	}
	return recs
}

func TestHelpListsCommands(t *testing.T) {
	code, out, _ := dyad(t, "", "help")
	if code != 0 || !strings.Contains(out, "extract") {
		t.Errorf("help: code %d, output:\n%s", code, out)
	}
	code, out, _ = dyad(t, "", "extract", "-h")
	if code != 0 || !strings.Contains(out, "--keep-going") {
		t.Errorf("extract -h: code %d, output:\n%s", code, out)
	}
}

// TestExtractSamples runs the samples of every input kind end to end and
// checks the metadata of each.
func TestExtractSamples(t *testing.T) {
	code, out, errOut := dyad(t, "", "extract", "../../samples")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	byPath := map[string]map[string]any{}
	for _, r := range records(t, out) {
		for _, k := range []string{"doc_id", "source", "text", "sentences", "errors"} {
			if _, ok := r[k]; !ok {
				t.Errorf("record lacks %q: %v", k, r)
			}
		}
		if len(r["sentences"].([]any)) < 2 {
			t.Errorf("too few sentences in %v", r["source"])
		}
		byPath[r["source"].(map[string]any)["path"].(string)] = r
	}
	const chronicle = "https://www.example-chronicle.com/world/un-south-sudan-sanctions"
	cases := []struct {
		path                                string
		title, published, outlet, wire, url string
	}{
		{"brazil-argentina.txt", "Brazil, Argentina sign energy deal", "2023-01-24", "Example News Agency", "", ""},
		{"brazil-argentina-copy.txt.gz", "Brazil, Argentina sign energy deal", "2023-01-24", "Example News Agency", "", ""},
		{"india-pakistan-talks.md", "India and Pakistan Hold First Border Talks in Three Years", "2024-02-14", "example-times.com", "Reuters",
			"https://www.example-times.com/2024/02/14/india-pakistan-border-talks-a9912"},
		{"un-sanctions.html", "UN Security Council extends sanctions on South Sudan", "2022-05-26", "The Example Chronicle", "AFP", chronicle},
		{"crawl.warc.gz#urn:uuid:00000000-0000-4000-8000-000000000003", "UN Security Council extends sanctions on South Sudan", "2022-05-26",
			"The Example Chronicle", "AFP", chronicle + "?ref=warc"},
		{"wire.jsonl:1", "Japan and South Korea agree to resume shuttle diplomacy", "2023-03-16", "Example Wire", "",
			"https://www.example-wire.com/asia/japan-korea-summit"},
		{"wire.jsonl:2", "Finland joins NATO", "2023-04-04", "Example Wire", "", "https://www.example-wire.com/europe/nato-finland"},
	}
	for _, c := range cases {
		r, ok := byPath["../../samples/"+c.path]
		if !ok {
			t.Errorf("no record for %s", c.path)
			continue
		}
		src := r["source"].(map[string]any)
		for k, want := range map[string]string{"title": c.title, "published": c.published, "outlet": c.outlet, "wire": c.wire, "url": c.url} {
			if src[k] != want {
				t.Errorf("%s: source.%s = %q, want %q", c.path, k, src[k], want)
			}
		}
		if text := r["text"].(string); !strings.HasPrefix(text, c.title+"\n\n") {
			t.Errorf("%s: text does not start with the title paragraph: %.80q", c.path, text)
		}
	}
	if len(byPath) != len(cases) {
		t.Errorf("%d records, want %d", len(byPath), len(cases))
	}
}

func TestBadInputsDoNotStopTheBatch(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", []byte("Ministers of Chile and Peru met in Lima on Monday and signed a fisheries accord.\n"))
	empty := write("empty.txt", nil)
	binary := write("binary.bin", []byte{0x7f, 'E', 'L', 'F', 0, 0, 0, 1, 2, 3, 0, 0, 0, 0})
	gz := write("truncated.txt.gz", []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0x0b, 0xc9})
	good2 := write("good2.md", []byte("# Talks\n\nThe presidents of Ghana and Togo met in Accra on Friday for border talks.\n"))
	missing := filepath.Join(dir, "missing.html")

	code, out, errOut := dyad(t, "", "extract", good, empty, binary, gz, missing, good2)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	recs := records(t, out)
	if len(recs) != 6 {
		t.Fatalf("%d records, want 6:\n%s", len(recs), out)
	}
	for i, name := range []string{good, empty, binary, gz, missing, good2} {
		src := recs[i]["source"].(map[string]any)
		if !strings.HasPrefix(src["path"].(string), name) {
			t.Errorf("record %d is %v, want %s", i, src["path"], name)
		}
		errs := recs[i]["errors"].([]any)
		bad := i >= 1 && i <= 4
		if bad && (len(errs) == 0 || recs[i]["doc_id"] == "") {
			t.Errorf("record %d (%s): want an error record with an id, got %v", i, name, recs[i])
		}
		if bad && !strings.Contains(errOut, filepath.Base(name)) {
			t.Errorf("stderr does not name %s:\n%s", name, errOut)
		}
		if !bad && len(errs) != 0 {
			t.Errorf("record %d (%s): unexpected errors %v", i, name, errs)
		}
	}
	if !strings.Contains(errOut, "4 of 6 inputs failed") {
		t.Errorf("stderr lacks the summary:\n%s", errOut)
	}

	// --keep-going=false stops at the first failure.
	code, out, _ = dyad(t, "", "extract", "--keep-going=false", good, empty, good2)
	if code != 1 || len(records(t, out)) != 2 {
		t.Errorf("keep-going=false: exit %d, %d records, want 1 and 2", code, len(records(t, out)))
	}
}

func TestExtractStdinAndTextFormat(t *testing.T) {
	in := "Ethiopia and Eritrea Sign Peace Deal\n\nThe leaders of Ethiopia and Eritrea signed a peace agreement in Jeddah on Sunday. Mr. Abiy thanked the U.S. for its help.\n"
	code, out, errOut := dyad(t, in, "extract", "--format", "text", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"title:", "Ethiopia and Eritrea Sign Peace Deal", "[1] The leaders of Ethiopia", "[2] Mr. Abiy thanked the U.S. for its help."} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	code, _, errOut := dyad(t, "", "extract", "--format", "xml", "../../samples")
	if code != 2 || !strings.Contains(errOut, "xml") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// TestExtractCorpusHTML runs every raw page of the shared corpus: none may
// fail.
func TestExtractCorpusHTML(t *testing.T) {
	if _, err := os.Stat("../../../shared/corpus/html"); err != nil {
		t.Skip("no ../shared/corpus/html")
	}
	code, out, errOut := dyad(t, "", "extract", "../../../shared/corpus/html/*.html")
	if code != 0 {
		t.Errorf("exit %d:\n%s", code, errOut)
	}
	recs := records(t, out)
	if len(recs) < 80 {
		t.Errorf("%d records, want every page", len(recs))
	}
}

// TestExamplesSentences checks the sentences of the two articles dyad was
// first specified on, end to end: none broken, none merged.
func TestExamplesSentences(t *testing.T) {
	const dir = "../../../shared/examples/"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no ../shared/examples")
	}
	cases := []struct {
		file  string
		count int
		some  []string // sentences that must be found whole
	}{
		{"000_10f149fc47b29e7c.txt", 19, []string{
			"Chinese President Xi Awards Putin Friendship Medal, Pledges Support",
			`"President Putin is the leader of a great country who is influential around the world," Xi said.`,
			`"He is my best, most intimate friend."`,
			`"China and Russia are permanent members of the U.N. Security Council and are both great responsible countries," Xi said.`,
			"The two oversaw the signing of several agreements, including a joint $1 billion industrial investment fund.",
			"Moscow has denied any interference, and U.S. President Donald Trump has denied any collusion.",
		}},
		{"003_52b15b549b2096eb.txt", 17, []string{
			"Xi meets Putin in Moscow",
			"Chinese President Xi Jinping meets with Russian President Vladimir Putin at the Kremlin on his arrival in Moscow, Russia, March 20, 2023.",
			"When Xi reached the Kremlin, he was greeted by the Kremlin Commandant at the alighting point.",
			"Putin warmly shook hands and took photos with Xi.",
			"China always upholds an independent foreign policy.",
		}},
	}
	for _, c := range cases {
		code, out, errOut := dyad(t, "", "extract", dir+c.file)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", c.file, code, errOut)
		}
		r := records(t, out)[0]
		text := r["text"].(string)
		got := map[string]bool{}
		for _, s := range r["sentences"].([]any) {
			m := s.(map[string]any)
			got[text[int(m["start"].(float64)):int(m["end"].(float64))]] = true
		}
		if len(got) != c.count {
			t.Errorf("%s: %d sentences, want %d", c.file, len(got), c.count)
		}
		for _, s := range c.some {
			if !got[s] {
				t.Errorf("%s: no sentence %q", c.file, s)
			}
		}
	}
}
