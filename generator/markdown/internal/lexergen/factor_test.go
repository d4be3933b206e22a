package main

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/dlclark/regexp2/v2"

	"github.com/handbook/handbook/generator/markdown/internal/lexrule"
)

// TestFactor checks that a factored pattern matches what chroma's does,
// with regexp2's interpreter, on text made of its words: cut, joined,
// in other cases, with the characters that fold into ASCII letters. It
// runs on every pattern of the compiled languages that factor changes,
// SQL's keywords among them, and on lists factor must leave alone.
func TestFactor(t *testing.T) {
	t.Parallel()
	var patterns []string
	for _, lang := range languages {
		ps, err := lexrule.Patterns(lexers.Get(lang).(*chroma.RegexLexer))
		if err != nil {
			t.Fatal(err)
		}
		patterns = append(patterns, ps...)
	}
	factored := 0
	for _, p := range patterns {
		f, ok := factor(p)
		if !ok {
			continue
		}
		factored++
		sameMatches(t, p, f)
	}
	if factored == 0 {
		t.Fatal("no pattern of the compiled languages was factored")
	}

	words := "alpha|beta|gamma|delta|epsilon|zeta|eta|theta|iota|kappa|lambda|mu|nu|xi|omicron|pi|rho"
	for _, tc := range []struct {
		p, want string
	}{
		{`(?i)\b(` + words + `)\b`, `(?i)\b(alpha\b|beta\b|gamma\b|delta\b|e(?:psilon\b|ta\b)|zeta\b|theta\b|iota\b|kappa\b|lambda\b|mu\b|nu\b|xi\b|omicron\b|pi\b|rho\b)`},
		{`(?i)(?:(` + words + `|e|omega|omegas|om)\b)`, `(?i)(?:(alpha\b|beta\b|gamma\b|delta\b|e(?:psilon\b|ta\b|\b)|zeta\b|theta\b|iota\b|kappa\b|lambda\b|mu\b|nu\b|xi\b|o(?:micron\b|mega\b|megas\b|m\b)|pi\b|rho\b))`},
		{`(` + words + `)`, ""},      // no boundary after the list
		{`\(` + words + `)\b`, ""},   // an escaped parenthesis
		{`x[(` + words + `)\b]`, ""}, // in a character class
		{`x[]\]a(](` + words + `)\b`, `x[]\]a(](alpha\b|beta\b|gamma\b|delta\b|e(?:psilon\b|ta\b)|zeta\b|theta\b|iota\b|kappa\b|lambda\b|mu\b|nu\b|xi\b|omicron\b|pi\b|rho\b)`}, // after one
		{`(?<=(` + words + `)\b)z`, ""}, // in a lookbehind, matched from right to left
		{`(?<!\.)(` + words + `)\b`, `(?<!\.)(alpha\b|beta\b|gamma\b|delta\b|e(?:psilon\b|ta\b)|zeta\b|theta\b|iota\b|kappa\b|lambda\b|mu\b|nu\b|xi\b|omicron\b|pi\b|rho\b)`}, // after one
		{`(?ix)(` + words + `)\b`, ""},                                 // spaces are no characters
		{`(` + words + `|Alpha)\b`, ""},                                // two cases of a first letter
		{`(alpha|beta|gamma|delta)\b`, ""},                             // too short to be worth it
		{`(a1|b2|c3|d4|e5|f6|g7|h8|i9|j0|k1|l2|m3|n4|o5|p6|q7)\b`, ""}, // no two words share a first letter
	} {
		got, ok := factor(tc.p)
		if tc.want == "" {
			if ok || got != tc.p {
				t.Errorf("factor(%q) = %q, %v; want it left alone", tc.p, got, ok)
			}
			continue
		}
		if !ok || got != tc.want {
			t.Errorf("factor(%q) =\n%q, %v; want\n%q", tc.p, got, ok, tc.want)
		}
		sameMatches(t, tc.p, got)
	}
}

// sameMatches compares the matches of p and f, both compiled by regexp2
// as chroma compiles its rules, on text made of p's words.
func sameMatches(t *testing.T, p, f string) {
	t.Helper()
	const opts = regexp2.None // as chroma compiles its rules (see the engines' Options)
	rp, err := regexp2.Compile(p, opts)
	if err != nil {
		t.Fatal(err)
	}
	rf, err := regexp2.Compile(f, opts)
	if err != nil {
		t.Fatalf("%q, factored from %q: %v", f, p, err)
	}
	var words []string
	for _, m := range literals.FindAllStringSubmatch(p, -1) {
		words = append(words, strings.Split(m[1], "|")...)
	}
	if len(words) == 0 {
		t.Fatalf("no list of words in %q", p)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	extra := []string{" ", "_", "-", "x", "ſ", "K", "İ", "\n", "(", "0"}
	for range 3000 {
		var b strings.Builder
		for range 1 + rng.IntN(3) {
			w := words[rng.IntN(len(words))]
			switch rng.IntN(4) {
			case 0:
				w = strings.ToLower(w)
			case 1:
				w = w[:rng.IntN(len(w)+1)]
			case 2:
				w = strings.NewReplacer("s", "ſ", "S", "ſ", "k", "K").Replace(w)
			}
			b.WriteString(w)
			b.WriteString(extra[rng.IntN(len(extra))])
		}
		in := []rune(b.String())
		for start := range len(in) {
			mp, errP := rp.FindRunesMatchStartingAt(in, start)
			mf, errF := rf.FindRunesMatchStartingAt(in, start)
			if (errP == nil) != (errF == nil) || (mp == nil) != (mf == nil) || mp != nil && (mp.RuneIndex != mf.RuneIndex || mp.RuneLength != mf.RuneLength || len(mp.Groups()) != len(mf.Groups())) {
				t.Fatalf("%q and %q, factored, match %q from %d differently: %v and %v", p, f, string(in), start, mp, mf)
			}
			if mp != nil {
				for i, g := range mp.Groups() {
					if h := mf.Groups()[i]; g.RuneIndex != h.RuneIndex || g.RuneLength != h.RuneLength {
						t.Fatalf("%q and %q, factored, capture group %d of %q from %d differently", p, f, i, string(in), start)
					}
				}
			}
		}
	}
}

// TestPatternsSame reads each compiled language's patterns again and
// again: chroma compiles a lexer's rules ranging over a map, and the
// patterns read from among its mutators differed from one run to the next
// (an include's rule there or already replaced), and so did the engines
// go generate wrote.
func TestPatternsSame(t *testing.T) {
	t.Parallel()
	for _, lang := range languages {
		l := lexers.Get(lang).(*chroma.RegexLexer)
		first, err := lexrule.Patterns(l)
		if err != nil {
			t.Fatal(err)
		}
		for range 30 {
			again, err := lexrule.Patterns(l)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(first, again) {
				t.Fatalf("%s: the patterns differ from one reading to the next:\n%q\n%q", lang, first, again)
			}
		}
	}
}
