package render

import (
	"fmt"
	"reflect"

	"github.com/handbook/handbook/generator/site"
)

// PerPage is the length of each page of a paginated list: updates,
// decisions, a section's pages, a tag's documents, a person's updates.
const PerPage = 20

// UpdatesPerPage is the length of each page of the updates list.
const UpdatesPerPage = PerPage

// Latest is how many items a page shows of a list that has a page of its
// own: a person's updates, a team's, an objective's. The rest are a link
// away, so the page does not grow with the site's history.
const Latest = 10

// pagerWindow is how many page numbers a pager shows either side of the
// current page, besides the first and the last: links to every page
// would grow with the list.
const pagerWindow = 2

// pageURL returns the site path of page n of the list at base:
// "/updates/", "/updates/page/2/", ...
func pageURL(base string, n int) string {
	if n == 1 {
		return base
	}
	return fmt.Sprintf("%spage/%d/", base, n)
}

// pageCount returns how many pages a list of n items fills; an empty list
// still has its first page.
func pageCount(n int) int { return max(1, (n+PerPage-1)/PerPage) }

// newPager returns the pager of page n of total at base: previous and
// next, the first and last pages, and a few around n. A gap between
// numbers is a PagerLink with Number 0.
func newPager(base string, n, total int) *Pager {
	return pagerAt(n, total, func(i int) string { return pageURL(base, i) })
}

// pagerAt is newPager with url giving the site path of each page.
func pagerAt(n, total int, url func(int) string) *Pager {
	pg := &Pager{Number: n, Total: total}
	if n > 1 {
		pg.Prev = url(n - 1)
	}
	if n < total {
		pg.Next = url(n + 1)
	}
	// Shown: the first and last pages and pagerWindow either side of n;
	// a gap of one page shows that page rather than "…". Only those are
	// visited, so that each pager of a list of thousands of pages is made
	// in the same time as one of a short list's.
	link := func(i int) { pg.Pages = append(pg.Pages, PagerLink{Number: i, URL: url(i)}) }
	// gap hides the pages between two shown ones.
	gap := func(from, to int) {
		switch to - from {
		case 1:
		case 2:
			link(from + 1)
		default:
			pg.Pages = append(pg.Pages, PagerLink{})
		}
	}
	lo, hi := max(1, n-pagerWindow), min(total, n+pagerWindow)
	link(1)
	if lo > 1 {
		gap(1, lo)
	}
	for i := max(lo, 2); i <= hi; i++ {
		link(i)
	}
	if hi < total {
		gap(hi, total)
		link(total)
	}
	return pg
}

// paginate adds the pages of a list of n items at base. fill makes the
// view of page num, showing items [lo, hi); paginate sets its pager, and
// names pages after the first "Title, page 2 of 5".
func paginate(add func(*View), base string, n int, fill func(num, lo, hi int) *View) {
	paginateBy(add, base, n, PerPage, fill)
}

// paginateNewest is paginate for a list that grows at its front, newest
// first: updates, decisions, a tag's documents. Its first page holds the
// newest PerPage items; the older ones are counted from the list's end,
// PerPage to a page, and page/N/ keeps its address as items are added:
// page/2/ holds the oldest, the highest number the newest after the
// first page's, which may be part full. A new item changes the first
// page and the part-full one alone; only when that one fills does a new
// page start, and every page's pager (whose numbers count from the
// newest) change with it. fill gets the number in the page's address, 1
// for the first page.
func paginateNewest(add func(*View), base string, n int, fill func(num, lo, hi int) *View) {
	per := PerPage
	rest := max(0, n-per)           // items after the first page
	older := (rest + per - 1) / per // pages after the first
	total := older + 1
	// The page numbered shown, counted from the newest, is at
	// page/addr(shown)/.
	addr := func(shown int) int {
		if shown == 1 {
			return 1
		}
		return total + 2 - shown
	}
	url := func(shown int) string { return pageURL(base, addr(shown)) }
	for shown := 1; shown <= total; shown++ {
		a := addr(shown)
		lo, hi := 0, min(n, per)
		if a > 1 {
			// Items counted from the oldest: page/a/ has
			// [(a-2)*per, (a-1)*per) of them.
			lo, hi = n-min((a-1)*per, rest), n-(a-2)*per
		}
		v := fill(a, lo, hi)
		if shown > 1 {
			v.Title = fmt.Sprintf("%s, page %d of %d", v.Title, shown, total)
		}
		v.Pager = pagerAt(shown, total, url)
		add(v)
	}
}

// TagsPerPage is how many tags a page of the tags index lists: a tag is
// a word and a count, so a page holds more of them than of documents.
const TagsPerPage = 100

// paginateBy is paginate with per items a page.
func paginateBy(add func(*View), base string, n, per int, fill func(num, lo, hi int) *View) {
	total := max(1, (n+per-1)/per)
	for num := 1; num <= total; num++ {
		v := fill(num, (num-1)*per, min(num*per, n))
		if num > 1 {
			v.Title = fmt.Sprintf("%s, page %d of %d", v.Title, num, total)
		}
		v.Pager = newPager(base, num, total)
		add(v)
	}
}

// listPages adds a paginated list at base, made with list.html: a
// person's updates, a team's, an objective's. fill sets the items of each
// page.
func (r *renderer) listPages(add func(*View), base, title, description, section string, crumbs []Crumb, n int, fill func(v *View, lo, hi int)) {
	paginateNewest(add, base, n, func(num, lo, hi int) *View {
		v := r.view("list", title, pageURL(base, num), section)
		v.Description, v.Crumbs = description, crumbs
		fill(v, lo, hi)
		return v
	})
}

// latest returns the first Latest items of a slice (the newest, in the
// lists that have a page of their own): the template function latest.
func latest(list any) any {
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice || v.Len() <= Latest {
		return list
	}
	return v.Slice(0, Latest).Interface()
}

// first returns the first n items of a slice: the template function
// first, for a window of a list whose length the layout chooses.
func first(n int, list any) any {
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice || v.Len() <= n {
		return list
	}
	return v.Slice(0, max(0, n)).Interface()
}

// last returns the last n items of a slice: the template function last,
// for the most recent of a list kept oldest first.
func last(n int, list any) any {
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice || v.Len() <= n {
		return list
	}
	return v.Slice(v.Len()-max(0, n), v.Len()).Interface()
}

// more reports whether a slice has items beyond the first Latest: the
// template function more, for the link to the whole list.
func more(list any) bool {
	v := reflect.ValueOf(list)
	return v.Kind() == reflect.Slice && v.Len() > Latest
}

// updateDocs returns the documents of updates, for feeds and lists of
// documents.
func updateDocs(us []*site.Update) []*site.Doc {
	out := make([]*site.Doc, len(us))
	for i, u := range us {
		out[i] = &u.Doc
	}
	return out
}
