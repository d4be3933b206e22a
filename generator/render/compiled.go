package render

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/handbook/handbook/generator/site"
)

// The most repeated markup of a site, written in Go rather than executed
// from its templates: an update's page (base.html framing update.html),
// an update's list item ("update-item" in partials.html), and the lists
// most pages of a big site are: the updates list, a person's, team's or
// week's updates (list.html), a tag's documents (tag.html), the weekly
// digests, the site's and each team's (digest.html), the handbook's
// pages with their sidebar (page.html) and decision records
// (decision.html). Updates
// are most of a site's documents, and html/template spends most of a
// page's time in reflection: on a build of 100,000 documents, these pages
// and items took a third of the CPU. These functions write byte for byte what
// the built-in templates write (TestCompiledPages holds them to it), so
// they are used only while the site's layouts are the built-in ones
// (Options.Scoped); a site that overrides any layout has its pages
// executed from its templates.
//
// Escaping follows html/template's for the contexts these templates put
// values in: text, quoted attributes and URLs in href.

// writeUpdatePage writes v, an update's page, into b, as base.html executes
// update.html. It reports false, having written nothing, when v lacks the
// parts base.html would render itself (the header, the head's links, the
// footer).
func (r *renderer) writeUpdatePage(b *bytes.Buffer, v *View) bool {
	u := v.Update
	if v.Template != "update" || u == nil || v.Header == "" || v.HeadLinks == "" || v.Footer == "" {
		return false
	}
	r.pageStart(b, v)
	b.WriteString("\n<article class=\"doc doc-narrow\">\n<header class=\"doc-head\">\n<p class=\"item-head\">")
	if p := u.Author; p != nil {
		b.WriteString(`<a class="person" href="`)
		r.writeLink(b, p.Doc.URL)
		b.WriteString(`"><span class="avatar" aria-hidden="true">`)
		writeText(b, initials(p.Name))
		b.WriteString(`</span>`)
		writeText(b, p.Name)
		b.WriteString(`</a>`)
	}
	b.WriteString(`<span class="muted">`)
	if t := u.Team; t != nil {
		b.WriteString(`<a href="`)
		r.writeLink(b, t.Doc.URL)
		b.WriteString(`">`)
		writeText(b, t.Name)
		b.WriteString(`</a> · `)
	}
	writeTime(b, &u.Doc)
	b.WriteString(`</span>`)
	writeStatus(b, u.Status)
	b.WriteString("</p>\n<h1")
	if v.Doc != nil && v.Doc.TitleID != "" {
		b.WriteString(` id="`)
		writeText(b, v.Doc.TitleID)
		b.WriteString(`"`)
	}
	b.WriteString(`>`)
	writeText(b, v.Title)
	b.WriteString("</h1>\n</header>\n")
	if !u.BlockersInBody && len(u.Blockers) > 0 {
		b.WriteString(`<section class="notice notice-warn" aria-labelledby="blockers-h"><h2 id="blockers-h">`)
		b.WriteString(string(icon("at-risk")))
		b.WriteString(`Blockers</h2><ul>`)
		for _, s := range u.Blockers {
			b.WriteString(`<li>`)
			writeText(b, s)
			b.WriteString(`</li>`)
		}
		b.WriteString(`</ul></section>`)
	}
	b.WriteString("\n")
	if len(u.Progress) > 0 {
		b.WriteString("<section class=\"progress-report\" aria-labelledby=\"progress-h\"><h2 id=\"progress-h\">Key results reported</h2>\n<ul>")
		for _, p := range u.Progress {
			b.WriteString(`<li>`)
			if kr := p.KeyResult; kr != nil {
				b.WriteString(`<a href="`)
				r.writeLink(b, p.Objective.Doc.URL)
				b.WriteString(`">`)
				writeText(b, kr.Title)
				b.WriteString(`</a>: <strong>`)
				writeText(b, num(p.Value))
				if kr.Unit != "" {
					b.WriteString(` `)
					writeText(b, kr.Unit)
				}
				b.WriteString(`</strong> <span class="muted">(target `)
				writeText(b, num(kr.Target))
				b.WriteString(`)</span>`)
			} else {
				b.WriteString(`<code>`)
				writeText(b, p.Key)
				b.WriteString(`</code>: <strong>`)
				writeText(b, num(p.Value))
				b.WriteString(`</strong>`)
			}
			b.WriteString(`</li>`)
		}
		b.WriteString(`</ul></section>`)
	}
	b.WriteString("\n<div class=\"prose\">")
	b.WriteString(string(u.Doc.Body))
	b.WriteString("</div>\n")
	if len(u.ObjectiveRefs) > 0 {
		b.WriteString(`<section aria-labelledby="objectives-h"><h2 id="objectives-h">Objectives</h2><ul class="objective-refs">`)
		for _, o := range u.ObjectiveRefs {
			b.WriteString(`<li><a href="`)
			r.writeLink(b, o.Doc.URL)
			b.WriteString(`">`)
			writeText(b, o.Doc.Title)
			b.WriteString(`</a> `)
			writeStatus(b, o.Status)
			b.WriteString(` <span class="muted">`)
			writeText(b, pct(o.Progress()))
			b.WriteString(`</span></li>`)
		}
		b.WriteString(`</ul></section>`)
	}
	b.WriteString("\n")
	r.writeTags(b, u.Doc.Tags)
	b.WriteString("\n")
	if v.EditURL != "" {
		b.WriteString(`<p class="muted edit"><a href="`)
		writeURL(b, v.EditURL)
		b.WriteString(`">Edit this update</a></p>`)
	}
	b.WriteString("\n")
	r.writeBacklinks(b, u.Doc.Backlinks)
	b.WriteString("\n</article>\n")
	r.pageEnd(b, v)
	return true
}

