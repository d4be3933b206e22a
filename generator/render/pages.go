package render

import (
	"cmp"
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/handbook/handbook/generator/site"
)

// BoardItems is how many of the period's objectives and of the latest
// status changes the board shows: it is read at a glance, and each list
// links to the whole of it.
const BoardItems = 5

// View is what every template receives as its dot. Exactly one of the
// fields after Dev is set for a document page; list pages set the list.
type View struct {
	Site        *site.Site
	Now         time.Time
	Template    string // the layout file, without .html
	Title       string
	Description string
	URL         string // the page's site path
	Section     string // the navigation entry it belongs to: "board", "handbook", ...
	Feeds       []FeedLink
	Assets      Assets
	Search      SearchLinks
	Crumbs      []Crumb
	Doc         *site.Doc // the document shown, if any
	// Header is the site header, rendered once per section (see
	// renderer.header); empty makes base.html render it itself.
	Header template.HTML
	// HeadLinks and Footer are the head's links (icon, stylesheet, feeds,
	// script) and the footer's lines before the page's own address,
	// rendered once for every page with the same feeds (see
	// renderer.execute); empty makes base.html render them itself.
	HeadLinks, Footer template.HTML
	EditURL           string
	Dev               bool

	Page      *site.Page
	Update    *site.Update
	Decision  *site.Decision
	Objective *site.Objective
	Person    *site.Person
	Team      *site.Team
	Tag       *site.Tag

	Updates   []*site.Update   // the updates list, one page of it
	Pager     *Pager           // for paginated lists
	Decisions []*site.Decision // the decisions list, filtered by Status
	Status    string           // the decisions list's status filter, "" for all
	Statuses  []StatusCount    // decision statuses with counts
	Periods   []PeriodGroup    // objectives by period
	Nav       *NavList         // the handbook sidebar, for handbook pages
	Children  []*site.Page     // a section's pages, one page of them
	Docs      []*site.Doc      // a list of documents, one page of it
	People    []*site.Person   // the people list, one page of it
	Teams     []*site.Team     // the teams list, one page of it
	TagList   []*site.Tag      // the tags index, one page of it
	// navAt is the page Nav is made for, when the page is rendered: a
	// sidebar for each of thousands of pages would be held all at once.
	navAt *site.Page
	// scope, when set, is what the page shows beyond the base and its
	// document, for its key (see scope.go).
	scope    scope
	CheckIn  site.CheckIn   // a person's check-in this cycle
	CheckIns []site.CheckIn // a team's members' check-ins this cycle

	Groups    []site.TeamObjectives    // the board's objectives of the period, the first Latest
	Hidden    int                      // how many of them Groups leaves out
	Events    []*site.Event            // the events list
	History   []*site.Event            // a document's older status changes, one page of them
	Attention *site.Attention          // what needs a person's, or everyone's, attention
	Record    *site.TeamAccountability // a team's check-in record, or a person's alone
	Overlap   *site.Overlap            // a team's working hours
	Digest    *site.Digest             // one week's digest
	Digests   []*site.Digest           // the digests, newest first
	Calendar  string                   // href of the page's calendar (.ics)
}

// SearchLinks are the hrefs the search box needs: the index's manifest
// and the client script, loaded when the reader first focuses the box.
type SearchLinks struct {
	Index, Script string
}

// NavWindow is how many entries the sidebar shows of one section: with
// more, a window of them around the entry on the way to the current page,
// and a link to the section's full list.
const NavWindow = 15

// NavList is one level of the handbook sidebar: entries of a section.
type NavList struct {
	Section *site.Page // whose children the entries are
	Items   []NavNode
	Total   int // the section's children, more than len(Items) when windowed
}

// More reports whether the section has entries the list leaves out.
func (l *NavList) More() bool { return l.Total > len(l.Items) }

// NavNode is an entry of the handbook sidebar. Open is true for sections
// on the path to the current page, whose entry has Current set; Children
// holds an open section's entries.
type NavNode struct {
	Page     *site.Page
	Current  bool
	Open     bool
	Children *NavList
}

// nav builds the sidebar for the page cur: the top level of the
// handbook, and the entries of each section on the way to cur. Each
// level shows at most NavWindow entries, so that the sidebar's size
// depends on how deep the page is, not on how many pages the handbook
// has.
func nav(home, cur *site.Page) *NavList {
	var path []*site.Page
	for p := cur; p != nil; p = p.Parent {
		path = append(path, p)
	}
	return navList(home, cur, path)
}

