package render

import (
	"fmt"
	"html"
	"path"
	"slices"
	"strings"

	"github.com/handbook/handbook/generator/site"
)

// redirects returns a small page at each alias of each document, which
// sends the reader on to where the document is now, and Netlify's
// _redirects with a permanent redirect for each, for hosts that read it.
// An alias at the path of a page the site has is reported by checkPaths
// as a clash at the document that names it.
func (r *renderer) redirects() []Output {
	var outs []Output
	var lines []string
	for _, d := range r.site.Docs() {
		for _, a := range d.Aliases {
			file := strings.TrimPrefix(a, "/")
			if strings.HasSuffix(a, "/") {
				file = path.Join(file, "index.html")
			}
			href := r.link(d.URL)
			outs = append(outs, Output{Path: file, Data: redirectPage(r.docTitle(d), href, r.abs(d.URL)), Source: d.File})
			lines = append(lines, r.link(a)+" "+href+" 301")
		}
	}
	if len(lines) > 0 {
		slices.Sort(lines)
		outs = append(outs, Output{Path: "_redirects", Data: []byte(strings.Join(lines, "\n") + "\n")})
	}
	return outs
}

// docTitle returns the title of the document d is part of.
func (r *renderer) docTitle(d *site.Doc) string {
	switch v := r.values[d].(type) {
	case *site.Page:
		return v.Title
	case *site.Update:
		return v.Title
	case *site.Decision:
		return v.Title
	case *site.Objective:
		return v.Title
	case *site.Person:
		return v.Name
	case *site.Team:
		return v.Name
	}
	return d.URL
}

// redirectPage is the page left at an old path: it refreshes to the new
// one at once, names it as canonical so that search engines move their
// link, is not indexed itself, and has a plain link for when refreshing
// is off.
func redirectPage(title, href, canonical string) []byte {
	t, h, c := html.EscapeString(title), html.EscapeString(href), html.EscapeString(canonical)
	return []byte(fmt.Sprintf(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved: %s</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="%s">
<meta http-equiv="refresh" content="0; url=%s">
</head>
<body>
<p>This page has moved to <a href="%s">%s</a>.</p>
</body>
</html>
`, t, c, h, h, t))
}
