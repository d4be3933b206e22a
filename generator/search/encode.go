package search

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	gohash "hash"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"
)

// writer collects the index files. Names come from a hash of the raw
// content, so they are known at once; compression runs in parallel in
// finish.
type writer struct {
	dir   string
	files []File
	fast  []bool // compress quickly: the many small document files
	added map[string]bool
	memo  *memo // compressed files of the last build, or nil
	stats *stats
}

// add stores raw data as "dir/prefix-HASH.bin" and returns the file name
// relative to dir. Two shards with the same content (the positions of two
// shards whose terms each occur once per document, on a big site) are
// one file.
func (w *writer) add(prefix string, raw []byte) string {
	return w.addAs(prefix, hash(raw), raw)
}

// addAs stores raw as "dir/prefix-HASH.bin" under the given hash of its
// content and returns the file name relative to dir.
func (w *writer) addAs(prefix, hash string, raw []byte) string {
	name := prefix + "-" + hash + ".bin"
	if w.added == nil {
		w.added = map[string]bool{}
	}
	if !w.added[name] {
		w.added[name] = true
		w.addNamed(w.dir+"/"+name, raw, false)
	}
	return name
}

func (w *writer) addNamed(path string, raw []byte, fast bool) {
	w.files = append(w.files, File{Path: path, Data: raw})
	w.fast = append(w.fast, fast)
}

