package content

import (
	"encoding/binary"
	"hash/fnv"
	"io"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"golang.org/x/sync/errgroup"

	"github.com/handbook/handbook/generator/cache"
	"github.com/handbook/handbook/generator/diag"
	"github.com/handbook/handbook/generator/site"
	"github.com/handbook/handbook/generator/sysfile"
)

// A snapshot is what the last build with the same cache learnt about every
// file of the content folder: how each file looked on disk (size, times,
// inode), a hash of its bytes, and for a Markdown file its front matter
// decoded and its body converted. A build reads it in one piece and then
//
//   - reads no file whose stat is what the snapshot holds (see trusted),
//   - parses and converts no file whose bytes hash as before,
//   - converts no body that some file of the last build had, when its
//     links still lead where they did (a moved file, a changed front
//     matter),
//
// so that a build after a one-file change reads, parses and converts one
// file, and a build after no change at all can tell so from stats alone
// (Result.Unchanged). What a file means to the rest of the site (its
// document, its links' targets, its diagnostics) is worked out again every
// build from these parts: only the file's own bytes decide them.
type snapshot struct {
	rawHTML bool
	// hash is Result.Hash of the build that wrote it, and walk a hash
	// of the problems its walk found (see Result.Stop).
	hash, walk cache.Key
	// start is when that build looked at the files (Unix nanoseconds):
	// see cache.Stamp.Settled.
	start int64
	files map[string]*fileEntry
	// order holds the paths of the entries in path order, as stored,
	// and entries the entries in that order.
	order   []string
	entries []fileEntry
	// dirs holds the folders the walk read, "." first, dirStamps how
	// each looked before it was read and dirSums a hash of the names it
	// held (see listSum, sameStats); none when the walk could not read
	// one, a file it found has no entry, or the system cannot stamp
	// folders.
	dirs      []string
	dirStamps []cache.Stamp
	dirSums   []cache.Key
	// buckets holds the keys of the entries that hold the parsed files,
	// each those of the files whose paths fall into it (see bucketOf).
	buckets []cache.Key
	// bodies finds an entry by the hash of its body, once the parsed
	// files are loaded; made when first asked, since only a file
	// whose bytes changed asks.
	bodies     map[cache.Key]*fileEntry
	bodiesOnce sync.Once
	// looked holds the stamps sameStats took of the files, in order's
	// order, once it has: a build that goes on to load the files
	// (unwalked) then does not look at each a second time.
	looked []cache.Stamp
}

// snapshotVersion starts every snapshot; change it with the layout.
const snapshotVersion = 9

// fileEntry is one file of a snapshot.
type fileEntry struct {
	stamp cache.Stamp
	sum   cache.Key // of the file's bytes
	// parsed holds the encoded front matter and conversion of a
	// Markdown file, empty when the file had problems: such files
	// are parsed every build, so that their diagnostics are.
	parsed []byte
	size   int // of parsed, before it is loaded
}

// file returns the entry of the file at rel; a nil snapshot has none.
func (s *snapshot) file(rel string) *fileEntry {
	if s == nil {
		return nil
	}
	return s.files[rel]
}

// body returns an entry whose body hashes to k. It is safe to call from
// several goroutines once the parsed files are loaded.
func (s *snapshot) body(k cache.Key) *fileEntry {
	if s == nil {
		return nil
	}
	s.bodiesOnce.Do(func() {
		s.bodies = make(map[cache.Key]*fileEntry, len(s.order))
		for _, rel := range s.order {
			if e := s.files[rel]; len(e.parsed) > 0 {
				// The payload starts with the body's hash.
				b := decoder{b: e.parsed}
				s.bodies[b.key()] = e
			}
		}
	})
	return s.bodies[k]
}

// trusted reports whether a file whose stat is now st still has the
// bytes e.sum was taken of, without reading it: same size, times and
// inode, and last changed well before the snapshot's build looked at it.
func (s *snapshot) trusted(e *fileEntry, st cache.Stamp) bool {
	return e.stamp == st && st.Settled(s.start)
}