// writeListPage writes v, a page of the updates list (updates.html), of a
// list of updates (list.html with Updates) or of a tag's documents
// (tag.html), into b. It reports false, having written nothing, for any
// other page, or one that lacks what base.html would render itself.
func (r *renderer) writeListPage(b *bytes.Buffer, v *View) bool {
	if v.Header == "" || v.HeadLinks == "" || v.Footer == "" {
		return false
	}
	var main func(*bytes.Buffer, *View) error
	switch {
	case v.Template == "updates":
		main = r.updatesMain
	case v.Template == "list" && len(v.Updates) > 0:
		main = r.updateListMain
	case v.Template == "tag" && v.Pager != nil && v.Tag != nil:
		main = r.tagMain
	default:
		return false
	}
	n := b.Len()
	r.pageStart(b, v)
	if err := main(b, v); err != nil {
		// The template reports it.
		b.Truncate(n)
		return false
	}
	r.pageEnd(b, v)
	return true
}

// updatesMain writes updates.html's "main": the updates of one page,
// under a heading for each day.
func (r *renderer) updatesMain(b *bytes.Buffer, v *View) error {
	b.WriteString("\n<h1>")
	writeText(b, v.Title)
	b.WriteString("</h1>\n<p class=\"lead\">")
	writeText(b, v.Description)
	b.WriteString("</p>\n")
	day := ""
	for _, u := range v.Updates {
		if d := formatDate(u.Doc.Date); d != day {
			if day != "" {
				b.WriteString("</ol>\n</section>\n")
			}
			iso := u.Doc.Date.Format("2006-01-02")
			b.WriteString(`<section class="day" aria-labelledby="day-`)
			writeText(b, iso)
			b.WriteString("\">\n<h2 id=\"day-")
			writeText(b, iso)
			b.WriteString(`" class="day-title"><time datetime="`)
			writeText(b, isoDate(u.Doc.Date))
			b.WriteString(`">`)
			writeText(b, u.Doc.Date.Format("Monday, 2 January 2006"))
			b.WriteString("</time></h2>\n<ol class=\"update-list\">")
			day = d
		}
		item, err := r.item(u)
		if err != nil {
			return err
		}
		b.WriteString(`<li>`)
		b.WriteString(string(item))
		b.WriteString(`</li>`)
	}
	if day != "" {
		b.WriteString("</ol>\n</section>\n")
	} else {
		b.WriteString(`<p class="muted">No updates yet.</p>`)
	}
	b.WriteString("\n")
	if pg := v.Pager; pg != nil {
		r.writePager(b, pg, "← Newer", "Older →")
	}
	b.WriteString("\n")
	return nil
}

// updateListMain writes list.html's "main" for a list of updates.
func (r *renderer) updateListMain(b *bytes.Buffer, v *View) error {
	b.WriteString("\n<h1>")
	writeText(b, v.Title)
	b.WriteString("</h1>\n")
	if v.Description != "" {
		b.WriteString(`<p class="lead">`)
		writeText(b, v.Description)
		b.WriteString(`</p>`)
	}
	b.WriteString("\n<ol class=\"update-list\">")
	for _, u := range v.Updates {
		item, err := r.item(u)
		if err != nil {
			return err
		}
		b.WriteString(`<li>`)
		b.WriteString(string(item))
		b.WriteString(`</li>`)
	}
	b.WriteString("</ol>\n")
	if v.Pager != nil {
		r.writePager(b, v.Pager, "← Previous", "Next →")
	}
	b.WriteString("\n")
	return nil
}

// tagMain writes tag.html's "main": a page of a tag's documents.
func (r *renderer) tagMain(b *bytes.Buffer, v *View) error {
	b.WriteString("\n<h1>")
	writeText(b, v.Title)
	b.WriteString("</h1>\n")
	if v.Pager.Number == 1 {
		b.WriteString(`<p class="muted">`)
		writeText(b, plural(len(v.Tag.Docs), "document", "documents"))
		b.WriteString(`</p>`)
	}
	b.WriteString("\n")
	if len(v.Docs) > 0 {
		b.WriteString(`<ul class="doc-list">`)
		for _, d := range v.Docs {
			kind := d.Kind.String()
			b.WriteString(`<li><span class="kind kind-`)
			writeText(b, kind)
			b.WriteString(`">`)
			writeText(b, kind)
			b.WriteString(`</span> <a href="`)
			r.writeLink(b, d.URL)
			b.WriteString(`">`)
			writeText(b, d.Title)
			b.WriteString(`</a>`)
			if !d.Date.IsZero() {
				b.WriteString(` <time class="muted" datetime="`)
				writeText(b, isoDate(d.Date))
				b.WriteString(`">`)
				writeText(b, formatDate(d.Date))
				b.WriteString(`</time>`)
			}
			b.WriteString(`</li>`)
		}
		b.WriteString(`</ul>`)
	}
	b.WriteString("\n")
	r.writePager(b, v.Pager, "← Previous", "Next →")
	b.WriteString("\n")
	return nil
}

