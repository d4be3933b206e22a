package generator

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	gen "github.com/handbook/handbook/generator/corpus"
	"github.com/handbook/handbook/generator/sitetest"
	"github.com/handbook/handbook/layouts"
)

// TestCompiledPages holds the pages render writes in Go (updates and
// their lists, tags, digests, handbook pages and decisions: see
// render/compiled.go) to what the built-in templates write: each site is
// rendered with the built-in layouts, and again with a layouts folder that
// overrides one of them with the same template and a comment, which has
// every page executed from its templates. Every output must be the same,
// byte for byte. (render.TestWrittenInGo checks that the built-in layouts
// do have those pages written in Go.)
func TestCompiledPages(t *testing.T) {
	t.Parallel()
	type source struct {
		name    string
		content string
		cfg     Config
		git     bool // read dates from git history
	}
	var sources []source
	for _, file := range []string{
		"testdata/broken/hostile.txtar",
		"testdata/broken/names.txtar",
		"testdata/sites/async.txtar",
		"testdata/sites/kinds.txtar",
		"testdata/sites/links.txtar",
	} {
		cfg := writeArchive(t, file)
		sources = append(sources, source{name: file, content: cfg.Content, cfg: Config{Now: cfg.Now, Drafts: cfg.Drafts, BaseURL: cfg.BaseURL}})
	}
	// The characters the escapers treat apart, in the values the pages
	// show (render.TestEscaping has the rest: NUL, invalid UTF-8, unsafe
	// URLs).
	marks := filepath.Join(t.TempDir(), "content")
	files := map[string]string{
		"site.toml":                 "title = \"A+B & 'C' <D>\"\nbase_url = \"https://x.example/a+b/\"\nrepo_url = \"https://git.example/o'n/r+&\\\"x\"\n",
		"people/ana.md":             "---\nname: \"Ana <O'Neil> & \\\"B+\\\"\"\nteam: c-d\n---\nAna.\n",
		"people/bo.md":              "---\nname: Bo\n---\n",
		"updates/2026-11-21-ana.md": "---\nauthor: ana\ndate: 2026-11-21\n---\n# Titled by its heading {#own-id}\n\nBody.\n",
		"teams/c-d.md":              "---\nname: \"C++ & <D>\"\n---\nTeam.\n",
		"objectives/o.md":           "---\ntitle: \"Faster <p95> & 'more'\"\nteam: c-d\nowner: ana\nperiod: 2026-Q4\nkey_results:\n  - id: p95\n    title: \"p95 < 400 ms & +1\"\n    start: 900\n    target: 400.5\n    unit: \"ms <&>\"\n---\n",
		"handbook/café & co.md":     "---\ntitle: \"Café & co\"\n---\nSee [the update](../updates/2026-11-20-ana.md).\n",
		"updates/2026-11-20-ana.md": "---\ntitle: \"Done: <b>x</b> & 'y' + \\\"z\\\"\"\nauthor: ana\ndate: 2026-11-20\nstatus: at-risk\nobjectives: [o]\nprogress:\n  o/p95: 512.25\nblockers:\n  - \"Waiting on <Ops> & 'legal' + \\\"QA\\\"\"\n  - A second one, long enough to be cut short in a list item where only a line of the blockers shows, so that the ellipsis is reached\ntags: [\"c++\", \"<b>\", \"a&b\", \"x'y\", \"café\"]\n---\n# Done: <b>x</b> & 'y' + \"z\" {#title-id}\n\nA summary with <angle> & 'quotes' + \"plus\", and [a link](../handbook/café%20&%20co.md), long enough that a list item shows only the start of it and cuts it at a word.\n",
		"updates/2026-11-19-ana.md": "---\ntitle: Plain\nauthor: bo\ndate: 2026-11-19T10:30:00+05:30\n---\n## Blockers\n\n- In the body <now>\n",
	}
	// More of each kind than a week's digest shows, in one week.
	krs, reports := "", ""
	for i := range 6 {
		files[fmt.Sprintf("decisions/%04d-d.md", i+1)] = "---\nstatus: accepted\nhistory:\n  - {date: 2026-11-16, status: proposed}\n  - {date: 2026-11-18, status: accepted}\n---\n# Decision <" + strconv.Itoa(i) + ">\n"
		files[fmt.Sprintf("objectives/o%d.md", i)] = "---\ntitle: Objective & " + strconv.Itoa(i) + "\nteam: c-d\nperiod: 2026-Q4\nhistory:\n  - {date: 2026-11-16, status: on-track}\n  - {date: 2026-11-18, status: at-risk}\n---\n"
		files[fmt.Sprintf("handbook/new-%d.md", i)] = "---\ntitle: New <" + strconv.Itoa(i) + ">\nowner: ana\ncreated: 2026-11-17\n---\n"
		files[fmt.Sprintf("handbook/reviewed-%d.md", i)] = "---\ntitle: Reviewed & " + strconv.Itoa(i) + "\nowner: c-d\ncreated: 2025-01-10\nreviewed: 2026-11-18\n---\n"
	}
	// A section with a body and more pages than one page of its list
	// holds; a page due for review that nobody owns, with nested
	// headings.
	files["handbook/big/_index.md"] = "---\ntitle: Big\n---\nThe big section's own text.\n"
	for i := range 25 {
		files[fmt.Sprintf("handbook/big/p%02d.md", i)] = fmt.Sprintf("---\ntitle: Page %d\n---\nPage %d.\n", i, i)
	}
	files["handbook/due.md"] = "---\ntitle: Due\nreviewed: 2025-01-10\nreview_every: 6 months\n---\n## One & two\n\n### Three/four\n\nText.\n\n## Five\n\nMore.\n"
	// Decisions: without a status, a proposal whose window closed, and
	// one with more changes than its page lists.
	files["decisions/0100-none.md"] = "---\ntitle: No status\n---\nUndecided.\n"
	files["decisions/0101-closed.md"] = "---\ntitle: Closed\nstatus: proposed\ndate: 2026-10-01\nrespond_by: 2026-10-15\n---\nLate.\n"
	var history strings.Builder
	for i := range 13 {
		fmt.Fprintf(&history, "  - {date: 2026-03-%02d, status: %s}\n", i+1, []string{"accepted", "deprecated"}[i%2])
	}
	files["decisions/0102-long.md"] = "---\ntitle: Long\nstatus: accepted\nhistory:\n" + history.String() + "---\nBack and forth.\n"
	for i := range 11 {
		krs += fmt.Sprintf("  - {id: k%d, title: \"KR <%d>\", start: 0, target: 10}\n", i, i)
		reports += fmt.Sprintf("  m/k%d: %d\n", i, i)
	}
	files["objectives/m.md"] = "---\ntitle: Many\nteam: c-d\nperiod: 2026-Q4\nkey_results:\n" + krs + "---\n"
	files["updates/2026-11-18-ana.md"] = "---\ntitle: Eleven\nauthor: ana\ndate: 2026-11-18\nstatus: on-track\nprogress:\n" + reports + "---\nAll of them.\n"
	sitetest.WriteFiles(t, marks, files)
	corpus := filepath.Join(t.TempDir(), "content")
	if err := gen.Write(corpus, gen.Generate(1500, 3)); err != nil {
		t.Fatal(err)
	}
	sources = append(sources,
		source{name: "marks", content: marks, cfg: Config{Now: gen.Now()}},
		source{name: "corpus", content: corpus, cfg: Config{Now: gen.Now()}},
		// With git's dates: pages say when they changed, and by whom.
		source{name: "example", content: "../content", cfg: Config{Now: gen.Now()}, git: true},
		// A base path, which every link starts with.
		source{name: "example under a path", content: "../content", cfg: Config{Now: gen.Now(), BaseURL: "https://example.com/docs/"}},
	)

	// The same templates, one of them changed by a comment only: the
	// site's layouts are no longer the built-in ones.
	same := t.TempDir()
	b, err := layouts.FS.ReadFile("404.html")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(same, "404.html"), append(b, "{{/* the same */}}"...), 0o666); err != nil {
		t.Fatal(err)
	}

	for _, src := range sources {
		t.Run(src.name, func(t *testing.T) {
			render := func(layoutsDir string) map[string]string {
				cfg := src.cfg
				cfg.Content, cfg.Layouts, cfg.NoGit = src.content, layoutsDir, !src.git
				_, outs, err := Render(context.Background(), cfg)
				if err != nil {
					t.Fatalf("Render with layouts %s: %v", layoutsDir, err)
				}
				m := map[string]string{}
				for _, o := range outs {
					m[o.Path] = string(o.Data)
				}
				return m
			}
			compiled, executed := render(filepath.Join(t.TempDir(), "none")), render(same)
			updates := 0
			for p, want := range executed {
				if strings.HasPrefix(p, "updates/") && strings.HasSuffix(p, "/index.html") {
					updates++
				}
				got, ok := compiled[p]
				switch {
				case !ok:
					t.Errorf("%s: missing with the built-in layouts", p)
				case got != want:
					t.Errorf("%s differs from its template's output:\n%s", p, firstDifference(got, want))
				}
			}
			if len(compiled) != len(executed) {
				t.Errorf("%d outputs with the built-in layouts, %d executed from templates", len(compiled), len(executed))
			}
			if updates == 0 {
				t.Errorf("no update pages compared")
			}
		})
	}
}

// firstDifference shows where got and want first differ, with some
// context.
func firstDifference(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-80)
	return "got:  …" + got[from:min(len(got), i+80)] + "…\nwant: …" + want[from:min(len(want), i+80)] + "…"
}
