package render

import (
	"bytes"
	"strconv"
	"strings"
	"time"

	"github.com/handbook/handbook/generator/site"
)

// The most repeated markup of a site, written in Go rather than executed
// from its templates: the pages of updates (update.html), of the lists of
// updates (updates.html, and list.html when it shows updates) with their
// items ("update-item"), of tags (tag.html), of each week's digest
// (digest.html), of the handbook (page.html) and of decisions
// (decision.html), each framed as base.html frames it. They are most of
// the pages of a big site, and html/template spends most of a page's
// time in reflection: at 100,000 documents, these pages took a third of
// the build's CPU.
//
// Each function writes byte for byte what its template writes, escaped as
// html/template escapes a value where the template puts it (text, a
// quoted attribute, an href, the part of an href after "#"), and
// TestCompiledPages holds them to it. They are used only while the
// layouts are the built-in ones (Options.BuiltinLayouts): a site with a
// layout of its own has every page executed from its templates. A change
// to one of these layouts needs the same change here.

// writePage writes v's page into b when its layout is one of those
// above and v has the parts base.html would otherwise render itself (the
// header, the head's links and the footer, each rendered once for many
// pages), and reports whether it did. A panic here would be a bug of
// this file, not of the content: it leaves b as it was and the page to
// its template, which reports what it finds wrong.
func (r *renderer) writePage(b *bytes.Buffer, v *View) (written bool) {
	if v.Header == "" || v.HeadLinks == "" || v.Footer == "" {
		return false
	}
	var main func(*bytes.Buffer, *View)
	switch {
	case v.Template == "update" && v.Update != nil:
		main = r.updateMain
	case v.Template == "updates":
		main = r.updatesMain
	case v.Template == "list" && len(v.Updates) > 0:
		main = r.updateListMain
	case v.Template == "tag" && v.Tag != nil && v.Pager != nil:
		main = r.tagMain
	case v.Template == "digest" && v.Digest != nil:
		main = r.digestMain
	case v.Template == "page" && v.Page != nil && v.Nav != nil && v.Pager != nil:
		main = r.handbookMain
	case v.Template == "decision" && v.Decision != nil:
		main = r.decisionMain
	default:
		return false
	}
	n := b.Len()
	defer func() {
		if recover() != nil {
			b.Truncate(n)
			written = false
		}
	}()
	r.pageStart(b, v)
	main(b, v)
	r.pageEnd(b, v)
	return true
}

// updateMain writes update.html's "main": an update, with what it
// reports (blockers, key results, objectives) and what links to it.
func (r *renderer) updateMain(b *bytes.Buffer, v *View) {
	u := v.Update
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
		r.writeAnchor(b, t.Doc.URL, t.Name)
		b.WriteString(` · `)
	}
	writeTime(b, u.Doc.Date)
	b.WriteString(`</span>`)
	writeUpdateStatus(b, u.Status)
	b.WriteString("</p>\n")
	writeTitle(b, v)
	b.WriteString("\n</header>\n")
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
				r.writeAnchor(b, p.Objective.Doc.URL, kr.Title)
				b.WriteString(`: <strong>`)
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
			b.WriteString(`<li>`)
			r.writeAnchor(b, o.Doc.URL, o.Doc.Title)
			b.WriteString(` `)
			writeUpdateStatus(b, o.Status)
			b.WriteString(` <span class="muted">`)
			writeText(b, pct(o.Progress()))
			b.WriteString(`</span></li>`)
		}
		b.WriteString(`</ul></section>`)
	}
	r.writeDocEnd(b, v, &u.Doc, "update")
}

// updatesMain writes updates.html's "main": the updates of one page,
// under a heading for each day.
func (r *renderer) updatesMain(b *bytes.Buffer, v *View) {
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
		b.WriteString(`<li>`)
		b.WriteString(string(r.builtinItem(u)))
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
}

// updateListMain writes list.html's "main" for a list of updates.
func (r *renderer) updateListMain(b *bytes.Buffer, v *View) {
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
		b.WriteString(`<li>`)
		b.WriteString(string(r.builtinItem(u)))
		b.WriteString(`</li>`)
	}
	b.WriteString("</ol>\n")
	if v.Pager != nil {
		r.writePager(b, v.Pager, "← Previous", "Next →")
	}
	b.WriteString("\n")
}

// tagMain writes tag.html's "main": a page of a tag's documents.
func (r *renderer) tagMain(b *bytes.Buffer, v *View) {
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
			b.WriteString(`</span> `)
			r.writeAnchor(b, d.URL, d.Title)
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
}

