package generator

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handbook/handbook/generator/diag"
	"github.com/handbook/handbook/generator/sitetest"
)

// fuzzSite is the site FuzzBuild adds one file to.
var fuzzSite = map[string]string{
	"site.toml":                 "title = \"Fuzz\"\nbase_url = \"https://fuzz.example/\"\n",
	"people/ana.md":             "---\nname: Ana\nteam: core\n---\n",
	"teams/core.md":             "---\nname: Core\n---\n",
	"objectives/faster.md":      "---\nperiod: 2026-Q4\nkey_results:\n  - id: p95\n    target: 300\n---\n",
	"handbook/index.md":         "# Home\n",
	"updates/2026-11-20-ana.md": "---\nauthor: ana\ndate: 2026-11-20\nprogress:\n  faster/p95: 400\n---\nHi.\n",
}

// FuzzBuild runs whole builds of a small site with one more file, of any
// name and content, seeded with Markdown files of the broken-input corpus
// and the site tests (two of each case: a build takes tens of
// milliseconds, and the seeds run with every go test). A build may only
// succeed or report content errors; it may not panic (the loader would
// report an "internal error"), and it may write nothing outside the
// output folder. Run it with:
//
//	go test -run='^$' -fuzz='^FuzzBuild$' -fuzztime=1m ./generator
func FuzzBuild(f *testing.F) {
	perCase := map[string]int{}
	for _, s := range append(sitetest.ContentFiles(f, "testdata/broken/*.txtar", 16<<10), sitetest.ContentFiles(f, "testdata/sites/*.txtar", 16<<10)...) {
		if strings.HasSuffix(s.Path, ".md") && perCase[s.Archive] < 2 {
			perCase[s.Archive]++
			f.Add(s.Path, s.Data)
		}
	}
	// Callouts as Docusaurus and MkDocs write them, which no archive has.
	f.Add("handbook/callouts.md", []byte("::::note[Outer <b>]\n:::tip\nIn.\n:::\n```\n:::\n```\n::::\n\n!!! warning \"Mind\"\n    - one\n\n    ??? bug\n        Deep.\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if !fs.ValidPath(name) || name == "." || len(data) > 1<<20 {
			return
		}
		top := t.TempDir()
		dir := filepath.Join(top, "a", "b")
		content := filepath.Join(dir, "content")
		sitetest.WriteFiles(t, content, fuzzSite)
		p := filepath.Join(content, filepath.FromSlash(name))
		if os.MkdirAll(filepath.Dir(p), 0o755) != nil || os.WriteFile(p, data, 0o644) != nil {
			return // a name the file system refuses, or one the site uses as a folder
		}
		before := sitetest.Tree(t, top)
		cfg := Config{Content: content, Layouts: filepath.Join(dir, "layouts"), Out: filepath.Join(dir, "public"), Now: exampleNow}
		res, err := Build(context.Background(), cfg)
		var list diag.ErrorList
		if err != nil && !errors.As(err, &list) {
			t.Fatalf("Build: %v", err)
		}
		for _, d := range res.Diagnostics {
			if strings.Contains(d.Msg, "internal error") {
				t.Errorf("%s", d)
			}
		}
		after := sitetest.Tree(t, top)
		for p := range after {
			if p == "a/b/public" || strings.HasPrefix(p, "a/b/public/") {
				delete(after, p)
			}
		}
		if d := sitetest.Diff(before, after); len(d) > 0 {
			t.Errorf("the build changed files outside the output folder: %v", d)
		}
		if _, statErr := os.Stat(filepath.Join(cfg.Out, "index.html")); (err == nil) != (statErr == nil) {
			t.Errorf("Build returned %v, and index.html: %v", err, statErr)
		}
	})
}
