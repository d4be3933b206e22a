package search

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
)

// Judged is a query with the pages that answer it, for measuring ranking:
// TestJudged and generator/search/bench read testdata/judged.txt.
type Judged struct {
	Query    string
	Relevant []string // site paths, best first
}

// ReadJudged reads judged queries: one a line, the query and then its
// relevant pages, separated by " | "; "#" starts a comment line.
func ReadJudged(name string) ([]Judged, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Judged
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, " | ")
		if len(parts) < 2 {
			return nil, fmt.Errorf("%s:%d: want a query and relevant pages separated by \" | \"", name, n)
		}
		out = append(out, Judged{Query: strings.TrimSpace(parts[0]), Relevant: parts[1:]})
	}
	return out, sc.Err()
}

// Rank returns the 1-based rank of the first relevant page among ranked,
// or 0.
func (j Judged) Rank(ranked []string) int {
	for i, u := range ranked {
		if slices.Contains(j.Relevant, u) {
			return i + 1
		}
	}
	return 0
}

// Relevance sums up how well a ranking answered judged queries.
type Relevance struct {
	MRR        float64 // mean reciprocal rank of the first relevant page in the top 10
	Hit1, Hit3 int     // queries with a relevant page first, in the top 3
}

// Measure scores ranked[i], the top results for judged[i].
func Measure(judged []Judged, ranked [][]string) Relevance {
	var r Relevance
	for i, j := range judged {
		rank := j.Rank(ranked[i][:min(10, len(ranked[i]))])
		if rank > 0 {
			r.MRR += 1 / float64(rank)
		}
		if rank == 1 {
			r.Hit1++
		}
		if rank >= 1 && rank <= 3 {
			r.Hit3++
		}
	}
	if len(judged) > 0 {
		r.MRR /= float64(len(judged))
	}
	return r
}
