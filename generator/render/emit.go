package render

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing/fstest"

	"github.com/handbook/handbook/generator/cache"
	"github.com/handbook/handbook/generator/search"
	"github.com/handbook/handbook/generator/site"
)

// emitter passes outputs on as they are made, and keeps what checkPaths
// needs of each file: its path and source. Without emit, it collects the
// outputs.
type emitter struct {
	// emit receives each output; it must be done with the data when it
	// returns.
	emit func(Output) error
	// stopped is set once a task of the render failed: an output put
	// after that is refused with errStopped, and the task stops.
	stopped  atomic.Bool
	mu       sync.Mutex
	outs     []Output // without emit
	placed   []placed
	rendered atomic.Int64
	progress func(int)
	done     atomic.Int64
}

func (e *emitter) put(o Output) error {
	if e.stopped.Load() {
		return errStopped
	}
	e.mu.Lock()
	switch {
	case strings.HasSuffix(o.Path, "/") && !o.Reused && e.emit == nil:
		// A group's end: only a caller that writes needs it.
	case e.emit == nil:
		if o.Parts != nil {
			o.Data, o.Parts = o.Bytes(), nil
		}
		e.outs = append(e.outs, o)
	}
	if !strings.HasSuffix(o.Path, "/") {
		// A reused group's files were checked when they were made.
		e.placed = append(e.placed, placed{o.Path, o.Source})
	}
	e.mu.Unlock()
	if e.progress != nil {
		defer func() { e.progress(int(e.done.Add(1))) }()
	}
	if e.emit != nil {
		return e.emit(o)
	}
	return nil
}

func (e *emitter) sorted() []Output {
	slices.SortFunc(e.outs, func(a, b Output) int { return cmp.Compare(a.Path, b.Path) })
	return e.outs
}

// errStopped refuses an output put once another task of the render
// failed; that task's error is the render's.
var errStopped = errors.New("render: stopped, as another output failed")

// placed is where an output file goes, and the content file it shows
// or copies ("" for none): what checkPaths looks at. Checking the 16,000
// paths of a 10,000 document site took 15 ms when whole outputs were
// sorted, copied by value at each comparison, and takes 5 ms.
type placed struct {
	Path, Source string
}

// files returns the outputs that are files, not reused groups, sorted.
func (e *emitter) files() []placed {
	slices.SortFunc(e.placed, func(a, b placed) int { return strings.Compare(a.Path, b.Path) })
	return e.placed
}

// reuse reports whether the caller has the output at path made with key,
// and if so passes it on as reused.
func (r *renderer) reuse(p, source string, key cache.Key, e *emitter) (bool, error) {
	if r.opts.Reuse == nil || !r.opts.Reuse(p, key) {
		return false, nil
	}
	return true, e.put(Output{Path: p, Source: source, Key: key, Reused: true})
}

// pageHashers holds the Hashers of pages' keys: allocating one for each
// page was 16 ms of the CPU of a build after an edit at 10,000
// documents, most of it the page faults of fresh memory.
var pageHashers = sync.Pool{New: func() any { return new(cache.Hasher) }}

// page renders a page unless its inputs are unchanged: the site's key,
// or the narrower one of its scope, and the body of the document it
// shows, which no other page shows.
func (r *renderer) page(j job, e *emitter) error {
	h := pageHashers.Get().(*cache.Hasher)
	defer pageHashers.Put(h)
	h.Reset("page")
	if j.scope != nil && r.opts.BuiltinLayouts {
		h.Key(r.base).String(j.path)
		j.scope(h)
	} else {
		h.Key(r.key).String(j.path)
	}
	source := ""
	if d := j.doc; d != nil {
		h.Key(d.SourceHash)
		source = d.File
	}
	key := h.Sum()
	if ok, err := r.reuse(j.path, source, key, e); ok || err != nil {
		return err
	}
	if j.view == nil {
		j.view = j.build()
	}
	b := buffers.Get().(*bytes.Buffer)
	b.Reset()
	defer buffers.Put(b)
	if j.view.navAt != nil {
		j.view.Nav = nav(r.site.Home, j.view.navAt)
		defer func() { j.view.Nav = nil }()
	}
	if err := r.execute(j, b); err != nil {
		return fmt.Errorf("render %s: %w", j.path, err)
	}
	e.rendered.Add(1)
	data := b.Bytes()
	if e.emit == nil {
		// Kept: the buffer is used again.
		data = bytes.Clone(data)
	}
	return e.put(Output{Path: j.path, Data: data, Source: source, Key: key})
}

