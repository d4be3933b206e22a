package gitinfo

import (
	"bytes"
	"context"
	"encoding/gob"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/handbook/handbook/generator/cache"
	"github.com/handbook/handbook/generator/site"
)

// A repository's history only grows: a build whose HEAD is where the last
// build's was reads the same log again, and one whose HEAD has moved on
// reads the same log with a few commits on top. Reading it is not cheap:
// git log --name-only compares the trees of each commit and its parent, and
// a folder of thousands of updates, each added by its own commit, makes
// that quadratic (8 s at 10,000 commits of 10,000 documents). ReadCached
// keeps the history in the build cache under HEAD's commit, and reads only
// the commits that HEAD gained since.
//
// Merging what the new commits say into what the old ones said gives what
// a whole read gives, because a whole read's rules do not depend on the
// order of the log (see parseLog): a file's last change is its latest, its
// creation its earliest, its statuses sorted by date. Only commits made in
// the same second as another change to the same file fall back on the
// log's order, which in a history with merges may differ between the two.

// historyNS is the cache namespace of histories, one entry per content
// folder.
const historyNS = "git-history"

// historyVersion changes with the layout of cachedHistory.
const historyVersion = 1

// logsRead counts the histories read from git, whole or in part, for
// tests.
var logsRead atomic.Int64

// cachedHistory is what the cache keeps of a History.
type cachedHistory struct {
	Version  int
	Head     string
	Key      cache.Key
	Files    map[string]Change
	Created  map[string]time.Time
	Statuses map[string][]site.Revision
}

// ReadCached is Read with the build cache c, which may be nil: with HEAD
// at the commit the cache's history was read at, it runs two short git
// commands and no log; with HEAD ahead of it, it reads the log of the new
// commits alone.
func ReadCached(ctx context.Context, dir string, c *cache.Cache) *History {
	// One git command for the common case: "false" and HEAD's commit.
	out, err := git(ctx, dir, "rev-parse", "--is-shallow-repository", "-q", "--verify", "HEAD")
	fields := strings.Fields(string(out))
	if err != nil || len(fields) != 2 {
		// No git, no repository, or no commit yet, which --verify -q
		// reports without a message.
		out, err := git(ctx, dir, "rev-parse", "--is-shallow-repository")
		switch {
		case err != nil:
			return &History{Err: err}
		case strings.TrimSpace(string(out)) == "true":
			return &History{Shallow: true}
		}
		return &History{Files: map[string]Change{}}
	}
	if fields[0] == "true" {
		return &History{Shallow: true}
	}
	head := fields[1]
	var entry cache.Key
	if abs, err := filepath.Abs(dir); err == nil && c != nil {
		entry = cache.NewHasher(historyNS).String(abs).Sum()
	} else {
		c = nil
	}
	old := readEntry(c, entry)
	if old != nil && old.head == head {
		return old
	}
	var h *History
	if old != nil && isAncestor(ctx, dir, old.head, head) {
		h, err = readLogs(ctx, dir, old.head+".."+head)
		if err == nil {
			h = old.merge(h)
		}
	} else {
		h, err = readLogs(ctx, dir, head)
	}
	if err != nil {
		return &History{Err: err}
	}
	h.head = head
	h.key = h.sum()
	if c != nil {
		var b bytes.Buffer
		if gob.NewEncoder(&b).Encode(cachedHistory{historyVersion, head, h.key, h.Files, h.Created, h.Statuses}) == nil {
			c.Put(historyNS, entry, b.Bytes())
		}
	}
	return h
}

// readEntry returns the history c keeps under entry, or nil.
func readEntry(c *cache.Cache, entry cache.Key) *History {
	data, ok := c.Get(historyNS, entry)
	if !ok {
		return nil
	}
	var e cachedHistory
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&e) != nil || e.Version != historyVersion || e.Head == "" {
		return nil
	}
	h := &History{Files: e.Files, Created: e.Created, Statuses: e.Statuses, head: e.Head, key: e.Key}
	// gob leaves out empty maps.
	if h.Files == nil {
		h.Files = map[string]Change{}
	}
	if h.Created == nil {
		h.Created = map[string]time.Time{}
	}
	if h.Statuses == nil {
		h.Statuses = map[string][]site.Revision{}
	}
	return h
}

// isAncestor reports whether the commit old is an ancestor of head, or
// head itself: whether head's history is old's with commits on top.
func isAncestor(ctx context.Context, dir, old, head string) bool {
	_, err := git(ctx, dir, "merge-base", "--is-ancestor", old, head)
	return err == nil
}

// merge adds to h, read from the cache, newer: the history of the
// commits HEAD gained since. It changes h's maps, and returns h.
func (h *History) merge(newer *History) *History {
	out := h
	for name, c := range newer.Files {
		if old, ok := out.Files[name]; !ok || !c.Time.Before(old.Time) {
			out.Files[name] = c
		}
	}
	for name, t := range newer.Created {
		if old, ok := out.Created[name]; !ok || t.Before(old) {
			out.Created[name] = t
		}
	}
	for name, revs := range newer.Statuses {
		// A whole read sorts the newest commits' revisions first among
		// those of the same date, as the log lists them.
		all := append(slices.Clone(revs), out.Statuses[name]...)
		slices.SortStableFunc(all, func(a, b site.Revision) int { return a.Date.Compare(b.Date) })
		out.Statuses[name] = all
	}
	return out
}
