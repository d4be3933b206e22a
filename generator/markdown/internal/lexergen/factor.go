package main

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// literals finds a group of 16 alternatives or more that are each a plain
// word, followed by a word boundary: the keyword lists chroma's lexers
// hold.
var literals = regexp.MustCompile(`\(((?:[A-Za-z0-9_ -]+\|){15,}[A-Za-z0-9_ -]+)\)\\b`)

// freeSpacing finds the flag that makes a pattern ignore spaces.
var freeSpacing = regexp.MustCompile(`\(\?[imnsx-]*x`)

// leftToRight reports whether the "(" at p[i] opens a group read left to
// right: not an escaped parenthesis, not in a character class, and not in
// a lookbehind, which regexp2 matches from right to left.
func leftToRight(p string, i int) bool {
	var behind []bool // for each group open, whether it is a lookbehind
	class := false
	j := 0
	for ; j < i; j++ {
		switch c := p[j]; {
		case c == '\\':
			j++ // the character after it is itself
		case class:
			class = c != ']'
		case c == '[':
			class = true
			// "]" first in a class is one of its characters.
			if j+1 < i && p[j+1] == '^' {
				j++
			}
			if j+1 < i && p[j+1] == ']' {
				j++
			}
		case c == '(':
			behind = append(behind, strings.HasPrefix(p[j:], "(?<=") || strings.HasPrefix(p[j:], "(?<!"))
		case c == ')' && len(behind) > 0:
			behind = behind[:len(behind)-1]
		}
	}
	return j == i && !class && !slices.Contains(behind, true)
}

// factor returns p with each list of words it holds grouped by first
// character, each word ending with the boundary that followed the list:
// (ALTER|ABORT|BEGIN)\b becomes (A(?:LTER\b|BORT\b)|BEGIN\b). regexp2cg's
// engine of a list tries the words one after another at each position:
// SQL's 497 keywords took half the time highlighting took at 10,000
// documents. Grouped, it tries the few words that start with the
// character there.
//
// The engine matches as before. The first word, in order, that matches
// with a boundary after it is what the list and then the boundary
// matched; and the words a character can start are tried in the order
// the list has them, since words of different groups cannot match at the
// same place. That is why a list is left as it is when two of its first
// characters could match the same character: a letter and its other case
// in a pattern that ignores case, or a letter that is not ASCII. With the
// boundary inside, nothing after the list goes back into it: with it
// outside, the compiler took 1.9 GB and 24 s for the package's engines,
// against 0.8 GB and 13 s without grouping.
func factor(p string) (string, bool) {
	if freeSpacing.MatchString(p) {
		return p, false // a space in a word would be no character
	}
	var b strings.Builder
	at := 0
	for _, m := range literals.FindAllStringSubmatchIndex(p, -1) {
		if !leftToRight(p, m[0]) {
			continue
		}
		grouped, ok := alternation(strings.Split(p[m[2]:m[3]], "|"), `\b`)
		if !ok {
			continue
		}
		b.WriteString(p[at:m[2]])
		b.WriteString(grouped)
		b.WriteString(")")
		at = m[1]
	}
	if at == 0 {
		return p, false
	}
	b.WriteString(p[at:])
	return b.String(), true
}

// alternation returns an alternation of words, none empty, each followed
// by end, that matches as the words do, tried in order: words that share
// a first character are grouped under it, in the order the list has them.
// It is false when no two words share one, or when two first characters
// are cases of one letter or not ASCII.
func alternation(words []string, end string) (string, bool) {
	var firsts []byte
	byFirst := map[byte][]string{}
	folded := map[rune]bool{}
	for _, w := range words {
		c := w[0]
		if _, ok := byFirst[c]; !ok {
			f := unicode.ToUpper(rune(c))
			if c >= utf8.RuneSelf || folded[f] {
				return "", false
			}
			folded[f] = true
			firsts = append(firsts, c)
		}
		byFirst[c] = append(byFirst[c], w[1:]+end)
	}
	if len(firsts) == len(words) {
		return "", false
	}
	var b strings.Builder
	for i, c := range firsts {
		if i > 0 {
			b.WriteByte('|')
		}
		b.WriteByte(c)
		if group := byFirst[c]; len(group) == 1 {
			b.WriteString(group[0])
		} else {
			b.WriteString("(?:" + strings.Join(group, "|") + ")")
		}
	}
	return b.String(), true
}
