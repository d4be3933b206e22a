// Package gitinfo reads, in one pass over a folder's git history, when each
// of its files last changed and who changed it, so that handbook pages can
// show "changed 3 days ago by Ana" without a date in their front matter.
//
// Running git is best effort: without git, or outside a repository, there
// is simply no history. A shallow clone (CI checks out one commit by
// default) would date every file to the same commit, so its history is not
// used, and the build warns once.
package gitinfo

import (
	"archive/tar"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing/fstest"
	"time"

	"github.com/handbook/handbook/generator/cache"
	"github.com/handbook/handbook/generator/diag"
	"github.com/handbook/handbook/generator/site"
)

// Change is the last commit that touched a file.
type Change struct {
	Time   time.Time // committer time: when the change landed
	Author string
	Email  string
}

// History is what Read learned about a folder.
type History struct {
	// Files maps the slash-separated path of each file in changeFolders,
	// relative to the folder, to its last change. Files never committed
	// are missing.
	Files map[string]Change
	// Created maps the path of each of those files to its first commit:
	// when a handbook page was written, for "new pages" in weekly digests.
	Created map[string]time.Time
	// Statuses maps the path of each decision and objective to the
	// status each of its commits left it with, oldest first.
	Statuses map[string][]site.Revision
	// Shallow is true in a shallow clone, whose history is not used.
	Shallow bool
	// Err says why there is no history: ErrNoGit, ErrNotRepository, or a
	// failure of git itself.
	Err error

	key cache.Key // Key, when known
}

// Reasons for having no history that are not worth a warning.
var (
	ErrNoGit         = errors.New("git is not installed")
	ErrNotRepository = errors.New("not in a git repository")
)

// Read reads the history of the folder dir with one git log, however many
// files it has, and the statuses of decisions and objectives with one more.
func Read(ctx context.Context, dir string) *History {
	return ReadCached(ctx, dir, nil)
}

// changeFolders are the content folders whose documents show their last
// change: handbook pages (changed when and by whom, and created), and
// decisions, people and teams (the stamps of their calendar entries).
// Updates show the date they are about, and are most of a site: git log
// compares the trees of each commit and its parent in the folders it is
// given, and a folder of thousands of updates, each added by a commit,
// made that quadratic. At 10,000 commits of 10,000 documents the log took
// 3.6 s for the whole content folder and 0.3 s for these.
var changeFolders = []string{site.KindPage.Folder(), site.KindDecision.Folder(), site.KindPerson.Folder(), site.KindTeam.Folder()}

// renameFolders are the content folders whose renames check looks for,
// to say where a linked file went: every kind's but updates', which are
// seldom renamed and whose folder made the log 25 times longer (7.3 s
// against 0.3 s at 10,000 commits of 10,000 documents). Naming folders
// keeps git from comparing the rest of a repository whose content is a
// folder of it.
var renameFolders = append(slices.Clone(changeFolders), site.KindObjective.Folder())

// readLogs reads the history of the commits rev names: a commit and its
// ancestors, or a range old..new.
func readLogs(ctx context.Context, dir, rev string) (*History, error) {
	// %x1e starts each commit, %x1f separates its fields; -z ends each
	// file name with NUL, so names need no unquoting. --relative prints
	// names relative to dir. --full-history lists every commit that
	// changed a file, also on a branch whose changes a merge left out:
	// which such branches git would hide depends on the commit the log
	// starts from, so without it a history read in parts could keep
	// what a whole read hides (see ReadCached).
	args := []string{"-c", "log.showSignature=false", "log", "-z", "--full-history", "--no-renames", "--name-only", "--relative",
		"--format=%x1e%ct%x1f%an%x1f%ae", rev, "--"}
	out, err := git(ctx, dir, append(args, changeFolders...)...)
	if err != nil {
		return nil, err
	}
	statuses, err := readStatuses(ctx, dir, rev)
	if err != nil {
		return nil, err
	}
	files, created := parseLog(out)
	return &History{Files: files, Created: created, Statuses: statuses}, nil
}