// sameStats reports whether the content folder root is as the snapshot's
// build left it, without walking it: every folder that build read has
// the stamp it had and holds the same names, and every file has the
// stamp it had and so the same bytes. The walk would then find the files
// the snapshot has, each with its bytes, and a build with nothing to do
// need not walk: some 10,000 stats at 10,000 documents, in parallel,
// where the walk reads and sorts every folder and stats every file.
//
// A stamp is taken on trust when it was settled before the snapshot's
// build looked (see trusted): a change in the same tick of the file
// system's clock could have kept it. A folder whose stamp is as it was
// but too recent to trust is read again, and its names hashed (listSum);
// a file, read and hashed, up to restampAfter of them: a build just after
// the one that added an update trusts neither the update nor its folder.
func (s *snapshot) sameStats(root string) bool {
	if !s.sameFolders(root) {
		return false
	}
	got, ok := stampsIn(root, s.order)
	if !ok {
		return false
	}
	s.looked = got
	unsettled := 0
	for i, st := range got {
		e := &s.entries[i]
		if s.trusted(e, st) || st == (cache.Stamp{}) && e.stamp == st && e.sum == absent {
			continue // settled, or site.toml still missing
		}
		if unsettled++; st != e.stamp || unsettled > restampAfter {
			return false
		}
		p := filepath.Join(root, filepath.FromSlash(s.order[i]))
		if data, err := sysfile.ReadFile(p, st.Size); err != nil || cache.Sum(data) != e.sum {
			return false
		}
	}
	return true
}

// sameFolders reports whether every folder the snapshot's walk read
// under root has the stamp it had and holds the same names: a walk now
// would find the files it found, each perhaps with other bytes.
func (s *snapshot) sameFolders(root string) bool {
	if len(s.dirs) == 0 {
		return false
	}
	stamps, ok := cache.StampsIn(root, s.dirs)
	if !ok {
		return false
	}
	for i, st := range stamps {
		if st != s.dirStamps[i] {
			return false
		}
		if !st.Settled(s.start) {
			sum, ok := listSum(filepath.Join(root, filepath.FromSlash(s.dirs[i])))
			if !ok || sum != s.dirSums[i] {
				return false
			}
		}
	}
	return true
}

// listSum returns a hash of the names in the folder dir and their types,
// as the walk sees them (see loader.walk), and false when it cannot be
// read.
func listSum(dir string) (cache.Key, bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return cache.Key{}, false
	}
	l := newLister()
	for _, e := range entries {
		l.add(e)
	}
	return l.Sum(), true
}

// A lister hashes the names in a folder and their types, in name order.
type lister struct{ *cache.Hasher }

func newLister() lister { return lister{cache.NewHasher("folder names")} }

func (l lister) add(e fs.DirEntry) { l.String(e.Name()).Int(int64(e.Type())) }

// snapshotKey names the snapshot of a content folder. The snapshot is an
// index of the files, which tells whether any changed, and buckets of
// parsed files, read only when some did. A build that changes a few
// files writes the index and the few buckets they fall into: at 10,000
// documents the parsed files are some 30 MB.
func snapshotKey(dir string) cache.Key {
	return cache.NewHasher("content-snapshot").String(dir).Sum()
}

// bucketCount returns how many buckets a snapshot of n files has: a power
// of two, so that it changes (and every file moves) only when the
// content doubles or halves, of some hundred files each.
func bucketCount(n int) int {
	b := 16
	for b*128 < n {
		b *= 2
	}
	return b
}

// bucketOf returns the bucket of the file at rel among n buckets.
func bucketOf(rel string, n int) int {
	h := fnv.New32a()
	io.WriteString(h, rel)
	return int(h.Sum32() % uint32(n))
}

