package main

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// literals finds a group of 16 alternatives or more that are each a plain
// word: the keyword lists chroma's lexers hold.
var literals = regexp.MustCompile(`\(((?:[A-Za-z0-9_ -]+\|){15,}[A-Za-z0-9_ -]+)\)`)

// factor returns p with each long list of words it holds grouped by
// first character, and again within each group: (ALTER|ABORT|BEGIN)
// becomes (A(?:LTER|BORT)|BEGIN).
// regexp2cg's engine of a list tries the words one after another at each
// position: SQL's 497 keywords took a third of the time highlighting took
// at 10,000 documents. Grouped, it tries the few words that start with
// the character there.
//
// The engine matches as before: alternatives are tried in order, and
// the words a character can start are tried in the order the list has
// them, since words of different groups cannot match at the same place.
// That is why a list is left as it is when two of its first characters
// could match the same character: a letter and its other case in a
// pattern that ignores case, or a letter that is not ASCII.
func factor(p string) (string, bool) {
	var b strings.Builder
	at := 0
	for _, m := range literals.FindAllStringSubmatchIndex(p, -1) {
		if m[0] > 0 && p[m[0]-1] == '\\' {
			continue // \( is a parenthesis, not a group
		}
		words := p[m[2]:m[3]]
		grouped := alternation(strings.Split(words, "|"))
		if grouped == words {
			continue
		}
		b.WriteString(p[at:m[2]])
		b.WriteString(grouped)
		at = m[3]
	}
	if at == 0 {
		return p, false
	}
	b.WriteString(p[at:])
	return b.String(), true
}

// minGroup is the fewest words a group is grouped again for: each group
// is another alternation for the engine to enter and leave.
const minGroup = 4

// alternation returns an alternation of words that matches as words do,
// tried in order: words that share a first character are grouped under
// it, and so on within each group. An empty word, which matches beside
// any other, may only come last, where it is tried last in either form;
// first characters that are cases of one letter, or not ASCII, are left
// as they are.
func alternation(words []string) string {
	plain := strings.Join(words, "|")
	rest, empty := words, false
	if len(words) > 0 && words[len(words)-1] == "" {
		rest, empty = words[:len(words)-1], true
	}
	if len(rest) < 2 || slices.Contains(rest, "") {
		return plain
	}
	var firsts []byte
	byFirst := map[byte][]string{}
	folded := map[rune]bool{}
	for _, w := range rest {
		c := w[0]
		if _, ok := byFirst[c]; !ok {
			f := unicode.ToUpper(rune(c))
			if c >= utf8.RuneSelf || folded[f] {
				return plain
			}
			folded[f] = true
			firsts = append(firsts, c)
		}
		byFirst[c] = append(byFirst[c], w[1:])
	}
	var b strings.Builder
	for i, c := range firsts {
		if i > 0 {
			b.WriteByte('|')
		}
		b.WriteByte(c)
		switch group := byFirst[c]; {
		case len(group) == 1:
			b.WriteString(group[0])
		case len(group) < minGroup:
			b.WriteString("(?:" + strings.Join(group, "|") + ")")
		default:
			b.WriteString("(?:" + alternation(group) + ")")
		}
	}
	if empty {
		b.WriteByte('|')
	}
	return b.String()
}
