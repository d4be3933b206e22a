package search

import (
	"slices"
	"testing"

	"github.com/handbook/handbook/generator/site"
)

// TestFieldPositions checks that each field of a document starts at a
// position of its own: words added to one field, the body's text or a
// piece of metadata, move no word of the fields after it, and the last
// word of a field is never next to the first of the next, so that a
// phrase does not span them.
func TestFieldPositions(t *testing.T) {
	positions := func(body, blockers string) map[string][]uint32 {
		t.Helper()
		e := &entry{
			doc: &site.Doc{Title: "Weekly update", Sections: []site.Section{
				{Text: body},
				{ID: "next", Title: "Next steps", Text: "Ship the importer."},
			}},
			kind: site.KindUpdate,
			meta: []string{"Ana Souza", blockers, "billing"},
		}
		var sc scratch
		part := &partial{vocab: map[string]*postings{}}
		if _, _, err := sc.analyse(e, part, 0); err != nil {
			t.Fatal(err)
		}
		out := map[string][]uint32{}
		for term, p := range part.vocab {
			out[term] = p.pos
		}
		return out
	}
	before := positions("We moved the queue.", "Waiting on legal.")
	after := positions("We moved the queue to the new cluster, finally.", "Waiting on legal review for two more weeks.")
	for _, term := range []string{"weekly", "ana", "souza", "billing", "next", "steps", "ship", "importer"} {
		if len(before[term]) == 0 || !slices.Equal(before[term], after[term]) {
			t.Errorf("%q at %v, and at %v once the fields before it grew, want the same positions", term, before[term], after[term])
		}
	}
	for _, pair := range [][2]string{{"finally", "next"}, {"weeks", "billing"}, {"update", "ana"}} {
		last, first := after[pair[0]], after[pair[1]]
		if len(last) == 0 || len(first) == 0 || first[0] <= last[len(last)-1]+1 {
			t.Errorf("%q at %v and %q at %v: the fields' words are adjacent", pair[0], last, pair[1], first)
		}
	}
}
