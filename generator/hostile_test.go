package generator

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/tools/txtar"

	"github.com/handbook/handbook/generator/diag"
	"github.com/handbook/handbook/generator/search"
	"github.com/handbook/handbook/generator/sitetest"
)

// writeArchive writes the txtar site at file into a new folder and
// returns a configuration that builds it there as its args section says.
func writeArchive(t *testing.T, file string) Config {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	sitetest.Write(t, ar, dir)
	a := sitetest.ParseArgs(t, ar)
	return Config{Content: filepath.Join(dir, "content"), Layouts: filepath.Join(dir, "layouts"), Out: filepath.Join(dir, "public"), Now: a.Now, Drafts: a.Drafts, BaseURL: a.BaseURL}
}

// buildArchive builds the txtar site at file into a new folder and
// returns the build's result and the output folder.
func buildArchive(t *testing.T, file string) (Result, string) {
	t.Helper()
	cfg := writeArchive(t, file)
	res, err := Build(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Build %s: %v", file, err)
	}
	return res, cfg.Out
}

// TestHostile builds the hostile-content case and checks that every
// payload in it is inert in every output: HTML pages, RSS, Atom and JSON
// feeds, the sitemap and any other JSON file. Package e2e loads the same
// pages in Chromium.
func TestHostile(t *testing.T) {
	t.Parallel()
	_, out := buildArchive(t, "testdata/broken/hostile.txtar")
	var pages, feeds, jsons int
	for rel := range sitetest.Tree(t, out) {
		p := filepath.Join(out, filepath.FromSlash(rel))
		switch name := filepath.Base(rel); {
		case strings.HasSuffix(name, ".html"):
			pages++
			checkPage(t, rel, readFile(t, p))
		case name == "feed.xml" || name == "atom.xml":
			feeds++
			checkXML(t, rel, readFile(t, p))
			checkFeed(t, rel, readFile(t, p))
		case name == "feed.json":
			feeds++
			checkJSON(t, rel, readFile(t, p))
			checkFeed(t, rel, readFile(t, p))
		case name == "sitemap.xml":
			checkXML(t, rel, readFile(t, p))
			checkSitemap(t, rel, readFile(t, p))
		case strings.HasSuffix(name, ".json"):
			jsons++
			checkJSON(t, rel, readFile(t, p))
		}
	}
	if pages < 20 || feeds < 30 {
		t.Errorf("checked %d pages and %d feeds; the hostile site should have more", pages, feeds)
	}

	// The payloads are shown as text, not dropped: escaping, not removal.
	for page, want := range map[string]string{
		"handbook/index.html":                                "Home <script>localStorage.p_home=1</script>",
		"people/ana/index.html":                              "<svg onload=localStorage.p_name=1>Ana",
		"teams/core/index.html":                              `<iframe src="javascript:localStorage.p_team=1"></iframe>Core`,
		"updates/2026-11-18-ana/index.html":                  "</script><script>localStorage.p_update_title=1</script> ]]> <![CDATA[ & done",
		"decisions/0001-hostile/index.html":                  "<script>localStorage.p_decision=1</script>Hostile decision",
		"handbook/controls/index.html":                       "nul bell escape[31m rlognp.exe isolate c1 end",
		"objectives/faster/index.html":                       "<style>*{display:none}</style><script>localStorage.p_objective=1</script>Faster",
		"tags/script-localstorage-p-tag-1-script/index.html": "Tagged “<script>localStorage.p_tag=1</script>”",
	} {
		doc, err := html.Parse(bytes.NewReader(readFile(t, filepath.Join(out, page))))
		if err != nil {
			t.Fatal(err)
		}
		if h1 := sitetest.Text(find(doc, atom.H1)); h1 != want {
			t.Errorf("%s: h1 %q, want %q", page, h1, want)
		}
	}
	if b := readFile(t, filepath.Join(out, "handbook/index.html")); !bytes.Contains(b, []byte("<!-- raw HTML omitted -->")) {
		t.Errorf("raw HTML in a body is not left out by default")
	}

	checkSearch(t, out)

	// Feed items carry the same text, exactly, once parsed back.
	f, err := gofeed.NewParser().Parse(bytes.NewReader(readFile(t, filepath.Join(out, "updates/feed.xml"))))
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]bool{}
	for _, it := range f.Items {
		titles[it.Title] = true
	}
	for _, want := range []string{"</script><script>localStorage.p_update_title=1</script> ]]> <![CDATA[ & done", "JSON </script><script>localStorage.p_json_title=1</script>"} {
		if !titles[want] {
			t.Errorf("updates/feed.xml has no item titled %q: %v", want, titles)
		}
	}
	// A plain-text summary is escaped into the HTML of a tag feed's
	// item content.
	const summary = `"><img src=x onerror=localStorage.p_description=1>`
	for _, file := range []string{"tags/safe/feed.xml", "tags/safe/atom.xml", "tags/safe/feed.json"} {
		f, err := gofeed.NewParser().Parse(bytes.NewReader(readFile(t, filepath.Join(out, file))))
		if err != nil {
			t.Fatal(err)
		}
		if want := "<p>" + html.EscapeString(summary) + "</p>"; len(f.Items) != 1 || f.Items[0].Content != want {
			t.Errorf("%s: item content is not %q: %+v", file, want, f.Items)
		}
	}
}

