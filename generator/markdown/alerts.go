package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// GitHub writes callouts as block quotes whose first line is a marker:
//
//	> [!WARNING]
//	> Restores overwrite the target database.
//
// The transformer below turns them into <blockquote class="alert
// alert-warning"> with a title paragraph, so they look on the site as
// they do on GitHub; the stylesheet draws them. No goldmark extension for
// them is well kept enough to add as a dependency for thirty lines.
//
// Mermaid diagrams (```mermaid) are shown as their source, labelled, not
// drawn: drawing them needs mermaid.js, a 2 MB script, either fetched
// from another site (a third-party request on every page view) or bundled
// into every build (which needs Node to build it). The source is readable
// on its own, and it keeps class="mermaid" for a site that adds the
// script in its own layouts.

// alertKinds maps a marker to the title shown.
var alertKinds = map[string]string{"NOTE": "Note", "TIP": "Tip", "IMPORTANT": "Important", "WARNING": "Warning", "CAUTION": "Caution"}

// blockTransformer rewrites alerts and Mermaid blocks after parsing,
// titles Docusaurus's containers (see admonition), and
// gives each aligned table cell a class that says how: "align-right".
type blockTransformer struct{}

func (blockTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var quotes []*ast.Blockquote
	var mermaid []*ast.FencedCodeBlock
	var admonitions []*admonition
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Blockquote:
			quotes = append(quotes, n)
		case *admonition:
			admonitions = append(admonitions, n)
		case *ast.FencedCodeBlock:
			if strings.EqualFold(string(n.Language(src)), "mermaid") {
				mermaid = append(mermaid, n)
			}
		case *east.TableCell:
			if n.Alignment != east.AlignNone {
				n.SetAttributeString("class", "align-"+n.Alignment.String())
			}
		}
		return ast.WalkContinue, nil
	})
	for _, q := range quotes {
		alert(q, src)
	}
	// Titles of text go in now, not as the containers are parsed: a
	// paragraph with inline text added then would be parsed for inlines
	// again. A title written in Markdown is a paragraph of the source
	// already.
	for _, a := range admonitions {
		if a.head != nil && !a.showsText() {
			a.RemoveChild(a, a.head)
			a.head, a.title = nil, a.fallback
		}
		drawAlert(a, a.alert, a.title)
	}
	for _, m := range mermaid {
		d := &mermaidBlock{}
		d.SetLines(m.Lines())
		m.Parent().ReplaceChild(m.Parent(), m, d)
	}
}

// alert makes q a callout when its first line is "[!NOTE]" or another
// marker, and removes the marker.
func alert(q *ast.Blockquote, src []byte) {
	p, ok := q.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return
	}
	first := p.Lines().At(0)
	line := bytes.TrimSpace(first.Value(src))
	if len(line) < 4 || line[0] != '[' || line[1] != '!' || line[len(line)-1] != ']' {
		return
	}
	kind := strings.ToUpper(string(line[2 : len(line)-1]))
	title, ok := alertKinds[kind]
	if !ok {
		return
	}
	// Drop the inline nodes of the marker's line, and the line break
	// after it.
	for c := p.FirstChild(); c != nil; {
		next := c.NextSibling()
		t, isText := c.(*ast.Text)
		if !isText || t.Segment.Start >= first.Stop {
			break
		}
		p.RemoveChild(p, c)
		if t.SoftLineBreak() || t.HardLineBreak() {
			break
		}
		c = next
	}
	if p.FirstChild() == nil {
		q.RemoveChild(q, p)
	}
	drawAlert(q, strings.ToLower(kind), title)
}

// drawAlert makes the block quote n a callout of a kind ("warning"), as
// the stylesheet draws them, with a title paragraph first (none for
// "").
func drawAlert(n ast.Node, kind, title string) {
	n.SetAttributeString("class", []byte("alert alert-"+kind))
	if title == "" {
		return
	}
	head := ast.NewParagraph()
	head.SetAttributeString("class", []byte("alert-title"))
	head.AppendChild(head, ast.NewString([]byte(title)))
	n.InsertBefore(n, n.FirstChild(), head)
}

// kindMermaid is the kind of a Mermaid diagram's source block.
var kindMermaid = ast.NewNodeKind("MermaidBlock")

// mermaidBlock is a ```mermaid block, shown as labelled source.
type mermaidBlock struct{ ast.BaseBlock }

func (*mermaidBlock) Kind() ast.NodeKind { return kindMermaid }

func (n *mermaidBlock) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

func (*mermaidBlock) IsRaw() bool { return true }

// mermaidRenderer writes a Mermaid block as a figure with its source.
type mermaidRenderer struct{}

func (mermaidRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindMermaid, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		w.WriteString(`<figure class="diagram"><figcaption>Diagram (Mermaid source)</figcaption><pre tabindex="0" class="mermaid"><code class="language-mermaid">`)
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			w.Write(util.EscapeHTML(seg.Value(src)))
		}
		w.WriteString("</code></pre></figure>\n")
		return ast.WalkSkipChildren, nil
	})
}
