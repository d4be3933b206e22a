// Package markdown converts a document's Markdown body to HTML with
// goldmark, and reports what the rest of the pipeline needs to know about
// it: the title from its first heading, its headings and table of
// contents, its links (with byte offsets for diagnostics), and its text.
package markdown

import (
	"bufio"
	"bytes"
	"html"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	highlighting "github.com/yuin/goldmark-highlighting/v2"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"go.abhg.dev/goldmark/toc"

	"github.com/handbook/handbook/generator/site"
)

// Options configure a Converter. The zero value is safe: raw HTML is left
// out of the output.
type Options struct {
	// RawHTML passes raw HTML in Markdown through to the page.
	RawHTML bool
}

// Converter converts Markdown. It is safe for concurrent use.
type Converter struct {
	md       goldmark.Markdown
	opts     Options
	headings interner
}

// New returns a Converter with GitHub Flavored Markdown, footnotes,
// typographic punctuation, heading ids and code highlighting with CSS
// classes (the stylesheet is generated once by package render).
func New(opts Options) *Converter {
	var rendererOpts []renderer.Option
	if opts.RawHTML {
		rendererOpts = append(rendererOpts, gmhtml.WithUnsafe())
	}
	rendererOpts = append(rendererOpts, renderer.WithNodeRenderers(util.Prioritized(indentedCode{}, 100), util.Prioritized(mermaidRenderer{}, 100), util.Prioritized(newFencedCode(), 100)))
	md := goldmark.New(
		goldmark.WithExtensions(
			// GitHub Flavored Markdown, its tables aligned by a class
			// (see blockTransformer) rather than goldmark's style
			// attribute, which the site's Content-Security-Policy
			// blocks.
			extension.Linkify,
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
			extension.Strikethrough,
			extension.TaskList,
			extension.Footnote,
			extension.Typographer,
			highlighting.NewHighlighting(highlightingOptions()...),
		),
		// Heading ids are assigned after parsing, from each heading's
		// text: goldmark's automatic ids are made from the raw line, so
		// link targets and tags would leak into them.
		goldmark.WithParserOptions(parser.WithAttribute(), parser.WithASTTransformers(util.Prioritized(blockTransformer{}, 100)), admonitionParsers),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	return &Converter{md: md, opts: opts}
}

// keptAttributes are the attributes Markdown's attribute syntax
// ("## Heading {#id .class}") may set when raw HTML is off. goldmark also
// lets through style, tabindex, autofocus and more: a heading styled to
// cover the page could pass for the site's own interface.
var keptAttributes = map[string]bool{"id": true, "class": true}

// dropAttribute reports whether a is not one of keptAttributes.
func dropAttribute(a ast.Attribute) bool { return !keptAttributes[strings.ToLower(string(a.Name))] }

// Link is a link or image found in the body.
type Link struct {
	Dest   string // as written
	Offset int    // byte offset in the source of the link's text, or of its block
	Image  bool
}

// Section is the text under one heading, for search and deep links.
type Section struct {
	ID    string // the heading's id; "" for text before the first heading
	Title string
	Text  string
}

// Result is what Convert learns about a document.
type Result struct {
	HTML []byte
	// Title is the text of the level-1 heading that titles the document
	// (see titleHeading). That heading is left out of HTML, so that it is
	// not shown twice, unless keepH1 asked to keep it.
	Title string
	// TitleID is the id of the title heading when it was left out of
	// HTML: the page shows the title under that id, so that links to the
	// heading ("guide.md#guide-to-x") still land. Headings leaves it out.
	TitleID  string
	Headings []site.Heading
	TOC      []site.TOCItem
	Links    []Link
	Sections []Section
	Summary  string // the first paragraph as plain text, shortened
}

// Rewriter returns the href to write for a link destination. Returning
// dest unchanged leaves the link as written.
type Rewriter func(dest string, image bool) string

// Convert converts src. keepH1 keeps a leading level-1 heading in the HTML
// even when it is returned as Title: callers pass true when the front
// matter already gives a different title.
//
// Markdown beyond the limits in limits.go is not converted: Convert
// returns a *LimitError.
func (c *Converter) Convert(src []byte, rewrite Rewriter, keepH1 func(h1 string) bool) (Result, error) {
	var r Result
	if err := checkLimits(src); err != nil {
		return r, err
	}
	doc := c.md.Parser().Parse(text.NewReader(src))

	// Ids are assigned with the title heading still in place, so that it
	// keeps the id it has on GitHub and no other heading takes it.
	assignIDs(doc, src)
	if h, ok := titleHeading(doc); ok {
		r.Title = plain(h, src)
		if keepH1 == nil || !keepH1(r.Title) {
			id, _ := h.AttributeString("id")
			idb, _ := id.([]byte)
			r.TitleID = string(idb)
			h.Parent().RemoveChild(h.Parent(), h)
		}
	}

	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if attrs := n.Attributes(); !c.opts.RawHTML && slices.ContainsFunc(attrs, dropAttribute) {
			// Set again, the kept ones: most nodes with attributes are
			// headings with an id alone, left as they are.
			n.RemoveAttributes()
			for _, a := range attrs {
				if !dropAttribute(a) {
					n.SetAttribute(a.Name, a.Value)
				}
			}
		}
		switch n := n.(type) {
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			idb, _ := id.([]byte)
			r.Headings = append(r.Headings, site.Heading{Level: n.Level, ID: c.headings.bytes(idb), Text: c.headings.string(plain(n, src))})
		case *ast.Link:
			off := offset(n, src, "[")
			if img, ok := n.FirstChild().(*ast.Image); ok {
				// [![badge](ci.svg)](ci.md): the link starts one byte
				// before its image.
				off = max(0, offset(img, src, "![")-1)
			}
			r.Links = append(r.Links, Link{Dest: string(n.Destination), Offset: off, Image: false})
			if rewrite != nil {
				n.Destination = []byte(rewrite(string(n.Destination), false))
			}
			n.Destination = safeURL(n.Destination)
		case *ast.Image:
			r.Links = append(r.Links, Link{Dest: string(n.Destination), Offset: offset(n, src, "!["), Image: true})
			if rewrite != nil {
				n.Destination = []byte(rewrite(string(n.Destination), true))
			}
			n.Destination = safeURL(n.Destination)
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		return r, err
	}

	tree, err := toc.Inspect(doc, src, toc.MinDepth(2), toc.MaxDepth(3), toc.Compact(true))
	if err != nil {
		return r, err
	}
	headings := make(map[string]site.Heading, len(r.Headings))
	for _, h := range r.Headings {
		headings[h.ID] = h
	}
	r.TOC = tocItems(tree.Items, headings)

	r.Sections, r.Summary = collectText(doc, src, &c.headings)

	out := outputs.Get().(*output)
	out.buf.Reset()
	out.w.Reset(&out.buf)
	err = c.md.Renderer().Render(&out.w, src, doc) // flushes out.w
	if err == nil {
		// The caller keeps the HTML as long as the build: a copy of
		// its length, where a buffer grown by doubling kept up to
		// twice it (in a heap profile at 100,000 documents, 139 MB
		// against 177 MB).
		r.HTML = bytes.Clone(out.buf.Bytes())
	}
	out.w.Reset(nil)
	outputs.Put(out)
	return r, err
}

// output is what the renderer writes into: a buffered writer, of which
// it would make a new one of 4 KB for each document it is not given, and
// the buffer it fills, which grows with every document until it holds
// the largest.
type output struct {
	w   bufio.Writer
	buf bytes.Buffer
}

var outputs = sync.Pool{New: func() any {
	o := new(output)
	o.w = *bufio.NewWriter(nil)
	return o
}}

// tocItems converts the toc extension's tree, taking each entry's id and
// text from its heading, whose plain text it shares: the extension's
// titles keep the typographer's entities ("&ldquo;"), which templates
// would escape again.
func tocItems(items toc.Items, headings map[string]site.Heading) []site.TOCItem {
	if len(items) == 0 {
		return nil
	}
	out := make([]site.TOCItem, len(items))
	for i, it := range items {
		h, ok := headings[string(it.ID)]
		if !ok {
			h = site.Heading{ID: string(it.ID), Text: site.CleanText(html.UnescapeString(string(it.Title)))}
		}
		out[i] = site.TOCItem{ID: h.ID, Text: h.Text, Items: tocItems(it.Items, headings)}
	}
	return out
}

// assignIDs gives every heading an id made from its text, unique within
// the page. Ids written as attributes ({#custom}) are kept and reserved
// first.
func assignIDs(doc ast.Node, src []byte) {
	ids := newIDs()
	var headings []*ast.Heading
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			headings = append(headings, h)
			if id, ok := h.AttributeString("id"); ok {
				if b, ok := id.([]byte); ok {
					ids.Put(b)
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, h := range headings {
		if _, ok := h.AttributeString("id"); !ok {
			h.SetAttributeString("id", ids.Generate([]byte(plain(h, src)), ast.KindHeading))
		}
	}
}

// safeURL drops destinations that would run script when followed
// (javascript:, vbscript:, data: other than images), also when the site
// enables raw HTML, which turns off goldmark's own filter.
func safeURL(dest []byte) []byte {
	if gmhtml.IsDangerousURL(dest) {
		return nil
	}
	return dest
}

// titleHeading returns the heading that titles the document: the first
// top-level heading, when it is a level-1 heading. Blocks may come before
// it (a README's logo, badges or a line of links), but then it must be
// the document's only level-1 heading: a body of several "# Part"
// headings after an introduction has no title heading.
func titleHeading(doc ast.Node) (*ast.Heading, bool) {
	var first *ast.Heading
	preamble := false
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok {
			if first == nil {
				if _, html := n.(*ast.HTMLBlock); !html {
					preamble = true
				}
			}
			continue
		}
		if first == nil {
			if h.Level != 1 {
				return nil, false
			}
			first = h
			if !preamble {
				return first, true
			}
		} else if h.Level == 1 {
			return nil, false
		}
	}
	return first, first != nil
}

// offset returns the byte offset of an inline node in src: the position
// of its opening marker when it can be found, else the start of its block.
func offset(n ast.Node, src []byte, marker string) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			start := t.Segment.Start
			if i := bytes.LastIndex(src[max(0, start-len(marker)-64):start], []byte(marker)); i >= 0 {
				return max(0, start-len(marker)-64) + i
			}
			return start
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

// plain returns the text of n without markup. Like all text taken out of
// the body, it is shown in lists and feeds away from its paragraph, so
// control and bidi characters are removed (see site.CleanText).
func plain(n ast.Node, src []byte) string {
	b := textBuffers.Get().(*bytes.Buffer)
	defer textBuffers.Put(b)
	return string(plainInto(b, n, src))
}

// plainInto is plain, written into b: the bytes it returns are b's, or
// a copy when CleanText drops something.
func plainInto(b *bytes.Buffer, n ast.Node, src []byte) []byte {
	b.Reset()
	writeText(b, n, src)
	if site.HasDropped(b.Bytes()) {
		return []byte(strings.TrimSpace(site.CleanText(b.String())))
	}
	return bytes.TrimSpace(b.Bytes())
}

// textBuffers holds the buffers plain text is written into before it is
// copied out at its size.
var textBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func writeText(b *bytes.Buffer, n ast.Node, src []byte) {
	switch n := n.(type) {
	case *ast.Text:
		b.Write(n.Segment.Value(src))
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.WriteByte(' ')
		}
		return
	case *ast.String:
		// The typographer writes entities such as "&ldquo;" as strings.
		b.WriteString(html.UnescapeString(string(n.Value)))
		return
	case *ast.AutoLink:
		b.Write(n.Label(src))
		return
	case *ast.RawHTML, *ast.HTMLBlock:
		return
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			b.Write(seg.Value(src))
		}
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		writeText(b, c, src)
		if c.Type() == ast.TypeBlock {
			b.WriteByte('\n')
		}
	}
}

