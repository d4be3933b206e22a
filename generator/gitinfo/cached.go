package gitinfo

import (
	"bytes"
	"context"
	"encoding/gob"
	"fmt"
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
// git log compares the trees of each commit and its parent, and a folder
// of thousands of documents, each added by its own commit, makes that
// quadratic (seconds at 10,000 commits). ReadCached and RenamesCached keep
// what they read in the build cache under HEAD's commit, and read only
// the commits that HEAD gained since (see readLog).
//
// Merging what the new commits say into what the old ones said gives what
// a whole read gives, because a whole read's rules do not depend on the
// order of the log (see parseLog): a file's last change is its latest, its
// creation its earliest, its statuses sorted by date, and its newest
// rename wins. Only commits made in the same second as another change to
// the same file fall back on the log's order, which in a history with
// merges may differ between the two.

// Cache namespaces, one entry per content folder in each, and the
// version of their entries' layout.
const (
	historyNS  = "git-history"
	renamesNS  = "git-renames"
	logVersion = 1
)

// logsRead counts the logs read from git, whole or in part, for tests.
var logsRead atomic.Int64

// logEntry is what the cache keeps of a log read up to the commit Head.
type logEntry[T any] struct {
	Version int
	Head    string
	Value   T
}

// readLog returns what read makes of the history of HEAD's commit in the
// folder dir, kept in c (which may be nil) under the namespace ns:
// with commit where the cache's entry was read, the entry; with commit ahead
// of it, the entry and what read makes of the new commits (old..commit),
// joined by merge, which may change the entry's value; else read(commit).
func readLog[T any](ctx context.Context, dir, commit string, c *cache.Cache, ns string, read func(rev string) (T, error), merge func(old, newer T) T) (T, error) {
	var key cache.Key
	if abs, err := filepath.Abs(dir); err == nil && c != nil {
		key = cache.NewHasher(ns).String(abs).Sum()
	} else {
		c = nil
	}
	var old logEntry[T]
	if data, ok := c.Get(ns, key); ok {
		if gob.NewDecoder(bytes.NewReader(data)).Decode(&old) != nil || old.Version != logVersion {
			old = logEntry[T]{}
		}
	}
	if old.Head == commit {
		return old.Value, nil
	}
	logsRead.Add(1)
	var v T
	var err error
	if old.Head != "" && isAncestor(ctx, dir, old.Head, commit) {
		if v, err = read(old.Head + ".." + commit); err == nil {
			v = merge(old.Value, v)
		}
	} else {
		v, err = read(commit)
	}
	if err != nil {
		return v, err
	}
	var b bytes.Buffer
	if c != nil && gob.NewEncoder(&b).Encode(logEntry[T]{logVersion, commit, v}) == nil {
		c.Put(ns, key, b.Bytes())
	}
	return v, nil
}

// head returns HEAD's commit in the repository of dir and whether the
// clone is shallow, with one git command. A repository without a commit
// yet has an empty commit and no error: --verify -q fails on it without
// a message, after the shallow flag is printed.
func head(ctx context.Context, dir string) (commit string, shallow bool, err error) {
	out, err := git(ctx, dir, "rev-parse", "--is-shallow-repository", "-q", "--verify", "HEAD")
	fields := strings.Fields(string(out))
	switch {
	case err == nil && len(fields) == 2:
		return fields[1], fields[0] == "true", nil
	case len(fields) == 1 && (fields[0] == "true" || fields[0] == "false"):
		return "", fields[0] == "true", nil
	case err == nil:
		return "", false, fmt.Errorf("git rev-parse: unexpected output %q", out)
	}
	return "", false, err
}

// isAncestor reports whether the commit old is an ancestor of head, or
// head itself: whether head's history is old's with commits on top.
func isAncestor(ctx context.Context, dir, old, head string) bool {
	_, err := git(ctx, dir, "merge-base", "--is-ancestor", old, head)
	return err == nil
}

// historyLog is what ReadCached keeps of a History.
type historyLog struct {
	Files    map[string]Change
	Created  map[string]time.Time
	Statuses map[string][]site.Revision
	Key      cache.Key
}

// ReadCached is Read with the build cache c, which may be nil: with HEAD
// at the commit the cache's history was read at, it runs one short git
// command and no log; with HEAD ahead of it, it reads the log of the new
// commits alone.
func ReadCached(ctx context.Context, dir string, c *cache.Cache) *History {
	commit, shallow, err := head(ctx, dir)
	switch {
	case err != nil:
		return &History{Err: err}
	case shallow:
		return &History{Shallow: true}
	case commit == "":
		return &History{Files: map[string]Change{}}
	}
	read := func(rev string) (historyLog, error) {
		h, err := readLogs(ctx, dir, rev)
		if err != nil {
			return historyLog{}, err
		}
		return historyLog{h.Files, h.Created, h.Statuses, h.sum()}, nil
	}
	l, err := readLog(ctx, dir, commit, c, historyNS, read, mergeHistory)
	if err != nil {
		return &History{Err: err}
	}
	l = l.withMaps()
	return &History{Files: l.Files, Created: l.Created, Statuses: l.Statuses, key: l.Key}
}

// withMaps returns l with an empty map for each that gob, which leaves
// out empty maps, decoded as nil.
func (l historyLog) withMaps() historyLog {
	if l.Files == nil {
		l.Files = map[string]Change{}
	}
	if l.Created == nil {
		l.Created = map[string]time.Time{}
	}
	if l.Statuses == nil {
		l.Statuses = map[string][]site.Revision{}
	}
	return l
}

// mergeHistory adds to old newer, the history of the commits HEAD gained
// since old was read, and returns it with its key. It changes old's maps.
func mergeHistory(old, newer historyLog) historyLog {
	old = old.withMaps()
	out := History{Files: old.Files, Created: old.Created, Statuses: old.Statuses}
	for name, c := range newer.Files {
		if o, ok := out.Files[name]; !ok || !c.Time.Before(o.Time) {
			out.Files[name] = c
		}
	}
	for name, t := range newer.Created {
		if o, ok := out.Created[name]; !ok || t.Before(o) {
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
	return historyLog{out.Files, out.Created, out.Statuses, out.sum()}
}

// RenamesCached is Renames with the build cache c, which may be nil, as
// ReadCached is Read.
func RenamesCached(ctx context.Context, dir string, c *cache.Cache) map[string]Rename {
	commit, shallow, err := head(ctx, dir)
	if err != nil || commit == "" {
		return nil
	}
	if shallow {
		// A shallow clone knows some renames; kept under HEAD, they
		// would stand for all of them once the clone is deepened.
		c = nil
	}
	read := func(rev string) (map[string]Rename, error) {
		args := []string{"-c", "log.showSignature=false", "log", "-z", "--full-history", "-M", "--diff-filter=R",
			"--name-status", "--relative", "--format=%x1e%h", rev, "--"}
		out, err := git(ctx, dir, append(args, renameFolders...)...)
		if err != nil {
			return nil, err
		}
		return parseRenames(out), nil
	}
	// The newest rename of a file wins.
	merge := func(old, newer map[string]Rename) map[string]Rename {
		if old == nil {
			old = map[string]Rename{}
		}
		for from, r := range newer {
			old[from] = r
		}
		return old
	}
	raw, err := readLog(ctx, dir, commit, c, renamesNS, read, merge)
	if err != nil {
		return nil
	}
	return chain(raw)
}
