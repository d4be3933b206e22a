package search

import (
	"cmp"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/handbook/handbook/generator/cache"
	"github.com/handbook/handbook/generator/site"
)

// Dir is the default folder of the index in the output, and ManifestPath
// the default path of its manifest. The manifest's name is fixed, unlike
// the other files' whose names carry a hash of their content: pages link
// to it, and would all change with every change to any document's text.
// Served for revalidation, it costs a conditional request on the first
// search of a visit.
const (
	Dir          = "search"
	ManifestPath = Dir + "/manifest.json"
)

// Options configure Build. The zero value is ready to use.
type Options struct {
	// Dir is the folder of the index in the output, without slashes.
	// Default "search".
	Dir string
	// ShardSize is the size in bytes, before compression, a term shard
	// grows to before the next term starts a new one; a term whose
	// postings are larger gets a shard of its own. Default
	// DefaultShardSize.
	ShardSize int
	// BucketSize is how many documents share a document pack. Default
	// DefaultBucketSize.
	BucketSize int
	// Cache, when set, keeps documents' analyses and compressed parts
	// from one build to the next (see incremental.go): the index is the
	// same, made with less work when little changed. Nil: no cache.
	Cache *cache.Cache
}

// Defaults of Options. A 4 KB shard compresses to about 2.5 KB and holds
// about 60 terms of a 10,000-document site, so a query word costs little
// more than its own postings (the manifest lists directories of shards,
// not shards, so it does not grow with their number). A document pack of
// 512 documents keeps the manifest's list of packs short (20 at 10,000
// documents) while a change to one document rewrites one pack. See
// generator/search/bench for the measurements.
const (
	DefaultShardSize  = 4 << 10
	DefaultBucketSize = 512
)

// BM25 parameters and the recency boost of updates.
const (
	k1 = 1.2
	b  = 0.75
	// An update posted today scores up to recencyBoost more than an old
	// one; the extra halves every recencyHalfLife.
	recencyBoost    = 0.25
	recencyHalfLife = 45 * 24 * time.Hour
	// titleBonus is added for a title match: about a saturated body match.
	titleBonus = 2.0
)

// kindBoost weighs documents by kind: a handbook page is the reference a
// reader most often looks for, then the decision that settled a question;
// an update is news, which the recency boost lifts while it is fresh.
// Tuned on testdata/judged.txt (TestJudged).
var kindBoost = map[site.Kind]float64{
	site.KindPage:      1.25,
	site.KindDecision:  1.15,
	site.KindObjective: 1.1,
	site.KindPerson:    1,
	site.KindTeam:      1,
	site.KindUpdate:    0.9,
}

// File is one file of the index.
type File struct {
	Path string // slash-separated, relative to the output folder
	Data []byte
}

// Index is what Build produced.
type Index struct {
	Files []File // sorted by path
	// Manifest is the path of the manifest among Files.
	Manifest string
	// Docs and Terms count the documents and distinct terms indexed.
	Docs, Terms int
	// Parts counts the parts of the index compressed on their own (term
	// shards, lexicons, document files, ...), most of them packed into
	// fewer files.
	Parts int
	// Analysed and Compressed count the documents analysed and the parts
	// compressed by this build, not taken from Options.Cache.
	Analysed, Compressed int
}

// postings are a term's documents in order, with what scoring and
// phrases need.
type postings struct {
	hits   []hit
	pos    []uint32 // the positions, document after document
	impact []byte
	// alias is set on a stem's entry whose only word is another term
	// ("deploy#" when the index has "deployment" alone): the entry names
	// that term instead of repeating its postings.
	alias string
}

// hit is a document of a term's postings. One slice of them, rather than
// one per field, is one append per document and term.
type hit struct {
	doc uint32
	tf  float32 // weighted term frequency outside the title
	// meta is how many positions the document has, shifted left by one,
	// and 1 if the title has the term: twelve bytes a hit rather than
	// sixteen, a fifth of the index's memory at 100,000 documents.
	meta uint32
}

func newHit(doc uint32, tf float32, title bool, npos uint32) hit {
	h := hit{doc: doc, tf: tf, meta: npos << 1}
	if title {
		h.meta |= 1
	}
	return h
}

// npos is how many positions the document has.
func (h hit) npos() uint32 { return h.meta >> 1 }

