package render

import (
	"bytes"
	"strings"
)

// The escaping of the pages written in Go (compiled.go): what
// html/template does to a string in each place the built-in layouts put
// one. TestEscaping holds each function to html/template.

// writeLink writes the site path p as the templates write {{link p}} in
// an href.
func (r *renderer) writeLink(b *bytes.Buffer, p string) {
	writeURL(b, r.link(p))
}

// writeText writes s escaped as html/template escapes a string in text,
// in RCDATA (a title) and in a quoted attribute: the same six characters
// (" & ' + < >), and NUL. They are ASCII, so the string is scanned byte by
// byte: no byte of a longer UTF-8 sequence is ASCII.
func writeText(b *bytes.Buffer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(repl)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// writeURL writes s as html/template writes a string that is a whole
// quoted href: a URL with a scheme other than http, https or mailto is
// refused ("#ZgotmplZ"), bytes a URL may not hold are percent-encoded,
// and the rest escaped for the attribute.
func writeURL(b *bytes.Buffer, s string) {
	if !isSafeURL(s) {
		b.WriteString("#ZgotmplZ")
		return
	}
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		var repl string
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			continue
		case strings.IndexByte("!#$*,/:;=?@[]-._~", c) >= 0:
			continue
		case c == '&':
			repl = "&amp;"
		case c == '+':
			repl = "&#43;"
		case c == '%' && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2]):
			continue
		default:
			b.WriteString(s[last:i])
			writePercent(b, c)
			last = i + 1
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(repl)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// writeURLPart writes s as html/template writes a string in a quoted
// href after its start (after "#", say): every byte but letters, digits
// and "-._~" percent-encoded.
func writeURLPart(b *bytes.Buffer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			continue
		}
		b.WriteString(s[last:i])
		writePercent(b, c)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// isSafeURL reports whether html/template lets s be a URL: one without
// a scheme, or with http, https or mailto.
func isSafeURL(s string) bool {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") {
		return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
	}
	return true
}

// writePercent writes c percent-encoded, in lower case as html/template
// does: "%2b".
func writePercent(b *bytes.Buffer, c byte) {
	const hex = "0123456789abcdef"
	b.WriteByte('%')
	b.WriteByte(hex[c>>4])
	b.WriteByte(hex[c&15])
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
