package sitetest

import (
	"bytes"
	"io"

	"golang.org/x/net/html"
)

// Parse parses an HTML document. html.Parse gives up on elements nested
// more than 512 deep, which Markdown can write (600 ">" make 600
// blockquotes) and browsers still show: Chromium, at that depth, adds
// further elements beside the last one. Parse then keeps every element,
// attribute and text, each a child of the body, so that checks of what
// a page holds still see all of it; only the nesting is lost.
func Parse(data []byte) *html.Node {
	if root, err := html.Parse(bytes.NewReader(data)); err == nil {
		return root
	}
	root := &html.Node{Type: html.DocumentNode}
	body := &html.Node{Type: html.ElementNode, Data: "body"}
	root.AppendChild(body)
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				panic(z.Err()) // a bytes.Reader fails only at its end
			}
			return root
		}
		tok := z.Token()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			body.AppendChild(&html.Node{Type: html.ElementNode, Data: tok.Data, DataAtom: tok.DataAtom, Attr: tok.Attr})
		case html.TextToken:
			if last := body.LastChild; last != nil && last.Type == html.ElementNode {
				last.AppendChild(&html.Node{Type: html.TextNode, Data: tok.Data})
			} else {
				body.AppendChild(&html.Node{Type: html.TextNode, Data: tok.Data})
			}
		}
	}
}
