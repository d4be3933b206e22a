package search

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// Query rules, shared with the browser client (layouts/assets/search/):
//
//   - words are combined with AND; "quoted phrases" must appear as
//     written, and a word that tokenises into several terms ("on-call")
//     is a phrase; in an English index, stop words ("how", "do", "we")
//     are optional unless the query has only stop words;
//   - when no document has every required word, the documents with the
//     most of them come first, ranked by score among equals;
//   - the last word, unless a space follows it, also matches every term
//     it begins (prefix matching while typing), at prefixWeight;
//   - with an English index (manifest "stem": "en"), a word also matches
//     the words that share its Snowball stem ("deploying" finds
//     "deployment"), at stemWeight, so the form written ranks first;
//   - a word of minTypoLen or more letters that matches nothing as
//     written, stemmed or as a prefix matches the terms one edit away
//     (insert, delete, replace or swap two neighbours), found in the
//     typo lexicons of its first two and its last two characters, at
//     typoWeight;
//   - when a required word matches nothing, a word of minTypoLen or
//     more letters is replaced by the most frequent term two edits away,
//     and that query is suggested ("did you mean") if it finds something;
//   - a document's score is the sum over the words of the best weighted
//     impact among the word's matching terms, times the idf of all the
//     documents the word matches (a phrase: the sum of its terms'
//     impacts times their idf); ties go to index order;
//   - filters keep documents that have one of the chosen values of each
//     filtered facet; a facet's counts apply every other facet's filter.
const (
	stemWeight   = 0.9
	prefixWeight = 0.8
	typoWeight   = 0.6
	// minTypoLen is the shortest word that gets typo tolerance.
	minTypoLen = 4
	// minPrefixLen is the shortest word that is expanded as a prefix;
	// maxPrefixShards and maxExpansions bound what a prefix fetches.
	minPrefixLen    = 2
	maxPrefixShards = 3
	maxExpansions   = 64
)

// Facets lists the facet names in the order of the facets file.
var Facets = []string{"kind", "team", "author", "status", "tag"}

// Query is a search: the text typed and the chosen filters by facet.
type Query struct {
	Text    string
	Filters map[string][]string
	// noSuggest is set on the queries suggest tries.
	noSuggest bool
}

// Hit is one result.
type Hit struct {
	Doc   int
	Score float64
	Title string
	URL   string
	// Section is the id of the heading the hit deep-links to, or "".
	Section string
}

// Results of a search.
type Results struct {
	Hits []Hit // best first
	// Suggest is a query close to the one run that finds something, when
	// this one found nothing ("did you mean").
	Suggest string
	// Counts holds, by facet and value key, how many results each filter
	// value would leave.
	Counts map[string]map[string]int
}

// Searcher runs queries against a built index, with the rules the
// browser client applies. Tests use it to check the index; it reads the
// same files the client fetches.
type Searcher struct {
	files  map[string][]byte
	dir    string
	m      manifest
	facets map[string][]FacetValue
	shards map[int]*shard
	// entries are the shards' first terms and spans, from the manifest's
	// directories.
	entries []shardEntry
	// stem is the English stemmer when the index has English stems: the
	// one stemmer the client also has.
	stem *Stemmer
	// typoFiles lists the typo lexicons' spans by key, read when first
	// needed.
	typoFiles map[string]span
}

// shardEntry is a shard as its directory lists it.
type shardEntry struct {
	first            string
	terms, positions span
}

// FacetValue is a value of a facet (a team, a tag, ...): its key in
// filters, its label, and the documents that have it.
type FacetValue struct {
	Key, Label string
	Docs       []uint32
}

