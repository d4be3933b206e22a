package render

import (
	"math"

	"github.com/handbook/handbook/generator/cache"
	"github.com/handbook/handbook/generator/site"
)

// A page's key decides whether the last build's copy of it is kept. By
// default it is the site's key, which covers what every list shows of
// every document and the build's exact time: a new update, or one whose
// title or status changed, makes all such pages again.
//
// The pages of single documents, most of a site, have narrower keys,
// made by the scope functions below: the build's base (the program, the
// layouts, site.toml, the options), the page's
// own document, and what the built-in layouts show of other
// documents and of the time, each function beside the layout it
// follows. A site that overrides a layout may show anything, so with an
// override every page has the site's key again (Options.BuiltinLayouts).

// scope adds to h what a page shows besides the base and its own
// document.
type scope func(h *cache.Hasher)

// updateScope follows layouts/update.html.
func (r *renderer) updateScope(u *site.Update) scope {
	return func(h *cache.Hasher) {
		h.String("update").String(string(u.Status))
		personKey(h, u.Author)
		teamKey(h, u.Team)
		for _, p := range u.Progress {
			objectiveKey(h, p.Objective)
			h.Bool(p.KeyResult != nil)
		}
		for _, o := range u.ObjectiveRefs {
			objectiveKey(h, o)
			h.String(string(o.Status)).Int(int64(math.Float64bits(o.Progress())))
		}
		backlinks(h, &u.Doc)
	}
}

// decisionScope follows layouts/decision.html: its refs, the decisions
// it supersedes or is superseded by, its status history and, for a
// proposal, how its response window stands at the build's time.
func (r *renderer) decisionScope(d *site.Decision) scope {
	now := r.site.Now
	return func(h *cache.Hasher) {
		h.String("decision").String(d.Status).Bool(d.Known).String(d.NumberString())
		refs(h, d.DecisionMakers)
		refs(h, d.Consulted)
		refs(h, d.Informed)
		h.Int(int64(len(d.SupersedesRefs)))
		for _, x := range d.SupersedesRefs {
			h.Key(x.ListHash).String(x.NumberString())
		}
		h.Int(int64(len(d.SupersededBy)))
		for _, x := range d.SupersededBy {
			h.Key(x.ListHash).String(x.NumberString())
		}
		events(h, d.Events)
		h.Bool(d.Open(now)).String(relative(now, d.RespondBy))
		backlinks(h, &d.Doc)
	}
}

// objectiveScope follows layouts/objective.html: its status and progress,
// each key result's reports, its status history with its chart (drawn
// up to the build's time), and its latest updates.
func (r *renderer) objectiveScope(o *site.Objective) scope {
	now := r.site.Now
	return func(h *cache.Hasher) {
		h.String("objective").String(string(o.Status)).Int(int64(math.Float64bits(o.Progress()))).Int(now.UnixNano())
		ref(h, o.OwnerRef)
		teamKey(h, o.Team)
		for _, kr := range o.KeyResults {
			h.String(kr.ID).Int(int64(len(kr.Reports)))
			for _, rep := range kr.Reports {
				h.Int(rep.Date.UnixNano()).Int(int64(math.Float64bits(rep.Value)))
			}
		}
		events(h, o.Events)
		eachLatest(h, o.Updates, func(u *site.Update) { updateItem(h, u) })
		backlinks(h, &o.Doc)
	}
}

// pageScope follows layouts/page.html: the sidebar, breadcrumbs and
// children come from the handbook's tree, so every handbook page's key
// covers the whole handbook (handbookKey); the list of its children
// shows their summaries, which the tree leaves out; its review notice
// depends on the time.
func (r *renderer) pageScope(p *site.Page) scope {
	now := r.site.Now
	return func(h *cache.Hasher) {
		h.String("page").Key(r.handbookKey)
		// A generated landing page's description is its folder's; a
		// document's own is in its source.
		h.String(p.Description)
		h.Int(int64(len(p.Children)))
		for _, c := range p.Children {
			h.String(c.Summary)
		}
		ref(h, p.Owner)
		h.Int(p.ReviewDue.UnixNano()).Bool(p.Overdue(now))
		h.Int(p.Modified.UnixNano()).String(p.ModifiedBy)
		backlinks(h, &p.Doc)
	}
}

