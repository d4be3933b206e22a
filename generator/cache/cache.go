// Package cache keeps what one build computed for the next, in a folder
// (by default .cache/handbook): converted Markdown, keyed by a hash of
// everything the conversion read, the search index's parts, the bundled
// front-end assets, and the manifest of the last site written, so that
// pages whose inputs did not change are neither rendered nor written
// again.
//
// Every key starts with the build's salt: a hash of the running
// executable, so a new version of handbook, of goldmark or of chroma
// never reads what an older one wrote. The cache is an optimisation: a
// missing, unreadable or corrupt entry is a miss, and a failed write is
// ignored.
package cache

import (
	"bufio"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
	"unsafe"

	"github.com/zeebo/xxh3"

	"github.com/handbook/handbook/generator/sysfile"
)

// Key identifies a cache entry, a page's inputs or a file's bytes: an
// XXH3 128-bit hash. Keys are compared, never trusted against someone
// forging them: whoever can write the content can write the site, and a
// 128-bit hash makes an accidental match between two inputs a chance in
// 2^128. SHA-256 was the hash until page keys, checked on every build,
// spent a tenth of an edit's build in it: 1.9 µs for a typical key against
// 0.5 µs, and 1.5 GB/s against 80 GB/s for a page's bytes.
type Key [16]byte

// String returns the key in hexadecimal.
func (k Key) String() string { return hex.EncodeToString(k[:]) }

// Sum returns the key of data.
func Sum(data []byte) Key { return xxh3.Hash128(data).Bytes() }

// SumParts returns the key of the bytes of parts one after the other: Sum
// of them joined, without joining them.
func SumParts(parts [][]byte) Key {
	if len(parts) == 1 {
		return Sum(parts[0])
	}
	s := streams.Get().(*stream)
	defer streams.Put(s)
	s.h.Reset()
	for _, p := range parts {
		s.h.Write(p)
	}
	return s.h.Sum128().Bytes()
}

// A Hasher builds a Key from a sequence of values. Each value is written
// with its length, so that ("ab", "c") and ("a", "bc") differ.
//
// Most keys are a few hundred bytes of small values: up to 256 bytes are
// gathered in the Hasher and hashed at once by Sum. Past that a Hasher
// streams them into a hash state of a pool, which Sum gives back; both
// give the hash of the same bytes. The state gathers values in a buffer
// of its own and hashes them 4 KB at a time: handed to the hash one by
// one, values of a few bytes cost their own call and copy each, and
// hashing was a tenth of the CPU of a build after an edit. A clean build of
// 10,000 documents makes 53,000 keys, half of them over 512 bytes: with
// a buffer that grew to hold them it allocated 1,777 MiB, against 1,722
// MiB so and 1,729 MiB with SHA-256.
//
// A Hasher must not be copied, and takes nothing more once summed.
type Hasher struct {
	head   [streamAt]byte // the values gathered, n bytes
	n      int
	stream *stream // from streams, once head would overflow
	sum    Key
	summed bool
}

// streamAt is the most bytes a Hasher gathers before it streams them.
const streamAt = 256

// stream is a streaming Hasher's hash state, and the bytes it has
// gathered since it last hashed.
type stream struct {
	h   xxh3.Hasher
	buf [streamBuf]byte
	n   int
}

func (s *stream) write(p []byte) {
	if s.n+len(p) > len(s.buf) {
		s.h.Write(s.buf[:s.n])
		s.n = 0
		if len(p) >= len(s.buf) {
			s.h.Write(p)
			return
		}
	}
	s.n += copy(s.buf[s.n:], p)
}

func (s *stream) sum() Key {
	s.h.Write(s.buf[:s.n])
	return s.h.Sum128().Bytes()
}

// streamBuf is how many bytes a stream gathers before it hashes them.
const streamBuf = 4096

// streams holds the hash states of streaming Hashers.
var streams = sync.Pool{New: func() any { return new(stream) }}

// NewHasher returns a Hasher that starts with the given kind of entry,
// such as "markdown".
func NewHasher(kind string) *Hasher {
	h := &Hasher{}
	h.String(kind)
	return h
}

// Reset makes h the Hasher NewHasher(kind) returns: a Hasher kept from
// one key to the next allocates none.
func (h *Hasher) Reset(kind string) {
	if h.stream != nil {
		streams.Put(h.stream)
	}
	h.n, h.stream, h.sum, h.summed = 0, nil, Key{}, false
	h.String(kind)
}

// Write adds the bytes of p, without their length: Hasher is an
// io.Writer for a stream of unknown length. It never fails; it panics
// once the Hasher is summed.
func (h *Hasher) Write(p []byte) (int, error) {
	if h.summed {
		panic("cache: Hasher written to after Sum")
	}
	if h.stream == nil && h.n+len(p) <= streamAt {
		h.n += copy(h.head[h.n:], p)
		return len(p), nil
	}
	if s := h.stream; s != nil && s.n+len(p) <= len(s.buf) {
		s.n += copy(s.buf[s.n:], p)
		return len(p), nil
	}
	if h.stream == nil {
		h.stream = streams.Get().(*stream)
		h.stream.h.Reset()
		h.stream.n = copy(h.stream.buf[:], h.head[:h.n])
		h.n = 0
	}
	h.stream.write(p)
	return len(p), nil
}

