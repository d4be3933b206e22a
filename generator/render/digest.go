package render

import (
	"bytes"
	"fmt"
	"html/template"

	"github.com/handbook/handbook/generator/cache"
	"github.com/handbook/handbook/generator/site"
)

// DigestUpdates is how many of the week's updates, blockers and key
// results a digest shows, and DigestItems how many of each of its other
// lists (decisions, objectives, handbook pages): a digest is a summary,
// and its page and feed item weigh the same however busy the week was.
// The week's updates have a page of their own when there are more; the
// other lists link to theirs.
const (
	DigestUpdates = 10
	DigestItems   = 5
)

// digestPages adds the weekly digests: /digest/ and one page per week,
// and the same under each team's page.
func (r *renderer) digestPages(add func(*View)) {
	s := r.site
	scopes := append([]*site.Team{nil}, s.Teams...)
	for _, t := range scopes {
		digests := r.digestsOf(t)
		name, section := s.Config.Title, "board"
		var crumbs []Crumb
		if t != nil {
			name, section = t.Name, "teams"
			crumbs = []Crumb{{Title: "Teams", URL: "/teams/"}, {Title: t.Name, URL: t.URL}}
		}
		index := site.DigestURL(t, site.Week{})
		feed := r.digestFeedLink(t)
		paginateNewest(add, index, len(digests), func(n, lo, hi int) *View {
			v := r.view("digests", "Weekly digest: "+name, pageURL(index, n), section).withFeed(feed)
			v.Description = "What happened each week: updates, decisions, proposals, key results and handbook pages."
			v.Team, v.Digests, v.Crumbs = t, digests[lo:hi], crumbs
			return v
		})
		for i, d := range digests {
			v := r.view("digest", digestTitle(d), d.URL(), section).withFeed(feed)
			v.Description = digestSummary(d)
			v.Team, v.Digest = t, d
			v.Crumbs = append(crumbs[:len(crumbs):len(crumbs)], Crumb{Title: "Weekly digest", URL: index})
			v.Pager = &Pager{Number: i + 1, Total: len(digests)}
			if i > 0 {
				v.Pager.Next = digests[i-1].URL()
			}
			if i+1 < len(digests) {
				v.Pager.Prev = digests[i+1].URL()
			}
			add(v)
			// The page shows the first DigestUpdates updates, blockers
			// and key results of the week; all of them are a link away.
			if max(len(d.Updates), len(d.Blockers), len(d.Movements)) > DigestUpdates {
				weekCrumbs := append(v.Crumbs[:len(v.Crumbs):len(v.Crumbs)], Crumb{Title: v.Title, URL: d.URL()})
				r.listPages(add, d.URL()+"updates/", "Updates in "+v.Title, "The week's updates, oldest first.", section, weekCrumbs, len(d.Updates), func(v *View, lo, hi int) {
					v.Updates = d.Updates[lo:hi]
				})
			}
		}
	}
}

// digestsOf returns the weekly digests of t, or the site's for nil,
// computed once for both pages and feeds.
func (r *renderer) digestsOf(t *site.Team) []*site.Digest {
	if r.digests == nil {
		r.digests = map[*site.Team][]*site.Digest{}
	}
	d, ok := r.digests[t]
	if !ok {
		d = r.site.Digests(t, r.site.Now)
		r.digests[t] = d
	}
	return d
}

func (r *renderer) digestFeedLink(t *site.Team) FeedLink {
	if t == nil {
		return r.feedLink("digest/", "Weekly digest")
	}
	return r.feedLink("teams/"+t.ID+"/digest/", t.Name+" weekly digest")
}