// Open reads an index.
func Open(idx *Index) (*Searcher, error) {
	s := &Searcher{files: map[string][]byte{}, dir: idx.Manifest[:strings.LastIndexByte(idx.Manifest, '/')+1], shards: map[int]*shard{}}
	for _, f := range idx.Files {
		s.files[f.Path] = f.Data
	}
	if err := json.Unmarshal(s.files[idx.Manifest], &s.m); err != nil {
		return nil, fmt.Errorf("manifest: %w", err)
	}
	if s.m.Stem == "en" {
		s.stem = StemmerFor("en")
	}
	for k, d := range s.m.Dirs {
		data, err := s.readPart(s.m.Pack, d)
		if err != nil {
			return nil, err
		}
		if k >= len(s.m.Shards) {
			return nil, errors.New("corrupt manifest")
		}
		r := &reader{b: data}
		prev := ""
		for range r.uvarint() {
			shared := int(r.uvarint())
			if shared > len(prev) {
				return nil, errors.New("corrupt shard directory")
			}
			prev = prev[:shared] + r.string()
			e := shardEntry{first: prev}
			e.terms = span{int(r.uvarint()), int(r.uvarint())}
			e.positions = span{int(r.uvarint()), int(r.uvarint())}
			s.entries = append(s.entries, e)
		}
		if r.err != nil {
			return nil, r.err
		}
	}
	data, err := s.read(s.m.Facets)
	if err != nil {
		return nil, err
	}
	s.facets = map[string][]FacetValue{}
	r := &reader{b: data}
	for range Facets {
		name := r.string()
		vals := make([]FacetValue, r.uvarint())
		for i := range vals {
			vals[i] = FacetValue{Key: r.string(), Label: r.string(), Docs: r.gaps(int(r.uvarint()))}
		}
		s.facets[name] = vals
	}
	return s, r.err
}

// FacetValues returns a facet's values with the documents that have them.
func (s *Searcher) FacetValues(facet string) []FacetValue { return s.facets[facet] }

func (s *Searcher) read(name string) ([]byte, error) {
	data, ok := s.files[s.dir+name]
	if !ok {
		return nil, fmt.Errorf("no index file %s", name)
	}
	return gunzip(name, data)
}

// readPart reads the part of a pack at sp, as the client does with an
// HTTP Range request.
func (s *Searcher) readPart(name string, sp span) ([]byte, error) {
	data, err := s.readRaw(name, sp)
	if err != nil {
		return nil, err
	}
	return gunzip(name, data)
}

// readRaw returns the bytes of a pack at sp, as they are stored.
func (s *Searcher) readRaw(name string, sp span) ([]byte, error) {
	data, ok := s.files[s.dir+name]
	if !ok {
		return nil, fmt.Errorf("no index file %s", name)
	}
	if sp[0] < 0 || sp[1] < 0 || sp[0]+sp[1] > len(data) {
		return nil, fmt.Errorf("%s: part %d+%d past the end", name, sp[0], sp[1])
	}
	return data[sp[0] : sp[0]+sp[1]], nil
}

func gunzip(name string, data []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return io.ReadAll(zr)
}

// shard is a decoded term shard.
type shard struct {
	terms    []string
	df       []int
	postings [][]byte // per term: gaps then impacts
	pos      [][]byte // per term, filled on demand
	posPart  span
}

func (s *Searcher) shard(i int) (*shard, error) {
	if sh := s.shards[i]; sh != nil {
		return sh, nil
	}
	data, err := s.readPart(s.m.Pack, s.entries[i].terms)
	if err != nil {
		return nil, err
	}
	r := &reader{b: data}
	n := int(r.uvarint())
	sh := &shard{terms: make([]string, n), df: make([]int, n), postings: make([][]byte, n), posPart: s.entries[i].positions}
	lens := make([]int, n)
	prev := ""
	for j := range n {
		shared := int(r.uvarint())
		if shared > len(prev) {
			return nil, errors.New("corrupt shard")
		}
		prev = prev[:shared] + r.string()
		sh.terms[j] = prev
		sh.df[j] = int(r.uvarint())
		lens[j] = int(r.uvarint())
	}
	for j := range n {
		sh.postings[j] = r.bytes(lens[j])
	}
	s.shards[i] = sh
	return sh, r.err
}

func (s *Searcher) positions(sh *shard, j int) ([][]uint32, error) {
	if sh.pos == nil {
		data, err := s.readPart(s.m.Positions, sh.posPart)
		if err != nil {
			return nil, err
		}
		r := &reader{b: data}
		n := int(r.uvarint())
		lens := make([]int, n)
		for k := range n {
			lens[k] = int(r.uvarint())
		}
		sh.pos = make([][]byte, n)
		for k := range n {
			sh.pos[k] = r.bytes(lens[k])
		}
		if r.err != nil {
			return nil, r.err
		}
	}
	r := &reader{b: sh.pos[j]}
	out := make([][]uint32, sh.df[j])
	for k := range out {
		out[k] = r.gaps(int(r.uvarint()))
	}
	return out, r.err
}

// shardOf returns the shard whose range holds term.
func (s *Searcher) shardOf(term string) int {
	i, _ := slices.BinarySearchFunc(s.entries, term, func(sh shardEntry, t string) int {
		return cmp.Compare(sh.first, t)
	})
	if i < len(s.entries) && s.entries[i].first == term {
		return i
	}
	return max(0, i-1)
}

