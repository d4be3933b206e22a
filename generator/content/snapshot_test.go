package content

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/handbook/handbook/generator/cache"
	"github.com/handbook/handbook/generator/diag"
	"github.com/handbook/handbook/generator/sitetest"
)

// countingFS is a folder that counts the files and folders read from it.
type countingFS struct {
	fs.FS
	reads, dirs atomic.Int64
}

func (c *countingFS) ReadDir(name string) ([]fs.DirEntry, error) {
	c.dirs.Add(1)
	return fs.ReadDir(c.FS, name)
}

func (c *countingFS) ReadFile(name string) ([]byte, error) {
	c.reads.Add(1)
	return fs.ReadFile(c.FS, name)
}

func (c *countingFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(c.FS, name) }

func (c *countingFS) ReadLink(name string) (string, error) { return fs.ReadLink(c.FS, name) }

// TestSnapshot loads the example site with a cache after each of a series
// of changes, and checks that the documents and diagnostics are exactly
// what a load without a cache gives, that files whose stat did not change
// are not read, and that Unchanged is set only when no file changed.
func TestSnapshot(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	c := cache.Open(t.TempDir())
	// An hour from now every file looks settled, so stats are trusted.
	later := func() time.Time { return time.Now().Add(time.Hour) }
	opts := Options{Dir: "content", Cache: c, clock: later}
	load := func(opts Options) (Result, diag.List, int64) {
		t.Helper()
		fsys := &countingFS{FS: os.DirFS(dir)}
		res, diags := Load(fsys, opts)
		return res, diags.Sort(), fsys.reads.Load()
	}
	compare := func(step string) {
		t.Helper()
		got, gotDiags, _ := load(opts)
		want, wantDiags, _ := load(Options{Dir: "content"})
		if !reflect.DeepEqual(gotDiags, wantDiags) {
			t.Errorf("%s: diagnostics with the snapshot\n%v\nwant\n%v", step, gotDiags, wantDiags)
		}
		got.Content.Config, want.Content.Config = want.Content.Config, got.Content.Config
		if !reflect.DeepEqual(got.Content, want.Content) || got.Hash != want.Hash || !reflect.DeepEqual(got.Static, want.Static) {
			t.Errorf("%s: the content loaded with the snapshot differs from a load without it", step)
		}
	}
	unchanged := func(step string, want bool) {
		t.Helper()
		o := opts
		o.StopIfUnchanged = func(cache.Key) bool { return true }
		res, _, _ := load(o)
		if res.Unchanged != want {
			t.Errorf("%s: Unchanged = %v, want %v", step, res.Unchanged, want)
		}
	}
	update := filepath.Join(dir, "updates", "2026-11-24-ana-batched-writes.md")
	edit := func(p, old, new string) {
		t.Helper()
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), old) {
			t.Fatalf("%s has no %q", p, old)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// Files just written are read to tell they did not change, until a
	// load has seen them settled.
	fresh := cache.Open(t.TempDir())
	if _, _, reads := load(Options{Dir: "content", Cache: fresh}); reads < 2 {
		t.Fatalf("the first load read %d files", reads)
	}
	stop := Options{Dir: "content", Cache: fresh, clock: later, StopIfUnchanged: func(cache.Key) bool { return true }}
	if res, _, reads := load(stop); !res.Unchanged || reads < 2 {
		t.Errorf("a load of files too recent to trust: Unchanged = %v, %d files read; want true, every file", res.Unchanged, reads)
	}
	if res, _, reads := load(stop); !res.Unchanged || reads != 1 {
		t.Errorf("the load after it: Unchanged = %v, %d files read; want true, 1 (site.toml)", res.Unchanged, reads)
	}

	unchanged("no snapshot yet", false)
	// That load had no snapshot to keep buckets from: it stored each
	// bucket as its files were parsed. Every parse reads back whole.
	first := readSnapshot(c, "content")
	if first == nil {
		t.Fatal("no snapshot after the first load")
	}
	first.loadParsed(c)
	stored := 0
	for rel, e := range first.files {
		if len(e.parsed) != e.size {
			t.Errorf("first load: %s: %d bytes of its parse read back, want %d", rel, len(e.parsed), e.size)
		}
		if e.size > 0 {
			stored++
		}
	}
	if md := len(first.files) - countStatic(t, dir); stored < md*9/10 {
		t.Errorf("first load: %d files stored parsed, want most of the %d Markdown files", stored, md)
	}
	compare("first load")
	unchanged("nothing changed", true)
	if _, _, reads := load(opts); reads != 1 {
		t.Errorf("a load with nothing changed read %d files, want 1 (site.toml)", reads)
	}

	// Same size, same modification time: the inode's change time
	// still tells.
	info, err := os.Stat(update)
	if err != nil {
		t.Fatal(err)
	}
	edit(update, "then MySQL.", "then MySQl.")
	if err := os.Chtimes(update, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	unchanged("a body edited in place, size and time kept", false)
	compare("a body edited in place")

	// One file changed: the index and one bucket are written again,
	// the other buckets kept.
	before := readSnapshot(c, "content")
	edit(update, "then MySQl.", "then MySQL!")
	compare("one file changed")
	after := readSnapshot(c, "content")
	if before == nil || after == nil || len(before.buckets) != len(after.buckets) {
		t.Fatalf("snapshots before and after one change: %v, %v", before != nil, after != nil)
	}
	changed := 0
	for i := range before.buckets {
		if before.buckets[i] != after.buckets[i] {
			changed++
		}
	}
	if changed != 1 {
		t.Errorf("one file changed: %d of %d buckets written again, want 1", changed, len(after.buckets))
	}
	// A lost bucket costs its files a parse, never a wrong document.
	c.Remove("content", after.buckets[bucketOf("updates/2026-11-24-ana-batched-writes.md", len(after.buckets))])
	compare("a bucket lost")
	edit(update, "then MySQL!", "then MySQl.")

	edit(update, "status: on-track", "status: at-risk")
	compare("front matter only")
	edit(update, "status: at-risk", "status: on-track")
	edit(update, "then MySQl.", "then MySQL.")
	compare("the file changed back")
	if err := os.Chtimes(update, time.Now(), time.Now()); err != nil {
		t.Fatal(err)
	}
	unchanged("a file touched", true)
	compare("a file touched")

	// A moved page: the update that links to it keeps its bytes, but
	// its conversion must not be reused.
	if err := os.Rename(filepath.Join(dir, "handbook", "rhythms", "time-zones.md"), filepath.Join(dir, "handbook", "time-zones.md")); err != nil {
		t.Fatal(err)
	}
	unchanged("a page moved", false)
	compare("a page moved")
	if err := os.Remove(update); err != nil {
		t.Fatal(err)
	}
	compare("a file deleted")
	edit(filepath.Join(dir, ConfigFile), "Northwind Labs", "Northwind")
	unchanged("site.toml", false)
	compare("site.toml")
	// A damaged cache is a miss, never an error.
	filepath.WalkDir(c.Dir(), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			os.WriteFile(p, []byte("damaged"), 0o644)
		}
		return nil
	})
	unchanged("a damaged snapshot", false)
	compare("a damaged snapshot")
}

