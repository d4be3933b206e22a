package sitetest

import (
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A Problem is one broken reference, or a page no link reaches.
type Problem struct {
	Page string // the file the reference is in, relative to the site's root
	Ref  string // the reference as written (a page's own URL for an orphan)
	Msg  string
}

// String returns the problem as "page: reference: problem".
func (p Problem) String() string { return p.Page + ": " + p.Ref + ": " + p.Msg }

// A Report is what Crawl found.
type Report struct {
	Pages    int       // HTML files parsed
	Reached  int       // of them, reached by following links from the home page
	Refs     int       // references checked, internal and external
	Problems []Problem // sorted, each once
}

// Lines returns the problems' strings.
func (r Report) Lines() []string {
	out := make([]string, len(r.Problems))
	for i, p := range r.Problems {
		out[i] = p.String()
	}
	return out
}

// Crawl checks a built site the way a static host would serve it. The
// site's files are fsys; base is its base URL ("https://x.example/docs/",
// or a bare path such as "/" when it has no host).
//
// Every .html file is parsed, and every reference in it is resolved
// against the page's URL (or its <base href>): links (a, area, form
// actions, button formactions, meta refresh), resources (link, script,
// img and source src and srcset, audio, video, track, iframe, embed,
// object, input images, SVG use and image, CSS url() in style elements
// and attributes), og:url and og:image, and the search form's
// data-search-index and data-search-script, which the search client
// fetches. Every .css file's url() and @import references are resolved
// against the file. In the site's other text files (feeds, the sitemap,
// JSON, calendars, robots.txt), every absolute URL under the base URL is
// checked as a link.
//
// A reference on the site's host must lie under the base path and name a
// file that exists, folders by a final slash (served as their index.html),
// its path percent-decoded and its query ignored; a fragment must name an
// element's id (or an a element's name) on the target page; "#" and "#top"
// are the top of any page. A resource on any other host is a request to
// a third party, which is a problem; a link to another host, or with
// another scheme (mailto:, tel:, data:), is not checked.
//
// Pages are crawled from the home page by following every internal
// reference to an HTML file. A page no crawl reaches is an orphan and a
// problem, except 404.html: static hosts (Netlify, GitHub Pages) serve it
// for every missing path, and no link should lead there. For the same
// reason its references must not be relative to its own path.
func Crawl(fsys fs.FS, base string) (Report, error) {
	site, err := url.Parse(base)
	if err != nil {
		return Report{}, fmt.Errorf("base URL %q: %w", base, err)
	}
	if site.Host == "" {
		// A site without a host: give it one that nothing else can have.
		site = &url.URL{Scheme: "https", Host: "site.invalid", Path: site.Path}
	}
	if !strings.HasSuffix(site.Path, "/") {
		site.Path += "/"
	}
	c := &crawler{site: site, files: map[string]bool{}, dirs: map[string]bool{}, docs: map[string]*doc{}}
	c.absURL = regexp.MustCompile(`(?i)https?://` + regexp.QuoteMeta(site.Host+site.Path) + `[^\s"'<>\\&)\]]*`)
	// Read every file that can hold references; a fragment can only be
	// checked once every page is parsed.
	type source struct {
		file string
		from *url.URL // what its references resolve against
		refs []ref
	}
	var sources []source
	var pages []string
	err = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			c.dirs[p] = true
			return nil
		}
		c.files[p] = true
		ext := path.Ext(p)
		if !slices.Contains([]string{".html", ".css", ".xml", ".json", ".ics", ".txt"}, ext) {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		switch ext {
		case ".html":
			d := parsePage(c.url(p), data)
			c.docs[p] = d
			pages = append(pages, p)
			sources = append(sources, source{p, d.base, d.refs})
		case ".css":
			sources = append(sources, source{p, c.url(p), cssRefs(string(data))})
		default:
			sources = append(sources, source{p, c.url(p), c.absRefs(string(data))})
		}
		return nil
	})
	if err != nil {
		return Report{}, err
	}

	// Check every reference, and keep the pages each page leads to.
	links := map[string][]string{}
	for _, src := range sources {
		for _, r := range src.refs {
			if target := c.check(src.file, src.from, r); c.docs[target] != nil {
				links[src.file] = append(links[src.file], target)
			}
		}
	}

	// Crawl from the home page.
	reached := map[string]bool{}
	if c.files["index.html"] {
		queue := []string{"index.html"}
		reached["index.html"] = true
		for len(queue) > 0 {
			p := queue[0]
			queue = queue[1:]
			for _, q := range links[p] {
				if !reached[q] {
					reached[q] = true
					queue = append(queue, q)
				}
			}
		}
	} else {
		c.problem("index.html", c.url("index.html").Path, "the site has no home page")
	}
	for _, p := range pages {
		if !reached[p] && p != notFound {
			c.problem(p, c.url(p).Path, "no link from the home page leads here")
		}
	}

	slices.SortFunc(c.problems, func(a, b Problem) int {
		return strings.Compare(a.String(), b.String())
	})
	return Report{Pages: len(pages), Reached: len(reached), Refs: c.refs, Problems: slices.Compact(c.problems)}, nil
}