func navList(sec, cur *site.Page, path []*site.Page) *NavList {
	kids := sec.Children
	l := &NavList{Section: sec, Total: len(kids)}
	lo, hi := 0, len(kids)
	if len(kids) > NavWindow {
		at := slices.IndexFunc(kids, func(p *site.Page) bool { return slices.Contains(path, p) })
		lo = max(0, min(at-NavWindow/2, len(kids)-NavWindow))
		hi = lo + NavWindow
	}
	l.Items = make([]NavNode, 0, hi-lo)
	for _, p := range kids[lo:hi] {
		n := NavNode{Page: p, Current: p == cur, Open: p.Section && slices.Contains(path, p)}
		if n.Open {
			n.Children = navList(p, cur, path)
		}
		l.Items = append(l.Items, n)
	}
	return l
}

// FeedLink names a feed for <link rel="alternate"> and subscribe links.
type FeedLink struct {
	Title           string
	RSS, Atom, JSON string // hrefs
}

// CurrentCrumb returns what the breadcrumb trail calls the page itself:
// its title, or where that is a handbook page's own, the page's label,
// as the trail calls its folders ("Budget, page 2 of 3" stays).
func (v *View) CurrentCrumb() string {
	if v.Page != nil && v.Title == v.Page.Title {
		return v.Page.Label()
	}
	return v.Title
}

// Crumb is one step of a breadcrumb trail.
type Crumb struct {
	Title string
	URL   string
}

// Pager links the pages of a paginated list.
type Pager struct {
	Number, Total int
	Prev, Next    string // site paths, "" at the ends
	Pages         []PagerLink
}

// PagerLink is one numbered page.
type PagerLink struct {
	Number int
	URL    string
}

// StatusCount is a decision status and how many decisions have it.
type StatusCount struct {
	Status string
	Slug   string
	URL    string
	Count  int
}

// PeriodGroup holds the objectives of one period.
type PeriodGroup struct {
	Period     site.Period
	Current    bool
	Objectives []*site.Objective
}

// job is one HTML page to render: what keys it (doc and scope), and its
// view, or for an update's or a decision's own page, build, which makes
// the view only when the page is made again. A build with one file changed
// reuses nearly every page: building every update's view only to key it
// took about a twentieth of such a build's CPU at 10,000 documents.
type job struct {
	path  string // output path
	view  *View
	doc   *site.Doc
	scope scope
	build func() *View
}

// docJob is the job of a document's own page, keyed by its scope.
func docJob(d *site.Doc, sc scope, build func() *View) job {
	return job{path: outputPath(d.URL), doc: d, scope: sc, build: build}
}

func (r *renderer) view(tmpl, title, url, section string) *View {
	s := r.site
	v := &View{Site: s, Now: s.Now, Template: tmpl, Title: title, URL: url, Section: section, Assets: r.assets, Search: r.search, Dev: r.opts.Dev}
	v.Feeds = []FeedLink{r.feedLink("", s.Config.Title)}
	return v
}

func (r *renderer) feedLink(dir, title string) FeedLink {
	return FeedLink{Title: title, RSS: r.link("/" + dir + feedFiles.RSS), Atom: r.link("/" + dir + feedFiles.Atom), JSON: r.link("/" + dir + feedFiles.JSON)}
}

// withFeed puts the section's own feed first.
func (v *View) withFeed(f FeedLink) *View {
	v.Feeds = append([]FeedLink{f}, v.Feeds...)
	return v
}

func (r *renderer) docView(tmpl string, d *site.Doc, section string) *View {
	v := r.view(tmpl, d.Title, d.URL, section)
	v.Doc = d
	v.Description = d.Summary
	cfg := r.site.Config
	if cfg.RepoURL != "" {
		v.EditURL = fmt.Sprintf("%s/edit/%s/%s/%s", cfg.RepoURL, cfg.EditBranch, strings.Trim(cfg.ContentDir, "/"), d.Path)
	}
	return v
}

