package e2e

import (
	"compress/gzip"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// pageBudget is the most a page may weigh, compressed, with everything it
// loads: HTML, CSS, JavaScript, fonts and images.
const pageBudget = 50 << 10

// resourceEntry is what the test reads of a resource timing entry.
type resourceEntry struct {
	Name   string `json:"name"`
	Bytes  int    `json:"bytes"` // the body as transferred, compressed
	Status int    `json:"status"`
}

// loadedResources waits until the page has loaded what it loads by
// itself (no new resource for half a second) and returns the page and
// each resource it loaded, with their compressed sizes.
const loadedResources = `new Promise(done => {
	const entries = () => [performance.getEntriesByType("navigation")[0], ...performance.getEntriesByType("resource")];
	let n = -1;
	const check = () => {
		const all = entries();
		if (document.readyState === "complete" && all.length === n) {
			done(all.map(e => ({name: e.name, bytes: e.encodedBodySize, status: e.responseStatus})));
			return;
		}
		n = all.length;
		setTimeout(check, 500);
	};
	check();
})`

// TestPageWeight loads one page of each kind of the example site in
// Chromium from a server that compresses with gzip (as static hosts do;
// Netlify's Brotli is smaller still) and checks what the page loads
// before anyone touches it: at most pageBudget in all, nothing from
// another host, and no script but the site's own (the theme toggle, and
// the search client on the search page). The weights are logged (-v).
func TestPageWeight(t *testing.T) {
	ctx := Browser(t)
	srv := httptest.NewServer(gzipped(http.FileServer(http.Dir(exampleSite(t)))))
	t.Cleanup(srv.Close)
	// Each page as a first visit: nothing from the cache.
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatal(err)
	}
	var report strings.Builder
	fmt.Fprintf(&report, "%-18s %8s %6s  %s\n", "page", "bytes", "files", "path")
	for _, k := range pageKinds {
		err := chromedp.Do(ctx, emulate(1280, light), chromedp.Navigate(srv.URL+k.path))
		if err != nil {
			t.Fatalf("%s: %v", k.path, err)
		}
		entries, err := chromedp.Run(ctx, chromedp.Evaluate[[]resourceEntry](loadedResources, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: %v", k.path, err)
		}
		total := 0
		var files []string
		for _, e := range entries {
			files = append(files, fmt.Sprintf("%s %d", path.Base(strings.TrimSuffix(strings.TrimPrefix(e.Name, srv.URL), "/")), e.Bytes))
			total += e.Bytes
			if e.Status >= 400 {
				t.Errorf("%s loads %s, which answers %d", k.path, e.Name, e.Status)
			}
			if !strings.HasPrefix(e.Name, srv.URL+"/") {
				t.Errorf("%s loads %s from another host", k.path, e.Name)
				continue
			}
			if p := strings.TrimPrefix(e.Name, srv.URL); strings.HasSuffix(p, ".js") && !ownScript(p, k.name) {
				t.Errorf("%s loads the script %s; pages may only load the site's script (and the search page the search client)", k.path, p)
			}
		}
		if total > pageBudget {
			t.Errorf("%s weighs %d bytes compressed with what it loads, over the budget of %d", k.path, total, pageBudget)
		}
		fmt.Fprintf(&report, "%-18s %8d %6d  %s (%s)\n", k.name, total, len(entries), k.path, strings.Join(files[1:], ", "))
	}
	t.Logf("page weights, gzip, everything each page loads:\n%s", report.String())
}

// ownScript reports whether the script at p is one the page kind may
// load by itself: the site's script everywhere, the search client on the
// search page.
func ownScript(p, kind string) bool {
	name := path.Base(p)
	return strings.HasPrefix(name, "site-") || (kind == "search" && strings.HasPrefix(name, "search-"))
}

// gzipped compresses every response of h for clients that accept gzip.
func gzipped(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			h.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Add("Vary", "Accept-Encoding")
		zw := gzip.NewWriter(w)
		defer zw.Close()
		h.ServeHTTP(gzipWriter{ResponseWriter: w, w: zw}, r)
	})
}

// gzipWriter writes a response's body through gzip; the length is
// unknown until it is compressed, so Content-Length is dropped.
type gzipWriter struct {
	http.ResponseWriter
	w *gzip.Writer
}

func (g gzipWriter) WriteHeader(code int) {
	g.Header().Del("Content-Length")
	g.ResponseWriter.WriteHeader(code)
}

func (g gzipWriter) Write(b []byte) (int, error) {
	g.Header().Del("Content-Length")
	return g.w.Write(b)
}
