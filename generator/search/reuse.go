package search

import (
	"encoding/binary"
	"hash/crc32"
	"math"

	"github.com/handbook/handbook/generator/cache"
)

// With a cache, each section of the vocabulary keeps what the last build
// made of it (a sectionState), under a key of its own: the section's
// inputs, its terms and its compressed shards. A build whose inputs to a
// section are those of the last build takes the section whole, without
// reading a group's part of it, and otherwise looks each of its new
// shards up among the last build's before compressing it.
//
// A section made again takes the stems of the terms it had from its
// state. A new update has words in nearly every section, and stemming
// each section's every term again was 7% of the CPU of its build at
// 10,000 documents.
//
// A section's inputs are what makeSection reads: each group's first
// document, its number of documents and the hash of its part of the
// section (partSum), the weights of those documents, the shard size and
// the stemmer. An edit that changes a few words of a document, without
// moving the others or its length, so changes the sections of those
// words alone: fixing a typo, or an update's status. Each field of a
// document starts at a position of its own (see fieldAlign), so words
// added at the end of a field, or to a blocker, move no other field's
// words either. An edit that moves the words after it in its field
// changes the sections of those words; one that changes the document's
// rounded length (see roughly), or adds a document, changes every
// section the document has words in.

const (
	sectionNS      = "search-section"
	sectionVersion = 3
)

// keySize is the length of a cache key as the cache's entries hold it.
const keySize = len(cache.Key{})

// stateKey is where the cache keeps section sec of the index in dir.
func stateKey(dir string, sec int) cache.Key {
	return cache.NewHasher(sectionNS).String(dir).Int(int64(sec)).Sum()
}

// groupWeights returns, for each source, a hash of the weights (see
// weigh) of its documents: their impacts change with them.
func groupWeights(srcs []source, wt weights) []cache.Key {
	keys := make([]cache.Key, len(srcs))
	var b []byte
	for i, src := range srcs {
		b = b[:0]
		for d := src.first; d < src.first+uint32(src.count); d++ {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(wt.norm[d]))
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(wt.boost[d]))
		}
		keys[i] = cache.NewHasher("search-weights").Bytes(b).Sum()
	}
	return keys
}

// sectionInputs identifies what makeSection reads to make section sec.
func sectionInputs(sec int, srcs []source, wts []cache.Key, shardSize int, lang string) cache.Key {
	h := cache.NewHasher(sectionNS).Int(sectionVersion).Int(analysisVersion).Int(int64(sec)).Int(int64(shardSize)).String(lang)
	h.Int(int64(len(srcs)))
	for i, src := range srcs {
		h.Int(int64(src.first)).Int(int64(src.count)).Bytes(src.sums[sec][:]).Key(wts[i])
	}
	return h.Sum()
}

// sectionState is what the cache keeps of a made section: the inputs it
// was made from, and the section with each part's memo key.
type sectionState struct {
	inputs cache.Key
	made   madeSection
	// stems holds made.stems as encoded, read only when the section is
	// made again (see decodeStems).
	stems []byte
}

// decodeStems sets made.stems from the state's encoded stems. A section
// taken whole needs none, and reading the stems of every section at
// every build cost more than it saved.
func (st *sectionState) decodeStems() {
	r := reader{b: st.stems}
	m := &st.made
	n := r.uvarint()
	if n != uint64(len(m.terms)) {
		return // no stemmer, or damaged: every term is stemmed
	}
	stems := make([]string, n)
	for i, t := range m.terms {
		shared, rest := r.uvarint(), r.string()
		if shared > uint64(len(t)) {
			return
		}
		stems[i] = t[:shared] + rest
	}
	if r.err == nil && len(r.b) == 0 {
		m.stems = stems
	}
}

// encode writes the state as
//
//	checksum  CRC-32C of everything after it
//	version   sectionVersion
//	inputs    a key (keySize bytes)
//	terms     their number, then each term
//	stems     the stemmer's language, then the length of the rest of
//	          this field and the number of stems (none without a stemmer,
//	          else one a term), then each stem as the length of what it
//	          shares with the start of its term and the rest of it
//	shards    their number, then each shard's first term, and its term
//	          and positions parts, each a memo key and the compressed bytes
func (st *sectionState) encode() []byte {
	m := &st.made
	b := make([]byte, 4, 64)
	b = binary.AppendUvarint(b, sectionVersion)
	b = append(b, st.inputs[:]...)
	b = binary.AppendUvarint(b, uint64(len(m.terms)))
	for _, t := range m.terms {
		b = appendString(b, t)
	}
	b = appendString(b, m.lang)
	var stems []byte
	stems = binary.AppendUvarint(stems, uint64(len(m.stems)))
	for i, stem := range m.stems {
		n := commonPrefix(m.terms[i], stem)
		stems = binary.AppendUvarint(stems, uint64(n))
		stems = appendString(stems, stem[n:])
	}
	b = binary.AppendUvarint(b, uint64(len(stems)))
	b = append(b, stems...)
	b = binary.AppendUvarint(b, uint64(len(m.firsts)))
	for i, first := range m.firsts {
		b = appendString(b, first)
		for j, part := range [][]byte{m.termParts[i], m.posParts[i]} {
			b = append(b, m.keys[2*i+j][:]...)
			b = binary.AppendUvarint(b, uint64(len(part)))
			b = append(b, part...)
		}
	}
	binary.LittleEndian.PutUint32(b, crc32.Checksum(b[4:], castagnoli))
	return b
}

// decodeState reads a section's state; ok is false for an entry that is
// damaged or of another version. The state's strings and parts share
// data's bytes.
func decodeState(data []byte) (st sectionState, ok bool) {
	if len(data) < 4 || binary.LittleEndian.Uint32(data) != crc32.Checksum(data[4:], castagnoli) {
		return st, false
	}
	r := reader{b: data[4:]}
	if r.uvarint() != sectionVersion {
		return st, false
	}
	copy(st.inputs[:], r.bytes(len(st.inputs)))
	m := &st.made
	// A term takes a byte at least: a count larger than what is left is
	// a damaged entry, not a length to allocate.
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		return st, false
	}
	m.terms = make([]string, n)
	for i := range m.terms {
		m.terms[i] = r.string()
	}
	m.lang = r.string()
	st.stems = r.bytes(int(r.uvarint()))
	// A shard takes two memo keys and three lengths at least.
	n = r.uvarint()
	if n > uint64(len(r.b)/(2*keySize+3)) {
		return st, false
	}
	m.firsts = make([]string, n)
	m.termParts, m.posParts = make([][]byte, n), make([][]byte, n)
	m.keys = make([]cache.Key, 2*n)
	for i := range m.firsts {
		m.firsts[i] = r.string()
		for j, part := range []*[]byte{&m.termParts[i], &m.posParts[i]} {
			copy(m.keys[2*i+j][:], r.bytes(keySize))
			*part = r.bytes(int(r.uvarint()))
		}
	}
	return st, r.err == nil && len(r.b) == 0
}

// readState returns the state the cache keeps of section sec, if any.
func readState(c *cache.Cache, dir string, sec int) (sectionState, bool) {
	data, ok := c.Get(sectionNS, stateKey(dir, sec))
	if !ok {
		return sectionState{}, false
	}
	return decodeState(data)
}

// memo returns the state's parts as a memo for the section made anew.
func (st *sectionState) memo() *memo {
	m := newMemo(nil, "")
	for i := range st.made.firsts {
		for j, part := range [][]byte{st.made.termParts[i], st.made.posParts[i]} {
			k := st.made.keys[2*i+j]
			m.old[k[0]][k] = part
		}
	}
	return m
}
