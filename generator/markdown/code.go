package markdown

import (
	"bytes"
	"fmt"
	"html"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
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

// formatOptions are chroma's options for every highlighted block.
var formatOptions = []chromahtml.Option{chromahtml.WithClasses(true), chromahtml.WithPreWrapper(focusablePre{})}

func highlightingOptions() []highlighting.Option {
	return []highlighting.Option{
		highlighting.WithFormatOptions(formatOptions...),
		highlighting.WithWrapperRenderer(codeWrapper),
	}
}

// fencedCode renders fenced code blocks in a language chroma knows, and
// without attributes ("```go {linenos=true}"), with writeHighlighted;
// goldmark-highlighting renders the others. goldmark-highlighting makes a
// chroma formatter for each block, which works out the style's CSS the
// first time it is used (a fifth of the time of a block), and chroma's
// formatter formats each token's class attribute with fmt. The HTML is
// the same.
type fencedCode struct {
	others renderer.NodeRendererFunc
}

func newFencedCode() *fencedCode {
	c := &fencedCode{}
	highlighting.NewHTMLRenderer(highlightingOptions()...).RegisterFuncs(funcOf{ast.KindFencedCodeBlock, &c.others})
	return c
}

func (c *fencedCode) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, c.render)
}

func (c *fencedCode) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.FencedCodeBlock)
	lang := n.Language(src)
	if !entering || lang == nil || n.Attributes() != nil || n.Info != nil && bytes.IndexByte(n.Info.Segment.Value(src), '{') >= 0 {
		return c.others(w, src, node, entering)
	}
	lexer := lexers.Get(string(lang))
	if lexer == nil {
		return c.others(w, src, node, entering)
	}
	var code strings.Builder
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		code.Write(seg.Value(src))
	}
	compiled := compiledLexer(lexer)
	tokens, ok := tokenise(compiled, code.String())
	if !ok && compiled != lexer {
		tokens, ok = tokenise(lexer, code.String())
	}
	if !ok {
		plainCode(w, lang, code.String())
		return ast.WalkContinue, nil
	}
	writeHighlighted(w, tokens)
	return ast.WalkContinue, nil
}

// writeHighlighted writes tokens as chroma's HTML formatter does with
// formatOptions: a line of spans for each line of code, each token in a
// span of its type's class, if it has one, escaped as chroma escapes it.
func writeHighlighted(w util.BufWriter, tokens []chroma.Token) {
	w.WriteString(focusablePre{}.Start(true, ` class="`+tokenClass(chroma.PreWrapper)+`"`))
	for _, line := range chroma.SplitTokensIntoLines(tokens) {
		w.WriteString(lineStart)
		for _, t := range line {
			cls := tokenClass(t.Type)
			if cls != "" {
				w.WriteString(`<span class="`)
				w.WriteString(cls)
				w.WriteString(`">`)
			}
			w.WriteString(html.EscapeString(t.Value))
			if cls != "" {
				w.WriteString("</span>")
			}
		}
		w.WriteString("</span></span>")
	}
	w.WriteString(focusablePre{}.End(true))
}

// lineStart opens a line of highlighted code.
var lineStart = `<span class="` + tokenClass(chroma.Line) + `"><span class="` + tokenClass(chroma.CodeLine) + `">`

// tokenClass returns the CSS class chroma gives tokens of type t: that
// of the nearest type up its parents that has one.
func tokenClass(t chroma.TokenType) string {
	for ; t != 0; t = t.Parent() {
		if cls, ok := chroma.StandardTypes[t]; ok {
			return cls
		}
	}
	return chroma.StandardTypes[t]
}

// plainCode writes a fenced block that is not highlighted, as
// codeWrapper opens and closes one.
func plainCode(w util.BufWriter, lang []byte, code string) {
	w.WriteString(`<pre tabindex="0"><code class="language-`)
	w.Write(util.EscapeHTML(lang))
	w.WriteString(`">`)
	w.Write(util.EscapeHTML([]byte(code)))
	w.WriteString("</code></pre>\n")
}

// tokenise splits code into tokens with l. It reports false when l fails
// or panics, as a lexer may on input its rules did not foresee: the block
// is then tokenised by chroma's own lexer, or written as it is.
func tokenise(l chroma.Lexer, code string) (tokens []chroma.Token, ok bool) {
	defer func() {
		if recover() != nil {
			tokens, ok = nil, false
		}
	}()
	it, err := chroma.Coalesce(l).Tokenise(nil, code)
	if err != nil {
		return nil, false
	}
	return it.Tokens(), true
}

// funcOf is a registerer that keeps the function registered for kind.
type funcOf struct {
	kind ast.NodeKind
	f    *renderer.NodeRendererFunc
}

func (r funcOf) Register(k ast.NodeKind, f renderer.NodeRendererFunc) {
	if k == r.kind {
		*r.f = f
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
