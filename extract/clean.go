package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad/doc"
)

// The cleaner works on lines. Each line of the input is first stripped of
// Markdown markup (for Markdown input), then classified: debris to drop,
// metadata to read and drop (title, byline, date, source, original URL), a
// photo caption, or body text. Body lines are then grouped into paragraphs,
// and paragraphs that a scraper broke in mid-sentence are joined again.

// lineKind is what the cleaner decided a line is.
type lineKind int

const (
	lineBody lineKind = iota
	lineBlank
	lineDrop
	lineMeta
	lineTitle
	lineCaption
)

// line is one input line with the cleaner's verdict.
type line struct {
	raw   string // as in the input, trimmed
	text  string // without markup
	kind  lineKind
	list  bool // a Markdown list item: its own paragraph
	title bool // a Markdown heading
}

var (
	// Navigation breadcrumbs: "Home > NEWS > China >", "Home » World".
	reBreadcrumb = regexp.MustCompile(`(?i)^(?:home|homepage|news|首页)\s*(?:>|»|›|/|\|)|(?:\s(?:>|»|›)\s*){2,}|\s(?:>|»|›)\s*$`)
	// Lines of site furniture, matched against the whole short line.
	reFurniture = regexp.MustCompile(`(?i)^(?:sponsored by|operated by|powered by|registration number|copyright|all rights reserved|©|\(c\)\s*\d{4}|icp\b|京icp|it'?s recommended to use|best viewed (?:in|with)|this (?:site|page) (?:is best|requires)|please (?:enable|upgrade) |share(?: this(?: article| story)?)?\s*:?$|share on |follow us|subscribe|sign up|click here|advertisement$|ads? by|tags?\s*:|keywords?\s*:|topics?\s*:|related (?:articles?|stories|news|content|coverage|topics|links|reading)|related\s*:|read (?:more|also|next)|see also|also read|more\s*:|watch\s*:|listen\s*:|print$|email$|comments?$|\d+ comments?$|leave a (?:comment|reply)|previous (?:article|post)|next (?:article|post)|back to top|skip to |trending|most (?:read|popular|viewed)|top stories|you may (?:also )?like|recommended(?: for you)?\s*:?$|newsletter|download (?:the|our) app|cookies?\b.*\b(?:accept|use|policy)|we use cookies|log ?in$|sign in$|loading\.\.\.|filed under\s*:|you must (?:be )?log(?:ged)? ?in|citation\s*:|this copy is for your personal|follow (?:us|@|the |\w+ \w+ on )|write to \S+ .*@|e-?mail \S+ .*@|join (?:our|the) \w+ (?:newsletter|challenge)|get the latest (?:news|updates)|an error has occurred|thank you for (?:signing up|subscribing)|have a (?:news )?tip\?)`)
	// A credit closing a story: "Jane Roe contributed to this report."
	reContributed = regexp.MustCompile(`(?i)contributed(?: reporting)? to this (?:report|story|article)\.?$`)
	// Editor and production credits: "Editor: Galia", "(Editing by ...)".
	reEditor = regexp.MustCompile(`(?i)^\(?(?:editor|editors|chief editor|responsible editor|executive editor|edited by|editing by|reporting by|additional reporting by|writing by|compiled by|translated by|translator|proofread by|proofreader|produced by|web editor)\b\s*(?:[:：]|by)?`)
	// A "|"-, "·"- or "•"-separated line of short links.
	reNavSep  = regexp.MustCompile(`\s*(?:\||·|•)\s*`)
	reNavWord = regexp.MustCompile(`(?i)\b(?:about(?: us)?|contact(?: us)?|legal|privacy|terms|cookies?|sitemap|site map|advertis\w*|copyright|careers|jobs|subscribe|help|faq|rss|newsletters?|disclaimer|accessibility|home)\b`)
	// The scraper's "Original url:" footer; the URL may be on the next line.
	reOrigURL = regexp.MustCompile(`(?i)^(?:original (?:url|link|article|source)|source (?:url|link)|url|link|canonical(?: url)?)\s*[:：]\s*<?(\S*?)>?$`)
	reURL     = regexp.MustCompile(`^<?(https?://[^\s<>]+)>?$`)
	// Photo credits: "Photo: Reuters", "(Photo by ...)", "AP Photo/...".
	rePhotoCredit = regexp.MustCompile(`(?i)^\(?(?:photo|photos|image|images|picture|photograph|file photo|credit|illustration|video|graphic)s?\b\s*(?:[:/]|by\b|credit\b)|(?:getty images|shutterstock|ap photo|afp photo|reuters/|epa-efe|/ap|/afp|/reuters|/getty)\)?\.?$`)
	// A caption's trailing credit: "(Xinhua/Shen Hong)", "(Photo: Reuters)".
	reCaptionCredit = regexp.MustCompile(`\s*[(\[](?:(?i:photo|image|picture|file photo|credit)\s*(?::|by)\s*[^()\[\]]{1,60}|[A-Z][\w.&' -]{1,30}/[\w.&' -]{1,40}|file photo|photo)[)\]]\.?$`)
	// Field labels of metadata lines.
	reSourceField = regexp.MustCompile(`(?i)^(?:source|from|agency|outlet|publisher)\s*[:：]\s*(.{1,60})$`)
	reDateField   = regexp.MustCompile(`(?i)^(?:release date|released|published(?: on| at)?|publication date|date|updated(?: on| at)?|last updated|posted(?: on| at)?|first published(?: on)?|time)\s*[:：]?\s*`)
	reAuthorField = regexp.MustCompile(`(?i)^(?:author|writer|byline|reporter|correspondent)s?\s*[:：]\s*(.{1,80})$`)
	reByline      = regexp.MustCompile(`^(?i:by)\s+([\p{Lu}][^.!?]{0,80})$`)
	reBylineTail  = regexp.MustCompile(`(?i)[\s,|-]+(?:\d+ (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?) ago|updated\b.*|published\b.*)$`)
	reFieldSplit  = regexp.MustCompile(`\s{3,}|\s+\|\s+|\t+`)
	reWeekday     = regexp.MustCompile(`(?i)^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*`)
	reTimeTail    = regexp.MustCompile(`(?i)^[\s,|-]*(?:at\s+)?(?:\d\d?[:.]\d\d(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}|GMT[+-]?\d*|UTC[+-]?\d*)?|\d\d?\s*[ap]\.?m\.?\s*(?:[A-Z]{2,4})?)?[\s,|-]*$`)
	reFrontKey    = regexp.MustCompile(`^([A-Za-z_][\w -]{0,30}):\s?(.*)$`)
	reEscape      = regexp.MustCompile(`\\([!-/:-@\[-` + "`" + `{-~])`)
)

