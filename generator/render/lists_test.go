package render

import (
	"fmt"
	"slices"
	"testing"

	"github.com/handbook/handbook/generator/site"
)

func TestNewPager(t *testing.T) {
	t.Parallel()
	numbers := func(pg *Pager) []int {
		var out []int
		for _, l := range pg.Pages {
			out = append(out, l.Number)
		}
		return out
	}
	for _, tt := range []struct {
		n, total int
		want     []int // 0 is a gap
	}{
		{1, 1, []int{1}},
		{1, 5, []int{1, 2, 3, 4, 5}},
		{1, 6, []int{1, 2, 3, 0, 6}},
		{1, 40, []int{1, 2, 3, 0, 40}},
		{20, 40, []int{1, 0, 18, 19, 20, 21, 22, 0, 40}},
		{40, 40, []int{1, 0, 38, 39, 40}},
	} {
		pg := newPager("/x/", tt.n, tt.total)
		if got := numbers(pg); !slices.Equal(got, tt.want) {
			t.Errorf("newPager(%d of %d) pages = %v, want %v", tt.n, tt.total, got, tt.want)
		}
		if (pg.Prev != "") != (tt.n > 1) || (pg.Next != "") != (tt.n < tt.total) {
			t.Errorf("newPager(%d of %d): prev %q, next %q", tt.n, tt.total, pg.Prev, pg.Next)
		}
	}
	if got := newPager("/x/", 2, 3); got.Prev != "/x/" || got.Next != "/x/page/3/" {
		t.Errorf("newPager(2 of 3): prev %q, next %q, want /x/ and /x/page/3/", got.Prev, got.Next)
	}
}

// TestPagerShowsWindow checks every pager of lists of up to 30 pages
// against the rule: the first and last pages, pagerWindow either side of
// the current one, a gap of one page shown as that page and a longer gap
// as one "…".
func TestPagerShowsWindow(t *testing.T) {
	t.Parallel()
	for total := 1; total <= 30; total++ {
		for n := 1; n <= total; n++ {
			shown := func(i int) bool {
				return i >= 1 && i <= total && (i == 1 || i == total || i >= n-pagerWindow && i <= n+pagerWindow)
			}
			var want []int
			for i := 1; i <= total; i++ {
				switch {
				case shown(i), shown(i-1) && shown(i+1):
					want = append(want, i)
				case shown(i - 1):
					want = append(want, 0)
				}
			}
			var got []int
			for _, l := range newPager("/x/", n, total).Pages {
				got = append(got, l.Number)
				if (l.Number == 0) != (l.URL == "") {
					t.Errorf("page %d of %d: link %d has URL %q", n, total, l.Number, l.URL)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("page %d of %d: pager %v, want %v", n, total, got, want)
			}
		}
	}
}

// TestPaginateNewest checks that the pages of a list that grows at its
// front keep their addresses and items as items are added, and that
// every item is on exactly one page.
func TestPaginateNewest(t *testing.T) {
	t.Parallel()
	for n := 0; n <= 3*PerPage+3; n++ {
		got := map[string][]int{}
		seen := map[int]int{}
		paginateNewest(func(v *View) {}, "/x/", n, func(num, lo, hi int) *View {
			v := &View{URL: pageURL("/x/", num)}
			if hi-lo > PerPage || (num == 1) != (lo == 0) {
				t.Errorf("%d items: page %d holds [%d, %d)", n, num, lo, hi)
			}
			for i := lo; i < hi; i++ {
				got[v.URL] = append(got[v.URL], n-1-i)
				seen[n-1-i]++
			}
			return v
		})
		for i := range n {
			if seen[i] != 1 {
				t.Errorf("%d items: item %d is on %d pages, want 1", n, i, seen[i])
			}
		}
		// One more item: every page but the first and the newest of the
		// others has the same items at the same address.
		next := map[string][]int{}
		var newest string
		paginateNewest(func(v *View) {
			if v.Pager.Number == 2 {
				newest = v.URL
			}
		}, "/x/", n+1, func(num, lo, hi int) *View {
			v := &View{URL: pageURL("/x/", num)}
			for i := lo; i < hi; i++ {
				next[v.URL] = append(next[v.URL], n-i)
			}
			return v
		})
		for url, items := range got {
			if url == "/x/" || url == newest {
				continue
			}
			if !slices.Equal(next[url], items) {
				t.Errorf("%d items, then one more: %s held %v, then %v", n, url, items, next[url])
			}
		}
	}
}

func TestFirstObjectives(t *testing.T) {
	t.Parallel()
	objs := func(n int) []*site.Objective {
		var out []*site.Objective
		for i := range n {
			out = append(out, &site.Objective{ID: fmt.Sprint(i)})
		}
		return out
	}
	groups := []site.TeamObjectives{{Objectives: objs(4)}, {Objectives: objs(5)}, {Objectives: objs(3)}}
	got, hidden := firstObjectives(groups, 6)
	if len(got) != 2 || len(got[0].Objectives) != 4 || len(got[1].Objectives) != 2 || hidden != 6 {
		t.Errorf("firstObjectives(4+5+3, 6) = %d groups, hidden %d; want 4 and 2 shown, 6 hidden", len(got), hidden)
	}
	if got, hidden := firstObjectives(groups, 20); len(got) != 3 || hidden != 0 {
		t.Errorf("firstObjectives(4+5+3, 20) = %d groups, hidden %d; want all", len(got), hidden)
	}
}

func TestNav(t *testing.T) {
	t.Parallel()
	home := &site.Page{Section: true}
	sec := &site.Page{Section: true, Parent: home}
	home.Children = []*site.Page{sec, {Parent: home}}
	for i := range 40 {
		sec.Children = append(sec.Children, &site.Page{Doc: site.Doc{Title: fmt.Sprint(i)}, Parent: sec})
	}
	cur := sec.Children[30]
	l := nav(home, cur)
	if len(l.Items) != 2 || !l.Items[0].Open || l.Items[0].Children == nil || l.Items[1].Open || l.More() {
		t.Fatalf("top level = %+v", l)
	}
	w := l.Items[0].Children
	if len(w.Items) != NavWindow || w.Total != 40 || !w.More() || w.Section != sec {
		t.Fatalf("section: %d items of %d", len(w.Items), w.Total)
	}
	if first := w.Items[0].Page.Title; first != fmt.Sprint(30-NavWindow/2) {
		t.Errorf("window starts at %s, want %d", first, 30-NavWindow/2)
	}
	currents := 0
	for _, n := range w.Items {
		if n.Current {
			currents++
			if n.Page != cur {
				t.Errorf("current entry is %s", n.Page.Title)
			}
		}
	}
	if currents != 1 {
		t.Errorf("%d current entries", currents)
	}
	// At the end of the section, the window is the last NavWindow.
	if w := nav(home, sec.Children[39]).Items[0].Children; w.Items[0].Page != sec.Children[40-NavWindow] {
		t.Errorf("window at the end starts at %s", w.Items[0].Page.Title)
	}
}

func TestCut(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		s    string
		n    int
		want string
	}{
		{"short enough", 20, "short enough"},
		{"one two three four", 12, "one two…"},
		{"one two, three four", 10, "one two…"},
		{"averyveryverylongword", 8, "averyver…"},
		{"ünïcödé wörds here", 9, "ünïcödé…"},
	} {
		if got := cut(tt.s, tt.n); got != tt.want {
			t.Errorf("cut(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}

func TestCutExactLength(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"ab cd", "äb cd", "日本 語日"} {
		if got := cut(s, 5); got != s {
			t.Errorf("cut(%q, 5) = %q, want it whole", s, got)
		}
	}
}
