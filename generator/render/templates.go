package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/handbook/handbook/generator/site"
)

// templates holds the layouts parsed: base.html and partials.html once,
// and each page layout parsed into a copy of them, so that a layout
// defines "main" (and optionally "head") and base.html frames it. A
// layout's set is parsed when it is first asked for (set), unless
// parseTemplates parsed them all.
type templates struct {
	common  *template.Template // base.html and partials.html
	sources map[string]string  // the page layouts, by name ("update")
	sets    map[string]*layoutSet
}

// layoutSet is a page layout's template set, parsed once.
type layoutSet struct {
	once sync.Once
	set  *template.Template
	err  error
}

// shared are the layout files every page template is parsed with.
var shared = []string{"base.html", "partials.html"}

// errNoLayout reports a page layout the layouts do not have.
var errNoLayout = errors.New("no such layout")

// parseTemplates reads the layouts and parses base.html and
// partials.html; with all, it parses every page layout's set too, and
// reports the first that does not parse. Without, each set is parsed
// when first asked for: for layouts that parsed before, when a build
// keeps most pages and makes a few again (parsing them all took 17 ms of
// an edit's build at 10,000 documents).
func parseTemplates(layouts fs.FS, funcs template.FuncMap, all bool) (*templates, error) {
	names, err := fs.Glob(layouts, "*.html")
	if err != nil {
		return nil, err
	}
	t := &templates{common: template.New("").Funcs(funcs), sources: map[string]string{}, sets: map[string]*layoutSet{}}
	sources := map[string]string{}
	for _, n := range names {
		b, err := fs.ReadFile(layouts, n)
		if err != nil {
			return nil, fmt.Errorf("read layout %s: %w", n, err)
		}
		sources[n] = string(b)
	}
	for _, n := range shared {
		src, ok := sources[n]
		if !ok {
			return nil, fmt.Errorf("layout %s is missing", n)
		}
		if _, err := t.common.New(n).Parse(src); err != nil {
			return nil, layoutError(err)
		}
	}
	for _, n := range names {
		if !slices.Contains(shared, n) {
			name := strings.TrimSuffix(path.Base(n), ".html")
			t.sources[name] = sources[n]
			t.sets[name] = &layoutSet{}
		}
	}
	if all {
		for _, n := range names {
			if _, err := t.set(strings.TrimSuffix(path.Base(n), ".html")); err != nil && !errors.Is(err, errNoLayout) {
				return nil, err
			}
		}
	}
	return t, nil
}

// set returns the template set of the page layout name ("update").
func (t *templates) set(name string) (*template.Template, error) {
	ls, ok := t.sets[name]
	if !ok {
		return nil, fmt.Errorf("%w %s.html", errNoLayout, name)
	}
	ls.once.Do(func() {
		// A copy of the shared templates, its trees copied rather than
		// parsed again: a third of the time.
		if ls.set, ls.err = t.common.Clone(); ls.err != nil {
			return
		}
		if _, err := ls.set.New(name + ".html").Parse(t.sources[name]); err != nil {
			ls.set, ls.err = nil, layoutError(err)
		}
	})
	return ls.set, ls.err
}

// layoutError is a template's parse error, as a layout's.
func layoutError(err error) error {
	return fmt.Errorf("layouts/%s", strings.TrimPrefix(err.Error(), "template: "))
}

// execute renders a page into b.
func (r *renderer) execute(j job, b *bytes.Buffer) error {
	tmpl, err := r.tmpl()
	if err != nil {
		return err
	}
	set, err := tmpl.set(j.view.Template)
	if err != nil {
		return err
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
	set, err := tmpl.set("list")
	if errors.Is(err, errNoLayout) || (err == nil && set.Lookup("update-item") == nil) {
		return "", fmt.Errorf("no update-item template")
	}
	if err != nil {
		return "", err
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
