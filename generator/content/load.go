// Package content reads a content folder into typed documents: it splits
// and decodes front matter (YAML, TOML or JSON), converts Markdown, rewrites
// relative links to the pages they name, and reports every problem with its
// file, line and column.
package content

import (
	"cmp"
	"errors"
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"time"
	"unsafe"

	"golang.org/x/sync/errgroup"

	"github.com/handbook/handbook/generator/cache"
	"github.com/handbook/handbook/generator/diag"
	"github.com/handbook/handbook/generator/markdown"
	"github.com/handbook/handbook/generator/site"
	"github.com/handbook/handbook/generator/sysfile"
)

// Options control Load. The zero value reads a folder the user calls
// "content" and takes the base URL from site.toml.
type Options struct {
	// Dir is the content folder as the user named it. Diagnostics print
	// paths under it: "content/updates/x.md". Default "content".
	Dir string
	// BaseURL overrides site.toml's base_url when set.
	BaseURL string
	// Check reports broken links and missing images as errors rather
	// than warnings.
	Check bool
	// Cache, when set, keeps a snapshot of the content folder between
	// builds (see snapshot): a file whose bytes did not change is not
	// parsed again, nor read when its stat did not change either.
	Cache *cache.Cache
	// ReadOnly, with a Cache, reads the snapshot but does not write it:
	// files with the bytes it has are not parsed again, and the snapshot
	// stays that of the folder, for content that is not the folder's as
	// it is (handbook summary reads the folder as it was at a commit).
	ReadOnly bool
	// StopIfUnchanged, with a Cache, is asked whether Load should stop
	// after looking at the files when none changed since the snapshot,
	// with the key Result.Stop would have: if it says so, the Result has
	// Unchanged set, Hash, Stop and Static, and nothing else. Nil: Load
	// never stops.
	StopIfUnchanged func(stop cache.Key) bool
	// Root is the folder fsys reads, when fsys is os.DirFS(Root): files
	// are then looked at relative to their folder, which takes half the
	// time (see cache.StampsIn). Empty for any other file system.
	Root string
	// Renamed maps a path relative to the content folder that git saw
	// renamed to where it went: a link to the old path says so.
	Renamed map[string]Renamed
	// SaveLater leaves the snapshot to Result.Save, for a caller that
	// writes it beside what it does next (linking the documents) rather
	// than before.
	SaveLater bool
	// Reading, when set, is told how many Markdown files Load is about
	// to parse and their size in bytes, once it knows: after looking at
	// the folder, before parsing any of them. Files the snapshot's index
	// has parsed, with the stat they have, are not counted in files and
	// bytes but in parsed: a build after an edit parses a few. A build
	// with nothing to do stops before it tells.
	Reading func(files, parsed int, bytes int64)

	// clock, when set, is read instead of time.Now to tell how long ago
	// files changed: tests make every file look settled with it.
	clock func() time.Time
}

// MaxFileSize is the largest content file Load reads. Larger files are
// reported rather than read: a 50 MB Markdown file is a mistake, and
// converting it would stall every build.
const MaxFileSize = 8 << 20

// Result is what Load reads.
type Result struct {
	Content site.Content
	// Static lists the content paths of files that are published as they
	// are (images, PDFs), in path order: not the handbook folders'
	// category files, which are read (see category.go).
	Static []string
	// Hash identifies everything in the content that a page other than a
	// document's own may show: site.toml, every document's ListHash, the
	// static files' names and the category files.
	Hash cache.Key
	// ConfigHash identifies site.toml as read: what every page may show
	// whatever the documents say.
	ConfigHash cache.Key
	// Stop identifies Hash, the bytes of every file and the problems
	// the walk of the content folder found (names, links, sizes), which
	// Hash does not cover: a build whose content has the Stop key of the
	// last build's reports what that build reported (see
	// Options.StopIfUnchanged).
	Stop cache.Key
	// BaseURLPos is where site.toml sets base_url, or would: the top of
	// the file, or the file alone when HasConfig is false.
	BaseURLPos diag.Pos
	HasConfig  bool
	// Unchanged reports that Options.StopIfUnchanged stopped Load: every
	// file has the bytes it had when the cache's snapshot was taken.
	Unchanged bool
	// Save, with Options.SaveLater, writes the snapshot of what Load
	// read into the cache; nil when there is nothing to write.
	Save func()
}