// notFound is the page static hosts serve for a missing path.
const notFound = "404.html"

type crawler struct {
	site     *url.URL
	files    map[string]bool // every file, by slash path
	dirs     map[string]bool // every folder
	docs     map[string]*doc // every HTML file, parsed
	absURL   *regexp.Regexp  // an absolute URL under the site's base URL
	refs     int
	problems []Problem
}

func (c *crawler) problem(page, ref, msg string) {
	c.problems = append(c.problems, Problem{page, ref, msg})
}

// url returns the URL a static host serves the file at: a folder's
// index.html at the folder, with a final slash.
func (c *crawler) url(file string) *url.URL {
	p := c.site.Path + file
	if path.Base(file) == "index.html" {
		p = strings.TrimSuffix(p, "index.html")
	}
	return c.site.ResolveReference(&url.URL{Path: p})
}

// check checks one reference in file, whose URL is from, and returns the
// internal file it names, or "".
func (c *crawler) check(file string, from *url.URL, r ref) string {
	c.refs++
	raw := cleanURL(r.url)
	if raw == "" {
		c.problem(file, `"`+r.url+`"`, "empty URL in "+r.where)
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		c.problem(file, r.url, "does not parse: "+err.Error())
		return ""
	}
	if file == notFound && u.Scheme == "" && u.Host == "" && u.Path != "" && !strings.HasPrefix(u.Path, "/") {
		c.problem(file, r.url, "a relative URL in the page the host serves for any missing path")
		return ""
	}
	abs := from.ResolveReference(u)
	switch {
	case abs.Scheme != "http" && abs.Scheme != "https":
		return "" // mailto:, tel:, data: and the like leave the site or are inline
	case !strings.EqualFold(abs.Host, c.site.Host):
		if r.request {
			c.problem(file, r.url, "a request to the third-party host "+abs.Host+" ("+r.where+")")
		}
		return ""
	case r.css && u.Path == "" && u.Host == "":
		return "" // url(#id) in CSS names an element of the page that uses it
	}
	p := abs.Path
	if p+"/" == c.site.Path {
		c.problem(file, r.url, "the site's root without its final slash")
		return ""
	}
	rel, ok := strings.CutPrefix(p, c.site.Path)
	if !ok {
		c.problem(file, r.url, "outside the site's base path "+c.site.Path)
		return ""
	}
	target := rel
	if rel == "" || strings.HasSuffix(rel, "/") {
		target += "index.html"
	}
	if !c.files[target] {
		if c.dirs[rel] && c.files[rel+"/index.html"] {
			c.problem(file, r.url, "a folder without its final slash (the host redirects to "+p+"/)")
		} else {
			c.problem(file, r.url, "no file "+target)
		}
		return ""
	}
	if abs.Fragment == "" {
		return target
	}
	d := c.docs[target]
	if d == nil {
		return target // a fragment of a file that is not HTML is not for us to judge
	}
	frag := abs.EscapedFragment()
	if !d.ids[frag] && !d.ids[abs.Fragment] && !strings.EqualFold(abs.Fragment, "top") {
		c.problem(file, r.url, fmt.Sprintf("no element with id %q in %s", abs.Fragment, target))
	}
	return target
}

