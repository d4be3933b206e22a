package scaffold

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/handbook/handbook/generator"
	"github.com/handbook/handbook/generator/content"
	"github.com/handbook/handbook/generator/site"
)

var now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func testSite() fstest.MapFS {
	return fstest.MapFS{
		"site.toml":                   {Data: []byte("timezone = \"Europe/Berlin\"\ncadence = \"biweekly\"\n")},
		"people/ana.md":               {Data: []byte("---\nname: Ana Souza\nteam: platform\nhandle: anasouza\nemail: ana@example.com\n---\n")},
		"people/kofi.md":              {Data: []byte("---\nname: Kofi Mensah\n---\n")},
		"teams/platform.md":           {Data: []byte("---\nname: Platform\n---\n")},
		"decisions/0007-x.md":         {Data: []byte("# X\n")},
		"decisions/old/0012-y.md":     {Data: []byte("# Y\n")},
		"decisions/README.md":         {Data: []byte("# Decisions\n")},
		"updates/2026-11-20-ana-x.md": {Data: []byte("not even front matter: ---\n")},
	}
}

func TestNewPaths(t *testing.T) {
	t.Parallel()
	tests := []struct {
		req  Request
		path string
	}{
		{Request{Kind: site.KindUpdate, Author: "ana"}, "updates/2026-11-25-ana.md"},
		{Request{Kind: site.KindUpdate, Title: "Batched writes: shipped!", Email: "ANA@example.com"}, "updates/2026-11-25-ana-batched-writes-shipped.md"},
		{Request{Kind: site.KindUpdate, Title: "x", Email: "1234+AnaSouza@users.noreply.github.com"}, "updates/2026-11-25-ana-x.md"},
		{Request{Kind: site.KindUpdate, Title: "x", Name: "Kofi Mensah"}, "updates/2026-11-25-kofi-x.md"},
		{Request{Kind: site.KindDecision, Title: "Use Go", Author: "@anasouza"}, "decisions/0013-use-go.md"},
		{Request{Kind: site.KindObjective, Title: "Calm on-call"}, "objectives/calm-on-call.md"},
		{Request{Kind: site.KindPage, Title: "Über uns"}, "handbook/über-uns.md"},
		{Request{Kind: site.KindPerson, Title: "Zoe Park"}, "people/zoe-park.md"},
		{Request{Kind: site.KindTeam, Title: "Data & ML"}, "teams/data-ml.md"},
	}
	for _, tt := range tests {
		tt.req.Now = now
		doc, err := New(testSite(), tt.req)
		if err != nil {
			t.Errorf("New(%+v): %v", tt.req, err)
			continue
		}
		if doc.Path != tt.path {
			t.Errorf("New(%+v).Path = %q, want %q", tt.req, doc.Path, tt.path)
		}
	}
}

// TestNewPageFolder checks where a page goes in handbook/: into the
// folder asked for, with the next number when every page and section
// there has one, as Docusaurus orders a folder, and without one where
// some name has none.
func TestNewPageFolder(t *testing.T) {
	t.Parallel()
	fsys := testSite()
	for p, data := range map[string]string{
		"handbook/ops/01-intro.md":                 "# Intro\n",
		"handbook/ops/02-deploys/0003-rollback.md": "# Rollback\n",
		"handbook/ops/09-alerts.markdown":          "# Alerts\n",
		"handbook/ops/index.md":                    "# Ops\n",
		"handbook/ops/_category_.json":             "{}",
		"handbook/ops/img/diagram.png":             "png",
		"handbook/ops/02-deploys/0007-canary.md":   "# Canary\n",
		"handbook/people/about.md":                 "# About\n",
		"handbook/people/90-day-review.md":         "# 90-day review\n",
		"handbook/ops/.notes.md":                   "not read: hidden",
		"handbook/ops/.trash/old.md":               "not read: hidden",
		"handbook/big/999-last.md":                 "# Last\n",
	} {
		fsys[p] = &fstest.MapFile{Data: []byte(data)}
	}
	for _, tt := range []struct{ folder, path string }{
		{"", "handbook/on-call.md"},
		{"ops", "handbook/ops/10-on-call.md"},
		{"handbook/ops/", "handbook/ops/10-on-call.md"},
		{"ops/02-deploys", "handbook/ops/02-deploys/0008-on-call.md"},
		{"people", "handbook/people/on-call.md"}, // about.md has no number
		{"new/folder", "handbook/new/folder/on-call.md"},
		{"handbook/handbook", "handbook/handbook/on-call.md"},
		// Past three digits a number starts with a zero, or it is not one.
		{"big", "handbook/big/01000-on-call.md"},
	} {
		doc, err := New(fsys, Request{Kind: site.KindPage, Title: "On call", Folder: tt.folder, Now: now})
		if err != nil {
			t.Errorf("folder %q: %v", tt.folder, err)
			continue
		}
		if doc.Path != tt.path {
			t.Errorf("folder %q: Path = %q, want %q", tt.folder, doc.Path, tt.path)
		}
	}
	for _, tt := range []struct{ folder, title string }{
		{"../people", "On call"}, {"ops/../../x", "On call"}, {"/etc", "On call"}, {`C:\Users\x`, "On call"},
		{".drafts", "On call"}, {"ops/.hidden", "On call"},
		// A name that starts with a digit cannot take a number.
		{"ops", "90-day review"},
	} {
		var e *Error
		if _, err := New(fsys, Request{Kind: site.KindPage, Title: tt.title, Folder: tt.folder, Now: now}); !errors.As(err, &e) {
			t.Errorf("folder %q, title %q: err = %v, want an *Error", tt.folder, tt.title, err)
		}
	}
}

func TestNewErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		req  Request
		want string
	}{
		{Request{Kind: site.KindUpdate, Email: "who@example.com", Name: "Who"}, "match no person"},
		{Request{Kind: site.KindUpdate, Author: "anna"}, `unknown author "anna" (did you mean "ana"?)`},
		{Request{Kind: site.KindDecision, Author: "ana"}, "needs a title"},
		{Request{Kind: site.KindPage, Title: "!!!"}, "no letters or digits"},
		{Request{Kind: site.KindTeam, Title: "X", Team: "platfrom"}, `unknown team "platfrom" (did you mean "platform"?)`},
	}
	for _, tt := range tests {
		tt.req.Now = now
		_, err := New(testSite(), tt.req)
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("New(%+v) = %v, want an *Error containing %q", tt.req, err, tt.want)
		}
	}
}

// TestNewDocumentsBuild writes one document of each kind into a site and
// builds it: each must load without a problem and say what it was asked.
func TestNewDocumentsBuild(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, f := range testSite() {
		if strings.HasPrefix(name, "updates/") {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	title := `Shipped: 100% of "it" # really`
	for _, k := range site.Kinds {
		doc, err := New(os.DirFS(dir), Request{Kind: k, Title: title + " " + k.String(), Author: "ana", Team: "platform", Now: now})
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, filepath.FromSlash(doc.Path))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, doc.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := generator.Build(context.Background(), generator.Config{Content: dir, Layouts: filepath.Join(dir, "none"), Out: filepath.Join(t.TempDir(), "public"), Now: now})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	// The only problem of a new document is the template text left to
	// replace, which every kind has: content.Placeholders knows what
	// this package writes.
	flagged := map[string]bool{}
	for _, d := range res.Diagnostics {
		if !strings.Contains(d.Pos.File, "shipped") {
			continue
		}
		if !strings.Contains(d.Msg, "template text from handbook new is still here") {
			t.Errorf("a new document has a problem: %s", d)
		}
		flagged[filepath.Base(filepath.Dir(d.Pos.File))] = true
	}
	for _, k := range site.Kinds {
		if !flagged[k.Folder()] {
			t.Errorf("the template text of a new %s is not flagged", k)
		}
	}
	for kind, texts := range content.Placeholders {
		for _, text := range texts {
			found := false
			for _, d := range res.Diagnostics {
				found = found || strings.Contains(d.Msg, strconv.Quote(strings.ReplaceAll(text, "%s", "…")))
			}
			if !found {
				t.Errorf("placeholder %q of %s is not written by New", text, kind)
			}
		}
	}
	s := res.Site
	if len(s.Updates) != 1 || s.Updates[0].Title != title+" update" || s.Updates[0].Author.ID != "ana" || s.Updates[0].Status != site.OnTrack {
		t.Errorf("update: %+v", s.Updates[0].Doc)
	}
	var d *site.Decision
	for _, x := range s.Decisions {
		if x.Number == 13 {
			d = x
		}
	}
	// The title is the record's first heading, so Markdown's typographic
	// quotes apply to it.
	if d == nil || d.Title != "Shipped: 100% of “it” # really decision" || d.Status != site.Proposed || d.RespondBy.Format("2006-01-02") != "2026-12-09" || len(d.DecisionMakers) != 1 || d.DecisionMakers[0].Person == nil {
		t.Fatalf("decision 0013: %q %q %v", d.Title, d.Status, d.DecisionMakers)
	}
	var headings []string
	for _, h := range d.Headings {
		headings = append(headings, h.Text)
	}
	for _, h := range []string{"Context and Problem Statement", "Considered Options", "Decision Outcome", "Consequences", "Pros and Cons of the Options"} {
		if !slices.Contains(headings, h) {
			t.Errorf("decision has no %q section", h)
		}
	}
	if o := s.Objectives[0]; o.Title != title+" objective" || o.Period.Name != "2026-Q4" || o.Team == nil || len(o.KeyResults) != 1 {
		t.Errorf("objective: %+v", o)
	}
	var page *site.Page
	for _, p := range s.Pages {
		if strings.HasSuffix(p.Title, " page") {
			page = p
		}
	}
	if page == nil || page.Title != title+" page" || page.Owner.Person == nil || page.ReviewDue.IsZero() {
		t.Errorf("page: %+v", page)
	}
	var zoe *site.Person
	for _, p := range s.People {
		if p.Name == title+" person" {
			zoe = p
		}
	}
	if zoe == nil || zoe.Team == nil || zoe.Location == nil || zoe.Location.String() != "Europe/Berlin" {
		t.Errorf("person: %+v", zoe)
	}
	var team *site.Team
	for _, x := range s.Teams {
		if x.Name == title+" team" {
			team = x
		}
	}
	if team == nil || team.LeadRef.Person == nil || team.Cadence != site.Biweekly {
		t.Errorf("team: %+v", team)
	}
}

func TestNextDecision(t *testing.T) {
	t.Parallel()
	if n, err := NextDecision(testSite()); n != 13 || err != nil {
		t.Errorf("NextDecision = %d, %v; want 13", n, err)
	}
	if n, err := NextDecision(fstest.MapFS{}); n != 1 || err != nil {
		t.Errorf("NextDecision of an empty site = %d, %v; want 1", n, err)
	}
}

func TestSlug(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Use PostgreSQL for the ledger", "use-postgresql-for-the-ledger"},
		{"  Café — déjà vu  ", "café-déjà-vu"},
		{strings.Repeat("word ", 30), strings.TrimSuffix(strings.Repeat("word-", 12), "-")},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestYAMLString(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Plain title", "Plain title"},
		{"Shipped: it", `"Shipped: it"`},
		{"- dash", `"- dash"`},
		{"yes", `"yes"`},
		{"2026-11-25", `"2026-11-25"`},
		{"42", `"42"`},
		{`say "hi" <b>`, `"say \"hi\" <b>"`},
		{"a # comment", `"a # comment"`},
	}
	for _, tt := range tests {
		if got := yamlString(tt.in); got != tt.want {
			t.Errorf("yamlString(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// A check-in written on Friday morning in Tokyo, when it is still
// Thursday in the site's zone (Los Angeles), is dated Friday and counts
// for Friday on a daily team's board.
func TestTokyoFridayCheckIn(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]string{
		"site.toml":          "timezone = \"America/Los_Angeles\"\nbase_url = \"https://example.com/\"\n",
		"teams/core.md":      "---\nname: Core\ncadence: daily\n---\n",
		"people/mei.md":      "---\nname: Mei Tanaka\nteam: core\ntimezone: Asia/Tokyo\njoined: 2026-01-01\n---\n",
		"people/sam.md":      "---\nname: Sam Lee\nteam: core\njoined: 2026-01-01\n---\n",
		"handbook/_index.md": "# Handbook\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Skip("no time zone database")
	}
	friday := time.Date(2026, 12, 4, 9, 0, 0, 0, tokyo) // Thursday 16:00 in Los Angeles
	doc, err := New(os.DirFS(dir), Request{Kind: site.KindUpdate, Author: "mei", Now: friday})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Path != "updates/2026-12-04-mei.md" || !strings.Contains(string(doc.Data), "date: 2026-12-04\n") {
		t.Fatalf("New dated Mei's Friday check-in %s:\n%s", doc.Path, doc.Data)
	}
	p := filepath.Join(dir, filepath.FromSlash(doc.Path))
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, doc.Data, 0o644); err != nil {
		t.Fatal(err)
	}
	// Friday evening in Tokyo: Mei's Friday window, posted on time.
	now := time.Date(2026, 12, 4, 20, 0, 0, 0, tokyo)
	res, err := generator.Build(context.Background(), generator.Config{Content: dir, Layouts: filepath.Join(dir, "none"), Out: filepath.Join(t.TempDir(), "public"), Now: now})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	s := res.Site
	var mei *site.Person
	for _, x := range s.People {
		if x.ID == "mei" {
			mei = x
		}
	}
	c := s.CheckInAt(mei, now)
	if c.Record != site.OnTime || c.Update == nil || c.DueDay().Weekday() != time.Friday || c.DueDay().Day() != 4 {
		t.Errorf("Mei's check-in on Friday evening in Tokyo: %v, due %v, update %v; want on time for Friday 4 December", c.Record, c.DueDay(), c.Update)
	}
	// It does not count for Thursday.
	if th := s.CheckInAt(mei, now.AddDate(0, 0, -1)); th.Update != nil || th.DueDay().Day() != 3 {
		t.Errorf("Mei's Thursday window (due %v) has update %v, want none", th.DueDay(), th.Update)
	}
}
