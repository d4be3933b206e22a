// Package check finds what a pull request should fix before it is merged:
// everything a build reports, with broken links, missing images and
// reused decision numbers as errors rather than warnings, and the problems
// a careful reviewer would point out: a superseded decision with no
// successor, a proposal past its respond-by date, a handbook page past
// review, an update dated in the future, a link from a published page to
// a draft, a mistyped owner.
package check

import (
	"context"
	"errors"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/handbook/handbook/generator"
	"github.com/handbook/handbook/generator/content"
	"github.com/handbook/handbook/generator/diag"
	"github.com/handbook/handbook/generator/gitinfo"
	"github.com/handbook/handbook/generator/site"
)

// Report is what Run found.
type Report struct {
	// Diagnostics holds every problem, sorted.
	Diagnostics diag.List
	// Docs is how many documents were checked, drafts included.
	Docs     int
	Duration time.Duration
	// Site is the model that was checked; nil when the content folder
	// could not be read.
	Site *site.Site
}

// Failed reports whether the report should fail a check: on errors, and
// with strict also on warnings.
func (r Report) Failed(strict bool) bool {
	return r.Diagnostics.Errors() > 0 || strict && len(r.Diagnostics) > 0
}

// Run checks the site cfg describes. It loads and renders everything,
// drafts included, keeping only the paths of the outputs, and writes
// nothing but cfg.Cache, if set: with it, the files parsed, the renames
// git saw and the outputs that rendered without error are not read or
// made again while their inputs are the same (generator.Model.Paths).
// The error is for failures other than problems in the content, such as
// a broken layout.
func Run(ctx context.Context, cfg generator.Config) (Report, error) {
	start := time.Now()
	cfg.Check, cfg.Drafts = true, true
	// Dates from git change no problem, and a shallow clone's warning
	// would fail --strict in CI for nothing.
	cfg.NoGit = true
	// Renames are read apart from dates: a link to a renamed file says
	// where it went. A shallow clone knows fewer renames, and says less.
	if cfg.FS == nil && cfg.Renamed == nil {
		dir := cfg.Content
		if dir == "" {
			dir = "content"
		}
		cfg.Renamed = map[string]content.Renamed{}
		for from, r := range gitinfo.RenamesCached(ctx, dir, cfg.OpenCache()) {
			cfg.Renamed[from] = content.Renamed{To: r.To, Commit: r.Commit}
		}
	}
	if cfg.Now.IsZero() {
		cfg.Now = generator.Now()
	}
	m, err := generator.Load(ctx, cfg)
	rep := Report{Diagnostics: m.Diagnostics, Site: m.Site}
	var list diag.ErrorList
	if err != nil && !errors.As(err, &list) {
		return rep, err
	}
	if m.Site == nil {
		return rep, nil
	}
	// Render even when the content has errors: links to site paths are
	// checked against what the site would have. A model with errors may
	// not render; a layout error matters only when the content is fine.
	res, paths, rerr := m.Paths(ctx, cfg)
	var clash diag.ErrorList
	switch {
	case errors.As(rerr, &clash):
		rep.Diagnostics = res.Diagnostics // with the outputs that clash
	case rerr != nil && err == nil:
		return rep, rerr
	}
	rep.Docs = len(m.Site.Docs())
	rep.Diagnostics.Append(Site(m.Site, paths))
	rep.Diagnostics = rep.Diagnostics.Sort()
	rep.Duration = time.Since(start)
	return rep, nil
}

// Site checks a linked model as of its Now. outputs are the paths of the
// rendered files, which links to site paths ("/updates/") are checked
// against; with none, such links are not checked.
func Site(s *site.Site, outputs []string) diag.List {
	c := &checker{site: s, outputs: map[string]bool{}, byURL: map[string]*site.Doc{}}
	for _, o := range outputs {
		c.outputs[o] = true
	}
	for _, d := range s.Docs() {
		c.byURL[d.URL] = d
	}
	c.decisions()
	c.pages()
	c.updates()
	c.refs()
	c.links()
	return c.diags
}

type checker struct {
	site    *site.Site
	outputs map[string]bool
	byURL   map[string]*site.Doc
	diags   diag.List
}

func (c *checker) decisions() {
	now := c.site.Now
	for _, d := range c.site.Decisions {
		if d.Status == site.Superseded && len(d.SupersededBy) == 0 {
			c.diags.Errorf(pos(&d.Doc, "status"), "decision is superseded, but no decision supersedes it (name its successor: \"superseded by ADR-0012\", or supersedes: [%q] in the successor)", d.NumberString())
		}
		if d.Overdue(now) {
			c.diags.Warnf(pos(&d.Doc, "respond_by", "comment_by"), "proposal was open for comments until %s; accept or reject it, or move respond-by", d.RespondBy.Format("2006-01-02"))
		}
	}
}