// clean turns scraped text or Markdown into paragraphs and metadata.
func (e *Extractor) clean(s string, markdown bool) *result {
	res := &result{}
	s = normalizeSpace(s)
	body := e.frontMatter(s, &res.meta)
	lines := e.splitLines(body, markdown)
	e.classify(lines, res)
	res.paras = paragraphs(lines)
	return res
}

// normalizeSpace unifies line ends and removes invisible characters.
func normalizeSpace(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Map(func(r rune) rune {
		switch r {
		case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD':
			return -1
		case '\u2028', '\u2029':
			return '\n'
		}
		if r == '\n' {
			return r
		}
		if unicode.IsSpace(r) {
			return ' '
		}
		if r < ' ' {
			return -1
		}
		return r
	}, s)
}

// frontMatter reads a leading block of "key: value" lines ended by a line
// "---" (the layout of dyad's gold articles, and of YAML front matter when
// the block also starts with "---") into meta, and returns the rest.
func (e *Extractor) frontMatter(s string, meta *doc.Source) string {
	rest := strings.TrimLeft(s, "\n")
	rest = strings.TrimPrefix(rest, "---\n")
	fields := map[string]string{}
	for n := 0; n < 30; n++ {
		i := strings.IndexByte(rest, '\n')
		if i < 0 {
			return s
		}
		l := strings.TrimSpace(rest[:i])
		rest = rest[i+1:]
		if l == "---" {
			if len(fields) == 0 {
				return s
			}
			applyFields(fields, meta)
			return rest
		}
		m := reFrontKey.FindStringSubmatch(l)
		if m == nil {
			return s
		}
		fields[strings.ToLower(strings.TrimSpace(m[1]))] = strings.TrimSpace(m[2])
	}
	return s
}