// personScope follows layouts/person.html: the person's team, their
// check-in this cycle and its window, their record's grid, how many
// things need them, the latest of what they own, wrote and decided with
// how many of each there are, and their time zone's offset.
func (r *renderer) personScope(v *View) scope {
	p, now := v.Person, r.site.Now
	return func(h *cache.Hasher) {
		h.String("person")
		viewKey(h, v)
		teamKey(h, p.Team)
		h.String(string(utcOffset(p.Location, now))).String(r.window(p))
		checkInKey(h, v.CheckIn)
		h.Int(int64(r.site.Attention(p, now).Len()))
		recordKey(h, v.Record)
		eachLatest(h, p.Objectives, func(o *site.Objective) { objectiveCard(h, o) })
		eachLatest(h, p.Updates, func(u *site.Update) { updateItem(h, u) })
		eachLatest(h, p.Decisions, func(d *site.Decision) { decisionItem(h, d) })
		eachLatest(h, p.Pages, func(pg *site.Page) { docLink(h, &pg.Doc) })
		backlinks(h, &p.Doc)
	}
}

// attentionScope follows layouts/attention.html, for everyone or for one
// person: the first of each list with how long it is and, when anything
// needs attention, the time it is as of.
func (r *renderer) attentionScope(v *View) scope {
	a, p, now := v.Attention, v.Person, r.site.Now
	return func(h *cache.Hasher) {
		h.String("attention")
		viewKey(h, v)
		personKey(h, p)
		h.Int(int64(a.Len()))
		if a.Len() > 0 {
			h.Int(now.UnixNano()).String(now.Location().String()).String(r.asOf())
		}
		eachLatest(h, a.Proposals, func(ask site.Ask) {
			d := ask.Decision
			h.Key(d.ListHash).String(d.NumberString()).String(d.URL).String(d.Title)
			h.Int(d.RespondBy.UnixNano()).String(d.RespondBy.Location().String()).String(relative(now, d.RespondBy))
			h.Int(int64(len(ask.Roles)))
			for _, role := range ask.Roles {
				h.String(string(role))
			}
			h.Int(int64(len(ask.People)))
			for _, x := range ask.People {
				personKey(h, x)
			}
		})
		eachLatest(h, a.CheckIns, func(c site.CheckIn) { checkInKey(h, c) })
		eachLatest(h, a.Reviews, func(pg *site.Page) {
			docLink(h, &pg.Doc)
			h.Int(pg.ReviewDue.UnixNano()).String(relative(now, pg.ReviewDue))
			ref(h, pg.Owner)
		})
		eachLatest(h, a.KeyResults, func(k site.KeyResultFlag) {
			objectiveKey(h, k.Objective)
			ref(h, k.Objective.OwnerRef)
			h.String(k.KeyResult.Title).Bool(k.OffTrack).Bool(k.Unreported)
			if l := k.Last; l != nil {
				h.Int(l.Date.UnixNano()).Int(int64(math.Float64bits(l.Value)))
				updateItem(h, l.Update)
			} else {
				h.String("never reported")
			}
		})
		eachLatest(h, a.Blockers, func(b site.Blocker) {
			h.String(b.Text)
			updateItem(h, b.Update)
			h.Int(int64(len(b.Mentions)))
			for _, x := range b.Mentions {
				personKey(h, x)
			}
		})
		if p == nil {
			eachLatest(h, r.site.People, func(x *site.Person) {
				personKey(h, x)
				h.Int(int64(r.site.Attention(x, now).Len()))
			})
		}
	}
}

// docLink adds what a link to a document shows: its title, at its URL.
func docLink(h *cache.Hasher, d *site.Doc) {
	h.Key(d.ListHash).String(d.URL).String(d.Title)
}

// eachLatest adds how many items list has and, with add, each of the
// first Latest: what a page shows of a list that has a page of its own
// (the template functions latest and more).
func eachLatest[T any](h *cache.Hasher, list []T, add func(T)) {
	h.Int(int64(len(list)))
	for _, x := range list[:min(len(list), Latest)] {
		add(x)
	}
}

