package search

import (
	"crypto/sha256"
	"encoding/binary"
	"math"
	"sync"
	"sync/atomic"

	"github.com/handbook/handbook/generator/cache"
)

// The index is rebuilt from scratch on every build, but with a cache
// (Options.Cache) it does not redo what is unchanged:
//
//   - documents are analysed (tokenised into terms with weights and
//     positions) in groups of about analysisGroup consecutive documents,
//     and a group whose documents' indexed text is unchanged is read back
//     from the cache instead. Where a group ends depends on its last
//     document alone (see groups), so a new or deleted document changes
//     its own group, not every group after it;
//   - every part (shard, lexicon, document file; see writer) is
//     compressed once (see memo): a part whose bytes are those of a part of the
//     last build takes that build's compressed bytes, and packs are only
//     laid end to end. Impacts depend on their own document only (see
//     score), so editing one document changes the shards of its own
//     terms, and the others keep their bytes.
//
// Both are checked by TestIncremental against a build without cache.

// analysisGroup is how many consecutive documents share an entry of the
// analysis cache on average: few entries to read, and an edit
// re-analyses only its group. No group has more than maxGroup.
const (
	analysisGroup = 64
	maxGroup      = 4 * analysisGroup
)

// groups splits entries into the runs that share an entry of the
// analysis cache, as [lo, hi) pairs. A run ends after a document whose
// URL hashes to a multiple of analysisGroup, or at maxGroup documents:
// boundaries do not move when a document elsewhere comes or goes, as
// fixed-size runs would after an insertion.
func groups(entries []*entry) [][2]int {
	var out [][2]int
	lo := 0
	for i, e := range entries {
		sum := sha256.Sum256([]byte(e.doc.URL))
		if binary.LittleEndian.Uint32(sum[:4])%analysisGroup == 0 || i+1-lo == maxGroup {
			out = append(out, [2]int{lo, i + 1})
			lo = i + 1
		}
	}
	if lo < len(entries) {
		out = append(out, [2]int{lo, len(entries)})
	}
	return out
}

// Cache namespaces and the version of their entries' layout.
const (
	analysisNS      = "search-analysis"
	compressedNS    = "search-compressed"
	analysisVersion = 3
)

// stats counts the work a build did, for tests and the benchmark.
type stats struct {
	analysed, compressed atomic.Int64
}

// groupKey identifies the analysis of a group of documents: everything
// analyse reads of them.
func groupKey(entries []*entry) cache.Key {
	h := cache.NewHasher(analysisNS).Int(analysisVersion)
	for _, e := range entries {
		d := e.doc
		h.String(d.Title).String(e.titleExtra).String(e.meta).String(d.URL).String(e.kind.String()).String(d.File)
		h.String(e.date.Format("2006-01-02")).Int(int64(len(e.byline)))
		for _, s := range e.byline {
			h.String(s)
		}
		h.Int(int64(len(d.Sections)))
		for _, s := range d.Sections {
			h.String(s.ID).String(s.Title).String(s.Text)
		}
	}
	return h.Sum()
}

// encodeGroup writes the analysis of a group of documents, numbered
// from first, as g holds it: each document's length and file, then each
// term once with its postings (document, weighted frequency, title flag
// and positions). Reading it back costs a lookup per term of the group,
// not per term of each document.
func encodeGroup(g *partial, first uint32) []byte {
	var buf []byte
	buf = binary.AppendUvarint(buf, uint64(len(g.lengths)))
	for i, n := range g.lengths {
		buf = binary.AppendUvarint(buf, uint64(n))
		buf = appendString(buf, string(g.files[i]))
	}
	buf = binary.AppendUvarint(buf, uint64(len(g.vocab)))
	for t, p := range g.vocab {
		buf = appendString(buf, t)
		buf = binary.AppendUvarint(buf, uint64(len(p.hits)))
		at := 0
		for _, h := range p.hits {
			buf = binary.AppendUvarint(buf, uint64(h.doc-first))
			buf = binary.AppendUvarint(buf, uint64(math.Float32bits(h.tf)))
			title := uint64(0)
			if h.title() {
				title = 1
			}
			buf = binary.AppendUvarint(buf, title)
			buf = appendGaps(buf, p.pos[at:at+int(h.npos())])
			at += int(h.npos())
		}
	}
	return buf
}

