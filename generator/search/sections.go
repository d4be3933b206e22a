package search

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"

	"github.com/handbook/handbook/generator/cache"
	"github.com/handbook/handbook/generator/sysfile"
)

// The index is built in two steps, so that no step holds the whole
// vocabulary in memory or grows a term's postings document by document:
//
//  1. Each group of documents (see groups) is analysed, or read back from
//     the cache, into an entry that keeps its terms apart by section: a
//     fixed range of the sorted vocabulary, chosen by a term's first two
//     bytes.
//  2. Each section is then made on its own, a processor each: its part of
//     every group's entry is read (from the cache, a read of that part
//     alone, or from memory without a cache), its terms counted, their
//     postings laid out once at their final size and filled in document
//     order, then stemmed, scored, cut into shards and compressed. Only the
//     compressed shards and the terms outlive the section.
//
// Shards never span two sections. A section so holds about a
// sixty-fourth of the vocabulary, and the peak memory of the index step
// is that of a few sections, not of the whole index (at 100,000
// documents the joined vocabulary was 0.6 GB of a 1.3 GB peak). An edit
// makes again only the sections of the words it changes (see reuse.go),
// so the smaller the sections, the less an edit reads: with sixteen, by
// a term's first byte, the digits' section alone held 9,300 of the
// 74,000 terms of a 10,000 document site, and making it again was 50 ms
// of each edit that changed a number.

// sectionCount is how many sections the vocabulary has.
const sectionCount = 64

// sectionStarts is where each section after the first starts, as the
// first one or two bytes of its first term (see sectionKey): numbers
// take the first seven sections, and terms that start with a non-ASCII
// byte (letters the tokenizer does not fold to ASCII, such as Cyrillic)
// the last. The starts split the terms of two samples into parts of
// nearly equal weight, a term weighing one for itself and one for each
// document it is in: the Markdown of the 10,000 document benchmark corpus
// (cmd/corpus), and the comments of Go's standard library with this
// repository's Markdown, for English as people write it. No part weighs
// more than 5% of either sample.
//
// Where a term's section is changes how much an edit makes again, and
// where shards end, never what a search finds, but for one thing: a
// stem's entry is made in its own section from that section's terms
// alone (see addStems), so no section may start between a word and its
// stem. Terms are folded to ASCII before they are stemmed (fold), and
// the stemmers keep a folded word's first two letters, but for English
// dying, lying and tying: no section starts after "di" up to "dy", "li"
// up to "ly" or "ti" up to "ty".
var sectionStarts = [sectionCount - 1]string{
	"0x", "11", "20", "30", "44", "68", "ab", "al", "ar", "ba", "bi", "br", "by", "ce", "ci", "co",
	"cp", "de", "e", "ex", "fi", "fl", "fo", "ga", "go", "gr", "ha", "ho", "in", "is", "ji", "kl",
	"la", "li", "m", "me", "mo", "nd", "no", "of", "ot", "pe", "pr", "ps", "ra", "re", "rf", "sa",
	"se", "si", "sp", "st", "su", "te", "th", "ti", "u", "va", "vo", "wa", "wi", "y", "\x80",
}

// sectionOf maps a term's sectionKey to its section.
var sectionOf = func() *[1 << 16]uint8 {
	t := new([1 << 16]uint8)
	s := 0
	for k := range len(t) {
		for s < len(sectionStarts) && k >= sectionKey(sectionStarts[s]) {
			s++
		}
		t[k] = uint8(s)
	}
	return t
}()

// sectionKey is a term's first two bytes as a number, the second zero
// for a term of one byte: a term that sorts before another has a key no
// greater than the other's.
func sectionKey(term string) int {
	switch len(term) {
	case 0:
		return 0
	case 1:
		return int(term[0]) << 8
	}
	return int(term[0])<<8 | int(term[1])
}

// section returns the section of a term. Sections follow the sorted
// order of terms: every term of a section sorts before every term of the
// next.
func section(term string) int {
	return int(sectionOf[sectionKey(term)])
}

// vocab is a section's vocabulary: its terms, sorted, and their postings.
type vocab struct {
	terms []string
	posts []*postings
}

// A group's entry (see encodeGroup) starts with a checksum of its head,
// the offsets of its sections' ends, little-endian uint32s, and a hash of
// each section's part.
const groupHead = 4 + 4*(sectionCount+1) + partSumSize*sectionCount

// partSumSize is the length of a part's hash (cache.Sum), which keys the
// sections made from it (see sectionInputs).
const partSumSize = 16

