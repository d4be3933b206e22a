package content

import "testing"

func TestStatus(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ file, want string }{
		{"---\nstatus: Accepted\n---\n# X\n", "accepted"},
		{"---\nstatus: superseded by [ADR-0012](0012-x.md)\n---\n", "superseded"},
		{"---\ntitle: x\nstatus: On Track\n---\n", "on-track"},
		{"+++\nstatus = \"at_risk\"\n+++\n", "at-risk"},
		{";;;\n{\"status\": \"proposed\"}\n;;;\n", "proposed"},
		{"---\nhistory:\n  - {date: 2026-11-02, status: proposed}\n---\n", ""},
		{"# No front matter\n\nstatus: accepted\n", ""},
		{"---\nstatus: [a, b]\n---\n", ""},
		{"---\nstatus: x\n", ""}, // never closed
		{"---\n: bad: yaml\n---\n", ""},
	} {
		if got := Status([]byte(tc.file)); got != tc.want {
			t.Errorf("Status(%q) = %q, want %q", tc.file, got, tc.want)
		}
	}
}
