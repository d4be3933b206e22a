package generator

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/handbook/handbook/generator/diag"
)

// exampleNow is the date the example site's tests build as of.
var exampleNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// buildExample builds the repository's example site into a new folder.
func buildExample(t *testing.T, mod func(*Config)) (Result, string) {
	t.Helper()
	cfg := Config{Content: "../content", Layouts: filepath.Join(t.TempDir(), "no-layouts"), Out: filepath.Join(t.TempDir(), "public"), Now: exampleNow}
	if mod != nil {
		mod(&cfg)
	}
	res, err := Build(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return res, cfg.Out
}

// tree returns the sha256 of every file under dir, by slash path.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		sum := sha256.Sum256(data)
		out[filepath.ToSlash(rel)] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestExampleSite(t *testing.T) {
	t.Parallel()
	res, out := buildExample(t, nil)
	if len(res.Diagnostics) > 0 {
		t.Errorf("the example site should build cleanly, got:\n%v", diag.ErrorList(res.Diagnostics))
	}
	files := tree(t, out)
	// One of each page kind, and the site-wide files.
	for _, want := range []string{
		"index.html", "404.html", "sitemap.xml", "robots.txt",
		"feed.xml", "atom.xml", "feed.json",
		"handbook/index.html", "handbook/rhythms/check-ins/index.html",
		"updates/index.html", "updates/page/2/index.html", "updates/feed.xml",
		"decisions/index.html", "decisions/status/accepted/index.html", "decisions/0009-plan-shards-from-workspace-load/index.html", "decisions/atom.xml",
		"objectives/index.html", "objectives/faster-sync/index.html",
		"people/index.html", "people/ana/index.html", "people/ana/feed.json",
		"teams/index.html", "teams/platform/index.html", "teams/platform/feed.xml",
		"tags/index.html", "handbook/logo.svg",
	} {
		if _, ok := files[want]; !ok {
			t.Errorf("missing output %s", want)
		}
	}
	var css, js int
	for p := range files {
		if strings.HasPrefix(p, "assets/site-") && strings.HasSuffix(p, ".css") {
			css++
		}
		if strings.HasPrefix(p, "assets/site-") && strings.HasSuffix(p, ".js") {
			js++
		}
	}
	if css != 1 || js != 1 {
		t.Errorf("want one hashed site CSS and JS bundle, got %d and %d", css, js)
	}
	if res.Pages == 0 || res.Feeds == 0 {
		t.Errorf("Result counts pages=%d feeds=%d", res.Pages, res.Feeds)
	}
}

// TestBuildIsDeterministic builds the example site twice, the second time
// letting go of the documents' texts as the command line does: the same
// files, and no text left in the model.
func TestBuildIsDeterministic(t *testing.T) {
	t.Parallel()
	_, a := buildExample(t, nil)
	res, b := buildExample(t, func(c *Config) { c.ReleaseText = true })
	for _, d := range res.Site.Docs() {
		for _, sec := range d.Sections {
			if sec.Text != "" {
				t.Errorf("%s: section %q keeps its text after a build with ReleaseText", d.File, sec.ID)
			}
		}
	}
	ta, tb := tree(t, a), tree(t, b)
	if len(ta) != len(tb) {
		t.Fatalf("two builds wrote %d and %d files", len(ta), len(tb))
	}
	for p, h := range ta {
		if tb[p] != h {
			t.Errorf("%s differs between two builds of the same input", p)
		}
	}
}

func TestFailedBuildLeavesPreviousSite(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	write := func(rel, data string) {
		p := filepath.Join(content, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("people/ana.md", "---\nname: Ana\n---\n")
	write("updates/2026-11-20-ana-x.md", "---\nauthor: ana\ndate: 2026-11-20\n---\nHello.\n")
	cfg := Config{Content: content, Layouts: filepath.Join(dir, "layouts"), Out: filepath.Join(dir, "public"), Now: exampleNow}
	if _, err := Build(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	before := tree(t, cfg.Out)

	write("updates/2026-11-21-ana-y.md", "---\nauthor: nobody\ndate: 2026-11-21\n---\n")
	_, err := Build(context.Background(), cfg)
	var list diag.ErrorList
	if !errors.As(err, &list) || len(list) != 1 || !strings.Contains(list[0].String(), `unknown author "nobody"`) {
		t.Fatalf("Build with a bad author: err = %v, want one unknown author error", err)
	}
	after := tree(t, cfg.Out)
	if len(before) != len(after) {
		t.Fatalf("failed build changed the output: %d files before, %d after", len(before), len(after))
	}
	for p, h := range before {
		if after[p] != h {
			t.Errorf("failed build changed %s", p)
		}
	}
	// No temporary folders are left beside the output.
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".public") {
			t.Errorf("left %s behind", e.Name())
		}
	}
}

// TestOutputFolderGuard checks that a build refuses an output folder that
// is, holds or is inside the content folder, or holds the layouts, and
// leaves them as they were: a build replaces everything in it.
func TestOutputFolderGuard(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	layouts := filepath.Join(dir, "layouts")
	page, err := os.ReadFile("../layouts/404.html")
	if err != nil {
		t.Fatal(err)
	}
	for f, data := range map[string][]byte{filepath.Join(content, "people", "ana.md"): []byte("---\nname: Ana\n---\n"), filepath.Join(layouts, "404.html"): page} {
		os.MkdirAll(filepath.Dir(f), 0o755)
		if err := os.WriteFile(f, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	before := tree(t, dir)
	linked := filepath.Join(t.TempDir(), "linked")
	if err := os.Symlink(content, linked); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{dir, content, filepath.Join(content, "public"), layouts, filepath.Join(dir, "."), filepath.Join(linked, "public")} {
		res, err := Build(context.Background(), Config{Content: content, Layouts: layouts, Out: out, Now: exampleNow, Cache: ""})
		if err == nil || len(res.Diagnostics) != 1 || res.Diagnostics[0].Pos.File != out || !strings.Contains(res.Diagnostics[0].Msg, "choose") {
			t.Errorf("Build with --out %s: err = %v, diagnostics %v; want one refusal", out, err, res.Diagnostics)
		}
	}
	if after := tree(t, dir); !maps.Equal(before, after) {
		t.Errorf("refused builds changed the folder: %v, want %v", after, before)
	}
	if _, err := Build(context.Background(), Config{Content: content, Layouts: layouts, Out: filepath.Join(dir, "public"), Now: exampleNow, Cache: ""}); err != nil {
		t.Errorf("Build with an output folder beside the content: %v", err)
	}
}

func TestDraftsAppearNowhereWithoutFlag(t *testing.T) {
	t.Parallel()
	const draftURL = "2026-11-24-mei-sync-health-usability-plan"
	data, err := os.ReadFile("../content/updates/" + draftURL + ".md")
	if err != nil || !bytes.Contains(data, []byte("draft: true")) {
		t.Fatalf("the example site's draft update is gone (%v); update this test", err)
	}
	_, out := buildExample(t, nil)
	for p := range tree(t, out) {
		b, _ := os.ReadFile(filepath.Join(out, p))
		if strings.Contains(p, draftURL) || bytes.Contains(b, []byte(draftURL)) {
			t.Errorf("draft appears in %s", p)
		}
	}
	_, out = buildExample(t, func(c *Config) { c.Drafts = true })
	found := 0
	for _, p := range []string{"updates/" + draftURL + "/index.html", "updates/feed.xml", "sitemap.xml", "people/mei/index.html"} {
		b, err := os.ReadFile(filepath.Join(out, p))
		if err == nil && (strings.Contains(p, draftURL) || bytes.Contains(b, []byte(draftURL))) {
			found++
		}
	}
	if found != 4 {
		t.Errorf("with Drafts the draft appears in %d of 4 places", found)
	}
}

func TestFeedsParse(t *testing.T) {
	t.Parallel()
	res, out := buildExample(t, nil)
	_, out2 := buildExample(t, func(c *Config) { c.Now = exampleNow.AddDate(0, 0, 3) })
	base := res.Site.Config.BaseURL
	parser := gofeed.NewParser()
	feeds := 0
	for p := range tree(t, out) {
		name := filepath.Base(p)
		if name != "feed.xml" && name != "atom.xml" && name != "feed.json" {
			continue
		}
		feeds++
		parse := func(dir string) *gofeed.Feed {
			f, err := os.Open(filepath.Join(dir, p))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			feed, err := parser.Parse(f)
			if err != nil {
				t.Fatalf("%s does not parse: %v", p, err)
			}
			return feed
		}
		feed, again := parse(out), parse(out2)
		if feed.Title == "" || !strings.HasPrefix(feed.Link, base) {
			t.Errorf("%s: title %q, link %q", p, feed.Title, feed.Link)
		}
		var ids, ids2 []string
		for _, it := range feed.Items {
			ids = append(ids, it.GUID)
			if !strings.HasPrefix(it.Link, base) || it.GUID == "" || it.Title == "" || it.Content == "" {
				t.Errorf("%s: item %q: link %q, id %q, content %d bytes", p, it.Title, it.Link, it.GUID, len(it.Content))
			}
			if strings.Contains(it.Content, `href="/`) {
				t.Errorf("%s: item %q has root-relative links in its content", p, it.Title)
			}
		}
		for _, it := range again.Items {
			ids2 = append(ids2, it.GUID)
		}
		if !slices.Equal(ids, ids2) {
			t.Errorf("%s: item ids changed between builds", p)
		}
		switch name {
		case "feed.xml", "atom.xml":
			if len(feed.FeedLink) == 0 || !strings.HasSuffix(feed.FeedLink, "/"+p) {
				t.Errorf("%s: self link %q", p, feed.FeedLink)
			}
		case "feed.json":
			if feed.FeedLink != base+p {
				t.Errorf("%s: feed_url %q", p, feed.FeedLink)
			}
		}
	}
	if feeds < 30 {
		t.Errorf("found %d feed files, want one RSS, Atom and JSON feed per section, team, person and tag", feeds)
	}

	// Spot checks on the updates feed: authors and categories.
	f, _ := os.Open(filepath.Join(out, "updates/feed.xml"))
	defer f.Close()
	feed, err := parser.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	it := feed.Items[0]
	if len(it.Authors) == 0 || it.Authors[0].Name == "" || len(it.Categories) == 0 {
		t.Errorf("updates feed item %q: authors %v categories %v", it.Title, it.Authors, it.Categories)
	}
	raw, _ := os.ReadFile(filepath.Join(out, "updates/feed.xml"))
	if !bytes.Contains(raw, []byte(`<author>`)) || !bytes.Contains(raw, []byte(`@northwind.example (`)) {
		t.Errorf("RSS authors should be \"email (name)\"")
	}
}

func TestFeedDiscoveryLinks(t *testing.T) {
	t.Parallel()
	_, out := buildExample(t, nil)
	for page, feed := range map[string]string{
		"index.html":                "/feed.xml",
		"updates/index.html":        "/updates/feed.xml",
		"decisions/index.html":      "/decisions/atom.xml",
		"teams/platform/index.html": "/teams/platform/feed.json",
		"people/ana/index.html":     "/people/ana/feed.xml",
		"handbook/index.html":       "/handbook/feed.xml",
	} {
		b, err := os.ReadFile(filepath.Join(out, page))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte(`<link rel="alternate"`)) || !bytes.Contains(b, []byte(`href="`+feed+`"`)) {
			t.Errorf("%s does not link to %s", page, feed)
		}
	}
}

// TestProgress checks that a build reports its stages as it goes, and
// counts every file it makes.
func TestProgress(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	stages := map[string]int{}
	res, _ := buildExample(t, func(c *Config) {
		c.Progress = func(stage string, n int) {
			mu.Lock()
			defer mu.Unlock()
			stages[stage] = max(stages[stage], n)
		}
	})
	if _, ok := stages["reading"]; !ok {
		t.Errorf("no reading stage reported: %v", stages)
	}
	if stages["making"] < res.Files {
		t.Errorf("making reached %d, want at least the %d files written", stages["making"], res.Files)
	}
}