// writeDigestPage writes v, a week's digest (digest.html), into b. It reports
// false, having written nothing, for any other page, or one that lacks
// what base.html would render itself.
func (r *renderer) writeDigestPage(b *bytes.Buffer, v *View) bool {
	d := v.Digest
	if v.Template != "digest" || d == nil || v.Header == "" || v.HeadLinks == "" || v.Footer == "" {
		return false
	}
	r.pageStart(b, v)
	b.WriteString("\n<article class=\"doc doc-narrow\">\n<header class=\"doc-head\">\n<p class=\"eyebrow\">")
	if d.Team != nil {
		writeText(b, d.Team.Name)
		b.WriteString(" · ")
	}
	b.WriteString("Weekly digest · ")
	writeText(b, d.Week.String())
	b.WriteString("</p>\n<h1>")
	writeText(b, v.Title)
	b.WriteString("</h1>\n")
	if !d.Complete {
		b.WriteString(`<p class="notice">This week is not over yet: what happened so far, as of `)
		writeText(b, formatDate(v.Now))
		b.WriteString(`.</p>`)
	}
	b.WriteString("\n</header>\n")
	r.digestBody(b, d)
	b.WriteString("\n")
	if pg := v.Pager; pg != nil {
		b.WriteString("<nav class=\"pager\" aria-label=\"Weeks\">\n")
		if pg.Prev != "" {
			b.WriteString(`<a rel="prev" href="`)
			r.writeLink(b, pg.Prev)
			b.WriteString(`">← Earlier week</a>`)
		}
		b.WriteString("\n")
		if pg.Next != "" {
			b.WriteString(`<a rel="next" href="`)
			r.writeLink(b, pg.Next)
			b.WriteString(`">Later week →</a>`)
		}
		b.WriteString("\n</nav>")
	}
	b.WriteString("\n</article>\n")
	r.pageEnd(b, v)
	return true
}

// digestBody writes d as the template "digest-body" does: the first few
// of each of the week's lists.
func (r *renderer) digestBody(b *bytes.Buffer, d *site.Digest) {
	n, u := DigestItems, DigestUpdates
	all := d.URL() + "updates/"
	more := func(count, shown int, href, text, what string) {
		if count <= shown {
			return
		}
		b.WriteString(`<p class="more"><a href="`)
		r.writeLink(b, href)
		b.WriteString(`">`)
		b.WriteString(text)
		b.WriteString(`</a> <span class="muted">(`)
		b.WriteString(strconv.Itoa(count))
		b.WriteString(what)
		b.WriteString(`)</span></p>`)
	}
	b.WriteString(`<p class="lead">`)
	writeText(b, digestSummary(d))
	b.WriteString("</p>\n")
	if len(d.Decided) > 0 {
		b.WriteString(`<section class="digest-section"><h2>Decisions made</h2><ul>`)
		for _, e := range d.Decided[:min(n, len(d.Decided))] {
			b.WriteString(`<li>`)
			writeStatusBadge(b, e.To)
			b.WriteString(` <a href="`)
			r.writeLink(b, e.Decision.Doc.URL)
			b.WriteString(`"><span class="num">`)
			writeText(b, e.Decision.NumberString())
			b.WriteString(`</span> `)
			writeText(b, e.Decision.Doc.Title)
			b.WriteString(`</a> <span class="muted">`)
			writeText(b, formatDate(e.Date))
			b.WriteString(`</span></li>`)
		}
		b.WriteString(`</ul>`)
		more(len(d.Decided), n, "/decisions/", "All decisions", " this week")
		b.WriteString(`</section>`)
	}
	b.WriteString("\n")
	if len(d.Opened) > 0 {
		b.WriteString(`<section class="digest-section"><h2>Proposals opened</h2><ul>`)
		for _, e := range d.Opened[:min(n, len(d.Opened))] {
			x := e.Decision
			b.WriteString(`<li><a href="`)
			r.writeLink(b, x.Doc.URL)
			b.WriteString(`"><span class="num">`)
			writeText(b, x.NumberString())
			b.WriteString(`</span> `)
			writeText(b, x.Doc.Title)
			b.WriteString(`</a> <span class="muted">`)
			writeText(b, formatDate(e.Date))
			if !x.RespondBy.IsZero() {
				b.WriteString(` · respond by `)
				writeText(b, formatDate(x.RespondBy))
			}
			b.WriteString(`</span></li>`)
		}
		b.WriteString(`</ul>`)
		more(len(d.Opened), n, "/decisions/", "All decisions", " this week")
		b.WriteString(`</section>`)
	}
	b.WriteString("\n")
	if len(d.Objectives) > 0 {
		b.WriteString(`<section class="digest-section"><h2>Objectives</h2><ul>`)
		for _, e := range d.Objectives[:min(n, len(d.Objectives))] {
			b.WriteString(`<li><a href="`)
			r.writeLink(b, e.URL())
			b.WriteString(`">`)
			writeText(b, e.Objective.Doc.Title)
			b.WriteString(`</a>: `)
			if e.From != "" {
				writeText(b, statusLabel(e.From))
				b.WriteString(` → `)
			}
			writeStatusBadge(b, e.To)
			b.WriteString(` <span class="muted">`)
			writeText(b, formatDate(e.Date))
			b.WriteString(`</span></li>`)
		}
		b.WriteString(`</ul>`)
		more(len(d.Objectives), n, "/events/", "All status changes", " this week")
		b.WriteString(`</section>`)
	}
	b.WriteString("\n")
	if len(d.Movements) > 0 {
		b.WriteString(`<section class="digest-section"><h2>Key results</h2><ul>`)
		for _, m := range d.Movements[:min(u, len(d.Movements))] {
			kr := m.KeyResult
			b.WriteString(`<li><a href="`)
			r.writeLink(b, m.Objective.Doc.URL)
			b.WriteString(`">`)
			writeText(b, m.Objective.Doc.Title)
			b.WriteString(`</a>: `)
			writeText(b, kr.Title)
			b.WriteString(` <strong>`)
			writeText(b, num(m.From))
			b.WriteString(` → `)
			writeText(b, num(m.To))
			if kr.Unit != "" {
				b.WriteString(` `)
				writeText(b, kr.Unit)
			}
			b.WriteString(`</strong> <span class="muted">(target `)
			writeText(b, num(kr.Target))
			b.WriteString(`; `)
			writeText(b, plural(len(m.Reports), "report", "reports"))
			b.WriteString(`)</span></li>`)
		}
		b.WriteString(`</ul>`)
		more(len(d.Movements), u, all, "The week’s updates, with every key result reported", " this week")
		b.WriteString(`</section>`)
	}
	b.WriteString("\n")
	if len(d.Updates) > 0 {
		b.WriteString(`<section class="digest-section"><h2>Updates</h2><ul class="digest-updates">`)
		for _, up := range d.Updates[:min(u, len(d.Updates))] {
			b.WriteString(`<li>`)
			writeStatus(b, up.Status)
			b.WriteString(` <a href="`)
			r.writeLink(b, up.Doc.URL)
			b.WriteString(`">`)
			writeText(b, up.Doc.Title)
			b.WriteString(`</a> <span class="muted">`)
			if up.Author != nil {
				writeText(b, up.Author.Name)
			}
			if up.Team != nil {
				b.WriteString(` · `)
				writeText(b, up.Team.Name)
			}
			b.WriteString(` · `)
			writeText(b, formatDate(up.Doc.Date))
			b.WriteString(`</span></li>`)
		}
		b.WriteString(`</ul>`)
		more(len(d.Updates), u, all, "All the week’s updates", " this week")
		b.WriteString(`</section>`)
	}
	b.WriteString("\n")
	if len(d.Blockers) > 0 {
		b.WriteString(`<section class="digest-section"><h2>Blockers raised</h2><ul>`)
		for _, bl := range d.Blockers[:min(u, len(d.Blockers))] {
			b.WriteString(`<li><q>`)
			writeText(b, cut(bl.Text, shortLen))
			b.WriteString(`</q> <span class="muted">— `)
			if a := bl.Update.Author; a != nil {
				writeText(b, a.Name)
			}
			b.WriteString(`, <a href="`)
			r.writeLink(b, bl.Update.Doc.URL)
			b.WriteString(`">`)
			writeText(b, formatDate(bl.Update.Doc.Date))
			b.WriteString(`</a></span></li>`)
		}
		b.WriteString(`</ul>`)
		more(len(d.Blockers), u, all, "The week’s updates, with every blocker", " this week")
		b.WriteString(`</section>`)
	}
	b.WriteString("\n")
	if len(d.NewPages) > 0 || len(d.Reviewed) > 0 {
		b.WriteString(`<section class="digest-section"><h2>Handbook</h2><ul>`)
		pages := func(what string, list []*site.Page) {
			for _, p := range list[:min(n, len(list))] {
				b.WriteString(`<li>`)
				b.WriteString(what)
				b.WriteString(`<a href="`)
				r.writeLink(b, p.Doc.URL)
				b.WriteString(`">`)
				writeText(b, p.Doc.Title)
				b.WriteString(`</a>`)
				if owner := p.Owner.Label(); owner != "" {
					b.WriteString(` <span class="muted">· owner `)
					writeText(b, owner)
					b.WriteString(`</span>`)
				}
				b.WriteString(`</li>`)
			}
		}
		pages("New: ", d.NewPages)
		pages("Reviewed: ", d.Reviewed)
		b.WriteString(`</ul>`)
		more(len(d.NewPages), n, "/handbook/", "The handbook", " new this week")
		more(len(d.Reviewed), n, "/handbook/", "The handbook", " reviewed this week")
		b.WriteString(`</section>`)
	}
}

