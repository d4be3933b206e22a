package content

import (
	"bytes"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/handbook/handbook/generator/diag"
	"github.com/handbook/handbook/generator/markdown"
	"github.com/handbook/handbook/generator/site"
	"github.com/handbook/handbook/generator/sitetest"
)

// The fuzz targets are seeded with the content files of the broken-input
// corpus and the site tests. Run one with, for example:
//
//	go test -run='^$' -fuzz='^FuzzFrontMatter$' -fuzztime=1m ./generator/content
//
// Inputs that fail are saved under testdata/fuzz and then run as regular
// test cases.

func seeds(f testing.TB) []sitetest.File {
	return append(sitetest.ContentFiles(f, "../testdata/broken/*.txtar", 64<<10), sitetest.ContentFiles(f, "../testdata/sites/*.txtar", 64<<10)...)
}

// checkDiags fails when a diagnostic is not one line of printable text,
// reports a panic the loader recovered from, or points outside its file,
// whose text (as split normalised it) is text.
func checkDiags(t *testing.T, diags diag.List, file string, text []byte) {
	t.Helper()
	lines := bytes.Split(text, []byte("\n"))
	for _, d := range diags {
		s := d.String()
		if strings.ContainsAny(s, "\n\r\x1b") || strings.Contains(d.Msg, "internal error") {
			t.Errorf("diagnostic %q", s)
		}
		if d.Pos.File != file || d.Pos.Line == 0 {
			continue
		}
		if d.Pos.Line > len(lines) || d.Pos.Col < 1 || d.Pos.Col > len(lines[d.Pos.Line-1])+1 {
			t.Errorf("diagnostic %q points outside the file (%d lines)", s, len(lines))
		}
	}
}

// FuzzFrontMatter splits and decodes arbitrary bytes as a content file's
// front matter, and reads every key with every typed accessor.
func FuzzFrontMatter(f *testing.F) {
	for _, s := range seeds(f) {
		if IsMarkdown(s.Path) {
			f.Add(s.Data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var diags diag.List
		src := split("f.md", data, &diags)
		if src.meta != nil {
			fl := newFields(src.meta, "f.md", time.UTC, &diags)
			for _, k := range src.meta.keys {
				fl.str(k)
				fl.strs(true, k)
				fl.date(k)
				fl.number(k)
				fl.integer(k)
				fl.boolean(k)
				fl.status(k)
				fl.list(k)
				fl.table(k)
			}
			fl.tags()
			fl.params()
		}
		checkDiags(t, diags, "f.md", src.text)
	})
}

// loadBase is a small site the fuzzed file is added to, so that its
// references have something to resolve against.
var loadBase = fstest.MapFS{
	"site.toml":                 {Data: []byte("title = \"Fuzz\"\nbase_url = \"https://fuzz.example/docs/\"\n")},
	"people/ana.md":             {Data: []byte("---\nname: Ana\nteam: core\n---\n")},
	"teams/core.md":             {Data: []byte("---\nname: Core\n---\n")},
	"objectives/faster.md":      {Data: []byte("---\nperiod: 2026-Q4\nkey_results:\n  - id: p95\n    target: 300\n---\n")},
	"decisions/0001-go.md":      {Data: []byte("---\nstatus: accepted\n---\n# Go\n")},
	"handbook/index.md":         {Data: []byte("# Home\n\n[Guide](guide/setup.md)\n")},
	"handbook/guide/setup.md":   {Data: []byte("# Setup\n\n## Install\n")},
	"updates/2026-11-20-ana.md": {Data: []byte("---\nauthor: ana\ndate: 2026-11-20\n---\nHi.\n")},
}

// FuzzLoad loads a small site with one more file, of any name and
// content, and links the model. Nothing may panic (the loader would turn
// a panic into an "internal error" diagnostic), diagnostics must point
// into the file, and every page's URL must be a clean path on the site.
func FuzzLoad(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s.Path, s.Data)
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if !fs.ValidPath(name) || name == "." || len(data) > 1<<20 {
			return
		}
		fsys := maps.Clone(loadBase)
		for p := range loadBase {
			if p == name || strings.HasPrefix(p, name+"/") || strings.HasPrefix(name, p+"/") {
				return // a file where the base has a folder, or the reverse
			}
		}
		fsys[name] = &fstest.MapFile{Data: data}
		res, diags := Load(fsys, Options{})
		s, more := site.New(res.Content, site.Options{Now: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)})
		diags.Append(more)
		var text []byte
		var split diag.List
		switch {
		case IsMarkdown(name):
			text = splitText(data, &split)
		case isCategory(name):
			text = data // read as it is
		}
		checkDiags(t, diags, "content/"+name, text)
		for _, d := range s.Docs() {
			checkSitePath(t, d.URL)
		}
		for _, tag := range s.Tags {
			checkSitePath(t, tag.URL)
		}
	})
}

