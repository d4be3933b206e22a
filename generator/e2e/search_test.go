package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/evanw/esbuild/pkg/api"

	"github.com/handbook/handbook/generator"
	"github.com/handbook/handbook/generator/search"
)

var exampleNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// searchSite builds the example site (plus extra content files), adds a
// test page that exposes the search client's engine and tokenizer as the
// global hbsearch, serves it, and returns its URL, the build and a Go
// searcher over the same index.
func searchSite(t *testing.T, extra map[string]string) (string, generator.Result, *search.Searcher) {
	t.Helper()
	out, res, s := buildSearchSite(t, extra)
	return Serve(t, out), res, s
}

// buildSearchSite is searchSite without the server: it returns the
// output folder.
func buildSearchSite(t *testing.T, extra map[string]string) (string, generator.Result, *search.Searcher) {
	t.Helper()
	dir := t.TempDir()
	contentDir := filepath.Join(dir, "content")
	if err := os.CopyFS(contentDir, os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	for name, data := range extra {
		if err := os.WriteFile(filepath.Join(contentDir, filepath.FromSlash(name)), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "public")
	res, err := generator.Build(context.Background(), generator.Config{Content: contentDir, Layouts: filepath.Join(dir, "none"), Out: out, Now: exampleNow})
	if err != nil {
		t.Fatal(err)
	}
	bundle := api.Build(api.BuildOptions{
		Stdin: &api.StdinOptions{
			Contents:   `export * from "./engine"; export * from "./tokenize"; export { stem } from "./stem";`,
			ResolveDir: mustAbs(t, "../../layouts/assets/search"),
			Loader:     api.LoaderTS,
		},
		Bundle:     true,
		Format:     api.FormatIIFE,
		GlobalName: "hbsearch",
		Target:     api.ES2020,
		Write:      false,
	})
	if len(bundle.Errors) > 0 {
		t.Fatalf("bundle the search client: %v", bundle.Errors)
	}
	testDir := filepath.Join(out, "e2e")
	if err := os.MkdirAll(testDir, 0o755); err != nil {
		t.Fatal(err)
	}
	page := `<!doctype html><meta charset="utf-8"><title>search test</title><script src="search.js"></script>`
	if err := os.WriteFile(filepath.Join(testDir, "index.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(testDir, "search.js"), bundle.OutputFiles[0].Contents, 0o644); err != nil {
		t.Fatal(err)
	}
	idx, err := search.Build(res.Site, search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := search.Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	return out, res, s
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func js(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestSearchTokenizerVectors runs the tokenizer vectors that the Go
// tokenizer passes through the TypeScript tokenizer in Chromium.
func TestSearchTokenizerVectors(t *testing.T) {
	ctx := Browser(t)
	base, _, _ := searchSite(t, nil)
	data, err := os.ReadFile("../search/testdata/tokens.json")
	if err != nil {
		t.Fatal(err)
	}
	var vectors []struct {
		Name  string   `json:"name"`
		Text  string   `json:"text"`
		Terms []string `json:"terms"`
		Stems []string `json:"stems"`
	}
	if err := json.Unmarshal(data, &vectors); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/e2e/")); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[][]string](`(`+string(data)+`).map(v => hbsearch.terms(v.text))`))
	if err != nil {
		t.Fatal(err)
	}
	stems, err := chromedp.Run(ctx, chromedp.Evaluate[[][]string](`(`+string(data)+`).map(v => v.stems ? hbsearch.terms(v.text).map(hbsearch.stem) : null)`))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(vectors) {
		t.Fatalf("%d results for %d vectors", len(got), len(vectors))
	}
	for i, v := range vectors {
		if !slices.Equal(got[i], v.Terms) && !(len(got[i]) == 0 && len(v.Terms) == 0) {
			t.Errorf("%s: terms(%q) in the browser = %q, want %q", v.Name, v.Text, got[i], v.Terms)
		}
		if goTerms := search.Terms(v.Text); !slices.Equal(goTerms, got[i]) && !(len(goTerms) == 0 && len(got[i]) == 0) {
			t.Errorf("%s: Go and the browser differ on %q: %q and %q", v.Name, v.Text, goTerms, got[i])
		}
		if v.Stems != nil && !slices.Equal(stems[i], v.Stems) {
			t.Errorf("%s: stems in the browser of %q = %q, want %q", v.Name, v.Terms, stems[i], v.Stems)
		}
	}
}

// TestSearchEngineMatchesGo runs queries through the browser engine and
// the Go searcher over the same index: same hits, order and counts.
func TestSearchEngineMatchesGo(t *testing.T) {
	ctx := Browser(t)
	base, res, s := searchSite(t, nil)
	if res.Site == nil {
		t.Fatal("no site")
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/search/")); err != nil {
		t.Fatal(err)
	}
	manifest, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("form[data-search-index]").dataset.searchIndex`))
	if err != nil || manifest == "" {
		t.Fatalf("manifest href %q: %v", manifest, err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/e2e/")); err != nil {
		t.Fatal(err)
	}
	queries := []search.Query{
		{Text: "shard planner"},
		{Text: "shard plan"},
		{Text: `"shard planner"`},
		{Text: "on-call rotation"},
		{Text: "postgres"},
		{Text: "postgrse"},
		{Text: "idempotncy keys"},
		{Text: "standup"},
		{Text: "0007"},
		{Text: "kofi"},
		{Text: "time zones", Filters: map[string][]string{"kind": {"page"}}},
		{Text: "latency", Filters: map[string][]string{"author": {"ana", "kofi"}, "status": {"on-track"}}},
		{Text: "", Filters: map[string][]string{"tag": {"performance"}}},
		{Text: "zzzzqqq"},
		{Text: "rotating"},          // stems: "rotation"
		{Text: "migrations policy"}, // "migration", "policies"
		{Text: "ostgres"},           // a missing first letter
		{Text: "psotgres failover"}, // swapped first letters
		{Text: "kafak"},
		{Text: "xxpostgres"},                  // two edits: nothing, did you mean "postgres"
		{Text: "xxpostgres zzz"},              // nothing close to "zzz": no suggestion
		{Text: "how much vacation do we get"}, // stop words are optional; most words first
		{Text: "why postgres"},
		{Text: "what is an idempotency key"},
		{Text: "the"}, // only stop words: required
		{Text: "make sync faster"},
	}
	type result struct {
		Hits    []int                     `json:"hits"`
		Total   int                       `json:"total"`
		Counts  map[string]map[string]int `json:"counts"`
		Suggest string                    `json:"suggest"`
	}
	for _, q := range queries {
		want, err := s.Search(q)
		if err != nil {
			t.Fatal(err)
		}
		filters := q.Filters
		if filters == nil {
			filters = map[string][]string{}
		}
		expr := fmt.Sprintf(`hbsearch.Index.open(%s).then(ix => ix.search({text: %s, filters: %s})).then(r => ({
			hits: r.hits.slice(0, 20).map(h => h.doc),
			total: r.hits.length,
			counts: Object.fromEntries(Object.entries(r.counts).map(([f, m]) => [f, Object.fromEntries(m)])),
			suggest: r.suggest ?? "",
		}))`, js(manifest), js(q.Text), js(filters))
		got, err := chromedp.Run(ctx, chromedp.Evaluate[result](expr, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%q: %v", q.Text, err)
		}
		var wantHits []int
		for _, h := range want.Hits[:min(20, len(want.Hits))] {
			wantHits = append(wantHits, h.Doc)
		}
		if got.Suggest != want.Suggest {
			t.Errorf("%q: browser suggests %q, Go %q", q.Text, got.Suggest, want.Suggest)
		}
		if got.Total != len(want.Hits) || !slices.Equal(got.Hits, wantHits) {
			t.Errorf("%q %v: browser hits %v (%d), Go %v (%d)", q.Text, q.Filters, got.Hits, got.Total, wantHits, len(want.Hits))
		}
		for _, f := range search.Facets {
			w := want.Counts[f]
			if w == nil {
				w = map[string]int{}
			}
			g := got.Counts[f]
			if g == nil {
				g = map[string]int{}
			}
			if fmt.Sprint(g) != fmt.Sprint(w) {
				t.Errorf("%q %v: %s counts in the browser %v, Go %v", q.Text, q.Filters, f, g, w)
			}
		}
	}
}

// waitDone waits until the search form has rendered the given state.
func waitDone(key string) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](`document.querySelector("form[data-search-index]")?.dataset.searchDone === `+js(key), chromedp.WithPollingTimeout(20*time.Second))
}

// afterNavigation waits for a condition while the page may be navigating
// or coming back from the back-forward cache, which a poll does not
// survive: it evaluates the condition afresh until it holds.
func afterNavigation(t *testing.T, ctx context.Context, cond string) {
	t.Helper()
	var err error
	ok := false
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if ok, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`!!(`+cond+`)`)); err == nil && ok {
			return
		}
	}
	t.Fatalf("waiting for %s: %v", cond, err)
}

type shownResult struct {
	Title string   `json:"title"`
	Href  string   `json:"href"`
	Kind  string   `json:"kind"`
	Marks []string `json:"marks"`
}

const shownJS = `Array.from(document.querySelectorAll(".search-app [data-search-result], .search-panel [data-search-result]")).map(li => ({
	title: li.querySelector("a").textContent,
	href: li.querySelector("a").getAttribute("href"),
	kind: li.querySelector(".search-kind").textContent,
	marks: Array.from(li.querySelectorAll("mark")).map(m => m.textContent),
}))`

// TestSearchPage searches on the search page: ranked results with
// highlights and deep links, filters with counts, the query in the URL and
// the back button.
func TestSearchPage(t *testing.T) {
	ctx := Browser(t)
	base, _, s := searchSite(t, nil)
	want, err := s.Search(search.Query{Text: "shard planner"})
	if err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/search/?q=shard+planner"),
		waitDone("q=shard+planner"),
	)
	if err != nil {
		t.Fatal(err)
	}
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[[]shownResult](shownJS))
	if err != nil {
		t.Fatal(err)
	}
	if len(shown) != min(10, len(want.Hits)) || len(shown) < 5 {
		t.Fatalf("%d results shown, Go finds %d", len(shown), len(want.Hits))
	}
	for i, r := range shown {
		wantHref := want.Hits[i].URL
		if want.Hits[i].Section != "" {
			wantHref += "#" + want.Hits[i].Section
		}
		if r.Title != want.Hits[i].Title || r.Href != wantHref {
			t.Errorf("result %d: %q at %s, want %q at %s", i, r.Title, r.Href, want.Hits[i].Title, wantHref)
		}
		if len(r.Marks) == 0 {
			t.Errorf("result %d (%q) highlights nothing", i, r.Title)
		}
		for _, m := range r.Marks {
			if l := strings.ToLower(m); !strings.HasPrefix(l, "shard") && !strings.HasPrefix(l, "planner") {
				t.Errorf("result %d highlights %q", i, m)
			}
		}
	}
	status, err := chromedp.Run(ctx, chromedp.Text(".search-status"))
	if err != nil {
		t.Fatal(err)
	}
	if wantStatus := fmt.Sprintf("%d results for “shard planner”.", len(want.Hits)); status != wantStatus {
		t.Errorf("status %q, want %q", status, wantStatus)
	}

	// Filter to decisions: the URL records it and the counts stay.
	decisions := want.Counts["kind"]["decision"]
	if decisions == 0 {
		t.Fatal("no decision among the results; pick another query")
	}
	label, err := chromedp.Run(ctx, chromedp.Text(`fieldset[data-facet=kind] label:has(input[value=decision])`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(label, fmt.Sprintf("Decisions %d", decisions)) {
		t.Errorf("kind filter label %q, want Decisions %d", label, decisions)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(`input[name=kind][value=decision]`),
		waitDone("q=shard+planner&kind=decision"),
	)
	if err != nil {
		t.Fatal(err)
	}
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if u, _ := url.Parse(loc); u.RawQuery != "q=shard+planner&kind=decision" {
		t.Errorf("URL after filtering: %s", loc)
	}
	shown, err = chromedp.Run(ctx, chromedp.Evaluate[[]shownResult](shownJS))
	if err != nil {
		t.Fatal(err)
	}
	if len(shown) != decisions {
		t.Errorf("%d results under the decision filter, want %d", len(shown), decisions)
	}
	for _, r := range shown {
		if r.Kind != "Decision" {
			t.Errorf("result %q of kind %q under the decision filter", r.Title, r.Kind)
		}
	}

	// Back undoes the filter.
	err = chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`history.back()`),
		waitDone("q=shard+planner"),
	)
	if err != nil {
		t.Fatal(err)
	}
	checked, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("input[name=kind][value=decision]").checked`))
	if err != nil || checked {
		t.Errorf("after Back the decision filter is still checked (%v)", err)
	}

	// Open a result, come back: the search is still there.
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+shown[0].Href),
		chromedp.Evaluate[chromedp.Void](`history.back()`),
	)
	if err != nil {
		t.Fatal(err)
	}
	afterNavigation(t, ctx, `location.pathname === "/search/" && document.querySelector("form[data-search-index]")?.dataset.searchDone === "q=shard+planner"`)
	value, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#search-q").value`))
	if err != nil || value != "shard planner" {
		t.Errorf("after Back the box holds %q (%v)", value, err)
	}
}

// TestSearchKeyboard uses the header's box on the board: "/" focuses it,
// typing shows results, arrows move, Enter opens.
func TestSearchKeyboard(t *testing.T) {
	ctx := Browser(t)
	base, _, _ := searchSite(t, nil)
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(".site-search input"),
		chromedp.KeyEvent("/"),
	)
	if err != nil {
		t.Fatal(err)
	}
	focused, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.activeElement === document.querySelector(".site-search input[type=search][name=q]")`))
	if err != nil || !focused {
		t.Fatalf("after / the search box is not focused (%v)", err)
	}
	err = chromedp.Do(ctx,
		chromedp.KeyEvent("postgres"),
		waitDone("postgres"),
		chromedp.WaitVisible(".search-panel [data-search-result]"),
		chromedp.KeyEvent(kb.ArrowDown),
		chromedp.KeyEvent(kb.ArrowDown),
	)
	if err != nil {
		t.Fatal(err)
	}
	// The drop-down fetches term shards but not the facets file, which
	// only the search page's filters need.
	fetched, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`performance.getEntriesByType("resource").map(e => new URL(e.name).pathname).filter(p => p.startsWith("/search/") && !p.startsWith("/search/d/"))`))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(fetched, func(p string) bool { return strings.HasPrefix(p, "/search/t-") }) || slices.ContainsFunc(fetched, func(p string) bool { return strings.HasPrefix(p, "/search/f-") }) {
		t.Errorf("the drop-down fetched %q: want term shards and no facets", fetched)
	}
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[[]shownResult](shownJS))
	if err != nil || len(shown) < 2 {
		t.Fatalf("%d results in the drop-down (%v)", len(shown), err)
	}
	selected, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".search-panel [aria-selected=true] a")).map(a => a.getAttribute("href"))`))
	if err != nil || !slices.Equal(selected, []string{shown[1].Href}) {
		t.Fatalf("selected %q after two arrow presses, want the second result %s (%v)", selected, shown[1].Href, err)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	afterNavigation(t, ctx, `location.pathname !== "/"`)
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if u, _ := url.Parse(loc); u.RequestURI() != shown[1].Href && u.Path+"#"+u.Fragment != shown[1].Href {
		t.Errorf("Enter opened %s, want %s", loc, shown[1].Href)
	}

	// Enter without a chosen result goes to the search page.
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/updates/"),
		chromedp.Click(".site-search input"),
		chromedp.KeyEvent("ledger"),
		waitDone("ledger"),
		chromedp.KeyEvent(kb.Enter),
	)
	if err != nil {
		t.Fatal(err)
	}
	afterNavigation(t, ctx, `location.pathname === "/search/" && document.querySelector("form[data-search-index]")?.dataset.searchDone === "q=ledger"`)
}

