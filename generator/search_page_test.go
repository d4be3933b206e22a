package generator

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var searchInput = regexp.MustCompile(`<input type="search" name="q"[^>]*>`)

// TestSearchMarkup checks the search markup contract on the example site:
// every page has a search box whose form leads to the search page, and the
// search page lists the site for readers without JavaScript.
func TestSearchMarkup(t *testing.T) {
	t.Parallel()
	_, out := buildExample(t, nil)
	pages := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		pages++
		html := string(data)
		if !searchInput.MatchString(html) || !strings.Contains(html, `action="/search/" method="get"`) || !strings.Contains(html, `data-search-index="/search/manifest.json"`) {
			t.Errorf("%s has no search form leading to /search/", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 100 {
		t.Errorf("only %d pages", pages)
	}
	data, err := os.ReadFile(filepath.Join(out, "search", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(data)
	for _, want := range []string{`class="search-fallback"`, `href="/decisions/"`, `href="/handbook/"`, `href="/handbook/rhythms/"`, `href="/updates/"`, `href="/people/"`, `href="/teams/"`, `href="/tags/"`} {
		if !strings.Contains(html, want) {
			t.Errorf("the search page's fallback lacks %s", want)
		}
	}
}