// checkInKey adds what a check-in shows: its person, its window, due day
// and record, and their latest update.
func checkInKey(h *cache.Hasher, c site.CheckIn) {
	personKey(h, c.Person)
	w := c.Window
	h.Int(w.Start.UnixNano()).Int(w.End.UnixNano()).Int(w.Due.UnixNano()).String(w.Due.Location().String()).Int(int64(w.Record))
	if c.Last != nil {
		h.Key(c.Last.ListHash)
	} else {
		h.String("no update")
	}
}

// recordKey adds what the template checkin-grid shows of a record.
func recordKey(h *cache.Hasher, rec *site.TeamAccountability) {
	if rec == nil {
		h.String("no record")
		return
	}
	h.String(rec.Cadence.String()).String(rec.Location.String()).Int(int64(rec.Streak))
	h.Int(int64(len(rec.Weeks)))
	for _, w := range rec.Weeks {
		h.Int(int64(w.Year)).Int(int64(w.Number))
	}
	h.Int(int64(len(rec.People)))
	for _, a := range rec.People {
		personKey(h, a.Person)
		h.Int(int64(a.Streak)).Int(int64(a.OnTime)).Int(int64(a.Late)).Int(int64(a.Missed)).Int(int64(a.Excused))
		h.Int(int64(len(a.Weeks)))
		for _, c := range a.Weeks {
			h.Int(int64(c.Record())).String(c.Label())
		}
	}
}

// objectiveCard adds what the template objective-card shows.
func objectiveCard(h *cache.Hasher, o *site.Objective) {
	objectiveKey(h, o)
	h.String(string(o.Status)).Int(int64(math.Float64bits(o.Progress())))
	ref(h, o.OwnerRef)
	teamKey(h, o.Team)
}

// decisionItem adds what a decision's row in a table shows (the template
// decision-table in layouts/partials.html).
func decisionItem(h *cache.Hasher, d *site.Decision) {
	h.Key(d.ListHash).String(d.Status).String(d.NumberString())
	for _, x := range d.SupersededBy {
		h.Key(x.ListHash).String(x.NumberString())
	}
}

// handbookTree returns the key of what handbook pages show of the whole
// handbook in their sidebars and breadcrumbs: every page's place and
// title, and nothing else. Not a page's summary, which only its parent
// lists (see pageScope): an edit to a page's first paragraph would make
// every handbook page again; nor the pages' ListHash, which changes with
// what git says of a page.
func handbookTree(s *site.Site) cache.Key {
	h := cache.NewHasher("handbook")
	var walk func(p *site.Page)
	walk = func(p *site.Page) {
		h.String(p.URL).String(p.Title).String(p.SidebarLabel).Bool(p.Section).Bool(p.Generated).Int(int64(len(p.Children)))
		for _, c := range p.Children {
			walk(c)
		}
		h.String("/")
	}
	if s.Home != nil {
		walk(s.Home)
	}
	return h.Sum()
}

func personKey(h *cache.Hasher, p *site.Person) {
	if p == nil {
		h.String("no person")
		return
	}
	h.Key(p.ListHash)
}

func teamKey(h *cache.Hasher, t *site.Team) {
	if t == nil {
		h.String("no team")
		return
	}
	h.Key(t.ListHash)
}

func objectiveKey(h *cache.Hasher, o *site.Objective) {
	if o == nil {
		h.String("no objective")
		return
	}
	h.Key(o.ListHash)
}

func ref(h *cache.Hasher, r site.Ref) {
	h.String(r.Name)
	personKey(h, r.Person)
	teamKey(h, r.Team)
}

func refs(h *cache.Hasher, rs []site.Ref) {
	h.Int(int64(len(rs)))
	for _, r := range rs {
		ref(h, r)
	}
}

// events adds a status history: each change, and the update that made
// it, if any.
func events(h *cache.Hasher, es []*site.Event) {
	h.Int(int64(len(es)))
	for _, e := range es {
		h.String(e.ID).Int(e.Date.UnixNano()).String(e.Source.String()).String(e.From).String(e.To).String(e.URL()).String(e.Text())
		h.Key(e.Doc().ListHash)
		if e.Update != nil {
			h.Key(e.Update.ListHash)
		} else {
			h.String("no update")
		}
	}
}