// posting is a term's postings, decoded.
type posting struct {
	term   string
	docs   []uint32
	impact []byte
	shard  *shard
	index  int
}

func (s *Searcher) lookup(term string) (*posting, error) {
	if len(s.entries) == 0 {
		return nil, nil
	}
	sh, err := s.shard(s.shardOf(term))
	if err != nil {
		return nil, err
	}
	j, ok := slices.BinarySearch(sh.terms, term)
	if !ok {
		return nil, nil
	}
	if sh.df[j] == 0 && strings.HasSuffix(term, stemMark) {
		// A stem's alias: the postings name the one term it stands for.
		return s.lookup(string(sh.postings[j]))
	}
	return decodePosting(sh, j), nil
}

func decodePosting(sh *shard, j int) *posting {
	r := &reader{b: sh.postings[j]}
	docs := r.deltas(sh.df[j])
	return &posting{term: sh.terms[j], docs: docs, impact: r.bytes(sh.df[j]), shard: sh, index: j}
}

// prefixed returns the most frequent terms longer than prefix that begin
// with it, from at most maxPrefixShards shards.
func (s *Searcher) prefixed(prefix string) ([]*posting, error) {
	var out []*posting
	if len(s.entries) == 0 {
		return nil, nil
	}
	for i := s.shardOf(prefix); i < len(s.entries) && i < s.shardOf(prefix)+maxPrefixShards; i++ {
		if first := s.entries[i].first; first > prefix && !strings.HasPrefix(first, prefix) {
			break
		}
		sh, err := s.shard(i)
		if err != nil {
			return nil, err
		}
		for j, t := range sh.terms {
			if len(t) > len(prefix) && strings.HasPrefix(t, prefix) && !strings.HasSuffix(t, stemMark) {
				out = append(out, decodePosting(sh, j))
			}
		}
	}
	return topByDF(out), nil
}

func topByDF(ps []*posting) []*posting {
	slices.SortStableFunc(ps, func(a, b *posting) int { return cmp.Compare(len(b.docs), len(a.docs)) })
	return ps[:min(len(ps), maxExpansions)]
}

// typos returns the terms one edit away from word.
func (s *Searcher) typos(word string) ([]*posting, error) {
	var out []*posting
	err := s.lexicon(word, func(t string) error {
		if !OneEdit(word, t) {
			return nil
		}
		p, err := s.lookup(t)
		if p != nil {
			out = append(out, p)
		}
		return err
	})
	return topByDF(out), err
}

// lexicon calls f with each term of the typo lexicons of word's first two
// and last two characters (see writer.typos), once.
func (s *Searcher) lexicon(word string, f func(t string) error) error {
	r := []rune(word)
	if len(r) < minTypoLen {
		return nil
	}
	seen := map[string]bool{}
	for _, key := range []string{"p" + string(r[:2]), "s" + string(r[len(r)-2:])} {
		if s.typoFiles == nil {
			data, err := s.readPart(s.m.Typos, s.m.TypoList)
			if err != nil {
				return err
			}
			rd := &reader{b: data}
			s.typoFiles = map[string]span{}
			for range rd.uvarint() {
				k := rd.string()
				s.typoFiles[k] = span{int(rd.uvarint()), int(rd.uvarint())}
			}
			if rd.err != nil {
				return rd.err
			}
		}
		sp, ok := s.typoFiles[key]
		if !ok {
			continue
		}
		data, err := s.readPart(s.m.Typos, sp)
		if err != nil {
			return err
		}
		rd := &reader{b: data}
		n := int(rd.uvarint())
		prev := ""
		for range n {
			shared := int(rd.uvarint())
			if shared > len(prev) {
				return errors.New("corrupt typo lexicon")
			}
			prev = prev[:shared] + rd.string()
			t := prev
			if key[0] == 's' {
				t = reverse(prev)
			}
			if seen[t] {
				continue
			}
			seen[t] = true
			if err := f(t); err != nil {
				return err
			}
		}
		if rd.err != nil {
			return rd.err
		}
	}
	return nil
}