// partSum is the hash of a section's part of a group's entry.
type partSum [partSumSize]byte

func sumPart(part []byte) (s partSum) {
	return partSum(cache.Sum(part))
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// errDamaged reports a cache entry that does not read as it was written.
var errDamaged = errors.New("search: damaged analysis cache entry")

// source is where step 2 finds a group's entry.
type source struct {
	first uint32 // the group's first document
	count int    // its number of documents
	key   cache.Key
	blob  []byte // the entry, when it is not read from the cache
	// entry is the entry held open, when it is read from the cache and
	// within heldEntries: a section made again reads a part of every
	// group, and each part read with a file opened and closed for it
	// made three system calls, not one.
	entry *cache.Entry
	// damaged is set when a part of the entry did not read as it was
	// written: the entry is removed once closed (analysed.close), as
	// Windows removes no file that is open.
	damaged *atomic.Bool
	off     [sectionCount + 1]uint32
	sums    [sectionCount]partSum // each section's part's hash
}

// part returns section s of the group's entry, read into buf when it is
// not in memory, and checked against its hash.
func (src *source) part(c *cache.Cache, s int, buf []byte) ([]byte, error) {
	lo, hi := src.off[s], src.off[s+1]
	if src.blob != nil {
		return src.blob[lo:hi], nil
	}
	b := buf[:hi-lo]
	if hi > lo && !src.readAt(c, b, int64(lo)) || sumPart(b) != src.sums[s] {
		// Gone, or damaged: the next build analyses the group again.
		if src.damaged != nil {
			src.damaged.Store(true)
		}
		return nil, errDamaged
	}
	return b, nil
}

// readAt reads len(b) bytes of the group's entry from offset off.
func (src *source) readAt(c *cache.Cache, b []byte, off int64) bool {
	if src.entry != nil {
		return src.entry.ReadAt(b, off)
	}
	e, ok := c.Open(analysisNS, src.key)
	if !ok {
		return false
	}
	defer e.Close()
	return e.ReadAt(b, off)
}

// heldEntries is how many groups' entries a build holds open, at most:
// a quarter of the files the process may have open, so that the pages
// written beside them never run out. Past it, a group's entry is opened
// for each part read.
var heldEntries = sync.OnceValue(func() int { return sysfile.OpenLimit() / 4 })

// encodeGroup writes the analysis of a group of documents, numbered from
// first, as g holds it:
//
//	checksum   CRC-32C of the rest of the head, up to the first section
//	offsets    sectionCount+1 uint32s: where the sections start, and the end
//	sums       sectionCount hashes, one of each section's part (sumPart)
//	documents  their count, then each one's length in tokens and its file
//	sections   each: the number of terms, the byte length of their heads,
//	           the heads (term, number of documents, number of positions),
//	           then each term's postings: per document its number in the
//	           group, its weighted term frequency (float32 bits), its
//	           number of positions shifted left once with the title flag
//	           in the low bit, and the gaps between its positions
//
// The head (everything before the first section) is all step 1 reads of
// an entry in the cache; a section's part is read, and checked against
// its hash, only when a section is made. Within a part, heads come before
// postings so that counting a section's postings reads only the heads. Terms are sorted within a section, so that equal
// analyses give equal bytes.
// It returns the entry, where its sections are and their hashes.
func encodeGroup(g *partial, first uint32) ([]byte, [sectionCount + 1]uint32, [sectionCount]partSum) {
	var enc groupEncoder
	return enc.encode(g, first)
}

// groupEncoder is encodeGroup's scratch space, kept from one group to
// the next by an analysing processor: each section's terms, heads and
// postings are laid out there first, so that the entry is allocated
// once, at its final size. Growing it as it was written cost a tenth of
// a 100,000 document build's allocations.
type groupEncoder struct {
	terms       [sectionCount][]string
	heads, data [sectionCount][]byte
}

func (enc *groupEncoder) encode(g *partial, first uint32) ([]byte, [sectionCount + 1]uint32, [sectionCount]partSum) {
	for s := range enc.terms {
		enc.terms[s] = enc.terms[s][:0]
	}
	for t := range g.vocab {
		s := section(t)
		enc.terms[s] = append(enc.terms[s], t)
	}
	size := groupHead + binary.MaxVarintLen64
	for _, f := range g.files {
		size += 2*binary.MaxVarintLen64 + len(f)
	}
	for s, terms := range enc.terms {
		// In order, so that a part's bytes, and its hash, are those of
		// its terms and postings alone.
		slices.Sort(terms)
		head, data := enc.heads[s][:0], enc.data[s][:0]
		for _, t := range terms {
			p := g.vocab[t]
			head = appendString(head, t)
			head = binary.AppendUvarint(head, uint64(len(p.hits)))
			head = binary.AppendUvarint(head, uint64(len(p.pos)))
			at := uint32(0)
			for _, h := range p.hits {
				data = binary.AppendUvarint(data, uint64(h.doc-first))
				data = binary.LittleEndian.AppendUint32(data, math.Float32bits(h.tf))
				data = binary.AppendUvarint(data, uint64(h.meta))
				data = appendDeltas(data, p.pos[at:at+h.npos()])
				at += h.npos()
			}
		}
		enc.heads[s], enc.data[s] = head, data
		size += 2*binary.MaxVarintLen64 + len(head) + len(data)
	}
	buf := make([]byte, groupHead, size)
	buf = binary.AppendUvarint(buf, uint64(len(g.lengths)))
	for i, n := range g.lengths {
		buf = binary.AppendUvarint(buf, uint64(n))
		buf = binary.AppendUvarint(buf, uint64(len(g.files[i])))
		buf = append(buf, g.files[i]...)
	}
	var off [sectionCount + 1]uint32
	for s, terms := range enc.terms {
		off[s] = uint32(len(buf))
		buf = binary.AppendUvarint(buf, uint64(len(terms)))
		buf = binary.AppendUvarint(buf, uint64(len(enc.heads[s])))
		buf = append(buf, enc.heads[s]...)
		buf = append(buf, enc.data[s]...)
	}
	off[sectionCount] = uint32(len(buf))
	for i, o := range off {
		binary.LittleEndian.PutUint32(buf[4+4*i:], o)
	}
	var sums [sectionCount]partSum
	for i := range sums {
		sums[i] = sumPart(buf[off[i]:off[i+1]])
		copy(buf[sumsAt+partSumSize*i:], sums[i][:])
	}
	binary.LittleEndian.PutUint32(buf, crc32.Checksum(buf[4:off[0]], castagnoli))
	return buf, off, sums
}

// sumsAt is where the parts' hashes start in a group's entry.
const sumsAt = 4 + 4*(sectionCount+1)

// readGroupHead checks the head of a group's entry of count documents,
// its first bytes up to its first section, against its checksum, and
// returns its documents' lengths and files (slices of head), where its
// sections are and their hashes. size is the entry's length. It reports
// false for an entry that is damaged or not of count documents.
func readGroupHead(head []byte, size int, count int) (lengths []int, files [][]byte, off [sectionCount + 1]uint32, sums [sectionCount]partSum, ok bool) {
	if len(head) < groupHead || binary.LittleEndian.Uint32(head) != crc32.Checksum(head[4:], castagnoli) {
		return nil, nil, off, sums, false
	}
	prev := uint32(len(head))
	for i := range off {
		off[i] = binary.LittleEndian.Uint32(head[4+4*i:])
		if off[i] < prev || i == 0 && int(off[i]) != len(head) {
			return nil, nil, off, sums, false
		}
		prev = off[i]
	}
	if int(off[sectionCount]) != size {
		return nil, nil, off, sums, false
	}
	for i := range sums {
		copy(sums[i][:], head[sumsAt+partSumSize*i:])
	}
	r := reader{b: head[groupHead:]}
	if int(r.uvarint()) != count {
		return nil, nil, off, sums, false
	}
	lengths, files = make([]int, count), make([][]byte, count)
	for i := range count {
		lengths[i] = int(r.uvarint())
		files[i] = r.bytes(int(r.uvarint()))
	}
	if r.err != nil || len(r.b) != 0 {
		return nil, nil, off, sums, false
	}
	return lengths, files, off, sums, true
}

// readGroup reads the head of a group's entry (see readGroupHead), and
// nothing of its sections.
func readGroup(e *cache.Entry, count int) (lengths []int, files [][]byte, off [sectionCount + 1]uint32, sums [sectionCount]partSum, ok bool) {
	size, ok := e.Size()
	if !ok || size < groupHead {
		return nil, nil, off, sums, false
	}
	var fixed [groupHead]byte
	if !e.ReadAt(fixed[:], 0) {
		return nil, nil, off, sums, false
	}
	n := int64(binary.LittleEndian.Uint32(fixed[4:]))
	if n < groupHead || n > size {
		return nil, nil, off, sums, false
	}
	head := make([]byte, n)
	copy(head, fixed[:])
	if !e.ReadAt(head[groupHead:], groupHead) {
		return nil, nil, off, sums, false
	}
	return readGroupHead(head, int(size), count)
}

// analysed is what step 1 made of the site's documents.
type analysed struct {
	sources []source // their entries closed by close
	lengths []int    // tokens per document
	files   [][]byte // document files (JSON)
	size    int64    // the entries' bytes
}

// serialSections is the size of entries beyond which step 2 makes one
// section at a time (see Build): about 60,000 documents.
const serialSections = 256 << 20

// analyseGroups is step 1: it analyses each group of entries, or reads
// the head of its analysis back from c, a processor each. With c, a
// group's entry is kept in the cache, and step 2 reads the parts of the
// sections it makes from there (a few, when little changed: see
// reuse.go); without a cache (or when it cannot be stored), the entry
// stays in memory. With release, each group's section texts are let go
// once it is analysed or read back.
func analyseGroups(entries []*entry, conversion cache.Key, c *cache.Cache, release bool, st *stats) (analysed, error) {
	runs := groups(entries)
	a := analysed{sources: make([]source, len(runs)), lengths: make([]int, len(entries)), files: make([][]byte, len(entries))}
	var next atomic.Int64
	var g errgroup.Group
	for range min(runtime.GOMAXPROCS(0), len(runs)) {
		g.Go(func() error {
			var sc scratch
			for {
				i := int(next.Add(1)) - 1
				if i >= len(runs) {
					return nil
				}
				lo, hi := runs[i][0], runs[i][1]
				if err := sc.analyseGroup(entries[lo:hi], conversion, uint32(lo), c, i < heldEntries(), st, &a.sources[i], a.lengths[lo:hi], a.files[lo:hi]); err != nil {
					return err
				}
				if release {
					for _, e := range entries[lo:hi] {
						for k := range e.doc.Sections {
							e.doc.Sections[k].Text = ""
						}
					}
				}
			}
		})
	}
	err := g.Wait()
	for _, src := range a.sources {
		a.size += int64(src.off[sectionCount])
	}
	return a, err
}

// close closes the entries the sources hold, and removes from c those
// found damaged.
func (a analysed) close(c *cache.Cache) {
	for i := range a.sources {
		src := &a.sources[i]
		if src.entry != nil {
			src.entry.Close()
			src.entry = nil
		}
		if src.damaged != nil && src.damaged.Load() {
			c.Remove(analysisNS, src.key)
		}
	}
}

// analyseGroup makes src, the source of the documents group, numbered from
// first, and fills in their lengths and files. With hold, the group's
// entry in c is held open for the sections to read.
func (sc *scratch) analyseGroup(group []*entry, conversion cache.Key, first uint32, c *cache.Cache, hold bool, st *stats, src *source, lengths []int, files [][]byte) error {
	*src = source{first: first, count: len(group)}
	if c != nil {
		src.key, src.damaged = groupKey(conversion, group), new(atomic.Bool)
		if e, ok := c.Open(analysisNS, src.key); ok {
			ls, fs, off, sums, ok := readGroup(e, len(group))
			if ok {
				copy(lengths, ls)
				copy(files, fs)
				src.off, src.sums = off, sums
			}
			if ok && hold {
				src.entry = e
			} else {
				e.Close()
			}
			if ok {
				return nil
			}
		}
	}
	g := partial{vocab: make(map[string]*postings, 64*len(group))}
	for i, e := range group {
		n, file, err := sc.analyse(e, &g, first+uint32(i))
		if err != nil {
			return fmt.Errorf("index %s: %w", e.doc.File, err)
		}
		g.lengths = append(g.lengths, n)
		g.files = append(g.files, file)
	}
	st.analysed.Add(int64(len(group)))
	blob, off, sums := sc.enc.encode(&g, first)
	src.off, src.sums = off, sums
	copy(lengths, g.lengths)
	copy(files, g.files)
	if !c.Put(analysisNS, src.key, blob) {
		src.blob = blob
	} else if hold {
		src.entry, _ = c.Open(analysisNS, src.key)
	}
	return nil
}

// readSection reads section s of every group and returns its
// vocabulary, sorted. It goes through each group's part twice: once to
// count each term's documents and positions, so that the postings of all
// its terms are laid out once at their final size, and once to fill them
// in, group after group, which is document order.
func readSection(s int, srcs []source, c *cache.Cache) (vocab, error) {
	// The parts not in memory are read once, into one buffer.
	size := 0
	for i := range srcs {
		if srcs[i].blob == nil {
			size += int(srcs[i].off[s+1] - srcs[i].off[s])
		}
	}
	buf := make([]byte, size)
	parts := make([][]byte, len(srcs))
	var damaged error
	for i := range srcs {
		part, err := srcs[i].part(c, s, buf)
		if err != nil {
			// Every damaged entry of the section is found, and removed,
			// before the build gives up on the cache.
			damaged = err
			continue
		}
		if srcs[i].blob == nil {
			buf = buf[len(part):]
		}
		parts[i] = part
	}
	if damaged != nil {
		return vocab{}, damaged
	}
	ids := map[string]int32{}
	var terms []string
	type count struct{ hits, pos int }
	var counts []count
	// seq lists each group's terms in the order of its heads: their ids
	// and numbers of documents.
	type use struct{ id, hits int32 }
	// A term's head takes three bytes at least: a count of more terms
	// than that is a damaged entry, not a length to allocate.
	uses, total := 0, 0
	for _, part := range parts {
		r := reader{b: part}
		uses += int(min(r.uvarint(), uint64(len(part))))
		total += len(part)
	}
	if uses > total/3 {
		return vocab{}, errDamaged
	}
	seq := make([]use, 0, uses)
	for i, part := range parts {
		r := reader{b: part}
		n := int(r.uvarint())
		head := reader{b: r.bytes(int(r.uvarint()))}
		for range n {
			t := head.bytes(int(head.uvarint()))
			hits, pos := head.uvarint(), head.uvarint()
			if head.err != nil || hits == 0 || hits > uint64(srcs[i].count) || pos > uint64(len(r.b)) {
				return vocab{}, errDamaged
			}
			id, ok := ids[string(t)]
			if !ok {
				id = int32(len(terms))
				term := string(t)
				ids[term] = id
				terms = append(terms, term)
				counts = append(counts, count{})
			}
			counts[id].hits += int(hits)
			counts[id].pos += int(pos)
			seq = append(seq, use{id, int32(hits)})
		}
		if r.err != nil || head.err != nil || len(head.b) != 0 {
			return vocab{}, errDamaged
		}
	}
	ids = nil

	// Every term's postings, at their final size, in three allocations.
	nh, np := 0, 0
	for _, n := range counts {
		nh += n.hits
		np += n.pos
	}
	posts := make([]postings, len(terms))
	hits, pos := make([]hit, nh), make([]uint32, np)
	for i, n := range counts {
		posts[i].hits, hits = hits[:0:n.hits], hits[n.hits:]
		posts[i].pos, pos = pos[:0:n.pos], pos[n.pos:]
	}

	at := 0
	for i, part := range parts {
		r := reader{b: part}
		n := int(r.uvarint())
		r.bytes(int(r.uvarint()))
		if at+n > len(seq) {
			return vocab{}, errDamaged
		}
		first, docs := srcs[i].first, uint64(srcs[i].count)
		for _, u := range seq[at : at+n] {
			p := &posts[u.id]
			if int(u.hits) > cap(p.hits)-len(p.hits) {
				return vocab{}, errDamaged
			}
			for range u.hits {
				d := r.uvarint()
				tf := r.bytes(4)
				meta := r.uvarint()
				npos := meta >> 1
				if r.err != nil || d >= docs || meta > math.MaxUint32 || npos > uint64(cap(p.pos)-len(p.pos)) {
					return vocab{}, errDamaged
				}
				p.hits = append(p.hits, hit{doc: first + uint32(d), tf: math.Float32frombits(binary.LittleEndian.Uint32(tf)), meta: uint32(meta)})
				prev := uint32(0)
				for range npos {
					prev += uint32(r.uvarint())
					p.pos = append(p.pos, prev)
				}
			}
		}
		at += n
		if r.err != nil || len(r.b) != 0 {
			return vocab{}, errDamaged
		}
	}
	for i := range posts {
		if len(posts[i].hits) != cap(posts[i].hits) || len(posts[i].pos) != cap(posts[i].pos) {
			return vocab{}, errDamaged
		}
	}

	order := make([]int32, len(terms))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(terms[a], terms[b]) })
	v := vocab{terms: make([]string, len(terms)), posts: make([]*postings, len(terms))}
	for i, id := range order {
		v.terms[i], v.posts[i] = terms[id], &posts[id]
	}
	return v, nil
}
