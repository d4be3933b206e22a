package markdown

import (
	"fmt"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	highlighting "github.com/yuin/goldmark-highlighting/v2"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Code blocks scroll sideways when their lines are longer than the page is
// wide, and a region that scrolls must be reachable by keyboard: every
// <pre> gets tabindex="0", whichever of the three paths renders it (a
// highlighted fenced block, a fenced block in an unknown language, an
// indented block).

// focusablePre is chroma's wrapper for highlighted blocks.
type focusablePre struct{}

func (focusablePre) Start(code bool, styleAttr string) string {
	if code {
		return fmt.Sprintf(`<pre tabindex="0"%s><code>`, styleAttr)
	}
	return fmt.Sprintf(`<pre tabindex="0"%s>`, styleAttr)
}

func (focusablePre) End(code bool) string {
	if code {
		return "</code></pre>"
	}
	return "</pre>"
}

// codeWrapper opens and closes fenced blocks that are not highlighted;
// chroma's wrapper does it for those that are.
func codeWrapper(w util.BufWriter, c highlighting.CodeBlockContext, entering bool) {
	if c.Highlighted() {
		return
	}
	if !entering {
		w.WriteString("</code></pre>\n")
		return
	}
	w.WriteString(`<pre tabindex="0"><code`)
	if lang, ok := c.Language(); ok {
		w.WriteString(` class="language-`)
		w.Write(util.EscapeHTML(lang))
		w.WriteByte('"')
	}
	w.WriteByte('>')
}

func highlightingOptions() []highlighting.Option {
	return []highlighting.Option{
		highlighting.WithFormatOptions(chromahtml.WithClasses(true), chromahtml.WithPreWrapper(focusablePre{})),
		highlighting.WithWrapperRenderer(codeWrapper),
	}
}

// indentedCode renders indented code blocks.
type indentedCode struct{}

func (indentedCode) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindCodeBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			w.WriteString("</code></pre>\n")
			return ast.WalkContinue, nil
		}
		w.WriteString(`<pre tabindex="0"><code>`)
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			w.Write(util.EscapeHTML(seg.Value(src)))
		}
		return ast.WalkContinue, nil
	})
}