// parseLog reads git log's output, newest commit first. A file's last
// change is its latest commit, the first listed of those of the same
// second; its creation is its earliest. Neither depends on the order of
// commits of different times, which a log of merged branches does not
// keep, so that a history read in parts merges into what a whole read
// gives (see mergeHistory).
func parseLog(out []byte) (files map[string]Change, created map[string]time.Time) {
	files, created = map[string]Change{}, map[string]time.Time{}
	for _, commit := range bytes.Split(out, []byte{0x1e}) {
		header, names, ok := bytes.Cut(commit, []byte{0})
		if !ok {
			continue
		}
		fields := strings.Split(string(header), "\x1f")
		if len(fields) != 3 {
			continue
		}
		secs, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			continue
		}
		c := Change{Time: time.Unix(secs, 0).UTC(), Author: fields[1], Email: fields[2]}
		for _, name := range bytes.Split(names, []byte{0}) {
			name = bytes.TrimLeft(name, "\n")
			if len(name) == 0 {
				continue
			}
			if last, seen := files[string(name)]; !seen || c.Time.After(last.Time) {
				files[string(name)] = c
			}
			if first, seen := created[string(name)]; !seen || !c.Time.After(first) {
				created[string(name)] = c.Time
			}
		}
	}
	return files, created
}

// git runs git in dir and returns its standard output, also what it
// wrote before it failed.
func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...)
	// Messages in English, which the "not a git repository" test reads.
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	switch {
	case errors.Is(err, exec.ErrNotFound):
		return nil, ErrNoGit
	case err != nil && strings.Contains(stderr.String(), "not a git repository"):
		return nil, ErrNotRepository
	case err != nil:
		msg := strings.TrimPrefix(strings.TrimSpace(stderr.String()), "fatal: ")
		if msg == "" {
			msg = err.Error()
		}
		return out, fmt.Errorf("git %s: %s", subcommand(args), msg)
	}
	return out, nil
}

// subcommand returns the git command args run, after any -c settings.
func subcommand(args []string) string {
	for i := 0; i < len(args); i++ {
		if args[i] == "-c" {
			i++
			continue
		}
		return args[i]
	}
	return ""
}

// Apply sets the last change of every document in c that git knows: its
// date, in the site's time zone, and who made it, named as the person
// whose email matches when there is one; and the statuses of decisions
// and objectives over time. dir names the content folder in
// diagnostics. A shallow clone or a failing git gives one warning; dates
// then stay those of the front matter.
func (h *History) Apply(c *site.Content, dir string) diag.List {
	var diags diag.List
	switch {
	case h.Shallow:
		diags.Warnf(diag.Pos{File: dir}, "the git clone is shallow, so page dates come from front matter; fetch the whole history (actions/checkout with fetch-depth: 0) for dates from git")
		return diags
	case errors.Is(h.Err, ErrNoGit), errors.Is(h.Err, ErrNotRepository):
		return nil
	case h.Err != nil:
		diags.Warnf(diag.Pos{File: dir}, "no dates from git history: %v", h.Err)
		return diags
	}
	loc := c.Config.Timezone
	if loc == nil {
		loc = time.UTC
	}
	for _, p := range c.Pages {
		if t, ok := h.Created[p.Path]; ok && p.Created.IsZero() {
			p.Created = t.In(loc)
			rehash(&p.Doc, cache.NewHasher("git created").Int(t.Unix()))
		}
	}
	for _, d := range c.Docs() {
		ch, changed := h.Files[d.Path]
		revs := h.Statuses[d.Path]
		if !changed && len(revs) == 0 {
			continue
		}
		if changed {
			d.Modified = ch.Time.In(loc)
			d.ModifiedBy = ch.Author
			if p := site.MatchPerson(c.People, ch.Email, ch.Author); p != nil {
				d.ModifiedBy = p.Name
			}
		}
		for _, r := range revs {
			d.Revisions = append(d.Revisions, site.Revision{Date: r.Date.In(loc), Status: r.Status})
		}
		k := cache.NewHasher("git").Int(d.Modified.Unix()).String(d.ModifiedBy).Int(int64(len(d.Revisions)))
		for _, r := range d.Revisions {
			k.Int(r.Date.Unix()).String(r.Status)
		}
		rehash(d, k)
	}
	return nil
}