// pages passes every HTML page of the site to emit, one at a time, in a
// fixed order. emit may make the page at once: a view is built only as
// it is wanted, so memory never holds every page's view (150 MB at
// 100,000 documents).
func (r *renderer) pages(emit func(job)) {
	s := r.site
	add := func(v *View) {
		if v.scope == nil {
			v.scope = r.listScope(v)
		}
		emit(job{path: outputPath(v.URL), view: v, doc: v.Doc, scope: v.scope})
	}

	board := r.view("board", s.Config.Title, "/", "board")
	board.Description = s.Config.Description
	board.Groups, board.Hidden = firstObjectives(s.Board.Objectives, BoardItems)
	board.Events = s.Board.Changes[:min(len(s.Board.Changes), BoardItems)]
	add(board)

	handbookFeed := r.feedLink("handbook/", "Handbook changes")
	for _, p := range s.Pages {
		r.handbookPage(add, p, handbookFeed)
	}
	for _, p := range s.Folders {
		r.handbookPage(add, p, handbookFeed)
	}

	updatesFeed := r.feedLink("updates/", "Updates")
	paginateNewest(add, "/updates/", len(s.Updates), func(n, lo, hi int) *View {
		v := r.view("updates", "Updates", pageURL("/updates/", n), "updates").withFeed(updatesFeed)
		v.Description = "Check-ins from everyone, newest first."
		v.Updates = s.Updates[lo:hi]
		return v
	})
	updatesCrumbs := []Crumb{{Title: "Updates", URL: "/updates/"}}
	for _, u := range s.Updates {
		emit(docJob(&u.Doc, r.updateScope(u), func() *View {
			v := r.docView("update", &u.Doc, "updates").withFeed(updatesFeed)
			v.Update, v.Crumbs = u, updatesCrumbs
			return v
		}))
	}

	decisionsFeed := r.feedLink("decisions/", "Decisions")
	statuses := r.decisionStatuses()
	paginateNewest(add, "/decisions/", len(s.Decisions), func(n, lo, hi int) *View {
		v := r.view("decisions", "Decisions", pageURL("/decisions/", n), "decisions").withFeed(decisionsFeed)
		v.Description = "Every decision record, with its status."
		v.Decisions, v.Statuses = s.Decisions[lo:hi], statuses
		return v
	})
	for _, st := range statuses {
		var ds []*site.Decision
		for _, d := range s.Decisions {
			if site.Slug(d.Status) == st.Slug {
				ds = append(ds, d)
			}
		}
		paginateNewest(add, st.URL, len(ds), func(n, lo, hi int) *View {
			v := r.view("decisions", "Decisions: "+st.Status, pageURL(st.URL, n), "decisions").withFeed(decisionsFeed)
			v.Status, v.Statuses = st.Status, statuses
			v.Description = fmt.Sprintf("Decision records with status %s.", st.Status)
			v.Decisions = ds[lo:hi]
			v.Crumbs = []Crumb{{Title: "Decisions", URL: "/decisions/"}}
			return v
		})
	}
	decisionsCrumbs := []Crumb{{Title: "Decisions", URL: "/decisions/"}}
	for _, d := range s.Decisions {
		emit(docJob(&d.Doc, r.decisionScope(d), func() *View {
			v := r.docView("decision", &d.Doc, "decisions").withFeed(decisionsFeed)
			v.Decision, v.Crumbs = d, decisionsCrumbs
			return v
		}))
		r.historyPages(add, &d.Doc, d.Events, "decisions", []Crumb{decisionsCrumbs[0], {Title: d.Title, URL: d.URL}})
	}

	paginate(add, "/objectives/", len(s.Objectives), func(n, lo, hi int) *View {
		v := r.view("objectives", "Objectives", pageURL("/objectives/", n), "objectives")
		v.Description = "Objectives and key results by period, with progress from the updates."
		v.Periods = r.periods(s.Objectives[lo:hi])
		return v
	})
	for _, o := range s.Objectives {
		v := r.docView("objective", &o.Doc, "objectives")
		v.Objective, v.scope = o, r.objectiveScope(o)
		crumbs := []Crumb{{Title: "Objectives", URL: "/objectives/"}}
		v.Crumbs = crumbs
		add(v)
		r.historyPages(add, &o.Doc, o.Events, "objectives", append(crumbs, Crumb{Title: o.Title, URL: o.URL}))
		if more(o.Updates) {
			r.listPages(add, o.URL+"updates/", "Updates on "+o.Title, "Updates that name or report on the objective, newest first.", "objectives",
				append(crumbs, Crumb{Title: o.Title, URL: o.URL}), len(o.Updates), func(v *View, lo, hi int) { v.Updates = o.Updates[lo:hi] })
		}
	}

	paginate(add, "/people/", len(s.People), func(n, lo, hi int) *View {
		v := r.view("people", "People", pageURL("/people/", n), "people")
		v.Description = "Everyone on the team, where they are and what they work on."
		v.People = s.People[lo:hi]
		return v
	})
	for _, p := range s.People {
		v := r.docView("person", &p.Doc, "people").withFeed(r.feedLink("people/"+p.ID+"/", "Updates from "+p.Name))
		v.Person = p
		v.CheckIn = s.CheckInAt(p, s.Now)
		v.Record, v.Calendar = r.personRecord(p), calendarPath(p.URL)
		v.scope = r.personScope(v)
		if p.Role != "" {
			v.Description = p.Name + ", " + p.Role
		}
		crumbs := []Crumb{{Title: "People", URL: "/people/"}}
		v.Crumbs = crumbs
		add(v)
		crumbs = append(crumbs, Crumb{Title: p.Name, URL: p.URL})
		feed := v.Feeds[0]
		if more(p.Updates) {
			r.listPages(add, p.URL+"updates/", "Updates from "+p.Name, "Their check-ins, newest first.", "people", crumbs, len(p.Updates), func(v *View, lo, hi int) {
				v.withFeed(feed)
				v.Updates = p.Updates[lo:hi]
			})
		}
		if more(p.Decisions) {
			r.listPages(add, p.URL+"decisions/", "Decisions "+p.Name+" made", "Decision records that name them as a decision-maker, newest first.", "people", crumbs, len(p.Decisions), func(v *View, lo, hi int) {
				v.Decisions = p.Decisions[lo:hi]
			})
		}
		if more(p.Pages) {
			r.listPages(add, p.URL+"pages/", "Handbook pages "+p.Name+" owns", "", "people", crumbs, len(p.Pages), func(v *View, lo, hi int) {
				for _, pg := range p.Pages[lo:hi] {
					v.Docs = append(v.Docs, &pg.Doc)
				}
			})
		}
		if more(p.Objectives) {
			r.listPages(add, p.URL+"objectives/", "Objectives "+p.Name+" owns", "", "people", crumbs, len(p.Objectives), func(v *View, lo, hi int) {
				for _, o := range p.Objectives[lo:hi] {
					v.Docs = append(v.Docs, &o.Doc)
				}
			})
		}
	}

	paginate(add, "/teams/", len(s.Teams), func(n, lo, hi int) *View {
		v := r.view("teams", "Teams", pageURL("/teams/", n), "teams")
		v.Description = "Teams, their members and their check-in cadence."
		v.Teams = s.Teams[lo:hi]
		return v
	})
	for _, t := range s.Teams {
		v := r.docView("team", &t.Doc, "teams").withFeed(r.feedLink("teams/"+t.ID+"/", t.Name+" updates"))
		v.Team = t
		v.Updates = t.Updates[:min(len(t.Updates), Latest)]
		for _, m := range t.Members[:min(len(t.Members), Latest)] {
			v.CheckIns = append(v.CheckIns, s.CheckInAt(m, s.Now))
		}
		r.teamExtras(v, t)
		crumbs := []Crumb{{Title: "Teams", URL: "/teams/"}}
		v.Crumbs = crumbs
		add(v)
		crumbs = append(crumbs, Crumb{Title: t.Name, URL: t.URL})
		feed := v.Feeds[0]
		if more(t.Updates) {
			r.listPages(add, t.URL+"updates/", t.Name+" updates", "The team's check-ins, newest first.", "teams", crumbs, len(t.Updates), func(v *View, lo, hi int) {
				v.withFeed(feed)
				v.Updates = t.Updates[lo:hi]
			})
		}
		if more(t.Members) {
			r.listPages(add, t.URL+"members/", t.Name+" members", "The team's members and their check-ins this cycle.", "teams", crumbs, len(t.Members), func(v *View, lo, hi int) {
				for _, m := range t.Members[lo:hi] {
					v.CheckIns = append(v.CheckIns, s.CheckInAt(m, s.Now))
				}
			})
		}
		if more(t.Objectives) {
			r.listPages(add, t.URL+"objectives/", t.Name+" objectives", "The team's objectives, newest period first.", "teams", crumbs, len(t.Objectives), func(v *View, lo, hi int) {
				for _, o := range t.Objectives[lo:hi] {
					v.Docs = append(v.Docs, &o.Doc)
				}
			})
		}
	}

	if len(s.Tags) > 0 {
		// Only the tag pages' breadcrumbs lead to the index: without
		// tags, no link would reach it.
		paginateBy(add, "/tags/", len(s.Tags), TagsPerPage, func(n, lo, hi int) *View {
			v := r.view("tags", "Tags", pageURL("/tags/", n), "tags")
			v.TagList = s.Tags[lo:hi]
			return v
		})
	}
	for _, t := range s.Tags {
		feed := r.feedLink(strings.TrimPrefix(t.URL, "/"), "Tagged "+t.Name)
		paginateNewest(add, t.URL, len(t.Docs), func(n, lo, hi int) *View {
			v := r.view("tag", "Tagged “"+t.Name+"”", pageURL(t.URL, n), "tags").withFeed(feed)
			v.Tag, v.Docs = t, t.Docs[lo:hi]
			v.Crumbs = []Crumb{{Title: "Tags", URL: "/tags/"}}
			return v
		})
	}

	search := r.view("search", "Search", "/search/", "search")
	search.Description = "Search the handbook, updates, decisions, objectives, people and teams."
	add(search)
	r.eventPages(add)
	r.attentionPages(add)
	r.digestPages(add)

	nf := r.view("404", "Page not found", "/404.html", "")
	emit(job{path: "404.html", view: nf})
}

