package diag

import (
	"fmt"
	"strings"
)

// Suggest returns ` (did you mean "x"?)` naming the option closest to word,
// or "" when no option is close enough to be a likely typo.
func Suggest(word string, options []string) string {
	best, bestDist := "", 0
	w := strings.ToLower(word)
	for _, o := range options {
		d := distance(w, strings.ToLower(o))
		if best == "" || d < bestDist {
			best, bestDist = o, d
		}
	}
	// Allow about one edit per three letters, and at least one.
	if best == "" || bestDist > max(1, len([]rune(best))/3) {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// distance is the Levenshtein distance between a and b, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