// applyFields copies front-matter fields into metadata; "None" and "null"
// mean unknown.
func applyFields(f map[string]string, meta *doc.Source) {
	get := func(keys ...string) string {
		for _, k := range keys {
			v := strings.Trim(f[k], `"'`)
			if v != "" && v != "None" && v != "null" {
				return v
			}
		}
		return ""
	}
	meta.Title = get("title", "headline")
	meta.URL = get("url", "link", "canonical")
	meta.Outlet = get("outlet", "source", "site", "publisher")
	meta.Byline = get("byline", "author", "authors")
	meta.Published = normalizeDate(get("published", "date", "publication_date"))
	meta.Language = get("language", "lang")
}

// splitLines cuts text into lines and strips their Markdown markup.
func (e *Extractor) splitLines(s string, markdown bool) []line {
	raw := strings.Split(s, "\n")
	out := make([]line, 0, len(raw))
	for _, r := range raw {
		r = strings.TrimSpace(r)
		l := line{raw: r}
		if r == "" {
			l.kind = lineBlank
		} else if markdown {
			l.text, l.title, l.list = stripMarkdown(e.md, r)
			if l.text == "" {
				l.kind = lineDrop // an image, a rule, an empty link
			}
		} else {
			l.text = r
		}
		l.text = strings.TrimSpace(reEscape.ReplaceAllString(l.text, "$1"))
		out = append(out, l)
	}
	return out
}

// classify decides the kind of every line, reading metadata into res.
// Titles, bylines and bare dates are looked for only in the header: the
// lines before the first paragraph of body text.
func (e *Extractor) classify(lines []line, res *result) {
	// textAfter[i]: some line after i is still unclassified text.
	textAfter := make([]bool, len(lines)+1)
	for i := len(lines) - 1; i >= 0; i-- {
		textAfter[i] = textAfter[i+1] || (i+1 < len(lines) && lines[i+1].kind == lineBody)
	}
	header := true
	for i := range lines {
		l := &lines[i]
		if l.kind != lineBody {
			continue
		}
		t := l.text
		switch {
		case e.metaLine(lines, i, res, header):
			l.kind = lineMeta
		case isDebris(l):
			l.kind = lineDrop
		case isCaption(t):
			if c := stripCredit(t); isEventCaption(c) {
				l.kind, l.text = lineCaption, c
			} else {
				l.kind = lineDrop
			}
		case header && res.meta.Title == "" && textAfter[i] && isTitle(lines, i):
			l.kind = lineTitle
			res.meta.Title = collapseSpace(t)
		default:
			if isBodyText(t) {
				header = false
			}
		}
	}
}

// metaLine reads a metadata line: an original-URL footer, a byline, or a
// line of fields such as "Release Date:2023-03-23 17:48:16  Source:Xinhua".
func (e *Extractor) metaLine(lines []line, i int, res *result, header bool) bool {
	t := lines[i].text
	if m := reOrigURL.FindStringSubmatch(t); m != nil {
		u := m[1]
		if u == "" { // the URL is on the next non-blank line
			for j := i + 1; j < len(lines); j++ {
				if lines[j].kind == lineBlank {
					continue
				}
				if mm := reURL.FindStringSubmatch(lines[j].text); mm != nil {
					u = mm[1]
					lines[j].kind = lineMeta
				}
				break
			}
		}
		if reURL.MatchString(u) && res.meta.URL == "" {
			res.meta.URL = strings.Trim(u, "<>")
		}
		return true
	}
	if header && words(t) <= 12 {
		bl := reBylineTail.ReplaceAllString(t, "")
		if m := reByline.FindStringSubmatch(bl); m != nil && plausibleByline(m[1]) {
			if res.meta.Byline == "" {
				res.meta.Byline = bl
			}
			return true
		}
	}
	if words(t) > 25 {
		return false
	}
	fields := reFieldSplit.Split(t, -1)
	var got doc.Source
	for _, f := range fields {
		if !readField(strings.TrimSpace(f), &got) {
			return false
		}
	}
	if got.Published != "" && res.meta.Published == "" {
		res.meta.Published = got.Published
	}
	if got.Outlet != "" && res.meta.Outlet == "" {
		res.meta.Outlet = got.Outlet
	}
	if got.Byline != "" && res.meta.Byline == "" {
		res.meta.Byline = got.Byline
	}
	return true
}

