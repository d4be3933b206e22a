package search

import (
	"encoding/binary"
	"hash/crc32"
	"sync"
	"sync/atomic"

	"github.com/handbook/handbook/generator/cache"
	"github.com/handbook/handbook/generator/site"
)

// The index is rebuilt from scratch on every build, but with a cache
// (Options.Cache) it does not redo what is unchanged:
//
//   - documents are analysed (tokenised into terms with weights and
//     positions) in groups of about analysisGroup consecutive documents,
//     and a group whose documents' indexed text is unchanged is read back
//     from the cache instead, a section of the vocabulary at a time (see
//     sections.go). Where a group ends depends on its last document alone
//     (see groups), so a new or deleted document changes its own group,
//     not every group after it;
//   - a section of the vocabulary whose inputs are those of the last
//     build is taken whole from the cache, without reading its part of
//     any group (see reuse.go);
//   - every part (shard, lexicon, document file; see writer) is
//     compressed once (see memo): a part whose bytes are those of a part
//     of the last build takes that build's compressed bytes, and packs
//     are only laid end to end. Impacts depend on their own document
//     only (see score), so editing one document changes the shards of its
//     own terms, and the others keep their bytes. A section made again
//     looks its shards up among those of its own last state; the other
//     parts are in the memo.
//
// All are checked by TestIncremental against a build without cache.

// analysisGroup is how many consecutive documents share an entry of the
// analysis cache on average: few entries to read, and an edit
// re-analyses only its group. No group has more than maxGroup
// (cache.Runs).
const (
	analysisGroup = 64
	maxGroup      = 4 * analysisGroup
)

// groups splits entries into the runs that share an entry of the
// analysis cache, as [lo, hi) pairs, by their URLs (cache.Runs): a
// document that comes or goes changes its own group alone.
func groups(entries []*entry) [][2]int {
	return cache.Runs(len(entries), analysisGroup, func(i int) string { return entries[i].doc.URL })
}

// Cache namespaces and the version of their entries' layout.
const (
	analysisNS      = "search-analysis"
	compressedNS    = "search-compressed"
	analysisVersion = 7
)

// conversionKey identifies what a document's sections are made from
// besides its body: the site's raw HTML setting, which the Markdown
// converter follows. The converter itself is the program, whose hash
// salts every cache entry.
func conversionKey(s *site.Site) cache.Key {
	return cache.NewHasher("conversion").Bool(s.Config.RawHTML).Sum()
}

// stats counts the work a build did, for tests and the benchmark.
type stats struct {
	analysed, compressed, sections, stemmed atomic.Int64
}

// groupKey identifies the analysis of a group of documents: everything
// analyse reads of them. conversion identifies how bodies became
// sections (see conversionKey).
func groupKey(conversion cache.Key, entries []*entry) cache.Key {
	h := cache.NewHasher(analysisNS).Int(analysisVersion).Key(conversion)
	for _, e := range entries {
		d := e.doc
		h.String(d.Title).String(e.titleExtra).Int(int64(len(e.meta)))
		for _, m := range e.meta {
			h.String(m)
		}
		h.String(d.URL).String(e.kind.String()).String(d.File)
		h.String(e.date.Format("2006-01-02")).Int(int64(len(e.byline)))
		for _, s := range e.byline {
			h.String(s)
		}
		if d.SourceHash != (cache.Key{}) {
			// The sections are converted from the body, which the
			// source hash covers: hashing it rather than their text
			// (70 MB at 10,000 documents) took a third of the
			// index's time in a build with one file changed.
			h.Key(d.SourceHash)
			continue
		}
		h.Int(int64(len(d.Sections)))
		for _, s := range d.Sections {
			h.String(s.ID).String(s.Title).String(s.Text)
		}
	}
	return h.Sum()
}

// memo holds the compressed bytes of the last build's parts by a hash of
// their raw bytes and compression level, in memoBuckets cache entries by
// the hash's first byte: an edit changes a few parts, and rewrites the
// entries that hold them rather than all of them. The term shards are
// not in it: each section keeps its own (see sectionState.memo).
//
// An entry is
//
//	checksum  CRC-32C of everything after it
//	count     its number of parts, then for each part its key, and its
//	          compressed bytes' length and the bytes
//
// A damaged entry is not read: its parts are compressed again. Parts are
// written to the output as soon as they are made (Options.Emit), before
// a damaged analysis is found and the index made again without the
// cache, so they must be right when read.
type memo struct {
	c    *cache.Cache
	dir  string
	mu   sync.Mutex
	old  [memoBuckets]map[cache.Key][]byte
	used map[cache.Key][]byte
}

const memoBuckets = 256

func (m *memo) key(b int) cache.Key {
	return cache.NewHasher(compressedNS).String(m.dir).Int(int64(b)).Sum()
}

// newMemo returns an empty memo that save keeps in c, which may be nil.
func newMemo(c *cache.Cache, dir string) *memo {
	m := &memo{c: c, dir: dir, used: map[cache.Key][]byte{}}
	for b := range m.old {
		m.old[b] = map[cache.Key][]byte{}
	}
	return m
}

// openMemo returns the memo the last build saved in c.
func openMemo(c *cache.Cache, dir string) *memo {
	m := newMemo(c, dir)
	for b := range m.old {
		data, ok := c.Get(compressedNS, m.key(b))
		if !ok || len(data) < 4 || binary.LittleEndian.Uint32(data) != crc32.Checksum(data[4:], castagnoli) {
			continue
		}
		r := &reader{b: data[4:]}
		n := int(r.uvarint())
		for range n {
			var k cache.Key
			copy(k[:], r.bytes(len(k)))
			v := r.bytes(int(r.uvarint()))
			if r.err != nil || int(k[0]) != b {
				clear(m.old[b])
				break
			}
			m.old[b][k] = v
		}
	}
	return m
}

