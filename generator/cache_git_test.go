package generator

import (
	"errors"
	"maps"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/handbook/handbook/generator/gitinfo"
	"github.com/handbook/handbook/generator/site"
)

// TestCacheNeverStaleWithGit is TestCacheNeverStale for what git history
// says: a handbook page's last change, a decision's statuses, a page's
// creation. After each change to the history the cached build is byte
// for byte a clean build, and it makes few pages again: a commit is not
// a new base for every page.
func TestCacheNeverStaleWithGit(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	copyDir(t, "../content", content)
	at := func(day int) time.Time { return time.Date(2026, 11, day, 9, 30, 0, 0, time.UTC) }
	kofi := gitinfo.Change{Time: at(2), Author: "Kofi Mensah", Email: "kofi@example.com"}
	h := &gitinfo.History{
		Files: map[string]gitinfo.Change{
			"handbook/rhythms/decisions.md":                      kofi,
			"handbook/rhythms/time-zones.md":                     kofi,
			"updates/2026-10-15-jordan-pricing-faq.md":           kofi,
			"decisions/0002-use-postgres-for-the-sync-ledger.md": kofi,
		},
		Created: map[string]time.Time{"handbook/rhythms/decisions.md": at(1)},
		Statuses: map[string][]site.Revision{
			"decisions/0002-use-postgres-for-the-sync-ledger.md": {{Date: at(1), Status: "proposed"}, {Date: at(2), Status: "accepted"}},
		},
	}
	cfg := Config{Content: content, Layouts: filepath.Join(dir, "layouts"), Out: filepath.Join(dir, "public"), Cache: filepath.Join(dir, "cache"), Now: exampleNow, Git: h}
	// next returns a copy of the history for a step to change.
	next := func() *gitinfo.History {
		old := cfg.Git
		return &gitinfo.History{Files: maps.Clone(old.Files), Created: maps.Clone(old.Created), Statuses: maps.Clone(old.Statuses), Err: old.Err}
	}
	mustBuild(t, cfg)

	unrelated := []string{"updates/2026-10-29-ana-hot-shard/index.html", "decisions/0005-use-kafka-for-change-events/index.html"}
	steps := []struct {
		name   string
		change func(h *gitinfo.History)
		kept   []string
	}{
		{"a handbook page's last change, by a person the site knows", func(h *gitinfo.History) {
			h.Files["handbook/rhythms/decisions.md"] = gitinfo.Change{Time: at(20), Author: "Ana S", Email: "ana@northwind.example"}
		}, unrelated},
		{"an update's last change", func(h *gitinfo.History) {
			h.Files["updates/2026-10-15-jordan-pricing-faq.md"] = gitinfo.Change{Time: at(21), Author: "Jordan", Email: "jordan@example.com"}
		}, unrelated},
		{"a decision's status changed", func(h *gitinfo.History) {
			h.Statuses["decisions/0002-use-postgres-for-the-sync-ledger.md"] = append(slices.Clone(h.Statuses["decisions/0002-use-postgres-for-the-sync-ledger.md"]), site.Revision{Date: at(22), Status: "deprecated"})
			h.Files["decisions/0002-use-postgres-for-the-sync-ledger.md"] = gitinfo.Change{Time: at(22), Author: "Kofi Mensah", Email: "kofi@example.com"}
		}, unrelated},
		{"a page's creation", func(h *gitinfo.History) {
			h.Created["handbook/rhythms/time-zones.md"] = at(23)
		}, unrelated},
		{"git failing", func(h *gitinfo.History) {
			*h = gitinfo.History{Err: errors.New("git log: broken")}
		}, nil},
	}
	for _, step := range steps {
		made := stamps(t, cfg.Out)
		time.Sleep(10 * time.Millisecond)
		h := next()
		step.change(h)
		cfg.Git = h
		got := mustBuild(t, cfg)
		if step.kept != nil && got.Rendered > (got.Pages+got.Feeds)/4 {
			t.Errorf("after %s, the cached build made %d of %d pages and feed files again, want few", step.name, got.Rendered, got.Pages+got.Feeds)
		}
		clean := cfg
		clean.Cache, clean.Out = "", filepath.Join(t.TempDir(), "public")
		mustBuild(t, clean)
		sameAsClean(t, step.name, cfg.Out, clean.Out)
		keptFiles(t, step.name, cfg.Out, made, step.kept)
	}
}
