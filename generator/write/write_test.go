package write

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handbook/handbook/generator/render"
)

// TestDirRefusesPathsOutside checks that no output path can name a file
// outside the output folder, or a second name for another output, and
// that a refused write leaves the previous folder and its surroundings as
// they were.
func TestDirRefusesPathsOutside(t *testing.T) {
	t.Parallel()
	for _, p := range []string{
		"../x", "../../etc/x", "/etc/x", "a/../../x", "a/../b", "./a", "a//b", "a/", "", ".", "..", "a/./b", "a\x00b/../../x",
	} {
		dir := t.TempDir()
		out := filepath.Join(dir, "site", "public")
		if err := os.MkdirAll(out, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, "index.html"), []byte("previous"), 0o644); err != nil {
			t.Fatal(err)
		}
		err := Dir(out, []render.Output{{Path: "index.html", Data: []byte("new")}, {Path: p, Data: []byte("escaped")}})
		if err == nil || !strings.Contains(err.Error(), "refusing to write") {
			t.Errorf("Dir with output %q: err = %v, want a refusal", p, err)
		}
		if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "previous" {
			t.Errorf("Dir with output %q changed the previous site: index.html = %q", p, b)
		}
		filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && path != filepath.Join(out, "index.html") {
				t.Errorf("Dir with output %q left %s", p, path)
			}
			return nil
		})
	}
}