// Bytes adds b.
func (h *Hasher) Bytes(b []byte) *Hasher {
	h.Int(int64(len(b)))
	h.Write(b)
	return h
}

// String adds s.
func (h *Hasher) String(s string) *Hasher {
	h.Int(int64(len(s)))
	// Without a copy to a []byte: keys hash many strings, and making
	// them slices was a tenth of a one-file build's time. Write keeps
	// nothing of what it is given.
	h.Write(unsafe.Slice(unsafe.StringData(s), len(s)))
	return h
}

// Int adds n.
func (h *Hasher) Int(n int64) *Hasher {
	if h.stream == nil && !h.summed && h.n+8 <= streamAt {
		binary.LittleEndian.PutUint64(h.head[h.n:], uint64(n))
		h.n += 8
		return h
	}
	if s := h.stream; s != nil && s.n+8 <= len(s.buf) {
		binary.LittleEndian.PutUint64(s.buf[s.n:], uint64(n))
		s.n += 8
		return h
	}
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], uint64(n))
	h.Write(b[:])
	return h
}

// Bool adds v.
func (h *Hasher) Bool(v bool) *Hasher {
	if v {
		return h.Int(1)
	}
	return h.Int(0)
}

// Key adds another key.
func (h *Hasher) Key(k Key) *Hasher {
	h.Write(k[:])
	return h
}

// Sum returns the key of everything added. Summing again returns the
// same key.
func (h *Hasher) Sum() Key {
	if h.summed {
		return h.sum
	}
	if h.stream != nil {
		h.sum = h.stream.sum()
		streams.Put(h.stream)
		h.stream = nil
	} else {
		h.sum = Sum(h.head[:h.n])
	}
	h.summed = true
	return h.sum
}

// Cache is a folder of entries. A nil *Cache is valid and empty: Get
// misses and Put does nothing, which is how builds without a cache run.
type Cache struct {
	dir    string
	salt   Key
	mapped bool   // see MapEntries
	usage  *usage // the entries used, shared by every Cache of dir (see Prune)
}

// Open returns the cache kept in dir, which is created when first
// written to.
func Open(dir string) *Cache {
	return &Cache{dir: dir, salt: salt(dir), usage: usageOf(dir)}
}

// MapEntries makes Get map each entry into memory instead of reading it:
// an entry's bytes are then the page cache's, not a copy on the heap
// that the collector must make room for (at 10,000 documents a build
// after an edit reads 45 MB of entries, a third of its heap). A mapping
// is never undone, so MapEntries is for a process that builds once and
// exits, not for the dev server, which would keep every build's. Call
// it before the cache is used. A mapped entry's pages are read when they
// are first touched: a disk that fails to read them then stops the
// process, where a read would have been a miss.
func (c *Cache) MapEntries() {
	if c != nil {
		c.mapped = true
	}
}

// Dir returns the cache's folder.
func (c *Cache) Dir() string {
	if c == nil {
		return ""
	}
	return c.dir
}

// Salt returns the key every entry's key includes: the executable's hash.
// A nil cache's salt is the zero key.
func (c *Cache) Salt() Key {
	if c == nil {
		return Key{}
	}
	return c.salt
}

// file returns the path of an entry: entries are spread over 256 folders
// so that none holds tens of thousands of files.
func (c *Cache) file(ns string, k Key) string {
	s := k.String()
	return filepath.Join(c.dir, ns, s[:2], s[2:])
}

// key mixes the salt into k.
func (c *Cache) key(k Key) Key {
	return NewHasher("entry").Key(c.salt).Key(k).Sum()
}

// Get returns the entry stored under k in the namespace ns ("markdown").
// The caller must not modify it: it may be mapped (see MapEntries).
// Entries are only ever replaced by a rename (see Put), never written
// in place, so a mapped entry keeps its bytes.
func (c *Cache) Get(ns string, k Key) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	p := c.file(ns, c.key(k))
	var data []byte
	var err error
	if c.mapped {
		data, err = sysfile.Map(p)
	}
	if !c.mapped || err != nil && !errors.Is(err, fs.ErrNotExist) {
		// A file system that cannot map files is read from.
		data, err = sysfile.ReadFile(p, -1)
	}
	if err != nil {
		return nil, false
	}
	c.use(p)
	return data, true
}

// Put stores data under k in the namespace ns. The entry is written to a
// temporary file and renamed into place, so that a reader never sees half
// of it, even from a build running at the same time. It reports whether
// the entry was stored; a cache that cannot be written to is a cache
// that misses, so most callers need not know.
func (c *Cache) Put(ns string, k Key, data []byte) bool {
	return c.PutParts(ns, k, [][]byte{data})
}

