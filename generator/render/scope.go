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
// layouts, site.toml, the options, git history, the date in the footer),
// the page's own document, and what the built-in layouts show of other
// documents and of the time, each function beside the layout it
// follows. A site that overrides a layout may show anything, so with an
// override every page has the site's key again (Options.Scoped).

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

// pageScope follows layouts/page.html: the sidebar, breadcrumbs and
// children come from the handbook's tree, so every handbook page's key
// covers the whole handbook (handbookKey); its review notice depends on
// the time.
func (r *renderer) pageScope(p *site.Page) scope {
	now := r.site.Now
	return func(h *cache.Hasher) {
		h.String("page").Key(r.handbookKey)
		ref(h, p.Owner)
		h.Int(p.ReviewDue.UnixNano()).Bool(p.Overdue(now))
		h.Int(p.Modified.UnixNano()).String(p.ModifiedBy)
		backlinks(h, &p.Doc)
	}
}

// handbookTree returns the key of what handbook pages show of the whole
// handbook: every page's place, title and summary.
func handbookTree(s *site.Site) cache.Key {
	h := cache.NewHasher("handbook")
	var walk func(p *site.Page)
	walk = func(p *site.Page) {
		h.String(p.URL).String(p.Title).String(p.Summary).Key(p.ListHash).Bool(p.Section).Bool(p.Generated).Int(int64(len(p.Children)))
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
		h.String(e.ID).Int(e.Date.UnixNano()).String(e.Source.String()).String(e.From).String(e.To)
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