// interner keeps one string of each heading id and text it is given,
// which every document converted with the same Converter shares. Most
// documents of a kind have the same headings ("Done", "Next", "Blockers"
// in updates): at 100,000 documents their ids and texts, each a string of
// its own, four times over (a heading's id and text, and its section's),
// were 0.4 million of the objects the collector traced at the peak. It is
// safe for use by several goroutines, and holds at most maxInterned
// strings of at most maxInternedLen bytes, whatever the content.
type interner struct {
	mu sync.Mutex
	m  map[string]string
}

const (
	maxInterned    = 4096
	maxInternedLen = 64
)

// bytes returns b as the interner's string of those bytes.
func (in *interner) bytes(b []byte) string {
	if len(b) > maxInternedLen {
		return string(b)
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	if s, ok := in.m[string(b)]; ok {
		return s
	}
	return in.add(string(b))
}

// string returns s, or the interner's string of the same bytes.
func (in *interner) string(s string) string {
	if len(s) > maxInternedLen {
		return s
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	if kept, ok := in.m[s]; ok {
		return kept
	}
	return in.add(s)
}

// add keeps s while there is room; in.mu is held.
func (in *interner) add(s string) string {
	if in.m == nil {
		in.m = map[string]string{}
	}
	if len(in.m) < maxInterned {
		in.m[s] = s
	}
	return s
}

// collectText splits the body's text into sections at each heading, and
// returns them and the first paragraph as a summary. Each block's text
// is written into a buffer of textBuffers, and each section's text
// copied out at its size: a string for each block, and builders grown
// block by block, were 0.5 GB of allocation at 100,000 documents, and
// the texts, kept for the search index, held on to their builders'
// spare room.
func collectText(doc ast.Node, src []byte, headings *interner) ([]Section, string) {
	var sections []Section
	cur := Section{}
	block, body := textBuffers.Get().(*bytes.Buffer), textBuffers.Get().(*bytes.Buffer)
	defer textBuffers.Put(block)
	defer textBuffers.Put(body)
	body.Reset()
	summary, summaryIsParagraph := "", false
	flush := func() {
		cur.Text = string(bytes.TrimSpace(body.Bytes()))
		if cur.Text != "" || cur.ID != "" {
			sections = append(sections, cur)
		}
		body.Reset()
	}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		t := plainInto(block, n, src)
		if h, ok := n.(*ast.Heading); ok {
			flush()
			id, _ := h.AttributeString("id")
			idb, _ := id.([]byte)
			cur = Section{ID: headings.bytes(idb), Title: headings.bytes(t)}
		} else if len(t) > 0 {
			body.Write(t)
			body.WriteByte('\n')
			if n.Kind() == ast.KindParagraph && (summary == "" || !summaryIsParagraph) {
				summary, summaryIsParagraph = shorten(strings.Join(strings.Fields(string(t)), " "), 300), true
			} else if summary == "" && n.Kind() != ast.KindFencedCodeBlock && n.Kind() != ast.KindCodeBlock {
				// A check-in often has only lists under its headings.
				summary = shorten(strings.Join(strings.Fields(string(t)), " "), 300)
			}
		}
	}
	flush()
	return sections, summary
}

// shorten cuts s to at most n bytes at a word boundary, adding "…".
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if i := strings.LastIndexFunc(s[:cut], unicode.IsSpace); i > n/2 {
		cut = i
	}
	return strings.TrimRightFunc(s[:cut], func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) + "…"
}
