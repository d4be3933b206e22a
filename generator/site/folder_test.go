package site

import "testing"

// TestNumberPrefix: the number Docusaurus's names start with, and names
// that only look as if they did.
func TestNumberPrefix(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, rest string
		n          int
		ok         bool
	}{
		{"02-guides", "guides", 2, true},
		{"1_intro", "intro", 1, true},
		{"10. Deploy", "Deploy", 10, true},
		{"007 - bond", "bond", 7, true},
		{"999-last", "last", 999, true},
		{"0001-intro", "intro", 1, true},
		{"90-day-review", "day-review", 90, true}, // the section decides (see TestNumberedSections)
		{"100 days", "100 days", 0, false},        // no separator
		{"2024-plans", "2024-plans", 0, false},    // a year
		{"1.2-notes", "1.2-notes", 0, false},      // a version
		{"2026-11-24-dates", "2026-11-24-dates", 0, false},
		{"3d-printing", "3d-printing", 0, false}, // no separator
		{"404", "404", 0, false},
		{"12-", "12-", 0, false}, // nothing after it
		{"12--_x", "x", 12, true},
		{"01-_-", "01-_-", 0, false},
		{"guides", "guides", 0, false},
	} {
		rest, n, ok := NumberPrefix(tc.name)
		if rest != tc.rest || n != tc.n || ok != tc.ok {
			t.Errorf("NumberPrefix(%q) = %q, %d, %v, want %q, %d, %v", tc.name, rest, n, ok, tc.rest, tc.n, tc.ok)
		}
	}
	for _, tc := range []struct{ dir, want string }{
		{"handbook", "Handbook"},
		{"handbook/engineering-practices", "Engineering practices"},
		{"handbook/02-engineering-practices", "02 engineering practices"}, // the section decides
		{"handbook/2024-plans", "2024 plans"},
		{"handbook/v1.2", "V1.2"},
	} {
		if got := FolderTitle(tc.dir); got != tc.want {
			t.Errorf("FolderTitle(%q) = %q, want %q", tc.dir, got, tc.want)
		}
	}
}
