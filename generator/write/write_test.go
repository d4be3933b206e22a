package write

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handbook/handbook/generator/cache"
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

// TestIncremental writes a site, then another over it: with the
// manifest the first left in the cache, or without a cache, comparing
// each file with the one there. Files that changed are moved into place
// (a page into a folder that was a file, a file where a folder was), the
// rest are left alone, files and folders no longer made go, and nothing
// is left beside the output folder. A write that is aborted leaves the
// site as it was.
func TestIncremental(t *testing.T) {
	t.Parallel()
	for _, withCache := range []bool{true, false} {
		dir := t.TempDir()
		out := filepath.Join(dir, "public")
		var c *cache.Cache
		if withCache {
			c = cache.Open(filepath.Join(dir, "cache"))
		}
		write := func(outs map[string]string, commit bool) *Site {
			t.Helper()
			w, err := Open(out, c)
			if err != nil {
				t.Fatal(err)
			}
			for p, data := range outs {
				if err := w.Put(render.Output{Path: p, Data: []byte(data)}); err != nil {
					t.Fatal(err)
				}
			}
			if !commit {
				w.Abort()
				return w
			}
			if err := w.Commit(); err != nil {
				t.Fatal(err)
			}
			return w
		}
		check := func(want map[string]string) {
			t.Helper()
			got := map[string]string{}
			filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
				if err != nil {
					t.Fatal(err)
				}
				rel, _ := filepath.Rel(out, p)
				switch {
				case p == dir || p == out || strings.HasPrefix(p, filepath.Join(dir, "cache")):
				case rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)):
					t.Errorf("left %s beside the output folder", p)
				case !d.IsDir():
					b, _ := os.ReadFile(p)
					got[filepath.ToSlash(rel)] = string(b)
				default:
					if entries, _ := os.ReadDir(p); len(entries) == 0 {
						t.Errorf("left the empty folder %s", p)
					}
				}
				return nil
			})
			if !maps.Equal(got, want) {
				t.Errorf("cache %v: output folder holds %v, want %v", withCache, got, want)
			}
		}

		first := map[string]string{
			"index.html":               "home",
			"updates/a/index.html":     "a",
			"updates/b/index.html":     "b",
			"tags/x":                   "a file where a folder goes next",
			"old/deep/page/index.html": "gone next",
		}
		if w := write(first, true); w.Incremental() {
			t.Fatal("the first write is incremental")
		}
		check(first)
		kept, err := os.Stat(filepath.Join(out, "updates", "a", "index.html"))
		if err != nil {
			t.Fatal(err)
		}

		next := map[string]string{
			"index.html":           "home, changed",
			"updates/a/index.html": "a",
			"updates/b/index.html": "b, changed",
			"updates/c/index.html": "c, new",
			"tags/x/index.html":    "a folder where a file was",
			"old":                  "a file where a folder was",
		}
		if w := write(next, false); !w.Incremental() {
			t.Fatal("the second write is not incremental")
		}
		check(first)
		w := write(next, true)
		if !w.Incremental() {
			t.Fatal("the second write is not incremental")
		}
		check(next)
		if len(w.moved) != 5 {
			t.Errorf("cache %v: moved %d files, want the 5 that changed", withCache, len(w.moved))
		}
		if now, err := os.Stat(filepath.Join(out, "updates", "a", "index.html")); err != nil || !os.SameFile(kept, now) {
			t.Errorf("cache %v: a file with the same bytes was written again", withCache)
		}
	}
}

// TestOverLinks writes a site without a cache over an output folder in
// which a folder is a link elsewhere: the link goes, as it would with the
// site swapped in whole, the site's file takes its place, and what the
// link led to is left alone.
func TestOverLinks(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	media := filepath.Join(dir, "media")
	for _, d := range []string{out, media} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(media, "x.css"), []byte("X"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(media, filepath.Join(out, "assets")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if err := Dir(out, []render.Output{{Path: "index.html", Data: []byte("home")}, {Path: "assets/x.css", Data: []byte("X")}}); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(filepath.Join(out, "assets")); err != nil || !info.IsDir() {
		t.Errorf("assets is not a folder after the write: %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(out, "assets", "x.css")); err != nil || string(b) != "X" {
		t.Errorf("assets/x.css = %q, %v; want X", b, err)
	}
	if b, err := os.ReadFile(filepath.Join(media, "x.css")); err != nil || string(b) != "X" {
		t.Errorf("the link's target changed: x.css = %q, %v", b, err)
	}
}

// TestOutDot writes into ".", which has no place beside it for the new
// folder: the write fails and leaves what the folder holds as it was.
func TestOutDot(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for p, data := range map[string]string{"index.html": "old", "notes/keep.txt": "a file of someone's"} {
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := Dir(".", []render.Output{{Path: "index.html", Data: []byte("new")}}); err == nil {
		t.Error("writing into . succeeded")
	}
	for p, want := range map[string]string{"index.html": "old", "notes/keep.txt": "a file of someone's"} {
		if b, err := os.ReadFile(p); err != nil || string(b) != want {
			t.Errorf("%s = %q, %v; want %q", p, b, err, want)
		}
	}
	if entries, _ := os.ReadDir("."); len(entries) != 2 {
		t.Errorf("the folder holds %d entries, want the 2 it had", len(entries))
	}
}
