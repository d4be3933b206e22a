package render

import (
	"bytes"
	"errors"
	"html/template"
	"strings"
	"testing"
	"testing/fstest"
)

// TestParseTemplates checks that every page layout is parsed with the
// shared layouts, its own definitions taking the place of theirs, and
// that a layout that does not parse is reported: at once when all are
// parsed, when it is asked for otherwise.
func TestParseTemplates(t *testing.T) {
	t.Parallel()
	layouts := fstest.MapFS{
		"base.html":     {Data: []byte(`<title>{{block "head" .}}default{{end}}</title>{{template "main" .}}{{template "foot" .}}`)},
		"partials.html": {Data: []byte(`{{define "foot"}}<footer>{{.}}</footer>{{end}}`)},
		"page.html":     {Data: []byte(`{{define "head"}}page head{{end}}{{define "main"}}<p>{{.}}</p>{{end}}`)},
		"list.html":     {Data: []byte(`{{define "main"}}<ul>{{.}}</ul>{{end}}`)},
		"broken.html":   {Data: []byte(`{{define "main"}}{{if .}}{{end}`)},
	}
	funcs := template.FuncMap{}
	if _, err := parseTemplates(layouts, funcs, true); err == nil || !strings.Contains(err.Error(), "layouts/broken.html") {
		t.Errorf("all parsed: error %v, want one naming layouts/broken.html", err)
	}
	tmpl, err := parseTemplates(layouts, funcs, false)
	if err != nil {
		t.Fatalf("parsed when asked for: %v", err)
	}
	for name, want := range map[string]string{
		"page": "<title>page head</title><p>x</p><footer>x</footer>",
		"list": "<title>default</title><ul>x</ul><footer>x</footer>",
	} {
		set, err := tmpl.set(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var b bytes.Buffer
		if err := set.ExecuteTemplate(&b, "base.html", "x"); err != nil || b.String() != want {
			t.Errorf("%s: %q, %v; want %q", name, b.String(), err, want)
		}
	}
	if _, err := tmpl.set("broken"); err == nil || !strings.Contains(err.Error(), "layouts/broken.html") {
		t.Errorf("broken: error %v, want one naming layouts/broken.html", err)
	}
	if _, err := tmpl.set("missing"); !errors.Is(err, errNoLayout) {
		t.Errorf("missing: error %v, want errNoLayout", err)
	}
	delete(layouts, "partials.html")
	if _, err := parseTemplates(layouts, funcs, false); err == nil || !strings.Contains(err.Error(), "partials.html is missing") {
		t.Errorf("without partials.html: error %v", err)
	}
}
