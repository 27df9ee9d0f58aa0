package quote

import (
	_ "embed"
	"strings"
)

//go:embed data/verbs.txt
var verbsData string

// verbForm is one surface form of a speech verb.
type verbForm struct {
	// particle is the second word of a verb of two words ("out" of
	// "pointed out"), or "".
	particle string
	// ing is true for the -ing form (saying, adding).
	ing bool
	// actor is true for a verb that attributes only when its subject is
	// an actor ("the results suggest" is no statement).
	actor bool
	// object is true for a verb that takes the hearer as its object
	// (told reporters): it never comes before its subject.
	object bool
}

// parseVerbs reads the verb list (see data/verbs.txt) into a map from each
// lower-case surface form (the first word, for a verb of several words) to
// its forms.
func parseVerbs(data string) map[string][]verbForm {
	m := make(map[string][]verbForm, 512)
	add := func(form string, ing, actor, object bool) {
		first, particle, _ := strings.Cut(form, " ")
		for _, f := range m[first] {
			if f.particle == particle {
				return
			}
		}
		m[first] = append(m[first], verbForm{particle: particle, ing: ing, actor: actor, object: object})
	}
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		line = strings.ToLower(line)
		actor := strings.HasSuffix(line, "*")
		line = strings.TrimSpace(strings.TrimSuffix(line, "*"))
		object := strings.HasSuffix(line, "+")
		line = strings.TrimSpace(strings.TrimSuffix(line, "+"))
		var forms []string
		if strings.Contains(line, ",") {
			for _, f := range strings.Split(line, ",") {
				if f = strings.Join(strings.Fields(f), " "); f != "" {
					forms = append(forms, f)
				}
			}
		} else {
			forms = inflect(strings.Join(strings.Fields(line), " "))
		}
		for i, f := range forms {
			add(f, i == 3, actor, object)
		}
	}
	return m
}

// inflect returns the base, third person, past and -ing forms of a regular
// verb; a verb of several words is inflected on its first word.
func inflect(verb string) []string {
	first, rest, _ := strings.Cut(verb, " ")
	if rest != "" {
		rest = " " + rest
	}
	n := len(first)
	consonantY := n >= 2 && first[n-1] == 'y' && !strings.ContainsRune("aeiou", rune(first[n-2]))
	var s, ed, ing string
	switch {
	case consonantY:
		s = first[:n-1] + "ies"
	case strings.HasSuffix(first, "s"), strings.HasSuffix(first, "sh"), strings.HasSuffix(first, "ch"),
		strings.HasSuffix(first, "x"), strings.HasSuffix(first, "z"), strings.HasSuffix(first, "o"):
		s = first + "es"
	default:
		s = first + "s"
	}
	switch {
	case consonantY:
		ed = first[:n-1] + "ied"
	case strings.HasSuffix(first, "e"):
		ed = first + "d"
	default:
		ed = first + "ed"
	}
	switch {
	case strings.HasSuffix(first, "ee"), strings.HasSuffix(first, "ye"), strings.HasSuffix(first, "oe"):
		ing = first + "ing"
	case strings.HasSuffix(first, "ie"):
		ing = first[:n-2] + "ying"
	case strings.HasSuffix(first, "e") && n > 2:
		ing = first[:n-1] + "ing"
	default:
		ing = first + "ing"
	}
	return []string{first + rest, s + rest, ed + rest, ing + rest}
}