// readField reads one metadata field: a labelled or bare date, a source,
// or an author. It reports false for anything else.
func readField(f string, got *doc.Source) bool {
	if f == "" {
		return true
	}
	if m := reSourceField.FindStringSubmatch(f); m != nil {
		got.Outlet = strings.TrimSpace(m[1])
		return true
	}
	if m := reAuthorField.FindStringSubmatch(f); m != nil {
		got.Byline = strings.TrimSpace(m[1])
		return true
	}
	rest := reDateField.ReplaceAllString(f, "")
	rest = reWeekday.ReplaceAllString(rest, "")
	d, start, end, ok := findDate(rest)
	if !ok || start > 0 || !reTimeTail.MatchString(rest[end:]) {
		return false
	}
	got.Published = d
	return true
}

// isDebris reports whether a line is site furniture rather than article.
func isDebris(l *line) bool {
	t := l.text
	if reBreadcrumb.MatchString(t) && words(t) <= 15 && !endsSentence(t) {
		return true
	}
	if reEditor.MatchString(t) && words(t) <= 15 {
		return true
	}
	if words(t) <= 30 && (reFurniture.MatchString(t) || reContributed.MatchString(t)) {
		return true
	}
	if parts := reNavSep.Split(t, -1); len(parts) >= 2 && reNavWord.MatchString(t) {
		short := true
		for _, p := range parts {
			if words(p) > 5 {
				short = false
			}
		}
		if short {
			return true
		}
	}
	// A short line that is all bold or all a credit: "**Kremlin.ru**".
	if isBoldOnly(l.raw) && words(t) <= 6 && !endsSentence(t) && !l.title {
		return true
	}
	if rePhotoCredit.MatchString(t) && words(t) <= 12 {
		return true
	}
	return false
}

// isTitle reports whether the header line i, which more text follows, is
// the headline: a Markdown heading, or a short line of its own without a
// final full stop.
func isTitle(lines []line, i int) bool {
	l := lines[i]
	if l.title {
		return true
	}
	t := l.text
	// A headline is a block of its own.
	if (i > 0 && lines[i-1].kind != lineBlank && lines[i-1].kind != lineDrop) ||
		(i+1 < len(lines) && lines[i+1].kind != lineBlank) {
		return false
	}
	if words(t) > 25 || words(t) < 2 || strings.HasSuffix(t, ".") || strings.HasSuffix(t, ",") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '"' && r != '“' && r != '\'' {
		return false
	}
	return true
}

// isCaption reports whether a line is a photo caption with its credit:
// "Xi meets Putin ... (Xinhua/Shen Hong)".
func isCaption(t string) bool {
	loc := reCaptionCredit.FindStringIndex(t)
	return loc != nil && loc[0] > 0
}

// stripCredit returns a caption without its trailing credit.
func stripCredit(t string) string {
	if loc := reCaptionCredit.FindStringIndex(t); loc != nil {
		t = t[:loc[0]]
	}
	return strings.TrimSpace(t)
}

// isEventCaption reports whether a caption says something happened (a
// sentence of some length) rather than naming who is pictured.
func isEventCaption(c string) bool {
	return words(c) >= 6
}

// isBodyText reports whether a line reads as article prose.
func isBodyText(t string) bool {
	return words(t) >= 8 && endsSentence(t)
}

// endsSentence reports whether t ends as a sentence does.
func endsSentence(t string) bool {
	t = strings.TrimRight(t, `"'”’)]* `)
	if t == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".!?:;…", r)
}

