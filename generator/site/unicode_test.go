package site

import "testing"

func TestCleanText(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{"Plain title", "Plain title"},
		{"Ünïcode, עברית, العربية", "Ünïcode, עברית, العربية"},
		{"keeps\ttabs\nand newlines", "keeps\ttabs\nand newlines"},
		{"bell\a nul\x00 esc\x1b[2J del\x7f c1\u0085", "bell nul esc[2J del c1"},
		{"invoice\u202efdp.exe", "invoicefdp.exe"},
		{"\u2067isolated\u2069 \u202aembedded\u202c \u200emark\u200f", "isolated embedded mark"},
		{"non\ufffecharacter\uffff", "noncharacter"},
	} {
		if got := CleanText(c.in); got != c.want {
			t.Errorf("CleanText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
