package generator

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/handbook/handbook/generator/sitetest"
)

// TestCrawlExample crawls the whole built example site, as published and
// as a deploy preview with drafts under a base path, and reports every
// broken internal link, anchor, image and asset, every request to another
// host, and every page no link from the home page reaches.
func TestCrawlExample(t *testing.T) {
	t.Parallel()
	for name, mod := range map[string]func(*Config){
		"published": nil,
		"preview":   func(c *Config) { c.BaseURL, c.Drafts = "https://preview.example/pr-7/", true },
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			res, out := buildExample(t, mod)
			crawl(t, out, res.Site.Config.BaseURL, nil)
		})
	}
}

// crawlWant are the problems a crawl of a test site must find: the
// broken links its content has on purpose, which the build warns about.
var crawlWant = map[string][]string{
	"links": {
		`handbook/index.html: ../../etc/passwd: outside the site's base path /docs/`,
		`handbook/index.html: /docs/handbook/guide/setup/#nope: no element with id "nope" in handbook/guide/setup/index.html`,
		`handbook/index.html: guide/gone.md: no file handbook/guide/gone.md`,
	},
}

// TestCrawlSites crawls each test site that builds.
func TestCrawlSites(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("testdata/sites/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test sites: %v", err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), "-- want/diagnostics --\nexit 0\n") {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			res, out := buildArchive(t, file)
			crawl(t, out, res.Site.Config.BaseURL, crawlWant[name])
		})
	}
}

// crawl crawls the site built into out and fails unless it finds exactly
// the problems in want.
func crawl(t *testing.T, out, base string, want []string) {
	t.Helper()
	rep, err := sitetest.Crawl(os.DirFS(out), base)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d pages, %d reached from the home page, %d references", rep.Pages, rep.Reached, rep.Refs)
	got := rep.Lines()
	for _, p := range got {
		if !slices.Contains(want, p) {
			t.Error(p)
		}
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("the crawl did not find %s", w)
		}
	}
	if rep.Pages < 10 || rep.Reached < 2 {
		t.Errorf("crawled %d pages and reached %d of them", rep.Pages, rep.Reached)
	}
}
