// Package lexrule writes a chroma lexer rule's pattern as chroma compiles
// it, for the engines lexergen generates and the lexers that use them.
package lexrule

import "github.com/alecthomas/chroma/v2"

// Pattern is the regexp chroma's RegexLexer compiles for a rule's
// pattern p in a lexer of cfg: \G, so that it matches where the lexer
// is, the lexer's inline flags, and p in a group.
func Pattern(cfg *chroma.Config, p string) string {
	flags := ""
	if !cfg.NotMultiline {
		flags += "m"
	}
	if cfg.CaseInsensitive {
		flags += "i"
	}
	if cfg.DotAll {
		flags += "s"
	}
	p = "(?:" + p + ")"
	if flags != "" {
		p = "(?" + flags + ")" + p
	}
	return `\G` + p
}
