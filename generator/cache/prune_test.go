package cache

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestPrune checks that Prune removes the entries no Cache of the folder
// in this process used and no one wrote or used for a day, that an old
// entry used is marked as used now, that whatever is not an entry is left
// alone, and that Prune looks through the cache at most once an hour.
func TestPrune(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	c := Open(dir)
	now := time.Now()
	old := now.Add(-2 * pruneAge)
	// The program's hash, which Open keeps in the cache, is used: here
	// a program written a day ago.
	exe := filepath.Join(t.TempDir(), "handbook")
	other(t, exe, "a program", now.Add(-pruneAge))
	// As of an hour on: the program was written and changed before.
	stampedSalt(dir, exe, now.Add(time.Hour).UnixNano(), func() Key { return Sum([]byte("a program")) })
	salts, _ := filepath.Glob(filepath.Join(dir, "executable", "*", "*"))
	if len(salts) == 0 {
		t.Fatal("stampedSalt kept no hash")
	}
	// entry writes an entry as another process would, unseen by c.
	entry := func(name string, mtime time.Time) string {
		t.Helper()
		p := c.file("ns", c.key(Sum([]byte(name))))
		other(t, p, name, mtime)
		return p
	}
	written := Sum([]byte("written"))
	if !c.Put("ns", written, []byte("written")) {
		t.Fatal("Put failed")
	}
	writtenFile := c.file("ns", c.key(written))
	os.Chtimes(writtenFile, old, old)
	read := entry("read", old)
	if _, ok := c.Get("ns", Sum([]byte("read"))); !ok {
		t.Fatal("Get missed")
	}
	// Read through another Cache of the same folder.
	readElsewhere := entry("read elsewhere", old)
	if _, ok := Open(dir).Get("ns", Sum([]byte("read elsewhere"))); !ok {
		t.Fatal("Get missed")
	}
	for _, p := range salts {
		os.Chtimes(p, old, old)
	}
	stale := entry("stale", old)
	recent := entry("recent", now.Add(-time.Hour))
	notEntries := []string{filepath.Join(dir, "site", "0123456789abcdef.bin"), filepath.Join(filepath.Dir(stale), ".tmp-12345"), filepath.Join(dir, "ns", "not-hex", "0123")}
	for _, p := range notEntries {
		other(t, p, "x", old)
	}

	if n := c.Prune(now); n != 1 {
		t.Errorf("Prune removed %d entries, want 1", n)
	}
	for _, p := range slices.Concat([]string{writtenFile, read, readElsewhere, recent}, salts, notEntries) {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s: %v, want it kept", p, err)
		}
	}
	if _, err := os.Stat(stale); err == nil {
		t.Errorf("%s kept, want it removed: no one used it for two days", stale)
	}
	// An entry used that was marked long ago is marked as used now, for
	// another process's Prune.
	for _, p := range []string{read, readElsewhere} {
		if info, err := os.Stat(p); err == nil && now.Sub(info.ModTime()) > time.Minute {
			t.Errorf("%s used, but marked used %v ago", p, now.Sub(info.ModTime()))
		}
	}

	// Within the hour, Prune does not look again; an hour on, it does.
	stale = entry("stale again", old)
	if n := c.Prune(now.Add(time.Minute)); n != 0 {
		t.Errorf("a minute later, Prune removed %d entries, want 0", n)
	}
	if n := c.Prune(now.Add(pruneEvery + time.Minute)); n != 1 {
		t.Errorf("an hour later, Prune removed %d entries, want 1", n)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Errorf("%s kept an hour later", stale)
	}

	var none *Cache
	if n := none.Prune(now); n != 0 {
		t.Errorf("a nil cache pruned %d entries", n)
	}
}

// other writes the file p with data and the time mtime, as another
// process would.
func other(t *testing.T, p, data string, mtime time.Time) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p, mtime, mtime); err != nil {
		t.Fatal(err)
	}
}