// plausibleByline reports whether names look like a byline: capitalised
// words, with only connecting words in lower case.
func plausibleByline(names string) bool {
	for _, w := range strings.Fields(names) {
		w = strings.Trim(w, ",;()[]")
		if w == "" {
			continue
		}
		switch strings.ToLower(w) {
		case "and", "&", "in", "de", "da", "van", "von", "der", "al", "el", "bin", "le", "la", "staff", "correspondent", "reporter", "writer", "and/or":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// isBoldOnly reports whether a Markdown line is one bold span.
func isBoldOnly(raw string) bool {
	for _, m := range []string{"**", "__"} {
		if len(raw) > 4 && strings.HasPrefix(raw, m) && strings.HasSuffix(raw, m) &&
			!strings.Contains(raw[2:len(raw)-2], m) {
			return true
		}
	}
	return false
}

// words counts the words of s.
func words(s string) int { return len(strings.Fields(s)) }

// paragraphs groups the kept lines into paragraphs. Consecutive body lines
// form one paragraph when they look hard-wrapped, else one each; list
// items and headings stand alone. A paragraph broken in mid-sentence by
// the scraper ("... have" / "always firmly ...") is joined to the next.
func paragraphs(lines []line) []para {
	var out []para
	var block []line
	flush := func() {
		out = append(out, blockParas(block)...)
		block = block[:0]
	}
	for _, l := range lines {
		switch l.kind {
		case lineBlank:
			flush()
		case lineBody:
			if l.list || l.title {
				flush()
				out = append(out, para{text: collapseSpace(l.text)})
				continue
			}
			block = append(block, l)
		case lineTitle:
			flush()
			out = append(out, para{text: collapseSpace(l.text), role: doc.RoleTitle})
		case lineCaption:
			flush()
			out = append(out, para{text: collapseSpace(l.text), role: doc.RoleCaption})
		}
	}
	flush()
	return joinBroken(out)
}

// blockParas turns a block of consecutive body lines into paragraphs.
func blockParas(block []line) []para {
	if len(block) == 0 {
		return nil
	}
	if hardWrapped(block) {
		texts := make([]string, len(block))
		for i, l := range block {
			texts[i] = collapseSpace(l.text)
		}
		return []para{{text: joinWrapped(texts)}}
	}
	out := make([]para, len(block))
	for i, l := range block {
		out[i] = para{text: collapseSpace(l.text)}
	}
	return out
}

// hardWrapped reports whether a block's lines are one paragraph wrapped at
// a fixed width: all but the last line of similar length, under 100
// characters, and not each a finished sentence.
func hardWrapped(block []line) bool {
	if len(block) < 2 {
		return false
	}
	ended := 0
	for _, l := range block[:len(block)-1] {
		n := utf8.RuneCountInString(l.text)
		if n > 100 || n < 30 {
			return false
		}
		if endsSentence(l.text) {
			ended++
		}
	}
	return ended*2 < len(block)
}

// joinWrapped joins wrapped lines with spaces; a line that ends in a
// hyphen after a letter is joined without one ("Sino-" + "Russian").
func joinWrapped(texts []string) string {
	var b strings.Builder
	for i, t := range texts {
		if i > 0 {
			prev := texts[i-1]
			hyphen := len(prev) > 1 && prev[len(prev)-1] == '-' && unicode.IsLetter(rune(prev[len(prev)-2]))
			if !hyphen {
				b.WriteByte(' ')
			}
		}
		b.WriteString(t)
	}
	return b.String()
}

// joinBroken joins a body paragraph that ends without a sentence's end to
// the next body paragraph when that starts in lower case.
func joinBroken(ps []para) []para {
	out := ps[:0:0]
	for _, p := range ps {
		if n := len(out); n > 0 && p.role == doc.RoleBody && out[n-1].role == doc.RoleBody &&
			!endsSentence(out[n-1].text) && startsLower(p.text) {
			out[n-1].text += " " + p.text
			continue
		}
		out = append(out, p)
	}
	return out
}

// startsLower reports whether s begins with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}
