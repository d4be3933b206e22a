package search

import (
	"errors"
	"reflect"
	"slices"
	"testing"

	"golang.org/x/tools/txtar"
)

// testGroups are the analyses of two groups of documents, 10 to 12 and
// 13 to 14, with terms in several sections and one term in both groups.
func testGroups() []partial {
	return []partial{{
		vocab: map[string]*postings{
			"shard": {hits: []hit{newHit(10, 2.5, true, 2), newHit(12, 1, false, 1)}, pos: []uint32{0, 7, 3}},
			"plan":  {hits: []hit{newHit(11, 0.5, false, 0)}},
			"42":    {hits: []hit{newHit(12, 1, false, 1)}, pos: []uint32{5}},
			"été":   {hits: []hit{newHit(10, 1, false, 1)}, pos: []uint32{9}},
		},
		lengths: []int{9, 4, 12},
		files:   [][]byte{[]byte(`{"t":"a"}`), []byte(`{"t":"b"}`), []byte(`{"t":"c"}`)},
	}, {
		vocab: map[string]*postings{
			"shard":  {hits: []hit{newHit(14, 1, false, 2)}, pos: []uint32{1, 4}},
			"sprint": {hits: []hit{newHit(13, 1, true, 0)}},
		},
		lengths: []int{3, 5},
		files:   [][]byte{[]byte(`{"t":"d"}`), []byte(`{"t":"e"}`)},
	}}
}

// TestGroupEntry writes groups' analyses as the cache keeps them, reads
// their documents back and their sections one at a time, and checks that
// each term's postings are those of both groups, in document order.
func TestGroupEntry(t *testing.T) {
	t.Parallel()
	gs := testGroups()
	srcs := make([]source, len(gs))
	first := uint32(10)
	for i := range gs {
		g := &gs[i]
		blob, off, sums := encodeGroup(g, first)
		lengths, files, read, readSums, ok := readGroupHead(blob[:off[0]], len(blob), len(g.lengths))
		if !ok {
			t.Fatalf("group %d: readGroupHead rejected the entry encodeGroup wrote", i)
		}
		if read != off {
			t.Errorf("group %d: readGroupHead read sections at %v, encodeGroup wrote them at %v", i, read, off)
		}
		for s := range sums {
			if readSums[s] != sums[s] || sums[s] != sumPart(blob[off[s]:off[s+1]]) {
				t.Errorf("group %d: section %d: hash read %x, written %x, of the part %x", i, s, readSums[s], sums[s], sumPart(blob[off[s]:off[s+1]]))
			}
		}
		if !reflect.DeepEqual(lengths, g.lengths) || !reflect.DeepEqual(files, g.files) {
			t.Errorf("group %d: documents: got %v %q, want %v %q", i, lengths, files, g.lengths, g.files)
		}
		if _, _, _, _, ok := readGroupHead(blob[:off[0]], len(blob), len(g.lengths)+1); ok {
			t.Errorf("group %d: readGroupHead took an entry of %d documents for %d", i, len(g.lengths), len(g.lengths)+1)
		}
		srcs[i] = source{first: first, count: len(g.lengths), blob: blob, off: off}
		first += uint32(len(g.lengths))
	}

	want := map[string]*postings{
		"shard":  {hits: []hit{newHit(10, 2.5, true, 2), newHit(12, 1, false, 1), newHit(14, 1, false, 2)}, pos: []uint32{0, 7, 3, 1, 4}},
		"plan":   {hits: []hit{newHit(11, 0.5, false, 0)}},
		"42":     {hits: []hit{newHit(12, 1, false, 1)}, pos: []uint32{5}},
		"été":    {hits: []hit{newHit(10, 1, false, 1)}, pos: []uint32{9}},
		"sprint": {hits: []hit{newHit(13, 1, true, 0)}},
	}
	var all []string
	for s := range sectionCount {
		v, err := readSection(s, srcs, nil)
		if err != nil {
			t.Fatalf("section %d: %v", s, err)
		}
		if !slices.IsSorted(v.terms) {
			t.Errorf("section %d: terms not sorted: %q", s, v.terms)
		}
		for i, term := range v.terms {
			if section(term) != s {
				t.Errorf("%s read in section %d, belongs in %d", term, s, section(term))
			}
			p, w := v.posts[i], want[term]
			if w == nil || !slices.Equal(p.hits, w.hits) || !slices.Equal(p.pos, w.pos) {
				t.Errorf("%s: got %+v, want %+v", term, p, w)
			}
		}
		all = append(all, v.terms...)
	}
	if len(all) != len(want) || !slices.IsSorted(all) {
		t.Errorf("sections hold %q, want the %d terms in order", all, len(want))
	}
}