// backlinks adds the documents whose body links to d: the "Linked from"
// list shows each one's title and kind.
func backlinks(h *cache.Hasher, d *site.Doc) {
	h.Int(int64(len(d.Backlinks)))
	for _, b := range d.Backlinks {
		h.Key(b.ListHash)
	}
}

// listScope returns the scope of a page that lists documents with
// layouts/updates.html, list.html, tag.html, events.html or
// decisions.html, of the digests (digestScope, digestsScope) or of an
// index (indexScope): what the view says of
// itself (title, pager, links) and, for each item, what its entry
// shows. It returns nil for any other page, and for a list of check-ins,
// which are as of the build's time.
func (r *renderer) listScope(v *View) scope {
	switch v.Template {
	case "digest":
		return r.digestScope(v)
	case "digests":
		return r.digestsScope(v)
	case "people", "teams", "tags", "objectives", "search":
		return r.indexScope(v)
	case "updates", "tag", "events", "decisions":
	case "list":
		if v.CheckIns != nil {
			return nil
		}
	default:
		return nil
	}
	return func(h *cache.Hasher) {
		h.String("list")
		viewKey(h, v)
		if t := v.Tag; t != nil {
			h.String(t.Name).String(t.URL)
			if v.Pager == nil || v.Pager.Number == 1 {
				// The first page says how many documents have the tag.
				h.Int(int64(len(t.Docs)))
			}
		}
		if v.Template == "decisions" {
			h.Int(int64(len(r.site.Decisions))).String(v.Status)
			for _, st := range v.Statuses {
				h.String(st.Status).String(st.Slug).String(st.URL).Int(int64(st.Count))
			}
		}
		h.Int(int64(len(v.Updates)))
		for _, u := range v.Updates {
			updateItem(h, u)
		}
		h.Int(int64(len(v.Decisions)))
		for _, d := range v.Decisions {
			decisionItem(h, d)
		}
		h.Int(int64(len(v.Docs)))
		for _, d := range v.Docs {
			docLink(h, d)
			h.Int(d.Date.UnixNano())
		}
		events(h, v.History)
		events(h, v.Events)
	}
}

// indexScope follows layouts/people.html, teams.html, tags.html,
// objectives.html and search.html: each card or entry of the page, and
// the search page's view of the handbook and counts of the rest.
func (r *renderer) indexScope(v *View) scope {
	s, now := r.site, r.site.Now
	return func(h *cache.Hasher) {
		h.String("index")
		viewKey(h, v)
		h.Int(int64(len(v.People)))
		for _, p := range v.People {
			personKey(h, p)
			teamKey(h, p.Team)
			h.String(string(utcOffset(p.Location, now)))
		}
		h.Int(int64(len(v.Teams)))
		for _, t := range v.Teams {
			teamKey(h, t)
			ref(h, t.LeadRef)
			h.Int(int64(len(t.Members))).String(s.Cadence(t).String())
		}
		h.Int(int64(len(v.TagList)))
		for _, t := range v.TagList {
			h.String(t.Name).String(t.URL).Int(int64(len(t.Docs)))
		}
		h.Int(int64(len(v.Periods)))
		for _, g := range v.Periods {
			h.String(g.Period.Name).Bool(g.Current).Int(int64(len(g.Objectives)))
			for _, o := range g.Objectives {
				objectiveCard(h, o)
			}
		}
		if v.Template == "search" {
			h.Key(r.handbookKey)
			h.Int(int64(len(s.Decisions))).Int(int64(len(s.Objectives))).Int(int64(len(s.People))).Int(int64(len(s.Teams))).Int(int64(len(s.Tags)))
		}
	}
}

