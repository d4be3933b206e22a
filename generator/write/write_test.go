package write

import (
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
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

// firstSite and nextSite are two builds of a site: the second changes,
// adds and removes files, makes new folders, and puts a folder where a
// file was and a file where a folder was.
var (
	firstSite = map[string]string{
		"index.html":               "home",
		"updates/a/index.html":     "a",
		"updates/b/index.html":     "b",
		"tags/x":                   "a file where a folder goes next",
		"old/deep/page/index.html": "gone next",
		"api/site.json":            `{"kept": "the same bytes"}`,
		"api/updates.json":         `{"updates": []}`,
	}
	nextSite = map[string]string{
		"index.html":           "home, changed",
		"updates/a/index.html": "a",
		"updates/b/index.html": "b, changed",
		"updates/c/index.html": "c, new",
		"new/deep/index.html":  "in new folders",
		"tags/x/index.html":    "a folder where a file was",
		"old":                  "a file where a folder was",
		"api/site.json":        `{"kept": "the same bytes"}`,
		"api/updates.json":     `{"updates": ["changed"]}`,
	}
)

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
			w := put(t, out, c, outs)
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

		first, next := firstSite, nextSite
		if w := write(first, true); w.Incremental() {
			t.Fatal("the first write is incremental")
		}
		check(first)
		kept, err := os.Stat(filepath.Join(out, "updates", "a", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		keptParts, err := os.Stat(filepath.Join(out, "api", "site.json"))
		if err != nil {
			t.Fatal(err)
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
		if len(w.moved) != 7 {
			t.Errorf("cache %v: moved %d files, want the 7 that changed", withCache, len(w.moved))
		}
		if now, err := os.Stat(filepath.Join(out, "updates", "a", "index.html")); err != nil || !os.SameFile(kept, now) {
			t.Errorf("cache %v: a file with the same bytes was written again", withCache)
		}
		if now, err := os.Stat(filepath.Join(out, "api", "site.json")); err != nil || !os.SameFile(keptParts, now) {
			t.Errorf("cache %v: a file of parts with the same bytes was written again", withCache)
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

// TestFailedUpdateUndone makes an incremental write fail after it has
// removed, added and replaced files in the output folder, made folders
// and removed empty ones, and checks that the output folder is put back
// exactly as it was, that nothing is left beside it, and that with a
// cache the next write is incremental again. A write with a cache fails
// on a folder of someone's where a file goes, or where the site had a
// file (which is never removed); every write fails on the last of its
// files to be moved in, whichever that is, once with a folder that is a
// link elsewhere (which comes back as that link).
func TestFailedUpdateUndone(t *testing.T) {
	first, next := firstSite, nextSite
	for _, tc := range []struct {
		name      string
		withCache bool
		blocked   bool // a folder of someone's where next puts a file
		stale     bool // a folder of someone's where the site had a file
		link      bool // a folder that is a link elsewhere, holding a stale file
	}{
		{"cache, blocked", true, true, false, false},
		{"cache, someone's folder at a stale path", true, false, true, false},
		{"cache, last move fails", true, false, false, false},
		{"cache, a linked folder, last move fails", true, false, false, true},
		{"no cache, last move fails", false, false, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "public")
			var c *cache.Cache
			if tc.withCache {
				c = cache.Open(filepath.Join(dir, "cache"))
			}
			write := func(outs map[string]string) (*Site, error) {
				t.Helper()
				w := put(t, out, c, outs)
				return w, w.Commit()
			}
			if _, err := write(first); err != nil {
				t.Fatal(err)
			}
			outs := maps.Clone(next)
			if tc.blocked {
				// Below the top of the output folder, whose change
				// would make the manifest untrusted.
				outs["updates/z"] = "a file where someone's folder is"
				if err := os.MkdirAll(filepath.Join(out, "updates", "z"), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(out, "updates", "z", "notes.txt"), []byte("someone's"), 0o644); err != nil {
					t.Fatal(err)
				}
			} else if tc.stale {
				// Below the top of the output folder, as above.
				p := filepath.Join(out, "old", "deep", "page", "index.html")
				if err := os.Remove(p); err != nil {
					t.Fatal(err)
				}
				if err := os.MkdirAll(p, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(p, "notes.txt"), []byte("someone's"), 0o644); err != nil {
					t.Fatal(err)
				}
			} else {
				if tc.link {
					elsewhere := filepath.Join(dir, "elsewhere")
					if err := os.Rename(filepath.Join(out, "old", "deep"), elsewhere); err != nil {
						t.Fatal(err)
					}
					if err := os.Symlink(elsewhere, filepath.Join(out, "old", "deep")); err != nil {
						t.Skipf("no symbolic links here: %v", err)
					}
				}
				var moves atomic.Int64
				const fail = 5 // next changes 5 files besides the one kept
				rename = func(from, to string) error {
					if moves.Add(1) == fail {
						return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EIO}
					}
					return os.Rename(from, to)
				}
				t.Cleanup(func() { rename = os.Rename })
			}
			before := tree(t, dir)
			if _, err := write(outs); err == nil {
				t.Fatal("the write did not fail")
			}
			if after := tree(t, dir); !maps.Equal(after, before) {
				t.Errorf("after the failed write the folder holds\n%v\nwant as before\n%v", after, before)
			}
			switch {
			case tc.blocked:
				os.RemoveAll(filepath.Join(out, "updates", "z"))
			case tc.stale:
				os.RemoveAll(filepath.Join(out, "old", "deep", "page", "index.html"))
			default:
				rename = os.Rename
			}
			w, err := write(next)
			if err != nil {
				t.Fatal(err)
			}
			if tc.withCache && w.prev == nil {
				t.Error("the failed write left no manifest: the next one compared every file")
			}
			if !tc.link && len(w.moved) != 7 {
				t.Errorf("the write after the failed one moved %d files, want the 7 that changed since the first", len(w.moved))
			}
			want := map[string]string{}
			for p, data := range next {
				want["public/"+p] = data
			}
			got := tree(t, dir)
			for p := range got {
				if strings.HasSuffix(p, "/") {
					delete(got, p)
				}
			}
			if !maps.Equal(got, want) {
				t.Errorf("after the next write the folder holds\n%v\nwant\n%v", got, want)
			}
		})
	}
}

// tree returns what the folder dir holds, the cache left out: each
// file's bytes, and each folder as "", by slash path relative to dir
// with a "/" at the end.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if rel == "cache" {
			return filepath.SkipDir
		}
		if d.Type()&fs.ModeSymlink != 0 {
			target, err := os.Readlink(p)
			got[rel] = "-> " + target
			return err
		}
		if d.IsDir() {
			got[rel+"/"] = ""
			return nil
		}
		b, err := os.ReadFile(p)
		got[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// put opens a write into out and puts outs, by path.
func put(t *testing.T, out string, c *cache.Cache, outs map[string]string) *Site {
	t.Helper()
	w, err := Open(out, c)
	if err != nil {
		t.Fatal(err)
	}
	for p, data := range outs {
		o := render.Output{Path: p, Data: []byte(data)}
		if path.Ext(p) == ".json" {
			// Written from parts, as the JSON export is.
			o.Data, o.Parts = nil, [][]byte{[]byte(data[:3]), nil, []byte(data[3:])}
		}
		if err := w.Put(o); err != nil {
			t.Fatal(err)
		}
	}
	return w
}
