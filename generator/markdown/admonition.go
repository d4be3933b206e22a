package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Docusaurus writes callouts as containers fenced by colons, a kind and
// an optional title after the opening fence:
//
//	:::warning[Before you restore]
//	Restores overwrite the target database.
//	:::
//
// (or ":::warning Before you restore", its older form). A handbook
// folder dropped in from Docusaurus keeps them: the parser below makes
// each a callout as GitHub's alerts are made (see alert), so that the
// stylesheet draws both alike. A container holds any Markdown, other
// containers too when their fences have fewer colons than its own, as
// Docusaurus nests them. A kind Docusaurus does not have leaves the line
// a paragraph, so that prose starting with ":::" stays as written.

// admonitionKinds maps a container's kind to the alert it is drawn as
// and the title it shows when it has none of its own.
var admonitionKinds = map[string]struct{ alert, title string }{
	"note":      {"note", "Note"},
	"info":      {"note", "Info"},
	"tip":       {"tip", "Tip"},
	"important": {"important", "Important"},
	"warning":   {"warning", "Warning"},
	"caution":   {"warning", "Caution"},
	"danger":    {"caution", "Danger"},
}

// admonition is a container: a block quote drawn as an alert of a kind
// ("warning"), with the length of its fence (0 for MkDocs's, which end
// where the indentation does). A title written on its first line is its
// first child (see titled); title is the text of one it shows otherwise,
// its kind's name, or none when "".
type admonition struct {
	ast.Blockquote
	fence        int
	alert, title string
	// head is the title written on the first line, nil for none, and
	// fallback the title shown instead when head shows nothing (raw HTML
	// alone, which is left out).
	head     *ast.Paragraph
	fallback string
}

// nestedTooDeep reports whether parent is inside maxAdmonitions
// containers.
func nestedTooDeep(parent ast.Node) bool {
	inside := 0
	for p := parent; p != nil; p = p.Parent() {
		if _, ok := p.(*admonition); ok {
			inside++
		}
	}
	return inside >= maxAdmonitions
}

// maxAdmonitions is how deep containers nest. Docusaurus's own example
// nests three; each line of the innermost costs a look by each, and a
// megabyte of short lines 100 deep took 22 s to convert.
const maxAdmonitions = 5

type admonitionParser struct{ containerParser }

func (admonitionParser) Trigger() []byte { return []byte{':'} }

// fenceOf returns the number of colons line starts with, after at most
// three spaces, and the rest of the line; 0 when there are fewer than
// three.
func fenceOf(line []byte) (int, []byte) {
	line = indented(line)
	n := 0
	for n < len(line) && line[n] == ':' {
		n++
	}
	if n < 3 {
		return 0, nil
	}
	return n, line[n:]
}

func (admonitionParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	n, rest := fenceOf(line)
	if n == 0 {
		return nil, parser.NoChildren
	}
	// Every line is looked at by each container it is in, and nothing on
	// the line shows how many those are, as "> > -" does (see
	// MaxNesting): a fence inside maxAdmonitions containers is text.
	if nestedTooDeep(parent) {
		return nil, parser.NoChildren
	}
	rest = bytes.TrimRight(rest, " \t\r\n")
	k := 0
	for k < len(rest) && (rest[k] >= 'a' && rest[k] <= 'z' || rest[k] >= 'A' && rest[k] <= 'Z') {
		k++
	}
	kind, ok := admonitionKinds[strings.ToLower(string(rest[:k]))]
	if !ok {
		return nil, parser.NoChildren
	}
	var title []byte
	switch after := rest[k:]; {
	case len(after) > 0 && after[0] == '[':
		if end := bytes.LastIndexByte(after, ']'); end > 0 {
			title = bytes.TrimSpace(after[1:end])
		}
	case len(after) > 0 && (after[0] == ' ' || after[0] == '\t'):
		if t := bytes.TrimSpace(after); len(t) > 0 && t[0] != '{' {
			title = t
		}
	case len(after) > 0 && after[0] != '{':
		return nil, parser.NoChildren // ":::notes", not a kind
	}
	a := &admonition{fence: n, alert: kind.alert, title: kind.title, fallback: kind.title}
	a.titled(reader, line, title)
	reader.Advance(lineLen(line))
	return a, parser.HasChildren
}

// titled gives the container the title written on its first line, line,
// when there is one: a paragraph of the title's text in the source, first
// in the container, whose Markdown is read as a paragraph's is
// (":::tip[Use **rebase**]").
func (a *admonition) titled(reader text.Reader, line, title []byte) {
	if len(title) == 0 {
		return
	}
	_, seg := reader.PeekLine()
	start := seg.Start + cap(line) - cap(title)
	if src := reader.Source(); seg.Padding != 0 || start < 0 || start+len(title) > len(src) || !bytes.Equal(src[start:start+len(title)], title) {
		// Not a slice of the source (a tab expanded to spaces): the
		// title is text.
		a.title = string(title)
		return
	}
	head := ast.NewParagraph()
	head.SetAttributeString("class", []byte("alert-title"))
	head.Lines().Append(text.NewSegment(start, start+len(title)))
	a.AppendChild(a, head)
	a.head, a.title = head, ""
}

