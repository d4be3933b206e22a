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

// distance is the optimal string alignment distance between a and b, in
// runes: insertions, deletions, substitutions, and swaps of two adjacent
// letters ("priay" for "priya") each count as one edit.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	rows := make([][]int, len(ra)+1)
	for i := range rows {
		rows[i] = make([]int, len(rb)+1)
		rows[i][0] = i
	}
	for j := range rows[0] {
		rows[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d := min(rows[i-1][j]+1, rows[i][j-1]+1, rows[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d = min(d, rows[i-2][j-2]+1)
			}
			rows[i][j] = d
		}
	}
	return rows[len(ra)][len(rb)]
}
