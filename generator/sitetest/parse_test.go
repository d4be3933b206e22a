package sitetest

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A document nested deeper than html.Parse allows still parses, with
// all its elements and text, and its hazards are still found.
func TestParseDeep(t *testing.T) {
	for _, depth := range []int{3, 600} {
		src := strings.Repeat("<blockquote>", depth) + `<a href="javascript:x()">link</a><p onclick="y()">text</p>` + strings.Repeat("</blockquote>", depth)
		doc := Parse([]byte(src))
		if got := Text(doc); got != "linktext" {
			t.Errorf("depth %d: text %q, want %q", depth, got, "linktext")
		}
		if h := Hazards(doc, true); len(h) != 2 {
			t.Errorf("depth %d: hazards %q, want a dangerous URL and an event handler", depth, h)
		}
		n := 0
		var walk func(*html.Node)
		walk = func(n1 *html.Node) {
			if n1.DataAtom == atom.Blockquote {
				n++
			}
			for c := n1.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		if n != depth {
			t.Errorf("depth %d: %d blockquotes", depth, n)
		}
	}
}
