package gitinfo_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/handbook/handbook/generator/cache"
	"github.com/handbook/handbook/generator/gitinfo"
	"github.com/handbook/handbook/generator/gitinfo/gittest"
)

// TestReadCached checks that a history kept in the cache and brought up
// to date with the new commits alone is the history a whole read gives:
// with HEAD unchanged, after new commits (a decision's status changed, a
// page edited, a commit dated before its parent; a file added and one
// deleted, the status changed again), after a rewritten history whose old HEAD is no ancestor, and
// with the cache's entry damaged.
func TestReadCached(t *testing.T) {
	// Not parallel: it counts the logs the package reads.
	r := history(t)
	dir := filepath.Join(r.Dir, "content")
	ctx := context.Background()
	c := cache.Open(t.TempDir())
	check := func(step string, reads int64) {
		t.Helper()
		before := gitinfo.LogsRead()
		got := gitinfo.ReadCached(ctx, dir, c)
		if n := gitinfo.LogsRead() - before; n != reads {
			t.Errorf("%s: ReadCached read %d logs, want %d", step, n, reads)
		}
		want := gitinfo.Read(ctx, dir)
		if got.Err != nil || want.Err != nil {
			t.Fatalf("%s: ReadCached: %v; Read: %v", step, got.Err, want.Err)
		}
		if !reflect.DeepEqual(got.Files, want.Files) || !reflect.DeepEqual(got.Created, want.Created) || !reflect.DeepEqual(got.Statuses, want.Statuses) {
			t.Errorf("%s: ReadCached gives\n%v\n%v\n%v\nwant what Read gives\n%v\n%v\n%v", step, got.Files, got.Created, got.Statuses, want.Files, want.Created, want.Statuses)
		}
		if got.Key() != want.Key() {
			t.Errorf("%s: ReadCached's key differs from Read's", step)
		}
	}
	check("the first read", 1)
	check("HEAD unchanged", 0)

	day3 := day2.Add(24 * time.Hour)
	r.Write(map[string]string{
		"content/decisions/0001-ship-it.md": "---\nstatus: proposed\ndate: 2026-11-03\n---\n# Ship it\n",
	})
	r.Commit("Kofi Mensah <kofi@example.com>", day3, "propose")
	r.Write(map[string]string{
		"content/decisions/0001-ship-it.md": "---\nstatus: accepted\ndate: 2026-11-03\n---\n# Ship it\n",
		"content/handbook/index.md":         "# Home\n\nEdited.\n",
	})
	r.Commit("Ana S <ana@example.com>", day3.Add(time.Hour), "accept")
	// A commit dated before its parent, as a rebase or a wrong clock
	// makes: the file's last change stays the later one.
	r.Write(map[string]string{"content/handbook/reviewed.md": "---\nreviewed: 2026-01-05\n---\n# Reviewed again\n"})
	r.Commit("Kofi Mensah <kofi@example.com>", day1.Add(-time.Hour), "skewed")
	check("three new commits", 1)

	r.Remove("content/people/ana.md")
	r.Write(map[string]string{
		"content/handbook/later.md":         "# Later\n",
		"content/decisions/0001-ship-it.md": "---\nstatus: deprecated\ndate: 2026-11-03\n---\n# Ship it\n",
	})
	r.Commit("Ana S <ana@example.com>", day3.Add(2*time.Hour), "add and delete")
	check("a file added and one deleted, a status changed again", 1)

	r.Write(map[string]string{"content/handbook/later.md": "# Later, amended\n"})
	r.Git("add", "-A")
	r.Git("-c", "user.name=Ana S", "-c", "user.email=ana@example.com", "commit", "-q", "--amend", "-m", "amended")
	check("a history rewritten", 1)

	entries, _ := filepath.Glob(filepath.Join(c.Dir(), "git-history", "*", "*"))
	if len(entries) != 1 {
		t.Fatalf("the cache has %d histories, want 1", len(entries))
	}
	if err := os.WriteFile(entries[0], []byte("damaged"), 0o644); err != nil {
		t.Fatal(err)
	}
	check("the cache's entry damaged", 1)
	check("HEAD unchanged again", 0)
}