// writeHandbookPage writes v, a handbook page (page.html), into b. It reports
// false, having written nothing, for any other page, or one that lacks
// what base.html would render itself.
func (r *renderer) writeHandbookPage(b *bytes.Buffer, v *View) bool {
	p := v.Page
	if v.Template != "page" || p == nil || v.Nav == nil || v.Pager == nil || v.Header == "" || v.HeadLinks == "" || v.Footer == "" {
		return false
	}
	r.pageStart(b, v)
	b.WriteString("\n<div class=\"doc-layout\">\n<div class=\"sidebar\">\n<details class=\"nav-menu\">\n<summary>Handbook contents</summary>\n<nav aria-label=\"Handbook\">\n<p class=\"nav-home\"><a href=\"")
	r.writeLink(b, "/handbook/")
	b.WriteString(`"`)
	if v.URL == "/handbook/" {
		b.WriteString(` aria-current="page"`)
	}
	b.WriteString(">Handbook home</a></p>\n")
	r.writeNavTree(b, v.Nav)
	b.WriteString("\n</nav>\n</details>\n</div>\n<article class=\"doc\">\n<header class=\"doc-head\">\n<h1")
	if v.Doc != nil && v.Doc.TitleID != "" {
		b.WriteString(` id="`)
		writeText(b, v.Doc.TitleID)
		b.WriteString(`"`)
	}
	b.WriteString(`>`)
	writeText(b, v.Title)
	b.WriteString("</h1>\n")
	if p.Description != "" {
		b.WriteString(`<p class="lead">`)
		writeText(b, p.Description)
		b.WriteString(`</p>`)
	}
	owner := p.Owner.Label()
	b.WriteString("\n")
	if owner != "" || !p.Reviewed.IsZero() || !p.Doc.Modified.IsZero() || v.EditURL != "" {
		b.WriteString(`<p class="meta muted">`)
		if owner != "" {
			b.WriteString(`<span>Owner: `)
			if u := p.Owner.URL(); u != "" {
				b.WriteString(`<a href="`)
				r.writeLink(b, u)
				b.WriteString(`">`)
				writeText(b, owner)
				b.WriteString(`</a>`)
			} else {
				writeText(b, owner)
			}
			b.WriteString(`</span>`)
		}
		if !p.Reviewed.IsZero() {
			b.WriteString(` <span>Last reviewed <time datetime="`)
			writeText(b, isoDate(p.Reviewed))
			b.WriteString(`">`)
			writeText(b, formatDate(p.Reviewed))
			b.WriteString(`</time></span>`)
		}
		if !p.Doc.Modified.IsZero() {
			b.WriteString(` <span>Changed <time datetime="`)
			writeText(b, isoDate(p.Doc.Modified))
			b.WriteString(`">`)
			writeText(b, formatDate(p.Doc.Modified))
			b.WriteString(`</time>`)
			if p.Doc.ModifiedBy != "" {
				b.WriteString(` by `)
				writeText(b, p.Doc.ModifiedBy)
			}
			b.WriteString(`</span>`)
		}
		if v.EditURL != "" {
			b.WriteString(` <span class="edit"><a href="`)
			writeURL(b, v.EditURL)
			b.WriteString(`">Edit this page</a></span>`)
		}
		b.WriteString(`</p>`)
	}
	b.WriteString("\n")
	if p.Overdue(v.Now) {
		b.WriteString(`<p class="notice notice-warn">`)
		b.WriteString(string(icon("at-risk")))
		b.WriteString(`This page was due for review on `)
		writeText(b, formatDate(p.ReviewDue))
		b.WriteString(`. If you rely on it, check it with `)
		if owner != "" {
			writeText(b, owner)
		} else {
			b.WriteString(`its owner`)
		}
		b.WriteString(`.</p>`)
	}
	b.WriteString("\n</header>\n")
	if v.Pager.Number == 1 && p.Doc.Body != "" {
		b.WriteString(`<div class="prose">`)
		b.WriteString(string(p.Doc.Body))
		b.WriteString("</div>\n")
	}
	if len(v.Children) > 0 {
		b.WriteString(`<section class="children" aria-labelledby="children-h"><h2 id="children-h">`)
		if p.Generated {
			b.WriteString(`Pages`)
		} else {
			b.WriteString(`In this section`)
		}
		if v.Pager.Total > 1 {
			b.WriteString(` <span class="muted">(`)
			b.WriteString(strconv.Itoa(len(p.Children)))
			b.WriteString(`)</span>`)
		}
		b.WriteString("</h2>\n<ul class=\"child-list\">")
		for _, c := range v.Children {
			b.WriteString(`<li><a href="`)
			r.writeLink(b, c.Doc.URL)
			b.WriteString(`">`)
			writeText(b, c.Doc.Title)
			b.WriteString(`</a>`)
			if c.Section && len(c.Children) > 0 {
				b.WriteString(` <span class="muted">`)
				writeText(b, plural(len(c.Children), "page", "pages"))
				b.WriteString(`</span>`)
			}
			if c.Doc.Summary != "" {
				b.WriteString(`<p class="muted">`)
				writeText(b, c.Doc.Summary)
				b.WriteString(`</p>`)
			}
			b.WriteString(`</li>`)
		}
		b.WriteString("</ul>\n")
		r.writePager(b, v.Pager, "← Previous", "Next →")
		b.WriteString(`</section>`)
	}
	b.WriteString("\n")
	if v.Pager.Number == 1 {
		r.writeTags(b, p.Doc.Tags)
		b.WriteString("\n")
		r.writeBacklinks(b, p.Doc.Backlinks)
	}
	b.WriteString("\n</article>\n")
	if toc := p.Doc.TOC; len(toc) > 0 {
		b.WriteString(`<div class="toc-col"><nav class="toc" aria-labelledby="toc-h"><h2 id="toc-h">On this page</h2>`)
		writeTOC(b, toc)
		b.WriteString(`</nav></div>`)
	}
	b.WriteString("\n</div>\n")
	r.pageEnd(b, v)
	return true
}

