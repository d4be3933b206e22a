package render

import (
	"bytes"
	"errors"
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/handbook/handbook/generator/cache"
	"github.com/handbook/handbook/generator/content"
	"github.com/handbook/handbook/generator/search"
	"github.com/handbook/handbook/generator/site"
	"github.com/handbook/handbook/layouts"
)

// TestWrittenInGo checks that the pages compiled.go writes are written by
// it: the site is rendered as if its layouts were the built-in ones, but
// with layouts whose mirrored templates write a mark, and no page may
// carry the mark. (TestCompiledPages, in package generator, checks that
// what compiled.go writes is what the templates write.)
func TestWrittenInGo(t *testing.T) {
	t.Parallel()
	const mark = "EXECUTED FROM A TEMPLATE"
	// Each mirrored template starts with the mark.
	marked := fstest.MapFS{}
	for name, define := range map[string]string{
		"partials.html": `{{define "update-item"}}`,
		"update.html":   `{{define "main"}}`,
		"updates.html":  `{{define "main"}}`,
		"list.html":     `{{define "main"}}`,
		"tag.html":      `{{define "main"}}`,
		"digest.html":   `{{define "main"}}`,
		"page.html":     `{{define "main"}}`,
		"decision.html": `{{define "main"}}`,
	} {
		b, err := fs.ReadFile(layouts.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte(define)) {
			t.Fatalf("%s has no %s", name, define)
		}
		marked[name] = &fstest.MapFile{Data: bytes.Replace(b, []byte(define), []byte(define+mark), 1)}
	}

	files := fstest.MapFS{
		"site.toml":           {Data: []byte("title = \"T\"\nbase_url = \"https://t.example/\"\n")},
		"people/ana.md":       {Data: []byte("---\nname: Ana\nteam: core\n---\n")},
		"teams/core.md":       {Data: []byte("---\nname: Core\n---\n")},
		"handbook/a.md":       {Data: []byte("---\ntitle: A\ntags: [x]\n---\n## One\n\nText.\n")},
		"decisions/0001-d.md": {Data: []byte("---\nstatus: accepted\ndate: 2026-11-18\ntags: [x]\n---\n# D\n")},
	}
	// More updates in a week than its digest and Ana's page show: both
	// link to a list of them.
	for i := range DigestUpdates + 1 {
		day := strconv.Itoa(16 + i%7)
		files["updates/2026-11-"+day+"-ana-"+strconv.Itoa(i)+".md"] = &fstest.MapFile{Data: []byte("---\ntitle: Update " + strconv.Itoa(i) + "\nauthor: ana\ndate: 2026-11-" + day + "\nstatus: on-track\ntags: [x]\n---\nDone.\n")}
	}
	s := linked(t, files)
	res, err := Render(s, Options{Layouts: Overlay(marked, layouts.FS), BuiltinLayouts: true})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, o := range res.Outputs {
		if !strings.HasSuffix(o.Path, ".html") {
			continue
		}
		for _, kind := range []string{"updates/2026", "updates/index", "people/ana/updates/", "tags/x/", "digest/2026-W47/index", "handbook/a/", "decisions/0001-d/"} {
			if strings.HasPrefix(o.Path, kind) {
				seen[kind] = true
			}
		}
		if bytes.Contains(o.Data, []byte(mark)) {
			t.Errorf("%s was executed from its template, not written in Go", o.Path)
		}
	}
	if len(seen) != 7 {
		t.Errorf("the site has pages of only %v of the 7 kinds written in Go", seen)
	}
}

// TestLayoutThatDoesNotParse checks that a layout with a syntax error
// fails the build with the layout's error, every time: the templates are
// parsed beside the first pages, which ask for them too.
func TestLayoutThatDoesNotParse(t *testing.T) {
	t.Parallel()
	s := fiftyUpdates(t)
	broken := fstest.MapFS{"update.html": {Data: []byte(`{{define "main"}}{{if .Title}}<h1>{{.Title}}</h1>{{end}`)}}
	// Every output fails as well, as fast as it can: the other tasks'
	// errors come first or last, by turns.
	full := func(Output) error { return errors.New("disk full") }
	for range 20 {
		_, err := Render(s, Options{Layouts: Overlay(broken, layouts.FS), Emit: full})
		if err == nil || !strings.HasPrefix(err.Error(), "layouts/update.html:") {
			t.Fatalf("Render with a broken update.html: error %v, want the layout's, starting layouts/update.html:", err)
		}
	}
	// The render stops at the layout's error: besides the search index,
	// which is made beside the layouts, no output is made.
	for range 20 {
		var mu sync.Mutex
		var made []string
		_, err := Render(s, Options{Layouts: Overlay(broken, layouts.FS), Emit: func(o Output) error {
			mu.Lock()
			defer mu.Unlock()
			made = append(made, o.Path)
			return nil
		}})
		if err == nil || !strings.HasPrefix(err.Error(), "layouts/update.html:") {
			t.Fatalf("Render with a broken update.html: error %v, want the layout's, starting layouts/update.html:", err)
		}
		for _, p := range made {
			if !strings.HasPrefix(p, search.Dir+"/") {
				t.Fatalf("Render with a broken update.html made %s", p)
			}
		}
	}
}

