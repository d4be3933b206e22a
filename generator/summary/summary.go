// Package summary describes in Markdown what a branch changes in a site's
// content, for a pull request comment or a CI job summary: the updates it
// adds, the decisions it adds or moves on, the key results whose progress
// moves, the handbook pages it adds, changes or removes, and the problems
// check finds in the files it touches.
//
// The site before the change is the content folder at the merge base of
// the base ref and HEAD, read with one git archive; the site after is the
// working tree, so a writer can run it before committing.
package summary

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/handbook/handbook/generator"
	"github.com/handbook/handbook/generator/check"
	"github.com/handbook/handbook/generator/diag"
	"github.com/handbook/handbook/generator/gitinfo"
	"github.com/handbook/handbook/generator/site"
)

// Changes is what a branch changes.
type Changes struct {
	Base   string // the merge-base commit
	Before *site.Site
	After  *site.Site
	// Added, Changed and Removed list content paths, sorted.
	Added, Changed, Removed []string
	// Problems are the check diagnostics in added or changed files.
	Problems diag.List
}

// Run compares the content folder cfg names with the same folder at the
// merge base of base and HEAD.
func Run(ctx context.Context, cfg generator.Config, base string) (*Changes, error) {
	if cfg.Content == "" {
		cfg.Content = "content"
	}
	if cfg.Now.IsZero() {
		cfg.Now = generator.Now()
	}
	old, commit, err := gitinfo.Snapshot(ctx, cfg.Content, base)
	if err != nil {
		return nil, err
	}
	before := cfg
	before.FS, before.Drafts, before.NoGit = old, true, true
	// Files the branch did not change parse as the cache has them; the
	// cache stays the folder's.
	before.ReadOnlyCache = true
	// The base may have had problems of its own; they are not this
	// branch's to report.
	m, err := generator.Load(ctx, before)
	if m.Site == nil {
		return nil, fmt.Errorf("read %s at %s: %w", cfg.Content, commit, err)
	}
	rep, err := check.Run(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if rep.Site == nil {
		return nil, fmt.Errorf("read %s: %v", cfg.Content, rep.Diagnostics.Err())
	}
	c := &Changes{Base: commit, Before: m.Site, After: rep.Site}
	if err := c.diff(old, os.DirFS(cfg.Content)); err != nil {
		return nil, err
	}
	touched := map[string]bool{}
	for _, p := range slices.Concat(c.Added, c.Changed) {
		touched[displayPath(cfg.Content, p)] = true
	}
	for _, d := range rep.Diagnostics {
		if touched[d.Pos.File] {
			c.Problems = append(c.Problems, d)
		}
	}
	return c, nil
}

func displayPath(dir, rel string) string { return strings.TrimSuffix(dir, "/") + "/" + rel }

// diff compares the files of two content folders byte for byte.
func (c *Changes) diff(before, after fs.FS) error {
	old, err := files(before)
	if err != nil {
		return err
	}
	cur, err := files(after)
	if err != nil {
		return err
	}
	for p, data := range cur {
		prev, ok := old[p]
		switch {
		case !ok:
			c.Added = append(c.Added, p)
		case !bytes.Equal(prev, data):
			c.Changed = append(c.Changed, p)
		}
	}
	for p := range old {
		if _, ok := cur[p]; !ok {
			c.Removed = append(c.Removed, p)
		}
	}
	slices.Sort(c.Added)
	slices.Sort(c.Changed)
	slices.Sort(c.Removed)
	return nil
}

// files reads every regular file of fsys outside hidden folders.
func files(fsys fs.FS) (map[string][]byte, error) {
	out := map[string][]byte{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		out[p] = data
		return nil
	})
	return out, err
}

// Markdown writes the summary. Sections with nothing in them are left out.
func (c *Changes) Markdown() string {
	var b strings.Builder
	b.WriteString("## Handbook changes\n")
	n := b.Len()
	c.updates(&b)
	c.decisions(&b)
	c.objectives(&b)
	c.pages(&b)
	c.problems(&b)
	if b.Len() == n {
		b.WriteString("\nNo changes to the content.\n")
	}
	return b.String()
}

func section(b *strings.Builder, title string, lines []string) {
	if len(lines) == 0 {
		return
	}
	fmt.Fprintf(b, "\n### %s\n\n", title)
	for _, l := range lines {
		b.WriteString("- " + l + "\n")
	}
}

func (c *Changes) updates(b *strings.Builder) {
	var lines []string
	for _, u := range c.After.Updates { // newest first
		if !slices.Contains(c.Added, u.Path) {
			continue
		}
		who := u.AuthorID
		if u.Author != nil {
			who = u.Author.Name
		}
		line := fmt.Sprintf("**%s** by %s, %s", escape(u.Title), escape(who), u.Date.Format("2 Jan 2006"))
		if u.Status != "" {
			line += ": " + strings.ToLower(u.Status.Label())
		}
		if len(u.Blockers) > 0 {
			line += fmt.Sprintf(" (%s)", plural(len(u.Blockers), "blocker"))
		}
		lines = append(lines, line+draft(&u.Doc))
	}
	section(b, "Updates", lines)
}

