package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handbook/handbook/generator"
	"github.com/handbook/handbook/generator/sitetest"
)

// testSite writes a small site and returns its folder.
func testSite(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"content/people/ana.md":               "---\nname: Ana Souza\n---\n",
		"content/updates/2026-11-20-ana-x.md": "---\nauthor: ana\ndate: 2026-11-20\n---\nFirst version.\n",
		"content/updates/2026-11-21-ana-d.md": "---\nauthor: ana\ndate: 2026-11-21\ndraft: true\n---\nA draft.\n",
		"content/handbook/index.md":           "# Home\n\nWelcome.\n",
	})
	if err := os.MkdirAll(filepath.Join(dir, "layouts", "assets"), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// write writes files by slash path under dir.
func write(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	sitetest.WriteFiles(t, dir, files)
}

// start serves the site in dir on a free loopback port until the test
// ends, and returns its base URL.
func start(t testing.TB, dir string) string {
	t.Helper()
	return startIn(t, filepath.Join(dir, "content"), filepath.Join(dir, "layouts"))
}

// startIn serves the site of the content and layouts folders given, as
// the command line gives them.
func startIn(t testing.TB, content, layouts string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := New(Options{
		Config: generator.Config{
			Content: content,
			Layouts: layouts,
			Drafts:  true,
			NoGit:   true,
			Now:     time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC),
		},
		Debounce: 30 * time.Millisecond,
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}

func get(t testing.TB, url string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(b)
}

type sse struct {
	name   string
	status Status
}

// subscribe reads the server's events until the test ends.
func subscribe(t testing.TB, base string) <-chan sse {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", base+Prefix+"events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: Content-Type %q", ct)
	}
	out := make(chan sse, 16)
	go func() {
		defer resp.Body.Close()
		defer close(out)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		var e sse
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				e.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &e.status)
			case line == "" && e.name != "":
				out <- e
				e = sse{}
			}
		}
	}()
	return out
}

// next waits for the next event.
func next(t testing.TB, events <-chan sse) sse {
	t.Helper()
	select {
	case e, ok := <-events:
		if !ok {
			t.Fatal("the event stream ended")
		}
		return e
	case <-time.After(10 * time.Second):
		t.Fatal("no event within 10s")
	}
	return sse{}
}