// readSnapshot reads the index of the snapshot of dir; loadParsed reads
// the rest.
func readSnapshot(c *cache.Cache, dir string) *snapshot {
	data, ok := c.Get("content", snapshotKey(dir))
	if !ok {
		return nil
	}
	// The paths share data's bytes: ten thousand strings fewer for a
	// build with nothing to do.
	d := decoder{b: data, alias: true}
	if d.uint() != snapshotVersion {
		return nil
	}
	s := &snapshot{rawHTML: d.bool(), hash: d.key(), walk: d.key(), start: d.int()}
	for range d.count() {
		s.buckets = append(s.buckets, d.key())
	}
	n := d.count()
	s.files = make(map[string]*fileEntry, n)
	s.order = make([]string, 0, n)
	s.entries = make([]fileEntry, n)
	for i := range n {
		rel := d.string()
		e := &s.entries[i]
		e.stamp = d.stamp()
		e.sum = d.key()
		e.size = int(d.uint())
		if d.bad {
			return nil
		}
		s.files[rel] = e
		s.order = append(s.order, rel)
	}
	n = d.count()
	s.dirs = make([]string, 0, n)
	s.dirStamps = make([]cache.Stamp, 0, n)
	s.dirSums = make([]cache.Key, 0, n)
	for range n {
		s.dirs = append(s.dirs, d.string())
		s.dirStamps = append(s.dirStamps, d.stamp())
		s.dirSums = append(s.dirSums, d.key())
	}
	if d.bad || len(d.b) != 0 || len(s.buckets) == 0 {
		return nil
	}
	return s
}

// loadParsed reads the parsed files of the snapshot, bucket by bucket,
// in parallel: at 10,000 documents some 30 MB that a build with one file
// changed waits for. The files of a bucket that is missing or damaged
// have none: they are parsed again.
func (s *snapshot) loadParsed(c *cache.Cache) {
	lists := s.bucketLists(s.order)
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, list := range lists {
		g.Go(func() error {
			// Each bucket's files are its own: no two goroutines
			// write one entry.
			total := 0
			for _, rel := range list {
				total += s.files[rel].size
			}
			if total == 0 {
				return nil
			}
			data, ok := c.Get("content", s.buckets[i])
			if !ok || len(data) != total {
				return nil
			}
			off := 0
			for _, rel := range list {
				e := s.files[rel]
				e.parsed = data[off : off+e.size : off+e.size]
				off += e.size
			}
			return nil
		})
	}
	g.Wait()
}

// bucketLists returns the paths of order, a sorted list of s's files, by
// bucket.
func (s *snapshot) bucketLists(order []string) [][]string {
	lists := make([][]string, len(s.buckets))
	for _, rel := range order {
		b := bucketOf(rel, len(lists))
		lists[b] = append(lists[b], rel)
	}
	return lists
}

// writeSnapshot stores the snapshot of this build's files, and removes
// the buckets of the snapshot it replaces that it does not keep. A bucket
// whose files are the same, each with the very bytes prev loaded, is
// kept as it is. A snapshot whose buckets are set has them stored
// already, by a bucketWriter: only its index is written. s.order must
// list s.files in path order.
func writeSnapshot(c *cache.Cache, dir string, s *snapshot, prev *snapshot) {
	order := s.order
	if s.buckets == nil {
		s.buckets = make([]cache.Key, bucketCount(len(order)))
		lists := s.bucketLists(order)
		var prevLists [][]string
		if prev != nil && len(prev.buckets) == len(s.buckets) {
			prevLists = prev.bucketLists(prev.order)
		}
		for i, list := range lists {
			if prevLists != nil && sameBucket(list, prevLists[i], s, prev) {
				s.buckets[i] = prev.buckets[i]
				continue
			}
			parts := make([][]byte, len(list))
			for k, rel := range list {
				parts[k] = s.files[rel].parsed
			}
			s.buckets[i] = putBucket(c, dir, parts)
		}
		for _, f := range s.files {
			f.size = len(f.parsed)
		}
	}
	writeIndex(c, dir, s, order)
	if prev != nil {
		kept := map[cache.Key]bool{}
		for _, k := range s.buckets {
			kept[k] = true
		}
		for _, k := range prev.buckets {
			if !kept[k] {
				c.Remove("content", k)
			}
		}
	}
}

