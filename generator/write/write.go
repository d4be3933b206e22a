// Package write puts a built site on disk, so that a failed build leaves
// the previous site as it was.
//
// Every file is first written into a new folder beside the output folder.
// When the build succeeds, a full write swaps the new folder in; an
// incremental write moves only the changed files into place and deletes
// those no longer made. A write is incremental when the cache holds the
// manifest of the site the last build wrote and the output folder is
// still that one, and also when there is an output folder but no
// manifest (no cache, or one another binary wrote): each file is then
// compared with the one there, rather than written again with the whole
// of the old site removed. Outputs whose inputs did not change
// (render.Output.Reused) or whose bytes did not change are not written
// at all.
//
// An incremental write notes each change it makes to the output folder
// in a journal, keeping what it replaces or removes in the new folder
// until it is done: when a change fails, those made are undone, and the
// output folder is as it was (see journal).
//
// A full write lays its files out as the site has them; an incremental
// one side by side in the new folder, each under a number, so that once
// they are moved the folder is empty: removing one folder for each page
// that moved took longer than making the pages when all of them changed
// (2.8 s for 16,000 pages on ext4).
package write

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"

	"golang.org/x/sync/errgroup"

	"github.com/handbook/handbook/generator/cache"
	"github.com/handbook/handbook/generator/render"
	"github.com/handbook/handbook/generator/sysfile"
)

// Site writes one build's outputs into an output folder.
type Site struct {
	dir   string // the output folder
	stage string // the new folder beside it that files are written into
	cache *cache.Cache
	// outputs' prev is what the last build wrote into dir; nil for a
	// full write.
	outputs
	staged atomic.Int64 // files written into stage, for an incremental write
	moved  []moved
	// disk is set for a write over an output folder whose manifest the
	// cache does not have (no cache, another binary's, a cache removed):
	// it is incremental too, each output compared with the file there
	// rather than with the manifest's sum. The folder is listed first,
	// without following links (filesIn): only a regular file listed
	// under exactly an output's path is compared, so that a file kept is
	// never one that goes as stale (a name that differs in case only, on
	// a file system that ignores case; a folder that is a link).
	disk     map[string]bool // the output folder's files: true for regular ones
	diskDirs []string        // its folders, each before what it holds
	// failed is the first write that failed on a path clash.
	failed error
}

// Open starts writing the site in dir. With a cache, it writes only what
// changed since the last build into the same folder.
func Open(dir string, c *cache.Cache) (*Site, error) {
	dir = filepath.Clean(dir)
	parent, base := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", parent, err)
	}
	stage, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return nil, fmt.Errorf("create temporary output folder: %w", err)
	}
	if err := os.Chmod(stage, 0o755); err != nil {
		os.RemoveAll(stage)
		return nil, err
	}
	prev := readManifest(c, dir)
	// The next site has about as many files as the last: a map of that
	// size from the start, not one grown and rehashed as the build goes.
	w := &Site{dir: dir, stage: stage, cache: c, outputs: outputs{prev: prev, next: make(manifest, len(prev))}}
	// The new folder is made beside the output folder, but "." has no
	// such place: it swaps, which fails and touches nothing.
	if info, err := os.Lstat(dir); w.prev == nil && err == nil && info.IsDir() && !Inside(stage, dir) {
		if w.disk, w.diskDirs, err = filesIn(dir); err != nil {
			os.RemoveAll(stage)
			return nil, err
		}
	}
	return w, nil
}