// Load reads every file of fsys, the content folder.
func Load(fsys fs.FS, opts Options) (Result, diag.List) {
	if opts.Dir == "" {
		opts.Dir = "content"
	}
	var diags diag.List
	l := &loader{fsys: fsys, opts: opts, md: map[string]bool{}, static: map[string]bool{}, dirFiles: map[string][]string{}, stamps: map[string]cache.Stamp{}, placeholders: newPlaceholderFinders()}

	now := time.Now
	if opts.clock != nil {
		now = opts.clock
	}
	start := now().UnixNano()
	if opts.Cache != nil {
		l.prev = readSnapshot(opts.Cache, opts.Dir)
	}
	if opts.StopIfUnchanged != nil && l.prev != nil && opts.Root != "" && l.prev.sameStats(opts.Root) {
		if stop := l.prev.stopKey(l.prev.walk); opts.StopIfUnchanged(stop) {
			return Result{Static: published(l.prev.static()), Hash: l.prev.hash, Stop: stop, Unchanged: true}, nil
		}
	}
	if l.prev != nil {
		// As many files as last time, most likely: maps of the right
		// size from the start, not grown ten times over.
		n := len(l.prev.files)
		l.md, l.stamps = make(map[string]bool, n), make(map[string]cache.Stamp, n)
	}
	var cfgData []byte
	cfgStamp := cache.Stamp{}
	// Like every file, site.toml is not read through a symbolic link (the
	// walk below warns about it): a link to a file outside the content
	// folder would print pieces of it in error messages.
	if info, err := fs.Lstat(fsys, ConfigFile); err == nil && info.Mode()&fs.ModeSymlink == 0 {
		cfgStamp = cache.StampOf(info)
		cfgData, err = fs.ReadFile(fsys, ConfigFile)
		if err != nil {
			diags.Errorf(diag.Pos{File: l.display(ConfigFile)}, "read %s: %v", ConfigFile, err)
		}
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		diags.Errorf(diag.Pos{File: l.display(ConfigFile)}, "read %s: %v", ConfigFile, err)
	}
	cfg, basePos := decodeConfig(l.display(ConfigFile), cfgData, &diags)
	l.cfg = cfg
	if opts.BaseURL != "" {
		norm, err := NormalizeBaseURL(opts.BaseURL)
		if err != nil {
			diags.Errorf(diag.Pos{File: "--base-url"}, "%v", err)
		} else {
			l.cfg.BaseURL = norm
		}
	}
	res0 := Result{BaseURLPos: basePos, HasConfig: cfgData != nil}
	l.base = l.cfg.BasePath()

	before := len(diags)
	files, ok := l.unwalked()
	if !ok {
		files = l.walk(&diags)
	}
	walk := diagsKey(diags[before:])
	l.folders = handbookFolders(files)
	var static []string
	for p := range l.static {
		static = append(static, p)
	}
	slices.Sort(static)
	if l.prev != nil && l.prev.rawHTML != l.cfg.RawHTML {
		l.prev = nil // every conversion changes
	}
	next := &snapshot{rawHTML: l.cfg.RawHTML, start: start, walk: walk, files: map[string]*fileEntry{}, dirs: l.dirs, dirStamps: l.dirStamps, dirSums: l.dirSums}
	cfgSum := cache.Sum(cfgData)
	if cfgData == nil {
		cfgSum = absent // not an empty site.toml, which says less
	}
	next.files[ConfigFile] = &fileEntry{stamp: cfgStamp, sum: cfgSum}
	if opts.StopIfUnchanged != nil {
		if same, read := l.unchanged(next.files[ConfigFile], files, static); same {
			if stop := l.prev.stopKey(walk); opts.StopIfUnchanged(stop) {
				// Reading a few files (the one just edited) costs less
				// than writing the index again; but a folder's new
				// stamp (an editor's swap file come and gone) would
				// send every later build to the walk.
				if (read > restampAfter || !l.prev.sameDirs(next)) && !opts.ReadOnly {
					l.stamps[ConfigFile] = cfgStamp
					l.prev.restamp(opts.Cache, opts.Dir, start, l.stamps, next)
				}
				return Result{Static: published(static), Hash: l.prev.hash, Stop: stop, Unchanged: true}, diags
			}
		}
	}
	if l.prev != nil {
		l.prev.loadParsed(opts.Cache)
	}
	if opts.Reading != nil {
		// A file counts as parsed when its bucket was there to load.
		n, size := len(files), l.mdSize
		for _, p := range files {
			if e, st := l.prev.file(p), l.stamps[p]; e != nil && e.parsed != nil && l.prev.trusted(e, st) {
				n, size = n-1, size-st.Size
			}
		}
		opts.Reading(n, len(files)-n, size)
	}

	converter := markdown.New(markdown.Options{RawHTML: l.cfg.RawHTML})
	docs := make([]parsed, len(files))
	entries := make([]*fileEntry, len(files))
	same := make([]bool, len(files))
	slots := make([]diag.List, len(files))
	// Without a snapshot to keep buckets from, each bucket of the next
	// one is stored as soon as its files are parsed.
	var w *bucketWriter
	order := make([]int, len(files))
	for i := range order {
		order[i] = i
	}
	if opts.Cache != nil && l.prev == nil && !opts.ReadOnly {
		w = newBucketWriter(opts.Cache, opts.Dir, files, entries, bucketCount(len(files)+len(static)+1))
		order = w.order()
	}
	// Files in batches: most come from the snapshot in microseconds,
	// less than a goroutine of their own costs to start and grow.
	inBatches(len(files), 32, func(k int) {
		i := order[k]
		docs[i], entries[i], same[i] = l.parse(files[i], converter, &slots[i])
		if w != nil {
			w.parsed(i)
		}
	})
	for _, s := range slots {
		diags.Append(s)
	}
	// Static files are not read here unless their stat changed: render
	// copies them.
	for _, p := range static {
		e := l.prev.file(p)
		st := l.stamps[p]
		if e == nil || !l.prev.trusted(e, st) {
			data, err := l.readFile(p)
			if err != nil {
				next.leftOut()
				continue // render reports it
			}
			e = &fileEntry{sum: cache.Sum(data)}
		}
		next.files[p] = &fileEntry{stamp: st, sum: e.sum}
	}
	described, describedKey := l.readFolders(static, &diags)
	for i, rel := range files {
		if entries[i] != nil {
			next.files[rel] = entries[i]
		} else {
			next.leftOut()
		}
	}

	res := res0
	byURL := map[string]string{}
	for i, d := range docs {
		if d.doc == nil {
			continue
		}
		if prev, dup := byURL[d.doc.URL]; dup {
			diags.Errorf(diag.Pos{File: d.doc.File}, "page %s is also produced by %s; rename one of them", d.doc.URL, prev)
			continue
		}
		byURL[d.doc.URL] = d.doc.File
		c := &res.Content
		switch v := docs[i].value.(type) {
		case *site.Page:
			c.Pages = append(c.Pages, v)
		case *site.Update:
			c.Updates = append(c.Updates, v)
		case *site.Decision:
			c.Decisions = append(c.Decisions, v)
		case *site.Objective:
			c.Objectives = append(c.Objectives, v)
		case *site.Person:
			c.People = append(c.People, v)
		case *site.Team:
			c.Teams = append(c.Teams, v)
		}
	}
	res.Content.Config, res.Content.Folders = l.cfg, described
	res.Hash = l.hash(cfgData, docs, describedKey)
	res.ConfigHash = cache.NewHasher("config").Bytes(cfgData).String(l.cfg.BaseURL).Sum()
	next.hash, next.walk = res.Hash, walk
	next.order = slices.Sorted(maps.Keys(next.files))
	res.Stop = next.stopKey(walk)
	res.Static = published(static)
	if opts.Cache != nil && !opts.ReadOnly && !l.sameSnapshot(next, res.Hash, same) {
		next.hash = res.Hash
		if w != nil {
			next.buckets = w.keys
		}
		prev := l.prev
		res.Save = func() { writeSnapshot(opts.Cache, opts.Dir, next, prev) }
		if !opts.SaveLater {
			res.Save()
			res.Save = nil
		}
	}
	return res, diags
}