// finish compresses every file added so far, or takes its compressed
// bytes from the last build's.
func (w *writer) finish() error {
	keys := make([][32]byte, len(w.files))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range w.files {
		g.Go(func() error {
			if w.memo != nil {
				keys[i] = memoKey(w.files[i].Data, w.fast[i])
				if data, ok := w.memo.get(keys[i]); ok {
					w.files[i].Data = data
					return nil
				}
			}
			data, err := compress(w.files[i].Data, w.fast[i])
			if w.memo != nil && err == nil {
				w.memo.put(keys[i], data)
			}
			w.files[i].Data = data
			w.stats.compressed.Add(1)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	if w.memo != nil {
		w.memo.save(keys)
	}
	return nil
}

// compress gzips data. The header carries no name or time, so equal input
// gives equal output. The fast level is about half the work for 2% more
// bytes on small files.
func compress(data []byte, fast bool) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(data)/3 + 64)
	// A gzip writer allocates about a megabyte; reuse them.
	pool := &gzipBest
	if fast {
		pool = &gzipFast
	}
	zw := pool.Get().(*gzip.Writer)
	defer pool.Put(zw)
	zw.Reset(&buf)
	if _, err := zw.Write(data); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

var (
	// Level 6 for shards: on a 10,000-document site, level 9 saves 0.04%
	// of their bytes for more CPU time.
	gzipBest = sync.Pool{New: func() any { return newGzip(6) }}
	gzipFast = sync.Pool{New: func() any { return newGzip(gzip.BestSpeed) }}
)

func newGzip(level int) *gzip.Writer {
	zw, _ := gzip.NewWriterLevel(nil, level)
	return zw
}

type hasher struct{ h gohash.Hash }

func newHasher() hasher         { return hasher{sha256.New()} }
func (h hasher) write(b []byte) { h.h.Write(b) }
func (h hasher) sum() string    { return hex.EncodeToString(h.h.Sum(nil)[:6]) }

// hash names content: 12 hex digits of its SHA-256.
func hash(data []byte) string {
	h := newHasher()
	h.write(data)
	return h.sum()
}

func appendUvarint(b []byte, v uint64) []byte { return binary.AppendUvarint(b, v) }

func appendString(b []byte, s string) []byte {
	b = appendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// appendGaps writes a count and then sorted numbers as differences from
// the previous one.
func appendGaps(b []byte, nums []uint32) []byte {
	b = appendUvarint(b, uint64(len(nums)))
	return appendDeltas(b, nums)
}

func appendDeltas(b []byte, nums []uint32) []byte {
	prev := uint32(0)
	for _, n := range nums {
		b = appendUvarint(b, uint64(n-prev))
		prev = n
	}
	return b
}

// appendTerm front-codes term against the previous one: the length of
// their common prefix in bytes, then the rest as a string.
func appendTerm(b []byte, prev, term string) []byte {
	shared := 0
	for shared < len(prev) && shared < len(term) && prev[shared] == term[shared] {
		shared++
	}
	b = appendUvarint(b, uint64(shared))
	return appendString(b, term[shared:])
}

// shards splits the sorted vocabulary into term shards and their
// positions, and returns the shards' directories: [first term, file] for
// each run of shardsPerDir shards. The manifest, which every query
// fetches, lists only the directories; a directory lists its shards' first
// terms and the hash that names their two files ("t-HASH.bin",
// "p-HASH.bin"). Small shards thus cost a query few bytes without making
// the manifest grow with their number.
func (w *writer) shards(terms []string, vocab map[string]*postings, size int) [][2]string {
	var bounds [][2]int
	for lo := 0; lo < len(terms); {
		hi, bytes := lo, 0
		for hi < len(terms) && (hi == lo || bytes+postingSize(vocab[terms[hi]]) <= size) {
			bytes += postingSize(vocab[terms[hi]])
			hi++
		}
		// Among the last quarter of the shard's terms, end it where two
		// neighbours share the shortest prefix: a word, its stem's entry
		// ("postgr#" sorts before "postgres") and its longer forms then
		// stay in one shard, which a query fetches whole.
		if hi < len(terms) {
			best, shared := hi, commonPrefix(terms[hi-1], terms[hi])
			for k := hi - 1; k > lo+(hi-lo)*3/4 && shared > 0; k-- {
				if c := commonPrefix(terms[k-1], terms[k]); c < shared {
					best, shared = k, c
				}
			}
			hi = best
		}
		bounds = append(bounds, [2]int{lo, hi})
		lo = hi
	}
	enc := make([][2][]byte, len(bounds))
	parallel(len(bounds), 1, func(i int) {
		t, p := encodeShard(terms[bounds[i][0]:bounds[i][1]], vocab)
		enc[i] = [2][]byte{t, p}
	})
	var dirs [][2]string
	for lo := 0; lo < len(bounds); lo += shardsPerDir {
		hi := min(lo+shardsPerDir, len(bounds))
		dir := appendUvarint(nil, uint64(hi-lo))
		prev := ""
		for i := lo; i < hi; i++ {
			// The two files share one name, the hash of both: a
			// directory holds half the hashes.
			h := newHasher()
			h.write(enc[i][0])
			h.write(enc[i][1])
			w.addAs("t", h.sum(), enc[i][0])
			w.addAs("p", h.sum(), enc[i][1])
			first := terms[bounds[i][0]]
			dir = appendTerm(dir, prev, first)
			dir = appendString(dir, h.sum())
			prev = first
		}
		dirs = append(dirs, [2]string{terms[bounds[lo][0]], w.add("s", dir)})
	}
	return dirs
}

// shardsPerDir is how many shards a directory lists: about 400 bytes
// compressed, fetched with the first shard of its range a query needs.
const shardsPerDir = 32

// commonPrefix returns the length in bytes of the prefix a and b share.
func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// postingSize estimates a term's share of a shard: its text, a byte or
// two per document and its impact bytes.
func postingSize(p *postings) int { return 8 + len(p.alias) + 3*len(p.docs) }

func encodeShard(terms []string, vocab map[string]*postings) (termFile, posFile []byte) {
	var head, body, pos, blocks []byte
	head = appendUvarint(head, uint64(len(terms)))
	pos = appendUvarint(pos, uint64(len(terms)))
	prev := ""
	for _, t := range terms {
		p := vocab[t]
		start := len(body)
		// A stem's alias has no documents; its postings are the name of
		// the term it stands for.
		body = append(body, p.alias...)
		body = appendDeltas(body, p.docs)
		body = append(body, p.impact...)
		head = appendTerm(head, prev, t)
		head = appendUvarint(head, uint64(len(p.docs)))
		head = appendUvarint(head, uint64(len(body)-start))
		prev = t

		start = len(blocks)
		at := uint32(0)
		for _, k := range p.npos {
			blocks = appendGaps(blocks, p.pos[at:at+k])
			at += k
		}
		pos = appendUvarint(pos, uint64(len(blocks)-start))
	}
	return append(head, body...), append(pos, blocks...)
}

// typos writes the typo lexicons and returns their names by key. A term
// of minTypoLen or more letters is in two lexicons: "p" and its first two
// characters, and "s" and its last two. One typing mistake leaves a
// word's first two or its last two characters as they were (except a
// swap of the middle two of four), so a word's candidates are in the two
// lexicons its own ends name, whichever letter the mistake is in. Terms
// of a suffix lexicon are stored reversed, so that front coding shares
// their common endings ("-ing", "-tion"). The lexicons' names by key go
// into a file of their own, whose name typos returns: the manifest, which
// every query fetches, stays small, and only a query with a typing
// mistake fetches the list.
func (w *writer) typos(terms []string) string {
	groups := map[string][]string{}
	var order []string
	add := func(k, t string) {
		if groups[k] == nil {
			order = append(order, k)
		}
		groups[k] = append(groups[k], t)
	}
	for _, t := range terms {
		if strings.HasSuffix(t, stemMark) || utf8.RuneCountInString(t) < minTypoLen {
			continue
		}
		r := []rune(t)
		add("p"+string(r[:2]), t)
		add("s"+string(r[len(r)-2:]), reverse(t))
	}
	var list []byte
	list = appendUvarint(list, uint64(len(order)))
	for _, k := range order {
		g := groups[k]
		if k[0] == 's' {
			slices.Sort(g)
		}
		var buf []byte
		buf = appendUvarint(buf, uint64(len(g)))
		prev := ""
		for _, t := range g {
			buf = appendTerm(buf, prev, t)
			prev = t
		}
		list = appendString(list, k)
		list = appendString(list, w.add("y", buf))
	}
	return w.add("y", list)
}

// reverse returns s with its characters in reverse order.
func reverse(s string) string {
	r := []rune(s)
	slices.Reverse(r)
	return string(r)
}