// cleanURL strips what browsers strip from a URL attribute's value:
// tabs and newlines anywhere, and control characters and spaces at
// either end.
func cleanURL(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, s)
	return strings.TrimFunc(s, func(r rune) bool { return r <= ' ' })
}

// A ref is one reference to check.
type ref struct {
	url     string
	where   string // the element and attribute, or "url()" and the like
	request bool   // the browser fetches it to show the page (not a link)
	css     bool   // written in CSS
}

// A doc is a parsed HTML page: the ids a fragment can name, its
// references and the URL they resolve against.
type doc struct {
	ids  map[string]bool
	refs []ref
	base *url.URL
}

// linkAttrs are the attributes that hold a URL, by element, and whether
// the browser fetches the URL to show the page.
var linkAttrs = map[atom.Atom][]struct {
	name    string
	request bool
}{
	atom.A:      {{"href", false}},
	atom.Area:   {{"href", false}},
	atom.Form:   {{"action", false}},
	atom.Button: {{"formaction", false}},
	atom.Input:  {{"formaction", false}},
	atom.Script: {{"src", true}},
	atom.Img:    {{"src", true}},
	atom.Source: {{"src", true}},
	atom.Audio:  {{"src", true}},
	atom.Video:  {{"src", true}, {"poster", true}},
	atom.Track:  {{"src", true}},
	atom.Iframe: {{"src", true}},
	atom.Embed:  {{"src", true}},
	atom.Object: {{"data", true}},
}

// requestRels are the link relations whose target the browser fetches.
var requestRels = []string{"stylesheet", "icon", "apple-touch-icon", "mask-icon", "manifest", "preload", "prefetch", "modulepreload", "preconnect", "dns-prefetch", "prerender"}