// rehash folds what git says of d, hashed in k, into d's hashes: pages
// that show it are keyed by them (see site.Doc.ListHash), so that a build
// makes again the pages a commit changes, and only those.
func rehash(d *site.Doc, k *cache.Hasher) {
	sum := k.Sum()
	d.ListHash = cache.NewHasher("git list").Key(d.ListHash).Key(sum).Sum()
	d.SourceHash = cache.NewHasher("git source").Key(d.SourceHash).Key(sum).Sum()
}

// Snapshot returns the folder dir as it was where the current branch
// forked from base: at the merge base of base and HEAD, which is what a
// pull request's diff compares against. It also returns that commit. The
// folder is read with one git archive; a folder that did not exist then
// is empty.
func Snapshot(ctx context.Context, dir, base string) (fs.FS, string, error) {
	prefix, err := git(ctx, dir, "rev-parse", "--show-prefix")
	if err != nil {
		return nil, "", err
	}
	out, err := git(ctx, dir, "merge-base", base, "HEAD")
	if err != nil {
		return nil, "", fmt.Errorf("compare with %q: %w", base, err)
	}
	commit := strings.TrimSpace(string(out))
	p := strings.TrimSpace(string(prefix))
	files := fstest.MapFS{}
	// The tree may not have the folder: ls-tree says so without failing,
	// where git archive would stop at an unmatched path.
	if p != "" {
		ls, err := git(ctx, dir, "ls-tree", "--full-tree", "--name-only", commit, "--", strings.TrimSuffix(p, "/"))
		if err != nil {
			return nil, "", err
		}
		if len(bytes.TrimSpace(ls)) == 0 {
			return files, commit, nil
		}
	}
	// Run in dir, git archive writes the folder's files with paths
	// relative to it.
	data, err := git(ctx, dir, "archive", "--format=tar", commit, "--", ".")
	if err != nil {
		return nil, "", err
	}
	tr := tar.NewReader(bytes.NewReader(data))
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, "", fmt.Errorf("read git archive: %w", err)
		}
		name := h.Name
		if h.Typeflag != tar.TypeReg || !fs.ValidPath(name) {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return nil, "", fmt.Errorf("read git archive: %w", err)
		}
		files[name] = &fstest.MapFile{Data: b, Mode: 0o644, ModTime: h.ModTime}
	}
	return files, commit, nil
}

// Key identifies what the history says, for build caches.
func (h *History) Key() cache.Key {
	if h.key != (cache.Key{}) {
		return h.key
	}
	return h.sum()
}

// sum is Key worked out.
func (h *History) sum() cache.Key {
	k := cache.NewHasher("history").Bool(h.Shallow)
	if h.Err != nil {
		k.String(h.Err.Error())
	}
	for _, name := range slices.Sorted(maps.Keys(h.Files)) {
		c := h.Files[name]
		k.String(name).Int(c.Time.Unix()).String(c.Author).String(c.Email)
	}
	k.String("created")
	for _, name := range slices.Sorted(maps.Keys(h.Created)) {
		k.String(name).Int(h.Created[name].Unix())
	}
	k.String("statuses")
	for _, name := range slices.Sorted(maps.Keys(h.Statuses)) {
		revs := h.Statuses[name]
		k.String(name).Int(int64(len(revs)))
		for _, r := range revs {
			k.Int(r.Date.Unix()).String(string(r.Status))
		}
	}
	return k.Sum()
}
