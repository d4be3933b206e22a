// Package corpus generates a synthetic handbook site for benchmarks and
// size tests: every kind of content, linked the way a real team's site
// is, at any size. cmd/corpus writes it to a folder; tests build it in
// place.
//
// A corpus of n documents has people and teams (about 1% and one team per
// eight people), objectives with key results (about 1%), decision records
// in MADR form that supersede each other (5%), handbook pages with owners
// and review dates (5%: half in flat folders of up to 250 pages without
// index files, half in sections with index files that hold folders with
// and without index files, one of them nested a level deeper), and
// updates for the rest:
// Done/Next/Blockers check-ins over the year before 2026-11-25 (see Now),
// with statuses, tags, key-result progress, code blocks, tables, blockers
// naming people, and links to decisions, handbook pages and other
// updates. Text is drawn from a Zipf distribution over common words, a
// domain vocabulary and a tail of rare generated words, so the vocabulary
// grows with the site as real text does.
//
// Output is deterministic: the same n and seed give byte-identical files.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// File is one file of the corpus: a slash-separated path relative to the
// content folder, and its text.
type File struct{ Path, Data string }

// Now returns the date a corpus is written as of, 2026-11-25 UTC: updates
// fill the year before it, so build with that date (--now 2026-11-25) to
// see them as the generator meant.
func Now() time.Time { return time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC) }

type person struct {
	id, name, team string
}

type team struct {
	id, name string
	members  []int // indexes into people
}

type keyResult struct {
	id, title, unit string
	start, target   float64
}

type objective struct {
	id, title, team, owner string
	quarter                int // 1..4 of 2026
	krs                    []keyResult
}

type decision struct {
	number     int
	slug       string
	title      string
	status     string
	date       time.Time
	supersedes int
}

type page struct {
	path  string // content path, "handbook/..."
	title string
}

type gen struct {
	now        time.Time // the date the corpus is written as of (Now)
	r          *rand.Rand
	zipf       *rand.Zipf
	lexicon    []string
	people     []person
	teams      []team
	objectives []objective
	decisions  []decision
	pages      []page
	updates    []string // file names, in the order written
	files      []File
}

// Generate returns the files of a corpus of n documents (at least 10)
// drawn with the given seed, site.toml first.
func Generate(n int, seed uint64) []File {
	g := &gen{now: Now(), r: rand.New(rand.NewPCG(seed, uint64(n)))}
	g.lexicon = slices.Concat(common, domain, g.rareWords(20000+4*n))
	g.zipf = rand.NewZipf(g.r, 1.15, 2, uint64(len(g.lexicon)-1))

	nPeople := max(4, n/100)
	nTeams := max(2, nPeople/8)
	nObjectives := max(2, n/100)
	nDecisions := max(2, n/20)
	nPages := max(3, n/20)
	nUpdates := n - nPeople - nTeams - nObjectives - nDecisions - nPages

	g.add("site.toml", `title = "Corpus Handbook"
base_url = "https://corpus.example/"
description = "A generated handbook for benchmarks."
timezone = "UTC"
cadence = "weekly"
`)
	g.makeTeams(nTeams)
	g.makePeople(nPeople)
	g.writeTeams()
	g.makeObjectives(nObjectives)
	g.makeDecisions(nDecisions)
	g.makePages(nPages)
	g.makeUpdates(nUpdates)
	return g.files
}

func (g *gen) add(path, data string) { g.files = append(g.files, File{path, data}) }

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

