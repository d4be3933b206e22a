package search_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/handbook/handbook/generator"
	"github.com/handbook/handbook/generator/corpus"
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
	_, s := buildSearcher(t, generator.Config{Content: "../../content", Now: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)})
	var ranked [][]string
	for _, j := range judged {
		urls := top10(t, s, j.Query) // as typed: the last word is a prefix
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

// minCorpusMRR is the MRR@10 of the known-item queries of
// TestJudgedCorpus when ranking was last tuned.
const minCorpusMRR = 0.98

// TestJudgedCorpus asks for each decision of a generated corpus of 1,000
// documents by the words of its title ("Adopt x y for z w" is asked as "x
// y z w"), for every third with a typing mistake in its longest word, and
// for every third by its last two words only: many documents share those
// common words, and the decision should still come first.
func TestJudgedCorpus(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := corpus.Write(filepath.Join(dir, "content"), corpus.Generate(1000, 1)); err != nil {
		t.Fatal(err)
	}
	res, s := buildSearcher(t, generator.Config{Content: filepath.Join(dir, "content"), Now: corpus.Now(), NoGit: true})
	var judged []search.Judged
	var ranked [][]string
	for i, d := range res.Site.Decisions {
		words := strings.Fields(strings.ToLower(d.Title))
		words = slices.DeleteFunc(words[1:], func(w string) bool { return w == "for" || w == "to" })
		switch i % 3 {
		case 1:
			k := 0
			for j, w := range words {
				if len(w) > len(words[k]) {
					k = j
				}
			}
			if w := []byte(words[k]); len(w) >= 4 {
				w[1], w[2] = w[2], w[1]
				words[k] = string(w)
			}
		case 2:
			words = words[max(0, len(words)-2):]
		}
		j := search.Judged{Query: strings.Join(words, " "), Relevant: []string{d.URL}}
		urls := top10(t, s, j.Query)
		judged, ranked = append(judged, j), append(ranked, urls)
	}
	m := search.Measure(judged, ranked)
	t.Logf("MRR@10 %.3f, hit@1 %d, hit@3 %d of %d", m.MRR, m.Hit1, m.Hit3, len(judged))
	if len(judged) < 40 || m.MRR < minCorpusMRR {
		t.Errorf("MRR@10 = %.3f on %d queries, want at least %.3f on 40 or more", m.MRR, len(judged), minCorpusMRR)
	}
}

// buildSearcher builds the site cfg names, with the built-in layouts, into
// a temporary folder, and opens a searcher on its index.
func buildSearcher(t *testing.T, cfg generator.Config) (generator.Result, *search.Searcher) {
	t.Helper()
	dir := t.TempDir()
	cfg.Layouts, cfg.Out = filepath.Join(dir, "none"), filepath.Join(dir, "public")
	res, err := generator.Build(context.Background(), cfg)
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
	return res, s
}

// top10 returns the URLs of the first 10 results for query.
func top10(t *testing.T, s *search.Searcher, query string) []string {
	t.Helper()
	r, err := s.Search(search.Query{Text: query})
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, h := range r.Hits[:min(10, len(r.Hits))] {
		urls = append(urls, h.URL)
	}
	return urls
}
