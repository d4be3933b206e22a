package render

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEscapeText(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"plain", "plain"},
		{`a,b;c\d`, `a\,b\;c\\d`},
		{"two\nlines", `two\nlines`},
		// A title cannot start a property or an event of its own.
		{"x\r\nBEGIN:VEVENT", `x\nBEGIN:VEVENT`},
		{"tab\there\x00\x07", "tab here"},
		{"bidi \u202eevil", "bidi evil"},
	} {
		if got := escapeText(tc.in); got != tc.want {
			t.Errorf("escapeText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFold(t *testing.T) {
	t.Parallel()
	for _, line := range []string{
		"SHORT:x",
		"SUMMARY:" + strings.Repeat("a", 67), // exactly 75 octets
		"SUMMARY:" + strings.Repeat("a", 200),
		"SUMMARY:" + strings.Repeat("é", 100),  // two octets each
		"SUMMARY:" + strings.Repeat("ab😀", 60), // four-octet runes at odd offsets
	} {
		got := fold(line)
		parts := strings.Split(got, "\r\n")
		for i, p := range parts {
			if len(p) > 75 || !utf8.ValidString(p) || i > 0 && p[0] != ' ' {
				t.Errorf("fold(%d octets): line %d is %q (%d octets)", len(line), i, p, len(p))
			}
		}
		if unfolded := strings.ReplaceAll(got, "\r\n ", ""); unfolded != line {
			t.Errorf("fold(%q) does not unfold to itself: %q", line, unfolded)
		}
		if len(line) <= 75 && got != line {
			t.Errorf("fold(%q) folded a short line", line)
		}
	}
}
