package gitinfo_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handbook/handbook/generator"
	"github.com/handbook/handbook/generator/gitinfo"
	"github.com/handbook/handbook/generator/gitinfo/gittest"
	"github.com/handbook/handbook/generator/site"
)

var (
	day1 = time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)
	day2 = time.Date(2026, 11, 2, 23, 30, 0, 0, time.UTC) // 3 Nov in Berlin
)

// history makes a repository whose content folder has a page changed by
// two people, a page never committed, and a file outside content.
func history(t *testing.T) *gittest.Repo {
	r := gittest.New(t)
	r.Write(map[string]string{
		"content/site.toml":            "timezone = \"Europe/Berlin\"\nbase_url = \"https://example.com/\"\n",
		"content/people/ana.md":        "---\nname: Ana Souza\nemail: ana@example.com\n---\n",
		"content/handbook/index.md":    "# Home\n",
		"content/handbook/on call.md":  "---\nreviewed: 2026-01-05\n---\n# On call\n",
		"content/handbook/reviewed.md": "---\nreviewed: 2026-01-05\nupdated: 2026-02-01\n---\n# Reviewed\n",
		"README.md":                    "outside\n",
	})
	r.Commit("Kofi Mensah <kofi@example.com>", day1, "first")
	r.Write(map[string]string{"content/handbook/on call.md": "---\nreviewed: 2026-01-05\n---\n# On call\n\nMore.\n"})
	r.Commit("Ana S <ana@example.com>", day2, "second")
	r.Write(map[string]string{"content/handbook/new.md": "# New\n"})
	return r
}

func TestRead(t *testing.T) {
	t.Parallel()
	r := history(t)
	h := gitinfo.Read(context.Background(), filepath.Join(r.Dir, "content"))
	if h.Err != nil || h.Shallow {
		t.Fatalf("Read: err %v, shallow %v", h.Err, h.Shallow)
	}
	want := map[string]gitinfo.Change{
		"handbook/on call.md":  {Time: day2, Author: "Ana S", Email: "ana@example.com"},
		"handbook/index.md":    {Time: day1, Author: "Kofi Mensah", Email: "kofi@example.com"},
		"handbook/reviewed.md": {Time: day1, Author: "Kofi Mensah", Email: "kofi@example.com"},
		"people/ana.md":        {Time: day1, Author: "Kofi Mensah", Email: "kofi@example.com"},
	}
	if len(h.Files) != len(want) {
		t.Errorf("Read found %d files, want %d: %v", len(h.Files), len(want), h.Files)
	}
	for p, w := range want {
		if got := h.Files[p]; !got.Time.Equal(w.Time) || got.Author != w.Author || got.Email != w.Email {
			t.Errorf("Files[%q] = %+v, want %+v", p, got, w)
		}
	}
}

// TestPageDates builds the site in the repository: pages show the date
// and author of their last commit, in the site's time zone and named as
// the matching person; a page never committed keeps its front matter date.
func TestPageDates(t *testing.T) {
	t.Parallel()
	r := history(t)
	out := filepath.Join(t.TempDir(), "public")
	res, err := generator.Build(context.Background(), generator.Config{Content: filepath.Join(r.Dir, "content"), Layouts: filepath.Join(r.Dir, "layouts"), Out: out, Now: day2})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) > 0 {
		t.Errorf("diagnostics: %v", res.Diagnostics)
	}
	page, _ := os.ReadFile(filepath.Join(out, "handbook", "on-call", "index.html"))
	if want := `Changed <time datetime="2026-11-03T00:30:00&#43;01:00">3 Nov 2026</time> by Ana Souza`; !strings.Contains(string(page), want) {
		t.Errorf("the page does not say %s:\n%s", want, page)
	}
	feed, _ := os.ReadFile(filepath.Join(out, "handbook", "feed.xml"))
	if want := "<pubDate>Tue, 03 Nov 2026 00:30:00 +0100</pubDate>"; !strings.Contains(string(feed), want) {
		t.Errorf("the handbook feed has no %s:\n%s", want, feed)
	}
	got := map[string]string{}
	for _, p := range res.Site.Pages {
		got[p.Path] = p.Modified.Format("2006-01-02 15:04 MST") + " " + p.ModifiedBy + " / " + p.Date.Format("2006-01-02")
	}
	want := map[string]string{
		"handbook/on call.md":  "2026-11-03 00:30 CET Ana Souza / 2026-11-03",
		"handbook/index.md":    "2026-10-01 11:00 CEST Kofi Mensah / 2026-10-01",
		"handbook/reviewed.md": "2026-10-01 11:00 CEST Kofi Mensah / 2026-10-01",
		"handbook/new.md":      "0001-01-01 00:00 UTC  / 0001-01-01",
	}
	for p, w := range want {
		if got[p] != w {
			t.Errorf("%s: modified %q, want %q", p, got[p], w)
		}
	}
}

