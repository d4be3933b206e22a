package summary

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handbook/handbook/generator"
	"github.com/handbook/handbook/generator/gitinfo/gittest"
)

var (
	now  = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	then = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
)

const objective = `---
title: Make sync feel instant
owner: ana
period: 2026-Q4
key_results:
  - id: p95
    title: p95 latency
    start: 900
    target: 300
    unit: ms
  - id: dups
    title: Duplicates
    start: 10
    target: 0
---
`

// repo makes a repository whose main branch has a small site, and a
// branch "change" checked out on top of it.
func repo(t *testing.T) *gittest.Repo {
	r := gittest.New(t)
	r.Write(map[string]string{
		"README.md":                           "# The repository\n",
		"content/people/ana.md":               "---\nname: Ana Souza\n---\n",
		"content/people/kofi.md":              "---\nname: Kofi Mensah\n---\n",
		"content/objectives/sync.md":          objective,
		"content/updates/2026-11-01-ana-a.md": "---\ntitle: First\nauthor: ana\ndate: 2026-11-01\nprogress:\n  sync/p95: 600\n---\nDone.\n",
		"content/decisions/0001-use-go.md":    "---\nstatus: proposed\ndate: 2026-11-01\n---\n# Use Go\n",
		"content/decisions/0002-keep.md":      "---\nstatus: accepted\ndate: 2026-11-01\n---\n# Keep this\n",
		"content/handbook/index.md":           "# Home\n",
		"content/handbook/old.md":             "# Old page\n",
		"content/handbook/kept.md":            "# Kept page\n",
	})
	r.Commit("Ana Souza <ana@example.com>", then, "base")
	r.Git("checkout", "-q", "-b", "change")
	return r
}

func run(t *testing.T, r *gittest.Repo, base string) string {
	t.Helper()
	cfg := generator.Config{Content: filepath.Join(r.Dir, "content"), Layouts: filepath.Join(r.Dir, "layouts"), Now: now}
	c, err := Run(context.Background(), cfg, base)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	md := c.Markdown()
	// With a cache, empty and then filled: the same summary.
	cfg.Cache = filepath.Join(t.TempDir(), "cache")
	for _, run := range []string{"an empty cache", "the cache filled"} {
		c, err := Run(context.Background(), cfg, base)
		if err != nil {
			t.Fatalf("Run with %s: %v", run, err)
		}
		if got := c.Markdown(); got != md {
			t.Errorf("the summary with %s:\n%s\nwant what it is without:\n%s", run, got, md)
		}
	}
	return strings.ReplaceAll(md, cfg.Content+"/", "content/")
}

