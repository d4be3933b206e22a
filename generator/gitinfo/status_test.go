package gitinfo_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handbook/handbook/generator"
	"github.com/handbook/handbook/generator/gitinfo"
	"github.com/handbook/handbook/generator/gitinfo/gittest"
)

// TestStatusHistory records a decision's and an objective's statuses over
// four commits and checks the events the site shows for them.
func TestStatusHistory(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	days := []time.Time{
		time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC),
		time.Date(2026, 11, 9, 9, 0, 0, 0, time.UTC),
		time.Date(2026, 11, 16, 23, 30, 0, 0, time.UTC), // the 17th in Berlin
		time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC),
	}
	decision := func(status, body string) string {
		return "---\nstatus: " + status + "\ndate: 2026-11-02\n---\n# Weekly demo\n\n" + body + "\n"
	}
	objective := func(status string) string {
		return "+++\ntitle = \"Calm\"\nperiod = \"2026-Q4\"\nstatus = \"" + status + "\"\n+++\n"
	}
	r.Write(map[string]string{
		"content/site.toml":                     "timezone = \"Europe/Berlin\"\n",
		"content/decisions/0001-weekly demo.md": decision("proposed", "Should we?"),
		"content/decisions/0002-stable.md":      "---\nstatus: accepted\ndate: 2026-01-05\nhistory: [{date: 2025-12-01, status: proposed}, {date: 2026-01-05, status: accepted}]\n---\n# Stable\n",
		"content/objectives/calm.md":            objective("on track"),
		"content/updates/2026-11-02-x.md":       "---\nauthor: nobody\ndate: 2026-11-02\nstatus: off-track\n---\n",
	})
	r.Remove("content/updates/2026-11-02-x.md")
	r.Commit("Ana <ana@example.com>", days[0], "propose")
	r.Write(map[string]string{
		"content/decisions/0001-weekly demo.md": decision("proposed", "Should we? Yes."),
		"content/handbook/guide.md":             "# Guide\n",
	})
	r.Commit("Ana <ana@example.com>", days[1], "edit the text only; write a page")
	r.Write(map[string]string{
		"content/decisions/0001-weekly demo.md": decision("accepted", "Should we? Yes."),
		"content/objectives/calm.md":            objective("at-risk"),
	})
	r.Commit("Kofi <kofi@example.com>", days[2], "accept")
	r.Write(map[string]string{
		"content/decisions/0002-stable.md": "---\nstatus: accepted\ndate: 2026-01-05\nhistory: [{date: 2025-12-01, status: proposed}, {date: 2026-01-05, status: accepted}]\n---\n# Stable\n\nReworded.\n",
		"content/handbook/guide.md":        "# Guide\n\nMore.\n",
	})
	r.Commit("Kofi <kofi@example.com>", days[3], "reword")

	content := filepath.Join(r.Dir, "content")
	h := gitinfo.Read(context.Background(), content)
	if h.Err != nil {
		t.Fatal(h.Err)
	}
	var got []string
	for _, p := range []string{"decisions/0001-weekly demo.md", "decisions/0002-stable.md", "objectives/calm.md"} {
		for _, rev := range h.Statuses[p] {
			got = append(got, p+" "+rev.Date.Format("01-02T15:04")+" "+rev.Status)
		}
	}
	want := []string{
		"decisions/0001-weekly demo.md 11-02T09:00 proposed",
		"decisions/0001-weekly demo.md 11-09T09:00 proposed",
		"decisions/0001-weekly demo.md 11-16T23:30 accepted",
		"decisions/0002-stable.md 11-02T09:00 accepted",
		"decisions/0002-stable.md 11-20T09:00 accepted",
		"objectives/calm.md 11-02T09:00 on-track",
		"objectives/calm.md 11-16T23:30 at-risk",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("statuses from git:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	out := filepath.Join(t.TempDir(), "public")
	res, err := generator.Build(context.Background(), generator.Config{Content: content, Layouts: filepath.Join(r.Dir, "layouts"), Out: out, Now: days[3]})
	if err != nil {
		t.Fatal(err)
	}
	var events []string
	for _, e := range res.Site.Events {
		events = append(events, e.Date.Format("2006-01-02")+" "+e.Text()+" ("+e.Source.String()+")")
	}
	// The decision and the objective changed in git, in Berlin's time;
	// 0002 never did, so its front-matter history stands.
	wantEvents := []string{
		"2026-11-17 decision 0001 accepted (git)",
		"2026-11-17 objective Calm moved to at-risk (git)",
		"2026-11-02 decision 0001 proposed (git)",
		"2026-11-02 objective Calm set to on-track (git)",
		"2026-01-05 decision 0002 accepted (history)",
		"2025-12-01 decision 0002 proposed (history)",
	}
	if strings.Join(events, "\n") != strings.Join(wantEvents, "\n") {
		t.Errorf("events:\n%s\nwant:\n%s", strings.Join(events, "\n"), strings.Join(wantEvents, "\n"))
	}
	// A page is new in the week of its first commit.
	if p := res.Site.Pages[0]; p.Path != "handbook/guide.md" || !p.Created.Equal(days[1]) || p.Created.Location().String() != "Europe/Berlin" {
		t.Errorf("%s created %v", p.Path, p.Created)
	}
	digest, _ := os.ReadFile(filepath.Join(out, "digest", "2026-W46", "index.html"))
	if !strings.Contains(string(digest), `New: <a href="/handbook/guide/">Guide</a>`) {
		t.Errorf("the digest of the week the page was written does not list it as new")
	}
	page, _ := os.ReadFile(filepath.Join(out, "decisions", "0001-weekly-demo", "index.html"))
	if !strings.Contains(string(page), `id="event-2026-11-17-accepted"`) || !strings.Contains(string(page), "from git") {
		t.Errorf("the decision's page does not show its history from git")
	}
}