// viewKey adds what base.html shows of a view that has no document, and
// its pager.
func viewKey(h *cache.Hasher, v *View) {
	h.String(v.Template).String(v.Title).String(v.Description).String(v.Section).String(v.Calendar)
	for _, c := range v.Crumbs {
		h.String(c.Title).String(c.URL)
	}
	h.String("feeds")
	for _, f := range v.Feeds {
		h.String(f.Title).String(f.RSS).String(f.Atom).String(f.JSON)
	}
	if p := v.Pager; p != nil {
		h.Int(int64(p.Number)).Int(int64(p.Total)).String(p.Prev).String(p.Next)
		for _, l := range p.Pages {
			h.Int(int64(l.Number)).String(l.URL)
		}
	}
}

// digestScope follows layouts/digest.html: the week's summary and the
// first items of each of its lists.
func (r *renderer) digestScope(v *View) scope {
	d := v.Digest
	return func(h *cache.Hasher) {
		h.String("digest")
		viewKey(h, v)
		r.digestKey(h, d)
	}
}

// digestKey hashes what the week's digest shows ("digest-body"), on its
// page and as an item of its feed.
func (r *renderer) digestKey(h *cache.Hasher, d *site.Digest) {
	teamKey(h, d.Team)
	h.String(d.Week.String()).Bool(d.Complete).String(digestSummary(d))
	if !d.Complete {
		h.String(formatDate(r.site.Now)) // "as of" the day
	}
	events(h, d.Decided)
	events(h, d.Opened)
	events(h, d.Objectives)
	h.Int(int64(len(d.Movements)))
	for _, m := range d.Movements {
		objectiveKey(h, m.Objective)
		h.Bool(m.KeyResult != nil).Int(int64(math.Float64bits(m.From))).Int(int64(math.Float64bits(m.To))).Int(int64(len(m.Reports)))
	}
	h.Int(int64(len(d.Updates)))
	for _, u := range d.Updates {
		updateItem(h, u)
	}
	h.Int(int64(len(d.Blockers)))
	for _, b := range d.Blockers {
		h.String(b.Text)
		updateItem(h, b.Update)
	}
	for _, ps := range [][]*site.Page{d.NewPages, d.Reviewed} {
		h.Int(int64(len(ps)))
		for _, p := range ps {
			docLink(h, &p.Doc)
			ref(h, p.Owner)
		}
	}
}

// digestsScope follows layouts/digests.html: each week's title and
// summary.
func (r *renderer) digestsScope(v *View) scope {
	return func(h *cache.Hasher) {
		h.String("digests")
		viewKey(h, v)
		teamKey(h, v.Team)
		h.String(r.site.Location(v.Team).String())
		for _, d := range v.Digests {
			h.String(d.URL()).String(digestTitle(d)).Bool(d.Complete).String(digestSummary(d))
		}
	}
}

// updateItem adds what an update's entry in a list shows (the template
// update-item in layouts/partials.html).
func updateItem(h *cache.Hasher, u *site.Update) {
	h.Key(u.ListHash).String(string(u.Status))
	personKey(h, u.Author)
	teamKey(h, u.Team)
}

// feedKey returns the key of a feed, for the built-in layouts: what
// renderFeed writes of the feed and, for a feed of documents, of each
// item, its document and the people named as its author; for a feed
// whose items the build makes (a weekly digest's), what its scope hashes
// of them.
func (r *renderer) feedKey(f feed) cache.Key {
	h := cache.NewHasher("feed scoped").Key(r.base).String(f.dir).String(f.title).String(f.description).String(f.page).Bool(f.summaries)
	if f.scope != nil {
		h.String("items scoped").Int(int64(f.limit))
		f.scope(h)
		return h.Sum()
	}
	docs := f.docs[:min(len(f.docs), f.max(r.feedItems()))]
	h.Int(int64(len(docs)))
	for _, d := range docs {
		if f.summaries {
			// An item of summaries shows what lists show of its
			// document: an edit of its body leaves the feed as it was.
			h.Key(d.ListHash)
		} else {
			h.Key(d.SourceHash)
		}
		switch v := r.docValue(d).(type) {
		case *site.Update:
			personKey(h, v.Author)
		case *site.Decision:
			refs(h, v.DecisionMakers)
		case *site.Page:
			ref(h, v.Owner)
			h.String(v.ModifiedBy)
		}
	}
	return h.Sum()
}