// writeDecisionPage writes v, a decision record's page (decision.html),
// into b. It reports false, having written nothing, for any other page,
// or one that lacks what base.html would render itself.
func (r *renderer) writeDecisionPage(b *bytes.Buffer, v *View) bool {
	d := v.Decision
	if v.Template != "decision" || d == nil || v.Header == "" || v.HeadLinks == "" || v.Footer == "" {
		return false
	}
	r.pageStart(b, v)
	b.WriteString("\n<article class=\"doc doc-narrow\">\n<header class=\"doc-head\">\n<p class=\"eyebrow\">Decision")
	if n := d.NumberString(); n != "" {
		b.WriteString(" ")
		writeText(b, n)
	}
	b.WriteString("</p>\n<h1")
	if v.Doc != nil && v.Doc.TitleID != "" {
		b.WriteString(` id="`)
		writeText(b, v.Doc.TitleID)
		b.WriteString(`"`)
	}
	b.WriteString(`>`)
	writeText(b, v.Title)
	b.WriteString("</h1>\n<dl class=\"facts\">\n<div><dt>Status</dt><dd>")
	if d.Status != "" {
		b.WriteString(`<span class="status status-`)
		writeText(b, site.Slug(d.Status))
		b.WriteString(`">`)
		b.WriteString(string(icon(d.Status)))
		writeText(b, capitalize(d.Status))
		b.WriteString(`</span>`)
	} else {
		b.WriteString(`<span class="status">`)
		b.WriteString(string(icon("")))
		b.WriteString(`No status</span>`)
	}
	b.WriteString("</dd></div>\n")
	if !d.Doc.Date.IsZero() {
		b.WriteString(`<div><dt>Date</dt><dd>`)
		writeTime(b, &d.Doc)
		b.WriteString(`</dd></div>`)
	}
	b.WriteString("\n")
	open := d.Open(v.Now)
	if !d.RespondBy.IsZero() {
		b.WriteString(`<div><dt>Respond by</dt><dd><time datetime="`)
		writeText(b, isoDate(d.RespondBy))
		b.WriteString(`">`)
		writeText(b, formatDate(d.RespondBy))
		b.WriteString(`</time>`)
		if open {
			b.WriteString(` <strong>(`)
			writeText(b, relative(v.Now, d.RespondBy))
			b.WriteString(`)</strong>`)
		} else if d.Status == site.Proposed {
			b.WriteString(` <strong>(window closed)</strong>`)
		}
		b.WriteString(`</dd></div>`)
	}
	b.WriteString("\n")
	for _, refs := range []struct {
		name string
		list []site.Ref
	}{{"Decision-makers", d.DecisionMakers}, {"Consulted", d.Consulted}, {"Informed", d.Informed}} {
		if len(refs.list) > 0 {
			b.WriteString(`<div><dt>`)
			b.WriteString(refs.name)
			b.WriteString(`</dt><dd>`)
			for i, ref := range refs.list {
				if i > 0 {
					b.WriteString(`, `)
				}
				r.writeRef(b, ref)
			}
			b.WriteString(`</dd></div>`)
		}
		b.WriteString("\n")
	}
	if len(d.SupersedesRefs) > 0 {
		b.WriteString(`<div><dt>Supersedes</dt><dd>`)
		r.writeDecisionLinks(b, d.SupersedesRefs)
		b.WriteString(`</dd></div>`)
	}
	b.WriteString("\n")
	if len(d.SupersededBy) > 0 {
		b.WriteString(`<div><dt>Superseded by</dt><dd>`)
		r.writeDecisionLinks(b, d.SupersededBy)
		b.WriteString(`</dd></div>`)
	}
	b.WriteString("\n</dl>\n")
	if open {
		b.WriteString(`<p class="notice">`)
		b.WriteString(string(icon("proposed")))
		b.WriteString(`This proposal is open for comments`)
		if !d.RespondBy.IsZero() {
			b.WriteString(` until `)
			writeText(b, formatDate(d.RespondBy))
		}
		b.WriteString(`. Reply in its pull request or to the decision-makers.</p>`)
	}
	b.WriteString("\n")
	if len(d.SupersededBy) > 0 {
		b.WriteString(`<p class="notice notice-warn">`)
		b.WriteString(string(icon("superseded")))
		b.WriteString(`This decision was superseded by `)
		r.writeDecisionLinks(b, d.SupersededBy)
		b.WriteString(`.</p>`)
	}
	b.WriteString("\n</header>\n<div class=\"prose\">")
	b.WriteString(string(d.Doc.Body))
	b.WriteString("</div>\n")
	if len(d.Events) > 0 {
		b.WriteString(`<section aria-labelledby="history-h"><h2 id="history-h">History</h2>`)
		if older := site.Older(d.Events); len(older) > 0 {
			b.WriteString(`<p class="more"><a href="`)
			r.writeLink(b, d.URL)
			b.WriteString(`history/">`)
			writeText(b, plural(len(older), "earlier change", "earlier changes"))
			b.WriteString(`</a></p>`)
		}
		r.writeHistory(b, site.Recent(d.Events))
		b.WriteString(`</section>`)
	}
	b.WriteString("\n")
	r.writeTags(b, d.Doc.Tags)
	b.WriteString("\n")
	if v.EditURL != "" {
		b.WriteString(`<p class="muted edit"><a href="`)
		writeURL(b, v.EditURL)
		b.WriteString(`">Edit this decision</a></p>`)
	}
	b.WriteString("\n")
	r.writeBacklinks(b, d.Doc.Backlinks)
	b.WriteString("\n</article>\n")
	r.pageEnd(b, v)
	return true
}