// OneEdit reports whether a and b differ by exactly one insertion,
// deletion, substitution or swap of neighbouring characters.
func OneEdit(a, b string) bool {
	x, y := []rune(a), []rune(b)
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(y)-len(x) > 1 || string(x) == string(y) {
		return false
	}
	i := 0
	for i < len(x) && x[i] == y[i] {
		i++
	}
	if len(x) == len(y) {
		if string(x[i+1:]) == string(y[i+1:]) {
			return true // substitution
		}
		return i+1 < len(x) && x[i] == y[i+1] && x[i+1] == y[i] && string(x[i+2:]) == string(y[i+2:])
	}
	return string(x[i:]) == string(y[i+1:]) // insertion
}

// clause is one word or phrase of a query.
type clause struct {
	terms  []string
	phrase bool
	prefix bool
}

// Parse splits a query into clauses; see the query rules above.
func Parse(text string) []clause {
	var out []clause
	for i := 0; i < len(text); {
		switch c := text[i]; {
		case c == '"':
			end := strings.IndexByte(text[i+1:], '"')
			rest := text[i+1:]
			if end >= 0 {
				rest = rest[:end]
				i += end + 2
			} else {
				i = len(text)
			}
			if terms := Terms(rest); len(terms) > 0 {
				out = append(out, clause{terms: terms, phrase: len(terms) > 1})
			}
		case c == ' ' || c == '\t' || c == '\n':
			i++
		default:
			end := strings.IndexAny(text[i:], " \t\n\"")
			if end < 0 {
				end = len(text) - i
			}
			terms := Terms(text[i : i+end])
			i += end
			if len(terms) > 0 {
				out = append(out, clause{terms: terms, phrase: len(terms) > 1, prefix: i == len(text) && len(terms) == 1})
			}
		}
	}
	return out
}

// Search runs q.
func (s *Searcher) Search(q Query) (Results, error) {
	n := s.m.Docs
	scores := make([]float64, n)
	matched := &matchSet{terms: map[string]bool{}, stems: map[string]bool{}, stem: s.stem}
	var unmatched []int // required clauses that match no document on their own
	clauses := Parse(q.Text)
	required := s.required(clauses)
	var match []bool
	coverage := make([]int, n) // required clauses each document matches
	for ci, c := range clauses {
		best := make(map[uint32]float64)
		var err error
		if c.phrase {
			err = s.phrase(c.terms, best, matched)
		} else {
			err = s.word(c.terms[0], c.prefix, best, matched)
		}
		if err != nil {
			return Results{}, err
		}
		if len(best) == 0 && required[ci] {
			unmatched = append(unmatched, ci)
		}
		for d, v := range best {
			scores[d] += v
			if required[ci] {
				coverage[d]++
			}
		}
	}
	if len(clauses) > 0 {
		// Documents with every required clause; failing that, with the
		// most of them (see the query rules).
		want := 0
		for _, r := range required {
			if r {
				want++
			}
		}
		if !slices.Contains(coverage, want) {
			want = 1
		}
		match = make([]bool, n)
		for d := range match {
			match[d] = coverage[d] >= want
		}
	} else {
		if len(q.Filters) == 0 {
			return Results{Counts: map[string]map[string]int{}}, nil
		}
		match = make([]bool, n)
		for d := range match {
			match[d] = true
		}
	}

	// has[f][d]: document d passes facet f's filter.
	has := map[string][]bool{}
	for _, f := range Facets {
		keys := q.Filters[f]
		if len(keys) == 0 {
			continue
		}
		ok := make([]bool, n)
		for _, v := range s.facets[f] {
			if slices.Contains(keys, v.Key) {
				for _, d := range v.Docs {
					ok[d] = true
				}
			}
		}
		has[f] = ok
	}
	passes := func(d int, except string) bool {
		for f, ok := range has {
			if f != except && !ok[d] {
				return false
			}
		}
		return true
	}
	res := Results{Counts: map[string]map[string]int{}}
	for _, f := range Facets {
		counts := map[string]int{}
		for _, v := range s.facets[f] {
			for _, d := range v.Docs {
				if match[d] && passes(int(d), f) {
					counts[v.Key]++
				}
			}
		}
		res.Counts[f] = counts
	}
	for d := range n {
		if match[d] && passes(d, "") {
			res.Hits = append(res.Hits, Hit{Doc: d, Score: scores[d]})
		}
	}
	slices.SortStableFunc(res.Hits, func(a, b Hit) int {
		return cmp.Or(cmp.Compare(coverage[b.Doc], coverage[a.Doc]), cmp.Compare(b.Score, a.Score))
	})
	if len(unmatched) > 0 && !q.noSuggest {
		sug, err := s.suggest(q, clauses, unmatched)
		if err != nil {
			return res, err
		}
		res.Suggest = sug
	}
	for i := range res.Hits {
		if err := s.describe(&res.Hits[i], matched); err != nil {
			return res, err
		}
	}
	return res, nil
}

