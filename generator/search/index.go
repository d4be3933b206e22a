package search

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/handbook/handbook/generator/site"
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
	// BucketSize is how many document files share a content-hashed
	// folder. Default DefaultBucketSize.
	BucketSize int
}

// Defaults of Options, chosen by measuring bytes per query on a generated
// 10,000-document site (see cmd/searchbench).
const (
	DefaultShardSize  = 16 << 10
	DefaultBucketSize = 64
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
}

// docTerms is what the index keeps of one document's text.
type docTerms struct {
	terms  []termStat // sorted by term
	length int        // tokens
	file   []byte     // the document file (JSON)
}

type termStat struct {
	term  string
	tf    float32 // weighted term frequency outside the title
	title bool    // the term is in the title
	pos   []uint32
}

// posting lists are built term by term, documents in order.
type postings struct {
	docs   []uint32
	tf     []float32
	title  []bool
	pos    [][]uint32
	impact []byte
}

// Build indexes every document of s.
func Build(s *site.Site, opts Options) (*Index, error) {
	if opts.Dir == "" {
		opts.Dir = "search"
	}
	if opts.ShardSize <= 0 {
		opts.ShardSize = DefaultShardSize
	}
	if opts.BucketSize <= 0 {
		opts.BucketSize = DefaultBucketSize
	}
	entries := collect(s)

	// Analyse documents in parallel, each into its own slot.
	analysed := make([]docTerms, len(entries))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, e := range entries {
		g.Go(func() error {
			d, err := analyse(e)
			if err != nil {
				return fmt.Errorf("index %s: %w", e.doc.File, err)
			}
			analysed[i] = d
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}

	// Merge in document order, so every posting list is sorted.
	vocab := map[string]*postings{}
	total := 0
	for i, d := range analysed {
		total += d.length
		for _, ts := range d.terms {
			p := vocab[ts.term]
			if p == nil {
				p = &postings{}
				vocab[ts.term] = p
			}
			p.docs = append(p.docs, uint32(i))
			p.tf = append(p.tf, ts.tf)
			p.title = append(p.title, ts.title)
			p.pos = append(p.pos, ts.pos)
		}
	}
	terms := make([]string, 0, len(vocab))
	for t := range vocab {
		terms = append(terms, t)
	}
	slices.Sort(terms)
	score(terms, vocab, analysed, entries, total, s.Now)

	w := &writer{dir: opts.Dir}
	shards := w.shards(terms, vocab, opts.ShardSize)
	typos := w.typos(terms)
	facets := w.facets(s, entries)
	buckets := w.docs(analysed, opts.BucketSize)
	if err := w.finish(); err != nil {
		return nil, err
	}

	m := manifest{Version: 1, Docs: len(entries), Terms: len(terms), Shards: shards, Typos: typos, Facets: facets, Bucket: opts.BucketSize, Buckets: buckets}
	data, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	name := opts.Dir + "/manifest-" + hash(data) + ".json"
	w.files = append(w.files, File{Path: name, Data: data})
	slices.SortFunc(w.files, func(a, b File) int { return cmp.Compare(a.Path, b.Path) })
	return &Index{Files: w.files, Manifest: name, Docs: len(entries), Terms: len(terms)}, nil
}

// manifest is the JSON entry point of the index; see the package comment.
type manifest struct {
	Version int `json:"v"`
	Docs    int `json:"docs"`
	Terms   int `json:"terms"`
	// Shards lists [first term, term file, positions file] per shard.
	Shards [][3]string `json:"shards"`
	// Typos maps a first letter to its typo lexicon file.
	Typos   map[string]string `json:"typos"`
	Facets  string            `json:"facets"`
	Bucket  int               `json:"bucket"`
	Buckets []string          `json:"buckets"`
}

// analyse tokenises one document's fields into weighted term statistics
// with positions, and writes its document file.
func analyse(e *entry) (docTerms, error) {
	// Tokens are collected first and grouped by term after, so that a
	// document costs a few allocations rather than some per term.
	type occ struct {
		term   string
		pos    uint32
		weight float32 // 0 in the title
		title  bool
	}
	var occs []occ
	pos, n := uint32(0), 0
	// once counts a term of the metadata once however often it is
	// repeated there (an author's name, id and handle are often alike).
	once := map[string]bool{}
	index := func(text string, weight float32) {
		toks := Tokenize(text)
		first := pos
		for _, t := range toks {
			w := weight
			if weight == weightMeta {
				if once[t.Term] {
					w = 0
				}
				once[t.Term] = true
			}
			occs = append(occs, occ{t.Term, pos, w, weight == 0})
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
				occs = append(occs, occ{compound.String(), first + uint32(i), weight, weight == 0})
				i = j
			}
		}
		n += len(toks)
		pos += gap
	}
	d := e.doc
	index(join(d.Title, e.titleExtra), 0)
	index(e.meta, weightMeta)
	sections := make([][3]string, 0, len(d.Sections))
	for _, sec := range d.Sections {
		index(sec.Title, weightHeading)
		index(sec.Text, weightBody)
		sections = append(sections, [3]string{sec.ID, sec.Title, sec.Text})
	}

	ids := make(map[string]int, len(occs)/2)
	out := docTerms{length: n}
	counts := make([]int, 0, len(occs)/2)
	for _, o := range occs {
		i, ok := ids[o.term]
		if !ok {
			i = len(out.terms)
			ids[o.term] = i
			out.terms = append(out.terms, termStat{term: o.term})
			counts = append(counts, 0)
		}
		ts := &out.terms[i]
		ts.tf += o.weight
		ts.title = ts.title || o.title
		counts[i]++
	}
	arena := make([]uint32, 0, len(occs))
	for i := range out.terms {
		out.terms[i].pos = arena[len(arena) : len(arena) : len(arena)+counts[i]]
		arena = arena[:len(arena)+counts[i]]
	}
	for _, o := range occs {
		ts := &out.terms[ids[o.term]]
		// A compound shares its first part's position, which may repeat.
		if k := len(ts.pos); k == 0 || ts.pos[k-1] < o.pos {
			ts.pos = append(ts.pos, o.pos)
		}
	}

	date := ""
	if !e.date.IsZero() {
		date = e.date.Format("2006-01-02")
	}
	file, err := json.Marshal(docFile{Title: d.Title, URL: d.URL, Kind: e.kind.String(), Date: date, Byline: e.byline, Sections: sections})
	if err != nil {
		return out, err
	}
	out.file = file
	return out, nil
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

// score computes each posting's impact, quantised to 1..255 against the
// largest: the term's BM25 score over the weighted fields outside the
// title, plus titleBonus when the title has the term (a title match
// should not saturate away with the body's), times the document's
// recency boost.
func score(terms []string, vocab map[string]*postings, docs []docTerms, entries []*entry, total int, now time.Time) {
	avg := max(1, float64(total)/max(1, float64(len(docs))))
	boost := make([]float64, len(docs))
	for i, e := range entries {
		boost[i] = 1
		if e.kind == site.KindUpdate && !e.date.IsZero() && !now.IsZero() {
			age := max(0, now.Sub(e.date).Hours()/recencyHalfLife.Hours())
			boost[i] += recencyBoost * math.Pow(0.5, age)
		}
	}
	raw := make(map[string][]float64, len(terms))
	top := 0.0
	for _, t := range terms {
		p := vocab[t]
		idf := idf(len(docs), len(p.docs))
		scores := make([]float64, len(p.docs))
		for j, doc := range p.docs {
			tf := float64(p.tf[j])
			dl := float64(docs[doc].length)
			s := tf * (k1 + 1) / (tf + k1*(1-b+b*dl/avg))
			if p.title[j] {
				s += titleBonus
			}
			s *= idf * boost[doc]
			scores[j] = s
			top = max(top, s)
		}
		raw[t] = scores
	}
	for _, t := range terms {
		p := vocab[t]
		p.impact = make([]byte, len(p.docs))
		for j, s := range raw[t] {
			p.impact[j] = byte(max(1, min(255, math.Round(s/top*255))))
		}
	}
}

// facets returns the facets file's name.
func (w *writer) facets(s *site.Site, entries []*entry) string {
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
	return w.add("f", buf)
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// docs writes each document's file into its bucket's folder and returns
// the buckets' hashes.
func (w *writer) docs(docs []docTerms, size int) []string {
	var buckets []string
	for lo := 0; lo < len(docs); lo += size {
		hi := min(lo+size, len(docs))
		h := newHasher()
		for i := lo; i < hi; i++ {
			h.write(docs[i].file)
		}
		name := h.sum()
		buckets = append(buckets, name)
		for i := lo; i < hi; i++ {
			w.addNamed(w.dir+"/d/"+name+"/"+strconv.Itoa(i)+".bin", docs[i].file)
		}
	}
	return buckets
}
