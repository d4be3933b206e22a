package generator

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/handbook/handbook/generator/diag"
	"github.com/handbook/handbook/generator/sitetest"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/*/*.txtar from the current output")

// TestSites builds each site in testdata/sites and compares the result with
// the archive's want sections:
//
//	-- args --                  build options: now=2026-11-25 drafts base-url=https://x/
//	-- content/... --           the site's files (and layouts/... overrides);
//	                            see package sitetest for links, odd bytes, big files
//	-- want/diagnostics --      "exit N" then every diagnostic, one per line
//	-- want/public/<path> --    an output file; for HTML only its <main> element
//
// Run with -update to rewrite the want sections from the current output.
func TestSites(t *testing.T) { testArchives(t, "testdata/sites/*.txtar") }

// TestBroken builds each broken or hostile site in testdata/broken, in the
// same way as TestSites.
func TestBroken(t *testing.T) { testArchives(t, "testdata/broken/*.txtar") }

// testArchives builds every archive matching pattern. Besides the want
// sections it checks what every build must do: write nothing outside the
// output folder, and leave the previous output byte for byte as it was
// when the build fails.
func testArchives(t *testing.T, pattern string) {
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		t.Fatalf("no test sites match %s: %v", pattern, err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			testArchive(t, file)
		})
	}
}

func testArchive(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	// The site sits two folders down, so that a write escaping the
	// output folder with "../.." still lands where the test looks.
	top := t.TempDir()
	dir := filepath.Join(top, "a", "b")
	args := sitetest.ParseArgs(t, ar)
	cfg := Config{
		Content: filepath.Join(dir, "content"),
		Layouts: filepath.Join(dir, "layouts"),
		Out:     filepath.Join(dir, "public"),
		Now:     args.Now,
		Drafts:  args.Drafts,
		BaseURL: args.BaseURL,
	}
	if err := os.MkdirAll(cfg.Content, 0o755); err != nil {
		t.Fatal(err)
	}
	sitetest.Write(t, ar, dir)
	sitetest.WritePrevious(t, cfg.Out)
	outside := func() map[string]string {
		tr := sitetest.Tree(t, top)
		for p := range tr {
			if p == "a/b/public" || strings.HasPrefix(p, "a/b/public/") {
				delete(tr, p)
			}
		}
		return tr
	}
	outsideBefore, previous := outside(), sitetest.Tree(t, cfg.Out)

	res, err := Build(context.Background(), cfg)
	exit := 0
	if err != nil {
		var list diag.ErrorList
		if !errors.As(err, &list) {
			t.Fatalf("Build: %v", err)
		}
		exit = 1
	}
	if d := sitetest.Diff(outsideBefore, outside()); len(d) > 0 {
		t.Errorf("the build changed files outside the output folder: %v", d)
	}
	if d := sitetest.Diff(previous, sitetest.Tree(t, cfg.Out)); exit != 0 && len(d) > 0 {
		t.Errorf("the failed build changed the previous output: %v", d)
	}

	var diags bytes.Buffer
	fmt.Fprintf(&diags, "exit %d\n", exit)
	for _, d := range res.Diagnostics {
		diags.WriteString(strings.ReplaceAll(d.String(), dir+string(filepath.Separator), "") + "\n")
	}

	changed := false
	for i, f := range ar.Files {
		var got []byte
		switch {
		case f.Name == "want/diagnostics":
			got = diags.Bytes()
		case strings.HasPrefix(f.Name, "want/public/"):
			rel := strings.TrimPrefix(f.Name, "want/public/")
			data, err := os.ReadFile(filepath.Join(cfg.Out, filepath.FromSlash(rel)))
			if err != nil || exit != 0 {
				got = []byte("missing\n")
			} else {
				got = mainElement(rel, data)
			}
		default:
			continue
		}
		if bytes.Equal(got, f.Data) {
			continue
		}
		if *update {
			ar.Files[i].Data = got
			changed = true
			continue
		}
		t.Errorf("%s differs (run go test -update to accept):\n--- got\n%s\n--- want\n%s", f.Name, got, f.Data)
	}
	if changed {
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// mainElement returns the <main> element of an HTML page, which holds
// what the page is about; the frame around it is tested once, elsewhere.
// Other files are returned whole.
func mainElement(name string, data []byte) []byte {
	if !strings.HasSuffix(name, ".html") {
		return data
	}
	start := bytes.Index(data, []byte("<main"))
	end := bytes.Index(data, []byte("</main>"))
	if start < 0 || end < start {
		return data
	}
	return append(bytes.Clone(data[start:end+len("</main>")]), '\n')
}