// decodeGroup adds an analysis entry of count documents, numbered from
// first, to part. It reports false, having added nothing, for an entry
// that is damaged.
func decodeGroup(data []byte, count int, first uint32, part *partial) bool {
	// A first pass checks the whole entry, so that a damaged one adds
	// nothing; the second adds it, looking terms up without copying them.
	if !walkGroup(data, count, nil, nil) {
		return false
	}
	return walkGroup(data, count, func(n int, file []byte) {
		part.lengths = append(part.lengths, n)
		part.files = append(part.files, file)
	}, func(term []byte, hits int, r *reader) {
		p := part.vocab[string(term)]
		if p == nil {
			p = &postings{hits: make([]hit, 0, hits)}
			part.vocab[string(term)] = p
		}
		for range hits {
			doc := first + uint32(r.uvarint())
			tf := math.Float32frombits(uint32(r.uvarint()))
			title := r.uvarint() == 1
			npos := int(r.uvarint())
			p.hits = append(p.hits, newHit(doc, tf, title, uint32(npos)))
			prev := uint32(0)
			for range npos {
				prev += uint32(r.uvarint())
				p.pos = append(p.pos, prev)
			}
		}
	})
}

// walkGroup reads an analysis entry (see encodeGroup), calling doc (when
// not nil) for each document and term for each term, which reads the
// term's postings from r. Without term, it checks that every posting
// reads, and stays within the group. It reports whether the entry was
// read whole and without error.
func walkGroup(data []byte, count int, doc func(n int, file []byte), term func(t []byte, hits int, r *reader)) bool {
	r := &reader{b: data}
	if int(r.uvarint()) != count {
		return false
	}
	for range count {
		n := int(r.uvarint())
		file := r.bytes(int(r.uvarint()))
		if r.err != nil {
			return false
		}
		if doc != nil {
			doc(n, file)
		}
	}
	terms := int(r.uvarint())
	for range terms {
		t := r.bytes(int(r.uvarint()))
		hits := int(r.uvarint())
		if r.err != nil || len(t) == 0 || hits <= 0 || hits > count {
			return false
		}
		if term != nil {
			term(t, hits, r)
			continue
		}
		last := -1
		for range hits {
			d := int(r.uvarint())
			r.uvarint()
			r.uvarint()
			npos := int(r.uvarint())
			if r.err != nil || d <= last || d >= count || npos > len(r.b) {
				return false
			}
			last = d
			for range npos {
				r.uvarint()
			}
		}
	}
	return r.err == nil && len(r.b) == 0
}

// memo holds the compressed bytes of the last build's parts by a hash of
// their raw bytes and compression level, in memoBuckets cache entries by
// the hash's first byte: an edit changes a few parts, and rewrites the
// entries that hold them rather than all of them.
type memo struct {
	c    *cache.Cache
	dir  string
	mu   sync.Mutex
	old  [memoBuckets]map[[32]byte][]byte
	used map[[32]byte][]byte
}

const memoBuckets = 256

func (m *memo) key(b int) cache.Key {
	return cache.NewHasher(compressedNS).String(m.dir).Int(int64(b)).Sum()
}

func openMemo(c *cache.Cache, dir string) *memo {
	m := &memo{c: c, dir: dir, used: map[[32]byte][]byte{}}
	for b := range m.old {
		m.old[b] = map[[32]byte][]byte{}
		data, ok := c.Get(compressedNS, m.key(b))
		if !ok {
			continue
		}
		r := &reader{b: data}
		n := int(r.uvarint())
		for range n {
			var k [32]byte
			copy(k[:], r.bytes(32))
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

func memoKey(raw []byte) [32]byte {
	h := sha256.New()
	h.Write(raw)
	h.Write([]byte{gzipLevel})
	var k [32]byte
	h.Sum(k[:0])
	return k
}

// get returns the compressed bytes of raw from the last build, if any.
func (m *memo) get(k [32]byte) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.old[k[0]][k]
	if ok {
		m.used[k] = v
	}
	return v, ok
}

func (m *memo) put(k [32]byte, v []byte) {
	m.mu.Lock()
	m.used[k] = v
	m.mu.Unlock()
}

// save keeps this build's parts for the next one, in order; parts of
// older builds are dropped. An entry that would hold what it holds is
// not written again.
func (m *memo) save(order [][32]byte) {
	var keys [memoBuckets][][32]byte
	seen := make(map[[32]byte]bool, len(m.used))
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
		var buf []byte
		buf = binary.AppendUvarint(buf, uint64(len(ks)))
		for _, k := range ks {
			v := m.used[k]
			buf = append(buf, k[:]...)
			buf = binary.AppendUvarint(buf, uint64(len(v)))
			buf = append(buf, v...)
		}
		m.c.Put(compressedNS, m.key(b), buf)
	}
}