// PutParts stores the parts one after another under k, as Put stores
// them joined, without joining them first: a build's content snapshot
// is written in buckets of a few hundred parsed files each.
func (c *Cache) PutParts(ns string, k Key, parts [][]byte) bool {
	if c == nil {
		return false
	}
	p := c.file(ns, c.key(k))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return false
	}
	f, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return false
	}
	var werr error
	if len(parts) == 1 {
		_, werr = f.Write(parts[0])
	} else {
		w := bufio.NewWriterSize(f, 64<<10)
		for _, b := range parts {
			w.Write(b) // an error is kept for Flush
		}
		werr = w.Flush()
	}
	cerr := f.Close()
	if werr != nil || cerr != nil || os.Rename(f.Name(), p) != nil {
		os.Remove(f.Name())
		return false
	}
	c.use(p)
	return true
}

// Entry is an entry of the cache open for reading parts of it: a
// caller that needs parts of a large entry need not read it whole, and
// one that reads many opens it once.
type Entry struct{ f *sysfile.File }

// Open opens the entry stored under k in the namespace ns, and reports
// whether there is one. The caller closes it.
func (c *Cache) Open(ns string, k Key) (*Entry, bool) {
	if c == nil {
		return nil, false
	}
	p := c.file(ns, c.key(k))
	f, err := sysfile.Open(p)
	if err != nil {
		return nil, false
	}
	c.use(p)
	return &Entry{f}, true
}

// ReadAt reads len(b) bytes of the entry from offset off, and reports
// whether it could. It may be called from several goroutines at once.
func (e *Entry) ReadAt(b []byte, off int64) bool {
	return e.f.ReadAt(b, off) == nil
}

// Size returns the length of the entry, and whether it could be told.
func (e *Entry) Size() (int64, bool) {
	n, err := e.f.Size()
	return n, err == nil
}

// Close closes the entry.
func (e *Entry) Close() {
	e.f.Close()
}

// Remove removes the entry stored under k in the namespace ns.
func (c *Cache) Remove(ns string, k Key) {
	if c != nil {
		os.Remove(c.file(ns, c.key(k)))
	}
}

// salt returns the hash of the running program. Hashing it reads the
// whole executable (tens of megabytes, tens of milliseconds: as long as
// the rest of a build with nothing to do), so the cache in dir keeps the
// hash under the executable's stamp: a program rebuilt or replaced gets
// a new inode or change time, and is hashed again. Looking it up is a
// stat and a read of a key.
func salt(dir string) Key {
	exe, err := os.Executable()
	if err != nil {
		return executable()
	}
	return stampedSalt(dir, exe, time.Now().UnixNano(), executable)
}

// stampedSalt returns the hash of the program at exe as of now (Unix
// nanoseconds), taken from the cache in dir when a program with the same
// stamp was hashed before, else computed by hash and kept there.
func stampedSalt(dir, exe string, now int64, hash func() Key) Key {
	info, err := os.Stat(exe)
	st := StampOf(info)
	if err != nil || !st.Settled(now) {
		// Just built: a stamp taken now could match other bytes.
		return hash()
	}
	c := &Cache{dir: dir, usage: usageOf(dir)}
	name := NewHasher("executable stamp").String(exe).Int(st.Size).Int(st.Mtime).Int(st.Ctime).Int(int64(st.Ino)).Sum()
	if data, ok := c.Get("executable", name); ok && len(data) == len(Key{}) {
		return Key(data)
	}
	k := hash()
	c.Put("executable", name, k[:])
	return k
}

// executable returns the hash of the running program, computed once.
var executable = sync.OnceValue(func() Key {
	h := NewHasher("executable")
	p, err := os.Executable()
	if err == nil {
		var f *os.File
		if f, err = os.Open(p); err == nil {
			_, err = io.Copy(h, f)
			f.Close()
		}
	}
	if err != nil {
		// Without the program's bytes nothing may be shared between
		// runs: a different salt each time.
		h.String(p).Int(int64(os.Getpid())).String(err.Error())
	}
	return h.Sum()
})

// Runs splits n items into runs of about avg items that can be kept in a
// cache one by one, and returns each run as [lo, hi). A run ends after an
// item whose name hashes to a multiple of avg, or at 4*avg items: where
// a run ends depends on its last item alone, so an item that comes or
// goes changes its own run, not, as with runs of a fixed size, every
// run after it.
func Runs(n, avg int, name func(i int) string) [][2]int {
	var runs [][2]int
	lo := 0
	for i := range n {
		sum := Sum([]byte(name(i)))
		if binary.LittleEndian.Uint32(sum[:4])%uint32(avg) == 0 || i+1-lo == 4*avg {
			runs = append(runs, [2]int{lo, i + 1})
			lo = i + 1
		}
	}
	if lo < n {
		runs = append(runs, [2]int{lo, n})
	}
	return runs
}