// TestLiveReload edits a served site over real HTTP: an edit reloads with
// the new page, a new folder is watched, a broken edit reports its problem
// while the last good build stays up, and fixing it reloads again.
func TestLiveReload(t *testing.T) {
	t.Parallel()
	dir := testSite(t)
	base := start(t, dir)

	code, h, page := get(t, base+"/updates/2026-11-20-ana-x/")
	if code != 200 || !strings.Contains(page, "First version.") {
		t.Fatalf("GET update: %d\n%s", code, page)
	}
	if !strings.Contains(page, `<script src="/_handbook/live.js" defer></script>`) {
		t.Error("pages do not load the live-reload script")
	}
	if csp := h.Get("Content-Security-Policy"); csp != ContentSecurityPolicy || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	if code, _, _ := get(t, base+"/updates/2026-11-21-ana-d/"); code != 200 {
		t.Errorf("the draft is not served: %d", code)
	}
	if code, h, js := get(t, base+Prefix+"live.js"); code != 200 || !strings.Contains(h.Get("Content-Type"), "javascript") || !strings.Contains(js, "EventSource") {
		t.Errorf("GET live.js: %d %q", code, h.Get("Content-Type"))
	}

	events := subscribe(t, base)
	hello := next(t, events)
	if hello.name != "hello" || !hello.status.OK {
		t.Fatalf("first event %+v, want hello ok", hello)
	}

	write(t, dir, map[string]string{"content/updates/2026-11-20-ana-x.md": "---\nauthor: ana\ndate: 2026-11-20\n---\nSecond version.\n"})
	if e := next(t, events); e.name != "reload" || e.status.Build == hello.status.Build {
		t.Fatalf("after an edit: %+v, want reload with a new build", e)
	}
	if _, _, page := get(t, base+"/updates/2026-11-20-ana-x/"); !strings.Contains(page, "Second version.") {
		t.Error("the edit is not served after the reload event")
	}

	// A folder created while serving is watched too.
	write(t, dir, map[string]string{"content/handbook/guides/setup.md": "# Setup\n\nOne.\n"})
	if e := next(t, events); e.name != "reload" {
		t.Fatalf("after a new folder: %+v", e)
	}
	write(t, dir, map[string]string{"content/handbook/guides/setup.md": "# Setup\n\nTwo.\n"})
	if e := next(t, events); e.name != "reload" {
		t.Fatalf("after an edit in the new folder: %+v", e)
	}
	if _, _, page := get(t, base+"/handbook/guides/setup/"); !strings.Contains(page, "Two.") {
		t.Error("an edit in a new folder is not served")
	}

	write(t, dir, map[string]string{"content/updates/2026-11-20-ana-x.md": "---\nauthor: ana\ndate: [2026\n---\nBroken.\n"})
	e := next(t, events)
	if e.name != "problems" || e.status.OK || len(e.status.Problems) == 0 {
		t.Fatalf("after a broken edit: %+v, want problems", e)
	}
	found := false
	for _, p := range e.status.Problems {
		found = found || strings.Contains(p.Pos, "2026-11-20-ana-x.md:3:") && p.Severity == "error"
	}
	if !found {
		t.Errorf("problems %+v, want an error on line 3 of the update", e.status.Problems)
	}
	if code, _, page := get(t, base+"/updates/2026-11-20-ana-x/"); code != 200 || !strings.Contains(page, "Second version.") {
		t.Errorf("the last good build is not served while the edit is broken: %d", code)
	}
	var st Status
	_, _, body := get(t, base+Prefix+"status")
	if err := json.Unmarshal([]byte(body), &st); err != nil || st.OK {
		t.Errorf("status while broken: %s", body)
	}

	write(t, dir, map[string]string{"content/updates/2026-11-20-ana-x.md": "---\nauthor: ana\ndate: 2026-11-20\n---\nFixed.\n"})
	if e := next(t, events); e.name != "reload" || !e.status.OK || len(e.status.Problems) != 0 {
		t.Fatalf("after the fix: %+v, want reload ok", e)
	}
	if _, _, page := get(t, base+"/updates/2026-11-20-ana-x/"); !strings.Contains(page, "Fixed.") {
		t.Error("the fix is not served")
	}
}

// TestRelativeFolders serves a site from inside its content folder, as
// "handbook serve -content ." does where the content is the repository:
// an edit reloads, as it does with any other path.
func TestRelativeFolders(t *testing.T) {
	dir := testSite(t)
	t.Chdir(filepath.Join(dir, "content"))
	base := startIn(t, ".", filepath.Join("..", "layouts"))
	events := subscribe(t, base)
	next(t, events)
	write(t, dir, map[string]string{"content/updates/2026-11-20-ana-x.md": "---\nauthor: ana\ndate: 2026-11-20\n---\nEdited in place.\n"})
	if e := next(t, events); e.name != "reload" {
		t.Fatalf("after an edit: %+v, want reload", e)
	}
	if _, _, page := get(t, base+"/updates/2026-11-20-ana-x/"); !strings.Contains(page, "Edited in place.") {
		t.Error("the edit is not served")
	}
	write(t, dir, map[string]string{"layouts/404.html": `{{define "main"}}<p>Nothing here, friend.</p>{{end}}`})
	if e := next(t, events); e.name != "reload" {
		t.Fatalf("after a new layout: %+v, want reload", e)
	}
}

// TestCSSOnly changes only a stylesheet: the pages are told to swap it.
func TestCSSOnly(t *testing.T) {
	t.Parallel()
	dir := testSite(t)
	base := start(t, dir)
	events := subscribe(t, base)
	hello := next(t, events)
	write(t, dir, map[string]string{"layouts/assets/site.css": "body { color: rebeccapurple; }\n"})
	e := next(t, events)
	if e.name != "css" || len(e.status.Styles) != 1 || e.status.Styles[0] == hello.status.Styles[0] {
		t.Fatalf("after a CSS change: %+v (before: %v), want css with a new stylesheet", e, hello.status.Styles)
	}
	if _, _, css := get(t, base+e.status.Styles[0]); !strings.Contains(css, "#639") && !strings.Contains(css, "rebeccapurple") {
		t.Errorf("the new stylesheet is not served: %q", css)
	}
}

