package search

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"hash/maphash"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/klauspost/compress/gzip"
	"golang.org/x/sync/errgroup"

	"github.com/handbook/handbook/generator/cache"
)

// writer collects the index files. Most of the index is packed: many
// small parts (term shards, lexicons, document files), each compressed on
// its own, laid one after another in a few pack files, which the client
// fetches part by part with HTTP Range requests (see pack). A site of
// 10,000 documents so writes a few dozen files instead of thousands, and
// creating files is a large share of a build's time.
type writer struct {
	dir   string
	files []File
	emit  func(File) error // Options.Emit: files go there, not into files
	memo  *memo            // compressed parts of the last build, or nil
	keys  []cache.Key
	stats *stats
	// parts counts the parts compressed on their own, from the memo or
	// not.
	parts int
	// typosMade reports that makeTypos made the typo lexicons, rather
	// than keptTypos take them from the cache.
	typosMade bool
}

// span is where a part lies in its pack: its offset and length in bytes.
type span [2]int

// add stores data as "dir/prefix-HASH.bin" and returns the file name
// relative to dir.
func (w *writer) add(prefix string, data []byte) (string, error) {
	name := prefix + "-" + hash(data) + ".bin"
	return name, w.put(File{Path: w.dir + "/" + name, Data: data})
}

// put passes f to Options.Emit, or keeps it for Index.Files.
func (w *writer) put(f File) error {
	if w.emit != nil {
		return w.emit(f)
	}
	w.files = append(w.files, f)
	return nil
}

// compress compresses each raw part, or takes its compressed bytes from
// the last build's, in parallel: a worker per processor, each with its own
// gzip writer (a writer's tables are large and costly to allocate), takes
// the next chunk of parts.
func (w *writer) compress(raw [][]byte) ([][]byte, error) {
	out := make([][]byte, len(raw))
	keys := make([]cache.Key, len(raw))
	const chunk = 16
	var next atomic.Int64
	var g errgroup.Group
	for range min(runtime.GOMAXPROCS(0), (len(raw)+chunk-1)/chunk) {
		g.Go(func() error {
			for {
				lo := int(next.Add(chunk)) - chunk
				if lo >= len(raw) {
					return nil
				}
				hi := min(lo+chunk, len(raw))
				if err := compressInto(out[lo:hi], keys[lo:hi], raw[lo:hi], w.memo, w.stats); err != nil {
					return err
				}
			}
		})
	}
	err := g.Wait()
	w.keys = append(w.keys, keys...)
	w.parts += len(raw)
	return out, err
}

// compressParts compresses each raw part in turn, or takes its
// compressed bytes from the memo m of the last build (when not nil), and
// returns them with their memo keys.
func compressParts(raw [][]byte, m *memo, st *stats) ([][]byte, []cache.Key, error) {
	out := make([][]byte, len(raw))
	keys := make([]cache.Key, len(raw))
	return out, keys, compressInto(out, keys, raw, m, st)
}

// compressInto is compressParts into out and keys, with a gzip writer of
// the pool: a writer's tables are large and costly to allocate.
func compressInto(out [][]byte, keys []cache.Key, raw [][]byte, m *memo, st *stats) error {
	zw := gzips.Get().(*gzip.Writer)
	defer gzips.Put(zw)
	var buf bytes.Buffer
	for i, r := range raw {
		if m != nil {
			keys[i] = memoKey(r)
			if data, ok := m.get(keys[i]); ok {
				out[i] = data
				continue
			}
		}
		data, err := compress(zw, &buf, r)
		if err != nil {
			return err
		}
		if m != nil {
			m.put(keys[i], data)
		}
		out[i] = data
		st.compressed.Add(1)
	}
	return nil
}

var gzips = sync.Pool{New: func() any { return newGzip() }}

// pack lays compressed parts one after another, each distinct part once
// (two shards with the same content, such as the positions of two shards
// whose terms each occur once per document, share their bytes), after
// head, and returns the pack and where each part is.
func pack(head []byte, parts [][]byte) ([]byte, []span) {
	size := len(head)
	for _, p := range parts {
		size += len(p)
	}
	data := make([]byte, len(head), size)
	copy(data, head)
	spans := make([]span, len(parts))
	// The parts with each hash, to look equal parts up without copying
	// them into keys.
	seed := maphash.MakeSeed()
	seen := map[uint64][]int{}
	for i, p := range parts {
		h := maphash.Bytes(seed, p)
		j := slices.IndexFunc(seen[h], func(j int) bool { return bytes.Equal(parts[j], p) })
		if j >= 0 {
			spans[i] = spans[seen[h][j]]
			continue
		}
		seen[h] = append(seen[h], i)
		spans[i] = span{len(data), len(p)}
		data = append(data, p...)
	}
	return data, spans
}

// finish keeps this build's compressed parts for the next build.
func (w *writer) finish() {
	if w.memo != nil {
		w.memo.save(w.keys)
	}
}