// digestMain writes digest.html's "main": one week's digest, the site's
// or a team's.
func (r *renderer) digestMain(b *bytes.Buffer, v *View) {
	d := v.Digest
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
		r.writeRelLink(b, "prev", pg.Prev, "← Earlier week")
		b.WriteString("\n")
		r.writeRelLink(b, "next", pg.Next, "Later week →")
		b.WriteString("\n</nav>")
	}
	b.WriteString("\n</article>\n")
}

// digestBody writes d as the template "digest-body" does: the first few
// of each of the week's lists.
func (r *renderer) digestBody(b *bytes.Buffer, d *site.Digest) {
	items, updates := DigestItems, DigestUpdates
	all := d.URL() + "updates/"
	// moreLink links a list the digest shows the first shown of.
	moreLink := func(count, shown int, href, text, what string) {
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
	// section writes one of the week's lists, when it has any: its
	// heading, its first shown items (item writes the i-th) and a link
	// to the rest, to href, saying text.
	section := func(heading, list string, count, shown int, href, text string, item func(i int)) {
		if count > 0 {
			b.WriteString(`<section class="digest-section"><h2>`)
			b.WriteString(heading)
			b.WriteString(`</h2>`)
			b.WriteString(list)
			for i := range min(shown, count) {
				item(i)
			}
			b.WriteString(`</ul>`)
			moreLink(count, shown, href, text, " this week")
			b.WriteString(`</section>`)
		}
		b.WriteString("\n")
	}
	b.WriteString(`<p class="lead">`)
	writeText(b, digestSummary(d))
	b.WriteString("</p>\n")
	section("Decisions made", `<ul>`, len(d.Decided), items, "/decisions/", "All decisions", func(i int) {
		e := d.Decided[i]
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
	})
	section("Proposals opened", `<ul>`, len(d.Opened), items, "/decisions/", "All decisions", func(i int) {
		e := d.Opened[i]
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
	})
	section("Objectives", `<ul>`, len(d.Objectives), items, "/events/", "All status changes", func(i int) {
		e := d.Objectives[i]
		b.WriteString(`<li>`)
		r.writeAnchor(b, e.URL(), e.Objective.Doc.Title)
		b.WriteString(`: `)
		if e.From != "" {
			writeText(b, statusLabel(e.From))
			b.WriteString(` → `)
		}
		writeStatusBadge(b, e.To)
		b.WriteString(` <span class="muted">`)
		writeText(b, formatDate(e.Date))
		b.WriteString(`</span></li>`)
	})
	section("Key results", `<ul>`, len(d.Movements), updates, all, "The week’s updates, with every key result reported", func(i int) {
		m := d.Movements[i]
		kr := m.KeyResult
		b.WriteString(`<li>`)
		r.writeAnchor(b, m.Objective.Doc.URL, m.Objective.Doc.Title)
		b.WriteString(`: `)
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
	})
	section("Updates", `<ul class="digest-updates">`, len(d.Updates), updates, all, "All the week’s updates", func(i int) {
		up := d.Updates[i]
		b.WriteString(`<li>`)
		writeUpdateStatus(b, up.Status)
		b.WriteString(` `)
		r.writeAnchor(b, up.Doc.URL, up.Doc.Title)
		b.WriteString(` <span class="muted">`)
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
	})
	section("Blockers raised", `<ul>`, len(d.Blockers), updates, all, "The week’s updates, with every blocker", func(i int) {
		bl := d.Blockers[i]
		b.WriteString(`<li><q>`)
		writeText(b, cut(bl.Text, shortLen))
		b.WriteString(`</q> <span class="muted">— `)
		if a := bl.Update.Author; a != nil {
			writeText(b, a.Name)
		}
		b.WriteString(`, `)
		r.writeAnchor(b, bl.Update.Doc.URL, formatDate(bl.Update.Doc.Date))
		b.WriteString(`</span></li>`)
	})
	// The handbook's section has two lists in one, each with its link.
	if len(d.NewPages) > 0 || len(d.Reviewed) > 0 {
		b.WriteString(`<section class="digest-section"><h2>Handbook</h2><ul>`)
		pages := func(what string, list []*site.Page) {
			for _, p := range list[:min(items, len(list))] {
				b.WriteString(`<li>`)
				b.WriteString(what)
				r.writeAnchor(b, p.Doc.URL, p.Doc.Title)
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
		moreLink(len(d.NewPages), items, "/handbook/", "The handbook", " new this week")
		moreLink(len(d.Reviewed), items, "/handbook/", "The handbook", " reviewed this week")
		b.WriteString(`</section>`)
	}
}

// handbookMain writes page.html's "main": a handbook page or a page of a
// section's list, with the sidebar and the page's table of contents.
func (r *renderer) handbookMain(b *bytes.Buffer, v *View) {
	p := v.Page
	b.WriteString("\n<div class=\"doc-layout\">\n<div class=\"sidebar\">\n<details class=\"nav-menu\">\n<summary>Handbook contents</summary>\n<nav aria-label=\"Handbook\">\n<p class=\"nav-home\"><a href=\"")
	r.writeLink(b, "/handbook/")
	b.WriteString(`"`)
	if v.URL == "/handbook/" {
		b.WriteString(` aria-current="page"`)
	}
	b.WriteString(">Handbook home</a></p>\n")
	r.writeNavTree(b, v.Nav)
	b.WriteString("\n</nav>\n</details>\n</div>\n<article class=\"doc\">\n<header class=\"doc-head\">\n")
	writeTitle(b, v)
	b.WriteString("\n")
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
				r.writeAnchor(b, u, owner)
			} else {
				writeText(b, owner)
			}
			b.WriteString(`</span>`)
		}
		if !p.Reviewed.IsZero() {
			b.WriteString(` <span>Last reviewed `)
			writeTime(b, p.Reviewed)
			b.WriteString(`</span>`)
		}
		if !p.Doc.Modified.IsZero() {
			b.WriteString(` <span>Changed `)
			writeTime(b, p.Doc.Modified)
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
			b.WriteString(`<li>`)
			r.writeAnchor(b, c.Doc.URL, c.Doc.Title)
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
}

// decisionMain writes decision.html's "main": a decision record, with
// its people, what it supersedes, its window and its history.
func (r *renderer) decisionMain(b *bytes.Buffer, v *View) {
	d := v.Decision
	b.WriteString("\n<article class=\"doc doc-narrow\">\n<header class=\"doc-head\">\n<p class=\"eyebrow\">Decision")
	if n := d.NumberString(); n != "" {
		b.WriteString(" ")
		writeText(b, n)
	}
	b.WriteString("</p>\n")
	writeTitle(b, v)
	b.WriteString("\n<dl class=\"facts\">\n<div><dt>Status</dt><dd>")
	writeDecisionStatus(b, d.Status)
	b.WriteString("</dd></div>\n")
	if !d.Doc.Date.IsZero() {
		b.WriteString(`<div><dt>Date</dt><dd>`)
		writeTime(b, d.Doc.Date)
		b.WriteString(`</dd></div>`)
	}
	b.WriteString("\n")
	open := d.Open(v.Now)
	if !d.RespondBy.IsZero() {
		b.WriteString(`<div><dt>Respond by</dt><dd>`)
		writeTime(b, d.RespondBy)
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
	r.writeDocEnd(b, v, &d.Doc, "decision")
}

// writeRef writes a person or team as the template "ref" does: a link
// when the name resolved to one.
func (r *renderer) writeRef(b *bytes.Buffer, ref site.Ref) {
	if u := ref.URL(); u != "" {
		r.writeAnchor(b, u, ref.Label())
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
		b.WriteString("\">\n")
		writeTime(b, e.Date)
		b.WriteString("\n")
		writeStatusBadge(b, e.To)
		b.WriteString("\n<span class=\"muted\">")
		switch e.Source.String() {
		case "git":
			b.WriteString(`from git`)
		case "history":
			b.WriteString(`from the history in front matter`)
		case "updates":
			if u := e.Update; u != nil {
				b.WriteString(`after `)
				r.writeAnchor(b, u.Doc.URL, u.Doc.Title)
			}
		default:
			b.WriteString(`from the record's date`)
		}
		b.WriteString("</span>\n</li>")
	}
	b.WriteString(`</ol>`)
}

// writeDocEnd writes how update.html and decision.html end a document
// (what names the kind in its edit link): its tags, the link to edit it,
// what links to it.
func (r *renderer) writeDocEnd(b *bytes.Buffer, v *View, d *site.Doc, what string) {
	b.WriteString("\n")
	r.writeTags(b, d.Tags)
	b.WriteString("\n")
	if v.EditURL != "" {
		b.WriteString(`<p class="muted edit"><a href="`)
		writeURL(b, v.EditURL)
		b.WriteString(`">Edit this `)
		b.WriteString(what)
		b.WriteString(`</a></p>`)
	}
	b.WriteString("\n")
	r.writeBacklinks(b, d.Backlinks)
	b.WriteString("\n</article>\n")
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
		writeText(b, n.Page.Label())
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
		writeText(b, l.Section.Label())
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
		b.WriteString(`<li>`)
		r.writeAnchor(b, d.URL, d.Title)
		b.WriteString(` <span class="muted">`)
		writeText(b, d.Kind.String())
		b.WriteString(`</span></li>`)
	}
	b.WriteString("</ul>\n</section>")
}

// writeTitle writes a page's heading as the layouts of documents do:
// `<h1{{with .Doc}}{{with .TitleID}} id="{{.}}"{{end}}{{end}}>{{.Title}}</h1>`.
func writeTitle(b *bytes.Buffer, v *View) {
	b.WriteString(`<h1`)
	if v.Doc != nil && v.Doc.TitleID != "" {
		b.WriteString(` id="`)
		writeText(b, v.Doc.TitleID)
		b.WriteString(`"`)
	}
	b.WriteString(`>`)
	writeText(b, v.Title)
	b.WriteString(`</h1>`)
}

// writeDecisionStatus writes a decision's status as the template
// "decision-status" does.
func writeDecisionStatus(b *bytes.Buffer, status string) {
	if status == "" {
		b.WriteString(`<span class="status">`)
		b.WriteString(string(icon("")))
		b.WriteString(`No status</span>`)
		return
	}
	b.WriteString(`<span class="status status-`)
	writeText(b, site.Slug(status))
	b.WriteString(`">`)
	b.WriteString(string(icon(status)))
	writeText(b, capitalize(status))
	b.WriteString(`</span>`)
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
	r.writeRelLink(b, "prev", pg.Prev, prev)
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
	r.writeRelLink(b, "next", pg.Next, next)
	b.WriteString("\n</nav>")
}

// writeAnchor writes a link to the site path p saying text, as the
// templates write `<a href="{{link p}}">{{text}}</a>`.
func (r *renderer) writeAnchor(b *bytes.Buffer, p, text string) {
	b.WriteString(`<a href="`)
	r.writeLink(b, p)
	b.WriteString(`">`)
	writeText(b, text)
	b.WriteString(`</a>`)
}

// writeRelLink writes a pager's link to the previous or next page (rel),
// saying text, when there is one (href is not "").
func (r *renderer) writeRelLink(b *bytes.Buffer, rel, href, text string) {
	if href == "" {
		return
	}
	b.WriteString(`<a rel="`)
	b.WriteString(rel)
	b.WriteString(`" href="`)
	r.writeLink(b, href)
	b.WriteString(`">`)
	b.WriteString(text)
	b.WriteString(`</a>`)
}

// pageStart writes base.html up to its "main" template, for a page whose
// header, head's links and footer are rendered.
func (r *renderer) pageStart(b *bytes.Buffer, v *View) {
	cfg := &r.site.Config
	b.WriteString("<!DOCTYPE html>\n<html lang=\"")
	writeText(b, cfg.Language)
	b.WriteString("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	// base.html titles the board with the site's title alone; the board
	// is not written here.
	writeText(b, v.Title)
	b.WriteString(" · ")
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
			b.WriteString(`<li>`)
			r.writeAnchor(b, c.URL, c.Title)
			b.WriteString(`</li>`)
		}
		b.WriteString(`<li aria-current="page">`)
		writeText(b, v.CurrentCrumb())
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

// writeUpdateItem writes u as the template "update-item" does.
func (r *renderer) writeUpdateItem(b *bytes.Buffer, u *site.Update) {
	b.WriteString(`<h3><a href="`)
	r.writeLink(b, u.Doc.URL)
	b.WriteString(`">`)
	writeText(b, u.Doc.Title)
	b.WriteString("</a></h3>\n<p class=\"item-meta\">")
	if p := u.Author; p != nil {
		r.writeAnchor(b, p.Doc.URL, p.Name)
		b.WriteString(` · `)
	}
	if t := u.Team; t != nil {
		r.writeAnchor(b, t.Doc.URL, t.Name)
		b.WriteString(` · `)
	}
	writeTime(b, u.Doc.Date)
	b.WriteString(` `)
	writeUpdateStatus(b, u.Status)
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

// writeTime writes t as a time element, as the templates do:
// `<time datetime="{{isodate t}}">{{date t}}</time>`.
func writeTime(b *bytes.Buffer, t time.Time) {
	b.WriteString(`<time datetime="`)
	writeText(b, isoDate(t))
	b.WriteString(`">`)
	writeText(b, formatDate(t))
	b.WriteString(`</time>`)
}

// writeUpdateStatus writes a status as the template "update-status" does.
func writeUpdateStatus(b *bytes.Buffer, s site.Status) {
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