// TestFirstBuildFails starts on a broken site: pages explain why, and the
// site appears once it is fixed.
func TestFirstBuildFails(t *testing.T) {
	t.Parallel()
	dir := testSite(t)
	write(t, dir, map[string]string{"content/people/ana.md": "---\nname: Ana <b>Souza</b>\nteam: nowhere\n---\n"})
	base := start(t, dir)
	code, _, page := get(t, base+"/")
	if code != http.StatusServiceUnavailable || !strings.Contains(page, `unknown team &#34;nowhere&#34;`) || !strings.Contains(page, "/_handbook/live.js") {
		t.Fatalf("GET / on a broken site: %d\n%s", code, page)
	}
	events := subscribe(t, base)
	if e := next(t, events); e.name != "hello" || e.status.OK {
		t.Fatalf("hello on a broken site: %+v", e)
	}
	write(t, dir, map[string]string{"content/people/ana.md": "---\nname: Ana Souza\n---\n"})
	if e := next(t, events); e.name != "reload" {
		t.Fatalf("after the fix: %+v", e)
	}
	if code, _, _ := get(t, base+"/"); code != 200 {
		t.Errorf("GET / after the fix: %d", code)
	}
	if code, _, _ := get(t, base+"/no/such/page/"); code != 404 {
		t.Errorf("GET a missing page: %d, want 404", code)
	}
	if resp, err := http.Post(base+"/", "text/plain", nil); err != nil || resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %v %v", resp.Status, err)
	}
}

func TestIgnored(t *testing.T) {
	t.Parallel()
	for p, want := range map[string]bool{
		"content/handbook/x.md":      false,
		"content/handbook/.x.md.swp": true,
		"content/handbook/x.md~":     true,
		"content/.git":               true,
		"content/handbook/#x.md#":    true,
	} {
		if got := ignored(p); got != want {
			t.Errorf("ignored(%q) = %v, want %v", p, got, want)
		}
	}
}

// TestLayoutsFolderAppears starts without a layouts folder: creating one
// with an override rebuilds with it.
func TestLayoutsFolderAppears(t *testing.T) {
	t.Parallel()
	dir := testSite(t)
	if err := os.RemoveAll(filepath.Join(dir, "layouts")); err != nil {
		t.Fatal(err)
	}
	base := start(t, dir)
	events := subscribe(t, base)
	next(t, events)
	write(t, dir, map[string]string{"README.md": "not the site's\n"})
	write(t, dir, map[string]string{"layouts/404.html": `{{define "main"}}<p>Nothing here, friend.</p>{{end}}`})
	if e := next(t, events); e.name != "reload" {
		t.Fatalf("after creating layouts/: %+v", e)
	}
	if _, _, page := get(t, base+"/nowhere/"); !strings.Contains(page, "Nothing here, friend.") {
		t.Errorf("the new layout is not used:\n%s", page)
	}
}

// TestSearchRanges checks that the dev server answers the Range requests
// with which the search client fetches parts of the index's packs.
func TestSearchRanges(t *testing.T) {
	t.Parallel()
	dir := testSite(t)
	base := start(t, dir)
	code, _, manifest := get(t, base+"/search/manifest.json")
	if code != 200 {
		t.Fatalf("GET manifest: %d", code)
	}
	var m struct {
		Pack string `json:"pack"`
	}
	if err := json.Unmarshal([]byte(manifest), &m); err != nil || m.Pack == "" {
		t.Fatalf("manifest %s: %v", manifest, err)
	}
	req, err := http.NewRequest("GET", base+"/search/"+m.Pack, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Range", "bytes=0-9")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusPartialContent || len(b) != 10 || !strings.HasPrefix(resp.Header.Get("Content-Range"), "bytes 0-9/") {
		t.Errorf("Range bytes=0-9 of %s: %d, %d bytes, Content-Range %q; want 206 and 10 bytes", m.Pack, resp.StatusCode, len(b), resp.Header.Get("Content-Range"))
	}
}
