package generator

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/handbook/handbook/generator/diag"
	"github.com/handbook/handbook/generator/sitetest"
)

// TestHostileFileNames builds content whose file and folder names a txtar
// archive cannot hold: invalid UTF-8, newlines, terminal escapes, bidi
// overrides. Each is an error, printed as one line with the name escaped,
// and the previous output is kept.
func TestHostileFileNames(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	sitetest.WriteFiles(t, content, map[string]string{
		"site.toml":                    "base_url = \"https://example.com/\"\n",
		"handbook/ok.md":               "# Page\n",
		"handbook/latin1-caf\xe9.md":   "# Page\n",
		"handbook/new\nline.md":        "# Page\n",
		"handbook/escape\x1b[2J.md":    "# Page\n",
		"handbook/invoice\u202egpj.md": "# Page\n",
		"handbook/bell\a/page.md":      "# Page\n",
		"handbook/static\x7f.png":      "png",
	})
	sitetest.WritePrevious(t, out)
	previous := sitetest.Tree(t, out)

	res, err := Build(context.Background(), Config{Content: content, Out: out, Layouts: filepath.Join(dir, "layouts"), Now: exampleNow})
	var list diag.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Build: err = %v, want content errors", err)
	}
	var got []string
	for _, d := range res.Diagnostics {
		got = append(got, strings.TrimPrefix(d.String(), dir+"/"))
	}
	want := []string{
		`content/handbook/bell\a: folder name contains the control character '\a'; rename the folder`,
		`content/handbook/escape\x1b[2J.md: file name contains the control character '\x1b'; rename the file`,
		`content/handbook/invoice\u202egpj.md: file name contains the control character '\u202e'; rename the file`,
		`content/handbook/latin1-caf\xe9.md: file name is not valid UTF-8; rename the file`,
		`content/handbook/new\nline.md: file name contains the control character '\n'; rename the file`,
		`content/handbook/static\x7f.png: file name contains the control character '\x7f'; rename the file`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if d := sitetest.Diff(previous, sitetest.Tree(t, out)); len(d) > 0 {
		t.Errorf("the failed build changed the previous output: %v", d)
	}
}

// TestRenderClashes checks that Render, which keeps the outputs in
// memory rather than writing them, finds content that would overwrite
// an output of the site as Build does, with the same diagnostics.
func TestRenderClashes(t *testing.T) {
	t.Parallel()
	ar, err := txtar.ParseFile("testdata/broken/overwrite.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	sitetest.Write(t, ar, dir)
	args := sitetest.ParseArgs(t, ar)
	cfg := Config{Content: filepath.Join(dir, "content"), Layouts: filepath.Join(dir, "layouts"), Out: filepath.Join(dir, "public"),
		Now: args.Now, Drafts: args.Drafts, BaseURL: args.BaseURL, Cache: ""}
	built, err := Build(context.Background(), cfg)
	if err == nil {
		t.Fatal("Build: no error, want the clashes")
	}
	rendered, _, err := Render(context.Background(), cfg)
	if err == nil {
		t.Fatal("Render: no error, want the clashes")
	}
	var want, got []string
	for _, d := range built.Diagnostics {
		want = append(want, d.String())
	}
	for _, d := range rendered.Diagnostics {
		got = append(got, d.String())
	}
	if !slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "would overwrite") }) || !slices.Equal(got, want) {
		t.Errorf("Render reported\n%s\nwant, as Build did,\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
