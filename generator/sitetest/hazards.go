package sitetest

import (
	"encoding/json"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/handbook/handbook/generator/diag"
)

// Hazards lists what in the HTML tree under n could run script or take
// over the page: scripts that are not the site's own (an external script
// under /assets/, or inline JSON data that parses), event handler
// attributes, javascript:, vbscript: and data: URLs (but data: images),
// frames, plugins, base elements and refreshes, forms and style set by
// content (inside an element of class "prose"), and control or bidi
// characters in the page's own titles, headings and links (outside
// "prose"). With content set, n is
// content itself (a feed item's HTML, a Markdown body): it may hold no
// script or style at all.
func Hazards(n *html.Node, content bool) []string {
	var out []string
	inProse := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			prose := hasClass(n, "prose")
			if prose {
				inProse++
			}
			switch n.DataAtom {
			case atom.Script:
				src := attr(n, "src")
				typ := attr(n, "type")
				switch {
				case content:
					out = append(out, "a script element in content")
				case src != "" && strings.HasPrefix(src, "/assets/") && Text(n) == "":
				case src == "" && (typ == "application/json" || typ == "application/ld+json") && json.Valid([]byte(Text(n))):
				default:
					out = append(out, "a script that is not the site's own: "+outer(n))
				}
			case atom.Iframe, atom.Frame, atom.Frameset, atom.Object, atom.Embed, atom.Base, atom.Applet:
				out = append(out, "a "+n.Data+" element: "+outer(n))
			case atom.Form, atom.Input, atom.Button, atom.Textarea, atom.Select:
				// The site's own search form is fine; content has none.
				if content || inProse > 0 {
					out = append(out, "a "+n.Data+" element in content: "+outer(n))
				}
			case atom.Meta:
				if strings.EqualFold(attr(n, "http-equiv"), "refresh") {
					out = append(out, "a meta refresh: "+outer(n))
				}
			case atom.Style:
				if content || inProse > 0 {
					out = append(out, "a style element in content: "+outer(n))
				}
			case atom.Title, atom.H1, atom.H2, atom.H3, atom.A:
				// The page's own titles, headings and links; a body is its
				// writer's text, and bidi text there stays in its block.
				if s := Text(n); !content && inProse == 0 && strings.ContainsFunc(s, diag.IsControl) {
					out = append(out, "control or bidi characters in "+n.Data+": "+diag.Printable(s))
				}
			}
			for _, a := range n.Attr {
				name := strings.ToLower(a.Key)
				switch {
				case strings.HasPrefix(name, "on"):
					out = append(out, "an event handler attribute: "+outer(n))
				case name == "style" && (content || inProse > 0):
					out = append(out, "a style attribute in content: "+outer(n))
				case urlAttrs[name] && dangerousURL(a.Val) && !(n.DataAtom == atom.Img && name == "src" && safeImageData.MatchString(a.Val)):
					out = append(out, "a dangerous URL: "+outer(n))
				}
			}
			if prose {
				defer func() { inProse-- }()
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

var urlAttrs = map[string]bool{"href": true, "src": true, "action": true, "formaction": true, "poster": true, "xlink:href": true, "data": true, "srcset": true, "background": true, "cite": true, "ping": true}

var safeImageData = regexp.MustCompile(`^data:image/(png|gif|jpeg|webp)[;,]`)

// dangerousURL reports whether a URL attribute's value would run script
// or show a document of its own. Browsers ignore tabs, newlines and
// leading control characters and spaces in URLs, and schemes' case.
func dangerousURL(v string) bool {
	v = strings.ToLower(cleanURL(v))
	return strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "data:")
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// Text returns the text under n, or "" for nil.
func Text(n *html.Node) string {
	if n == nil {
		return ""
	}
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(Text(c))
	}
	return b.String()
}

func outer(n *html.Node) string {
	var b strings.Builder
	html.Render(&b, n)
	if b.Len() > 200 {
		return b.String()[:200] + "…"
	}
	return b.String()
}