// TestLayoutsParsedBefore checks that a layout that does not parse is
// reported even when no page uses it, with a cache that knows the
// layouts as they were before it broke: layouts are parsed only as pages
// need them once they have parsed whole.
func TestLayoutsParsedBefore(t *testing.T) {
	t.Parallel()
	s := fiftyUpdates(t)
	c := cache.Open(t.TempDir())
	discard := func(Output) error { return nil }
	if _, err := Render(s, Options{Layouts: layouts.FS, Cache: c, Emit: discard}); err != nil {
		t.Fatal(err)
	}
	// The site has no objectives, so no page uses objective.html.
	broken := fstest.MapFS{"objective.html": {Data: []byte(`{{define "main"}}{{if .Title}}{{end}`)}}
	for range 2 {
		if _, err := Render(s, Options{Layouts: Overlay(broken, layouts.FS), Cache: c, Emit: discard}); err == nil || !strings.HasPrefix(err.Error(), "layouts/objective.html:") {
			t.Fatalf("Render with a broken objective.html: error %v, want the layout's", err)
		}
	}
	if _, err := Render(s, Options{Layouts: layouts.FS, Cache: c, Emit: discard}); err != nil {
		t.Fatal(err)
	}
}

// fiftyUpdates returns a site of fifty updates by one person: enough
// pages for the render's tasks to overlap.
func fiftyUpdates(t *testing.T) *site.Site {
	t.Helper()
	files := fstest.MapFS{
		"site.toml":     {Data: []byte("title = \"T\"\nbase_url = \"https://t.example/\"\n")},
		"people/ana.md": {Data: []byte("---\nname: Ana\n---\n")},
	}
	for i := range 50 {
		files["updates/2026-11-2"+strconv.Itoa(i%5)+"-ana-"+strconv.Itoa(i)+".md"] = &fstest.MapFile{Data: []byte("---\ntitle: Update " + strconv.Itoa(i) + "\nauthor: ana\ndate: 2026-11-2" + strconv.Itoa(i%5) + "\n---\nDone.\n")}
	}
	s := linked(t, files)
	return s
}

// linked loads files and links them as of 25 November 2026, failing the
// test on an error.
func linked(t *testing.T, files fstest.MapFS) *site.Site {
	t.Helper()
	loaded, diags := content.Load(files, content.Options{})
	if err := diags.Err(); err != nil {
		t.Fatal(err)
	}
	s, diags := site.New(loaded.Content, site.Options{Now: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)})
	if err := diags.Err(); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestOutputThatFails checks that an output the caller cannot take
// fails the render with its own error, which the other tasks, stopped
// at their next output, do not replace with theirs.
func TestOutputThatFails(t *testing.T) {
	t.Parallel()
	s := fiftyUpdates(t)
	full := errors.New("disk full")
	// Every update's outputs failing, or one page alone, in the middle
	// of a task's pages: not the feeds, whose errors would be the
	// render's all the same.
	for _, failing := range []string{"updates/", "updates/2026-11-22-ana-17/"} {
		for range 20 {
			_, err := Render(s, Options{Layouts: layouts.FS, Emit: func(o Output) error {
				if strings.HasPrefix(o.Path, failing) {
					return full
				}
				return nil
			}})
			if !errors.Is(err, full) {
				t.Fatalf("Render with the outputs under %s failing: error %v, want %v", failing, err, full)
			}
		}
	}
	// An emitter stopped refuses what it is given, and passes nothing on.
	passed := false
	e := &emitter{emit: func(Output) error { passed = true; return nil }}
	e.stopped.Store(true)
	if err := e.put(Output{Path: "index.html"}); !errors.Is(err, errStopped) || passed || len(e.placed) != 0 {
		t.Errorf("a stopped emitter's put: error %v, passed on %v, placed %d; want errStopped, nothing", err, passed, len(e.placed))
	}
}