func TestShallowCloneWarnsAndUsesFrontMatter(t *testing.T) {
	t.Parallel()
	r := history(t)
	r.Commit("Ana S <ana@example.com>", day2, "third")
	clone := filepath.Join(t.TempDir(), "clone")
	cmd := exec.Command("git", "clone", "-q", "--depth", "1", "file://"+r.Dir, clone)
	cmd.Env = gittest.Env()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git clone: %v\n%s", err, out)
	}
	content := filepath.Join(clone, "content")
	res, err := generator.Build(context.Background(), generator.Config{Content: content, Layouts: filepath.Join(clone, "layouts"), Out: filepath.Join(t.TempDir(), "public"), Now: day2})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) != 1 || res.Diagnostics[0].Pos.File != content || !strings.Contains(res.Diagnostics[0].Msg, "shallow") {
		t.Fatalf("want one warning about the shallow clone, got %v", res.Diagnostics)
	}
	for _, p := range res.Site.Pages {
		want := map[string]string{"handbook/reviewed.md": "2026-02-01", "handbook/on call.md": "2026-01-05"}[p.Path]
		if p.ModifiedBy != "" || want != "" && p.Date.Format("2006-01-02") != want {
			t.Errorf("%s: date %s by %q in a shallow clone, want %s from front matter", p.Path, p.Date.Format("2006-01-02"), p.ModifiedBy, want)
		}
	}
}

func TestNoRepository(t *testing.T) {
	t.Parallel()
	h := gitinfo.Read(context.Background(), t.TempDir())
	if !errors.Is(h.Err, gitinfo.ErrNotRepository) && !errors.Is(h.Err, gitinfo.ErrNoGit) {
		t.Fatalf("Read outside a repository: %v", h.Err)
	}
	if d := h.Apply(&site.Content{}, "content"); len(d) != 0 {
		t.Errorf("Apply outside a repository warns: %v", d)
	}
}

func TestNoCommitsYet(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	r.Write(map[string]string{"content/handbook/index.md": "# Home\n"})
	h := gitinfo.Read(context.Background(), filepath.Join(r.Dir, "content"))
	if h.Err != nil || h.Shallow || len(h.Files) != 0 {
		t.Fatalf("Read before the first commit: %+v", h)
	}
	if d := h.Apply(&site.Content{}, "content"); len(d) != 0 {
		t.Errorf("Apply before the first commit warns: %v", d)
	}
}

// TestNoGit runs without git on the PATH: no history and no warning, and
// the site still builds. Not parallel: it changes the environment.
func TestNoGit(t *testing.T) {
	r := history(t)
	t.Setenv("PATH", t.TempDir())
	content := filepath.Join(r.Dir, "content")
	h := gitinfo.Read(context.Background(), content)
	if !errors.Is(h.Err, gitinfo.ErrNoGit) {
		t.Fatalf("Read without git: %v, want ErrNoGit", h.Err)
	}
	res, err := generator.Build(context.Background(), generator.Config{Content: content, Layouts: filepath.Join(r.Dir, "layouts"), Out: filepath.Join(t.TempDir(), "public"), Now: day2})
	if err != nil || len(res.Diagnostics) != 0 {
		t.Fatalf("Build without git: %v %v", err, res.Diagnostics)
	}
	if _, _, err := gitinfo.Snapshot(context.Background(), content, "main"); !errors.Is(err, gitinfo.ErrNoGit) {
		t.Errorf("Snapshot without git: %v, want ErrNoGit", err)
	}
}