// handbookPage adds the page of a handbook page or section. A section's
// page lists its children, PerPage at a time: the first page of the list
// is the section's own, the rest follow at page/2/, ...
func (r *renderer) handbookPage(add func(*View), p *site.Page, feed FeedLink) {
	var crumbs []Crumb
	for a := p.Parent; a != nil; a = a.Parent {
		crumbs = append([]Crumb{{Title: a.Label(), URL: a.URL}}, crumbs...)
	}
	n := 0
	if p.Section {
		n = len(p.Children)
	}
	paginate(add, p.URL, n, func(num, lo, hi int) *View {
		var v *View
		if num == 1 && !p.Generated {
			v = r.docView("page", &p.Doc, "handbook")
			if p.Description != "" {
				v.Description = p.Description
			}
		} else {
			v = r.view("page", p.Title, pageURL(p.URL, num), "handbook")
			if num == 1 {
				// A generated page's description is its folder's, from
				// _category_.json, when it has one.
				v.Description = cmp.Or(p.Description, fmt.Sprintf("The %s in %s.", plural(len(p.Children), "page", "pages"), p.Title))
			}
		}
		v.withFeed(feed)
		v.Page, v.navAt, v.Crumbs, v.scope = p, p, crumbs, r.pageScope(p)
		if p.Section {
			v.Children = p.Children[lo:hi]
		}
		return v
	})
}