// parsePage parses an HTML page served at u.
func parsePage(u *url.URL, data []byte) *doc {
	d := &doc{ids: map[string]bool{}, base: u}
	root := Parse(data)
	add := func(v, where string, request bool) {
		d.refs = append(d.refs, ref{url: v, where: where, request: request})
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if id, ok := getAttr(n, "id"); ok {
				d.ids[id] = true
			}
			if name, ok := getAttr(n, "name"); ok && n.DataAtom == atom.A {
				d.ids[name] = true
			}
			if n.Namespace == "svg" {
				// SVG's a, use, image and script name their target by
				// href, or by xlink:href in older SVG.
				if slices.Contains([]string{"a", "use", "image", "script"}, n.Data) {
					for _, a := range n.Attr {
						if a.Key == "href" && (a.Namespace == "" || a.Namespace == "xlink") {
							add(a.Val, "svg "+n.Data+"["+strings.TrimPrefix(a.Namespace+":href", ":")+"]", n.Data != "a")
						}
					}
				}
			} else {
				for _, a := range linkAttrs[n.DataAtom] {
					if v, ok := getAttr(n, a.name); ok {
						add(v, n.Data+"["+a.name+"]", a.request)
					}
				}
			}
			switch n.DataAtom {
			case atom.Base:
				if v, ok := getAttr(n, "href"); ok {
					if b, err := u.Parse(cleanURL(v)); err == nil {
						d.base = b
					}
				}
			case atom.Link:
				if v, ok := getAttr(n, "href"); ok {
					rels := strings.Fields(strings.ToLower(attr(n, "rel")))
					add(v, "link[href]", slices.ContainsFunc(rels, func(r string) bool { return slices.Contains(requestRels, r) }))
				}
				if v, ok := getAttr(n, "imagesrcset"); ok {
					for _, s := range srcset(v) {
						add(s, "link[imagesrcset]", true)
					}
				}
			case atom.Img, atom.Source:
				if v, ok := getAttr(n, "srcset"); ok {
					for _, s := range srcset(v) {
						add(s, n.Data+"[srcset]", true)
					}
				}
			case atom.Input:
				if v, ok := getAttr(n, "src"); ok && strings.EqualFold(attr(n, "type"), "image") {
					add(v, "input[src]", true)
				}
			case atom.Meta:
				switch prop := attr(n, "property"); {
				case strings.EqualFold(attr(n, "http-equiv"), "refresh"):
					if v, ok := refreshURL(attr(n, "content")); ok {
						add(v, "meta refresh", false)
					}
				case prop == "og:url" || prop == "og:image":
					add(attr(n, "content"), "meta "+prop, false)
				}
			case atom.Style:
				d.refs = append(d.refs, cssRefs(Text(n))...)
			}
			for _, name := range []string{"data-search-index", "data-search-script"} {
				if v, ok := getAttr(n, name); ok {
					add(v, n.Data+"["+name+"]", true)
				}
			}
			if v, ok := getAttr(n, "style"); ok {
				d.refs = append(d.refs, cssRefs(v)...)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return d
}

// getAttr returns the value of n's attribute key, in no namespace.
func getAttr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// srcset returns the URLs of a srcset attribute's image candidates
// ("a.png 1x, b.png 2x"). A URL may hold commas, but not end in one.
func srcset(v string) []string {
	var out []string
	for {
		v = strings.TrimLeft(v, " \t\n\r\f,")
		if v == "" {
			return out
		}
		end := strings.IndexAny(v, " \t\n\r\f")
		if end < 0 {
			end = len(v)
		}
		u := v[:end]
		v = v[end:]
		if trimmed := strings.TrimRight(u, ","); trimmed != u {
			out = append(out, trimmed) // no descriptors
			continue
		}
		out = append(out, u)
		// Skip the descriptors, up to a comma outside parentheses.
		depth := 0
		i := 0
		for ; i < len(v); i++ {
			switch v[i] {
			case '(':
				depth++
			case ')':
				depth--
			}
			if v[i] == ',' && depth <= 0 {
				break
			}
		}
		v = v[i:]
	}
}

// refreshURL returns the URL of a meta refresh's content ("5; url=/x/").
func refreshURL(content string) (string, bool) {
	_, rest, ok := strings.Cut(content, ";")
	if !ok {
		_, rest, ok = strings.Cut(content, ",")
	}
	if !ok {
		return "", false
	}
	rest = strings.TrimSpace(rest)
	if len(rest) >= 3 && strings.EqualFold(rest[:3], "url") {
		rest = strings.TrimSpace(rest[3:])
		rest = strings.TrimSpace(strings.TrimPrefix(rest, "="))
	}
	rest = strings.Trim(rest, `"'`)
	return rest, rest != ""
}

// cssURL matches url(...) and @import "..." in CSS.
var cssURL = regexp.MustCompile(`(?i)url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')`)

// cssComment matches a CSS comment.
var cssComment = regexp.MustCompile(`(?s)/\*.*?\*/`)

// cssRefs returns the url() and @import references of a style sheet; the
// browser fetches each.
func cssRefs(css string) []ref {
	var out []ref
	for _, m := range cssURL.FindAllStringSubmatch(cssComment.ReplaceAllString(css, ""), -1) {
		where := "url()"
		if strings.HasPrefix(m[0], "@") {
			where = "@import"
		}
		out = append(out, ref{url: m[1] + m[2] + m[3] + m[4] + m[5], where: where, request: true, css: true})
	}
	return out
}

// absRefs returns the absolute URLs under the site's base URL in a text
// file, as links. A URL ends where a quote, space, tag, escape (HTML's
// "&", JSON's and iCalendar's "\") or closing bracket does, and is never
// followed by sentence punctuation; a calendar's folded lines are joined
// first.
func (c *crawler) absRefs(text string) []ref {
	text = strings.NewReplacer("\r\n ", "", "\r\n\t", "").Replace(text)
	var out []ref
	for _, m := range c.absURL.FindAllString(text, -1) {
		out = append(out, ref{url: strings.TrimRight(m, ".,;:!?"), where: "absolute URL"})
	}
	return out
}
