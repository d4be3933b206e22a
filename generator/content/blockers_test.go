package content

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestBlockersEndIsTheRegexpOnTheBody checks that blockersEnd, which
// matches line by line, finds what blockersHeading finds in the whole
// body.
func TestBlockersEndIsTheRegexpOnTheBody(t *testing.T) {
	bodies := []string{
		"",
		"## Blockers\n- @ada\n",
		"Intro.\n\n## Done\n- x\n\n## Blockers\n\n- waiting on @grace\n\n## Next\n- y\n",
		"   ## Blockers",
		"    ## Blockers\n",
		"##Blockers\n",
		"## blocked by:\n- @bob\n",
		"### Blocking ##\r\n- @bob\r\n",
		"## Blockers \t:  ##  \n",
		"text ## Blockers\n",
		"# Blocker\n# Blockers\n",
		"\n\n\n## BLOCKED\n",
		"## Blockers of the week\n",
		"- item\n  ## Blockers\n",
	}
	rng := rand.New(rand.NewPCG(5, 6))
	const noise = "#  \t\n\r:Bblockers-"
	for range 5000 {
		b := []byte(bodies[rng.IntN(len(bodies))])
		for range 1 + rng.IntN(5) {
			b = slices.Insert(b, rng.IntN(len(b)+1), noise[rng.IntN(len(noise))])
		}
		bodies = append(bodies, string(b))
	}
	for _, body := range bodies {
		want := -1
		if loc := blockersHeading.FindIndex([]byte(body)); loc != nil {
			want = loc[1]
		}
		if got := blockersEnd([]byte(body)); got != want {
			t.Errorf("blockersEnd(%q) = %d, want %d", body, got, want)
		}
	}
}
