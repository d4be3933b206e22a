package generator

import (
	"context"
	"io/fs"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	gen "github.com/handbook/handbook/generator/corpus"
)

// pageSizeCorpora are the two sizes of synthetic site TestPageSize
// builds: three times the documents, the same page weight. The smaller
// one is large enough to fill every window a page shows (the latest
// Latest of a list, a page of PerPage, a team's first Latest members: it
// has 20 people in teams of 10 and 20 objectives), so that what the test
// sees grow is the page, not a window the smaller site left half empty.
var pageSizeCorpora = [2]int{2000, 6000}

// TestPageSize builds the benchmark corpus at two sizes and fails when the
// largest page of any kind grows with the site: no page's HTML may depend
// on how long the site's history is or how many pages a section holds. A
// page kind is its URL with ids and page numbers taken out
// ("people/*/updates"); each may grow by pageSizeSlack.
func TestPageSize(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two corpora")
	}
	t.Parallel()
	var sizes [2]map[string]pageSize
	for i, n := range pageSizeCorpora {
		dir := t.TempDir()
		if err := gen.Write(filepath.Join(dir, "content"), gen.Generate(n, 1)); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, "public")
		res, err := Build(context.Background(), Config{Content: filepath.Join(dir, "content"), Out: out, Layouts: filepath.Join(dir, "none"), Now: gen.Now()})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Diagnostics) > 0 {
			t.Fatalf("corpus of %d: %v", n, res.Diagnostics)
		}
		sizes[i] = largestPages(t, out)
		if i == 0 {
			// Every link of the windows and their lists (members, history
			// and digest pages, paginated indexes) leads somewhere.
			crawl(t, out, res.Site.Config.BaseURL, nil)
		}
	}
	small, large := sizes[0], sizes[1]
	for _, kind := range slices.Sorted(maps.Keys(large)) {
		l := large[kind]
		s, ok := small[kind]
		t.Logf("%-28s %7d B %-50s %7d B %s", kind, s.bytes, s.path, l.bytes, l.path)
		if ok && l.bytes > s.bytes+pageSizeSlack(s.bytes) {
			t.Errorf("the largest %s page grew from %d bytes (%s, %d documents) to %d bytes (%s, %d documents)", kind, s.bytes, s.path, pageSizeCorpora[0], l.bytes, l.path, pageSizeCorpora[1])
		}
	}
}

// pageSizeSlack is how much the largest page of a kind may grow: the
// numbers and names in it get longer with the site, a tenth or 3 KB.
func pageSizeSlack(n int) int { return max(n/10, 3<<10) }

type pageSize struct {
	bytes int
	path  string
}

// largestPages returns the largest HTML page of each kind under out.
func largestPages(t *testing.T, out string) map[string]pageSize {
	t.Helper()
	largest := map[string]pageSize{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		kind := pageKind(filepath.ToSlash(rel))
		if int(info.Size()) > largest[kind].bytes {
			largest[kind] = pageSize{int(info.Size()), filepath.ToSlash(rel)}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return largest
}

var (
	pageNumber = regexp.MustCompile(`/page/\d+$`)
	stars      = regexp.MustCompile(`\*(/\*)+`)
)

// pageKinds are the path segments that name a kind of page rather than
// a document: everything else is an id.
var pageKinds = []string{"updates", "members", "history", "decisions", "objectives", "pages", "attention", "digest", "status", "reviews", "blockers", "check-ins"}

// pageKind names the kind of the page at an output path:
// "people/ana/updates/page/2/index.html" -> "people/*/updates",
// "handbook/a/b/index.html" -> "handbook/*".
func pageKind(rel string) string {
	p := pageNumber.ReplaceAllString(strings.TrimSuffix(strings.TrimSuffix(rel, "index.html"), "/"), "")
	if p == "" {
		return "board"
	}
	segs := strings.Split(p, "/")
	for i := 1; i < len(segs); i++ {
		if !slices.Contains(pageKinds, segs[i]) || i == 1 && segs[0] != "attention" && segs[0] != "decisions" {
			segs[i] = "*"
		}
	}
	return stars.ReplaceAllString(strings.Join(segs, "/"), "*")
}

func TestPageKind(t *testing.T) {
	t.Parallel()
	for rel, want := range map[string]string{
		"index.html":                                "board",
		"404.html":                                  "404.html",
		"people/ana/index.html":                     "people/*",
		"people/ana/updates/page/2/index.html":      "people/*/updates",
		"handbook/a/b/c/index.html":                 "handbook/*",
		"handbook/a/page/3/index.html":              "handbook/*",
		"updates/page/4/index.html":                 "updates",
		"updates/2026-x/index.html":                 "updates/*",
		"decisions/status/accepted/index.html":      "decisions/status/*",
		"teams/platform/digest/2026-W40/index.html": "teams/*/digest/*",
		"attention/reviews/index.html":              "attention/reviews",
		"tags/api/page/2/index.html":                "tags/*",
	} {
		if got := pageKind(rel); got != want {
			t.Errorf("pageKind(%q) = %q, want %q", rel, got, want)
		}
	}
}