// TestRenamesCached checks that renames kept in the cache and brought up
// to date with new commits are those a whole read finds: a chain of
// renames made across two builds is followed to its end.
func TestRenamesCached(t *testing.T) {
	// Not parallel: it counts the logs the package reads.
	r := gittest.New(t)
	dir := filepath.Join(r.Dir, "content")
	ctx := context.Background()
	c := cache.Open(t.TempDir())
	text := "# Old\n\nA page with enough text for git to see a rename.\n"
	r.Write(map[string]string{"content/handbook/a.md": text, "content/handbook/x.md": "# X\n\n" + text})
	r.Commit("Ana <ana@example.com>", day1, "add")
	check := func(step string, reads int64, want map[string]string) {
		t.Helper()
		before := gitinfo.LogsRead()
		got := gitinfo.RenamesCached(ctx, dir, c)
		if n := gitinfo.LogsRead() - before; n != reads {
			t.Errorf("%s: RenamesCached read %d logs, want %d", step, n, reads)
		}
		if whole := gitinfo.Renames(ctx, dir); !reflect.DeepEqual(got, whole) {
			t.Errorf("%s: RenamesCached = %v, want what Renames gives, %v", step, got, whole)
		}
		to := map[string]string{}
		for from, r := range got {
			to[from] = r.To
		}
		if !reflect.DeepEqual(to, want) {
			t.Errorf("%s: renames %v, want %v", step, to, want)
		}
	}
	check("no renames", 1, map[string]string{})
	r.Git("mv", "content/handbook/a.md", "content/handbook/b.md")
	r.Commit("Ana <ana@example.com>", day1.Add(time.Hour), "a to b")
	check("a renamed", 1, map[string]string{"handbook/a.md": "handbook/b.md"})
	check("HEAD unchanged", 0, map[string]string{"handbook/a.md": "handbook/b.md"})
	r.Git("mv", "content/handbook/b.md", "content/handbook/c.md")
	r.Git("mv", "content/handbook/x.md", "content/handbook/y.md")
	r.Commit("Ana <ana@example.com>", day1.Add(2*time.Hour), "b to c")
	check("then renamed again", 1, map[string]string{"handbook/a.md": "handbook/c.md", "handbook/b.md": "handbook/c.md", "handbook/x.md": "handbook/y.md"})
}

// TestReadCachedMergedBranch reads the history at a branch's tip, then
// after main merges the branch, whose edit a later commit of its own
// undid: a whole read from main's merge may skip such a branch, so both
// reads must list every commit for the cached history to be the whole
// one.
func TestReadCachedMergedBranch(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	dir := filepath.Join(r.Dir, "content")
	ctx := context.Background()
	c := cache.Open(t.TempDir())
	r.Write(map[string]string{"content/handbook/a.md": "# A\n\nv1\n", "content/handbook/b.md": "# B\n"})
	r.Commit("Ana <ana@example.com>", day1, "add")
	r.Git("checkout", "-q", "-b", "feature")
	r.Write(map[string]string{"content/handbook/a.md": "# A\n\nv2\n"})
	r.Commit("Kofi <kofi@example.com>", day1.Add(time.Hour), "edit")
	r.Write(map[string]string{"content/handbook/a.md": "# A\n\nv1\n"})
	r.Commit("Kofi <kofi@example.com>", day1.Add(2*time.Hour), "undo")
	gitinfo.ReadCached(ctx, dir, c) // a build of the branch
	r.Git("checkout", "-q", "main")
	r.Write(map[string]string{"content/handbook/b.md": "# B\n\nMore.\n"})
	r.Commit("Ana <ana@example.com>", day1.Add(3*time.Hour), "main")
	r.Git("-c", "user.name=Ana", "-c", "user.email=ana@example.com", "merge", "-q", "--no-ff", "-m", "merge", "feature")
	got, want := gitinfo.ReadCached(ctx, dir, c), gitinfo.Read(ctx, dir)
	if !reflect.DeepEqual(got.Files, want.Files) || got.Key() != want.Key() {
		t.Errorf("after the merge, ReadCached gives %v, want what Read gives, %v", got.Files, want.Files)
	}
}

// TestRenamesShallowClone checks that renames read in a shallow clone,
// which knows only some, are not kept: once the clone is deepened, with
// HEAD where it was, the renames are all there.
func TestRenamesShallowClone(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	text := "# Old\n\nA page with enough text for git to see a rename.\n"
	r.Write(map[string]string{"content/handbook/a.md": text})
	r.Commit("Ana <ana@example.com>", day1, "add")
	r.Git("mv", "content/handbook/a.md", "content/handbook/b.md")
	r.Commit("Ana <ana@example.com>", day1.Add(time.Hour), "a to b")
	r.Write(map[string]string{"content/handbook/c.md": "# C\n"})
	r.Commit("Ana <ana@example.com>", day1.Add(2*time.Hour), "c")
	clone := filepath.Join(t.TempDir(), "clone")
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Env = gittest.Env()
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("clone", "-q", "--depth", "1", "file://"+r.Dir, clone)
	dir := filepath.Join(clone, "content")
	c := cache.Open(t.TempDir())
	ctx := context.Background()
	gitinfo.RenamesCached(ctx, dir, c)
	git("-C", clone, "fetch", "-q", "--unshallow")
	got, want := gitinfo.RenamesCached(ctx, dir, c), gitinfo.Renames(ctx, dir)
	if len(want) == 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("after the clone is deepened, RenamesCached = %v, want what Renames gives, %v (not empty)", got, want)
	}
}