// writeRef writes a person or team as the template "ref" does: a link
// when the name resolved to one.
func (r *renderer) writeRef(b *bytes.Buffer, ref site.Ref) {
	if u := ref.URL(); u != "" {
		b.WriteString(`<a href="`)
		r.writeLink(b, u)
		b.WriteString(`">`)
		writeText(b, ref.Label())
		b.WriteString(`</a>`)
		return
	}
	writeText(b, ref.Label())
}

// writeDecisionLinks writes decisions as decision.html lists those one
// supersedes or is superseded by: links of their numbers and titles.
func (r *renderer) writeDecisionLinks(b *bytes.Buffer, list []*site.Decision) {
	for i, x := range list {
		if i > 0 {
			b.WriteString(`, `)
		}
		b.WriteString(`<a href="`)
		r.writeLink(b, x.Doc.URL)
		b.WriteString(`">`)
		writeText(b, x.NumberString())
		b.WriteString(` `)
		writeText(b, x.Doc.Title)
		b.WriteString(`</a>`)
	}
}

// writeHistory writes status changes as the template "history" does.
func (r *renderer) writeHistory(b *bytes.Buffer, events []*site.Event) {
	if len(events) == 0 {
		return
	}
	b.WriteString(`<ol class="history">`)
	for _, e := range events {
		b.WriteString(`<li id="event-`)
		writeText(b, e.ID)
		b.WriteString("\">\n<time datetime=\"")
		writeText(b, isoDate(e.Date))
		b.WriteString(`">`)
		writeText(b, formatDate(e.Date))
		b.WriteString("</time>\n")
		writeStatusBadge(b, e.To)
		b.WriteString("\n<span class=\"muted\">")
		switch e.Source.String() {
		case "git":
			b.WriteString(`from git`)
		case "history":
			b.WriteString(`from the history in front matter`)
		case "updates":
			if u := e.Update; u != nil {
				b.WriteString(`after <a href="`)
				r.writeLink(b, u.Doc.URL)
				b.WriteString(`">`)
				writeText(b, u.Doc.Title)
				b.WriteString(`</a>`)
			}
		default:
			b.WriteString(`from the record's date`)
		}
		b.WriteString("</span>\n</li>")
	}
	b.WriteString(`</ol>`)
}