// showsText reports whether the title written on the container's first
// line shows anything once parsed: raw HTML alone is left out.
func (a *admonition) showsText() bool {
	for c := a.head.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() != ast.KindRawHTML {
			return true
		}
	}
	return false
}

func (admonitionParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	a := node.(*admonition)
	line, _ := reader.PeekLine()
	n, rest := fenceOf(line)
	// A fence inside a code block of the container is the code's. The
	// blocks open form a chain, each inside the one before: the last
	// is inside every other.
	last := pc.LastOpenedBlock().Node
	inCode := last != nil && last != node && (last.Kind() == ast.KindFencedCodeBlock || last.Kind() == ast.KindHTMLBlock)
	if n >= a.fence && len(bytes.TrimSpace(rest)) == 0 && !inCode {
		reader.Advance(lineLen(line))
		return parser.Close
	}
	return parser.Continue | parser.HasChildren
}

// lineLen is how far a parser advances past a fence line: to its line
// break, which goldmark takes itself, or its end, the document's last line.
func lineLen(line []byte) int {
	if n := len(line); n > 0 && line[n-1] == '\n' {
		return n - 1
	}
	return len(line)
}

// containerParser is what both parsers' containers have alike: they
// start anywhere a paragraph could, and end with no more to do.
type containerParser struct{}

func (containerParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

func (containerParser) CanInterruptParagraph() bool { return true }

func (containerParser) CanAcceptIndentedLine() bool { return false }

// indented returns line without the up to three spaces a block's first
// line may start with.
func indented(line []byte) []byte {
	i := 0
	for i < len(line) && i < 3 && line[i] == ' ' {
		i++
	}
	return line[i:]
}

// MkDocs (Python-Markdown's admonition extension, and pymdownx.details
// for the collapsible "???") writes them as a marker line with the
// content indented below it:
//
//	!!! warning "Before you restore"
//	    Restores overwrite the target database.
//
// The kind is the first word, the title a quoted text after it (an
// empty one for none), else the kind's own name. Collapsible ones are
// shown open: the stylesheet draws one kind of callout.

// indentedKinds maps MkDocs Material's kinds to the alert each is drawn
// as.
var indentedKinds = map[string]string{
	"note": "note", "abstract": "note", "summary": "note", "tldr": "note", "info": "note", "todo": "note",
	"question": "note", "help": "note", "faq": "note", "example": "note", "quote": "note", "cite": "note",
	"tip": "tip", "hint": "tip", "success": "tip", "check": "tip", "done": "tip",
	"important": "important",
	"warning":   "warning", "caution": "warning", "attention": "warning",
	"danger": "caution", "error": "caution", "failure": "caution", "fail": "caution", "missing": "caution", "bug": "caution",
}

type indentedParser struct{ containerParser }

func (indentedParser) Trigger() []byte { return []byte{'!', '?'} }

func (indentedParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	rest := bytes.TrimRight(indented(line), " \t\r\n")
	switch {
	case bytes.HasPrefix(rest, []byte("!!! ")):
		rest = rest[4:]
	case bytes.HasPrefix(rest, []byte("??? ")):
		rest = rest[4:]
	case bytes.HasPrefix(rest, []byte("???+ ")):
		rest = rest[5:]
	default:
		return nil, parser.NoChildren
	}
	if nestedTooDeep(parent) {
		return nil, parser.NoChildren
	}
	words, title, quoted := rest, []byte(nil), false
	if q := bytes.IndexByte(rest, '"'); q >= 0 && rest[len(rest)-1] == '"' && q < len(rest)-1 {
		words, title, quoted = rest[:q], bytes.TrimSpace(rest[q+1:len(rest)-1]), true
	}
	kindWord, _, _ := strings.Cut(strings.TrimSpace(string(words)), " ")
	alert, ok := indentedKinds[strings.ToLower(kindWord)]
	if !ok {
		return nil, parser.NoChildren
	}
	a := &admonition{alert: alert, fallback: strings.ToUpper(kindWord[:1]) + strings.ToLower(kindWord[1:])}
	if !quoted {
		a.title = a.fallback
	}
	a.titled(reader, line, title)
	reader.Advance(lineLen(line))
	return a, parser.HasChildren
}

// Continue keeps the lines indented by four or more columns, taking the
// four off, and blank lines; the first other line ends the container.
func (indentedParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, _ := reader.PeekLine()
	if util.IsBlank(line) {
		reader.Advance(lineLen(line))
		return parser.Continue | parser.HasChildren
	}
	if indent, _ := util.IndentWidth(line, reader.LineOffset()); indent < 4 {
		return parser.Close
	}
	pos, padding := util.IndentPosition(line, reader.LineOffset(), 4)
	reader.AdvanceAndSetPadding(pos, padding)
	return parser.Continue | parser.HasChildren
}

// admonitionParsers is the option that adds the parsers, before block
// quotes (800) and paragraphs.
var admonitionParsers = parser.WithBlockParsers(util.Prioritized(admonitionParser{}, 750), util.Prioritized(indentedParser{}, 750))