// memoKey is the key of a part's raw bytes, compressed at gzipLevel.
func memoKey(raw []byte) cache.Key {
	return cache.NewHasher("compressed part").Int(gzipLevel).Bytes(raw).Sum()
}

// get returns the compressed bytes of raw from the last build, if any.
func (m *memo) get(k cache.Key) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.old[k[0]][k]
	if ok {
		m.used[k] = v
	}
	return v, ok
}

// has reports whether the last build's parts include k.
func (m *memo) has(k cache.Key) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, ok := m.old[k[0]][k]
	return ok
}

func (m *memo) put(k cache.Key, v []byte) {
	m.mu.Lock()
	m.used[k] = v
	m.mu.Unlock()
}

// save keeps this build's parts for the next one, in order; parts of
// older builds are dropped. An entry that would hold what it holds is
// not written again.
func (m *memo) save(order []cache.Key) {
	var keys [memoBuckets][]cache.Key
	seen := make(map[cache.Key]bool, len(m.used))
	for _, k := range order {
		if _, ok := m.used[k]; !ok || seen[k] {
			continue
		}
		seen[k] = true
		keys[k[0]] = append(keys[k[0]], k)
	}
	if len(seen) != len(m.used) {
		return // not every part was compressed: keep the last entries
	}
	for b, ks := range keys {
		same := len(ks) == len(m.old[b])
		for _, k := range ks {
			if _, ok := m.old[b][k]; !ok {
				same = false
				break
			}
		}
		if same {
			continue
		}
		size := 4 + binary.MaxVarintLen64
		for _, k := range ks {
			size += len(k) + binary.MaxVarintLen64 + len(m.used[k])
		}
		buf := make([]byte, 4, size) // grown by appends, it was twice this
		buf = binary.AppendUvarint(buf, uint64(len(ks)))
		for _, k := range ks {
			v := m.used[k]
			buf = append(buf, k[:]...)
			buf = binary.AppendUvarint(buf, uint64(len(v)))
			buf = append(buf, v...)
		}
		binary.LittleEndian.PutUint32(buf, crc32.Checksum(buf[4:], castagnoli))
		m.c.Put(compressedNS, m.key(b), buf)
	}
}

// The typo lexicons (writer.typos) are made of the index's terms alone:
// a build whose terms of four letters or more (typoTerm) are the last
// build's, as after an edit that brings no new word, takes the file from
// the cache rather than grouping every term again (5% of such a build's
// CPU at 10,000 documents). An entry is
//
//	checksum  CRC-32C of everything after it
//	span      the list's offset and length in the file
//	keys      their number, then the memo key of each part compressed
//	          for the file, in order
//	file      the rest
//
// The parts' keys are marked used in the memo, as compressing them
// again would: the memo the build saves is the one it would have saved.
const (
	typosNS      = "search-typos"
	typosVersion = 1
)

// typosKey identifies the typo lexicons of terms: the terms they hold, so
// that a new short word or stem leaves them as they were.
func typosKey(dir string, terms []string) cache.Key {
	h := cache.NewHasher(typosNS).Int(typosVersion).Int(minTypoLen).Int(gzipLevel).String(dir)
	n := 0
	for _, t := range terms {
		if typoTerm(t) {
			h.String(t)
			n++
		}
	}
	return h.Int(int64(n)).Sum()
}

func encodeTypos(sp span, keys []cache.Key, file []byte) []byte {
	b := make([]byte, 4, 4+3*binary.MaxVarintLen64+len(keys)*keySize+len(file))
	b = binary.AppendUvarint(b, uint64(sp[0]))
	b = binary.AppendUvarint(b, uint64(sp[1]))
	b = binary.AppendUvarint(b, uint64(len(keys)))
	for _, k := range keys {
		b = append(b, k[:]...)
	}
	b = append(b, file...)
	binary.LittleEndian.PutUint32(b, crc32.Checksum(b[4:], castagnoli))
	return b
}

// keptTypos writes the typo lexicons the cache keeps under key, if it
// has them whole and the memo every part of them; ok reports whether it
// did.
func (w *writer) keptTypos(key cache.Key) (name string, sp span, ok bool, err error) {
	data, found := w.memo.c.Get(typosNS, key)
	if !found || len(data) < 4 || binary.LittleEndian.Uint32(data) != crc32.Checksum(data[4:], castagnoli) {
		return "", span{}, false, nil
	}
	r := reader{b: data[4:]}
	sp = span{int(r.uvarint()), int(r.uvarint())}
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.b)/keySize) {
		return "", span{}, false, nil
	}
	keys := make([]cache.Key, n)
	for i := range keys {
		copy(keys[i][:], r.bytes(keySize))
	}
	file := r.b
	if r.err != nil || sp[0] < 0 || sp[1] < 0 || sp[0]+sp[1] > len(file) {
		return "", span{}, false, nil
	}
	for _, k := range keys {
		if !w.memo.has(k) {
			return "", span{}, false, nil
		}
	}
	for _, k := range keys {
		w.memo.get(k)
	}
	w.keys = append(w.keys, keys...)
	w.parts += len(keys)
	name, err = w.add("y", file)
	return name, sp, true, err
}
