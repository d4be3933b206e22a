package search

import (
	"cmp"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/handbook/handbook/generator/site"
)

// Field weights outside the title (see score): a match in a heading
// counts as three in the body.
const (
	weightHeading = 3
	weightMeta    = 2
	weightBody    = 1
)

// gap separates fields and sections in the position stream, so that a
// phrase never spans a heading and the text before it.
const gap = 8

// fieldAlign is the step at which each field (the title, each piece of
// metadata, each heading and each section's text) starts in the position
// stream. A field's positions so depend on the lengths of the fields
// before it only in steps of fieldAlign: an edit that adds or removes
// words in one field seldom moves the words of the next, and changes the
// postings, and the sections of the index (see reuse.go), of its own
// words alone. Larger positions cost little: they are stored as gaps.
const fieldAlign = 64

// fieldStart returns the first position at or after pos where a field
// may start.
func fieldStart(pos uint32) uint32 {
	return (pos + fieldAlign - 1) &^ (fieldAlign - 1)
}

// entry is one document as the index sees it.
type entry struct {
	doc     *site.Doc
	kind    site.Kind
	date    time.Time
	team    string   // team id, for the team facet
	authors []string // person ids, for the author facet
	status  string
	byline  []string // shown under the result's title; the date is apart
	// meta holds names, tags and numbers, indexed with weightMeta, each
	// string a field of its own (see analyse): editing one, such as an
	// update's blockers, moves no word of the others.
	meta []string
	// titleExtra is indexed as part of the title: a decision's number.
	titleExtra string
	// sort orders updates by team, author and date, so that facet
	// postings are runs of consecutive numbers and compress to little.
	sort []string
}

// collect lists every document of s in index order.
func collect(s *site.Site) []*entry {
	var out []*entry
	add := func(e *entry) { out = append(out, e) }

	for _, p := range s.Pages {
		e := &entry{doc: &p.Doc, kind: site.KindPage, date: p.Date}
		if pr := p.Owner.Person; pr != nil {
			e.authors = []string{pr.ID}
			e.team = pr.TeamID
		} else if t := p.Owner.Team; t != nil {
			e.team = t.ID
		}
		e.byline = nonEmpty("Handbook", p.Owner.Label())
		e.meta = []string{p.Description, join(p.Owner.Label(), p.Owner.Name)}
		add(e)
	}
	for _, u := range s.Updates {
		e := &entry{doc: &u.Doc, kind: site.KindUpdate, date: u.Date, team: u.TeamID, status: string(u.Status)}
		e.authors = []string{u.AuthorID}
		author, team := u.AuthorID, u.TeamID
		var names string
		if u.Author != nil {
			author = u.Author.Name
			names = join(u.Author.Name, u.Author.ID, u.Author.Handle)
		}
		if u.Team != nil {
			team = u.Team.Name
			names = join(names, u.Team.Name, u.Team.ID)
		}
		e.byline = nonEmpty(author, team)
		if u.Status != "" {
			e.byline = append(e.byline, u.Status.Label())
		}
		var objectives []string
		for _, o := range u.ObjectiveRefs {
			objectives = append(objectives, o.Title)
		}
		e.meta = []string{names, strings.Join(objectives, "\n"), strings.Join(u.Blockers, "\n")}
		e.sort = []string{u.TeamID, u.AuthorID, strconv.FormatInt(-u.Date.Unix(), 36)}
		add(e)
	}
	for _, d := range s.Decisions {
		e := &entry{doc: &d.Doc, kind: site.KindDecision, date: d.Date, status: d.Status}
		var names []string
		for _, r := range d.DecisionMakers {
			if r.Person != nil {
				e.authors = append(e.authors, r.Person.ID)
			}
			names = append(names, r.Label())
		}
		number := ""
		if d.Number > 0 {
			number = strconv.Itoa(d.Number)
			// "0007", "7" and "ADR-0007" all find decision 7 first.
			e.titleExtra = "ADR " + d.ID[:max(0, strings.IndexByte(d.ID, '-'))] + " ADR " + number
		}
		e.meta = []string{strings.Join(names, "\n")}
		e.byline = nonEmpty("Decision "+number, d.Status)
		if number == "" {
			e.byline = nonEmpty("Decision", d.Status)
		}
		add(e)
	}
	for _, o := range s.Objectives {
		e := &entry{doc: &o.Doc, kind: site.KindObjective, team: o.TeamID, status: string(o.Status)}
		if p := o.OwnerRef.Person; p != nil {
			e.authors = []string{p.ID}
		}
		team, teamName := o.TeamID, ""
		if o.Team != nil {
			team, teamName = o.Team.Name, o.Team.Name
		}
		var krs []string
		for _, kr := range o.KeyResults {
			krs = append(krs, kr.Title)
		}
		e.meta = []string{join(teamName, o.OwnerRef.Label(), o.Period.Name), strings.Join(krs, "\n")}
		e.byline = nonEmpty("Objective", o.Period.Name, team)
		if o.Status != "" {
			e.byline = append(e.byline, o.Status.Label())
		}
		add(e)
	}
	for _, p := range s.People {
		e := &entry{doc: &p.Doc, kind: site.KindPerson, team: p.TeamID}
		team := p.TeamID
		if p.Team != nil {
			team = p.Team.Name
		}
		e.meta = []string{join(p.ID, p.Handle, p.Role, team, p.Timezone)}
		e.byline = nonEmpty("Person", p.Role, team)
		add(e)
	}
	for _, t := range s.Teams {
		e := &entry{doc: &t.Doc, kind: site.KindTeam, team: t.ID}
		var names []string
		for _, m := range t.Members {
			names = append(names, m.Name)
		}
		e.meta = []string{join(t.ID, strings.Join(names, "\n"))}
		e.byline = nonEmpty("Team", plural(len(t.Members), "member", "members"))
		add(e)
	}
	for _, e := range out {
		e.meta = append(e.meta, strings.Join(e.doc.Tags, "\n"), slugWords(e.doc.Path))
	}
	// Paths are unique, so the order is total and need not be stable: a
	// stable sort took 0.19 s of an edit's build at 100,000 documents.
	slices.SortFunc(out, func(a, b *entry) int {
		// Not cmp.Or, which compares all three every time.
		if c := cmp.Compare(a.kind, b.kind); c != 0 {
			return c
		}
		if c := slices.Compare(a.sort, b.sort); c != 0 {
			return c
		}
		return cmp.Compare(a.doc.Path, b.doc.Path)
	})
	return out
}

// slugWords returns the words of a document's file name, which its
// author chose to say what it is about ("time-off.md", "faster-sync.md"):
// without the extension, a date or number in front, and for a folder's
// index file, the folder's name.
func slugWords(p string) string {
	p = strings.TrimSuffix(p, path.Ext(p))
	base := path.Base(p)
	if base == "_index" || base == "index" || strings.EqualFold(base, "readme") {
		base = path.Base(path.Dir(p))
	}
	if len(base) > 11 && base[4] == '-' && base[7] == '-' && base[10] == '-' {
		base = base[11:] // 2026-10-29-ana-hot-shard
	}
	base = strings.TrimLeft(base, "0123456789")
	return strings.TrimLeft(base, "-_")
}

func join(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p)
	}
	return b.String()
}

func nonEmpty(parts ...string) []string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
