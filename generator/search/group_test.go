package search

import (
	"reflect"
	"testing"
)

// TestGroupEntry writes a group's analysis as the cache keeps it and
// reads it back, and checks that a damaged entry, cut short or with a
// byte changed, adds nothing and does not panic.
func TestGroupEntry(t *testing.T) {
	t.Parallel()
	g := partial{
		vocab: map[string]*postings{
			"shard": {hits: []hit{newHit(10, 2.5, true, 2), newHit(12, 1, false, 1)}, pos: []uint32{0, 7, 3}},
			"plan":  {hits: []hit{newHit(11, 0.5, false, 0)}},
		},
		lengths: []int{9, 4, 12},
		files:   [][]byte{[]byte(`{"t":"a"}`), []byte(`{"t":"b"}`), []byte(`{"t":"c"}`)},
	}
	data := encodeGroup(&g, 10)
	got := partial{vocab: map[string]*postings{}}
	if !decodeGroup(data, 3, 10, &got) {
		t.Fatal("decodeGroup rejected the entry encodeGroup wrote")
	}
	if !reflect.DeepEqual(got.lengths, g.lengths) || !reflect.DeepEqual(got.files, g.files) {
		t.Errorf("documents: got %v %q, want %v %q", got.lengths, got.files, g.lengths, g.files)
	}
	for term, want := range g.vocab {
		p := got.vocab[term]
		if p == nil || !reflect.DeepEqual(p.hits, want.hits) || len(p.pos) != len(want.pos) || (len(p.pos) > 0 && !reflect.DeepEqual(p.pos, want.pos)) {
			t.Errorf("%s: got %+v, want %+v", term, p, want)
		}
	}
	if len(got.vocab) != len(g.vocab) {
		t.Errorf("got %d terms, want %d", len(got.vocab), len(g.vocab))
	}
	if decodeGroup(data, 4, 10, &partial{vocab: map[string]*postings{}}) {
		t.Error("decodeGroup took an entry of 3 documents for 4")
	}
	damaged := func(d []byte) {
		t.Helper()
		p := partial{vocab: map[string]*postings{}}
		if decodeGroup(d, 3, 10, &p) {
			return // a change that still reads whole: a valid entry
		}
		if len(p.vocab) != 0 || len(p.lengths) != 0 || len(p.files) != 0 {
			t.Errorf("a damaged entry (%x) added %d terms and %d documents", d, len(p.vocab), len(p.lengths))
		}
	}
	for n := range len(data) {
		damaged(data[:n])
	}
	for i := range data {
		for _, b := range []byte{0, 0x7f, 0x80, 0xff} {
			d := append([]byte(nil), data...)
			d[i] = b
			damaged(d)
		}
	}
}