// restampAfter is how many files a load that finds nothing changed may
// read to tell before it writes the snapshot's index again.
const restampAfter = 32

// unchanged reports whether every file has the bytes it had in the
// snapshot, and no file came or went; read is how many files it had to
// read to tell. It reads only files whose stat it cannot trust, and stops
// at the first change.
func (l *loader) unchanged(cfg *fileEntry, files, static []string) (same bool, read int) {
	prev := l.prev
	if prev == nil || len(prev.files) != 1+len(files)+len(static) {
		return false, 0
	}
	if e := prev.file(ConfigFile); e == nil || e.sum != cfg.sum {
		return false, 0
	}
	for _, list := range [][]string{files, static} {
		for _, p := range list {
			e := prev.file(p)
			if e == nil {
				return false, read
			}
			if prev.trusted(e, l.stamps[p]) {
				continue
			}
			read++
			data, err := l.readFile(p)
			if err != nil || cache.Sum(data) != e.sum {
				return false, read
			}
		}
	}
	return true, read
}

// sameSnapshot reports whether next would store what the snapshot read
// holds, so that it need not be written again.
func (l *loader) sameSnapshot(next *snapshot, hash cache.Key, same []bool) bool {
	prev := l.prev
	if prev == nil || prev.hash != hash || prev.walk != next.walk || len(prev.files) != len(next.files) || !prev.sameDirs(next) {
		return false
	}
	for _, ok := range same {
		if !ok {
			return false
		}
	}
	for p, e := range next.files {
		old := prev.file(p)
		if old == nil || old.sum != e.sum || old.stamp != e.stamp || len(old.parsed) != len(e.parsed) {
			return false
		}
	}
	return true
}

type loader struct {
	fsys fs.FS
	opts Options
	cfg  site.Config
	base string          // base path prefixed to site paths: "" or "/handbook"
	md   map[string]bool // content paths of Markdown files
	// mdSize is the size of the Markdown files in bytes, as they were
	// looked at.
	mdSize int64
	static map[string]bool // content paths of other published files
	// dirFiles lists the Markdown files of each folder, for landing pages.
	dirFiles map[string][]string
	// folders holds each handbook folder with Markdown files in it, at
	// any depth: a folder a link may lead to (see resolve).
	folders map[string]bool
	// placeholders finds template text `handbook new` wrote.
	placeholders placeholderFinders
	// dirs lists the folders the walk read, "." first, dirStamps how
	// each looked before it was read and dirSums a hash of its names;
	// all nil when the walk failed to read one, a file it found has no
	// place in the snapshot, or folders cannot be stamped (see
	// snapshot.sameStats).
	dirs      []string
	dirStamps []cache.Stamp
	dirSums   []cache.Key
	// stamps is how each file looked when walked.
	stamps map[string]cache.Stamp
	// prev is the snapshot of the last build with this cache, or nil.
	prev *snapshot
}