func TestSummary(t *testing.T) {
	t.Parallel()
	r := repo(t)
	r.Write(map[string]string{
		"content/updates/2026-11-24-ana-b.md":  "---\ntitle: \"p95 at *430* ms [done](x)\"\nauthor: ana\ndate: 2026-11-24\nstatus: at-risk\nblockers: [Waiting on kofi]\nprogress:\n  sync/p95: 430\n  sync/dups: 2\n---\nDone.\n",
		"content/updates/2026-11-25-kofi-c.md": "---\nauthor: kofi\ndate: 2026-11-25\n---\nSee [missing](nope.md).\n",
		"content/decisions/0001-use-go.md":     "---\nstatus: accepted\ndate: 2026-11-01\n---\n# Use Go\n",
		"content/decisions/0003-new.md":        "---\ntitle: Try <b>this</b>\nstatus: proposed\ndate: 2026-11-24\nrespond-by: 2026-12-08\n---\n",
		"content/handbook/new.md":              "# New page\n",
		"content/handbook/kept.md":             "# Kept page\n\nMore.\n",
		"content/handbook/img.png":             "PNG",
	})
	r.Remove("content/handbook/old.md")
	r.Commit("Ana Souza <ana@example.com>", now, "change")
	// An uncommitted change counts too: the writer has not committed yet.
	r.Write(map[string]string{"content/updates/2026-11-25-kofi-c.md": "---\nauthor: kofi\ndate: 2026-11-25\nstatus: on-trak\n---\nSee [missing](nope.md).\n"})

	got := run(t, r, "main")
	want := `## Handbook changes

### Updates

- **Update from Kofi Mensah, 25 Nov 2026** by Kofi Mensah, 25 Nov 2026
- **p95 at \*430\* ms \[done\]\(x\)** by Ana Souza, 24 Nov 2026: at risk (1 blocker)

### Decisions

- **0001 Use Go**: proposed → accepted
- **0003 Try \<b\>this\</b\>**: new, proposed, comments until 8 Dec 2026

### Objectives

- **Make sync feel instant**: p95 latency: 600 ms → 430 ms (50% → 78%); Duplicates: 10 → 2 (0% → 80%)

### Handbook pages

- **New page**: added (` + "`handbook/new.md`" + `)
- **Kept page**: changed (` + "`handbook/kept.md`" + `)
- **Old page**: removed (` + "`handbook/old.md`" + `)

### Problems in changed files

2 errors and 0 warnings; run ` + "`handbook check`" + ` for details.

- error ` + "`content/updates/2026-11-25-kofi-c.md:4:9`" + ` unknown status "on-trak" \(want on-track, at-risk, off-track\) \(did you mean "on-track"?\)
- error ` + "`content/updates/2026-11-25-kofi-c.md:6:5`" + ` link to missing file nope.md
`
	if got != want {
		t.Errorf("summary:\n%s\nwant:\n%s", got, want)
	}
}

// TestSummaryFromForkPoint checks that what main did after the branch
// forked is not reported as the branch's change.
func TestSummaryFromForkPoint(t *testing.T) {
	t.Parallel()
	r := repo(t)
	r.Git("checkout", "-q", "main")
	r.Write(map[string]string{"content/handbook/later.md": "# Later on main\n"})
	r.Commit("Kofi Mensah <kofi@example.com>", now, "main moves on")
	r.Git("checkout", "-q", "change")
	r.Write(map[string]string{"content/handbook/kept.md": "# Kept page\n\nEdited.\n"})
	r.Commit("Ana Souza <ana@example.com>", now, "edit")

	got := run(t, r, "main")
	want := "## Handbook changes\n\n### Handbook pages\n\n- **Kept page**: changed (`handbook/kept.md`)\n"
	if got != want {
		t.Errorf("summary:\n%s\nwant:\n%s", got, want)
	}
}

func TestSummaryNoChanges(t *testing.T) {
	t.Parallel()
	r := repo(t)
	if got, want := run(t, r, "main"), "## Handbook changes\n\nNo changes to the content.\n"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
}

// TestSummaryNewSite compares with a commit that had no content folder.
func TestSummaryNewSite(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	r.Write(map[string]string{"README.md": "# Empty\n"})
	r.Commit("Ana Souza <ana@example.com>", then, "empty")
	r.Git("checkout", "-q", "-b", "site")
	r.Write(map[string]string{"content/handbook/index.md": "# Home\n"})
	got := run(t, r, "main")
	if !strings.Contains(got, "- **Home**: added (`handbook/index.md`)") {
		t.Errorf("summary of a new site:\n%s", got)
	}
}

func TestSummaryErrors(t *testing.T) {
	t.Parallel()
	r := repo(t)
	cfg := generator.Config{Content: filepath.Join(r.Dir, "content"), Now: now}
	if _, err := Run(context.Background(), cfg, "no-such-branch"); err == nil || !strings.Contains(err.Error(), "no-such-branch") {
		t.Errorf("Run with an unknown ref: %v", err)
	}
	cfg.Content = t.TempDir()
	if _, err := Run(context.Background(), cfg, "main"); err == nil {
		t.Error("Run outside a repository succeeded")
	}
}