// writeNavTree writes one level of the handbook sidebar as the template
// "nav-tree" does, and the levels open under it.
func (r *renderer) writeNavTree(b *bytes.Buffer, l *NavList) {
	b.WriteString(`<ul>`)
	for _, n := range l.Items {
		b.WriteString(`<li`)
		if len(n.Page.Children) > 0 {
			b.WriteString(` class="has-children"`)
		}
		b.WriteString(`><a href="`)
		r.writeLink(b, n.Page.Doc.URL)
		b.WriteString(`"`)
		if n.Current {
			b.WriteString(` aria-current="page"`)
		}
		b.WriteString(`>`)
		writeText(b, n.Page.Doc.Title)
		b.WriteString(`</a>`)
		if n.Children != nil {
			r.writeNavTree(b, n.Children)
		}
		b.WriteString(`</li>`)
	}
	if l.More() {
		b.WriteString(`<li class="nav-more"><a href="`)
		r.writeLink(b, l.Section.Doc.URL)
		b.WriteString(`">All `)
		b.WriteString(strconv.Itoa(l.Total))
		b.WriteString(` pages in `)
		writeText(b, l.Section.Doc.Title)
		b.WriteString(`</a></li>`)
	}
	b.WriteString(`</ul>`)
}

// writeTOC writes a table of contents as the template "toc-items" does.
func writeTOC(b *bytes.Buffer, items []site.TOCItem) {
	b.WriteString(`<ul>`)
	for _, it := range items {
		b.WriteString(`<li><a href="#`)
		writeURLPart(b, it.ID)
		b.WriteString(`">`)
		writeText(b, it.Text)
		b.WriteString(`</a>`)
		if len(it.Items) > 0 {
			writeTOC(b, it.Items)
		}
		b.WriteString(`</li>`)
	}
	b.WriteString(`</ul>`)
}

// writeTags writes a document's tags as the template "tags" does.
func (r *renderer) writeTags(b *bytes.Buffer, tags []string) {
	if len(tags) == 0 {
		return
	}
	b.WriteString(`<ul class="tags">`)
	for _, t := range tags {
		b.WriteString(`<li><a href="`)
		r.writeLink(b, "/tags/"+site.Slug(t)+"/")
		b.WriteString(`">#`)
		writeText(b, t)
		b.WriteString(`</a></li>`)
	}
	b.WriteString(`</ul>`)
}

// writeBacklinks writes the documents that link to one as the template
// "backlinks" does.
func (r *renderer) writeBacklinks(b *bytes.Buffer, links []*site.Doc) {
	if len(links) == 0 {
		return
	}
	b.WriteString("<section class=\"backlinks\" aria-labelledby=\"backlinks-h\">\n<h2 id=\"backlinks-h\">Linked from</h2>\n<ul>")
	for _, d := range links {
		b.WriteString(`<li><a href="`)
		r.writeLink(b, d.URL)
		b.WriteString(`">`)
		writeText(b, d.Title)
		b.WriteString(`</a> <span class="muted">`)
		writeText(b, d.Kind.String())
		b.WriteString(`</span></li>`)
	}
	b.WriteString("</ul>\n</section>")
}

// writeStatusBadge writes a status as the template "status-badge" does.
func writeStatusBadge(b *bytes.Buffer, status string) {
	b.WriteString(`<span class="status status-`)
	writeText(b, site.Slug(status))
	b.WriteString(`">`)
	b.WriteString(string(icon(status)))
	writeText(b, statusLabel(status))
	b.WriteString(`</span>`)
}

// writePager writes the template "pager", with the words its links to
// the previous and next pages say.
func (r *renderer) writePager(b *bytes.Buffer, pg *Pager, prev, next string) {
	if pg.Total <= 1 {
		return
	}
	b.WriteString("<nav class=\"pager\" aria-label=\"Pages\">\n")
	if pg.Prev != "" {
		b.WriteString(`<a rel="prev" href="`)
		r.writeLink(b, pg.Prev)
		b.WriteString(`">`)
		b.WriteString(prev)
		b.WriteString(`</a>`)
	}
	b.WriteString("\n<ol>")
	for _, l := range pg.Pages {
		b.WriteString(`<li>`)
		if l.Number != 0 {
			b.WriteString(`<a href="`)
			r.writeLink(b, l.URL)
			b.WriteString(`"`)
			if l.Number == pg.Number {
				b.WriteString(` aria-current="page"`)
			}
			b.WriteString(`>`)
			b.WriteString(strconv.Itoa(l.Number))
			b.WriteString(`</a>`)
		} else {
			b.WriteString(`<span aria-hidden="true">…</span>`)
		}
		b.WriteString(`</li>`)
	}
	b.WriteString("</ol>\n")
	if pg.Next != "" {
		b.WriteString(`<a rel="next" href="`)
		r.writeLink(b, pg.Next)
		b.WriteString(`">`)
		b.WriteString(next)
		b.WriteString(`</a>`)
	}
	b.WriteString("\n</nav>")
}

