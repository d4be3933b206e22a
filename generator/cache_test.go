package generator

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/handbook/handbook/generator/cache"
	"github.com/handbook/handbook/generator/render"
)

// copyDir copies the folder from into to.
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	if err := os.CopyFS(to, os.DirFS(from)); err != nil {
		t.Fatal(err)
	}
}

// stamps returns the modification time of every file under dir.
func stamps(t *testing.T, dir string) map[string]time.Time {
	t.Helper()
	out := map[string]time.Time{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			info, _ := d.Info()
			out[p] = info.ModTime()
		}
		return err
	})
	return out
}

// TestCacheNeverStale builds a copy of the example site with a cache,
// changes one input after another (a body, front matter alone, a file
// changed back, touched, renamed, a new and a deleted file, an image, a
// page other documents link to, site.toml, a layout, the build's time),
// and checks after each change that the cached build's output folder is
// byte for byte what a clean build without a cache writes, and that a
// build after it with nothing changed reports the same.
func TestCacheNeverStale(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	layouts := filepath.Join(dir, "layouts")
	copyDir(t, "../content", content)
	// The cache mapped, as handbook build has it: some thirty builds
	// map a few thousand entries, far from the system's limit.
	cfg := Config{Content: content, Layouts: layouts, Out: filepath.Join(dir, "public"), Cache: filepath.Join(dir, "cache"), Now: exampleNow, NoGit: true, MapCache: true}

	edit := func(rel string, f func(string) string) {
		t.Helper()
		p := filepath.Join(content, rel)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(f(string(data))), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// replace edits rel, old's first occurrence made new; old must be
	// there, or the step would test nothing.
	replace := func(rel, old, new string) {
		t.Helper()
		edit(rel, func(s string) string {
			if !strings.Contains(s, old) {
				t.Fatalf("%s has no %q to replace", rel, old)
			}
			return strings.Replace(s, old, new, 1)
		})
	}
	write := func(p, data string) {
		t.Helper()
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	first := mustBuild(t, cfg)
	if first.Rendered != first.Pages+first.Feeds {
		t.Errorf("first build rendered %d of %d pages and feed files, want all", first.Rendered, first.Pages+first.Feeds)
	}
	before := stamps(t, cfg.Out)
	time.Sleep(10 * time.Millisecond) // so that a rewritten file gets a new time
	again := mustBuild(t, cfg)
	if again.Rendered != 0 {
		t.Errorf("a build with nothing changed rendered %d pages and feed files, want 0", again.Rendered)
	}
	if after := stamps(t, cfg.Out); !maps.Equal(before, after) {
		var changed []string
		for p, tm := range after {
			if !before[p].Equal(tm) {
				changed = append(changed, p)
			}
		}
		slices.Sort(changed)
		t.Errorf("a build with nothing changed wrote %d files, want none: %v", len(changed), changed[:min(len(changed), 10)])
	}

	steps := []struct {
		name   string
		change func()
		// few says the change should leave most pages alone.
		few bool
		// fails says the build must fail and leave the output as it was.
		fails bool
		// kept lists output files the build must leave alone: pages
		// whose scope the change is outside of.
		kept []string
	}{
		{"an update's body", func() {
			// Past the summary, which lists show.
			replace("updates/2026-11-24-ana-batched-writes.md", "then MySQL.", "then MySQL and SQLite.")
		}, true, false, nil},
		{"an update's front matter only", func() {
			replace("updates/2026-11-24-ana-batched-writes.md", "status: on-track", "status: at-risk")
		}, false, false, nil},
		{"that update changed back", func() {
			replace("updates/2026-11-24-ana-batched-writes.md", "status: at-risk", "status: on-track")
			replace("updates/2026-11-24-ana-batched-writes.md", "then MySQL and SQLite.", "then MySQL.")
		}, false, false, nil},
		{"a file touched, its bytes the same", func() {
			p := filepath.Join(content, "updates", "2026-11-24-ana-batched-writes.md")
			if err := os.Chtimes(p, time.Now(), time.Now()); err != nil {
				t.Fatal(err)
			}
		}, true, false, nil},
		{"an update renamed", func() {
			from := filepath.Join(content, "updates", "2026-11-24-priya-sample-data.md")
			if err := os.Rename(from, filepath.Join(content, "updates", "2026-11-24-priya-sample-data-source.md")); err != nil {
				t.Fatal(err)
			}
		}, false, false, nil},
		{"a person's name", func() {
			replace("people/ana.md", "Ana Souza", "Ana S. Souza")
		}, false, false, nil},
		{"a team's name, which its members' updates show", func() {
			replace("teams/platform.md", "name: Platform", "name: Platform Engineering")
		}, false, false, []string{"updates/2026-10-15-jordan-pricing-faq/index.html", "decisions/0002-use-postgres-for-the-sync-ledger/index.html"}},
		{"a new update with progress, which moves an objective other updates show", func() {
			write(filepath.Join(content, "updates", "2026-11-25-kofi-restore-time.md"), "---\ntitle: Restore time halved\nauthor: kofi\ndate: 2026-11-25\nstatus: off-track\nobjectives: [calmer-on-call]\nprogress:\n  calmer-on-call/restore-time: 31\n---\n## Done\n\n- Faster restores.\n")
		}, false, false, []string{"updates/2026-10-15-jordan-pricing-faq/index.html", "decisions/0002-use-postgres-for-the-sync-ledger/index.html", "handbook/rhythms/index.html"}},
		{"a blocker that names someone, which what needs them shows", func() {
			write(filepath.Join(content, "updates", "2026-11-25-mei-export-blocked.md"), "---\ntitle: Export blocked\nauthor: mei\ndate: 2026-11-25\nstatus: at-risk\n---\n## Done\n\n- Export format.\n\n## Blockers\n\n- Waiting on @chloe for the schema review.\n")
		}, false, false, nil},
		{"that blocker's words, which leave as many things needing attention", func() {
			replace("updates/2026-11-25-mei-export-blocked.md", "for the schema review.", "for the schema sign-off.")
		}, false, false, nil},
		{"a blocker that names someone with no page yet", func() {
			replace("updates/2026-11-25-mei-export-blocked.md", "for the schema sign-off.", "for the schema sign-off, and @sam.")
		}, false, false, nil},
		// The export's blocker lists the people it names: the update's
		// file is as it was.
		{"that person's page", func() {
			write(filepath.Join(content, "people", "sam.md"), "---\nname: Sam Lee\nteam: growth\n---\n")
		}, false, false, nil},
		// Updates without a team of their own are their author's team's.
		{"a person's team, which their updates take", func() {
			replace("people/ana.md", "team: platform", "team: growth")
		}, false, false, nil},
		{"a proposal's response date, which what needs its decision-makers shows", func() {
			replace("decisions/0011-free-tier-instead-of-a-14-day-trial.md", "respond-by: 2026-12-09", "respond-by: 2026-11-27")
		}, false, false, nil},
		{"an update's title in a finished week, which that week's digest and the digests' feeds show", func() {
			replace("updates/2026-10-29-ana-hot-shard.md", `title: "Planner at 20%`, `title: "Planner at 25%`)
		}, false, false, nil},
		{"a key result's title, which updates reporting on it show", func() {
			replace("objectives/calmer-on-call.md", "Median time to restore service", "Median time to restore")
		}, false, false, []string{"updates/2026-10-15-jordan-pricing-faq/index.html"}},
		{"a handbook page's link to an update, which the update lists", func() {
			edit("handbook/rhythms/time-zones.md", func(s string) string {
				return s + "\nSee [the pricing FAQ](../../updates/2026-10-15-jordan-pricing-faq.md).\n"
			})
		}, false, false, []string{"updates/2026-10-29-ana-hot-shard/index.html"}},
		{"a decision that supersedes another, which shows it", func() {
			write(filepath.Join(content, "decisions", "0013-paid-tier-only.md"), "---\nstatus: accepted\ndate: 2026-11-25\nsupersedes: [\"0011\"]\n---\n# Paid tier only\n\nNo free tier.\n")
		}, false, false, []string{"decisions/0002-use-postgres-for-the-sync-ledger/index.html", "updates/2026-10-29-ana-hot-shard/index.html"}},
		{"a new decision", func() {
			write(filepath.Join(content, "decisions", "0012-cache-builds.md"), "---\nstatus: proposed\ndate: 2026-11-25\n---\n# Cache builds\n\nKeep a cache.\n")
		}, false, false, nil},
		{"a deleted update", func() {
			if err := os.Remove(filepath.Join(content, "updates", "2026-11-24-ana-batched-writes.md")); err != nil {
				t.Fatal(err)
			}
		}, false, false, nil},
		{"an image", func() {
			write(filepath.Join(content, "handbook", "logo.svg"), `<svg xmlns="http://www.w3.org/2000/svg"/>`)
		}, true, false, nil},
		{"an image's bytes, keeping its size and time", func() {
			p := filepath.Join(content, "handbook", "logo.svg")
			info, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			write(p, `<svg xmlns="http://www.w3.org/2000/svg"/>`[:len(`<svg xmlns="http://www.w3.org/2000/svg"/>`)-3]+"x/>")
			if err := os.Chtimes(p, info.ModTime(), info.ModTime()); err != nil {
				t.Fatal(err)
			}
		}, true, false, nil},
		{"a file where a page's folder goes", func() {
			write(filepath.Join(content, "handbook", "communication", "chat"), "in the way")
		}, false, true, nil},
		{"that file gone again", func() {
			if err := os.Remove(filepath.Join(content, "handbook", "communication", "chat")); err != nil {
				t.Fatal(err)
			}
		}, false, false, nil},
		{"site.toml", func() {
			replace("site.toml", "Northwind Labs", "Northwind")
		}, false, false, nil},
		// The export's addresses have the host, which no document's
		// address does.
		{"site.toml's host", func() {
			replace("site.toml", "https://handbook.northwind.example/", "https://docs.northwind.example/")
		}, false, false, nil},
		{"a linked page moved", func() {
			// content/updates/2026-10-30-chloe-office-hours.md links to it:
			// its body is the same, but the link now leads elsewhere.
			from := filepath.Join(content, "handbook", "rhythms", "time-zones.md")
			if err := os.Rename(from, filepath.Join(content, "handbook", "time-zones.md")); err != nil {
				t.Fatal(err)
			}
		}, false, false, nil},
		{"a handbook page's description, which its section's page lists and no sidebar shows", func() {
			replace("handbook/rhythms/time-off.md", "How to take time off,", "How to take days off,")
		}, true, false, []string{"handbook/rhythms/check-ins/index.html", "handbook/communication/chat/index.html", "handbook/index.html"}},
		{"a sibling's title, which neighbours' sidebars show", func() {
			replace("handbook/rhythms/decisions.md", "title: ", "title: Renamed ")
		}, false, false, nil},
		{"its sidebar label, which the sidebars show instead", func() {
			replace("handbook/rhythms/decisions.md", "title: ", "sidebar_label: Deciding\ntitle: ")
		}, false, false, nil},
		{"a folder without an index file, which gets a landing page", func() {
			write(filepath.Join(content, "handbook", "engineering-practices", "code-review.md"), "# Code review\n\nHow we review.\n")
			write(filepath.Join(content, "handbook", "engineering-practices", "testing", "unit.md"), "# Unit tests\n\nSmall.\n")
		}, false, false, nil},
		{"a category file for that folder: its title, its place first, a description", func() {
			write(filepath.Join(content, "handbook", "engineering-practices", "_category_.json"), `{"label": "Engineering", "position": 0.5, "link": {"type": "generated-index", "description": "How we build."}}`)
		}, false, false, nil},
		{"the category file's description, which only its landing page shows", func() {
			replace("handbook/engineering-practices/_category_.json", "How we build.", "How we build software.")
		}, true, false, []string{"handbook/index.html", "handbook/engineering-practices/code-review/index.html"}},
		{"the category file broken", func() {
			replace("handbook/engineering-practices/_category_.json", `"label": "Engineering",`, `"label": "Engineering",,`)
		}, false, true, nil},
		{"the category file as YAML instead, with another label and no position", func() {
			if err := os.Remove(filepath.Join(content, "handbook", "engineering-practices", "_category_.json")); err != nil {
				t.Fatal(err)
			}
			write(filepath.Join(content, "handbook", "engineering-practices", "_category_.yml"), "label: Practices\n")
		}, false, false, nil},
		{"the category file gone", func() {
			if err := os.Remove(filepath.Join(content, "handbook", "engineering-practices", "_category_.yml")); err != nil {
				t.Fatal(err)
			}
		}, false, false, nil},
		{"that folder's pages gone, and its landing pages with them", func() {
			if err := os.RemoveAll(filepath.Join(content, "handbook", "engineering-practices")); err != nil {
				t.Fatal(err)
			}
		}, false, false, nil},
		{"a page with a link to a folder not there yet", func() {
			write(filepath.Join(content, "handbook", "guides.md"), "# Guides\n\nSee [the guides](guides/) and [setup](guides/setup.md).\n")
		}, false, false, nil},
		{"the folder beside it, of which it becomes the landing page", func() {
			write(filepath.Join(content, "handbook", "guides", "setup.md"), "# Setup\n\nInstall.\n")
		}, false, false, nil},
		{"the body of the page with the folder link, the folders as they were", func() {
			replace("handbook/guides.md", "See [the guides]", "Read [the guides]")
		}, true, false, nil},
		{"an index file in that folder, which takes the landing page's address", func() {
			write(filepath.Join(content, "handbook", "guides", "index.md"), "# Guides index\n\nTwo.\n")
		}, false, true, nil},
		{"the page beside the folder gone, the index file its landing page", func() {
			if err := os.Remove(filepath.Join(content, "handbook", "guides.md")); err != nil {
				t.Fatal(err)
			}
		}, false, false, nil},
		{"the folder gone", func() {
			if err := os.RemoveAll(filepath.Join(content, "handbook", "guides")); err != nil {
				t.Fatal(err)
			}
		}, false, false, nil},
		{"an update's body, with half the snapshot's entries lost", func() {
			// Every other entry: some buckets of parsed files, perhaps
			// the index. A lost entry costs a parse, never a wrong page.
			entries, _ := filepath.Glob(filepath.Join(cfg.Cache, "content", "*", "*"))
			slices.Sort(entries)
			for i := 0; i < len(entries); i += 2 {
				os.Remove(entries[i])
			}
			replace("updates/2026-09-30-kofi-pager-audit.md", "for 13 October.", "for 14 October.")
		}, true, false, nil},
		{"the site's manifest cut short", func() {
			manifests, _ := filepath.Glob(filepath.Join(cfg.Cache, "site", "*"))
			for _, m := range manifests {
				data, _ := os.ReadFile(m)
				os.WriteFile(m, data[:len(data)/2], 0o644)
			}
			replace("updates/2026-09-30-kofi-pager-audit.md", "for 14 October.", "for 13 October.")
		}, false, false, nil},
		{"a decision's tags, with the export's runs of updates damaged", func() {
			// The export shows a decision's tags: it is made again, and
			// the updates' run, read from the cache, found damaged.
			runs, _ := filepath.Glob(filepath.Join(cfg.Cache, "api-run", "*", "*"))
			if len(runs) == 0 {
				t.Fatal("the cache holds no runs of the export")
			}
			for _, p := range runs {
				data, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				data[len(data)/2] ^= 1
				// Replaced, as the cache replaces an entry: a build
				// may have it mapped.
				write(p+".tmp", string(data))
				if err := os.Rename(p+".tmp", p); err != nil {
					t.Fatal(err)
				}
			}
			replace("decisions/0002-use-postgres-for-the-sync-ledger.md", "tags: [architecture, data]", "tags: [architecture, data, ledger]")
		}, false, false, nil},
		// The next day: pages say nothing of the day but for this week's
		// digests, "as of" it, and what is due or open.
		{"the next day", func() { cfg.Now = cfg.Now.AddDate(0, 0, 1) }, false, false, nil},
		// An hour on: only what says the minute, such as what needs
		// attention "as of" it.
		{"an hour later", func() { cfg.Now = cfg.Now.Add(time.Hour) }, false, false, nil},
		// Saturday, 02:00 UTC: the week's check-ins are overdue in Europe
		// and Asia, and still due on Friday in the Americas.
		{"past the week's deadline in some time zones", func() {
			cfg.Now = time.Date(2026, 11, 28, 2, 0, 0, 0, time.UTC)
		}, false, false, nil},
		// A month on: decision windows close, handbook reviews fall due.
		{"a month later", func() { cfg.Now = cfg.Now.AddDate(0, 1, 0) }, false, false, nil},
		// An hour either side of 01:00 UTC on 28 March 2027, when Berlin
		// goes from UTC+01:00 to UTC+02:00: Lukas's page says so, and
		// nothing else of it changes.
		{"the night the clocks go forward in Europe", func() {
			cfg.Now = time.Date(2027, 3, 28, 0, 30, 0, 0, time.UTC)
		}, false, false, nil},
		{"the clocks gone forward in Europe", func() {
			cfg.Now = time.Date(2027, 3, 28, 1, 30, 0, 0, time.UTC)
		}, false, false, nil},
		{"a new quarter", func() {
			cfg.Now = time.Date(2027, 4, 1, 10, 0, 0, 0, time.UTC)
		}, false, false, nil},
		{"a layout", func() {
			data, err := os.ReadFile("../layouts/update.html")
			if err != nil {
				t.Fatal(err)
			}
			write(filepath.Join(layouts, "update.html"), strings.Replace(string(data), `<div class="prose">`, `<div class="prose changed">`, 1))
		}, false, false, nil},
		// With a layout overridden every page has the site's key.
		{"the build's time, with a layout overridden", func() { cfg.Now = cfg.Now.Add(time.Hour) }, false, false, nil},
		// The pages' keys are then the site's, which the category files
		// are part of.
		{"a folder with a category file, with a layout overridden", func() {
			write(filepath.Join(content, "handbook", "tools", "editors.md"), "# Editors\n\nOurs.\n")
			write(filepath.Join(content, "handbook", "tools", "_category_.json"), `{"label": "Tooling", "link": {"description": "What we use."}}`)
		}, false, false, nil},
		{"its description, with a layout overridden", func() {
			replace("handbook/tools/_category_.json", "What we use.", "What we use, and why.")
		}, false, false, nil},
	}
	for _, step := range steps {
		before := tree(t, cfg.Out)
		made := stamps(t, cfg.Out)
		time.Sleep(10 * time.Millisecond)
		step.change()
		if step.fails {
			if _, err := Build(context.Background(), cfg); err == nil {
				t.Errorf("after changing %s, the build succeeded, want an error", step.name)
			}
			if after := tree(t, cfg.Out); !maps.Equal(before, after) {
				t.Errorf("after changing %s, the failed build changed the output folder", step.name)
			}
			continue
		}
		got := mustBuild(t, cfg)
		clean := cfg
		clean.Cache, clean.Out = "", filepath.Join(t.TempDir(), "public")
		mustBuild(t, clean)
		sameAsClean(t, "changing "+step.name, cfg.Out, clean.Out)
		keptFiles(t, "changing "+step.name, cfg.Out, made, step.kept)
		if step.few && got.Rendered > got.Pages/4 {
			t.Errorf("after changing %s, the cached build rendered %d of %d pages and feed files, want few", step.name, got.Rendered, got.Pages+got.Feeds)
		}
		// Nothing changed since: the build reports the same without
		// making anything.
		again := mustBuild(t, cfg)
		if again.Rendered != 0 || again.Pages != got.Pages || again.Feeds != got.Feeds || again.Files != got.Files || !slices.Equal(again.Diagnostics, got.Diagnostics) {
			t.Errorf("after changing %s, a build with nothing changed since made %d files, reported %d pages, %d feed files, %d files, %d diagnostics; want 0, %d, %d, %d, %d",
				step.name, again.Rendered, again.Pages, again.Feeds, again.Files, len(again.Diagnostics), got.Pages, got.Feeds, got.Files, len(got.Diagnostics))
		}
	}
}

// mustBuild builds cfg, failing the test on an error.
func mustBuild(t *testing.T, cfg Config) Result {
	t.Helper()
	res, err := Build(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Build: %v\n%v", err, res.Diagnostics)
	}
	return res
}

// sameAsClean reports the files in which the cached build's output
// folder out differs from the clean build's, clean, after the change
// named after.
func sameAsClean(t *testing.T, after, out, clean string) {
	t.Helper()
	got, want := tree(t, out), tree(t, clean)
	if maps.Equal(got, want) {
		return
	}
	var diff []string
	for p := range want {
		if got[p] != want[p] {
			diff = append(diff, p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			diff = append(diff, p+" (should be gone)")
		}
	}
	slices.Sort(diff)
	t.Errorf("after %s, the cached build differs from a clean one in %d files: %v", after, len(diff), diff[:min(len(diff), 10)])
}

// keptFiles checks that the files kept, relative to out, still have the
// times they had in made: the build left them alone.
func keptFiles(t *testing.T, after, out string, made map[string]time.Time, kept []string) {
	t.Helper()
	now := stamps(t, out)
	for _, k := range kept {
		p := filepath.Join(out, k)
		if _, ok := made[p]; !ok {
			t.Errorf("after %s: %s was not there before", after, k)
		} else if !now[p].Equal(made[p]) {
			t.Errorf("after %s, the cached build wrote %s again, want it kept", after, k)
		}
	}
}

// TestRenderFromReusesOnlyWhatIsUnchanged checks what the dev server
// relies on: rendering again from the last outputs gives exactly what a
// clean render gives, after a change to one update's body, and makes
// only that page and the feeds that carry the update again.
func TestRenderFromReusesOnlyWhatIsUnchanged(t *testing.T) {
	t.Parallel()
	cfg, prev := renderExampleDev(t)
	content := cfg.Content
	p := filepath.Join(content, "updates", "2026-11-24-ana-batched-writes.md")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(data), "then MySQL.", "then MySQL and SQLite.", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	res, got := renderFromAsClean(t, cfg, prev)
	if page := "updates/2026-11-24-ana-batched-writes/index.html"; !strings.Contains(string(outputData(got, page)), "MySQL and SQLite") {
		t.Errorf("%s does not show the change", page)
	}
	if res.Rendered == 0 || res.Rendered > 30 {
		t.Errorf("RenderFrom made %d pages and feed files again, want the changed page and its feeds", res.Rendered)
	}
	// The author's, team's and tags' feeds carry summaries, which the
	// edit leaves as they were; the updates feed carries the body.
	for _, feed := range []string{"people/ana/feed.xml", "teams/platform/atom.xml", "tags/performance/feed.json"} {
		if outputKey(t, got, feed) != outputKey(t, prev, feed) {
			t.Errorf("%s, a feed of summaries, was made again after an edit past the summary", feed)
		}
	}
	if feed := "updates/feed.xml"; outputKey(t, got, feed) == outputKey(t, prev, feed) {
		t.Errorf("%s, which carries bodies, kept its key after an edit of one", feed)
	}
}

// TestNewUpdateKeepsOthersPages checks that a new update makes its
// author's page again, and leaves other people's pages and what needs
// them alone, and the indexes that do not list updates: their keys follow
// what their pages show, not the site. The time is fixed: an attention
// page that lists anything says the minute it is as of, and so changes
// every minute.
func TestNewUpdateKeepsOthersPages(t *testing.T) {
	t.Parallel()
	cfg, prev := renderExampleDev(t)
	content := cfg.Content
	update := "---\ntitle: Restore drill\nauthor: kofi\ndate: 2026-11-25\nstatus: on-track\n---\n## Done\n\n- A restore drill.\n"
	if err := os.WriteFile(filepath.Join(content, "updates", "2026-11-25-kofi-restore-drill.md"), []byte(update), 0o644); err != nil {
		t.Fatal(err)
	}
	_, got := renderFromAsClean(t, cfg, prev)
	if page := "people/kofi/index.html"; !strings.Contains(string(outputData(got, page)), "Restore drill") {
		t.Errorf("%s does not list the new update", page)
	}
	for _, page := range []string{"people/chloe/index.html", "people/chloe/attention/index.html", "people/priya/index.html", "people/index.html", "teams/index.html", "objectives/index.html", "search/index.html"} {
		if outputKey(t, got, page) != outputKey(t, prev, page) {
			t.Errorf("%s was made again after an update by someone else", page)
		}
	}
	if page := "people/kofi/index.html"; outputKey(t, got, page) == outputKey(t, prev, page) {
		t.Errorf("%s kept its key after an update of theirs", page)
	}
	// The weekly digests' feeds carry finished weeks; the update is in
	// the week under way.
	for _, feed := range []string{"digest/feed.xml", "teams/platform/digest/feed.xml"} {
		if outputKey(t, got, feed) != outputKey(t, prev, feed) {
			t.Errorf("%s was made again after an update in the week under way", feed)
		}
	}
}

// outputKey returns the key of the output at p, failing the test when
// there is none.
func outputKey(t *testing.T, outs []render.Output, p string) cache.Key {
	t.Helper()
	for _, o := range outs {
		if o.Path == p {
			return o.Key
		}
	}
	t.Fatalf("no output %s", p)
	return cache.Key{}
}

// renderExampleDev renders a copy of the example site as the dev server
// does, and returns its configuration and outputs.
func renderExampleDev(t *testing.T) (Config, []render.Output) {
	t.Helper()
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	copyDir(t, "../content", content)
	cfg := Config{Content: content, Layouts: filepath.Join(dir, "layouts"), Now: exampleNow, NoGit: true, Dev: true}
	_, prev, err := Render(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return cfg, prev
}

// renderFromAsClean renders cfg from prev, the last render's outputs, as
// the dev server does, and fails the test unless the outputs are those
// of a clean render.
func renderFromAsClean(t *testing.T, cfg Config, prev []render.Output) (Result, []render.Output) {
	t.Helper()
	res, got, err := RenderFrom(context.Background(), cfg, prev)
	if err != nil {
		t.Fatal(err)
	}
	_, want, err := Render(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("RenderFrom made %d outputs, a clean render %d", len(got), len(want))
	}
	for i := range want {
		if got[i].Path != want[i].Path || string(got[i].Data) != string(want[i].Data) {
			t.Errorf("RenderFrom's %s differs from a clean render's %s", got[i].Path, want[i].Path)
		}
	}
	return res, got
}

func outputData(outs []render.Output, p string) []byte {
	for _, o := range outs {
		if o.Path == p {
			return o.Data
		}
	}
	return nil
}

// TestUnchangedBuildStops checks that a build from the inputs of the build
// that wrote the output folder stops once it has seen that nothing
// changed (its result has no Site), and that any change to an input or
// to the output folder makes it build again.
func TestUnchangedBuildStops(t *testing.T) {
	t.Parallel()
	cfg := cachedExample(t)
	content := cfg.Content
	first := mustBuild(t, cfg)
	if first.Site == nil {
		t.Fatal("the first build stopped early")
	}
	again := mustBuild(t, cfg)
	if again.Site != nil {
		t.Error("a build with nothing changed read the content again")
	}
	if again.Pages != first.Pages || again.Files != first.Files || !slices.Equal(again.Diagnostics, first.Diagnostics) {
		t.Errorf("a build with nothing changed reported %d pages, %d files, %v; want %d, %d, %v", again.Pages, again.Files, again.Diagnostics, first.Pages, first.Files, first.Diagnostics)
	}
	changes := []struct {
		name   string
		change func(*Config)
	}{
		{"the time", func(c *Config) { c.Now = c.Now.Add(time.Minute) }},
		{"drafts", func(c *Config) { c.Drafts = true }},
		{"a file", func(*Config) {
			p := filepath.Join(content, "people", "ana.md")
			data, _ := os.ReadFile(p)
			os.WriteFile(p, append(data, "\nMore.\n"...), 0o644)
		}},
		{"the output folder", func(*Config) { os.RemoveAll(cfg.Out) }},
		// Content as it was, but a problem the walk reports: the
		// report must say so.
		{"a symbolic link, which the walk warns about", func(*Config) {
			os.Symlink("ana.md", filepath.Join(content, "people", "link.md"))
		}},
		{"the time from the clock", func(c *Config) { c.Now = time.Time{} }},
	}
	for _, ch := range changes {
		ch.change(&cfg)
		res := mustBuild(t, cfg)
		if res.Site == nil {
			t.Errorf("after changing %s, the build stopped early", ch.name)
		}
		if again := mustBuild(t, cfg); !slices.Equal(again.Diagnostics, res.Diagnostics) {
			t.Errorf("after changing %s, a build with nothing changed reported %v, want %v", ch.name, again.Diagnostics, res.Diagnostics)
		}
	}
	// On the clock's time, builds within a minute are one build: the
	// time is taken to the minute.
	minute := time.Now().Truncate(time.Minute)
	mustBuild(t, cfg)
	res := mustBuild(t, cfg)
	if time.Now().Truncate(time.Minute).Equal(minute) && res.Site != nil {
		t.Error("a build on the clock's time, in the same minute as the one before, read the content again")
	}
}

// TestStopNeedsTheSameBytes checks that a build stops only when every
// content file has the bytes the build that wrote the output folder had,
// whatever loaded the content in between: a load sharing the cache
// (check, serve), a build into another folder, or a build that failed.
// Each keeps the cache's snapshot up to date with the folder, so the
// snapshot alone cannot tell.
func TestStopNeedsTheSameBytes(t *testing.T) {
	t.Parallel()
	cfg := cachedExample(t)
	dir, content := filepath.Dir(cfg.Content), cfg.Content
	page := filepath.Join(content, "handbook", "rhythms", "time-zones.md")
	n := 0
	edit := func() string {
		t.Helper()
		n++
		marker := fmt.Sprintf("Marker %d of the test.", n)
		data, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(page, append(data, "\n"+marker+"\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
		return marker
	}
	shows := func(marker string) bool {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(cfg.Out, "handbook", "rhythms", "time-zones", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return strings.Contains(string(data), marker)
	}
	mustBuild(t, cfg)

	marker := edit()
	if _, err := Load(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	if res := mustBuild(t, cfg); res.Site == nil || !shows(marker) {
		t.Errorf("a body edit another load took in: the build stopped (%v), the page shows the edit: %v", res.Site == nil, shows(marker))
	}

	marker = edit()
	other := cfg
	other.Out = filepath.Join(dir, "other")
	mustBuild(t, other)
	if res := mustBuild(t, cfg); res.Site == nil || !shows(marker) {
		t.Errorf("a body edit built into another folder: the build stopped (%v), the page shows the edit: %v", res.Site == nil, shows(marker))
	}

	// A failed build writes the snapshot but leaves the last record.
	// Text `handbook new` wrote, left in the body, fails a checked build
	// and changes nothing other pages show.
	checked := cfg
	checked.Check = true
	mustBuild(t, checked)
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	placeholder := "\nWhat this page is for, in a sentence or two: the first paragraph is the page's summary in lists and search.\n"
	if err := os.WriteFile(page, append(data, placeholder...), 0o644); err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		if _, err := Build(context.Background(), checked); err == nil {
			t.Errorf("build %d with text handbook new wrote left in, checked: no error", i+1)
		}
	}
}

// TestStopTellsAMissingSiteTomlFromAnEmptyOne checks that a build after
// an empty site.toml takes the place of none reports what an empty one
// says, not what the last build said of none.
func TestStopTellsAMissingSiteTomlFromAnEmptyOne(t *testing.T) {
	t.Parallel()
	cfg := cachedExample(t)
	dir, content := filepath.Dir(cfg.Content), cfg.Content
	if err := os.Remove(filepath.Join(content, "site.toml")); err != nil {
		t.Fatal(err)
	}
	mustBuild(t, cfg)
	if err := os.WriteFile(filepath.Join(content, "site.toml"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	got := mustBuild(t, cfg)
	fresh := cfg
	fresh.Cache, fresh.Out = filepath.Join(dir, "cache2"), filepath.Join(dir, "public2")
	want := mustBuild(t, fresh)
	if got.Site == nil || !slices.Equal(got.Diagnostics, want.Diagnostics) {
		t.Errorf("after an empty site.toml was added: stopped %v, reported %v; want %v", got.Site == nil, got.Diagnostics, want.Diagnostics)
	}
}

// cachedExample returns the Config of a build of a copy of the example
// content, with its layouts, output and cache folders beside it in a
// folder of the test's own, as of exampleNow and without git.
func cachedExample(t *testing.T) Config {
	t.Helper()
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	copyDir(t, "../content", content)
	return Config{Content: content, Layouts: filepath.Join(dir, "layouts"), Out: filepath.Join(dir, "public"), Cache: filepath.Join(dir, "cache"), Now: exampleNow, NoGit: true}
}
