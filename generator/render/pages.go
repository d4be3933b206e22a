package render

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/handbook/handbook/generator/site"
)

// UpdatesPerPage is the length of each page of the updates list.
const UpdatesPerPage = 20

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
	EditURL     string
	Dev         bool

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
	Nav       []NavNode        // the handbook sidebar, for handbook pages
	// navAt is the URL Nav is made for, when the page is rendered: a
	// sidebar for each of thousands of pages would be held all at once.
	navAt    string
	CheckIn  site.CheckIn   // a person's check-in this cycle
	CheckIns []site.CheckIn // a team's members' check-ins this cycle

	Events    []*site.Event            // the events list
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

// NavNode is an entry of the handbook sidebar. Open is true on the path
// to the current page, whose entry has Current set.
type NavNode struct {
	Page    *site.Page
	Current bool
	Open    bool
	url     string // of the page the sidebar is for
}

// Children returns the node's children, made when a template asks: the
// built-in sidebar shows only those of open sections.
func (n NavNode) Children() []NavNode { return nav(n.Page.Children, n.url) }

// nav builds the sidebar for the page at url: every top-level entry, and
// the children of each section on the way to the current page.
func nav(pages []*site.Page, url string) []NavNode {
	out := make([]NavNode, 0, len(pages))
	for _, p := range pages {
		n := NavNode{Page: p, Current: p.URL == url, url: url}
		n.Open = n.Current || strings.HasPrefix(url, p.URL) && p.Section
		out = append(out, n)
	}
	return out
}

