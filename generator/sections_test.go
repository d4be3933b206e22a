package generator

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/handbook/handbook/generator/render"
	"github.com/handbook/handbook/generator/sitetest"
)

// TestFolderSections builds a handbook dropped in as folders without
// index files, one of them flat with many pages: every folder gets a
// landing page that lists its pages, paginated, a sidebar entry and a
// breadcrumb that works; the sidebar shows a window of a long section and
// a link to the whole list, never every page; and the crawl reaches
// every page from the home page.
func TestFolderSections(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]string{
		"content/site.toml": "title = \"T\"\nbase_url = \"https://example.com/\"\n",
		"content/handbook/engineering-practices/review.md":        "---\nweight: 2\n---\n# Code review\n\nHow we review.\n",
		"content/handbook/engineering-practices/testing/unit.md":  "# Unit tests\n\nSmall and fast.\n",
		"content/handbook/engineering-practices/testing/index.md": "---\ntitle: Testing\nsidebar_position: 1\n---\nHow we test.\n",
	}
	const flat = 45
	for i := range flat {
		files[fmt.Sprintf("content/handbook/runbooks/page-%02d.md", i)] = fmt.Sprintf("# Runbook %02d\n\nStep one.\n", i)
	}
	sitetest.WriteFiles(t, dir, files)
	out := filepath.Join(dir, "public")
	res, err := Build(context.Background(), Config{Content: filepath.Join(dir, "content"), Layouts: filepath.Join(dir, "none"), Out: out, Now: exampleNow})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) > 0 {
		t.Errorf("diagnostics: %v", res.Diagnostics)
	}
	read := func(p string) string {
		t.Helper()
		return readOut(t, out, p)
	}
	has := func(page, want string) {
		t.Helper()
		if !strings.Contains(read(page), want) {
			t.Errorf("%s lacks %s", page, want)
		}
	}

	// Landing pages, titled after their folders, listing their pages in
	// order: weight, then sidebar_position, then title.
	ep := read("handbook/engineering-practices/index.html")
	if !strings.Contains(ep, "<h1>Engineering practices</h1>") {
		t.Error("engineering-practices/ is not titled after its folder")
	}
	if i, j := strings.Index(ep, `href="/handbook/engineering-practices/review/">Code review`), strings.Index(ep, `href="/handbook/engineering-practices/testing/">Testing`); i < 0 || j < 0 || i > j {
		t.Errorf("engineering-practices/ lists review at %d and testing at %d, want review (weight) first", i, j)
	}
	has("handbook/index.html", `href="/handbook/runbooks/">Runbooks</a>`)
	// Breadcrumbs name every folder on the way, each a page.
	has("handbook/engineering-practices/testing/unit/index.html", `<li><a href="/handbook/">Handbook</a></li><li><a href="/handbook/engineering-practices/">Engineering practices</a></li><li><a href="/handbook/engineering-practices/testing/">Testing</a></li><li aria-current="page">Unit tests</li>`)

	// The flat folder's list is paginated, PerPage at a time.
	pages := (flat + render.PerPage - 1) / render.PerPage
	has("handbook/runbooks/index.html", `href="/handbook/runbooks/page-00/">Runbook 00`)
	last := read(fmt.Sprintf("handbook/runbooks/page/%d/index.html", pages))
	if !strings.Contains(last, fmt.Sprintf("Runbooks, page %d of %d", pages, pages)) || !strings.Contains(last, fmt.Sprintf(`href="/handbook/runbooks/page-%02d/">Runbook %02d`, flat-1, flat-1)) {
		t.Errorf("the last page of runbooks/ does not list the last runbook")
	}
	if want := fmt.Sprintf(`<li aria-current="page">Runbooks, page %d of %d</li>`, pages, pages); !strings.Contains(last, want) {
		t.Errorf("the last page of runbooks/ lacks the breadcrumb %s", want)
	}

	// The sidebar of a page deep in the flat folder: a window around it,
	// and a link to the folder's whole list.
	mid := read("handbook/runbooks/page-30/index.html")
	nav := mid[strings.Index(mid, `<nav aria-label="Handbook">`):]
	nav = nav[:strings.Index(nav, "</nav>")]
	entries := regexp.MustCompile(`href="/handbook/runbooks/page-\d+/"`).FindAllString(nav, -1)
	if len(entries) != render.NavWindow {
		t.Errorf("sidebar shows %d runbooks, want a window of %d", len(entries), render.NavWindow)
	}
	for _, want := range []string{
		`<a href="/handbook/runbooks/page-30/" aria-current="page">Runbook 30</a>`,
		fmt.Sprintf(`<a href="/handbook/runbooks/">All %d pages in Runbooks</a>`, flat),
		`<a href="/handbook/engineering-practices/">Engineering practices</a>`,
	} {
		if !strings.Contains(nav, want) {
			t.Errorf("sidebar lacks %s", want)
		}
	}
	if strings.Contains(nav, "/handbook/runbooks/page-00/") || strings.Contains(nav, "/handbook/engineering-practices/review/") {
		t.Error("sidebar shows pages outside the window or in closed sections")
	}
	crawl(t, out, "", nil)
}