func (l *loader) display(rel string) string { return path.Join(l.opts.Dir, rel) }

// readFile reads the content file rel. From a folder on disk (Root), it
// reads it with the size the walk saw, in three system calls rather than
// os.ReadFile's ten (see package sysfile).
func (l *loader) readFile(rel string) ([]byte, error) {
	if l.opts.Root == "" {
		return fs.ReadFile(l.fsys, rel)
	}
	return sysfile.ReadFile(filepath.Join(l.opts.Root, filepath.FromSlash(rel)), l.stamps[rel].Size)
}

// walk lists the Markdown files to parse, in path order, and records the
// static files. Hidden files and symbolic links are skipped: a link could
// point outside the content folder, or at itself.
func (l *loader) walk(diags *diag.List) []string {
	var files []string
	var found []foundFile
	if l.prev != nil {
		files = make([]string, 0, len(l.prev.files))
		found = make([]foundFile, 0, len(l.prev.files))
	}
	// The folders read and their stamps, each taken before the folder
	// is read (fs.WalkDir calls back before it reads a folder): a name
	// added while the walk runs changes the folder after its stamp. And
	// each folder's names, for a build with nothing to do to tell that a
	// folder it cannot trust the stamp of holds what it held (see
	// snapshot.sameStats).
	var dirs []string
	var dirStamps []cache.Stamp
	stamped := l.opts.Root != "" // every folder read, and stamped
	lists := map[string]lister{}
	dir := func(p string, d fs.DirEntry) {
		dirs = append(dirs, p)
		if !stamped {
			return
		}
		info, err := d.Info()
		st := cache.Stamp{}
		if err == nil {
			st = cache.StampOf(info)
		}
		if st == (cache.Stamp{}) {
			stamped = false // this system's stamps are not trusted
		}
		dirStamps = append(dirStamps, st)
	}
	err := fs.WalkDir(l.fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			stamped = false
			diags.Errorf(diag.Pos{File: l.display(p)}, "read: %v", unwrapPath(err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p == "." {
			dir(p, d)
			return nil
		}
		if stamped {
			parent := path.Dir(p)
			list, ok := lists[parent]
			if !ok {
				list = newLister()
				lists[parent] = list
			}
			list.add(d)
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if msg := badName(p, d.IsDir()); msg != "" {
			diags.Errorf(diag.Pos{File: l.display(p)}, "%s", msg)
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			what := "file"
			if info, err := fs.Stat(l.fsys, p); err == nil && info.IsDir() {
				what = "folder"
			}
			if target, err := fs.ReadLink(l.fsys, p); err == nil {
				diags.Warnf(diag.Pos{File: l.display(p)}, "symbolic link to %q is not followed; copy the %s into the content folder instead", target, what)
			} else {
				diags.Warnf(diag.Pos{File: l.display(p)}, "symbolic link is not followed; copy the %s into the content folder instead", what)
			}
			return nil
		}
		_, _, nested := strings.Cut(p, "/")
		if !nested {
			switch {
			case d.IsDir() && site.KindOfFolder(name) != 0:
				dir(p, d)
				return nil
			case d.IsDir():
				diags.Warnf(diag.Pos{File: l.display(p)}, "folder %q is not a content folder and is ignored (want handbook, updates, decisions, objectives, people or teams)", name)
				return fs.SkipDir
			case name == ConfigFile || strings.EqualFold(name, "README.md"):
				return nil
			default:
				diags.Warnf(diag.Pos{File: l.display(p)}, "file is outside the content folders and is ignored")
				return nil
			}
		}
		if d.IsDir() {
			dir(p, d)
			return nil
		}
		if !d.Type().IsRegular() {
			diags.Warnf(diag.Pos{File: l.display(p)}, "not a regular file; ignored")
			return nil
		}
		found = append(found, foundFile{p, d})
		return nil
	})
	if err != nil {
		stamped = false
		diags.Errorf(diag.Pos{File: l.opts.Dir}, "read content: %v", err)
	}
	if stamped {
		l.dirs, l.dirStamps = dirs, dirStamps
		l.dirSums = make([]cache.Key, len(dirs))
		for i, d := range dirs {
			if list, ok := lists[d]; ok {
				l.dirSums[i] = list.Sum()
			} else {
				l.dirSums[i] = newLister().Sum() // an empty folder
			}
		}
	}
	stamps, sizes := l.look(found)
	for i, f := range found {
		p, name := f.path, f.d.Name()
		top, _, _ := strings.Cut(p, "/")
		if stamps[i] != (cache.Stamp{}) {
			l.stamps[p] = stamps[i]
		}
		if sizes[i] > MaxFileSize {
			// Not in the snapshot, so not looked at by a build with
			// nothing to do: it must walk.
			l.dirs, l.dirStamps, l.dirSums = nil, nil, nil
			diags.Errorf(diag.Pos{File: l.display(p)}, "file is too large (%.1f MB; the limit is %d MB)", float64(sizes[i])/(1<<20), MaxFileSize>>20)
			continue
		}
		if IsMarkdown(name) && isSection(p) && top != site.KindPage.Folder() {
			// Folders of updates, decisions, people... have generated
			// lists; a README.md there (common in MADR repositories)
			// describes the folder for people browsing the repository.
			diags.Warnf(diag.Pos{File: l.display(p)}, "%s is not read in %s/ (the list at /%s/ is generated); move it to handbook/ to publish it", name, top, top)
			continue
		}
		if IsMarkdown(name) {
			if !isSection(p) && !hasID(p) {
				diags.Errorf(diag.Pos{File: l.display(p)}, "file name %q has no letter or digit to make a URL from; rename the file", name)
				continue
			}
		}
		if l.take(p, sizes[i]) {
			files = append(files, p)
		}
	}
	return files
}

// take records a file of a content folder the walk would keep, of size
// bytes, and reports whether it is Markdown, to be parsed; anything else
// (images, avatars and the like) is published as it is.
func (l *loader) take(p string, size int64) bool {
	if !IsMarkdown(path.Base(p)) {
		l.static[p] = true
		return false
	}
	l.md[p] = true
	l.mdSize += size
	l.dirFiles[path.Dir(p)] = append(l.dirFiles[path.Dir(p)], p)
	return true
}

// unwalked returns the files walk would, without the walk, when the
// snapshot says what it would find: every folder holds the names it
// held (snapshot.sameFolders), and the last walk found nothing to
// report. A build after an edit then stats the snapshot's files, as one
// with nothing to do does, rather than reading every folder again. It
// reports false when the walk is needed.
func (l *loader) unwalked() ([]string, bool) {
	prev := l.prev
	if prev == nil || l.opts.Root == "" || prev.walk != diagsKey(nil) || !prev.sameFolders(l.opts.Root) {
		return nil, false
	}
	// The snapshot's files in the walk's order: each folder's names
	// sorted, a folder's files where its name sorts among them.
	byWalk := make([]int, 0, len(prev.order))
	for i, p := range prev.order {
		if p != ConfigFile {
			byWalk = append(byWalk, i)
		}
	}
	slices.SortFunc(byWalk, func(a, b int) int { return walkOrder(prev.order[a], prev.order[b]) })
	found := make([]string, len(byWalk))
	for k, i := range byWalk {
		found[k] = prev.order[i]
	}
	// Stamped once: by sameStats, when the build asked whether anything
	// changed, or here.
	var stamps []cache.Stamp
	if prev.looked != nil {
		stamps = make([]cache.Stamp, len(byWalk))
		for k, i := range byWalk {
			stamps[k] = prev.looked[i]
		}
	} else {
		var ok bool
		if stamps, ok = stampsIn(l.opts.Root, found); !ok {
			return nil, false
		}
	}
	// Every file checked before any is taken: the walk, if one is
	// needed after all, takes them again.
	for _, st := range stamps {
		if st == (cache.Stamp{}) || st.Size > MaxFileSize {
			return nil, false // gone, or for the walk to report
		}
	}
	var files []string
	for i, p := range found {
		l.stamps[p] = stamps[i]
		if l.take(p, stamps[i].Size) {
			files = append(files, p)
		}
	}
	l.dirs, l.dirStamps, l.dirSums = prev.dirs, prev.dirStamps, prev.dirSums
	return files, true
}

// walkOrder compares two paths as fs.WalkDir meets them: name by name.
func walkOrder(a, b string) int {
	for {
		x, restA, moreA := strings.Cut(a, "/")
		y, restB, moreB := strings.Cut(b, "/")
		if c := strings.Compare(x, y); c != 0 || !moreA || !moreB {
			if c == 0 {
				// One is a folder the other is in: impossible for two
				// files, but the folder comes first.
				return cmp.Compare(len(a), len(b))
			}
			return c
		}
		a, b = restA, restB
	}
}

// look returns each found file's stamp and size, looking at them in
// parallel: a build with nothing to do is these ten thousand system calls
// and little else. The size of a file that cannot be looked at is 0.
func (l *loader) look(found []foundFile) ([]cache.Stamp, []int64) {
	stamps := make([]cache.Stamp, len(found))
	sizes := make([]int64, len(found))
	if l.opts.Root != "" && l.lookIn(found, stamps, sizes) {
		return stamps, sizes
	}
	inBatches(len(found), 256, func(i int) {
		if info, err := found[i].d.Info(); err == nil {
			stamps[i], sizes[i] = cache.StampOf(info), info.Size()
		}
	})
	return stamps, sizes
}

// lookIn is look on the folder Options.Root (see stampsIn); it reports
// false when the system cannot do that.
func (l *loader) lookIn(found []foundFile, stamps []cache.Stamp, sizes []int64) bool {
	paths := make([]string, len(found))
	for i, f := range found {
		paths[i] = f.path
	}
	got, ok := stampsIn(l.opts.Root, paths)
	if !ok {
		return false
	}
	for i, st := range got {
		stamps[i], sizes[i] = st, st.Size
	}
	return true
}

// stampsIn returns the stamp of each of paths, content paths under the
// folder root, each looked at relative to its folder (cache.StampsIn),
// folders in parallel; a file that cannot be looked at gets the zero
// Stamp. It reports false when the system cannot look at files so.
func stampsIn(root string, paths []string) ([]cache.Stamp, bool) {
	type batch struct {
		dir   string
		files []int // indexes into paths
	}
	byDir := map[string][]int{}
	var dirs []string
	for i, p := range paths {
		d := path.Dir(p)
		if _, ok := byDir[d]; !ok {
			dirs = append(dirs, d)
		}
		byDir[d] = append(byDir[d], i)
	}
	var batches []batch
	for _, d := range dirs {
		files := byDir[d]
		for lo := 0; lo < len(files); lo += 256 {
			batches = append(batches, batch{d, files[lo:min(lo+256, len(files))]})
		}
	}
	stamps := make([]cache.Stamp, len(paths))
	var failed atomic.Bool
	inBatches(len(batches), 1, func(b int) {
		names := make([]string, len(batches[b].files))
		for k, i := range batches[b].files {
			names[k] = path.Base(paths[i])
		}
		got, ok := cache.StampsIn(filepath.Join(root, filepath.FromSlash(batches[b].dir)), names)
		if !ok {
			failed.Store(true)
			return
		}
		for k, i := range batches[b].files {
			stamps[i] = got[k]
		}
	})
	return stamps, !failed.Load()
}

// foundFile is a regular file the walk found in a content folder.
type foundFile struct {
	path string
	d    fs.DirEntry
}

// IsMarkdown reports whether a file name is a Markdown file's, which
// the content folder holds documents in.
func IsMarkdown(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".md" || ext == ".markdown"
}

// parsed is one Markdown file after parsing.
type parsed struct {
	doc   *site.Doc // points into value
	value any       // *site.Page, *site.Update, ...
}

// parse reads a Markdown file into its document. It also returns the
// file's entry for the next snapshot, and whether the file has the bytes
// the last snapshot had.
func (l *loader) parse(rel string, conv *markdown.Converter, diags *diag.List) (out parsed, entry *fileEntry, same bool) {
	file := l.display(rel)
	defer func() {
		// Content must never crash a build: a panic in a library on odd
		// input becomes a diagnostic for that file.
		if r := recover(); r != nil {
			diags.Errorf(diag.Pos{File: file}, "internal error reading this file: %v", r)
			out, entry = parsed{}, nil
		}
	}()
	st := l.stamps[rel]
	prev := l.prev.file(rel)
	var data []byte
	if prev != nil && !l.prev.trusted(prev, st) {
		var err error
		if data, err = l.readFile(rel); err != nil {
			diags.Errorf(diag.Pos{File: file}, "read: %v", unwrapPath(err))
			return parsed{}, nil, false
		}
		if cache.Sum(data) != prev.sum {
			prev = nil
		}
	}
	if prev != nil {
		entry, same = &fileEntry{stamp: st, sum: prev.sum, parsed: prev.parsed}, true
		if len(prev.parsed) > 0 {
			if p, ok := decodeParse(prev.parsed, file); ok {
				var local diag.List
				if out, ok := l.document(rel, file, p, nil, conv, &local); ok {
					diags.Append(local)
					return out, entry, true
				}
			}
		}
	}
	if data == nil {
		var err error
		if data, err = l.readFile(rel); err != nil {
			diags.Errorf(diag.Pos{File: file}, "read: %v", unwrapPath(err))
			return parsed{}, nil, false
		}
	}
	entry = &fileEntry{stamp: st, sum: cache.Sum(data)}
	var local diag.List
	src := split(file, data, &local)
	// Template text is looked for here, where the file's text is at hand:
	// a file that has some is not kept parsed in the snapshot (it is not
	// clean), so the next build reads it and reports it again.
	placeholderSev := diag.Warning
	if l.opts.Check {
		placeholderSev = diag.Error
	}
	kind := site.KindOfFolder(strings.SplitN(rel, "/", 2)[0])
	l.placeholders.check(kind, src, placeholderSev, &local)
	var mentions []site.Mention
	if kind == site.KindUpdate {
		mentions = bodyMentions(src)
	}
	p := &cachedParse{has: src.has, unread: src.unread, meta: src.meta, fmHash: cache.Sum(src.text[:src.start]), bodyHash: cache.Sum(src.body), mentions: mentions}
	clean := len(local) == 0
	diags.Append(local)
	out, ok := l.document(rel, file, p, src, conv, diags)
	// Without a snapshot to write, the encoded parse would only be held
	// to the end of the load: at 100,000 documents a third of its peak.
	if clean && ok && l.opts.Cache != nil && !l.opts.ReadOnly {
		if b, ok := p.encode(); ok {
			entry.parsed = b
		}
	}
	return out, entry, same
}

// document makes the document of a file from its parts: from src, the
// file just split, or when src is nil from p, a snapshot's entry. ok is
// false when the file could not be converted, or when p's conversion no
// longer holds (a link now leads elsewhere): the caller parses the file
// again, and diagnostics reported so far are to be dropped.
func (l *loader) document(rel, file string, p *cachedParse, src *source, conv *markdown.Converter, diags *diag.List) (out parsed, ok bool) {
	meta := p.meta
	if meta == nil {
		meta = newMapping()
	}
	f := newFields(meta, file, l.cfg.Timezone, diags)
	f.unread = p.unread
	kind := site.KindOfFolder(strings.SplitN(rel, "/", 2)[0])

	// The path is the end of the file's name, not a string of its own:
	// one object fewer for each document the collector traces.
	docPath := rel
	if strings.HasSuffix(file, "/"+rel) {
		docPath = file[len(file)-len(rel):]
	}
	d := site.Doc{Kind: kind, Path: docPath, File: file, URL: URL(rel)}
	d.Draft = f.boolean("draft")
	d.Tags = f.tags()
	d.Aliases = decodeAliases(f)

	fmTitle := f.str("title")
	if kind == site.KindPerson || kind == site.KindTeam {
		fmTitle = firstOf(f.str("name"), fmTitle)
	}
	var resolved []resolution
	rewrite := func(dest string, image bool) string {
		r := l.resolve(rel, dest, image)
		resolved = append(resolved, r)
		return r.href
	}
	keepH1 := func(h1 string) bool { return fmTitle != "" && fmTitle != h1 }
	if src == nil {
		if !p.conv.valid(rewrite, keepH1) || len(p.linkPos) != len(p.conv.Result.Links) {
			return parsed{}, false
		}
	} else {
		var err error
		p.conv, err = l.convert(conv, src.body, p.bodyHash, rewrite, keepH1, func() { resolved = resolved[:0] })
		var limit *markdown.LimitError
		if errors.As(err, &limit) {
			diags.Errorf(src.pos(src.start+limit.Offset), "%s", limit.Msg)
			return parsed{}, false
		}
		if err != nil {
			diags.Errorf(diag.Pos{File: file}, "convert Markdown: %v", err)
			return parsed{}, false
		}
		p.linkPos = make([]diag.Pos, len(p.conv.Result.Links))
		for i, link := range p.conv.Result.Links {
			p.linkPos[i] = src.pos(src.start + link.Offset)
		}
	}
	md := p.conv.Result
	// goldmark escapes text and, unless the site enables raw HTML,
	// leaves raw HTML out: the body is safe to insert into a page.
	if p.conv.aliased {
		d.Body = template.HTML(unsafe.String(unsafe.SliceData(md.HTML), len(md.HTML)))
	} else {
		d.Body = template.HTML(md.HTML)
	}
	d.Summary = md.Summary
	d.Headings = md.Headings
	d.TitleID = md.TitleID
	d.TOC = md.TOC
	d.Sections = make([]site.Section, len(md.Sections))
	for i, s := range md.Sections {
		d.Sections[i] = site.Section{ID: s.ID, Title: s.Title, Text: s.Text}
	}
	for i, link := range md.Links {
		r := resolved[i]
		pos := p.linkPos[i]
		if r.warning != "" {
			sev := diag.Warning
			if l.opts.Check {
				sev = diag.Error
			}
			diags.Addf(sev, pos, "%s", r.warning)
		}
		d.Links = append(d.Links, site.Link{Pos: pos, Dest: link.Dest, Target: r.target, Fragment: r.fragment, Image: link.Image, Hint: r.hint})
	}

	var v any
	switch kind {
	case site.KindPage:
		p := decodePage(f, d, md.Title)
		v, out.doc = p, &p.Doc
	case site.KindUpdate:
		u := decodeUpdate(f, d, md, p.mentions)
		v, out.doc = u, &u.Doc
	case site.KindDecision:
		x := decodeDecision(f, d, md.Title, &l.cfg)
		v, out.doc = x, &x.Doc
	case site.KindObjective:
		o := decodeObjective(f, d, md.Title)
		v, out.doc = o, &o.Doc
	case site.KindPerson:
		p := decodePerson(f, d, md.Title)
		v, out.doc = p, &p.Doc
	case site.KindTeam:
		t := decodeTeam(f, d, md.Title)
		v, out.doc = t, &t.Doc
	default:
		return parsed{}, true
	}
	out.value = v
	var extra []string
	if u, ok := v.(*site.Update); ok && u.BlockersInBody {
		extra = u.Blockers
	}
	out.doc.ListHash, out.doc.SourceHash = hashes(rel, p.fmHash, p.bodyHash, md, d.Links, resolved, extra)
	out.doc.Fields = f.positions()
	out.doc.Params = f.params()
	if out.doc.Summary == "" || kind == site.KindPage {
		if desc, ok := out.doc.Params["description"].(string); ok && desc != "" {
			out.doc.Summary = desc
		}
	}
	if p, ok := v.(*site.Page); ok && p.Description != "" {
		p.Summary = p.Description
	}
	return out, true
}

// resolution is what a link destination turned out to be.
type resolution struct {
	href     string // what the page links to
	target   string // content path of a linked Markdown file
	fragment string
	warning  string
	hint     string // where a missing target went, from Options.Renamed
}

// resolve rewrites a link in the file at content path from. Links to
// Markdown files become links to their pages, links to other content
// files become site paths, and site paths get the base path; links with a
// scheme and links that cannot be resolved are left as written.
func (l *loader) resolve(from, dest string, image bool) resolution {
	r := resolution{href: dest}
	// goldmark resolves character references in a destination when it
	// writes the link ("&#106;avascript:" is javascript:, and is dropped
	// as such); read it the same way.
	dest = html.UnescapeString(dest)
	if dest == "" || strings.HasPrefix(dest, "//") {
		return r
	}
	if u, err := url.Parse(dest); err != nil || u.Scheme != "" {
		return r
	}
	p, frag, _ := strings.Cut(dest, "#")
	if unesc, err := url.PathUnescape(frag); err == nil {
		frag = unesc
	}
	r.fragment = frag
	if p == "" {
		return r // a heading on this page; checked by the model
	}
	p, _, _ = strings.Cut(p, "?")
	// A path is site-rooted as written: "%2Fx" is a file named "/x" in
	// this folder, as a browser reads it.
	rooted := strings.HasPrefix(p, "/")
	if unesc, err := url.PathUnescape(p); err == nil {
		p = unesc
	}
	hash := ""
	if frag != "" {
		hash = "#" + url.PathEscape(frag)
	}
	if rooted {
		r.href = l.base + dest
		r.fragment = ""
		return r
	}
	joined := path.Join(path.Dir(from), p)
	if joined == ".." || strings.HasPrefix(joined, "../") {
		r.warning = fmt.Sprintf("link %s points outside the content folder", dest)
		r.fragment = ""
		return r
	}
	if IsMarkdown(joined) {
		r.target = joined
		if l.md[joined] {
			r.href = l.base + URL(joined) + hash
		} else {
			r.hint = l.renamedHint(from, joined, hash)
		}
		return r
	}
	if isCategory(joined) && l.static[joined] {
		r.fragment = ""
		r.warning = fmt.Sprintf("link to %s, which describes its folder and is not published", dest)
		return r
	}
	if l.static[joined] {
		r.href = l.base + "/" + escapePath(joined) + hash
		r.fragment = ""
		return r
	}
	if landing := l.landing(joined); landing != "" {
		r.target = landing
		r.href = l.base + URL(r.target) + hash
		return r
	}
	if l.folders[joined] {
		// A handbook folder without an index file: the model has its
		// landing page, or says it has none (see site.Link.Target).
		r.target = joined + "/"
		r.href = l.base + URL(joined+"/index.md") + hash
		return r
	}
	if k := site.KindOfFolder(joined); k != 0 {
		// ../updates/ and the like: the list page the site generates.
		r.href = l.base + "/" + joined + "/" + hash
		r.fragment = ""
		return r
	}
	r.fragment = ""
	r.warning = fmt.Sprintf("link to missing file %s", dest)
	if image {
		r.warning = fmt.Sprintf("missing image %s", dest)
	}
	if h := l.renamedHint(from, joined, hash); h != "" {
		r.warning += "; " + h
	}
	return r
}

// handbookFolders returns the folders of handbook pages among files,
// each with the folders above it up to content/handbook/ itself.
func handbookFolders(files []string) map[string]bool {
	folders := map[string]bool{}
	for _, f := range files {
		if !strings.HasPrefix(f, site.KindPage.Folder()+"/") {
			continue
		}
		for dir := path.Dir(f); dir != site.KindPage.Folder() && !folders[dir]; dir = path.Dir(dir) {
			folders[dir] = true
		}
	}
	return folders
}

func escapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// unwrapPath drops the path from a *fs.PathError: diagnostics already
// start with it.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// landing returns the content path of the landing page of folder dir
// (index.md, _index.md or README.md, in any case), or "".
func (l *loader) landing(dir string) string {
	best, rank := "", len(site.LandingNames)
	for i, n := range site.LandingNames {
		for _, p := range l.dirFiles[dir] {
			if strings.EqualFold(path.Base(p), n) && i < rank {
				best, rank = p, i
			}
		}
	}
	return best
}

// renamedHint says where the missing file joined went, when git renamed
// it, and what the file at from should link to instead; "" otherwise.
func (l *loader) renamedHint(from, joined, hash string) string {
	mv, ok := l.opts.Renamed[joined]
	if !ok {
		return ""
	}
	return fmt.Sprintf("it was renamed to %s in %s: link to %s", path.Join(l.opts.Dir, mv.To), mv.Commit, relativeLink(path.Dir(from), mv.To)+hash)
}

// Renamed is where a content file went when git renamed it.
type Renamed struct {
	// To is the file's path now, relative to the content folder.
	To string
	// Commit names the commit that renamed it.
	Commit string
}

// relativeLink returns the slash-separated link from the folder dir to
// the file to, both relative to the content folder.
func relativeLink(dir, to string) string {
	from := strings.Split(dir, "/")
	if dir == "." {
		from = nil
	}
	parts := strings.Split(to, "/")
	i := 0
	for i < len(from) && i < len(parts)-1 && from[i] == parts[i] {
		i++
	}
	var b strings.Builder
	for range from[i:] {
		b.WriteString("../")
	}
	b.WriteString(strings.Join(parts[i:], "/"))
	return b.String()
}

// inBatches calls f for 0 to n-1, in batches of size run in parallel, a
// goroutine per processor at a time.
func inBatches(n, size int, f func(i int)) {
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for lo := 0; lo < n; lo += size {
		g.Go(func() error {
			for i := lo; i < min(lo+size, n); i++ {
				f(i)
			}
			return nil
		})
	}
	g.Wait()
}