// pageStart writes base.html up to its "main" template, for a page whose
// header, head's links and footer are rendered.
func (r *renderer) pageStart(b *bytes.Buffer, v *View) {
	cfg := &r.site.Config
	b.WriteString("<!DOCTYPE html>\n<html lang=\"")
	writeText(b, cfg.Language)
	b.WriteString("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	if v.Template != "board" {
		writeText(b, v.Title)
		b.WriteString(" · ")
	}
	writeText(b, cfg.Title)
	b.WriteString("</title>\n")
	if v.Description != "" {
		b.WriteString(`<meta name="description" content="`)
		writeText(b, cut(v.Description, describeLen))
		b.WriteString("\">\n")
	}
	b.WriteString(`<link rel="canonical" href="`)
	writeURL(b, r.abs(v.URL))
	b.WriteString("\">\n<meta name=\"color-scheme\" content=\"light dark\">\n<meta name=\"theme-color\" media=\"(prefers-color-scheme: light)\" content=\"#f5f6f8\">\n<meta name=\"theme-color\" media=\"(prefers-color-scheme: dark)\" content=\"#191d24\">\n")
	b.WriteString(string(v.HeadLinks))
	b.WriteString("</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n")
	b.WriteString(string(v.Header))
	b.WriteString("\n")
	if len(v.Crumbs) > 0 {
		b.WriteString(`<nav class="wrap crumbs" aria-label="Breadcrumbs"><ol>`)
		for _, c := range v.Crumbs {
			b.WriteString(`<li><a href="`)
			r.writeLink(b, c.URL)
			b.WriteString(`">`)
			writeText(b, c.Title)
			b.WriteString(`</a></li>`)
		}
		b.WriteString(`<li aria-current="page">`)
		writeText(b, v.Title)
		b.WriteString("</li></ol></nav>\n")
	}
	b.WriteString(`<main id="main" class="wrap main-`)
	writeText(b, v.Template)
	b.WriteString("\">\n")
}

// pageEnd writes base.html from after its "main" template.
func (r *renderer) pageEnd(b *bytes.Buffer, v *View) {
	b.WriteString("\n</main>\n<footer class=\"site-footer\">\n<div class=\"wrap\">\n")
	b.WriteString(string(v.Footer))
	b.WriteString("\n<p class=\"print-url\">")
	writeText(b, r.abs(v.URL))
	b.WriteString("</p>\n</div>\n</footer>\n</body>\n</html>\n")
}

// updateItem writes u as the template "update-item" does.
func (r *renderer) updateItem(b *bytes.Buffer, u *site.Update) {
	b.WriteString(`<h3><a href="`)
	r.writeLink(b, u.Doc.URL)
	b.WriteString(`">`)
	writeText(b, u.Doc.Title)
	b.WriteString("</a></h3>\n<p class=\"item-meta\">")
	if p := u.Author; p != nil {
		b.WriteString(`<a href="`)
		r.writeLink(b, p.Doc.URL)
		b.WriteString(`">`)
		writeText(b, p.Name)
		b.WriteString(`</a> · `)
	}
	if t := u.Team; t != nil {
		b.WriteString(`<a href="`)
		r.writeLink(b, t.Doc.URL)
		b.WriteString(`">`)
		writeText(b, t.Name)
		b.WriteString(`</a> · `)
	}
	writeTime(b, &u.Doc)
	b.WriteString(` `)
	writeStatus(b, u.Status)
	b.WriteString("</p>\n")
	if u.Doc.Summary != "" {
		b.WriteString(`<p>`)
		writeText(b, cut(u.Doc.Summary, shortLen))
		b.WriteString(`</p>`)
	}
	if len(u.Blockers) > 0 {
		b.WriteString(`<p class="blockers"><strong>Blocked:</strong> `)
		writeText(b, cut(strings.Join(u.Blockers, "; "), shortLen))
		b.WriteString(`</p>`)
	}
}

// writeTime writes a document's date as a time element, as the
// templates do: `<time datetime="{{isodate}}">{{date}}</time>`.
func writeTime(b *bytes.Buffer, d *site.Doc) {
	b.WriteString(`<time datetime="`)
	writeText(b, isoDate(d.Date))
	b.WriteString(`">`)
	writeText(b, formatDate(d.Date))
	b.WriteString(`</time>`)
}

// writeStatus writes a status as the template "update-status" does.
func writeStatus(b *bytes.Buffer, s site.Status) {
	if s == "" {
		return
	}
	b.WriteString(`<span class="status status-`)
	writeText(b, string(s))
	b.WriteString(`">`)
	b.WriteString(string(icon(string(s))))
	writeText(b, s.Label())
	b.WriteString(`</span>`)
}

// writeLink writes the site path p as the templates write {{link p}} in
// an href.
func (r *renderer) writeLink(b *bytes.Buffer, p string) {
	writeURL(b, r.link(p))
}

// writeText writes s escaped as html/template escapes a string in text,
// in RCDATA (a title) and in a quoted attribute: the same five
// characters, and NUL. They are ASCII, so the string is scanned byte by
// byte: no byte of a longer UTF-8 sequence is ASCII.
func writeText(b *bytes.Buffer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(repl)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// writeURL writes s as html/template writes a string that is a whole
// quoted href: a URL with a scheme other than http, https or mailto is
// refused ("#ZgotmplZ"), bytes a URL may not hold are percent-encoded,
// and the rest escaped for the attribute.
func writeURL(b *bytes.Buffer, s string) {
	if !isSafeURL(s) {
		b.WriteString("#ZgotmplZ")
		return
	}
	const hex = "0123456789abcdef"
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		var repl string
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			continue
		case strings.IndexByte("!#$*,/:;=?@[]-._~", c) >= 0:
			continue
		case c == '&':
			repl = "&amp;"
		case c == '+':
			repl = "&#43;"
		case c == '%' && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2]):
			continue
		default:
			b.WriteString(s[last:i])
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
			last = i + 1
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(repl)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// writeURLPart writes s as html/template writes a string in a quoted
// href after its start (after "#", say): every byte but letters, digits
// and "-._~" percent-encoded.
func writeURLPart(b *bytes.Buffer, s string) {
	const hex = "0123456789abcdef"
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			continue
		}
		b.WriteString(s[last:i])
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
		last = i + 1
	}
	b.WriteString(s[last:])
}

// isSafeURL reports whether html/template lets s be a URL: one without
// a scheme, or with http, https or mailto.
func isSafeURL(s string) bool {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") {
		return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
	}
	return true
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
