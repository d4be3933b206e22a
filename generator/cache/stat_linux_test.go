//go:build linux

package cache

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestStampsIn checks that a stamp read relative to its folder is the
// stamp StampOf makes of os.Lstat, for every kind of file and mode bit a
// content folder may hold: a snapshot written by one is compared with
// the other.
func TestStampsIn(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, mode os.FileMode) {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
	}
	write("page.md", 0o644)
	write("script.sh", 0o755)
	write("setuid", 0o755|os.ModeSetuid)
	write("setgid", 0o755|os.ModeSetgid)
	write("sticky", 0o644|os.ModeSticky)
	if err := os.Mkdir(filepath.Join(dir, "folder"), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("page.md", filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o600); err != nil {
		t.Fatal(err)
	}
	names := []string{"page.md", "script.sh", "setuid", "setgid", "sticky", "folder", "link", "fifo", "missing"}
	got, ok := StampsIn(dir, names)
	if !ok {
		t.Fatal("StampsIn could not read the folder")
	}
	for i, name := range names {
		want := Stamp{}
		if info, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			want = StampOf(info)
		}
		if got[i] != want {
			t.Errorf("%s: StampsIn = %+v, want %+v", name, got[i], want)
		}
		if name != "missing" && got[i] == (Stamp{}) {
			t.Errorf("%s: zero stamp", name)
		}
	}
	if _, ok := StampsIn(filepath.Join(dir, "missing"), names); ok {
		t.Error("StampsIn read a folder that does not exist")
	}
}
