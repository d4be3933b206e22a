package cache

import (
	"os"
	"path/filepath"
	"sync"
	"time"
)

// A cache grows with every build that changes something: an edit leaves
// behind the entries of what it changed (a group's analysis, a bucket of
// the snapshot, a run of the export: 1.5 MB at 10,000 documents), and a
// new version of handbook leaves every entry of the last one, whose salt
// it does not share. Prune removes the entries no build has used for a
// while, so that the cache stays about the size of what one build uses.
//
// Each Cache of a folder notes the entries it reads or writes; Prune
// removes those of the folder no Cache of this process used and that
// were last written or used more than pruneAge ago, and marks those it
// used as used now. Another process using the cache at the same time
// loses nothing it needs: an entry it wrote or marked in the last
// pruneAge is kept, and a missing entry is a miss.

// pruneAge is how long an entry no build used is kept.
const pruneAge = 24 * time.Hour

// pruneEvery is how often Prune looks through the cache: looking at
// every entry takes a few milliseconds at 10,000 documents.
const pruneEvery = time.Hour

// uses holds, for each cache folder, the entries this process used.
var uses sync.Map // folder → *usage

type usage struct {
	mu    sync.Mutex
	files map[string]bool
}

func usageOf(dir string) *usage {
	u, _ := uses.LoadOrStore(dir, &usage{files: map[string]bool{}})
	return u.(*usage)
}

// use notes that the entry in file was read or written.
func (c *Cache) use(file string) {
	if c.usage == nil {
		return // the cache stampedSalt opens for itself
	}
	c.usage.mu.Lock()
	c.usage.files[file] = true
	c.usage.mu.Unlock()
}

// Prune removes the cache's entries that no Cache of the same folder in
// this process used and that were written or last marked used more than
// a day before now, unless the cache was pruned in the last hour. It
// reports how many entries it removed. Only entries are removed, the
// files Get and Put keep under a namespace's folder; other files in the
// cache's folder (see Dir) are left alone.
func (c *Cache) Prune(now time.Time) int {
	if c == nil {
		return 0
	}
	stamp := filepath.Join(c.dir, "pruned")
	if info, err := os.Stat(stamp); err == nil && now.Sub(info.ModTime()) < pruneEvery && info.ModTime().Before(now.Add(time.Minute)) {
		return 0
	}
	if err := os.WriteFile(stamp, nil, 0o644); err != nil {
		return 0 // a cache that cannot be written to does not grow
	}
	os.Chtimes(stamp, now, now)
	c.usage.mu.Lock()
	used := make(map[string]bool, len(c.usage.files))
	for f := range c.usage.files {
		used[f] = true
	}
	c.usage.mu.Unlock()

	removed := 0
	namespaces, _ := os.ReadDir(c.dir)
	for _, ns := range namespaces {
		if !ns.IsDir() {
			continue
		}
		shards, _ := os.ReadDir(filepath.Join(c.dir, ns.Name()))
		for _, shard := range shards {
			if !shard.IsDir() || !isHex(shard.Name(), 2) {
				continue
			}
			dir := filepath.Join(c.dir, ns.Name(), shard.Name())
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if !e.Type().IsRegular() || !isHex(e.Name(), 2*len(Key{})-2) {
					continue // a temporary file, or not an entry
				}
				info, err := e.Info()
				if err != nil || now.Sub(info.ModTime()) < pruneAge {
					continue
				}
				p := filepath.Join(dir, e.Name())
				if used[p] {
					os.Chtimes(p, now, now)
				} else if os.Remove(p) == nil {
					removed++
				}
			}
		}
	}
	return removed
}

// isHex reports whether s is n lower-case hexadecimal digits, as the
// names of entries and of their folders are (see file).
func isHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