// TestSearchStemsAndTypos types, in the header's box, a word the site
// has only in other forms, words with a mistake in their first letters,
// and one too far from any word, which gets a "did you mean".
func TestSearchStemsAndTypos(t *testing.T) {
	ctx := Browser(t)
	base, _, _ := searchSite(t, nil)
	type want struct {
		query, href, mark string
	}
	for _, w := range []want{
		{"rotating", "/decisions/0010-follow-the-sun-on-call-rotation/", "rotation"},
		{"migrations ", "/decisions/0007-deduplicate-with-idempotency-keys/", "Migration"},
		{"afka", "/decisions/0005-use-kafka-for-change-events/", "Kafka"},  // a missing first letter
		{"akfka", "/decisions/0005-use-kafka-for-change-events/", "Kafka"}, // swapped first letters
		{"ledgre", "/decisions/0007-deduplicate-with-idempotency-keys/", "ledger"},
	} {
		err := chromedp.Do(ctx,
			chromedp.Navigate(base+"/"),
			chromedp.Click(".site-search input"),
			chromedp.KeyEvent(w.query),
			waitDone(w.query),
		)
		if err != nil {
			t.Fatal(err)
		}
		shown, err := chromedp.Run(ctx, chromedp.Evaluate[[]shownResult](shownJS))
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(shown, func(r shownResult) bool { return strings.HasPrefix(r.Href, w.href) })
		if i < 0 {
			t.Errorf("%q: results %v, want %s", w.query, shown, w.href)
			continue
		}
		if !slices.ContainsFunc(shown[i].Marks, func(m string) bool { return strings.EqualFold(m, w.mark) }) {
			t.Errorf("%q: %s highlights %q, want %q", w.query, w.href, shown[i].Marks, w.mark)
		}
	}

	// Nothing matches "xxpostgres"; "postgres" is two edits away.
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.Click(".site-search input"),
		chromedp.KeyEvent("xxpostgres"),
		waitDone("xxpostgres"),
	)
	if err != nil {
		t.Fatal(err)
	}
	sug, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(".search-panel [data-search-suggest]")?.dataset.searchSuggest ?? ""`))
	if err != nil || sug != "postgres" {
		t.Fatalf("did you mean %q (%v), want postgres", sug, err)
	}
	err = chromedp.Do(ctx, chromedp.Click(".search-panel [data-search-suggest]"), waitDone("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[[]shownResult](shownJS))
	if err != nil || len(shown) == 0 {
		t.Fatalf("no results after following the suggestion (%v)", err)
	}
}

// TestSearchRanges searches a host that honours Range requests, which
// fetches parts of the index's packs, and one that ignores them and
// sends whole packs: the client finds the same, fetching each pack once.
func TestSearchRanges(t *testing.T) {
	ctx := Browser(t)
	out, _, _ := buildSearchSite(t, nil)
	for _, ranges := range []bool{true, false} {
		var mu sync.Mutex
		partial, whole := map[string]int{}, map[string]int{}
		files := http.FileServer(http.Dir(out))
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			// Count what the server sends, not the browser's cache
			// revalidating what it has.
			if strings.HasSuffix(r.URL.Path, ".bin") && r.Header.Get("If-Modified-Since") == "" {
				mu.Lock()
				if r.Header.Get("Range") != "" && ranges {
					partial[path.Base(r.URL.Path)]++
				} else {
					whole[path.Base(r.URL.Path)]++
				}
				mu.Unlock()
			}
			if !ranges {
				r.Header.Del("Range")
			}
			files.ServeHTTP(w, r)
		}))
		for _, q := range []string{"rotating", "ledgre"} {
			err := chromedp.Do(ctx,
				chromedp.Navigate(srv.URL+"/"),
				chromedp.Click(".site-search input"),
				chromedp.KeyEvent(q),
				waitDone(q),
			)
			if err != nil {
				t.Fatal(err)
			}
			shown, err := chromedp.Run(ctx, chromedp.Evaluate[[]shownResult](shownJS))
			if err != nil {
				t.Fatal(err)
			}
			if len(shown) == 0 || shown[0].Title == "" {
				t.Errorf("ranges %v, %q: results %v, want some with titles", ranges, q, shown)
			}
		}
		srv.Close()
		mu.Lock()
		if ranges && (len(partial) == 0 || len(whole) > 1) {
			t.Errorf("with ranges: %v fetched in parts, %v whole, want packs in parts and at most the facets whole", partial, whole)
		}
		for name, n := range whole {
			if !ranges && n > 1 {
				t.Errorf("without ranges: %s fetched %d times, want once", name, n)
			}
		}
		if !ranges && len(partial) > 0 {
			t.Errorf("without ranges: %v fetched in parts", partial)
		}
		mu.Unlock()
	}
}

// TestSearchEscapes indexes a document whose title and body hold markup:
// results show it as text.
func TestSearchEscapes(t *testing.T) {
	ctx := Browser(t)
	hostile := "---\ntitle: \"<img src=x onerror=window.pwned=1> Zanzibar\"\n---\nZanzibar <script>window.pwned=2</script> and <b>bold</b> text.\n"
	base, _, _ := searchSite(t, map[string]string{"handbook/hostile.md": hostile})
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/search/?q=zanzibar"),
		waitDone("q=zanzibar"),
	)
	if err != nil {
		t.Fatal(err)
	}
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[[]shownResult](shownJS))
	if err != nil || len(shown) != 1 {
		t.Fatalf("%d results (%v)", len(shown), err)
	}
	if shown[0].Title != "<img src=x onerror=window.pwned=1> Zanzibar" {
		t.Errorf("title shown as %q", shown[0].Title)
	}
	bad, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!(window.pwned || document.querySelector(".search-app img, .search-app script, .search-app b"))`))
	if err != nil || bad {
		t.Errorf("markup from content was interpreted in the results (%v)", err)
	}
}