// putBucket stores a bucket of parsed files, the parts in path order, and
// returns its key. An empty bucket is not stored.
func putBucket(c *cache.Cache, dir string, parts [][]byte) cache.Key {
	size := 0
	for _, b := range parts {
		size += len(b)
	}
	// The key of the parts joined, as Hasher.Bytes would take them, and
	// the entry written part by part: joined, the buckets of a build of
	// 100,000 documents were 290 MB for the collector.
	h := cache.NewHasher("content-parsed").String(dir).Int(int64(size))
	for _, b := range parts {
		h.Write(b)
	}
	k := h.Sum()
	if size > 0 {
		c.PutParts("content", k, parts)
	}
	return k
}

// A bucketWriter stores the buckets of a snapshot while its files are
// parsed, each bucket as soon as its last file is, and then lets its
// files' parsed bytes go. Without one a build holds every file's parse
// until the end of the load: at 100,000 documents 390 MB of a 1.1 GB
// peak live heap, which a build with a snapshot to keep buckets from
// does not make. The files are parsed bucket by bucket (see order), so
// that buckets are finished all along the load.
type bucketWriter struct {
	c       *cache.Cache
	dir     string
	entries []*fileEntry   // each file's entry, set as it is parsed
	members [][]int        // each bucket's files, in path order
	bucket  []int          // each file's bucket
	left    []atomic.Int32 // each bucket's files not parsed yet
	keys    []cache.Key    // each bucket's key, once stored
}

// newBucketWriter returns a bucketWriter for files, whose entries the
// parse sets, among nb buckets. nb must be the bucket count of the
// snapshot's files, static ones included (they take no room in a
// bucket), or more: files that fail to parse have no entry.
func newBucketWriter(c *cache.Cache, dir string, files []string, entries []*fileEntry, nb int) *bucketWriter {
	w := &bucketWriter{c: c, dir: dir, entries: entries, members: make([][]int, nb), bucket: make([]int, len(files)), left: make([]atomic.Int32, nb), keys: make([]cache.Key, nb)}
	for i, rel := range files {
		b := bucketOf(rel, nb)
		w.bucket[i] = b
		w.members[b] = append(w.members[b], i)
	}
	for b, m := range w.members {
		slices.SortFunc(m, func(i, j int) int { return strings.Compare(files[i], files[j]) })
		w.left[b].Store(int32(len(m)))
		if len(m) == 0 {
			w.keys[b] = putBucket(c, dir, nil)
		}
	}
	return w
}

// order returns the files' indexes bucket by bucket.
func (w *bucketWriter) order() []int {
	order := make([]int, 0, len(w.bucket))
	for _, m := range w.members {
		order = append(order, m...)
	}
	return order
}

// parsed tells w that file i's entry is set (nil for a file that failed).
// The call for a bucket's last file stores the bucket. It is safe to call
// from several goroutines.
func (w *bucketWriter) parsed(i int) {
	b := w.bucket[i]
	if w.left[b].Add(-1) != 0 {
		return
	}
	var parts [][]byte
	for _, j := range w.members[b] {
		if e := w.entries[j]; e != nil {
			parts = append(parts, e.parsed)
		}
	}
	w.keys[b] = putBucket(w.c, w.dir, parts)
	for _, j := range w.members[b] {
		if e := w.entries[j]; e != nil {
			e.size, e.parsed = len(e.parsed), nil
		}
	}
}

// sameBucket reports whether the bucket of next's files at paths holds
// what prev's bucket of the files at old holds: the same files, each with
// the bytes prev loaded for it, not merely equal ones.
func sameBucket(paths, old []string, next, prev *snapshot) bool {
	if !slices.Equal(paths, old) {
		return false
	}
	for _, rel := range paths {
		a, b := next.files[rel].parsed, prev.files[rel]
		if len(a) != b.size || len(a) != len(b.parsed) || (len(a) > 0 && unsafe.SliceData(a) != unsafe.SliceData(b.parsed)) {
			return false
		}
	}
	return true
}