// feed renders a feed's three files unless their key is unchanged:
// feedKey, or with layouts of the site's own, the site's key and the
// sources of the feed's items.
func (r *renderer) feed(f feed, e *emitter) error {
	var key cache.Key
	if r.opts.BuiltinLayouts && (f.scope != nil || f.items == nil && !madeItems(f.docs)) {
		key = r.feedKey(f)
	} else {
		h := cache.NewHasher("feed").Key(r.key).String(f.dir)
		for _, d := range f.docs[:min(len(f.docs), f.max(r.feedItems()))] {
			h.Key(d.SourceHash)
			if d.SourceHash == (cache.Key{}) {
				// Made by the build (digests, events): what it shows.
				h.String(d.URL).String(d.Title).String(d.Summary).String(string(d.Body))
			}
		}
		key = h.Sum()
	}
	files := []string{f.dir + feedFiles.RSS, f.dir + feedFiles.Atom, f.dir + feedFiles.JSON}
	if r.opts.Reuse != nil && r.opts.Reuse(files[0], key) && r.opts.Reuse(files[1], key) && r.opts.Reuse(files[2], key) {
		for _, p := range files {
			if err := e.put(Output{Path: p, Key: key, Reused: true}); err != nil {
				return err
			}
		}
		return nil
	}
	if f.items != nil {
		var err error
		if f.docs, err = f.items(); err != nil {
			return err
		}
	}
	outs, err := r.renderFeed(f)
	if err != nil {
		return err
	}
	for _, o := range outs {
		o.Key = key
		e.rendered.Add(1)
		if err := e.put(o); err != nil {
			return err
		}
	}
	return nil
}

// madeItems reports whether any of docs was made by the build (a status
// change's item) rather than read from a file.
func madeItems(docs []*site.Doc) bool {
	return slices.ContainsFunc(docs, func(d *site.Doc) bool { return d.SourceHash == (cache.Key{}) })
}

// searchIndex builds the search index unless no document changed: it
// holds every document's text, and what lists show of them. Of the time
// it depends on the day alone, which ranks recent updates higher.
func (r *renderer) searchIndex(e *emitter) error {
	h := cache.NewHasher("search").Key(r.base).Key(r.opts.Lists).Int(r.site.Now.Unix() / 86400)
	for _, d := range r.site.Docs() {
		h.Key(d.SourceHash)
	}
	return r.groupKey(search.Dir+"/", h.Sum(), func(emit func(Output) error) error {
		// Each file is written as soon as it is made, rather than held
		// while the rest of the index is.
		_, err := search.Build(r.site, search.Options{Cache: r.opts.Cache, ReleaseText: r.opts.ReleaseText, Emit: func(f search.File) error {
			return emit(Output{Path: f.Path, Data: f.Data})
		}})
		return err
	}, e)
}

// group makes the files under a folder together, from the site's key
// alone: nothing in them comes from a document's body. make passes each
// file to emit as soon as it is made.
func (r *renderer) group(dir string, make func(emit func(Output) error) error, e *emitter) error {
	return r.groupKey(dir, cache.NewHasher("group").Key(r.key).String(dir).Sum(), make, e)
}

func (r *renderer) groupKey(dir string, key cache.Key, make func(emit func(Output) error) error, e *emitter) error {
	if ok, err := r.reuse(dir, "", key, e); ok || err != nil {
		return err
	}
	err := make(func(o Output) error {
		if !strings.HasPrefix(o.Path, dir) {
			return fmt.Errorf("output %s outside its folder %s", o.Path, dir)
		}
		o.Key = key
		return e.put(o)
	})
	if err != nil {
		return err
	}
	// The group is complete: a later build may reuse it as a whole.
	return e.put(Output{Path: dir, Key: key})
}

// static copies a file of the content folder, unless its bytes are what
// they were. Its size and time of change would not do: copies that keep
// times (cp -p, rsync -a, archives) change bytes and leave both alone.
func (r *renderer) static(p string, e *emitter) error {
	source := path.Join(cmp.Or(r.opts.ContentDir, "content"), p)
	data, err := fs.ReadFile(r.opts.Content, p)
	if err != nil {
		return fmt.Errorf("read %s: %w", p, err)
	}
	key := cache.NewHasher("static").String(p).Bytes(data).Sum()
	if ok, err := r.reuse(p, source, key, e); ok || err != nil {
		return err
	}
	return e.put(Output{Path: p, Data: data, Source: source, Key: key})
}

// readLayouts reads every file of the layouts into memory, and returns
// them with their hash. A build bundles and parses what it hashed: a
// layout saved while it runs cannot leave assets or pages in the cache
// under the key of the files before it.
func readLayouts(layouts fs.FS) (fs.FS, cache.Key, error) {
	h := cache.NewHasher("layouts")
	// fstest.MapFS is the standard library's file system in memory.
	files := fstest.MapFS{}
	err := fs.WalkDir(layouts, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(layouts, p)
		if err != nil {
			return err
		}
		h.String(p).Bytes(data)
		files[p] = &fstest.MapFile{Data: data, Mode: 0o444}
		return nil
	})
	if err != nil {
		return nil, cache.Key{}, fmt.Errorf("read layouts: %w", err)
	}
	return files, h.Sum(), nil
}