// rareWords makes pronounceable words for the vocabulary's long tail:
// product names, customers, jargon.
func (g *gen) rareWords(n int) []string {
	onsets := split("b br c ch d dr f fl g gr h j k kl l m n p pr qu r s st t tr v w z")
	vowels := split("a e i o u ai ea io ou")
	codas := split("- n r s t l x nd rk st")
	seen := map[string]bool{}
	var out []string
	for len(out) < n {
		var b strings.Builder
		for range 2 + g.r.IntN(2) {
			b.WriteString(g.pick(onsets))
			b.WriteString(g.pick(vowels))
		}
		if c := g.pick(codas); c != "-" {
			b.WriteString(c)
		}
		w := b.String()
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

func (g *gen) word() string { return g.lexicon[g.zipf.Uint64()] }

// sentence writes words drawn from the vocabulary, with the numbers and
// names that check-ins are full of.
func (g *gen) sentence() string {
	n := 6 + g.r.IntN(12)
	words := make([]string, 0, n)
	for i := range n {
		switch {
		case i > 0 && g.chance(0.05):
			words = append(words, fmt.Sprintf("%d ms", 50+g.r.IntN(900)))
		case i > 0 && g.chance(0.03):
			words = append(words, fmt.Sprintf("%d%%", g.r.IntN(100)))
		case i > 0 && g.chance(0.02):
			words = append(words, strings.Fields(g.people[g.r.IntN(len(g.people))].name)[0])
		case i > 0 && g.chance(0.01):
			words = append(words, fmt.Sprintf("#%d", 100+g.r.IntN(5000)))
		default:
			words = append(words, g.word())
		}
	}
	s := strings.Join(words, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

func (g *gen) paragraph(min, max int) string {
	n := min + g.r.IntN(max-min+1)
	s := make([]string, n)
	for i := range s {
		s[i] = g.sentence()
	}
	return wrap(strings.Join(s, " "))
}

func (g *gen) title(words int) string {
	var w []string
	for range words {
		w = append(w, g.pick(domain))
	}
	s := strings.Join(w, " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

func (g *gen) tags() []string {
	n := 1 + g.r.IntN(3)
	var out []string
	for range n {
		t := g.pick(tagNames)
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// wrap breaks text at about 80 columns, as people write Markdown.
func wrap(s string) string {
	var b strings.Builder
	col := 0
	for i, w := range strings.Fields(s) {
		if i > 0 {
			if col+1+len(w) > 80 {
				b.WriteByte('\n')
				col = 0
			} else {
				b.WriteByte(' ')
				col++
			}
		}
		b.WriteString(w)
		col += len(w)
	}
	return b.String()
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(fold(s)) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

func fold(s string) string {
	return strings.NewReplacer("ü", "u", "é", "e", "á", "a", "ä", "a", "ö", "o").Replace(s)
}

func yamlList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func (g *gen) makeTeams(n int) {
	for i := range n {
		name := teamNames[i%len(teamNames)]
		if i >= len(teamNames) {
			name = fmt.Sprintf("%s %d", name, i/len(teamNames)+1)
		}
		g.teams = append(g.teams, team{id: slug(name), name: name})
	}
}

func (g *gen) makePeople(n int) {
	for i := range n {
		first := firstNames[i%len(firstNames)]
		last := lastNames[(i/len(firstNames)+i)%len(lastNames)]
		name := first + " " + last
		if i >= len(firstNames)*len(lastNames) {
			name = fmt.Sprintf("%s %d", name, i)
		}
		t := i % len(g.teams)
		p := person{id: slug(name), name: name, team: g.teams[t].id}
		g.teams[t].members = append(g.teams[t].members, i)
		g.people = append(g.people, p)
		tz := g.pick(timezones)
		joined := g.now.AddDate(-1-g.r.IntN(5), -g.r.IntN(12), -g.r.IntN(28))
		var away string
		if g.chance(0.1) {
			from := g.now.AddDate(0, 0, -g.r.IntN(10))
			away = fmt.Sprintf("away:\n  - from: %s\n    to: %s\n", from.Format(time.DateOnly), from.AddDate(0, 0, 3+g.r.IntN(10)).Format(time.DateOnly))
		}
		g.add("people/"+p.id+".md", fmt.Sprintf(`---
name: %s
team: %s
role: %s
timezone: %s
handle: %s
email: %s@corpus.example
hours: "09:00-17:00"
joined: %s
%s---
%s
`, name, p.team, g.pick(roles), tz, strings.ReplaceAll(p.id, "-", ""), p.id, joined.Format(time.DateOnly), away, g.paragraph(2, 4)))
	}
}

func (g *gen) writeTeams() {
	for _, t := range g.teams {
		lead := g.people[t.members[0]].id
		g.add("teams/"+t.id+".md", fmt.Sprintf(`---
name: %s
lead: %s
cadence: %s
timezone: %s
---
%s

%s
`, t.name, lead, g.pick([]string{"weekly", "weekly", "biweekly", "daily"}), g.pick(timezones), g.paragraph(2, 3), g.paragraph(1, 3)))
	}
}

func (g *gen) makeObjectives(n int) {
	units := []string{"ms", "%", "customers", "tickets", "pages"}
	for i := range n {
		t := g.teams[i%len(g.teams)]
		o := objective{
			title:   "Make " + strings.ToLower(g.title(2)) + " " + g.pick([]string{"faster", "calmer", "simpler", "cheaper", "self-serve", "reliable"}),
			team:    t.id,
			owner:   g.people[t.members[g.r.IntN(len(t.members))]].id,
			quarter: 1 + i%4,
		}
		o.id = fmt.Sprintf("%s-%d", slug(o.title), i)
		var krs strings.Builder
		for k := range 1 + g.r.IntN(3) {
			start := float64(100 + g.r.IntN(900))
			target := start * (0.2 + g.r.Float64()*2)
			kr := keyResult{id: fmt.Sprintf("kr%d", k+1), title: g.title(3), unit: g.pick(units), start: start, target: float64(int(target))}
			o.krs = append(o.krs, kr)
			fmt.Fprintf(&krs, "  - id: %s\n    title: %s\n    start: %g\n    target: %g\n    unit: %q\n", kr.id, kr.title, kr.start, kr.target, kr.unit)
		}
		g.objectives = append(g.objectives, o)
		g.add("objectives/"+o.id+".md", fmt.Sprintf(`---
title: %s
owner: %s
team: %s
period: 2026-Q%d
key_results:
%s---
%s

## Why

%s
`, o.title, o.owner, o.team, o.quarter, krs.String(), g.paragraph(2, 4), g.paragraph(2, 5)))
	}
}

func (g *gen) makeDecisions(n int) {
	start := g.now.AddDate(-3, 0, 0)
	step := g.now.Sub(start) / time.Duration(n)
	for i := range n {
		title := g.pick([]string{"Use", "Adopt", "Move to", "Replace", "Deprecate", "Split"}) + " " + strings.ToLower(g.title(2)) + " for " + strings.ToLower(g.title(2))
		d := decision{number: i + 1, title: title, slug: slug(title), date: start.Add(time.Duration(i) * step), supersedes: 0}
		switch x := g.r.Float64(); {
		case x < 0.65:
			d.status = "accepted"
		case x < 0.75:
			d.status = "rejected"
		case x < 0.8:
			d.status = "deprecated"
		default:
			d.status = "accepted"
		}
		if i > 3 && g.chance(0.12) {
			d.supersedes = 1 + g.r.IntN(i)
			g.decisions[d.supersedes-1].status = "superseded"
		}
		if i >= n-3 {
			d.status = "proposed"
		}
		g.decisions = append(g.decisions, d)
	}
	for _, d := range g.decisions {
		var fm strings.Builder
		fmt.Fprintf(&fm, "status: %s\ndate: %s\n", d.status, d.date.Format(time.DateOnly))
		makers := g.somePeople(1 + g.r.IntN(3))
		fmt.Fprintf(&fm, "decision-makers: %s\nconsulted: %s\ninformed: [everyone]\n", yamlList(makers), yamlList(g.somePeople(g.r.IntN(3))))
		if d.supersedes > 0 {
			fmt.Fprintf(&fm, "supersedes: [\"%04d\"]\n", d.supersedes)
		}
		if d.status == "proposed" {
			fmt.Fprintf(&fm, "respond-by: %s\n", g.now.AddDate(0, 0, 3+g.r.IntN(14)).Format(time.DateOnly))
		}
		fmt.Fprintf(&fm, "tags: %s\n", yamlList(g.tags()))
		options := []string{g.title(3), g.title(3), g.title(2)}
		body := fmt.Sprintf(`# %s

## Context and Problem Statement

%s

%s

## Decision Drivers

- %s
- %s

## Considered Options

- %s
- %s
- %s

## Decision Outcome

Chosen option: %q, because %s

### Consequences

- Good, because %s
- Bad, because %s
`, d.title, g.paragraph(2, 5), g.paragraph(1, 4), g.sentence(), g.sentence(), options[0], options[1], options[2], options[0], lower(g.sentence()), lower(g.sentence()), lower(g.sentence()))
		g.add(fmt.Sprintf("decisions/%04d-%s.md", d.number, d.slug), "---\n"+fm.String()+"---\n"+body)
	}
}

func lower(s string) string { return strings.ToLower(s[:1]) + s[1:] }

func (g *gen) somePeople(n int) []string {
	var out []string
	for range n {
		id := g.people[g.r.IntN(len(g.people))].id
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func (g *gen) decisionLink(from string) string {
	d := g.decisions[g.r.IntN(len(g.decisions))]
	return fmt.Sprintf("[ADR-%04d](%sdecisions/%04d-%s.md)", d.number, from, d.number, d.slug)
}

// Handbook shapes: half the pages in flat folders of up to flatSize
// pages without index files (as a docs folder dropped into a repository
// is), the other half in sections with index files that hold nested
// sections, with and without index files of their own.
const flatSize = 250

func (g *gen) makePages(n int) {
	used := map[string]bool{}
	// unique returns a path in dir for a new file named after title.
	unique := func(dir, title string) string {
		s := slug(title)
		for used[dir+"/"+s] {
			s += "-x"
		}
		used[dir+"/"+s] = true
		return dir + "/" + s
	}
	add := func(dir string, index bool, words int) string {
		title := g.title(words)
		p := unique(dir, title)
		if index {
			g.pages = append(g.pages, page{path: p + "/_index.md", title: title})
			return p
		}
		g.pages = append(g.pages, page{path: p + ".md", title: title})
		return p
	}
	flat := n / 2
	for left := flat; left > 0; {
		dir := unique("handbook", g.title(1)) // no index file
		for range min(left, flatSize) {
			add(dir, false, 2+g.r.IntN(2))
			left--
		}
	}
	// The rest: top-level sections of about forty pages, each with
	// three folders below it: one with an index file, one without, and
	// one without whose pages sit one level deeper still.
	rest := n - flat
	var dirs []string
	for rest > 0 {
		top := add("handbook", true, 1)
		indexed := add(top, true, 1)
		rest -= 2
		deeper := unique(unique(top, g.title(1)), g.title(1))
		dirs = append(dirs[:0], top, indexed, unique(top, g.title(1)), deeper)
		k := max(0, min(rest, 38))
		for i := range k {
			add(dirs[i%len(dirs)], false, 2+g.r.IntN(2))
		}
		rest -= k
	}
	for i, p := range g.pages {
		path := p.path
		from := strings.Repeat("../", strings.Count(path, "/"))
		owner := g.teams[i%len(g.teams)].id
		if g.chance(0.5) {
			owner = g.people[g.r.IntN(len(g.people))].id
		}
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %s\ndescription: %s\nweight: %d\nowner: %s\nreviewed: %s\nreview_every: 6 months\ntags: %s\n---\n",
			p.title, strings.TrimSuffix(g.sentence(), "."), 10*(i%9), owner, g.now.AddDate(0, -g.r.IntN(12), -g.r.IntN(28)).Format(time.DateOnly), yamlList(g.tags()))
		b.WriteString(g.paragraph(2, 4) + "\n")
		for range 2 + g.r.IntN(5) {
			fmt.Fprintf(&b, "\n## %s\n\n%s\n", g.title(2+g.r.IntN(2)), g.paragraph(2, 6))
			if g.chance(0.5) {
				fmt.Fprintf(&b, "\n- %s\n- %s\n- %s\n", g.sentence(), g.sentence(), g.sentence())
			}
			if g.chance(0.3) {
				fmt.Fprintf(&b, "\nSee %s.\n", g.decisionLink(from))
			}
			if g.chance(0.3) {
				o := g.pages[g.r.IntN(len(g.pages))]
				fmt.Fprintf(&b, "\nRead [%s](%s%s) too.\n", o.title, from, o.path)
			}
			if g.chance(0.15) {
				b.WriteString(g.table())
			}
		}
		g.add(path, b.String())
	}
}

func (g *gen) table() string {
	var b strings.Builder
	b.WriteString("\n| " + g.pick(domain) + " | before | after |\n|---|---:|---:|\n")
	for range 2 + g.r.IntN(4) {
		fmt.Fprintf(&b, "| %s | %d | %d |\n", g.word(), g.r.IntN(1000), g.r.IntN(1000))
	}
	return b.String()
}

func (g *gen) code() string {
	lang := g.pick(languages)
	var b strings.Builder
	b.WriteString("\n```" + lang + "\n")
	for range 2 + g.r.IntN(6) {
		switch lang {
		case "go":
			fmt.Fprintf(&b, "if err := %s.%s(ctx, %s); err != nil {\n\treturn fmt.Errorf(\"%s: %%w\", err)\n}\n", g.word(), strings.ToUpper(g.word()[:1])+g.word(), g.word(), g.word())
		case "sql":
			fmt.Fprintf(&b, "SELECT %s, count(*) FROM %s WHERE %s > %d GROUP BY 1;\n", g.word(), g.pick(domain), g.word(), g.r.IntN(100))
		case "bash":
			fmt.Fprintf(&b, "kubectl -n %s rollout restart deploy/%s\n", g.pick(domain), g.pick(domain))
		default:
			fmt.Fprintf(&b, "%s: %d\n", g.word(), g.r.IntN(1000))
		}
	}
	b.WriteString("```\n")
	return b.String()
}

func (g *gen) makeUpdates(n int) {
	span := 365 * 24 * time.Hour
	for i := range n {
		p := g.people[i%len(g.people)]
		// Each person posts about weekly; spread their updates over the year.
		date := g.now.Add(-time.Duration(float64(span) * float64(i) / float64(max(1, n)))).Truncate(24 * time.Hour)
		title := g.title(2+g.r.IntN(3)) + " " + g.pick([]string{"done", "shipped", "at risk", "in review", "half way", "blocked", "measured", "planned"})
		if g.chance(0.3) {
			title += fmt.Sprintf(", %s at %d ms", g.pick([]string{"p95", "p99", "median"}), 50+g.r.IntN(900))
		}
		name := fmt.Sprintf("%s-%s-%s", date.Format(time.DateOnly), p.id, slug(title))
		if len(name) > 80 {
			name = strings.TrimSuffix(name[:80], "-")
		}
		name = fmt.Sprintf("%s-%d", name, i)
		status := "on-track"
		switch x := g.r.Float64(); {
		case x < 0.1:
			status = "off-track"
		case x < 0.3:
			status = "at-risk"
		}
		var fm strings.Builder
		fmt.Fprintf(&fm, "---\ntitle: %q\nauthor: %s\ndate: %s\nstatus: %s\ntags: %s\n", title, p.id, date.Format(time.DateOnly), status, yamlList(g.tags()))
		// Report on one of the team's objectives of the quarter.
		q := int(date.Month()-1)/3 + 1
		for _, o := range g.objectives {
			if o.team == p.team && o.quarter == q && date.Year() == 2026 && g.chance(0.7) {
				kr := o.krs[g.r.IntN(len(o.krs))]
				frac := float64(date.YearDay()-(q-1)*91) / 91
				v := kr.start + (kr.target-kr.start)*min(1, max(0, frac*(0.6+g.r.Float64()*0.6)))
				fmt.Fprintf(&fm, "objectives: [%s]\nprogress:\n  %s/%s: %d\n", o.id, o.id, kr.id, int(v))
				break
			}
		}
		blocker := "None."
		if status != "on-track" {
			other := g.people[g.r.IntN(len(g.people))]
			// Written where `handbook new update` puts it: the body's
			// Blockers section is the one source of an update's blockers.
			blocker = fmt.Sprintf("Waiting on @%s for %s %s.", other.id, g.word(), g.pick(domain))
		}
		fm.WriteString("---\n")
		var b strings.Builder
		b.WriteString(fm.String())
		b.WriteString("## Done\n\n")
		for range 2 + g.r.IntN(4) {
			fmt.Fprintf(&b, "- %s\n", wrapItem(g.sentence()+" "+g.sentence()))
		}
		if g.chance(0.25) {
			b.WriteString(g.code())
		}
		if g.chance(0.15) {
			b.WriteString(g.table())
		}
		if g.chance(0.25) {
			fmt.Fprintf(&b, "\nFollowing %s.\n", g.decisionLink("../"))
		}
		if g.chance(0.1) && len(g.pages) > 0 {
			o := g.pages[g.r.IntN(len(g.pages))]
			fmt.Fprintf(&b, "\nAs [the handbook](../%s) says.\n", o.path)
		}
		if g.chance(0.15) && len(g.updates) > 0 {
			fmt.Fprintf(&b, "\nSee [the earlier update](%s.md).\n", g.updates[g.r.IntN(len(g.updates))])
		}
		b.WriteString("\n## Next\n\n")
		for range 1 + g.r.IntN(3) {
			fmt.Fprintf(&b, "- %s\n", wrapItem(g.sentence()))
		}
		b.WriteString("\n## Blockers\n\n- " + blocker + "\n")
		g.updates = append(g.updates, name)
		g.add("updates/"+name+".md", b.String())
	}
}

func wrapItem(s string) string { return strings.ReplaceAll(wrap(s), "\n", "\n  ") }