// FeedLink names a feed for <link rel="alternate"> and subscribe links.
type FeedLink struct {
	Title           string
	RSS, Atom, JSON string // hrefs
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

// job is one HTML page to render.
type job struct {
	path string // output path
	view *View
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

// pages lists every HTML page of the site.
func (r *renderer) pages() []job {
	s := r.site
	var jobs []job
	add := func(v *View) {
		jobs = append(jobs, job{path: outputPath(v.URL), view: v})
	}

	board := r.view("board", s.Config.Title, "/", "board")
	board.Description = s.Config.Description
	add(board)

	for _, p := range s.Pages {
		v := r.docView("page", &p.Doc, "handbook").withFeed(r.feedLink("handbook/", "Handbook changes"))
		v.Page = p
		v.navAt = p.URL
		if p.Description != "" {
			v.Description = p.Description
		}
		for a := p.Parent; a != nil; a = a.Parent {
			v.Crumbs = append([]Crumb{{Title: a.Title, URL: a.URL}}, v.Crumbs...)
		}
		if s.Home == nil {
			v.Crumbs = append([]Crumb{{Title: "Handbook", URL: "/handbook/"}}, v.Crumbs...)
		}
		add(v)
	}
	if s.Home == nil {
		// Without handbook/index.md the handbook still needs a front page.
		v := r.view("page", "Handbook", "/handbook/", "handbook").withFeed(r.feedLink("handbook/", "Handbook changes"))
		v.Page = &site.Page{Doc: site.Doc{Kind: site.KindPage, Title: "Handbook", URL: "/handbook/"}, Section: true, Children: s.Nav}
		v.navAt = "/handbook/"
		add(v)
	}

	updatesFeed := r.feedLink("updates/", "Updates")
	pages := max(1, (len(s.Updates)+UpdatesPerPage-1)/UpdatesPerPage)
	pageURL := func(n int) string {
		if n == 1 {
			return "/updates/"
		}
		return fmt.Sprintf("/updates/page/%d/", n)
	}
	for n := 1; n <= pages; n++ {
		title := "Updates"
		if n > 1 {
			title = fmt.Sprintf("Updates, page %d of %d", n, pages)
		}
		v := r.view("updates", title, pageURL(n), "updates").withFeed(updatesFeed)
		v.Description = "Check-ins from everyone, newest first."
		lo, hi := (n-1)*UpdatesPerPage, min(n*UpdatesPerPage, len(s.Updates))
		v.Updates = s.Updates[lo:hi]
		pg := &Pager{Number: n, Total: pages}
		if n > 1 {
			pg.Prev = pageURL(n - 1)
		}
		if n < pages {
			pg.Next = pageURL(n + 1)
		}
		for i := 1; i <= pages; i++ {
			pg.Pages = append(pg.Pages, PagerLink{Number: i, URL: pageURL(i)})
		}
		v.Pager = pg
		add(v)
	}
	for _, u := range s.Updates {
		v := r.docView("update", &u.Doc, "updates").withFeed(updatesFeed)
		v.Update = u
		v.Crumbs = []Crumb{{Title: "Updates", URL: "/updates/"}}
		add(v)
	}

	decisionsFeed := r.feedLink("decisions/", "Decisions")
	statuses := r.decisionStatuses()
	all := r.view("decisions", "Decisions", "/decisions/", "decisions").withFeed(decisionsFeed)
	all.Description = "Every decision record, with its status."
	all.Decisions, all.Statuses = s.Decisions, statuses
	add(all)
	for _, st := range statuses {
		v := r.view("decisions", "Decisions: "+st.Status, st.URL, "decisions").withFeed(decisionsFeed)
		v.Status, v.Statuses = st.Status, statuses
		v.Description = fmt.Sprintf("Decision records with status %s.", st.Status)
		for _, d := range s.Decisions {
			if site.Slug(d.Status) == st.Slug {
				v.Decisions = append(v.Decisions, d)
			}
		}
		v.Crumbs = []Crumb{{Title: "Decisions", URL: "/decisions/"}}
		add(v)
	}
	for _, d := range s.Decisions {
		v := r.docView("decision", &d.Doc, "decisions").withFeed(decisionsFeed)
		v.Decision = d
		v.Crumbs = []Crumb{{Title: "Decisions", URL: "/decisions/"}}
		add(v)
	}

	objectives := r.view("objectives", "Objectives", "/objectives/", "objectives")
	objectives.Description = "Objectives and key results by period, with progress from the updates."
	objectives.Periods = r.periods()
	add(objectives)
	for _, o := range s.Objectives {
		v := r.docView("objective", &o.Doc, "objectives")
		v.Objective = o
		v.Crumbs = []Crumb{{Title: "Objectives", URL: "/objectives/"}}
		add(v)
	}

	people := r.view("people", "People", "/people/", "people")
	people.Description = "Everyone on the team, where they are and what they work on."
	add(people)
	for _, p := range s.People {
		v := r.docView("person", &p.Doc, "people").withFeed(r.feedLink("people/"+p.ID+"/", "Updates from "+p.Name))
		v.Person = p
		v.CheckIn = s.CheckInAt(p, s.Now)
		v.Record, v.Calendar = r.personRecord(p), calendarPath(p.URL)
		if p.Role != "" {
			v.Description = p.Name + ", " + p.Role
		}
		v.Crumbs = []Crumb{{Title: "People", URL: "/people/"}}
		add(v)
	}

	teams := r.view("teams", "Teams", "/teams/", "teams")
	teams.Description = "Teams, their members and their check-in cadence."
	add(teams)
	for _, t := range s.Teams {
		v := r.docView("team", &t.Doc, "teams").withFeed(r.feedLink("teams/"+t.ID+"/", t.Name+" updates"))
		v.Team = t
		v.Updates = t.Updates[:min(len(t.Updates), 10)]
		for _, m := range t.Members {
			v.CheckIns = append(v.CheckIns, s.CheckInAt(m, s.Now))
		}
		r.teamExtras(v, t)
		v.Crumbs = []Crumb{{Title: "Teams", URL: "/teams/"}}
		add(v)
	}

	if len(s.Tags) > 0 {
		// Only the tag pages' breadcrumbs lead to the index: without
		// tags, no link would reach it.
		add(r.view("tags", "Tags", "/tags/", "tags"))
	}
	for _, t := range s.Tags {
		v := r.view("tag", "Tagged “"+t.Name+"”", t.URL, "tags").withFeed(r.feedLink(strings.TrimPrefix(t.URL, "/"), "Tagged "+t.Name))
		v.Tag = t
		v.Crumbs = []Crumb{{Title: "Tags", URL: "/tags/"}}
		add(v)
	}

	search := r.view("search", "Search", "/search/", "search")
	search.Description = "Search the handbook, updates, decisions, objectives, people and teams."
	add(search)
	r.eventPages(add)
	r.attentionPages(add)
	r.digestPages(add)

	nf := r.view("404", "Page not found", "/404.html", "")
	jobs = append(jobs, job{path: "404.html", view: nf})
	return jobs
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

func (r *renderer) periods() []PeriodGroup {
	var out []PeriodGroup
	for _, o := range r.site.Objectives { // newest period first
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
		out = append(out, feed{dir: "teams/" + t.ID + "/", title: title + ": " + t.Name, description: "Updates from " + t.Name + ".", page: t.URL, docs: docs})
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
		out = append(out, feed{dir: "people/" + p.ID + "/", title: title + ": " + p.Name, description: "Updates and decisions from " + p.Name + ".", page: p.URL, docs: docs})
	}
	for _, t := range s.Tags {
		out = append(out, feed{dir: strings.TrimPrefix(t.URL, "/"), title: title + ": tagged " + t.Name, description: "Everything tagged " + t.Name + ".", page: t.URL, docs: t.Docs})
	}
	out = append(out, r.eventFeed())
	return out
}