// historyPages adds the history pages of a document whose page lists
// only its latest status changes: the older ones, oldest first,
// site.HistoryPerPage to a page, at the paths site.Event.URL names.
func (r *renderer) historyPages(add func(*View), d *site.Doc, events []*site.Event, section string, crumbs []Crumb) {
	older := site.Older(events)
	if len(older) == 0 {
		return
	}
	base := site.HistoryURL(d.URL, 1)
	total := (len(older) + site.HistoryPerPage - 1) / site.HistoryPerPage
	for num := 1; num <= total; num++ {
		v := r.view("list", "Earlier status changes of "+d.Title, site.HistoryURL(d.URL, num), section)
		v.Description, v.Crumbs = "Status changes before the latest, oldest first.", crumbs
		v.History = older[(num-1)*site.HistoryPerPage : min(num*site.HistoryPerPage, len(older))]
		if num > 1 {
			v.Title = fmt.Sprintf("%s, page %d of %d", v.Title, num, total)
		}
		v.Pager = newPager(base, num, total)
		add(v)
	}
}

// decisionStatuses lists the statuses in use, standard ones first in
// their lifecycle order, then the site's own and any unknown ones. Each
// status page is named by the status's slug, so statuses written
// differently ("On hold", "on-hold") share a page, shown as first
// written; a status without letters or digits gets no page.
func (r *renderer) decisionStatuses() []StatusCount {
	counts := map[string]int{}   // by slug
	names := map[string]string{} // slug -> status as first written
	for _, d := range r.site.Decisions {
		if slug := site.Slug(d.Status); slug != "" {
			counts[slug]++
			if _, ok := names[slug]; !ok {
				names[slug] = d.Status
			}
		}
	}
	var out []StatusCount
	add := func(slug string) {
		out = append(out, StatusCount{Status: names[slug], Slug: slug, URL: "/decisions/status/" + slug + "/", Count: counts[slug]})
		delete(counts, slug)
	}
	for _, st := range append(slices.Clone(site.DecisionStatuses), r.site.Config.DecisionStatuses...) {
		if slug := site.Slug(st); counts[slug] > 0 {
			names[slug] = st
			add(slug)
		}
	}
	for _, slug := range slices.Sorted(maps.Keys(counts)) {
		add(slug)
	}
	return out
}

