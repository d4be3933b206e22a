package content

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/handbook/handbook/generator/diag"
	"github.com/handbook/handbook/generator/site"
)

// Placeholders are the sentences `handbook new` writes for the writer to
// replace, by kind; "%s" stands for any text (a person's name). A file
// that still has one would publish template text on the board, in feeds
// and in search: build warns, check fails.
var Placeholders = map[site.Kind][]string{
	site.KindUpdate: {
		"What you finished since your last check-in.",
		"What you will work on until the next one.",
	},
	site.KindDecision: {
		"Describe the context and the problem in two or three sentences, or as a question.",
		"A force or concern that the decision must take into account.",
		`Proposed option: "Option one", because it is the only option that meets every decision driver.`,
		"Good, because of a benefit it brings.",
		"Bad, because of a cost it has.",
		"Good, because of an argument for it.",
		"Bad, because of an argument against it.",
	},
	site.KindObjective: {
		"Why this objective matters, and how each key result is measured.",
		"title: The first measurable result",
	},
	site.KindPage: {
		"What this page is for, in a sentence or two: the first paragraph is the page's summary in lists and search.",
	},
	site.KindPerson: {
		"A few lines about %s: what they work on, and what to ask them about.",
	},
	site.KindTeam: {
		"What the team owns, and how to reach it.",
	},
}

// placeholder is one of Placeholders, ready to find: a cheap needle to
// look for first, and the pattern that matches it however it is wrapped.
type placeholder struct {
	text    string
	needle  []byte
	pattern *regexp.Regexp
}

// placeholderFinders holds the compiled Placeholders by kind.
type placeholderFinders map[site.Kind][]placeholder

func newPlaceholderFinders() placeholderFinders {
	out := placeholderFinders{}
	for kind, texts := range Placeholders {
		for _, text := range texts {
			var parts []string
			for i, lit := range strings.Split(text, "%s") {
				if i > 0 {
					parts = append(parts, `[^\n]{1,200}?`)
				}
				var words []string
				for _, w := range strings.Fields(lit) {
					words = append(words, regexp.QuoteMeta(w))
				}
				parts = append(parts, strings.Join(words, `\s+`))
			}
			first := strings.Fields(text)
			needle := first[0]
			for _, w := range first[1:] {
				if len(needle) >= 12 || strings.Contains(w, "%s") {
					break
				}
				needle += " " + w
			}
			out[kind] = append(out[kind], placeholder{
				text:    strings.ReplaceAll(text, "%s", "…"),
				needle:  []byte(needle),
				pattern: regexp.MustCompile(strings.Join(parts, `\s*`)),
			})
		}
	}
	return out
}

// check reports each placeholder left in a file of the given kind.
func (pf placeholderFinders) check(kind site.Kind, src *source, sev diag.Severity, diags *diag.List) {
	for _, p := range pf[kind] {
		if !bytes.Contains(src.text, p.needle) {
			continue
		}
		for _, loc := range p.pattern.FindAllIndex(src.text, -1) {
			diags.Addf(sev, src.pos(loc[0]), "template text from handbook new is still here: replace %q with your own", p.text)
		}
	}
}