// required reports which clauses a document must match: all but the
// English stop words ("how", "do", "we"), unless the query has nothing
// else. A stop word still adds to the score of the documents that have it.
func (s *Searcher) required(clauses []clause) []bool {
	req := make([]bool, len(clauses))
	any := false
	for i, c := range clauses {
		req[i] = c.phrase || s.stem == nil || !english.IsStopWord(c.terms[0])
		any = any || req[i]
	}
	if !any {
		for i := range req {
			req[i] = true
		}
	}
	return req
}

// word collects, for each document, the best weighted impact among the
// terms a word matches.
func (s *Searcher) word(term string, prefix bool, best map[uint32]float64, matched *matchSet) error {
	var variants []*posting
	var weights []float64
	exact, err := s.lookup(term)
	if err != nil {
		return err
	}
	if exact != nil {
		variants, weights = append(variants, exact), append(weights, 1)
	}
	if s.stem != nil {
		st := s.stem.Stem(term)
		p, err := s.lookup(st + stemMark)
		if err == nil && p == nil && st != term {
			// A stem with one term, which is the stem itself, has no
			// entry of its own.
			p, err = s.lookup(st)
		}
		if err != nil {
			return err
		}
		if p != nil && (exact == nil || p.term != exact.term) {
			variants, weights = append(variants, p), append(weights, stemWeight)
		}
	}
	if prefix && utf8.RuneCountInString(term) >= minPrefixLen {
		more, err := s.prefixed(term)
		if err != nil {
			return err
		}
		for _, p := range more {
			variants, weights = append(variants, p), append(weights, prefixWeight)
		}
	}
	if len(variants) == 0 && utf8.RuneCountInString(term) >= minTypoLen {
		more, err := s.typos(term)
		if err != nil {
			return err
		}
		for _, p := range more {
			variants, weights = append(variants, p), append(weights, typoWeight)
		}
	}
	// Impacts leave out the term's idf. Every variant is scored with the
	// rarity of the word's whole match: a longer, rarer term a prefix or
	// typo reaches must not outscore the word itself.
	union := map[uint32]bool{}
	for _, p := range variants {
		for _, d := range p.docs {
			union[d] = true
		}
	}
	idfAll := idf(s.m.Docs, len(union))
	for i, p := range variants {
		matched.add(p.term)
		f := weights[i] * idfAll
		for j, d := range p.docs {
			v := float64(p.impact[j]) * f
			if v > best[d] {
				best[d] = v
			}
		}
	}
	return nil
}

// matchSet holds the terms and stems a query matched, to find the
// section to link to (and, in the client, the words to highlight).
type matchSet struct {
	terms, stems map[string]bool
	stem         *Stemmer
}

func (m *matchSet) add(term string) {
	if st, ok := strings.CutSuffix(term, stemMark); ok {
		m.stems[st] = true
	} else {
		m.terms[term] = true
	}
}

func (m *matchSet) has(term string) bool {
	return m.terms[term] || m.stem != nil && len(m.stems) > 0 && m.stems[m.stem.Stem(term)]
}

// suggest returns the query with each word that matched nothing replaced
// by the most frequent term at most two edits away, if that query finds
// something.
func (s *Searcher) suggest(q Query, clauses []clause, unmatched []int) (string, error) {
	words := make([]string, len(clauses))
	for i, c := range clauses {
		words[i] = strings.Join(c.terms, " ")
		if c.phrase {
			words[i] = `"` + words[i] + `"`
		}
	}
	changed := false
	for _, ci := range unmatched {
		c := clauses[ci]
		if c.phrase {
			continue
		}
		word, best, bestDF := c.terms[0], "", 0
		err := s.lexicon(word, func(t string) error {
			if editDistance(word, t) > 2 {
				return nil
			}
			p, err := s.lookup(t)
			if p != nil && len(p.docs) > bestDF {
				best, bestDF = t, len(p.docs)
			}
			return err
		})
		if err != nil {
			return "", err
		}
		if best != "" {
			words[ci], changed = best, true
		}
	}
	if !changed {
		return "", nil
	}
	text := strings.Join(words, " ") + " " // a complete word, not a prefix
	res, err := s.Search(Query{Text: text, Filters: q.Filters, noSuggest: true})
	if err != nil || len(res.Hits) == 0 {
		return "", err
	}
	return strings.TrimSpace(text), nil
}

