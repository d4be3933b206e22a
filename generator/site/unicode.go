package site

import (
	"bytes"
	"strings"
	"unicode"

	"github.com/handbook/handbook/generator/diag"
)

// isWordRune reports whether r belongs in a slug or id: letters, digits,
// and the combining marks that scripts such as Devanagari and Tamil need
// inside words (NFC cannot fold them into the letter before).
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc)
}

// CleanText removes from s what must not reach a reader: control
// characters but tab and newline (XML 1.0 cannot even carry most of
// them), Unicode bidi formatting characters, which could make a title
// show something else than it says or reorder the text around it on a
// page, and the noncharacters U+FFFE and U+FFFF.
func CleanText(s string) string {
	if !strings.ContainsFunc(s, dropped) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if dropped(r) {
			return -1
		}
		return r
	}, s)
}

// HasDropped reports whether CleanText drops anything of b.
func HasDropped(b []byte) bool { return bytes.ContainsFunc(b, dropped) }

func dropped(r rune) bool {
	return r != '\t' && r != '\n' && diag.IsControl(r) || r == 0xfffe || r == 0xffff
}