// writeIndex stores the index of s, whose files' sizes are set, with the
// files in the given order.
func writeIndex(c *cache.Cache, dir string, s *snapshot, order []string) {
	idx := encoder{b: make([]byte, 0, 128*len(order)+64+2*len(cache.Key{})*len(s.buckets))}
	idx.uint(snapshotVersion)
	idx.bool(s.rawHTML)
	idx.key(s.hash)
	idx.key(s.walk)
	idx.int(s.start)
	idx.uint(uint64(len(s.buckets)))
	for _, k := range s.buckets {
		idx.key(k)
	}
	idx.uint(uint64(len(order)))
	for _, rel := range order {
		f := s.files[rel]
		idx.string(rel)
		idx.stamp(f.stamp)
		idx.key(f.sum)
		idx.uint(uint64(f.size))
	}
	idx.uint(uint64(len(s.dirs)))
	for i, rel := range s.dirs {
		idx.string(rel)
		idx.stamp(s.dirStamps[i])
		idx.key(s.dirSums[i])
	}
	c.Put("content", snapshotKey(dir), idx.b)
}

// restamp stores the index of s again, as taken at start with the files'
// stamps now and the folders and walk of walked: the load that calls it
// found every file unchanged, but had to read some to tell, their stamps
// being too recent to trust, or found folders changed. Without it every
// later load would read them again, or walk.
func (s *snapshot) restamp(c *cache.Cache, dir string, start int64, stamps map[string]cache.Stamp, walked *snapshot) {
	next := &snapshot{rawHTML: s.rawHTML, hash: s.hash, walk: walked.walk, start: start, buckets: s.buckets, files: make(map[string]*fileEntry, len(s.files)), dirs: walked.dirs, dirStamps: walked.dirStamps, dirSums: walked.dirSums}
	for rel, e := range s.files {
		st, ok := stamps[rel]
		if !ok {
			return
		}
		next.files[rel] = &fileEntry{stamp: st, sum: e.sum, size: e.size}
	}
	writeIndex(c, dir, next, s.order)
}

// cachedParse is the part of parsing a Markdown file that depends on its
// bytes alone.
type cachedParse struct {
	bodyHash, fmHash cache.Key
	has, unread      bool
	meta             *mapping
	// linkPos is where each link of the conversion starts.
	linkPos []diag.Pos
	// mentions are the @mentions of the body's Blockers section, read
	// from the file's text, which a snapshot's entry does not keep.
	mentions []site.Mention
	conv     converted
}

func (p *cachedParse) encode() ([]byte, bool) {
	e := encoder{b: make([]byte, 0, 2*len(p.conv.Result.HTML)+512)}
	e.key(p.bodyHash)
	e.key(p.fmHash)
	e.bool(p.has)
	e.bool(p.unread)
	e.bool(p.meta != nil)
	if p.meta != nil && !e.mapping(p.meta) {
		return nil, false
	}
	e.uint(uint64(len(p.linkPos)))
	for _, pos := range p.linkPos {
		e.uint(uint64(pos.Line))
		e.uint(uint64(pos.Col))
	}
	e.uint(uint64(len(p.mentions)))
	for _, m := range p.mentions {
		e.string(m.Name)
		e.uint(uint64(m.Pos.Line))
		e.uint(uint64(m.Pos.Col))
	}
	// The conversion comes last, to the end of the entry: written in
	// place, rather than as bytes of its own, it is not encoded twice.
	p.conv.encodeTo(&e)
	return e.b, true
}

