package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/handbook/handbook/generator/cache"
)

// TestSameStats checks the look a build with nothing to do takes instead
// of a walk (snapshot.sameStats): after each kind of change to the
// content folder it must see the change, and after a load has taken the
// changed folder in, see none again. Loads with StopIfUnchanged agree
// with a full look at every file.
func TestSameStats(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("folders are stamped on Linux only (cache.StampsIn)")
	}
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	// Everything an hour old: a change in the next clock tick must not
	// look like the state the snapshot saw.
	old := time.Now().Add(-time.Hour)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Chtimes(p, old, old)
	})
	if err != nil {
		t.Fatal(err)
	}
	c := cache.Open(t.TempDir())
	later := func() time.Time { return time.Now().Add(time.Hour) }
	opts := Options{Dir: "content", Cache: c, Root: dir, clock: later}
	same := func() bool {
		t.Helper()
		s := readSnapshot(c, "content")
		if s == nil {
			t.Fatal("no snapshot")
		}
		return s.sameStats(dir)
	}
	// step makes a change, and checks that sameStats sees it, that a
	// load stopping when nothing changed stops only when the content
	// did not (changed), and that after that load sameStats sees
	// nothing again.
	step := func(name string, changed bool, change func()) {
		t.Helper()
		change()
		if same() {
			t.Errorf("%s: sameStats sees no change", name)
		}
		o := opts
		o.StopIfUnchanged = func(cache.Key) bool { return true }
		if res, _ := Load(os.DirFS(dir), o); res.Unchanged == changed {
			t.Errorf("%s: Unchanged = %v, want %v", name, res.Unchanged, !changed)
		}
		Load(os.DirFS(dir), opts)
		if !same() {
			t.Errorf("%s: sameStats sees a change after a load took it in", name)
		}
	}
	write := func(rel, data string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	Load(os.DirFS(dir), opts)
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

	// A folder the walk skips is not stamped: what changes in it is
	// not content.
	if err := os.Mkdir(filepath.Join(dir, ".drafts"), 0o755); err != nil {
		t.Fatal(err)
	}
	Load(os.DirFS(dir), opts)
	write(".drafts/idea.md", "---\ntitle: Idea\n---\n")
	if !same() {
		t.Error("a file added to a hidden folder: sameStats sees a change")
	}
}