// title reports whether the title has the term.
func (h hit) title() bool { return h.meta&1 != 0 }

// partial is the inverted index of a contiguous range of documents.
type partial struct {
	vocab   map[string]*postings
	lengths []int    // tokens per document
	files   [][]byte // document files (JSON)
}

// join appends q, the partial index of the documents that follow p's, to
// p. q's postings become p's where p has none of the term.
func (p *partial) join(q *partial) {
	for t, x := range q.vocab {
		y := p.vocab[t]
		if y == nil {
			p.vocab[t] = x
			continue
		}
		y.hits = append(y.hits, x.hits...)
		y.pos = append(y.pos, x.pos...)
	}
	p.lengths = append(p.lengths, q.lengths...)
	p.files = append(p.files, q.files...)
}

// Build indexes every document of s.
func Build(s *site.Site, opts Options) (*Index, error) {
	if opts.Dir == "" {
		opts.Dir = Dir
	}
	if opts.ShardSize <= 0 {
		opts.ShardSize = DefaultShardSize
	}
	if opts.BucketSize <= 0 {
		opts.BucketSize = DefaultBucketSize
	}
	entries := collect(s)

	// Index contiguous ranges of documents in parallel, each into its own
	// partial index, then join them in order: a term's postings are the
	// ranges' postings one after the other, still sorted by document.
	// Chunks are whole groups of the analysis cache, one per processor:
	// joining costs a map lookup and appends per term and chunk.
	procs := runtime.GOMAXPROCS(0)
	size := max(analysisGroup, (len(entries)+procs-1)/procs)
	var chunks [][][2]int
	for _, gr := range groups(entries) {
		if n := len(chunks); n == 0 || gr[0]-chunks[n-1][0][0] >= size {
			chunks = append(chunks, nil)
		}
		chunks[len(chunks)-1] = append(chunks[len(chunks)-1], gr)
	}
	parts := make([]partial, len(chunks))
	var st stats
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for c, runs := range chunks {
		g.Go(func() error {
			var err error
			// The first range's vocabulary becomes the whole index's: it
			// is sized for every document's terms, so that joining the
			// others into it does not grow it.
			n := runs[len(runs)-1][1] - runs[0][0]
			if c == 0 {
				n = len(entries)
			}
			parts[c], err = indexRange(entries, runs, n, opts.Cache, &st)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	// The other ranges join the first: copying the first's terms into a
	// new map as well was half the join, 4 s at 100,000 documents.
	all := partial{vocab: map[string]*postings{}}
	if len(parts) > 0 {
		all = parts[0]
	}
	for i := 1; i < len(parts); i++ {
		all.join(&parts[i])
		parts[i] = partial{}
	}
	parts = nil
	vocab, lengths, files := all.vocab, all.lengths, all.files
	total := 0
	for _, l := range lengths {
		total += l
	}
	terms := make([]string, 0, len(vocab))
	for t := range vocab {
		terms = append(terms, t)
	}
	slices.Sort(terms)
	stemmer := StemmerFor(s.Config.Language)
	if stemmer != nil {
		terms = addStems(terms, vocab, stemmer)
	}
	score(terms, vocab, lengths, entries, total, s.Now)

	w := &writer{dir: opts.Dir, stats: &st}
	if opts.Cache != nil {
		w.memo = openMemo(opts.Cache, opts.Dir)
	}
	shards, err := w.shards(terms, vocab, opts.ShardSize)
	if err != nil {
		return nil, err
	}
	typos, typoList, err := w.typos(terms)
	if err != nil {
		return nil, err
	}
	facets, err := w.facets(s, entries)
	if err != nil {
		return nil, err
	}
	buckets, err := w.docs(files, opts.BucketSize)
	if err != nil {
		return nil, err
	}
	w.finish()

	lang := ""
	if stemmer != nil {
		lang = stemmer.Lang
	}
	m := manifest{Version: 3, Stem: lang, Docs: len(entries), Terms: len(terms),
		Pack: shards.terms, Positions: shards.positions, Shards: shards.firsts, Dirs: shards.dirs, PerDir: shardsPerDir,
		Typos: typos, TypoList: typoList, Facets: facets, Bucket: opts.BucketSize, Buckets: buckets}
	data, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	name := opts.Dir + "/manifest.json"
	w.files = append(w.files, File{Path: name, Data: data})
	slices.SortFunc(w.files, func(a, b File) int { return cmp.Compare(a.Path, b.Path) })
	return &Index{Files: w.files, Manifest: name, Docs: len(entries), Terms: len(terms),
		Analysed: int(st.analysed.Load()), Parts: w.parts, Compressed: int(st.compressed.Load())}, nil
}

// manifest is the JSON entry point of the index; see the package comment.
type manifest struct {
	Version int `json:"v"`
	// Stem is the language of the stemmer the index was built with, ""
	// for none: the client stems query words the same way.
	Stem  string `json:"stem,omitempty"`
	Docs  int    `json:"docs"`
	Terms int    `json:"terms"`
	// Pack and Positions name the term pack and the positions pack.
	Pack      string `json:"pack"`
	Positions string `json:"pos"`
	// Shards lists the first term of each directory of PerDir shards,
	// and Dirs the directory's span in the term pack (see shards in
	// encode.go).
	Shards []string `json:"shards"`
	Dirs   []span   `json:"dirs"`
	PerDir int      `json:"per"`
	// Typos names the typo pack, and TypoList the span in it of the list
	// of lexicons by key.
	Typos    string `json:"typos"`
	TypoList span   `json:"typolist"`
	Facets   string `json:"facets"`
	// Bucket is how many documents a document pack holds; Buckets names
	// the packs.
	Bucket  int      `json:"bucket"`
	Buckets []string `json:"buckets"`
}

// indexRange indexes the consecutive groups runs of entries (see
// groups), taking the analyses of unchanged groups from c.
func indexRange(entries []*entry, runs [][2]int, docs int, c *cache.Cache, st *stats) (partial, error) {
	// A vocabulary grows with the documents, by a few new terms each: a
	// map sized for that many documents' does not grow, rehashing, while
	// it fills.
	part := partial{vocab: make(map[string]*postings, 8*docs)}
	var sc scratch
	for _, run := range runs {
		lo := run[0]
		group := entries[lo:run[1]]
		var key cache.Key
		if c != nil {
			key = groupKey(group)
			if data, ok := c.Get(analysisNS, key); ok && decodeGroup(data, len(group), uint32(lo), &part) {
				continue
			}
		}
		// Analysed into a partial index of its own, written to the cache
		// by term, then joined to the chunk's.
		g := partial{vocab: make(map[string]*postings, 64*len(group))}
		for i, e := range group {
			n, file, err := sc.analyse(e, &g, uint32(lo+i))
			if err != nil {
				return part, fmt.Errorf("index %s: %w", e.doc.File, err)
			}
			g.lengths = append(g.lengths, n)
			g.files = append(g.files, file)
		}
		st.analysed.Add(int64(len(group)))
		if c != nil {
			c.Put(analysisNS, key, encodeGroup(&g, uint32(lo)))
		}
		part.join(&g)
	}
	return part, nil
}

// scratch is reused from document to document.
type scratch struct {
	tk    tokenizer
	occs  []occ
	group []int32 // each occurrence's term, an index into stat
	ids   map[string]int
	once  map[string]bool
	stat  []termStat
	order []string
	ps    []*postings
}

// occ is one occurrence of a term.
type occ struct {
	term   string
	pos    uint32
	weight float32
	title  bool
}

type termStat struct {
	tf    float32
	title bool
	n     uint32
	last  uint32 // the last position added, plus one
}

// analyse tokenises one document's fields into weighted term frequencies
// with positions, adds them to part as document doc, and returns the
// document's length in tokens and its document file.
func (sc *scratch) analyse(e *entry, part *partial, doc uint32) (int, []byte, error) {
	if sc.ids == nil {
		sc.ids, sc.once = map[string]int{}, map[string]bool{}
		sc.tk.intern = map[string]string{}
	}
	sc.occs = sc.occs[:0]
	clear(sc.once)
	pos, n := uint32(0), 0
	index := func(text string, weight float32, title bool) {
		toks := sc.tk.tokenize(text)
		first := pos
		for _, t := range toks {
			w := weight
			// A term of the metadata counts once however often it is
			// repeated there (an author's name, id and handle are alike).
			if weight == weightMeta {
				if sc.once[t.Term] {
					w = 0
				}
				sc.once[t.Term] = true
			}
			sc.occs = append(sc.occs, occ{t.Term, pos, w, title})
			pos++
		}
		// Hyphenated words are also indexed whole, at the position of
		// their first part, so "standup" finds "stand-up".
		for i := 0; i < len(toks)-1; i++ {
			j := i
			for j+1 < len(toks) && toks[j].End+1 == toks[j+1].Start && text[toks[j].End] == '-' {
				j++
			}
			if j > i {
				var compound strings.Builder
				for k := i; k <= j; k++ {
					compound.WriteString(toks[k].Term)
				}
				sc.occs = append(sc.occs, occ{compound.String(), first + uint32(i), weight, title})
				i = j
			}
		}
		n += len(toks)
		pos += gap
	}
	d := e.doc
	index(join(d.Title, e.titleExtra), 0, true)
	index(e.meta, weightMeta, false)
	sections := make([][3]string, 0, len(d.Sections))
	for _, sec := range d.Sections {
		index(sec.Title, weightHeading, false)
		index(sec.Text, weightBody, false)
		sections = append(sections, [3]string{sec.ID, sec.Title, sec.Text})
	}

	// Group the occurrences by term, in order of first occurrence.
	clear(sc.ids)
	sc.stat, sc.order, sc.group, sc.ps = sc.stat[:0], sc.order[:0], sc.group[:0], sc.ps[:0]
	for _, o := range sc.occs {
		i, ok := sc.ids[o.term]
		if !ok {
			i = len(sc.stat)
			sc.ids[o.term] = i
			sc.stat = append(sc.stat, termStat{})
			sc.order = append(sc.order, o.term)
		}
		sc.group = append(sc.group, int32(i))
		ts := &sc.stat[i]
		ts.tf += o.weight
		ts.title = ts.title || o.title
	}
	for _, t := range sc.order {
		p := part.vocab[t]
		if p == nil {
			p = &postings{}
			part.vocab[t] = p
		}
		sc.ps = append(sc.ps, p)
		i := len(sc.ps) - 1
		p.hits = append(p.hits, newHit(doc, sc.stat[i].tf, sc.stat[i].title, 0))
	}
	for k, o := range sc.occs {
		i := sc.group[k]
		ts := &sc.stat[i]
		// Positions go in ascending order; a compound shares its first
		// part's position, which may come after a later one.
		if ts.last > o.pos {
			continue
		}
		ts.last = o.pos + 1
		p := sc.ps[i]
		p.pos = append(p.pos, o.pos)
		p.hits[len(p.hits)-1].meta += 2 // one more position
	}

	date := ""
	if !e.date.IsZero() {
		date = e.date.Format("2006-01-02")
	}
	file, err := json.Marshal(docFile{Title: d.Title, URL: d.URL, Kind: e.kind.String(), Date: date, Byline: e.byline, Sections: sections})
	return n, file, err
}

// docFile is what the client shows of a result.
type docFile struct {
	Title  string   `json:"t"`
	URL    string   `json:"u"`
	Kind   string   `json:"k"`
	Date   string   `json:"d,omitempty"`
	Byline []string `json:"b,omitempty"`
	// Sections are [heading id, heading, text]; the first has no heading
	// when the body starts with text.
	Sections [][3]string `json:"s"`
}

// score computes each posting's impact: the term's BM25 term-frequency
// part over the weighted fields outside the title, plus titleBonus when
// the title has the term (a title match should not saturate away with
// the body's), times the document's boost, quantised to 1..255 against
// the largest such value there can be. The term's idf is left to the
// client, which knows its document frequency from the shard.
//
// An impact so depends on its own document alone, with the average and
// the document's lengths rounded to steps of about 9% and an update's age
// to whole days: editing one document changes the postings of its own
// terms, and the shards that hold no changed term keep their bytes (see
// Options.Cache).
func score(terms []string, vocab map[string]*postings, lengths []int, entries []*entry, total int, now time.Time) {
	avg := roughly(max(1, float64(total)/max(1, float64(len(lengths)))))
	// norm[d] is the BM25 length normalisation of document d.
	norm := make([]float64, len(lengths))
	for d, l := range lengths {
		norm[d] = k1 * (1 - b + b*roughly(float64(max(1, l)))/avg)
	}
	boost := make([]float64, len(lengths))
	day := func(t time.Time) float64 { return float64(t.Unix() / 86400) }
	for i, e := range entries {
		boost[i] = kindBoost[e.kind]
		if e.kind == site.KindUpdate && !e.date.IsZero() && !now.IsZero() {
			age := max(0, day(now)-day(e.date)) / (recencyHalfLife.Hours() / 24)
			boost[i] += recencyBoost * math.Pow(0.5, age)
		}
	}
	top := (k1 + 1 + titleBonus) * maxBoost()
	parallel(len(terms), 256, func(i int) {
		p := vocab[terms[i]]
		if p.alias != "" {
			return
		}
		p.impact = make([]byte, len(p.hits))
		for j, h := range p.hits {
			tf := float64(h.tf)
			s := tf * (k1 + 1) / (tf + norm[h.doc])
			if h.title() {
				s += titleBonus
			}
			s *= boost[h.doc]
			p.impact[j] = byte(max(1, min(255, math.Round(s/top*255))))
		}
	})
}

// maxBoost is the largest boost a document can have.
func maxBoost() float64 {
	m := kindBoost[site.KindUpdate] + recencyBoost
	for _, v := range kindBoost {
		m = max(m, v)
	}
	return m
}

// roughly rounds x > 0 to a step of a geometric series (2^(1/8), about
// 9%), so that a small edit seldom changes it.
func roughly(x float64) float64 {
	return math.Exp2(math.Round(8*math.Log2(x)) / 8)
}

// addStems adds, for each stem that more than one term shares or that
// differs from its only term, an entry "stem#" (see stemMark) that
// matches the documents of all its terms, and returns the sorted
// vocabulary with them. A stem equal to its only term needs no entry: the
// client looks the stem up as a term when its entry is missing.
func addStems(terms []string, vocab map[string]*postings, st *Stemmer) []string {
	stems := make([]string, len(terms))
	parallel(len(terms), 1024, func(i int) { stems[i] = st.Stem(terms[i]) })
	groups := make(map[string][]string, len(terms))
	var order []string
	for i, t := range terms {
		g := groups[stems[i]]
		if g == nil {
			order = append(order, stems[i])
		}
		groups[stems[i]] = append(g, t)
	}
	added := make([]*postings, len(order))
	parallel(len(order), 256, func(i int) {
		g := groups[order[i]]
		switch {
		case len(g) == 1 && g[0] == order[i]:
		case len(g) == 1:
			added[i] = &postings{alias: g[0]}
		default:
			added[i] = mergePostings(g, vocab)
		}
	})
	var keys []string
	for i, p := range added {
		if p != nil {
			key := order[i] + stemMark
			vocab[key] = p
			keys = append(keys, key)
		}
	}
	// Merge the sorted stems' entries into the sorted terms.
	slices.Sort(keys)
	out := make([]string, 0, len(terms)+len(keys))
	for len(terms) > 0 && len(keys) > 0 {
		if keys[0] < terms[0] {
			out, keys = append(out, keys[0]), keys[1:]
		} else {
			out, terms = append(out, terms[0]), terms[1:]
		}
	}
	out = append(out, terms...)
	return append(out, keys...)
}

// mergePostings returns the postings of any of terms: the weighted term
// frequencies add up, and the title has the stem when it has any of them.
// Positions are left out: phrases match words as written.
func mergePostings(terms []string, vocab map[string]*postings) *postings {
	var all []hit
	for _, t := range terms {
		for _, h := range vocab[t].hits {
			all = append(all, newHit(h.doc, h.tf, h.title(), 0))
		}
	}
	slices.SortStableFunc(all, func(a, b hit) int { return cmp.Compare(a.doc, b.doc) })
	out := &postings{}
	for _, h := range all {
		if n := len(out.hits); n > 0 && out.hits[n-1].doc == h.doc {
			out.hits[n-1].tf += h.tf
			out.hits[n-1].meta |= h.meta & 1
			continue
		}
		out.hits = append(out.hits, h)
	}
	return out
}

// parallel calls f for 0..n-1, in chunks of at least least calls spread
// over the processors.
func parallel(n, least int, f func(i int)) {
	procs := runtime.GOMAXPROCS(0)
	chunk := max(least, n/(4*procs))
	var g errgroup.Group
	g.SetLimit(procs)
	for lo := 0; lo < n; lo += chunk {
		g.Go(func() error {
			for i := lo; i < min(lo+chunk, n); i++ {
				f(i)
			}
			return nil
		})
	}
	g.Wait()
}

// facets returns the facets file's name.
func (w *writer) facets(s *site.Site, entries []*entry) (string, error) {
	type value struct {
		key, label string
		docs       []uint32
	}
	type facet struct {
		name   string
		values []*value
		byKey  map[string]*value
	}
	newFacet := func(name string) *facet { return &facet{name: name, byKey: map[string]*value{}} }
	kind, team, author, status, tag := newFacet("kind"), newFacet("team"), newFacet("author"), newFacet("status"), newFacet("tag")
	addValue := func(f *facet, key, label string) {
		if _, ok := f.byKey[key]; !ok {
			v := &value{key: key, label: label}
			f.byKey[key] = v
			f.values = append(f.values, v)
		}
	}
	kindLabels := map[site.Kind]string{site.KindPage: "Handbook", site.KindUpdate: "Updates", site.KindDecision: "Decisions", site.KindObjective: "Objectives", site.KindPerson: "People", site.KindTeam: "Teams"}
	for _, k := range site.Kinds {
		addValue(kind, k.String(), kindLabels[k])
	}
	for _, t := range s.Teams {
		addValue(team, t.ID, t.Name)
	}
	for _, p := range s.People {
		addValue(author, p.ID, p.Name)
	}
	for _, st := range site.Statuses {
		addValue(status, string(st), st.Label())
	}
	for _, st := range append(slices.Clone(site.DecisionStatuses), s.Config.DecisionStatuses...) {
		addValue(status, st, capitalize(st))
	}
	for _, t := range s.Tags {
		addValue(tag, t.Name, t.Name)
	}
	mark := func(f *facet, key string, doc uint32) {
		if key == "" {
			return
		}
		addValue(f, key, key)
		v := f.byKey[key]
		if n := len(v.docs); n == 0 || v.docs[n-1] != doc {
			v.docs = append(v.docs, doc)
		}
	}
	for i, e := range entries {
		doc := uint32(i)
		mark(kind, e.kind.String(), doc)
		mark(team, e.team, doc)
		for _, a := range e.authors {
			mark(author, a, doc)
		}
		mark(status, e.status, doc)
		for _, t := range e.doc.Tags {
			mark(tag, t, doc)
		}
	}
	var buf []byte
	for _, f := range []*facet{kind, team, author, status, tag} {
		var used []*value
		for _, v := range f.values {
			if len(v.docs) > 0 {
				used = append(used, v)
			}
		}
		buf = appendString(buf, f.name)
		buf = appendUvarint(buf, uint64(len(used)))
		for _, v := range used {
			buf = appendString(buf, v.key)
			buf = appendString(buf, v.label)
			buf = appendGaps(buf, v.docs)
		}
	}
	z, err := w.compress([][]byte{buf})
	if err != nil {
		return "", err
	}
	return w.add("f", z[0]), nil
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// docs packs the document files, size to a pack, and returns the packs'
// names. A pack starts with size+1 offsets, little-endian uint32s, of its
// documents' files and of its end: the client reads document i's span
// from bytes 4i to 4i+8, then the document. Its name covers the bucket of
// documents: an edit renames only its own bucket's pack.
func (w *writer) docs(files [][]byte, size int) ([]string, error) {
	z, err := w.compress(files)
	if err != nil {
		return nil, err
	}
	var buckets []string
	for lo := 0; lo < len(z); lo += size {
		hi := min(lo+size, len(z))
		head := make([]byte, 4*(hi-lo+1))
		end := len(head)
		for i := lo; i < hi; i++ {
			end += len(z[i])
		}
		data := make([]byte, 0, end)
		data = append(data, head...)
		for i := lo; i < hi; i++ {
			binary.LittleEndian.PutUint32(data[4*(i-lo):], uint32(len(data)))
			data = append(data, z[i]...)
		}
		binary.LittleEndian.PutUint32(data[4*(hi-lo):], uint32(len(data)))
		buckets = append(buckets, w.add("d", data))
	}
	return buckets, nil
}