func (c *Changes) decisions(b *strings.Builder) {
	before := map[string]*site.Decision{}
	for _, d := range c.Before.Decisions {
		before[d.Path] = d
	}
	var lines []string
	for _, d := range c.After.Decisions { // by number
		name := escape(strings.TrimSpace(d.NumberString() + " " + d.Title))
		old := before[d.Path]
		switch {
		case old == nil:
			line := fmt.Sprintf("**%s**: new, %s", name, status(d.Status))
			if d.Status == site.Proposed && !d.RespondBy.IsZero() {
				line += ", comments until " + d.RespondBy.Format("2 Jan 2006")
			}
			lines = append(lines, line+draft(&d.Doc))
		case old.Status != d.Status:
			lines = append(lines, fmt.Sprintf("**%s**: %s → %s", name, status(old.Status), status(d.Status)))
		}
	}
	section(b, "Decisions", lines)
}

func status(s string) string {
	if s == "" {
		return "no status"
	}
	return escape(s)
}

func (c *Changes) objectives(b *strings.Builder) {
	before := map[string]*site.Objective{}
	for _, o := range c.Before.Objectives {
		before[o.ID] = o
	}
	var lines []string
	for _, o := range c.After.Objectives {
		old := before[o.ID]
		if old == nil {
			lines = append(lines, fmt.Sprintf("**%s**: new, for %s, %s", escape(o.Title), escape(o.Period.Name), plural(len(o.KeyResults), "key result")))
			continue
		}
		var moves []string
		for _, kr := range o.KeyResults {
			var prev *site.KeyResult
			for _, k := range old.KeyResults {
				if k.ID == kr.ID {
					prev = k
				}
			}
			switch {
			case prev == nil:
				moves = append(moves, fmt.Sprintf("%s: new, %s", escape(kr.Title), value(kr.Current(), kr.Unit)))
			case prev.Current() != kr.Current() || prev.Progress() != kr.Progress():
				moves = append(moves, fmt.Sprintf("%s: %s → %s (%s → %s)", escape(kr.Title),
					value(prev.Current(), prev.Unit), value(kr.Current(), kr.Unit), pct(prev.Progress()), pct(kr.Progress())))
			}
		}
		if len(moves) > 0 {
			lines = append(lines, fmt.Sprintf("**%s**: %s", escape(o.Title), strings.Join(moves, "; ")))
		}
	}
	section(b, "Objectives", lines)
}

func (c *Changes) pages(b *strings.Builder) {
	var lines []string
	title := func(s *site.Site, p string) string {
		if d := s.Doc(p); d != nil {
			return escape(d.Title)
		}
		return "`" + p + "`"
	}
	handbook := func(p string) bool { return strings.HasPrefix(p, site.KindPage.Folder()+"/") && isMarkdown(p) }
	for _, group := range []struct {
		verb  string
		paths []string
		site  *site.Site
	}{{"added", c.Added, c.After}, {"changed", c.Changed, c.After}, {"removed", c.Removed, c.Before}} {
		for _, p := range group.paths {
			if handbook(p) {
				lines = append(lines, fmt.Sprintf("**%s**: %s (`%s`)", title(group.site, p), group.verb, p))
			}
		}
	}
	section(b, "Handbook pages", lines)
}

func (c *Changes) problems(b *strings.Builder) {
	if len(c.Problems) == 0 {
		return
	}
	fmt.Fprintf(b, "\n### Problems in changed files\n\n%s and %s; run `handbook check` for details.\n\n",
		plural(c.Problems.Errors(), "error"), plural(c.Problems.Warnings(), "warning"))
	for _, d := range slices.SortedFunc(slices.Values(c.Problems), func(a, b diag.Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Severity, b.Severity), cmp.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line))
	}) {
		fmt.Fprintf(b, "- %s `%s` %s\n", d.Severity, d.Pos, escape(d.Msg))
	}
}

func draft(d *site.Doc) string {
	if d.Draft {
		return " (draft)"
	}
	return ""
}

func isMarkdown(p string) bool {
	p = strings.ToLower(p)
	return strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".markdown")
}

func value(v float64, unit string) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	switch unit {
	case "":
		return s
	case "%":
		return s + "%"
	}
	return s + " " + escape(unit)
}

func pct(f float64) string { return strconv.Itoa(int(f*100+0.5)) + "%" }

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// escape keeps text from content from turning into Markdown: a title
// such as "*Urgent* [click](x)" reads as written.
func escape(s string) string {
	var b strings.Builder
	for _, r := range strings.Join(strings.Fields(s), " ") {
		if strings.ContainsRune("\\`*_{}[]()<>|~&", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