// compress gzips data with zw into buf, and returns a copy of exactly its
// size: buf, reused, grows once to the largest part. The header carries
// no name or time, so equal input gives equal output.
func compress(zw *gzip.Writer, buf *bytes.Buffer, data []byte) ([]byte, error) {
	buf.Reset()
	zw.Reset(buf)
	if _, err := zw.Write(data); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return bytes.Clone(buf.Bytes()), nil
}

// newGzip returns a gzip writer at the fastest level. On a 10,000
// document site it writes 1.1% more bytes than level 6 and saves about
// 80 ms of the index step's 1.3 s of CPU (BenchmarkBuild); level 9 would
// save another 0.04% of the bytes for more time.
func newGzip() *gzip.Writer {
	zw, _ := gzip.NewWriterLevel(nil, gzipLevel)
	return zw
}

// gzipLevel is the compression level of every part; compressed parts
// kept from the last build are keyed by it too.
const gzipLevel = gzip.BestSpeed

// hash names content: 12 hex digits of its hash (cache.Sum), which tell
// one version of a file from the next. SHA-256, which no one needed to
// trust, took 8 ms of a build after an edit at 10,000 documents to hash
// the packs.
func hash(data []byte) string {
	sum := cache.Sum(data)
	return hex.EncodeToString(sum[:6])
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

// shardSet is where the term shards went: the term pack (shards, then
// their directories), the positions pack, and each directory's first term
// and span in the term pack.
type shardSet struct {
	terms, positions string
	firsts           []string
	dirs             []span
}

// shardParts are the compressed term shards in order, each with its first
// term and its positions.
type shardParts struct {
	firsts           []string
	terms, positions [][]byte
}

// cutShards splits a section of the sorted vocabulary into term shards
// of about size bytes and returns their [lo, hi) bounds.
func cutShards(v vocab, size int) [][2]int {
	var bounds [][2]int
	for lo := 0; lo < len(v.terms); {
		hi, bytes := lo, 0
		for hi < len(v.terms) && (hi == lo || bytes+postingSize(v.posts[hi]) <= size) {
			bytes += postingSize(v.posts[hi])
			hi++
		}
		// Among the last quarter of the shard's terms, end it where two
		// neighbours share the shortest prefix: a word, its stem's entry
		// ("postgr#" sorts before "postgres") and its longer forms then
		// stay in one shard, which a query fetches whole.
		if hi < len(v.terms) {
			best, shared := hi, commonPrefix(v.terms[hi-1], v.terms[hi])
			for k := hi - 1; k > lo+(hi-lo)*3/4 && shared > 0; k-- {
				if c := commonPrefix(v.terms[k-1], v.terms[k]); c < shared {
					best, shared = k, c
				}
			}
			hi = best
		}
		bounds = append(bounds, [2]int{lo, hi})
		lo = hi
	}
	return bounds
}

// packShards packs the term shards and their positions, and returns where
// they went. The manifest, which every query fetches, lists only
// directories of shardsPerDir shards; a directory lists its shards' first
// terms and their spans in the two packs. Small shards thus cost a query
// few bytes without making the manifest grow with their number.
func (w *writer) packShards(parts shardParts) (shardSet, error) {
	var set shardSet
	tpack, tspans := pack(nil, parts.terms)
	ppack, pspans := pack(nil, parts.positions)
	var dirs [][]byte
	for lo := 0; lo < len(parts.firsts); lo += shardsPerDir {
		hi := min(lo+shardsPerDir, len(parts.firsts))
		dir := appendUvarint(nil, uint64(hi-lo))
		prev := ""
		for i := lo; i < hi; i++ {
			first := parts.firsts[i]
			dir = appendTerm(dir, prev, first)
			for _, sp := range []span{tspans[i], pspans[i]} {
				dir = appendUvarint(dir, uint64(sp[0]))
				dir = appendUvarint(dir, uint64(sp[1]))
			}
			prev = first
		}
		dirs = append(dirs, dir)
		set.firsts = append(set.firsts, parts.firsts[lo])
	}
	dirs, err := w.compress(dirs)
	if err != nil {
		return set, err
	}
	// The directories go after the shards, whose spans they hold.
	var dspans []span
	tpack, dspans = appendParts(tpack, dirs)
	set.dirs = dspans
	if set.terms, err = w.add("t", tpack); err != nil {
		return set, err
	}
	set.positions, err = w.add("p", ppack)
	return set, err
}

// appendParts appends parts to a pack and returns it with their spans.
func appendParts(data []byte, parts [][]byte) ([]byte, []span) {
	spans := make([]span, len(parts))
	for i, p := range parts {
		spans[i] = span{len(data), len(p)}
		data = append(data, p...)
	}
	return data, spans
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
func postingSize(p *postings) int { return 8 + len(p.alias) + 3*len(p.hits) }

// encodeShard writes a term shard of terms, whose postings are posts, and
// its positions.
func encodeShard(terms []string, posts []*postings) (termFile, posFile []byte) {
	// Size the buffers once: a term's head is its text and a few varints,
	// its postings a gap and an impact per document, its positions a
	// count and a gap or two per document.
	nh, nb, np := 0, 0, 0
	for i, t := range terms {
		p := posts[i]
		nh += len(t) + 8
		nb += len(p.alias) + 3*len(p.hits)
		np += 4 + 2*len(p.hits) + 2*len(p.pos)
	}
	head, body := make([]byte, 0, nh+nb), make([]byte, 0, nb)
	pos, blocks := make([]byte, 0, 4*len(terms)+8), make([]byte, 0, np)
	head = appendUvarint(head, uint64(len(terms)))
	pos = appendUvarint(pos, uint64(len(terms)))
	prev := ""
	for i, t := range terms {
		p := posts[i]
		start := len(body)
		// A stem's alias has no documents; its postings are the name of
		// the term it stands for.
		body = append(body, p.alias...)
		prevDoc := uint32(0)
		for _, h := range p.hits {
			body = appendUvarint(body, uint64(h.doc-prevDoc))
			prevDoc = h.doc
		}
		body = append(body, p.impact...)
		head = appendTerm(head, prev, t)
		head = appendUvarint(head, uint64(len(p.hits)))
		head = appendUvarint(head, uint64(len(body)-start))
		prev = t

		start = len(blocks)
		at := uint32(0)
		for _, h := range p.hits {
			blocks = appendGaps(blocks, p.pos[at:at+h.npos()])
			at += h.npos()
		}
		pos = appendUvarint(pos, uint64(len(blocks)-start))
	}
	return append(head, body...), append(pos, blocks...)
}

// typos packs the typo lexicons and returns the pack's name and the span
// of their list in it. A term of minTypoLen or more letters is in two
// lexicons: "p" and its first two characters, and "s" and its last two.
// One typing mistake leaves a word's first two or its last two characters
// as they were (except a swap of the middle two of four), so a word's
// candidates are in the two lexicons its own ends name, whichever letter
// the mistake is in. Terms of a suffix lexicon are stored reversed, so
// that front coding shares their common endings ("-ing", "-tion"). The
// list of the lexicons' spans by key follows them in the pack: the
// manifest, which every query fetches, stays small, and only a query with
// a typing mistake fetches the list.
func (w *writer) typos(terms []string) (string, span, error) {
	if w.memo == nil || w.memo.c == nil {
		name, sp, _, err := w.makeTypos(terms)
		return name, sp, err
	}
	key := typosKey(w.dir, terms)
	if name, sp, ok, err := w.keptTypos(key); ok || err != nil {
		return name, sp, err
	}
	first := len(w.keys)
	name, sp, file, err := w.makeTypos(terms)
	if err == nil {
		w.memo.c.Put(typosNS, key, encodeTypos(sp, w.keys[first:], file))
	}
	return name, sp, err
}

// typoTerm reports whether the typo lexicons hold t: words long enough
// for a typo to be told from another word, not stems.
func typoTerm(t string) bool {
	return !strings.HasSuffix(t, stemMark) && utf8.RuneCountInString(t) >= minTypoLen
}

// makeTypos makes the typo lexicons of terms (see typos), and returns
// their file's name, the list's span in it, and the file.
func (w *writer) makeTypos(terms []string) (string, span, []byte, error) {
	w.typosMade = true
	// A lexicon's key is its kind and two characters.
	type key struct {
		kind byte
		a, b rune
	}
	groups := map[key][]string{}
	var order []key
	add := func(k key, t string) {
		g, ok := groups[k]
		if !ok {
			order = append(order, k)
		}
		groups[k] = append(g, t)
	}
	for _, t := range terms {
		if !typoTerm(t) {
			continue
		}
		a, n := utf8.DecodeRuneInString(t)
		b, _ := utf8.DecodeRuneInString(t[n:])
		add(key{'p', a, b}, t)
		z, n := utf8.DecodeLastRuneInString(t)
		y, _ := utf8.DecodeLastRuneInString(t[:len(t)-n])
		add(key{'s', y, z}, reverse(t))
	}
	lexicons := make([][]byte, len(order))
	for i, k := range order {
		g := groups[k]
		if k.kind == 's' {
			slices.Sort(g)
		}
		var buf []byte
		buf = appendUvarint(buf, uint64(len(g)))
		prev := ""
		for _, t := range g {
			buf = appendTerm(buf, prev, t)
			prev = t
		}
		lexicons[i] = buf
	}
	// Fetched only for a word that matches nothing: compressed quickly.
	lexicons, err := w.compress(lexicons)
	if err != nil {
		return "", span{}, nil, err
	}
	data, spans := pack(nil, lexicons)
	var list []byte
	list = appendUvarint(list, uint64(len(order)))
	for i, k := range order {
		list = appendString(list, string([]rune{rune(k.kind), k.a, k.b}))
		list = appendUvarint(list, uint64(spans[i][0]))
		list = appendUvarint(list, uint64(spans[i][1]))
	}
	z, err := w.compress([][]byte{list})
	if err != nil {
		return "", span{}, nil, err
	}
	data, spans = appendParts(data, z)
	name, err := w.add("y", data)
	return name, spans[0], data, err
}

// reverse returns s with its characters in reverse order.
func reverse(s string) string {
	r := []rune(s)
	slices.Reverse(r)
	return string(r)
}