// editDistance is the number of insertions, deletions, substitutions and
// swaps of neighbours that turn a into b (optimal string alignment).
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

// idf is the inverse document frequency the index scores with.
func idf(n, df int) float64 {
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}

// phrase finds the documents where terms appear one after the other.
func (s *Searcher) phrase(words []string, best map[uint32]float64, matched *matchSet) error {
	ps := make([]*posting, len(words))
	for i, w := range words {
		p, err := s.lookup(w)
		if err != nil || p == nil {
			return err
		}
		ps[i] = p
	}
	// Candidates: documents with every term, and their positions.
	type cand struct {
		score float64
		pos   [][]uint32
	}
	cands := map[uint32]*cand{}
	for i, p := range ps {
		pos, err := s.positions(p.shard, p.index)
		if err != nil {
			return err
		}
		for j, d := range p.docs {
			c := cands[d]
			if i == 0 {
				c = &cand{pos: make([][]uint32, len(ps))}
				cands[d] = c
			} else if c == nil || len(c.pos[i-1]) == 0 {
				continue
			}
			c.score += float64(p.impact[j]) * idf(s.m.Docs, len(p.docs))
			c.pos[i] = pos[j]
		}
	}
	for d, c := range cands {
		if len(c.pos[len(ps)-1]) == 0 || !adjacent(c.pos) {
			continue
		}
		best[d] = c.score
	}
	for _, w := range words {
		matched.add(w)
	}
	return nil
}

// adjacent reports whether some position of the first term is followed by
// the other terms in order.
func adjacent(pos [][]uint32) bool {
	for _, p := range pos[0] {
		ok := true
		for i := 1; i < len(pos) && ok; i++ {
			_, ok = slices.BinarySearch(pos[i], p+uint32(i))
		}
		if ok {
			return true
		}
	}
	return false
}

// describe fills a hit's title, URL and deep link from its document file:
// the section where the terms the query matched occur most, headings
// counting thrice; none when the title matches as well as any section.
func (s *Searcher) describe(h *Hit, want *matchSet) error {
	data, err := s.doc(h.Doc)
	if err != nil {
		return err
	}
	var f docFile
	if err := json.Unmarshal(data, &f); err != nil {
		return err
	}
	h.Title, h.URL = f.Title, f.URL
	count := func(text string) int {
		n := 0
		for _, t := range Terms(text) {
			if want.has(t) {
				n++
			}
		}
		return n
	}
	top := count(f.Title) * weightHeading
	for _, sec := range f.Sections {
		if n := count(sec[1])*weightHeading + count(sec[2]); n > top && sec[0] != "" {
			top, h.Section = n, sec[0]
		}
	}
	return nil
}

// doc reads document n's file from its pack: its span from the offsets
// at the pack's start, then the file.
func (s *Searcher) doc(n int) ([]byte, error) {
	if s.m.Bucket <= 0 || n/s.m.Bucket >= len(s.m.Buckets) {
		return nil, fmt.Errorf("no document %d", n)
	}
	name, i := s.m.Buckets[n/s.m.Bucket], n%s.m.Bucket
	head, err := s.readRaw(name, span{4 * i, 8})
	if err != nil {
		return nil, err
	}
	start, end := int(binary.LittleEndian.Uint32(head)), int(binary.LittleEndian.Uint32(head[4:]))
	if end < start {
		return nil, fmt.Errorf("%s: corrupt offsets of document %d", name, n)
	}
	return s.readPart(name, span{start, end - start})
}

// reader decodes the binary files; the first error sticks.
type reader struct {
	b   []byte
	err error
}

func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		if r.err == nil {
			r.err = errors.New("corrupt index: bad varint")
		}
		r.b = nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) bytes(n int) []byte {
	if n > len(r.b) || n < 0 {
		if r.err == nil {
			r.err = errors.New("corrupt index: short data")
		}
		r.b = nil
		return nil
	}
	// Capped: r.b may be a mapped cache entry, which must not be
	// appended into.
	out := r.b[:n:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) string() string { return string(r.bytes(int(r.uvarint()))) }

func (r *reader) deltas(n int) []uint32 {
	out := make([]uint32, n)
	prev := uint32(0)
	for i := range out {
		prev += uint32(r.uvarint())
		out[i] = prev
	}
	return out
}

func (r *reader) gaps(n int) []uint32 { return r.deltas(n) }
