package content

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/handbook/handbook/generator/cache"
)

// TestSameStats checks the look a build with nothing to do takes instead
// of a walk (snapshot.sameStats): after each kind of change to the
// content folder it must see the change, and after a load has taken the
// changed folder in, see none again. A load asked to stop when nothing
// changed stops, without reading a folder, only when the content and the
// walk's problems are what the last full load found.
func TestSameStats(t *testing.T) {
	dir := stampedCopy(t)
	// Everything an hour old, again after each step: a change must not
	// look like the state the snapshot saw, even on a file system whose
	// clock ticks once a second.
	old := time.Now().Add(-time.Hour)
	backdate := func() {
		t.Helper()
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.Type()&fs.ModeSymlink != 0 {
				return err
			}
			return os.Chtimes(p, old, old)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	backdate()
	c := cache.Open(t.TempDir())
	later := func() time.Time { return time.Now().Add(time.Hour) }
	opts := Options{Dir: "content", Cache: c, Root: dir, clock: later}
	var last cache.Key // Result.Stop of the last full load, as a build records it
	load := func() {
		t.Helper()
		res, _ := Load(os.DirFS(dir), opts)
		last = res.Stop
	}
	same := func() bool {
		t.Helper()
		s := readSnapshot(c, "content")
		if s == nil {
			t.Fatal("no snapshot")
		}
		return s.sameStats(dir)
	}
	// stopping loads once, as a build with a record of the last one
	// does, and returns whether it stopped and how many folders it read.
	stopping := func() (bool, int64) {
		t.Helper()
		o := opts
		o.StopIfUnchanged = func(k cache.Key) bool { return k == last }
		fsys := &countingFS{FS: os.DirFS(dir)}
		res, _ := Load(fsys, o)
		return res.Unchanged, fsys.dirs.Load()
	}
	// step makes a change, and checks that sameStats sees it, that a
	// stopping load stops only when the content and the walk's problems
	// did not change (changed), and that after a full load sameStats
	// sees nothing again and a stopping load stops without a walk.
	step := func(name string, changed bool, change func()) {
		t.Helper()
		change()
		if same() {
			t.Errorf("%s: sameStats sees no change", name)
		}
		if stopped, _ := stopping(); stopped == changed {
			t.Errorf("%s: Unchanged = %v, want %v", name, stopped, !changed)
		}
		backdate()
		load()
		if !same() {
			t.Errorf("%s: sameStats sees a change after a load took it in", name)
		}
		if stopped, dirs := stopping(); !stopped || dirs != 0 {
			t.Errorf("%s, then nothing: Unchanged = %v after reading %d folders, want true after none", name, stopped, dirs)
		}
	}
	write := func(rel, data string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	load()
	if !same() {
		t.Fatal("sameStats sees a change with nothing changed")
	}
	if s := readSnapshot(c, "content"); len(s.dirs) < 8 || s.dirs[0] != "." {
		t.Fatalf("the snapshot holds folders %q, want the content folder first and every content folder", s.dirs)
	}
	page := filepath.Join(dir, "handbook", "rhythms", "time-zones.md")
	step("a file's bytes changed, its size and times kept", true, func() {
		data, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(page)
		if err != nil {
			t.Fatal(err)
		}
		write("handbook/rhythms/time-zones.md", strings.Replace(string(data), "e", "E", 1))
		if err := os.Chtimes(page, info.ModTime(), info.ModTime()); err != nil {
			t.Fatal(err)
		}
	})
	step("a page added to a nested folder", true, func() {
		write("handbook/rhythms/new-page.md", "---\ntitle: New page\n---\nText.\n")
	})
	step("an empty folder added", false, func() {
		if err := os.Mkdir(filepath.Join(dir, "handbook", "empty"), 0o755); err != nil {
			t.Fatal(err)
		}
	})
	step("a page added to that folder", true, func() {
		write("handbook/empty/page.md", "---\ntitle: In a new folder\n---\nText.\n")
	})
	step("a page renamed", true, func() {
		if err := os.Rename(filepath.Join(dir, "handbook", "empty", "page.md"), filepath.Join(dir, "handbook", "empty", "renamed.md")); err != nil {
			t.Fatal(err)
		}
	})
	step("a page removed", true, func() {
		if err := os.Remove(filepath.Join(dir, "handbook", "rhythms", "new-page.md")); err != nil {
			t.Fatal(err)
		}
	})
	step("a hidden file added", false, func() {
		write(".notes", "not content")
	})
	step("a symbolic link added, which the walk warns about", true, func() {
		if err := os.Symlink("time-zones.md", filepath.Join(dir, "handbook", "rhythms", "link.md")); err != nil {
			t.Fatal(err)
		}
	})
	step("site.toml edited", true, func() {
		data, err := os.ReadFile(filepath.Join(dir, ConfigFile))
		if err != nil {
			t.Fatal(err)
		}
		write(ConfigFile, strings.Replace(string(data), "Northwind Labs", "Northwind", 1))
	})
	step("an image added", true, func() {
		write("handbook/empty/diagram.png", "not really a PNG")
	})

	// A folder changed and changed back (an editor's swap file come and
	// gone): the load that finds nothing changed writes the index again,
	// so that the next one need not walk.
	write("handbook/.page.md.swp", "swap")
	if err := os.Remove(filepath.Join(dir, "handbook", ".page.md.swp")); err != nil {
		t.Fatal(err)
	}
	if stopped, _ := stopping(); !stopped {
		t.Error("a swap file come and gone: the load did not stop")
	}
	if stopped, dirs := stopping(); !stopped || dirs != 0 {
		t.Errorf("the load after it: Unchanged = %v after reading %d folders, want true after none", stopped, dirs)
	}

	// A folder the walk skips is not stamped: what changes in it is
	// not content.
	if err := os.Mkdir(filepath.Join(dir, ".drafts"), 0o755); err != nil {
		t.Fatal(err)
	}
	load()
	write(".drafts/idea.md", "---\ntitle: Idea\n---\n")
	if !same() {
		t.Error("a file added to a hidden folder: sameStats sees a change")
	}

	// A file the walk finds but leaves out of the snapshot (too large)
	// cannot be looked at without a walk: the snapshot keeps no folders.
	big := filepath.Join(dir, "handbook", "empty", "big.pdf")
	if err := os.WriteFile(big, make([]byte, MaxFileSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	load()
	if same() {
		t.Error("a file too large to read: sameStats sees no change")
	}
	if err := os.Truncate(big, 10); err != nil {
		t.Fatal(err)
	}
	if stopped, _ := stopping(); stopped {
		t.Error("a file too large to read, cut down in place: the load stopped")
	}

	// Without site.toml, the quick look still serves.
	if err := os.Remove(filepath.Join(dir, ConfigFile)); err != nil {
		t.Fatal(err)
	}
	load()
	if stopped, dirs := stopping(); !stopped || dirs != 0 {
		t.Errorf("no site.toml: Unchanged = %v after reading %d folders, want true after none", stopped, dirs)
	}
}

// TestSameStatsUnsettled checks what sameStats does with stamps too
// recent to trust, as a build just after one that added a page sees the
// page and its folder: it reads the folder's names and the page's bytes
// again, and sees no change only when both are as the snapshot has them.
func TestSameStatsUnsettled(t *testing.T) {
	dir := stampedCopy(t)
	// A build starting now looks settled at files changed more than
	// half a second before it.
	soon := func() time.Time { return time.Now().Add(time.Duration(cache.StampSlack) - 500*time.Millisecond) }
	time.Sleep(600 * time.Millisecond)
	c := cache.Open(t.TempDir())
	opts := Options{Dir: "content", Cache: c, Root: dir, clock: soon}
	Load(os.DirFS(dir), opts)
	page := "handbook/rhythms/new-page.md"
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(page)), []byte("---\ntitle: New page\n---\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	Load(os.DirFS(dir), opts)
	s := readSnapshot(c, "content")
	if s == nil {
		t.Fatal("no snapshot")
	}
	e, folder := s.files[page], slices.Index(s.dirs, "handbook/rhythms")
	if e == nil || folder < 0 {
		t.Fatalf("the snapshot has no %s or no folder handbook/rhythms", page)
	}
	if e.stamp.Settled(s.start) || s.dirStamps[folder].Settled(s.start) {
		t.Skip("the page just added, or its folder, looks settled: the load started more than half a second after the write")
	}
	if !s.sameStats(dir) {
		t.Error("nothing changed since the load: sameStats sees a change")
	}
	// As if the page, or the folder's names, had changed in the same
	// tick of the clock as the load looked at them: same stamps.
	sum := e.sum
	e.sum[0]++
	if s.sameStats(dir) {
		t.Error("a page too recent to trust, whose bytes are not what the snapshot has: sameStats sees no change")
	}
	e.sum = sum
	s.dirSums[folder][0]++
	if s.sameStats(dir) {
		t.Error("a folder too recent to trust, whose names are not what the snapshot has: sameStats sees no change")
	}
}

// stampedCopy returns a copy of the example content folder for a test of
// sameStats, which runs in parallel; it skips the test where folders are
// not stamped.
func stampedCopy(t *testing.T) string {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("folders are stamped on Linux only (cache.StampsIn)")
	}
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestUnwalked checks that a load after files' bytes changed, with no
// folder changed, takes its list of files from the snapshot instead of
// walking (loader.unwalked): it reads no folder, and gives what a load
// without a cache gives, documents in the same order. The names are such
// that path order and the walk's differ ("a-b.md" sorts before "a/"),
// and two files make one page, which the first in the walk's order
// keeps.
func TestUnwalked(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("folders are stamped on Linux only (cache.StampsIn)")
	}
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "content")
	for p, data := range map[string]string{
		ConfigFile:                    "title = \"T\"\n",
		"handbook/a.md":               "# A\n",
		"handbook/a-b.md":             "# A-b\n",
		"handbook/a/index.md":         "# A folder\n",
		"handbook/a/z.md":             "# Z\n",
		"handbook/a/b/c.md":           "# C\n",
		"handbook/a/logo.png":         "PNG",
		"handbook/a0/d.md":            "# D\n",
		"handbook/B.md":               "# B\n",
		"people/ana.md":               "---\nname: Ana\n---\n",
		"updates/2026-11-20-ana-x.md": "---\nauthor: ana\ndate: 2026-11-20\n---\nDone.\n",
	} {
		p = filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var walked []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			walked = append(walked, filepath.ToSlash(rel))
		}
		return err
	})
	sorted := slices.Clone(walked)
	slices.Sort(sorted)
	slices.SortFunc(sorted, walkOrder)
	if !slices.Equal(sorted, walked) {
		t.Errorf("walkOrder sorts %v, want the walk's %v", sorted, walked)
	}

	c := cache.Open(t.TempDir())
	later := func() time.Time { return time.Now().Add(time.Hour) }
	opts := Options{Dir: "content", Cache: c, Root: dir, clock: later}
	Load(os.DirFS(dir), opts)
	if err := os.WriteFile(filepath.Join(dir, "handbook", "a", "z.md"), []byte("# Z, edited\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fsys := &countingFS{FS: os.DirFS(dir)}
	got, gotDiags := Load(fsys, opts)
	if n := fsys.dirs.Load(); n != 0 {
		t.Errorf("the load after an edit read %d folders, want none", n)
	}
	want, wantDiags := Load(os.DirFS(dir), Options{Dir: "content", Root: dir})
	paths := func(r Result) []string {
		var ps []string
		for _, p := range r.Content.Pages {
			ps = append(ps, p.Path+" "+p.Title)
		}
		for _, u := range r.Content.Updates {
			ps = append(ps, u.Path)
		}
		for _, p := range r.Content.People {
			ps = append(ps, p.Path)
		}
		return ps
	}
	if g, w := paths(got), paths(want); !slices.Equal(g, w) {
		t.Errorf("documents %v, want %v", g, w)
	}
	if !slices.Equal(got.Static, want.Static) {
		t.Errorf("static files %v, want %v", got.Static, want.Static)
	}
	if got.Hash != want.Hash {
		t.Error("the content's hash differs from a load without a cache")
	}
	if g, w := fmt.Sprint(gotDiags), fmt.Sprint(wantDiags); g != w {
		t.Errorf("diagnostics %s, want %s", g, w)
	}
}
