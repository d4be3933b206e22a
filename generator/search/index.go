package search

import (
	"cmp"
	"encoding/binary"
	"encoding/json"
	"errors"
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
	// ReleaseText has Build let go of each document's section texts
	// (site.Section.Text) once it has analysed them, so that a large
	// site's text is not held while the rest of the site is made. Set it
	// only when nothing reads them after Build.
	ReleaseText bool
	// Emit, when set, is given each file of the index as soon as it is
	// made, the manifest last, and Index.Files is then empty: a file is
	// not held while the rest is made (the document packs, made first,
	// are 70 MB at 100,000 documents).
	Emit func(File) error
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
	Files []File // sorted by path; empty with Options.Emit
	// Manifest is the path of the manifest among Files.
	Manifest string
	// Docs and Terms count the documents and distinct terms indexed.
	Docs, Terms int
	// Parts counts the parts of the index compressed on their own (term
	// shards, lexicons, document files, ...), most of them packed into
	// fewer files.
	Parts int
	// Analysed and Compressed count the documents analysed and the parts
	// compressed by this build, not taken from Options.Cache; Sections
	// counts the sections of the vocabulary it made (see reuse.go), and
	// Stemmed the terms of those it stemmed, rather than take their stems
	// from the section's last state.
	Analysed, Compressed, Sections, Stemmed int
	// TyposMade reports whether the build made the typo lexicons, rather
	// than take them from Options.Cache.
	TyposMade bool
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

// partial is the analysis of a group of documents: each term's postings,
// and each document's length and file.
type partial struct {
	vocab map[string]*postings
	// free is where the next postings of vocab are taken from: a
	// group's postings, one per term of its vocabulary (480,000 at
	// 10,000 documents), are allocated in blocks rather than one by
	// one, and all go at once with the group.
	free    []postings
	lengths []int    // tokens per document
	files   [][]byte // document files (JSON)
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
	if emit := opts.Emit; emit != nil {
		// A build made again without the cache (below) has sent some
		// files already: those are sent once. A file's name is the hash
		// of its bytes, and the manifest is sent last, on success. The
		// first attempt's files are the second's: what they are made
		// of is checked when read from the cache (checksums of the
		// analyses and of the memo's entries).
		sent := map[string]bool{}
		opts.Emit = func(f File) error {
			if sent[f.Path] {
				return nil
			}
			sent[f.Path] = true
			return emit(f)
		}
	}
	idx, err := buildOnce(s, opts)
	if errors.Is(err, errDamaged) && opts.Cache != nil {
		// An entry of the cache was checked whole and then did not read
		// the same (removed or rewritten meanwhile): build without it,
		// unless the texts to analyse again are gone.
		if opts.ReleaseText {
			return nil, errors.New("search: an analysis in the build cache was damaged, or removed by another command, and is now gone; build again")
		}
		opts.Cache = nil
		idx, err = buildOnce(s, opts)
	}
	return idx, err
}

func buildOnce(s *site.Site, opts Options) (*Index, error) {
	entries := collect(s)
	var st stats
	a, err := analyseGroups(entries, conversionKey(s), opts.Cache, opts.ReleaseText, &st)
	defer a.close(opts.Cache)
	if err != nil {
		return nil, err
	}
	w := &writer{dir: opts.Dir, stats: &st, emit: opts.Emit}
	if opts.Cache != nil {
		w.memo = openMemo(opts.Cache, opts.Dir)
	}
	// The documents' files first, so that they are let go before the
	// sections are made.
	buckets, err := w.docs(a.files, opts.BucketSize)
	if err != nil {
		return nil, err
	}
	a.files = nil
	facets, err := w.facets(s, entries)
	if err != nil {
		return nil, err
	}

	wt := weigh(entries, a.lengths, s.Now)
	// The entries are not needed past this point: with no use below,
	// they are let go while the sections are made (55 MB at 100,000
	// documents).
	docs := len(entries)
	stemmer := StemmerFor(s.Config.Language)
	lang := ""
	if stemmer != nil {
		lang = stemmer.Lang
	}
	var wts []cache.Key
	if opts.Cache != nil {
		wts = groupWeights(a.sources, wt)
	}
	sections := make([]madeSection, sectionCount)
	var g errgroup.Group
	// A processor a section, but a large site's are made one at a time:
	// the index is one task among the build's, which has pages to make
	// beside it, and a section's postings are a large part of the peak
	// memory (75 MB at 100,000 documents).
	if a.size > serialSections {
		g.SetLimit(1)
	} else {
		g.SetLimit(runtime.GOMAXPROCS(0))
	}
	for sec := range sections {
		g.Go(func() error {
			var err error
			sections[sec], err = cachedSection(sec, a.sources, wts, opts, stemmer, lang, wt, &st)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	var terms []string
	var parts shardParts
	for _, m := range sections {
		terms = append(terms, m.terms...)
		parts.firsts = append(parts.firsts, m.firsts...)
		parts.terms = append(parts.terms, m.termParts...)
		parts.positions = append(parts.positions, m.posParts...)
		w.parts += len(m.termParts) + len(m.posParts)
	}
	shards, err := w.packShards(parts)
	if err != nil {
		return nil, err
	}
	typos, typoList, err := w.typos(terms)
	if err != nil {
		return nil, err
	}
	w.finish()

	m := manifest{Version: 3, Stem: lang, Docs: docs, Terms: len(terms),
		Pack: shards.terms, Positions: shards.positions, Shards: shards.firsts, Dirs: shards.dirs, PerDir: shardsPerDir,
		Typos: typos, TypoList: typoList, Facets: facets, Bucket: opts.BucketSize, Buckets: buckets}
	data, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	name := opts.Dir + "/manifest.json"
	if err := w.put(File{Path: name, Data: data}); err != nil {
		return nil, err
	}
	slices.SortFunc(w.files, func(a, b File) int { return cmp.Compare(a.Path, b.Path) })
	return &Index{Files: w.files, Manifest: name, Docs: docs, Terms: len(terms),
		Analysed: int(st.analysed.Load()), Parts: w.parts, Compressed: int(st.compressed.Load()), TyposMade: w.typosMade,
		Sections: int(st.sections.Load()), Stemmed: int(st.stemmed.Load())}, nil
}

// madeSection is what is kept of a section once it is made: its terms
// (for the typo lexicons), and its shards' first terms and compressed
// term and position parts, in order.
type madeSection struct {
	terms []string
	// With a stemmer, stems holds each term's stem, "" for the entries
	// of stems ("deploy#"), and lang the stemmer's language: kept in the
	// section's state, for the next build that makes it again. They are
	// let go once the state is written.
	stems               []string
	lang                string
	firsts              []string
	termParts, posParts [][]byte
	keys                []cache.Key // the memo keys of its parts
}

// cachedSection is makeSection with the state Options.Cache keeps of
// the section (see reuse.go): the section is taken whole when its inputs
// are those it was made from, and otherwise made with the last build's
// shards as its memo, then kept for the next build.
func cachedSection(sec int, srcs []source, wts []cache.Key, opts Options, stemmer *Stemmer, lang string, wt weights, st *stats) (madeSection, error) {
	if opts.Cache == nil {
		made, err := makeSection(sec, srcs, opts, stemmer, wt, nil, st, nil)
		made.stems = nil
		return made, err
	}
	inputs := sectionInputs(sec, srcs, wts, opts.ShardSize, lang)
	old, ok := readState(opts.Cache, opts.Dir, sec)
	if ok && old.inputs == inputs {
		return old.made, nil
	}
	m := newMemo(nil, "")
	var known *madeSection
	if ok {
		m = old.memo()
		old.decodeStems()
		known = &old.made
	}
	made, err := makeSection(sec, srcs, opts, stemmer, wt, m, st, known)
	if err != nil {
		return made, err
	}
	next := sectionState{inputs: inputs, made: made}
	opts.Cache.Put(sectionNS, stateKey(opts.Dir, sec), next.encode())
	// The sections are kept until all are made: a large site's, one at a
	// time, would hold every stem of the vocabulary by the last.
	made.stems = nil
	return made, nil
}

// makeSection makes section sec of the index: its vocabulary, with the
// entries of its stems, scored, cut into shards and compressed. Stems are
// taken from known, the section as the last build made it, when it has
// them.
func makeSection(sec int, srcs []source, opts Options, stemmer *Stemmer, wt weights, m *memo, st *stats, known *madeSection) (madeSection, error) {
	st.sections.Add(1)
	v, err := readSection(sec, srcs, opts.Cache)
	if err != nil {
		return madeSection{}, err
	}
	out := madeSection{}
	if stemmer != nil {
		var stemmed int
		v, out.stems, stemmed = addStems(v, stemmer, sec, known)
		out.lang = stemmer.Lang
		st.stemmed.Add(int64(stemmed))
	}
	score(v, wt)
	bounds := cutShards(v, opts.ShardSize)
	raw := make([][]byte, 0, 2*len(bounds))
	out.terms = v.terms
	for _, b := range bounds {
		t, p := encodeShard(v.terms[b[0]:b[1]], v.posts[b[0]:b[1]])
		raw = append(raw, t, p)
		out.firsts = append(out.firsts, v.terms[b[0]])
	}
	z, keys, err := compressParts(raw, m, st)
	if err != nil {
		return madeSection{}, err
	}
	for i := 0; i < len(z); i += 2 {
		out.termParts = append(out.termParts, z[i])
		out.posParts = append(out.posParts, z[i+1])
	}
	out.keys = keys
	return out, nil
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
	enc   groupEncoder
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
		if len(toks) == 0 {
			return
		}
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
		pos = fieldStart(pos + gap)
	}
	d := e.doc
	index(join(d.Title, e.titleExtra), 0, true)
	for _, m := range e.meta {
		index(m, weightMeta, false)
	}
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
			if len(part.free) == 0 {
				part.free = make([]postings, 256)
			}
			p = &part.free[0]
			part.free = part.free[1:]
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
	f := docFile{Title: d.Title, URL: d.URL, Kind: e.kind.String(), Date: date, Byline: e.byline, Sections: sections}
	return n, f.appendJSON(make([]byte, 0, f.size())), nil
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
// the document's lengths rounded to steps of about 9% and 19% (see
// lengthSteps) and an update's age
// to whole days: editing one document changes the postings of its own
// terms, and the shards that hold no changed term keep their bytes (see
// Options.Cache).
func score(v vocab, wt weights) {
	top := (k1 + 1 + titleBonus) * maxBoost()
	n := 0
	for _, p := range v.posts {
		if p.alias == "" {
			n += len(p.hits)
		}
	}
	impacts := make([]byte, n)
	for _, p := range v.posts {
		if p.alias != "" {
			continue
		}
		p.impact, impacts = impacts[:len(p.hits):len(p.hits)], impacts[len(p.hits):]
		for j, h := range p.hits {
			tf := float64(h.tf)
			s := tf * (k1 + 1) / (tf + wt.norm[h.doc])
			if h.title() {
				s += titleBonus
			}
			s *= wt.boost[h.doc]
			p.impact[j] = byte(max(1, min(255, math.Round(s/top*255))))
		}
	}
}

// weights are what a posting's impact takes from its document: the BM25
// length normalisation and the document's boost.
type weights struct {
	norm, boost []float64
}

// weigh returns the weights of entries, whose lengths in tokens are
// lengths.
func weigh(entries []*entry, lengths []int, now time.Time) weights {
	total := 0
	for _, l := range lengths {
		total += l
	}
	avg := roughly(max(1, float64(total)/max(1, float64(len(lengths)))), 8)
	wt := weights{norm: make([]float64, len(lengths)), boost: make([]float64, len(entries))}
	for d, l := range lengths {
		wt.norm[d] = k1 * (1 - b + b*roughly(float64(max(1, l)), lengthSteps)/avg)
	}
	day := func(t time.Time) float64 { return float64(t.Unix() / 86400) }
	for i, e := range entries {
		wt.boost[i] = kindBoost[e.kind]
		if e.kind == site.KindUpdate && !e.date.IsZero() && !now.IsZero() {
			age := max(0, day(now)-day(e.date)) / (recencyHalfLife.Hours() / 24)
			wt.boost[i] += recencyBoost * math.Pow(0.5, age)
		}
	}
	return wt
}

// maxBoost is the largest boost a document can have.
func maxBoost() float64 {
	m := kindBoost[site.KindUpdate] + recencyBoost
	for _, v := range kindBoost {
		m = max(m, v)
	}
	return m
}

// roughly rounds x > 0 to a step of a geometric series of steps to an
// octave (8: 2^(1/8), about 9%), so that a small edit seldom changes it.
func roughly(x, steps float64) float64 {
	return math.Exp2(math.Round(steps*math.Log2(x)) / steps)
}

// lengthSteps is how finely a document's length is rounded: 2^(1/4),
// about 19%. A change of its rounded length makes again every section of
// the vocabulary the document has words in (200 to 300 ms of CPU at
// 10,000 documents), and an update of 150 words that grows by a line at
// each build crossed a step of 9% every third build; the judged queries
// rank as they did with steps of 9% (TestJudged, TestJudgedCorpus).
const lengthSteps = 4

// addStems adds to v, section sec of the vocabulary, an entry "stem#"
// (see stemMark) for each stem that more than one term shares or that
// differs from its only term, matching the documents of all its terms,
// and returns the sorted vocabulary with them. A stem equal to its only
// term needs no entry: the client looks the stem up as a term when its
// entry is missing. A stem keeps its word's section (see sectionStarts);
// an entry that would sort into another section is not made.
//
// It returns, with the vocabulary, the stem of each of its terms ("" for
// the stems' entries) and how many terms it stemmed: a term known has
// the stem recorded there, if known was made with a stemmer of the same
// language. A stem depends on the term and the stemmer alone, and the
// stemmer's code on the program, whose hash salts every cache entry.
func addStems(v vocab, st *Stemmer, sec int, known *madeSection) (vocab, []string, int) {
	groups := make(map[string][]int32, len(v.terms))
	var order []string
	stems := make([]string, len(v.terms))
	stemmed := 0
	var old []string // known's terms, from the first not before t
	var oldStems []string
	if known != nil && known.lang == st.Lang && len(known.stems) == len(known.terms) {
		old, oldStems = known.terms, known.stems
	}
	for i, t := range v.terms {
		// Both lists are sorted: walk known's alongside.
		for len(old) > 0 && old[0] < t {
			old, oldStems = old[1:], oldStems[1:]
		}
		var stem string
		if len(old) > 0 && old[0] == t && oldStems[0] != "" {
			stem = oldStems[0]
		} else {
			stem = st.Stem(t)
			stemmed++
		}
		stems[i] = stem
		g := groups[stem]
		if g == nil {
			order = append(order, stem)
		}
		groups[stem] = append(g, int32(i))
	}
	var added vocab
	for _, stem := range order {
		g := groups[stem]
		var p *postings
		switch {
		case section(stem) != sec:
			continue
		case len(g) == 1 && v.terms[g[0]] == stem:
			continue
		case len(g) == 1:
			p = &postings{alias: v.terms[g[0]]}
		default:
			p = mergePostings(v.posts, g)
		}
		added.terms = append(added.terms, stem+stemMark)
		added.posts = append(added.posts, p)
	}
	// Merge the sorted stems' entries into the sorted terms.
	keys := make([]int, len(added.terms))
	for i := range keys {
		keys[i] = i
	}
	slices.SortFunc(keys, func(a, b int) int { return strings.Compare(added.terms[a], added.terms[b]) })
	out := vocab{terms: make([]string, 0, len(v.terms)+len(keys)), posts: make([]*postings, 0, len(v.terms)+len(keys))}
	outStems := make([]string, 0, cap(out.terms))
	i := 0
	for _, k := range keys {
		for i < len(v.terms) && v.terms[i] < added.terms[k] {
			out.terms, out.posts = append(out.terms, v.terms[i]), append(out.posts, v.posts[i])
			outStems = append(outStems, stems[i])
			i++
		}
		out.terms, out.posts = append(out.terms, added.terms[k]), append(out.posts, added.posts[k])
		outStems = append(outStems, "")
	}
	out.terms, out.posts = append(out.terms, v.terms[i:]...), append(out.posts, v.posts[i:]...)
	outStems = append(outStems, stems[i:]...)
	return out, outStems, stemmed
}

// mergePostings returns the postings of any of the terms ids: the
// weighted term frequencies add up, and the title has the stem when it
// has any of them. Positions are left out: phrases match words as
// written.
func mergePostings(posts []*postings, ids []int32) *postings {
	var all []hit
	for _, id := range ids {
		for _, h := range posts[id].hits {
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
	return w.add("f", z[0])
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
//
// Each pack is compressed and made in turn, and each document's file let
// go once compressed (files is cleared): with Options.Emit, only one
// pack's files are held at a time.
func (w *writer) docs(files [][]byte, size int) ([]string, error) {
	var buckets []string
	for lo := 0; lo < len(files); lo += size {
		hi := min(lo+size, len(files))
		z, err := w.compress(files[lo:hi])
		if err != nil {
			return nil, err
		}
		clear(files[lo:hi])
		head := make([]byte, 4*len(z)+4)
		end := len(head)
		for _, p := range z {
			end += len(p)
		}
		data := make([]byte, 0, end)
		data = append(data, head...)
		for i, p := range z {
			binary.LittleEndian.PutUint32(data[4*i:], uint32(len(data)))
			data = append(data, p...)
		}
		binary.LittleEndian.PutUint32(data[4*len(z):], uint32(len(data)))
		name, err := w.add("d", data)
		if err != nil {
			return nil, err
		}
		buckets = append(buckets, name)
	}
	return buckets, nil
}