func splitText(data []byte, diags *diag.List) []byte { return split("f.md", data, diags).text }

// checkSitePath fails unless p is "/a/b/": clean, with a final slash, of
// printable characters.
func checkSitePath(t *testing.T, p string) {
	t.Helper()
	inner := strings.Trim(p, "/")
	if !strings.HasPrefix(p, "/") || !strings.HasSuffix(p, "/") || !fs.ValidPath(inner) || inner == "." || strings.ContainsFunc(p, diag.IsControl) {
		t.Errorf("site path %q is not clean", p)
	}
}

// linkDest finds link destinations in Markdown seeds.
var linkDest = regexp.MustCompile(`\]\(([^)\s]*)`)

// FuzzLinks rewrites a link destination written in a file, on its own
// and as Markdown would carry it. A rewritten link must be a path on the
// site, never gain a scheme; and whatever the destination, the HTML may
// not hold anything that runs script.
func FuzzLinks(f *testing.F) {
	for _, s := range seeds(f) {
		for _, m := range linkDest.FindAllSubmatch(s.Data, -1) {
			f.Add("handbook/index.md", string(m[1]))
		}
	}
	for _, d := range []string{"../../etc/passwd", "javascript:alert(1)", "&#106;avascript:x", "java&#9;script:x", "//evil.example/x", "/updates/", "guide/setup.md#install",
		"%2e%2e/%2e%2e/x", `C:\x`, `\\evil\x`, "guide/../../../x.md", "guide/", "#top", "My%20Diagram.svg", "data:text/html,<script>x</script>", "a\x00b.md",
		"%2fevil.example/x", "x\n" + strings.Repeat("*", 1100) + "[q](javascript:x)" + strings.Repeat("*", 1100)} {
		f.Add("handbook/guide/setup.md", d)
	}
	l := &loader{
		md:     map[string]bool{"handbook/index.md": true, "handbook/guide/setup.md": true, "handbook/guide/README.md": true, "updates/x.md": true},
		static: map[string]bool{"handbook/img/logo.png": true, "handbook/My Diagram.svg": true},
		base:   "/docs",
	}
	conv := markdown.New(markdown.Options{})
	f.Fuzz(func(t *testing.T, from, dest string) {
		if !fs.ValidPath(from) {
			return
		}
		r := l.resolve(from, dest, false)
		if r.href != dest {
			u, err := url.Parse(r.href)
			if !strings.HasPrefix(r.href, l.base+"/") || strings.HasPrefix(r.href, l.base+"//") || err == nil && u.Scheme != "" {
				t.Errorf("resolve(%q, %q) = %q, want a path under %s/", from, dest, r.href, l.base)
			}
		}
		if tg := r.target; tg != "" && (path.Clean(tg) != tg || tg == ".." || strings.HasPrefix(tg, "../") || strings.HasPrefix(tg, "/")) {
			t.Errorf("resolve(%q, %q) targets %q", from, dest, r.target)
		}
		src := "[x](" + dest + ") ![y](" + dest + ") <" + dest + ">\n\n[z]\n\n[z]: " + dest + "\n"
		md, err := conv.Convert([]byte(src), func(d string, image bool) string { return l.resolve(from, d, image).href }, nil)
		if err != nil {
			return
		}
		for _, h := range sitetest.Hazards(sitetest.Parse(md.HTML), true) {
			t.Errorf("link %q: %s", dest, h)
		}
	})
}