// countStatic returns how many files under dir are not Markdown, site.toml
// among them.
func countStatic(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !IsMarkdown(d.Name()) {
			n++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestReadOnlySnapshot checks what handbook summary reads the branch's
// base with: the folder as it was at a commit, read through the folder's
// snapshot, which it neither changes nor, from an empty cache, writes.
func TestReadOnlySnapshot(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "content")
	base := filepath.Join(t.TempDir(), "content")
	for _, d := range []string{dir, base} {
		if err := os.CopyFS(d, os.DirFS("../../content")); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(base, "updates", "2026-11-24-ana-batched-writes.md")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, append(data, "\nAs it was at the base.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	later := func() time.Time { return time.Now().Add(time.Hour) }
	c := cache.Open(t.TempDir())
	Load(os.DirFS(dir), Options{Dir: "content", Cache: c, clock: later})

	got, gotDiags := Load(os.DirFS(base), Options{Dir: "content", Cache: c, ReadOnly: true, clock: later})
	want, wantDiags := Load(os.DirFS(base), Options{Dir: "content"})
	got.Content.Config, want.Content.Config = want.Content.Config, got.Content.Config
	if !reflect.DeepEqual(got.Content, want.Content) || got.Hash != want.Hash || !reflect.DeepEqual(gotDiags.Sort(), wantDiags.Sort()) {
		t.Error("the base read through the snapshot differs from a read without it")
	}
	if res, _ := Load(os.DirFS(dir), Options{Dir: "content", Cache: c, clock: later, StopIfUnchanged: func(cache.Key) bool { return true }}); !res.Unchanged {
		t.Error("reading the base changed the folder's snapshot")
	}

	empty := t.TempDir()
	Load(os.DirFS(base), Options{Dir: "content", Cache: cache.Open(empty), ReadOnly: true, clock: later})
	entries, _ := os.ReadDir(empty)
	var wrote []string
	for _, e := range entries {
		// The cache keeps the hash of the running program, once it
		// is a few seconds old, whoever reads it: not the load's.
		if e.Name() != "executable" {
			wrote = append(wrote, e.Name())
		}
	}
	if len(wrote) != 0 {
		t.Errorf("a read-only load wrote %q into an empty cache", wrote)
	}
}

// TestReading checks that Load tells how many Markdown files it is about
// to read and parse and their size, whether it walked the folder or took
// the files from the snapshot, leaving out those the snapshot holds as
// they are, and tells nothing when it stops early.
func TestReading(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]string{
		"site.toml":               "title = \"Reading\"\n",
		"handbook/index.md":       "---\ntitle: Handbook\n---\nHello.\n",
		"handbook/how-we-work.md": "---\ntitle: How we work\n---\nIn writing.\n",
		"handbook/diagram.png":    "not Markdown, not counted",
		"people/ana.md":           "---\nname: Ana\n---\n",
		// The walk meets a folder's files where its name sorts among
		// them ("a" before "a-b.md"), and site.toml is no Markdown:
		// the snapshot's order is not the walk's.
		"handbook/a-b.md":   "---\ntitle: A, B\n---\n",
		"handbook/a/x.md":   "---\ntitle: X\n---\n",
		"teams/platform.md": "---\nname: Platform\n---\n",
	}
	sitetest.WriteFiles(t, dir, files)
	var all int64
	for name, data := range files {
		if strings.HasSuffix(name, ".md") {
			all += int64(len(data))
		}
	}
	edited := "---\ntitle: How we work\n---\nIn writing, and asynchronously.\n"
	again := "---\ntitle: How we work\n---\nIn writing.\n\nAnd asynchronously, across time zones.\n"
	later := func() time.Time { return time.Now().Add(time.Hour) }
	c := cache.Open(t.TempDir())
	snapshot := Options{Root: dir, Cache: c, clock: later}
	// Asked whether to stop, a load first stamps every file to tell
	// whether any changed, and loads with those stamps.
	asked := snapshot
	asked.StopIfUnchanged = func(cache.Key) bool { return true }
	for _, step := range []struct {
		name  string
		opts  Options
		edit  string // the page's new text, if any
		files int
		bytes int64
	}{
		{"walked", Options{}, "", 6, all},
		{"walked, stats relative to the folder", snapshot, "", 6, all},
		{"from the snapshot, nothing changed", snapshot, "", 0, 0},
		{"from the snapshot, a page edited", snapshot, edited, 1, int64(len(edited))},
		{"from the snapshot, a page edited, after the check for no change", asked, again, 1, int64(len(again))},
	} {
		if step.edit != "" {
			if err := os.WriteFile(filepath.Join(dir, "handbook", "how-we-work.md"), []byte(step.edit), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		calls, gotFiles, gotParsed, gotBytes := 0, 0, 0, int64(0)
		opts := step.opts
		opts.Reading = func(files, parsed int, bytes int64) {
			calls, gotFiles, gotParsed, gotBytes = calls+1, files, parsed, bytes
		}
		Load(os.DirFS(dir), opts)
		if calls != 1 || gotFiles != step.files || gotParsed != 6-step.files || gotBytes != step.bytes {
			t.Errorf("%s: Reading called %d times, last with %d files of %d bytes and %d parsed; want once, %d files of %d bytes and %d parsed", step.name, calls, gotFiles, gotBytes, gotParsed, step.files, step.bytes, 6-step.files)
		}
	}
	opts := Options{Root: dir, Cache: c, clock: later, StopIfUnchanged: func(cache.Key) bool { return true }}
	opts.Reading = func(int, int, int64) { t.Error("Reading called by a load that stopped, nothing changed") }
	if res, _ := Load(os.DirFS(dir), opts); !res.Unchanged {
		t.Error("the last load did not stop: nothing changed")
	}
}

// TestPutBucket checks that a bucket written part by part is stored, and
// keyed, as its parts joined.
func TestPutBucket(t *testing.T) {
	t.Parallel()
	c := cache.Open(t.TempDir())
	parts := [][]byte{[]byte("one"), []byte(strings.Repeat("x", 300)), nil, []byte("three")}
	joined := bytes.Join(parts, nil)
	k := putBucket(c, "content", parts)
	if want := cache.NewHasher("content-parsed").String("content").Bytes(joined).Sum(); k != want {
		t.Errorf("bucket key %v, want the key of the parts joined, %v", k, want)
	}
	if got, ok := c.Get("content", k); !ok || !bytes.Equal(got, joined) {
		t.Errorf("bucket entry = %d bytes, %v; want the %d bytes of the parts joined", len(got), ok, len(joined))
	}
}
