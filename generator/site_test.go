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
	"time"

	"golang.org/x/tools/txtar"

	"github.com/handbook/handbook/generator/diag"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/sites/*.txtar from the current output")

// TestSites builds each site in testdata/sites and compares the result with
// the archive's want sections:
//
//	-- args --                  build options: now=2026-11-25 drafts base-url=https://x/
//	-- content/... --           the site's files (and layouts/... overrides)
//	-- want/diagnostics --      "exit N" then every diagnostic, one per line
//	-- want/public/<path> --    an output file; for HTML only its <main> element
//
// Run with -update to rewrite the want sections from the current output.
func TestSites(t *testing.T) {
	files, err := filepath.Glob("testdata/sites/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test sites: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			cfg := Config{
				Content: filepath.Join(dir, "content"),
				Layouts: filepath.Join(dir, "layouts"),
				Out:     filepath.Join(dir, "public"),
				Now:     time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC),
			}
			if err := os.MkdirAll(cfg.Content, 0o755); err != nil {
				t.Fatal(err)
			}
			for _, f := range ar.Files {
				switch {
				case f.Name == "args":
					applyArgs(t, &cfg, string(f.Data))
				case strings.HasPrefix(f.Name, "content/"), strings.HasPrefix(f.Name, "layouts/"):
					p := filepath.Join(dir, filepath.FromSlash(f.Name))
					if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(p, f.Data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}

			res, err := Build(context.Background(), cfg)
			exit := 0
			if err != nil {
				var list diag.ErrorList
				if !errors.As(err, &list) {
					t.Fatalf("Build: %v", err)
				}
				exit = 1
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
					if err != nil {
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
		})
	}
}

func applyArgs(t *testing.T, cfg *Config, args string) {
	t.Helper()
	for _, a := range strings.Fields(args) {
		k, v, _ := strings.Cut(a, "=")
		switch k {
		case "now":
			now, err := time.Parse("2006-01-02", v)
			if err != nil {
				t.Fatalf("args: %v", err)
			}
			cfg.Now = now
		case "drafts":
			cfg.Drafts = true
		case "base-url":
			cfg.BaseURL = v
		default:
			t.Fatalf("args: unknown %q", a)
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
