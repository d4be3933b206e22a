package cache

import (
	"os"
	"path/filepath"
	"sync"
	"time"
)

// A cache grows with every build that changes something: an edit leaves
// behind the entries of what it changed (a group's analysis, a run of
// the export: five edits at 10,000 documents left 1.3 MB), and a new
// version of handbook leaves every entry of the last one, whose salt it
// does not share (79 MB at 10,000 documents). Prune removes the entries
// no build has used for a while, so that the cache stays about the size
// of what one build uses.
//
// Each Cache of a folder notes the entries it reads or writes, and marks
// an entry as used now (its time of change) when it finds it marked more
// than half of pruneAge ago; Prune removes the entries of the folder no
// Cache of this process used and that were last written or marked more
// than pruneAge ago. So an entry any process, of any version, uses at
// least once in pruneAge/2 is kept; one that a long-running process
// holds without reading it again may go, and is then a miss (at worst,
// a build whose search index finds an analysis it was reading gone, and
// asks to be run again).

// pruneAge is how long an entry no build used is kept.
const pruneAge = 24 * time.Hour

// pruneEvery is how often Prune looks through the cache: looking at
// every entry took 18 ms for the 4,300 of a cache of 10,000 documents
// kept across five versions, and 65 ms for one of 100,000 documents.
const pruneEvery = time.Hour

// uses holds, for each cache folder, the entries this process used.
var uses sync.Map // folder → *usage

type usage struct {
	mu sync.Mutex
	// files holds when each entry used was last looked at to be marked.
	files map[string]time.Time
}

func usageOf(dir string) *usage {
	u, _ := uses.LoadOrStore(dir, &usage{files: map[string]time.Time{}})
	return u.(*usage)
}

// use notes that the entry in file was read or written, and marks it as
// used now if it was marked more than half of pruneAge ago: once per
// entry in that time, a stat and, for an entry that old, a change of its
// time.
func (c *Cache) use(file string) {
	now := time.Now()
	c.usage.mu.Lock()
	last, seen := c.usage.files[file]
	look := !seen || now.Sub(last) > pruneAge/2
	if look {
		c.usage.files[file] = now
	}
	c.usage.mu.Unlock()
	if look {
		if info, err := os.Stat(file); err == nil && now.Sub(info.ModTime()) > pruneAge/2 {
			os.Chtimes(file, now, now)
		}
	}
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
	// Entries used are marked as they are used (see use), so that
	// another process's Prune keeps them too.

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
				if !used[p] && os.Remove(p) == nil {
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
