package diag

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// IsControl reports whether r is a control character (C0, DEL or C1) or
// a Unicode bidirectional formatting character: characters that change
// how the text around them is shown, in a terminal, a log or a page,
// rather than show as themselves.
func IsControl(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}

// Printable returns s with every control character, bidi formatting
// character and invalid UTF-8 byte written as a Go escape ("\n", "\x1b",
// "\u202e"). Paths and messages carry text from content; a diagnostic
// must stay one line and must not be able to move a terminal's cursor,
// colour it, or reorder what it shows.
func Printable(s string) string {
	if utf8.ValidString(s) && !strings.ContainsFunc(s, IsControl) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case IsControl(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