// TestGroupEntryDamaged checks that a damaged entry, cut short or with a
// byte of its head changed, fails its checksum; that a byte changed in a
// section fails that section's hash, which is checked when the section
// is read from the cache; and that a section that does not read as it
// was written is an error and not a panic.
func TestGroupEntryDamaged(t *testing.T) {
	t.Parallel()
	g := testGroups()[0]
	blob, off, sums := encodeGroup(&g, 10)
	head := int(off[0])
	for n := range len(blob) {
		if _, _, _, _, ok := readGroupHead(blob[:min(n, head)], n, 3); ok {
			t.Errorf("an entry cut to %d of %d bytes was taken", n, len(blob))
		}
	}
	for i := range blob {
		for _, b := range []byte{0, 0x7f, 0x80, 0xff} {
			if blob[i] == b {
				continue
			}
			d := slices.Clone(blob)
			d[i] = b
			if i < head {
				if _, _, _, _, ok := readGroupHead(d[:head], len(d), 3); ok {
					t.Errorf("an entry with byte %d of its head changed to %#x was taken", i, b)
				}
				continue
			}
			s := 0 // the section the byte is in
			for k := range sectionCount {
				if int(off[k]) <= i && i < int(off[k+1]) {
					s = k
				}
			}
			if sumPart(d[off[s]:off[s+1]]) == sums[s] {
				t.Errorf("section %d with byte %d changed to %#x has the hash it was written with", s, i, b)
			}
			src := []source{{first: 10, count: 3, blob: d, off: off}}
			for s := range sectionCount {
				if _, err := readSection(s, src, nil); err != nil && !errors.Is(err, errDamaged) {
					t.Errorf("section %d with byte %d changed: %v, want errDamaged", s, i, err)
				}
			}
		}
	}
}

// TestSections checks that sections follow the order of terms, that
// none is empty, and that a word and its stem share a section, as
// addStems needs, in each language with a stemmer.
func TestSections(t *testing.T) {
	t.Parallel()
	for i := 1; i < len(sectionStarts); i++ {
		if sectionKey(sectionStarts[i]) <= sectionKey(sectionStarts[i-1]) {
			t.Errorf("section %d starts at %q, not after section %d's %q", i+1, sectionStarts[i], i, sectionStarts[i-1])
		}
	}
	if sectionKey(sectionStarts[0]) == 0 {
		t.Errorf("the first section is empty: the second starts at %q", sectionStarts[0])
	}
	if section("") != 0 || section("0") != 0 || section("aa") == 0 || section("ю") != sectionCount-1 {
		t.Errorf(`sections of "", 0, aa, ю: %d %d %d %d`, section(""), section("0"), section("aa"), section("ю"))
	}
	ar, err := txtar.ParseFile("testdata/corpus.txtar")
	if err != nil {
		t.Fatal(err)
	}
	text := []string{"0 00 0x 9 a a0 aa ab z zz ~ ю",
		// English stems that do not keep the word's first two letters,
		// or nearly.
		"dying die lying lie tying tie skies sky skis news gently ugly early only idly singly happily tiny",
		// Words of the other stemmers' languages, some with accents the
		// tokenizer folds away.
		"continuation nationalité corrections más método número règle fát kávé hablando trabajadores ayudándole",
		"flickornas människorna ämnen klokhet kertekben különböző tényleg благодарности"}
	for _, f := range ar.Files {
		text = append(text, string(f.Data))
	}
	var words []string
	for _, s := range text {
		words = append(words, Terms(s)...)
	}
	words = append(words, "")
	slices.Sort(words)
	for i := 1; i < len(words); i++ {
		if section(words[i]) < section(words[i-1]) {
			t.Errorf("%q is in section %d, before %q's %d", words[i], section(words[i]), words[i-1], section(words[i-1]))
		}
	}
	for _, lang := range []string{"en", "fr", "es", "ru", "sv", "no", "hu"} {
		st := StemmerFor(lang)
		for _, w := range words {
			if s := st.Stem(w); section(s) != section(w) {
				t.Errorf("%s: %q is in section %d, its stem %q in %d", lang, w, section(w), s, section(s))
			}
		}
	}
}