// periods groups objectives, newest period first, by period.
func (r *renderer) periods(objectives []*site.Objective) []PeriodGroup {
	var out []PeriodGroup
	for _, o := range objectives { // newest period first
		if len(out) == 0 || out[len(out)-1].Period.Name != o.Period.Name {
			out = append(out, PeriodGroup{Period: o.Period, Current: o.Period.Contains(r.site.Now)})
		}
		g := &out[len(out)-1]
		g.Objectives = append(g.Objectives, o)
	}
	return out
}

// feeds lists every feed of the site.
func (r *renderer) feeds() []feed {
	s := r.site
	var updates, decisions, pages []*site.Doc
	for _, u := range s.Updates {
		updates = append(updates, &u.Doc)
	}
	for _, d := range s.Decisions {
		decisions = append(decisions, &d.Doc)
	}
	byDate := func(a, b *site.Doc) int {
		return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(a.Path, b.Path))
	}
	slices.SortStableFunc(decisions, byDate)
	for _, p := range s.Pages {
		if !p.Date.IsZero() {
			pages = append(pages, &p.Doc)
		}
	}
	slices.SortStableFunc(pages, byDate)
	everything := slices.Concat(updates, decisions, pages)
	slices.SortStableFunc(everything, byDate)

	title := s.Config.Title
	out := []feed{
		{dir: "", title: title, description: s.Config.Description, page: "/", docs: everything},
		{dir: "updates/", title: title + ": updates", description: "Check-ins from everyone.", page: "/updates/", docs: updates},
		{dir: "decisions/", title: title + ": decisions", description: "Decision records.", page: "/decisions/", docs: decisions},
		{dir: "handbook/", title: title + ": handbook changes", description: "Handbook pages, by last change.", page: "/handbook/", docs: pages},
	}
	for _, t := range s.Teams {
		var docs []*site.Doc
		for _, u := range t.Updates {
			docs = append(docs, &u.Doc)
		}
		out = append(out, feed{dir: "teams/" + t.ID + "/", title: title + ": " + t.Name, description: "Updates from " + t.Name + ".", page: t.URL, docs: docs, summaries: true})
	}
	for _, p := range s.People {
		var docs []*site.Doc
		for _, u := range p.Updates {
			docs = append(docs, &u.Doc)
		}
		for _, d := range p.Decisions {
			docs = append(docs, &d.Doc)
		}
		slices.SortStableFunc(docs, byDate)
		out = append(out, feed{dir: "people/" + p.ID + "/", title: title + ": " + p.Name, description: "Updates and decisions from " + p.Name + ".", page: p.URL, docs: docs, summaries: true})
	}
	for _, t := range s.Tags {
		out = append(out, feed{dir: strings.TrimPrefix(t.URL, "/"), title: title + ": tagged " + t.Name, description: "Everything tagged " + t.Name + ".", page: t.URL, docs: t.Docs, summaries: true})
	}
	out = append(out, r.eventFeed())
	return out
}

// firstObjectives returns the groups holding the first n objectives of
// groups, and how many it leaves out: the board shows a few of the
// period's objectives and links to the rest.
func firstObjectives(groups []site.TeamObjectives, n int) ([]site.TeamObjectives, int) {
	var out []site.TeamObjectives
	hidden := 0
	for _, g := range groups {
		k := min(n, len(g.Objectives))
		if k > 0 {
			out = append(out, site.TeamObjectives{Team: g.Team, Objectives: g.Objectives[:k]})
		}
		n -= k
		hidden += len(g.Objectives) - k
	}
	return out, hidden
}