// decodeParse reads an entry's payload; file is the file's name as
// diagnostics print it, which positions take.
func decodeParse(data []byte, file string) (*cachedParse, bool) {
	// data is a snapshot's: its strings may share its bytes.
	d := decoder{b: data, alias: true}
	p := &cachedParse{bodyHash: d.key(), fmHash: d.key(), has: d.bool(), unread: d.bool()}
	if d.bool() {
		p.meta = d.mapping(file, 0)
	}
	for range d.count() {
		p.linkPos = append(p.linkPos, diag.Pos{File: file, Line: int(d.uint()), Col: int(d.uint())})
	}
	for range d.count() {
		name := d.string()
		p.mentions = append(p.mentions, site.Mention{Name: name, Pos: diag.Pos{File: file, Line: int(d.uint()), Col: int(d.uint())}})
	}
	if d.bad {
		return p, false
	}
	conv, ok := decodeConverted(d.b, true)
	p.conv = conv
	return p, ok
}

// Value tags.
const (
	tagNil = iota
	tagString
	tagInt
	tagFloat
	tagBool
	tagTime
	tagList
	tagMapping
)

// Time zones of times in front matter.
const (
	zoneUTC = iota
	zoneLocal
	zoneFixed
)

// mapping encodes m; it fails on a time whose zone would not survive.
func (e *encoder) mapping(m *mapping) bool {
	e.uint(uint64(len(m.keys)))
	for i, k := range m.keys {
		e.string(k)
		e.pos(m.keyPos[i])
		if !e.value(m.vals[i]) {
			return false
		}
	}
	return true
}

func (e *encoder) pos(p diag.Pos) {
	e.bool(p.File != "")
	e.uint(uint64(p.Line))
	e.uint(uint64(p.Col))
}

func (e *encoder) value(v value) bool {
	switch x := v.v.(type) {
	case nil:
		e.uint(tagNil)
	case string:
		e.uint(tagString)
		e.string(x)
	case int64:
		e.uint(tagInt)
		e.int(x)
	case float64:
		e.uint(tagFloat)
		e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(x))
	case bool:
		e.uint(tagBool)
		e.bool(x)
	case time.Time:
		// Front matter times are in UTC, in the local zone, or in a
		// fixed zone (an offset; BurntSushi/toml's "date-local" and
		// the like); other zones are not kept.
		name, off := x.Zone()
		loc := x.Location()
		zone := uint64(zoneFixed)
		switch {
		case loc == time.UTC:
			zone = zoneUTC
		case loc == time.Local:
			zone = zoneLocal
		case loc.String() != name:
			return false
		}
		e.uint(tagTime)
		e.uint(zone)
		e.string(name)
		e.int(int64(off))
		e.int(x.Unix())
		e.uint(uint64(x.Nanosecond()))
	case []value:
		e.uint(tagList)
		e.uint(uint64(len(x)))
		for _, it := range x {
			if !e.value(it) {
				return false
			}
		}
	case *mapping:
		e.uint(tagMapping)
		if !e.mapping(x) {
			return false
		}
	default:
		return false
	}
	e.pos(v.pos)
	e.string(v.text)
	return true
}

func (d *decoder) mapping(file string, depth int) *mapping {
	if depth > 64 {
		d.bad, d.b = true, nil
		return newMapping()
	}
	n := d.count()
	// Sized for the count, up to what front matter holds: a damaged
	// count, bounded only by the bytes left, is not trusted further.
	c := min(n, 2*smallMapping)
	m := &mapping{keys: make([]string, 0, c), vals: make([]value, 0, c), keyPos: make([]diag.Pos, 0, c)}
	for range n {
		k := d.string()
		pos := d.pos(file)
		m.set(k, d.value(file, depth), pos)
	}
	return m
}

func (d *decoder) pos(file string) diag.Pos {
	var p diag.Pos
	if d.bool() {
		p.File = file
	}
	p.Line, p.Col = int(d.uint()), int(d.uint())
	return p
}

