package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/handbook/handbook/generator/site"
)

// templates holds one template set per page layout. Each set is the
// layout file parsed together with base.html and partials.html, so that a
// layout defines "main" (and optionally "head") and base.html frames it.
type templates map[string]*template.Template

// shared are the layout files every page template is parsed with.
var shared = []string{"base.html", "partials.html"}

func parseTemplates(layouts fs.FS, funcs template.FuncMap) (templates, error) {
	names, err := fs.Glob(layouts, "*.html")
	if err != nil {
		return nil, err
	}
	sources := map[string]string{}
	for _, n := range names {
		b, err := fs.ReadFile(layouts, n)
		if err != nil {
			return nil, fmt.Errorf("read layout %s: %w", n, err)
		}
		sources[n] = string(b)
	}
	for _, n := range shared {
		if _, ok := sources[n]; !ok {
			return nil, fmt.Errorf("layout %s is missing", n)
		}
	}
	t := templates{}
	for _, n := range names {
		if slices.Contains(shared, n) {
			continue
		}
		// The layout file is the set's root; naming another template of
		// the set like the root would replace the whole set.
		set, err := template.New(n).Funcs(funcs).Parse(sources[n])
		if err != nil {
			return nil, fmt.Errorf("layouts/%s", strings.TrimPrefix(err.Error(), "template: "))
		}
		for _, file := range shared {
			if _, err := set.New(file).Parse(sources[file]); err != nil {
				return nil, fmt.Errorf("layouts/%s", strings.TrimPrefix(err.Error(), "template: "))
			}
		}
		t[strings.TrimSuffix(path.Base(n), ".html")] = set
	}
	return t, nil
}

// execute renders a page into b.
func (r *renderer) execute(j job, b *bytes.Buffer) error {
	tmpl, err := r.tmpl()
	if err != nil {
		return err
	}
	set, ok := tmpl[j.view.Template]
	if !ok {
		return fmt.Errorf("no layout %s.html", j.view.Template)
	}
	v := j.view
	if v.Header == "" {
		h, err := r.header(set, v)
		if err != nil {
			return err
		}
		v.Header = h
	}
	if set.Lookup("head-links") != nil && set.Lookup("site-footer") != nil {
		// Both depend on the page's feeds alone (and on whether it is
		// a document's page, which names only RSS): the same for every
		// update's page, say.
		k := feedsKey{set: set, every: v.Doc == nil || v.Person != nil || v.Team != nil}
		for _, f := range v.Feeds {
			k.feeds += f.Title + "\x00" + f.RSS + "\x00" + f.Atom + "\x00" + f.JSON + "\x00"
		}
		var err error
		if v.HeadLinks, err = once(&r.heads, k, set, "head-links", v); err != nil {
			return err
		}
		if v.Footer, err = once(&r.footers, k, set, "site-footer", v); err != nil {
			return err
		}
	}
	if r.opts.BuiltinLayouts && r.writePage(b, v) {
		// The most repeated pages, written in Go (compiled.go).
		return nil
	}
	return set.ExecuteTemplate(b, "base.html", v)
}

// feedsKey is what the head's links and the footer depend on besides
// the site: the template set, the page's feeds, and whether the page
// names every format of them.
type feedsKey struct {
	set   *template.Template
	feeds string
	every bool
}

// header returns the site header of v's page: the same on every page of
// a section (it marks the section current, and the search page has no
// search box), so it is rendered once per section and layout set, not
// once per page. A base.html without "site-header" renders its own.
func (r *renderer) header(set *template.Template, v *View) (template.HTML, error) {
	if set.Lookup("site-header") == nil {
		return "", nil
	}
	return once(&r.headers, headerKey{set, v.Section, v.Template == "search"}, set, "site-header", v)
}

// once returns the template name of set executed with data, rendered the
// first time key is asked for and kept in m under key after that.
func once(m *sync.Map, key any, set *template.Template, name string, data any) (template.HTML, error) {
	if h, ok := m.Load(key); ok {
		return h.(template.HTML), nil
	}
	var b bytes.Buffer
	if err := set.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	m.Store(key, h)
	return h, nil
}

// headerKey is what the site header depends on besides the site: the
// template set (layouts differ only if a site overrides one), the
// section and whether the page is the search page.
type headerKey struct {
	set     *template.Template
	section string
	search  bool
}

// buffers hold pages while they are rendered and written: a page is
// tens of kilobytes, and growing a new buffer for each of thousands of
// pages was a tenth of a big site's build.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// item returns an update's list item, the template "update-item",
// rendered the first time a page asks for it: the same item appears on
// the updates list, its author's, team's, objective's and week's lists,
// so rendering it once saves most of the work of every list page. It
// depends only on the update and the site, like the site header.
//
// With the built-in layouts, the item is written in Go (builtinItem).
func (r *renderer) item(u *site.Update) (template.HTML, error) {
	if r.opts.BuiltinLayouts {
		return r.builtinItem(u), nil
	}
	tmpl, err := r.tmpl()
	if err != nil {
		return "", err
	}
	set := tmpl["list"]
	if set == nil || set.Lookup("update-item") == nil {
		return "", fmt.Errorf("no update-item template")
	}
	if h, ok := r.keptItem(u); ok {
		return h, nil
	}
	var b bytes.Buffer
	if err := set.ExecuteTemplate(&b, "update-item", u); err != nil {
		return "", err
	}
	return r.keepItem(u, template.HTML(b.String())), nil
}

// builtinItem is item for the built-in layouts: the item written in Go
// (writeUpdateItem), the first time a page asks for it.
func (r *renderer) builtinItem(u *site.Update) template.HTML {
	if h, ok := r.keptItem(u); ok {
		return h
	}
	var b bytes.Buffer
	r.writeUpdateItem(&b, u)
	return r.keepItem(u, template.HTML(b.String()))
}

// keptItem returns u's item if a page has asked for it before.
func (r *renderer) keptItem(u *site.Update) (template.HTML, bool) {
	r.itemsMu.Lock()
	defer r.itemsMu.Unlock()
	h, ok := r.items[u]
	return h, ok
}

// keepItem keeps h as u's item and returns it.
func (r *renderer) keepItem(u *site.Update, h template.HTML) template.HTML {
	r.itemsMu.Lock()
	defer r.itemsMu.Unlock()
	if r.items == nil {
		r.items = make(map[*site.Update]template.HTML, len(r.site.Updates))
	}
	r.items[u] = h
	return h
}
