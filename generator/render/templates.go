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
	set, ok := r.tmpl[j.view.Template]
	if !ok {
		return fmt.Errorf("no layout %s.html", j.view.Template)
	}
	return set.ExecuteTemplate(b, "base.html", j.view)
}

// buffers hold pages while they are rendered and written: a page is
// tens of kilobytes, and growing a new buffer for each of thousands of
// pages was a tenth of a big site's build.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}
