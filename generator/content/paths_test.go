package content

import "testing"

func TestURL(t *testing.T) {
	t.Parallel()
	tests := []struct{ rel, want string }{
		// The handbook keeps its folders; landing pages are the folder.
		{"handbook/index.md", "/handbook/"},
		{"handbook/_index.md", "/handbook/"},
		{"handbook/README.md", "/handbook/"},
		{"handbook/readme.md", "/handbook/"},
		{"handbook/Index.md", "/handbook/"},
		{"handbook/rhythms/_index.md", "/handbook/rhythms/"},
		{"handbook/rhythms/index.md", "/handbook/rhythms/"},
		{"handbook/rhythms/README.md", "/handbook/rhythms/"},
		{"handbook/rhythms/weekly.md", "/handbook/rhythms/weekly/"},
		{"handbook/rhythms/Time Off.md", "/handbook/rhythms/time-off/"},
		{"handbook/Nested/Deep Folder/Page.MD", "/handbook/nested/deep-folder/page/"},
		{"handbook/a/b/c/index.md", "/handbook/a/b/c/"},
		{"handbook/Ünïcode Page.md", "/handbook/ünïcode-page/"},
		{"handbook/日本語/ページ.md", "/handbook/日本語/ページ/"},
		{"handbook/Q&A (FAQ).md", "/handbook/q-a-faq/"},
		{"handbook/notes.markdown", "/handbook/notes/"},
		{"handbook/v1.2.md", "/handbook/v1-2/"},
		// Segments that slug to nothing are dropped: no empty segments.
		{"handbook/!!!/page.md", "/handbook/page/"},
		{"handbook/../../etc/passwd.md", "/handbook/etc/passwd/"},
		// Other kinds are flat, named by their file.
		{"updates/2026-11-20-ana-search-shards.md", "/updates/2026-11-20-ana-search-shards/"},
		{"updates/2026/2026-11-20-x.md", "/updates/2026-11-20-x/"},
		{"updates/2026/11/Big News.md", "/updates/big-news/"},
		{"decisions/0007-Use Postgres.md", "/decisions/0007-use-postgres/"},
		{"objectives/Q4 Faster Sync.md", "/objectives/q4-faster-sync/"},
		{"people/ana.md", "/people/ana/"},
		{"people/Ana Souza.md", "/people/ana-souza/"},
		{"people/zoë.md", "/people/zoë/"},
		{"teams/core.md", "/teams/core/"},
		{"updates/index.md", "/updates/index/"}, // only the handbook has landing pages
	}
	for _, tt := range tests {
		if got := URL(tt.rel); got != tt.want {
			t.Errorf("URL(%q) = %q, want %q", tt.rel, got, tt.want)
		}
	}
}

func TestID(t *testing.T) {
	t.Parallel()
	tests := []struct{ rel, want string }{
		{"people/ana.md", "ana"},
		{"people/Ana Souza.md", "ana-souza"},
		{"people/ana.souza.md", "ana-souza"},
		{"people/ANA.md", "ana"},
		{"people/zoë.md", "zoë"},
		{"teams/Core_Platform.md", "core-platform"},
		{"decisions/0007-use-postgres.md", "0007-use-postgres"},
		{"decisions/sub/0007 Use Postgres.markdown", "0007-use-postgres"},
		{"objectives/faster-sync.md", "faster-sync"},
		{"updates/2026/2026-11-20-x.md", "2026-11-20-x"},
		{"people/!!!.md", ""},
		{"people/@[`{.md", ""},
		{"people/\u0301.md", ""},
		{"people/e\u0301.md", "é"},
		{"people/\u0301e.md", "e"},
		{"people/１.md", "１"},
	}
	for _, tt := range tests {
		if got := ID(tt.rel); got != tt.want {
			t.Errorf("ID(%q) = %q, want %q", tt.rel, got, tt.want)
		}
		if got := hasID(tt.rel); got != (tt.want != "") {
			t.Errorf("hasID(%q) = %v, want %v", tt.rel, got, tt.want != "")
		}
	}
}

func TestIsSection(t *testing.T) {
	t.Parallel()
	tests := []struct {
		rel  string
		want bool
	}{
		{"handbook/index.md", true},
		{"handbook/a/_index.md", true},
		{"handbook/a/README.md", true},
		{"handbook/a/Readme.md", true},
		{"handbook/a/INDEX.MD", true},
		{"handbook/a/index.markdown", false},
		{"handbook/a/indexes.md", false},
		{"handbook/a/my_index.md", false},
	}
	for _, tt := range tests {
		if got := isSection(tt.rel); got != tt.want {
			t.Errorf("isSection(%q) = %v, want %v", tt.rel, got, tt.want)
		}
	}
}

func TestHumanize(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"time-off", "Time off"},
		{"time-off.md", "Time off"},
		{"on_call", "On call"},
		{"  spaced -- out  ", "Spaced out"},
		{"über-async", "Über async"},
		{"README", "README"},
		{"", ""},
		{"---", ""},
	}
	for _, tt := range tests {
		if got := humanize(tt.in); got != tt.want {
			t.Errorf("humanize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeBaseURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"", "/", true},
		{"/", "/", true},
		{" https://x.example ", "https://x.example/", true},
		{"https://x.example/handbook", "https://x.example/handbook/", true},
		{"http://localhost:1313/", "http://localhost:1313/", true},
		{"ftp://x.example/", "", false},
		{"x.example/handbook", "", false},
		{"/handbook/", "", false},
		{"https://", "", false},
		{"https://x.example/?a=1", "", false},
		{"https://x.example/#top", "", false},
	}
	for _, tt := range tests {
		got, err := NormalizeBaseURL(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("NormalizeBaseURL(%q) = %q, %v, want %q (ok %v)", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

// TestBadNames loads names no file system on Linux holds (NUL) or that a
// txtar archive cannot: each is an error, and no document is made of it.
func TestBadNames(t *testing.T) {
	t.Parallel()
	res, diags := load(t, map[string]string{
		"handbook/ok.md":         "# OK\n",
		"handbook/nul\x00.md":    "# NUL\n",
		"handbook/dir\x00/x.md":  "# In a folder\n",
		"updates/\xff\xfe.md":    "---\nauthor: ana\ndate: 2026-11-20\n---\n",
		"handbook/cr\rname.md":   "# CR\n",
		"handbook/---/a.md":      "# Dashes\n",
		"handbook/\u2066rtl.png": "png",
	}, Options{})
	wantDiags(t, diags,
		`content/handbook/---: folder name "---" has no letter or digit to make a URL from; rename the folder`,
		`content/handbook/cr\rname.md: file name contains the control character '\r'; rename the file`,
		`content/handbook/dir\x00: folder name contains the control character '\x00'; rename the folder`,
		`content/handbook/nul\x00.md: file name contains the control character '\x00'; rename the file`,
		`content/handbook/\u2066rtl.png: file name contains the control character '\u2066'; rename the file`,
		`content/updates/\xff\xfe.md: file name is not valid UTF-8; rename the file`,
	)
	if n := len(res.Content.Pages) + len(res.Content.Updates) + len(res.Content.People); n != 1 || len(res.Static) != 0 {
		t.Errorf("%d documents and %d static files loaded, want only handbook/ok.md", n, len(res.Static))
	}
}
