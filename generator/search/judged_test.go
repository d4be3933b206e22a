package search_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/handbook/handbook/generator"
	"github.com/handbook/handbook/generator/search"
)

// minMRR is the MRR@10 the judged queries reached when ranking was last
// tuned; a change that ranks them worse fails TestJudged.
const minMRR = 0.95

// TestJudged runs the judged queries of testdata/judged.txt over the
// example site and checks the mean reciprocal rank of the first relevant
// page in the top 10.
func TestJudged(t *testing.T) {
	t.Parallel()
	judged, err := search.ReadJudged("testdata/judged.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(judged) < 40 {
		t.Fatalf("only %d judged queries", len(judged))
	}
	dir := t.TempDir()
	res, err := generator.Build(context.Background(), generator.Config{Content: "../../content", Layouts: filepath.Join(dir, "none"), Out: filepath.Join(dir, "public"), Now: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	idx, err := search.Build(res.Site, search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := search.Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	var ranked [][]string
	for _, j := range judged {
		r, err := s.Search(search.Query{Text: j.Query}) // as typed: the last word is a prefix
		if err != nil {
			t.Fatal(err)
		}
		var urls []string
		for _, h := range r.Hits[:min(10, len(r.Hits))] {
			urls = append(urls, h.URL)
		}
		ranked = append(ranked, urls)
		if rank := j.Rank(urls); rank != 1 {
			t.Logf("%q: first relevant at %d; top 3 %q", j.Query, rank, urls[:min(3, len(urls))])
		}
	}
	m := search.Measure(judged, ranked)
	t.Logf("MRR@10 %.3f, hit@1 %d, hit@3 %d of %d", m.MRR, m.Hit1, m.Hit3, len(judged))
	if m.MRR < minMRR {
		t.Errorf("MRR@10 = %.3f, want at least %.3f", m.MRR, minMRR)
	}
}