func (d *decoder) value(file string, depth int) value {
	var v value
	switch d.uint() {
	case tagNil:
	case tagString:
		v.v = d.string()
	case tagInt:
		v.v = d.int()
	case tagFloat:
		if len(d.b) < 8 {
			d.bad, d.b = true, nil
			return v
		}
		v.v = math.Float64frombits(binary.LittleEndian.Uint64(d.b))
		d.b = d.b[8:]
	case tagBool:
		v.v = d.bool()
	case tagTime:
		zone, name, off := d.uint(), d.string(), int(d.int())
		t := time.Unix(d.int(), int64(d.uint()))
		switch zone {
		case zoneUTC:
			t = t.UTC()
		case zoneLocal:
			t = t.In(time.Local)
		default:
			t = t.In(time.FixedZone(name, off))
		}
		v.v = t
	case tagList:
		list := []value{}
		for range d.count() {
			list = append(list, d.value(file, depth+1))
		}
		v.v = list
	case tagMapping:
		v.v = d.mapping(file, depth+1)
	default:
		d.bad, d.b = true, nil
	}
	v.pos = d.pos(file)
	v.text = d.string()
	return v
}

func (e *encoder) int(n int64)     { e.b = binary.AppendVarint(e.b, n) }
func (e *encoder) key(k cache.Key) { e.b = append(e.b, k[:]...) }

func (e *encoder) stamp(st cache.Stamp) {
	e.int(st.Size)
	e.int(st.Mtime)
	e.int(st.Ctime)
	e.uint(st.Ino)
	e.uint(uint64(st.Mode))
}

func (d *decoder) stamp() cache.Stamp {
	return cache.Stamp{Size: d.int(), Mtime: d.int(), Ctime: d.int(), Ino: d.uint(), Mode: uint32(d.uint())}
}

func (d *decoder) int() int64 {
	n, k := binary.Varint(d.b)
	if k <= 0 {
		d.bad, d.b = true, nil
		return 0
	}
	d.b = d.b[k:]
	return n
}

func (d *decoder) key() cache.Key {
	var k cache.Key
	if len(d.b) < len(k) {
		d.bad, d.b = true, nil
		return k
	}
	copy(k[:], d.b)
	d.b = d.b[len(k):]
	return k
}

// raw reads a length-prefixed byte slice without copying it.
func (d *decoder) raw() []byte {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.bad, d.b = true, nil
		return nil
	}
	b := d.b[:n:n]
	d.b = d.b[n:]
	return b
}

// static returns the snapshot's static files: those that are neither
// site.toml nor Markdown, in path order.
func (s *snapshot) static() []string {
	var static []string
	for _, rel := range s.order {
		if rel != ConfigFile && !IsMarkdown(path.Base(rel)) {
			static = append(static, rel)
		}
	}
	return static
}

// absent stands for the sum of a file that is not there: site.toml's
// entry when the folder has none, which an empty site.toml is not (the
// two warn differently).
var absent = cache.NewHasher("absent file").Sum()

// leftOut tells s that a file the walk found has no entry: one that
// could not be read or parsed. A build with nothing to do cannot look at
// it, so s keeps no folders and that build walks (see sameStats).
func (s *snapshot) leftOut() {
	s.dirs, s.dirStamps, s.dirSums = nil, nil, nil
}

// sameDirs reports whether s and next hold the same folders, stamps and
// names.
func (s *snapshot) sameDirs(next *snapshot) bool {
	return slices.Equal(s.dirs, next.dirs) && slices.Equal(s.dirStamps, next.dirStamps) && slices.Equal(s.dirSums, next.dirSums)
}

// stopKey returns Result.Stop for the content s holds, of s.hash, whose
// walk found the problems walk is the key of: with the bytes of every
// file, by its sum, which s.hash does not cover (a body is only in its
// own page). s.order must list s.files in path order.
func (s *snapshot) stopKey(walk cache.Key) cache.Key {
	h := cache.NewHasher("content stop").Key(s.hash).Key(walk)
	for i, rel := range s.order {
		e := s.files[rel]
		if s.entries != nil {
			e = &s.entries[i] // as read: no need to look it up
		}
		h.String(rel).Key(e.sum)
	}
	return h.Sum()
}

// diagsKey returns a key of list.
func diagsKey(list diag.List) cache.Key {
	h := cache.NewHasher("diagnostics")
	for _, d := range list {
		h.String(d.String())
	}
	return h.Sum()
}