// TestRawHTML checks that raw_html = true passes a body's raw HTML
// through, and still escapes front-matter values.
func TestRawHTML(t *testing.T) {
	t.Parallel()
	_, out := buildArchive(t, "testdata/broken/raw-html.txtar")
	b := readFile(t, filepath.Join(out, "handbook/index.html"))
	if !bytes.Contains(b, []byte("<script>localStorage.p_raw_body=1</script>")) {
		t.Errorf("raw_html = true: the body's script is not on the page")
	}
	if bytes.Contains(b, []byte("<script>localStorage.p_raw_title=1")) {
		t.Errorf("raw_html = true: the title's script is on the page unescaped")
	}
}

func readFile(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// checkPage checks that an HTML page can run no script but the site's
// own: no inline script but JSON data that parses, no event handler
// attributes, no javascript:, vbscript: or data: URLs (but data: images),
// no frames, plugins, forms, base or refresh, no style set by content,
// and no control or bidi characters in the title and headings.
func checkPage(t *testing.T, rel string, data []byte) {
	t.Helper()
	for _, p := range sitetest.Hazards(sitetest.Parse(data), false) {
		t.Errorf("%s: %s", rel, p)
	}
}

// find returns the first element under n with the given tag.
func find(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, a); f != nil {
			return f
		}
	}
	return nil
}

// checkXML checks that a file is well-formed XML, strictly.
func checkXML(t *testing.T, rel string, data []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Errorf("%s is not well-formed XML: %v", rel, err)
			return
		}
	}
}

// checkJSON checks that a file is valid JSON.
func checkJSON(t *testing.T, rel string, data []byte) {
	t.Helper()
	if !json.Valid(data) {
		t.Errorf("%s is not valid JSON", rel)
	}
}

// checkFeed parses a feed back and checks each item: a title without
// control or bidi characters, and content HTML that a feed reader can
// show without running anything.
func checkFeed(t *testing.T, rel string, data []byte) {
	t.Helper()
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		t.Errorf("%s does not parse: %v", rel, err)
		return
	}
	if strings.ContainsFunc(f.Title, diag.IsControl) {
		t.Errorf("%s: feed title %q has control or bidi characters", rel, f.Title)
	}
	// Descriptions are HTML in RSS and Atom, plain text in JSON Feed.
	isHTML := f.FeedType != "json"
	checkHTML := func(item, field string) {
		nodes, err := html.ParseFragment(strings.NewReader(field), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
		if err != nil {
			t.Errorf("%s: %s: %v", rel, item, err)
			return
		}
		for _, n := range nodes {
			for _, p := range sitetest.Hazards(n, true) {
				t.Errorf("%s: %s: %s", rel, item, p)
			}
		}
	}
	if isHTML {
		checkHTML("feed description", f.Description)
	}
	for _, it := range f.Items {
		if strings.ContainsFunc(it.Title, diag.IsControl) {
			t.Errorf("%s: item title %q has control or bidi characters", rel, it.Title)
		}
		for _, a := range it.Authors {
			if strings.ContainsFunc(a.Name, diag.IsControl) {
				t.Errorf("%s: author %q has control or bidi characters", rel, a.Name)
			}
		}
		checkHTML("item "+strconv.Quote(it.Title), it.Content)
		if isHTML {
			checkHTML("item "+strconv.Quote(it.Title)+" description", it.Description)
		}
	}
}

// checkSitemap checks that every location is an absolute URL on the
// site's host.
func checkSitemap(t *testing.T, rel string, data []byte) {
	t.Helper()
	var set struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(data, &set); err != nil {
		t.Errorf("%s: %v", rel, err)
		return
	}
	for _, u := range set.URLs {
		p, err := url.Parse(u.Loc)
		if err != nil || p.Scheme != "https" || p.Host != "hostile.example" || strings.ContainsFunc(u.Loc, diag.IsControl) {
			t.Errorf("%s: location %q is not a clean URL on the site", rel, u.Loc)
		}
	}
	if len(set.URLs) < 10 {
		t.Errorf("%s lists %d pages", rel, len(set.URLs))
	}
}

// checkSearch reads the search index the build wrote, as the client
// does: every document file is JSON, and a search for the payloads' words
// finds them with their titles as text, exactly as written.
func checkSearch(t *testing.T, out string) {
	t.Helper()
	idx := &search.Index{}
	for rel := range sitetest.Tree(t, out) {
		if !strings.HasPrefix(rel, "search/") || !strings.Contains(path.Base(rel), ".") {
			continue
		}
		data := readFile(t, filepath.Join(out, filepath.FromSlash(rel)))
		idx.Files = append(idx.Files, search.File{Path: rel, Data: data})
		if rel == search.ManifestPath {
			idx.Manifest = rel
		}
		if strings.HasPrefix(rel, "search/d/") {
			zr, err := gzip.NewReader(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("%s: %v", rel, err)
			}
			doc, err := io.ReadAll(zr)
			if err != nil || !json.Valid(doc) {
				t.Errorf("%s is not gzipped JSON: %v", rel, err)
			}
		}
	}
	slices.SortFunc(idx.Files, func(a, b search.File) int { return strings.Compare(a.Path, b.Path) })
	sr, err := search.Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	res, err := sr.Search(search.Query{Text: "localstorage"})
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]bool{}
	for _, h := range res.Hits {
		titles[h.Title] = true
	}
	for _, want := range []string{"<script>localStorage.p_decision=1</script>Hostile decision", "</script><script>localStorage.p_update_title=1</script> ]]> <![CDATA[ & done", "<svg onload=localStorage.p_name=1>Ana"} {
		if !titles[want] {
			t.Errorf("search for localstorage: no hit titled %q in %v", want, titles)
		}
	}
}
