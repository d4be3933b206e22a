package site

import (
	"path"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/handbook/handbook/generator/diag"
)

// The helpers below build documents the way package content fills them,
// so that tests read like a small site.

func newDoc(kind Kind, rel string) Doc {
	base := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	return Doc{
		Kind:  kind,
		Path:  rel,
		File:  "content/" + rel,
		URL:   "/" + kind.Folder() + "/" + base + "/",
		Title: base,
	}
}

// field records that key was written at line 2 + i of the file, column 9.
func field(d *Doc, keys ...string) {
	for i, k := range keys {
		d.Fields += MakeFields(Field{Key: k, Line: 2 + i, Col: 9})
	}
}

func newPerson(id, name, team string) *Person {
	p := &Person{Doc: newDoc(KindPerson, "people/"+id+".md"), ID: id, Name: name, TeamID: team}
	p.Title = name
	field(&p.Doc, "name", "team")
	return p
}

func newTeam(id, name string) *Team {
	t := &Team{Doc: newDoc(KindTeam, "teams/"+id+".md"), ID: id, Name: name}
	t.Title = name
	field(&t.Doc, "name")
	return t
}

func newUpdate(rel, author string, date time.Time) *Update {
	u := &Update{Doc: newDoc(KindUpdate, "updates/"+rel+".md"), AuthorID: author}
	u.Date = date
	field(&u.Doc, "author", "date", "team", "status", "objectives", "progress")
	return u
}

func newDecision(rel, status string) *Decision {
	d := &Decision{Doc: newDoc(KindDecision, "decisions/"+rel+".md"), ID: rel, Status: status, Known: true}
	d.Number, _ = DecisionNumber(rel)
	field(&d.Doc, "status", "date", "supersedes")
	return d
}

func newObjective(id, team, period string, krs ...*KeyResult) *Objective {
	p, err := ParsePeriod(period, time.UTC)
	if err != nil {
		panic(err)
	}
	o := &Objective{Doc: newDoc(KindObjective, "objectives/"+id+".md"), ID: id, TeamID: team, Period: p, KeyResults: krs}
	field(&o.Doc, "team", "period")
	return o
}

func newPage(rel string) *Page {
	p := &Page{Doc: newDoc(KindPage, "handbook/"+rel)}
	base := strings.ToLower(path.Base(rel))
	p.Section = base == "index.md" || base == "_index.md" || base == "readme.md"
	dir := strings.TrimSuffix(strings.TrimSuffix(rel, path.Base(rel)), "/")
	switch {
	case p.Section && dir == "":
		p.URL = "/handbook/"
	case p.Section:
		p.URL = "/handbook/" + dir + "/"
	default:
		p.URL = "/handbook/" + strings.TrimSuffix(rel, path.Ext(rel)) + "/"
	}
	return p
}

// date returns midnight UTC of "2006-01-02", as content reads a date
// without a time on a site in UTC.
func date(t testing.TB, s string) time.Time {
	t.Helper()
	return day(t, s, time.UTC)
}

// noon returns 12:00 UTC on the date, a "now" well inside the day.
func noon(t testing.TB, s string) time.Time {
	t.Helper()
	return date(t, s).Add(12 * time.Hour)
}

func utcConfig() Config { return Config{Timezone: time.UTC, Cadence: Weekly} }

// build links c at now, failing the test on errors unless allowErrors.
func build(t *testing.T, c Content, opts Options) (*Site, diag.List) {
	t.Helper()
	if c.Config.Timezone == nil {
		c.Config.Timezone = time.UTC
	}
	s, diags := New(c, opts)
	return s, diags.Sort()
}

// messages returns the diagnostics as strings.
func messages(l diag.List) []string {
	var out []string
	for _, d := range l {
		out = append(out, d.String())
	}
	return out
}

func wantDiags(t *testing.T, got diag.List, want ...string) {
	t.Helper()
	if g := messages(got); !slices.Equal(g, want) {
		t.Errorf("diagnostics =\n\t%s\nwant\n\t%s", strings.Join(g, "\n\t"), strings.Join(want, "\n\t"))
	}
}

func decisionIDs(ds []*Decision) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.ID)
	}
	return out
}

func pagePaths(ps []*Page) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Path)
	}
	return out
}

func paths(docs []*Doc) []string {
	var out []string
	for _, d := range docs {
		out = append(out, d.Path)
	}
	return out
}