// digestFeeds returns a feed of finished weeks, site-wide and per team:
// one item per week, carrying the whole digest. The items are made only
// when the feed is rendered: with the built-in layouts, what its weeks
// show (digestKey) says whether the feed changed, and with layouts of the
// site's own, the site's key.
func (r *renderer) digestFeeds() []feed {
	s := r.site
	var out []feed
	for _, t := range append([]*site.Team{nil}, s.Teams...) {
		f := feed{dir: "digest/", title: s.Config.Title + ": weekly digest", description: "What happened each week.", page: "/digest/"}
		if t != nil {
			f.dir = "teams/" + t.ID + "/digest/"
			f.title = s.Config.Title + ": " + t.Name + " weekly digest"
			f.description = "What happened in " + t.Name + " each week."
			f.page = site.DigestURL(t, site.Week{})
		}
		f.items = func() ([]*site.Doc, error) { return r.digestItems(t) }
		f.scope = func(h *cache.Hasher) {
			weeks := r.feedWeeks(t)
			h.Int(int64(len(weeks)))
			for _, d := range weeks {
				r.digestKey(h, d)
			}
		}
		f.limit = DigestFeedWeeks
		out = append(out, f)
	}
	return out
}

// feedWeeks returns the weeks of t's digest feed: the newest finished
// ones, as many as the feed carries. A week still under way is left out:
// an item should not change after it is published.
func (r *renderer) feedWeeks(t *site.Team) []*site.Digest {
	var weeks []*site.Digest
	for _, d := range r.digestsOf(t) {
		if len(weeks) == DigestFeedWeeks {
			break // newest first: the rest are not in the feed
		}
		if d.Complete {
			weeks = append(weeks, d)
		}
	}
	return weeks
}

// digestItems returns the weeks of t's digest feed as its items.
func (r *renderer) digestItems(t *site.Team) ([]*site.Doc, error) {
	tmpl, err := r.tmpl()
	if err != nil {
		return nil, err
	}
	set, err := tmpl.set("digest")
	if err != nil {
		return nil, err
	}
	var docs []*site.Doc
	for _, d := range r.feedWeeks(t) {
		var b bytes.Buffer
		if err := set.ExecuteTemplate(&b, "digest-body", d); err != nil {
			return nil, fmt.Errorf("render digest %s: %w", d.URL(), err)
		}
		docs = append(docs, &site.Doc{Title: digestTitle(d), URL: d.URL(), Date: d.End, Summary: digestSummary(d), Body: template.HTML(b.String())})
	}
	return docs, nil
}

// digestTitle names a week: "Week 47: 16–22 Nov 2026".
func digestTitle(d *site.Digest) string {
	last := d.End.AddDate(0, 0, -1)
	from := d.Start.Format("2 Jan")
	if d.Start.Month() == last.Month() {
		from = d.Start.Format("2")
	}
	if d.Start.Year() != last.Year() {
		from = d.Start.Format("2 Jan 2006")
	}
	return fmt.Sprintf("Week %d: %s–%s", d.Week.Number, from, last.Format("2 Jan 2006"))
}

// digestSummary counts what a week had: "9 updates, 1 decision made, ...".
func digestSummary(d *site.Digest) string {
	var parts []string
	add := func(n int, one, many string) {
		if n > 0 {
			parts = append(parts, plural(n, one, many))
		}
	}
	add(len(d.Updates), "update", "updates")
	add(len(d.Decided), "decision made", "decisions made")
	add(len(d.Opened), "proposal opened", "proposals opened")
	add(len(d.Objectives), "objective status change", "objective status changes")
	add(len(d.Movements), "key result moved", "key results moved")
	add(len(d.NewPages), "new handbook page", "new handbook pages")
	add(len(d.Reviewed), "handbook page reviewed", "handbook pages reviewed")
	return joinList(parts) + "."
}

// joinList joins "a", "b" and "c" as "a, b and c".
func joinList(parts []string) string {
	switch len(parts) {
	case 0:
		return "Nothing"
	case 1:
		return capitalize(parts[0])
	}
	out := parts[0]
	for _, p := range parts[1 : len(parts)-1] {
		out += ", " + p
	}
	return capitalize(out + " and " + parts[len(parts)-1])
}