func (c *checker) pages() {
	for _, p := range c.site.Pages {
		if p.Overdue(c.site.Now) {
			owner := "its owner"
			if p.Owner.Label() != "" {
				owner = p.Owner.Label()
			}
			c.diags.Warnf(pos(&p.Doc, "reviewed", "last_reviewed"), "page was due for review on %s; %s should check it and update reviewed", p.ReviewDue.Format("2006-01-02"), owner)
		}
	}
}

// updates reports updates dated after the day it is for their author: a
// writer east of the site's time zone may already be in tomorrow.
func (c *checker) updates() {
	for _, u := range c.site.Updates {
		if u.Date.IsZero() {
			continue
		}
		loc := c.site.Location(u.Team)
		if u.Author != nil && u.Author.Location != nil {
			loc = u.Author.Location
		}
		today := site.Day(c.site.Now.In(loc), loc)
		if day := site.Day(u.Date, loc); day.After(today) {
			c.diags.Errorf(pos(&u.Doc, "date"), "update is dated %s, in the future (today is %s)", day.Format("2006-01-02"), today.Format("2006-01-02"))
		}
	}
}

// refs reports names that look like ids but match no person or team.
// Decision records name people freely ("everyone", "Legal"), so there only
// a near miss of a known id is reported, as a likely typo.
func (c *checker) refs() {
	ids := c.site.MentionIDs()
	unknown := func(d *site.Doc, r site.Ref, field string, keys ...string) {
		if r.Person != nil || r.Team != nil || r.Name == "" || !idLike(r.Name) {
			return
		}
		c.diags.Errorf(pos(d, keys...), "%s: unknown person or team %q%s", field, r.Name, diag.Suggest(r.Name, ids))
	}
	for _, p := range c.site.Pages {
		unknown(&p.Doc, p.Owner, "owner", "owner")
	}
	for _, o := range c.site.Objectives {
		unknown(&o.Doc, o.OwnerRef, "owner", "owner")
	}
	for _, t := range c.site.Teams {
		unknown(&t.Doc, t.LeadRef, "lead", "lead")
	}
	for _, d := range c.site.Decisions {
		for _, g := range []struct {
			field string
			refs  []site.Ref
			keys  []string
		}{
			{"decision-makers", d.DecisionMakers, []string{"decision_makers", "deciders"}},
			{"consulted", d.Consulted, []string{"consulted"}},
			{"informed", d.Informed, []string{"informed"}},
		} {
			for _, r := range g.refs {
				if r.Person == nil && r.Team == nil && idLike(r.Name) && diag.Suggest(r.Name, ids) != "" {
					unknown(&d.Doc, r, g.field, g.keys...)
				}
			}
		}
	}
}

// idLike reports whether a name is written like an id ("priya",
// "platform-team") rather than as free text ("Legal", "everyone in sales").
func idLike(name string) bool { return name == site.Slug(name) }

// links checks links to site paths against the rendered files, and links
// from published documents to drafts, which a build without drafts drops.
func (c *checker) links() {
	for _, d := range c.site.Docs() {
		for _, l := range d.Links {
			if t := c.site.Doc(l.Target); t != nil && t.Draft && !d.Draft {
				c.diags.Errorf(l.Pos, "link to draft %s, which is not published", l.Dest)
			}
			if len(c.outputs) > 0 && strings.HasPrefix(l.Dest, "/") && !strings.HasPrefix(l.Dest, "//") {
				c.sitePath(d, l)
			}
		}
	}
}

func (c *checker) sitePath(d *site.Doc, l site.Link) {
	p, frag, _ := strings.Cut(l.Dest, "#")
	p, _, _ = strings.Cut(p, "?")
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	if f, err := url.PathUnescape(frag); err == nil {
		frag = f
	}
	file := strings.TrimPrefix(path.Clean(p), "/")
	if strings.HasSuffix(p, "/") || file == "" {
		file = path.Join(file, "index.html")
	}
	if !c.outputs[file] {
		file = path.Join(file, "index.html")
	}
	if !c.outputs[file] {
		c.diags.Errorf(l.Pos, "link to %s, which is not a page or file of the site", l.Dest)
		return
	}
	if t := c.byURL["/"+strings.TrimSuffix(file, "index.html")]; t != nil && frag != "" && !t.HasAnchor(frag) {
		c.diags.Errorf(l.Pos, "link to missing heading #%s in %s", frag, t.Path)
	}
}

// pos returns the position of the first of keys the document's front
// matter has, or the start of the file.
func pos(d *site.Doc, keys ...string) diag.Pos {
	for _, k := range keys {
		if p, ok := d.FieldPos(k); ok {
			return p
		}
	}
	return diag.Pos{File: d.File, Line: 1, Col: 1}
}