// Inside reports whether path is in the folder dir, or is dir, by their
// absolute paths; when either has none, it reports true.
func Inside(path, dir string) bool {
	p, err1 := filepath.Abs(path)
	d, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return true
	}
	rel, err := filepath.Rel(d, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// moved is a file an incremental write put into stage under a number, to
// be moved to its path in the output folder.
type moved struct{ path, name string }

// Incremental reports whether the site is written over the last one,
// rather than swapped in whole.
func (w *Site) Incremental() bool { return w.prev != nil || w.disk != nil }

// outputs is what a store knows of the outputs of the last build and of
// this one.
type outputs struct {
	mu   sync.Mutex
	prev manifest // the last build's
	next manifest // this build's
	// kept counts the paths of next that prev has: when it has them
	// all, no file of the last build is left to delete.
	kept int
}

// add sets next's entry for p; w.mu is held.
func (w *outputs) add(p string, e entry) {
	if _, ok := w.next[p]; !ok {
		if _, had := w.prev[p]; had {
			w.kept++
		}
	}
	w.next[p] = e
}

// Reuse reports whether the last build made the file at p from inputs
// with the given key, or for a path ending in "/", the group of files
// under that folder (see Site.Put). It is render.Options.Reuse.
func (w *outputs) Reuse(p string, key cache.Key) bool {
	e, ok := w.prev[p]
	return ok && key != (cache.Key{}) && e.key == key
}

// keep records a reused output: a file, or every file under a folder.
func (w *outputs) keep(o render.Output) error {
	if !w.Reuse(o.Path, o.Key) {
		return fmt.Errorf("output %s is not in the previous site", o.Path)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.add(o.Path, w.prev[o.Path])
	if strings.HasSuffix(o.Path, "/") {
		for q, e := range w.prev {
			if e.key == o.Key && strings.HasPrefix(q, o.Path) {
				w.add(q, e)
			}
		}
	}
	return nil
}

// Put writes an output, unless the output folder already has the same
// bytes there. It is safe to call from several goroutines.
//
// An output whose path ends in "/" and that has no data records that the
// files just put under that folder with the same key form a group, which
// a later build may reuse as a whole.
func (w *Site) Put(o render.Output) error {
	if o.Reused {
		return w.keep(o)
	}
	if strings.HasSuffix(o.Path, "/") && o.Data == nil {
		w.mu.Lock()
		w.add(o.Path, entry{key: o.Key})
		w.mu.Unlock()
		return nil
	}
	if err := checkPath(o.Path); err != nil {
		return err
	}
	parts := o.Parts
	if parts == nil {
		parts = [][]byte{o.Data}
	}
	e := entry{key: o.Key}
	if w.cache != nil {
		// Only a manifest needs the sum.
		e.sum = cache.SumParts(parts)
	}
	w.mu.Lock()
	if _, dup := w.next[o.Path]; dup {
		// Two outputs with one path: render reports which files clash
		// once every output is made, and the build fails.
		w.mu.Unlock()
		return nil
	}
	w.add(o.Path, e)
	prev, had := w.prev[o.Path]
	same := had && prev.sum == e.sum
	w.mu.Unlock()
	if same || w.disk[o.Path] && sameFile(filepath.Join(w.dir, filepath.FromSlash(o.Path)), parts) {
		return nil
	}
	if w.Incremental() {
		name := strconv.FormatInt(w.staged.Add(1), 36)
		if err := sysfile.WriteParts(filepath.Join(w.stage, name), parts, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", o.Path, err)
		}
		w.mu.Lock()
		w.moved = append(w.moved, moved{path: o.Path, name: name})
		w.mu.Unlock()
		return nil
	}
	// Nearly every page has a folder of its own (x/index.html): its
	// folder is made before it is written, with no record of the
	// folders made so far, which at 100,000 documents held 155,000
	// paths for the collector to trace to save a few thousand calls.
	p := filepath.Join(w.stage, filepath.FromSlash(o.Path))
	if err := mkdir(filepath.Dir(p)); err != nil {
		return w.clash(o.Path, err)
	}
	if err := sysfile.WriteParts(p, parts, 0o644); err != nil {
		return w.clash(o.Path, fmt.Errorf("write %s: %w", o.Path, err))
	}
	return nil
}

// clash handles a failed write. A file where another output's folder
// goes, or the reverse, is a content error that render reports with the
// files to blame once every output is made; until then it is noted, and
// Commit refuses to go on. Other errors stop the build at once.
func (w *Site) clash(p string, err error) error {
	if !errors.Is(err, syscall.ENOTDIR) && !errors.Is(err, syscall.EISDIR) && !errors.Is(err, fs.ErrExist) {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.failed == nil {
		w.failed = err
	}
	return nil
}

// checkPath refuses a path that does not name a file inside the output
// folder, or that is a second name for another output:
// "updates//index.html" would be written over "updates/index.html".
func checkPath(p string) error {
	if !fs.ValidPath(p) || p == "." || !filepath.IsLocal(filepath.FromSlash(p)) {
		return fmt.Errorf("refusing to write %q: not a clean path inside the output folder", p)
	}
	return nil
}

// Files returns how many files the site has.
func (w *Site) Files() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := 0
	for p := range w.next {
		if !strings.HasSuffix(p, "/") {
			n++
		}
	}
	return n
}

// Abort removes what was written; the output folder is left as it was.
func (w *Site) Abort() { os.RemoveAll(w.stage) }

// Commit puts the new site in place and records its manifest in the
// cache.
func (w *Site) Commit() error {
	if w.failed != nil {
		w.Abort()
		return w.failed
	}
	// The manifest is encoded while the files are moved into place, and
	// written while the stage folder is removed: after an edit at
	// 10,000 documents, each took 6 to 15 ms that nothing ran beside.
	var encoding, removing sync.WaitGroup
	defer encoding.Wait()
	var encoded []byte
	if w.cache != nil {
		encoding.Go(func() { encoded = encodeManifest(w.next) })
	}
	if !w.Incremental() {
		if err := swap(w.stage, w.dir); err != nil {
			w.Abort()
			return err
		}
	} else if keep, err := w.update(); err != nil {
		if !keep {
			w.Abort()
		}
		return err
	} else {
		removing.Go(w.Abort) // what the output folder held before
		defer removing.Wait()
	}
	encoding.Wait()
	writeManifest(w.cache, w.dir, encoded)
	return nil
}

// update moves the changed files into the output folder and deletes the
// files the site no longer has. Each step goes into a journal: when one
// fails, the steps taken are undone in reverse, and the output folder is
// as it was. The manifest is removed first and written back only then:
// if the process dies halfway, the next build writes the whole site.
// What the output folder held is kept in the stage folder until the
// caller removes it; keepStage reports that the caller must not, as what
// could not be put back is there.
func (w *Site) update() (keepStage bool, err error) {
	removeManifest(w.cache, w.dir)
	j := &journal{kept: filepath.Join(w.stage, "previous")}
	defer func() {
		if err == nil {
			return
		}
		if undo := j.undo(); undo != nil {
			// What could not be put back is there, and nowhere else.
			keepStage = true
			err = fmt.Errorf("%w; and the output folder could not be put back as it was (%v): what it held is in %s, and the next build writes the site whole", err, undo, j.kept)
		} else if w.prev != nil {
			writeManifest(w.cache, w.dir, encodeManifest(w.prev))
		}
	}()
	if err := os.Mkdir(j.kept, 0o755); err != nil {
		return false, err
	}
	var stale []string
	// When every path of the last build's is in this one's, as after an
	// edit, none is gone: looking at each of 16,000 took 5 ms.
	if w.disk != nil || w.kept != len(w.prev) {
		had := maps.Keys(w.prev)
		if w.disk != nil {
			had = maps.Keys(w.disk)
		}
		for p := range had {
			if _, ok := w.next[p]; !ok && !strings.HasSuffix(p, "/") {
				stale = append(stale, p)
			}
		}
	}
	slices.Sort(stale)
	for _, p := range stale {
		if err := j.remove(filepath.Join(w.dir, filepath.FromSlash(p))); err != nil {
			return false, fmt.Errorf("remove %s: %w", p, err)
		}
		j.removeEmptyParents(w.dir, filepath.Dir(filepath.FromSlash(p)))
	}
	// Folders first, each once, then the files in parallel.
	made := map[string]bool{}
	for _, m := range w.moved {
		d := filepath.Dir(filepath.Join(w.dir, filepath.FromSlash(m.path)))
		if !made[d] {
			made[d] = true
			if err := j.mkdirAll(d); err != nil {
				return false, fmt.Errorf("create %s: %w", d, err)
			}
		}
	}
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, m := range w.moved {
		g.Go(func() error {
			from := filepath.Join(w.stage, m.name)
			to := filepath.Join(w.dir, filepath.FromSlash(m.path))
			// A folder left where the file goes holds only files this
			// site no longer has, and went with them above; anything
			// else in the way is an error, never removed.
			if err := j.replace(from, to); err != nil {
				return fmt.Errorf("replace %s: %w", m.path, err)
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return false, err
	}
	// Over a folder whose manifest was unknown, a folder that holds no
	// file now goes, as it would with the site swapped in whole.
	for _, d := range slices.Backward(w.diskDirs) {
		p := filepath.Join(w.dir, filepath.FromSlash(d))
		if info, err := os.Lstat(p); err == nil && info.IsDir() {
			os.Remove(p) // fails unless empty
		}
	}
	return false, nil
}

// A journal holds what an incremental write did to the output folder,
// so that it can be undone. What the folder held before is kept in the
// stage folder (kept) until the write is done: a file removed is moved
// there, and a file replaced gets a second name there first (a hard
// link: one system call, and the file is not moved out of the folder
// unless the replacement succeeds).
type journal struct {
	kept  string
	n     atomic.Int64
	mu    sync.Mutex
	steps []step
}

// A step is one change to the output folder.
type step struct {
	op   stepOp
	path string      // what changed in the output folder
	kept string      // where what path held is kept (removed, replaced), or the link's target (unlinked)
	mode fs.FileMode // a folder's permissions (gone)
}

type stepOp uint8

const (
	removed  stepOp = iota // a file moved from path to kept
	replaced               // a file at path replaced, the previous one at kept
	added                  // a file put at path, where there was none
	madeDir                // a folder made at path
	gone                   // an empty folder removed from path
	unlinked               // a symbolic link to a folder removed from path
)

func (j *journal) add(s step) {
	j.mu.Lock()
	j.steps = append(j.steps, s)
	j.mu.Unlock()
}

// keep returns a new name in the stage folder for something of the
// output folder's.
func (j *journal) keep() string {
	return filepath.Join(j.kept, strconv.FormatInt(j.n.Add(1), 36))
}

// remove takes the file p out of the output folder, into kept; one
// already gone is not an error. A folder where the site had a file goes
// only if it is empty: one with anything in it is someone's, and an
// error.
func (j *journal) remove(p string) error {
	info, err := os.Lstat(p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case info.IsDir():
		if err := os.Remove(p); err != nil {
			return err
		}
		j.add(step{op: gone, path: p, mode: info.Mode().Perm()})
		return nil
	}
	k := j.keep()
	if err := os.Rename(p, k); err != nil {
		return err
	}
	j.add(step{op: removed, path: p, kept: k})
	return nil
}

// removeEmptyParents removes rel, a folder inside dir, and its parents
// while they are empty.
// A folder that is a symbolic link goes too, as it would with the site
// swapped in whole, and comes back as a link if the write is undone.
func (j *journal) removeEmptyParents(dir, rel string) {
	for rel != "." && rel != "" {
		p := filepath.Join(dir, rel)
		info, err := os.Lstat(p)
		if err != nil {
			return
		}
		s := step{op: gone, path: p, mode: info.Mode().Perm()}
		if info.Mode()&fs.ModeSymlink != 0 {
			target, err := os.Readlink(p)
			if err != nil {
				return
			}
			s.op, s.kept = unlinked, target
		}
		if os.Remove(p) != nil {
			return
		}
		j.add(s)
		rel = filepath.Dir(rel)
	}
}

// mkdirAll makes the folder d and the parents it lacks.
func (j *journal) mkdirAll(d string) error {
	if info, err := os.Stat(d); err == nil {
		if !info.IsDir() {
			return &fs.PathError{Op: "mkdir", Path: d, Err: syscall.ENOTDIR}
		}
		return nil
	}
	if parent := filepath.Dir(d); parent != d {
		if err := j.mkdirAll(parent); err != nil {
			return err
		}
	}
	if err := os.Mkdir(d, 0o755); err != nil {
		return err
	}
	j.add(step{op: madeDir, path: d})
	return nil
}

// replace moves the staged file from to its place to.
func (j *journal) replace(from, to string) error {
	k := j.keep()
	err := link(to, k)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		// No hard links here, or to is a folder: what is there is
		// looked at, and a file moved aside instead.
		info, lerr := os.Lstat(to)
		switch {
		case lerr == nil && info.IsDir():
			return rename(from, to) // refused: a folder is in the way
		case lerr == nil:
			if err = os.Rename(to, k); err != nil {
				return err
			}
		case errors.Is(lerr, fs.ErrNotExist):
			err = lerr
		default:
			return lerr
		}
	}
	if errors.Is(err, fs.ErrNotExist) {
		if err := rename(from, to); err != nil {
			return err
		}
		j.add(step{op: added, path: to})
		return nil
	}
	if err := rename(from, to); err != nil {
		os.Rename(k, to) // a no-op for the link, which gives the name back
		return err
	}
	j.add(step{op: replaced, path: to, kept: k})
	return nil
}

// rename moves a staged file into the output folder; tests make it fail.
var rename = os.Rename

// undo reverses the steps, last first, and returns the first error.
func (j *journal) undo() error {
	var first error
	note := func(err error) {
		if err != nil && first == nil {
			first = err
		}
	}
	for _, s := range slices.Backward(j.steps) {
		switch s.op {
		case removed, replaced:
			note(os.Rename(s.kept, s.path))
		case added, madeDir:
			note(os.Remove(s.path))
		case gone:
			if err := os.Mkdir(s.path, s.mode); err != nil {
				note(err)
			} else {
				note(os.Chmod(s.path, s.mode)) // past the umask
			}
		case unlinked:
			note(os.Symlink(s.kept, s.path))
		}
	}
	return first
}

// sameFile reports whether the regular file p holds parts, one after the
// other. What it reads goes into a buffer of a pool, a page's size: a
// site's worth of files read for nothing but a comparison.
func sameFile(p string, parts [][]byte) bool {
	size := 0
	for _, data := range parts {
		size += len(data)
	}
	info, err := os.Lstat(p)
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(size) {
		return false
	}
	var buf []byte
	if size <= 1<<20 {
		b := compared.Get().(*[]byte)
		defer compared.Put(b)
		if cap(*b) < size {
			*b = make([]byte, size)
		}
		buf = (*b)[:size]
	} else {
		buf = make([]byte, size)
	}
	if sysfile.ReadAt(p, buf, 0) != nil {
		return false
	}
	for _, data := range parts {
		if !bytes.Equal(buf[:len(data)], data) {
			return false
		}
		buf = buf[len(data):]
	}
	return true
}

// compared holds the buffers sameFile reads into.
var compared = sync.Pool{New: func() any { return new([]byte) }}

// filesIn lists what the folder dir holds, without following links: the
// paths of what is not a folder, true for regular files, and of its
// folders, each before what it holds; in slash form, relative to dir.
func filesIn(dir string) (files map[string]bool, dirs []string, err error) {
	files = map[string]bool{}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == dir {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		if d.IsDir() {
			dirs = append(dirs, filepath.ToSlash(rel))
		} else {
			files[filepath.ToSlash(rel)] = d.Type().IsRegular()
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("read the output folder %s: %w", dir, err)
	}
	return files, dirs, nil
}

// mkdir makes the folder d. Most pages have a folder of their own whose
// parent exists: one system call rather than MkdirAll's three.
func mkdir(d string) error {
	err := os.Mkdir(d, 0o755)
	if errors.Is(err, fs.ErrNotExist) {
		err = os.MkdirAll(d, 0o755)
	}
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("create %s: %w", d, err)
	}
	return nil
}

// Dir replaces the folder dir with exactly the given outputs.
func Dir(dir string, outs []render.Output) error {
	w, err := Open(dir, nil)
	if err != nil {
		return err
	}
	for _, o := range outs {
		if err := w.Put(o); err != nil {
			w.Abort()
			return err
		}
	}
	return w.Commit()
}

// swap moves the new folder into place. The old one is renamed aside
// first and restored if the second rename fails.
func swap(tmp, dir string) error {
	old := ""
	if _, err := os.Lstat(dir); err == nil {
		parent, base := filepath.Split(dir)
		if parent == "" {
			parent = "."
		}
		o, err := os.MkdirTemp(parent, "."+base+".old-")
		if err != nil {
			return fmt.Errorf("prepare swap: %w", err)
		}
		os.Remove(o)
		if err := os.Rename(dir, o); err != nil {
			return fmt.Errorf("move %s aside: %w", dir, err)
		}
		old = o
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		return fmt.Errorf("move new site into %s: %w", dir, err)
	}
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("remove previous site %s: %w", old, err)
		}
	}
	return nil
}