// TestParentPages builds a handbook laid out as Jekyll's just-the-docs
// lays one out: a parent page beside the folder of its children
// (guides.md beside guides/, "On Call.md" beside on-call/), with no
// index files. The parent page is
// the folder's landing page, with its own text and its children listed,
// in the sidebar and the breadcrumbs; a link to a folder leads to its
// landing page, the parent page or the one the site generates; and a
// folder with an index file of its own and a page beside it is reported,
// as both would be written to the same place.
func TestParentPages(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	sitetest.WriteFiles(t, dir, map[string]string{
		"content/site.toml":                    "title = \"T\"\nbase_url = \"https://example.com/\"\n",
		"content/handbook/guides.md":           "---\ntitle: Guides\nhas_children: true\nnav_order: 1\n---\nEverything we wrote down.\n\n## Where to start\n\nHere.\n",
		"content/handbook/guides/setup.md":     "---\nparent: Guides\n---\n# Setup\n\nInstall it.\n",
		"content/handbook/guides/deep/more.md": "# More\n\nDeeper.\n",
		"content/handbook/runbooks/restart.md": "# Restart\n\nTurn it off and on.\n",
		"content/handbook/On Call.md":          "---\ntitle: On call\n---\nWho answers the pager.\n",
		"content/handbook/on-call/rota.md":     "# Rota\n\nWeekly.\n",
		"content/handbook/later/plan.md":       "---\ndraft: true\n---\n# Plan\n\nNot yet.\n",
		"content/handbook/links.md":            "# Links\n\n[A](guides/), [B](guides#where-to-start), [C](guides/deep/) and [D](./runbooks/).\n\n[E](guides#nowhere) and [F](later/).\n",
	})
	out := filepath.Join(dir, "public")
	cfg := Config{Content: filepath.Join(dir, "content"), Layouts: filepath.Join(dir, "none"), Out: out, Now: exampleNow}
	res, err := Build(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	// A link to a heading the parent page lacks, and to a folder of
	// drafts, which has no landing page in a build without drafts.
	var got []string
	for _, d := range res.Diagnostics {
		got = append(got, fmt.Sprintf("%d:%d: %s", d.Pos.Line, d.Pos.Col, d.Msg))
	}
	if want := []string{"5:1: link to missing heading #nowhere in handbook/guides.md", "5:25: link to later/, a folder with no published pages"}; !slices.Equal(got, want) {
		t.Errorf("diagnostics %q, want %q", got, want)
	}
	read := func(p string) string {
		t.Helper()
		return readOut(t, out, p)
	}
	guides := read("handbook/guides/index.html")
	for _, want := range []string{"<h1>Guides</h1>", "Everything we wrote down.", `href="/handbook/guides/setup/">Setup</a>`, `href="/handbook/guides/deep/">Deep</a>`} {
		if !strings.Contains(guides, want) {
			t.Errorf("guides/ lacks %s", want)
		}
	}
	if want := `<li><a href="/handbook/">Handbook</a></li><li><a href="/handbook/guides/">Guides</a></li><li><a href="/handbook/guides/deep/">Deep</a></li><li aria-current="page">More</li>`; !strings.Contains(read("handbook/guides/deep/more/index.html"), want) {
		t.Errorf("more/ lacks the breadcrumbs %s", want)
	}
	// A page beside a folder whose name makes the same address, as
	// "On Call.md" and on-call/ do.
	if want := `<li><a href="/handbook/on-call/">On call</a></li><li aria-current="page">Rota</li>`; !strings.Contains(read("handbook/on-call/rota/index.html"), want) {
		t.Errorf("on-call/rota/ lacks the breadcrumbs %s", want)
	}
	setup := read("handbook/guides/setup/index.html")
	nav := setup[strings.Index(setup, `<nav aria-label="Handbook">`):]
	nav = nav[:strings.Index(nav, "</nav>")]
	if !strings.Contains(nav, `href="/handbook/guides/">Guides</a>`) || !strings.Contains(nav, `href="/handbook/guides/setup/" aria-current="page">Setup</a>`) {
		t.Errorf("the sidebar of setup/ does not hold it under Guides:\n%s", nav)
	}
	if strings.Count(nav, `href="/handbook/guides/"`) != 1 {
		t.Errorf("the sidebar of setup/ lists guides/ more than once:\n%s", nav)
	}
	links := read("handbook/links/index.html")
	for _, want := range []string{`href="/handbook/guides/">A</a>`, `href="/handbook/guides/#where-to-start">B</a>`, `href="/handbook/guides/deep/">C</a>`, `href="/handbook/runbooks/">D</a>`} {
		if !strings.Contains(links, want) {
			t.Errorf("links/ lacks %s", want)
		}
	}
	// The two links the build warned about are the crawl's only finds.
	crawl(t, out, "", []string{
		`handbook/links/index.html: /handbook/guides/#nowhere: no element with id "nowhere" in handbook/guides/index.html`,
		"handbook/links/index.html: /handbook/later/: no file handbook/later/index.html",
	})

	// An index file in the folder as well: two landing pages.
	sitetest.WriteFiles(t, dir, map[string]string{"content/handbook/guides/index.md": "# Also guides\n\nTwice.\n"})
	res, err = Build(context.Background(), cfg)
	if err == nil {
		t.Fatal("a folder with an index file and a page beside it built")
	}
	if got := fmt.Sprint(res.Diagnostics); !strings.Contains(got, "handbook/guides") || !strings.Contains(got, "/handbook/guides/") {
		t.Errorf("diagnostics %q do not name the two pages of /handbook/guides/", got)
	}
}

// TestDocusaurusFolders builds handbook folders laid out as Docusaurus
// lays out docs: number prefixes on names, _category_ files, fractional
// positions. In a section whose every name has a number prefix, the
// numbers order it and titles made from names leave them out; where only
// some names have one, it is part of the name. The category files title,
// place and describe their folders and are not published, and URLs keep
// the names as they are.
func TestDocusaurusFolders(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	sitetest.WriteFiles(t, dir, map[string]string{
		"content/site.toml":                           "title = \"T\"\nbase_url = \"https://example.com/\"\n",
		"content/handbook/01-start/_category_.json":   `{"label": "Getting started", "position": 2, "collapsed": false, "link": {"type": "generated-index", "description": "The first <steps>."}}`,
		"content/handbook/01-start/01-intro.md":       "Hello.\n",
		"content/handbook/02-guides/_category_.yml":   "label: Guides\nposition: 1.5\n",
		"content/handbook/02-guides/10-deploy.md":     "---\nsidebar_position: 2.5\nsidebar_label: Ship\n---\n# Deploy\n\nShip it.\n",
		"content/handbook/ops/index.md":               "# Operations handbook\n\nRunning things.\n",
		"content/handbook/ops/_category_.yml":         "label: Ops\n",
		"content/handbook/ops/pager.md":               "# Pager\n\nBeep.\n",
		"content/handbook/02-guides/05-rollback.md":   "Undo it.\n",
		"content/handbook/02-guides/04-faq/index.md":  "No heading here.\n",
		"content/handbook/02-guides/04-faq/q.md":      "# Q\n\nA.\n",
		"content/handbook/02-guides/03-advanced/x.md": "# X\n\nMore.\n",
		"content/handbook/reviews/90-day-review.md":   "Ninety days in.\n",
		"content/handbook/reviews/about-reviews.md":   "How we review.\n",
		"content/handbook/2024-plans.md":              "Plans.\n",
		"content/handbook/steps/01-one.md":            "Step.\n",
		"content/handbook/steps/02-two.md":            "Step.\n",
		"content/handbook/steps/later.md":             "---\ndraft: true\n---\nNot yet.\n",
		"content/handbook/about.md":                   "---\nsidebar_position: 0\n---\n# About\n\nUs.\n",
		"content/updates/_category_.json":             `{"label": "not a handbook folder"}`,
	})
	out := filepath.Join(dir, "public")
	cfg := Config{Content: filepath.Join(dir, "content"), Layouts: filepath.Join(dir, "none"), Out: out, Now: exampleNow}
	res, err := Build(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diagnostics) > 0 {
		t.Errorf("diagnostics: %v", res.Diagnostics)
	}
	// About (position 0), Guides (1.5), Getting started (2), then the
	// rest by title; in Guides, Deploy (2.5, labelled Ship), Advanced
	// (3), Faq (4, an index file's title made from its folder's name),
	// Rollback (5). Ops is the label of "Operations handbook". In
	// Steps a draft's name has no number, as a build with drafts shows.
	var order []string
	for _, p := range res.Site.Home.Children {
		order = append(order, p.Label())
		for _, c := range p.Children {
			order = append(order, "  "+c.Label())
		}
	}
	want := []string{"About", "Guides", "  Ship", "  Advanced", "  Faq", "  Rollback", "Getting started", "  Intro", "2024 plans", "Ops", "  Pager", "Reviews", "  90 day review", "  About reviews", "Steps", "  01 one", "  02 two"}
	if !slices.Equal(order, want) {
		t.Errorf("handbook order %q, want %q", order, want)
	}
	start := readOut(t, out, "handbook/01-start/index.html")
	for _, want := range []string{"<h1>Getting started</h1>", `<p class="lead">The first &lt;steps&gt;.</p>`, `<meta name="description" content="The first &lt;steps&gt;.">`, `href="/handbook/01-start/01-intro/">Intro</a>`} {
		if !strings.Contains(start, want) {
			t.Errorf("01-start/ lacks %s", want)
		}
	}
	rollback := readOut(t, out, "handbook/02-guides/05-rollback/index.html")
	for _, want := range []string{
		`<li><a href="/handbook/">Handbook</a></li><li><a href="/handbook/02-guides/">Guides</a></li><li aria-current="page">Rollback</li>`,
		`<li><a href="/handbook/02-guides/10-deploy/">Ship</a></li>`,
	} {
		if !strings.Contains(rollback, want) {
			t.Errorf("05-rollback/ lacks %s", want)
		}
	}
	// A sidebar_label names the page in its own breadcrumbs too, as in
	// Docusaurus; its title stays its heading.
	deploy := readOut(t, out, "handbook/02-guides/10-deploy/index.html")
	if !strings.Contains(deploy, ">Deploy</h1>") {
		t.Errorf("10-deploy/ is not titled Deploy")
	}
	if want := `<li><a href="/handbook/02-guides/">Guides</a></li><li aria-current="page">Ship</li>`; !strings.Contains(deploy, want) {
		t.Errorf("10-deploy/ lacks the breadcrumbs %s", want)
	}
	// A landing page of its own keeps its title, and the folder's label
	// names it in the sidebar and the breadcrumbs.
	if want := `<li><a href="/handbook/ops/">Ops</a></li><li aria-current="page">Pager</li>`; !strings.Contains(readOut(t, out, "handbook/ops/pager/index.html"), want) {
		t.Errorf("ops/pager/ lacks the breadcrumbs %s", want)
	}
	if ops := readOut(t, out, "handbook/ops/index.html"); !strings.Contains(ops, ">Operations handbook</h1>") {
		t.Errorf("ops/ is not titled Operations handbook")
	}
	for _, p := range []string{"handbook/01-start/_category_.json", "handbook/02-guides/_category_.yml"} {
		if _, err := os.Stat(filepath.Join(out, p)); !os.IsNotExist(err) {
			t.Errorf("%s published (%v), want it read and left out", p, err)
		}
	}
	// Outside the handbook it is a file like any other.
	if _, err := os.Stat(filepath.Join(out, "updates/_category_.json")); err != nil {
		t.Errorf("updates/_category_.json: %v", err)
	}
}

// TestFeedItems: feed_items in site.toml bounds every feed to the newest
// items; the older ones stay reachable on the paginated lists. A person's
// feed carries summaries, the updates feed whole bodies.
func TestFeedItems(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]string{
		"content/site.toml":   "title = \"T\"\nfeed_items = 2\n",
		"content/people/a.md": "---\nname: A\n---\n",
	}
	for i := 1; i <= 3; i++ {
		files[fmt.Sprintf("content/updates/2026-11-0%d-a.md", i)] = fmt.Sprintf("---\nauthor: a\ndate: 2026-11-0%d\ntitle: Update %d\n---\nDone.\n\nThe rest of the body.\n", i, i)
	}
	sitetest.WriteFiles(t, dir, files)
	out := filepath.Join(dir, "public")
	if _, err := Build(context.Background(), Config{Content: filepath.Join(dir, "content"), Layouts: filepath.Join(dir, "none"), Out: out, Now: exampleNow}); err != nil {
		t.Fatal(err)
	}
	for _, feed := range []string{"feed.xml", "updates/feed.xml", "people/a/feed.xml"} {
		b, err := os.ReadFile(filepath.Join(out, feed))
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(b), "<item>"); n != 2 || !strings.Contains(string(b), "Update 3") || strings.Contains(string(b), "Update 1") {
			t.Errorf("%s has %d items, want the newest 2", feed, n)
		}
	}
	// A person's, team's or tag's feed carries summaries and links; the
	// updates feed, bodies.
	for feed, full := range map[string]bool{"updates/feed.xml": true, "updates/feed.json": true, "people/a/feed.xml": false, "people/a/atom.xml": false, "people/a/feed.json": false} {
		b, err := os.ReadFile(filepath.Join(out, feed))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(string(b), "The rest of the body."); got != full {
			t.Errorf("%s carries bodies: %v, want %v", feed, got, full)
		}
		if !strings.Contains(string(b), "/updates/2026-11-03-a/") {
			t.Errorf("%s does not link to the newest update", feed)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(out, "updates/index.html")); !strings.Contains(string(b), "Update 1") {
		t.Error("the oldest update is not on the updates list")
	}
}
