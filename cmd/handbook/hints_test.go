package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHintsFollowLinks builds a finished site whose content folder is a
// symbolic link: it has documents, so no hint says it has none.
func TestHintsFollowLinks(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, map[string]string{"real/site.toml": "title = \"Acme\"\n", "real/handbook/index.md": "# Home\n"})
	if err := os.Symlink(filepath.Join(dir, "real"), filepath.Join(dir, "content")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	_, _, stderr := runCmd(t, "build", "--content", filepath.Join(dir, "content"), "--layouts", filepath.Join(dir, "none"),
		"--out", filepath.Join(dir, "public"), "--cache", "", "--now", "2026-11-25")
	if strings.Contains(stderr, "hint:") {
		t.Errorf("hints for a finished site in a linked folder:\n%s", stderr)
	}
}

// TestHints builds the sites a first build often meets and checks that
// stderr says what to do next, and that a finished site gets no hint.
func TestHints(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []string // each a hint line's part
	}{
		{"no content folder", map[string]string{"README.md": "# Docs\n"},
			[]string{"hint: there is no content folder at ", "start a new handbook with `handbook init "}},
		{"empty content folder", map[string]string{"content/.keep": ""},
			[]string{"/ has no site.toml", "`handbook init NEW-FOLDER`", "holds no documents yet", "`handbook new page --title \"Welcome\"`"}},
		{"an update without front matter", map[string]string{
			"content/site.toml":             "title = \"Acme\"\n",
			"content/updates/notes.md":      "# Monday\n\nShipped it.\n",
			"content/decisions/0001-x.md":   "# Use X\n\nWe use X.\n",
			"content/people/ana.md":         "---\nname: Ana\n---\n",
			"content/updates/2026-11-20.md": "---\nauthor: ana\ndate: 2026-13-01\n---\n",
		}, []string{
			"updates/notes.md has no front matter: `handbook new update` writes one",
			"Markdown without front matter belongs in ",
		}},
		{"an existing handbook copied in", map[string]string{
			"content/site.toml":          "title = \"Acme\"\n",
			"content/handbook/_index.md": "---\ntitle: Acme Handbook\n---\nHome.\n",
			"content/handbook/README.md": "# Acme docs\n\nOur docs.\n",
		}, []string{"has 2 landing pages, _index.md and README.md: keep one", "delete the _index.md that `handbook init` wrote"}},
		{"a finished site", map[string]string{"content/site.toml": "title = \"Acme\"\n", "content/handbook/index.md": "# Home\n"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := writeSite(t, tc.files)
			_, _, stderr := runCmd(t, "build", "--content", filepath.Join(dir, "content"), "--layouts", filepath.Join(dir, "none"),
				"--out", filepath.Join(dir, "public"), "--cache", "", "--now", "2026-11-25")
			var hints []string
			for _, l := range strings.Split(stderr, "\n") {
				if strings.HasPrefix(l, "hint: ") {
					hints = append(hints, l)
				}
			}
			all := strings.Join(hints, "\n")
			for _, w := range tc.want {
				if !strings.Contains(all, w) {
					t.Errorf("no hint says %q; stderr:\n%s", w, stderr)
				}
			}
			if tc.want == nil && len(hints) > 0 {
				t.Errorf("hints for a finished site:\n%s", all)
			}
			// Only the update without front matter gets a hint, not
			// the decision (its folder is named) nor the dated update
			// with a bad date.
			if strings.Contains(all, "2026-11-20.md") || strings.Count(all, "has no front matter") > 2 {
				t.Errorf("hints about documents with front matter:\n%s", all)
			}
		})
	}
	// check and serve say the same when there is no content folder.
	dir := t.TempDir()
	for _, args := range [][]string{{"check"}, {"serve", "--addr", "127.0.0.1:0"}} {
		_, _, stderr := runCmd(t, append(args, "--content", filepath.Join(dir, "content"))...)
		if !strings.Contains(stderr, "start a new handbook with `handbook init") {
			t.Errorf("handbook %s without content: stderr\n%s", args[0], stderr)
		}
	}
}
