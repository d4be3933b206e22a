package markdown

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/dlclark/regexp2/v2"

	"github.com/handbook/handbook/generator/markdown/internal/lexrule"
)

// samples reads testdata/lexers: a file of code for each language whose
// lexer has engines, by chroma's name.
func samples(t testing.TB) map[string]string {
	files, err := filepath.Glob("testdata/lexers/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no samples: %v", err)
	}
	out := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		l := lexers.Get(strings.TrimSuffix(filepath.Base(f), ".txt"))
		if l == nil {
			t.Fatalf("%s: no lexer", f)
		}
		out[l.Config().Name] = string(data)
	}
	return out
}

func tokens(t testing.TB, l chroma.Lexer, code string) []chroma.Token {
	it, err := chroma.Coalesce(l).Tokenise(nil, code)
	if err != nil {
		t.Fatal(err)
	}
	return it.Tokens()
}

// TestCompiledLexersTokeniseAlike checks that each lexer given engines
// splits code into the tokens chroma's own lexer does: the samples, and
// the samples cut, spliced and sprinkled with the characters that open
// and close strings and comments, which send a lexer into its other
// states.
func TestCompiledLexersTokeniseAlike(t *testing.T) {
	all := samples(t)
	for name := range compiledLanguages {
		if _, ok := all[name]; !ok {
			t.Errorf("no sample for %s in testdata/lexers", name)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for name, code := range all {
		stock := lexers.Get(name)
		compiled := compiledLexer(stock)
		if compiled == stock {
			t.Errorf("%s: compiledLexer returned chroma's lexer", name)
			continue
		}
		inputs := []string{code, "", "\n", strings.Repeat(code, 2)}
		for range 300 {
			b := []byte(code)
			for range 1 + rng.IntN(6) {
				i := rng.IntN(len(b) + 1)
				switch rng.IntN(3) {
				case 0: // insert
					b = slices.Insert(b, i, noise[rng.IntN(len(noise))])
				case 1: // cut
					j := min(len(b), i+rng.IntN(20))
					b = slices.Delete(b, i, j)
				case 2: // splice another language's code
					other := all[pick(rng, all)]
					j := rng.IntN(len(other))
					b = slices.Insert(b, i, []byte(other[j:min(len(other), j+40)])...)
				}
			}
			inputs = append(inputs, string(b))
		}
		for _, in := range inputs {
			want, got := tokens(t, stock, in), tokens(t, compiled, in)
			if !slices.Equal(got, want) {
				t.Errorf("%s: tokens of %q differ:\ngot  %v\nwant %v", name, in, got, want)
				break
			}
		}
	}
}

func pick(rng *rand.Rand, m map[string]string) string {
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	})
	return keys[rng.IntN(len(keys))]
}

// TestEnginesMatchTheInterpreter checks each generated engine against
// regexp2's interpreter of its pattern, at every position of the samples
// and of mutations of them: where they match, how long, and the groups.
// An engine that differs, or panics, goes into lexergen's broken list.
func TestEnginesMatchTheInterpreter(t *testing.T) {
	all := samples(t)
	var texts [][]rune
	for _, code := range all {
		texts = append(texts, []rune(code))
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range engineMutations {
		b := []rune(all[pick(rng, all)])
		for range 1 + rng.IntN(8) {
			i := rng.IntN(len(b) + 1)
			b = slices.Insert(b, i, rune(noise[rng.IntN(len(noise))]))
		}
		texts = append(texts, b)
	}
	for p := range generated {
		engine := regexp2.MustCompile(p)
		interp, err := regexp2.Compile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := sameMatches(engine, interp, texts); err != "" {
			t.Errorf("pattern %q: %s", p, err)
		}
	}
}

var engineMutations = 40

const noise = "\"'`#/*-\n\\{}[]()<>$%!=;:|&@ \t0x9.e_"

func sameMatches(engine, interp *regexp2.Regexp, texts [][]rune) (diff string) {
	defer func() {
		if e := recover(); e != nil {
			diff = fmt.Sprint("panics: ", e)
		}
	}()
	for _, text := range texts {
		for pos := range len(text) + 1 {
			got, err1 := engine.FindRunesMatchStartingAt(text, pos)
			want, err2 := interp.FindRunesMatchStartingAt(text, pos)
			if (err1 == nil) != (err2 == nil) {
				return fmt.Sprintf("at %d of %q: errors %v and %v", pos, string(text), err1, err2)
			}
			if g, w := matchString(got), matchString(want); g != w {
				return fmt.Sprintf("at %d of %q: %s, want %s", pos, string(text), g, w)
			}
		}
	}
	return ""
}

func matchString(m *regexp2.Match) string {
	if m == nil {
		return "no match"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d", m.RuneIndex)
	for _, g := range m.Groups() {
		fmt.Fprintf(&b, " %q", g.String())
	}
	return b.String()
}

// TestCompiledLexersCoverTheirRules checks that lexers_regexp2.go has an
// engine for the rules of today's chroma: after an update that changes
// them, run go generate in generator/markdown.
func TestCompiledLexersCoverTheirRules(t *testing.T) {
	for name := range compiledLanguages {
		l, ok := lexers.Get(name).(*chroma.RegexLexer)
		if !ok {
			t.Errorf("%s: not a regexp lexer", name)
			continue
		}
		rules, err := l.Rules()
		if err != nil {
			t.Fatal(err)
		}
		for _, state := range rules {
			for _, r := range state {
				p := lexrule.Pattern(l.Config(), r.Pattern)
				if _, ok := interpreted[p]; !ok && !generated[p] {
					t.Errorf("%s: no engine for %q; run go generate in generator/markdown", name, p)
				}
			}
		}
	}
}

// BenchmarkHighlight tokenises every sample with chroma's lexers and with
// those given engines.
func BenchmarkHighlight(b *testing.B) {
	all := samples(b)
	for _, engines := range []bool{false, true} {
		b.Run(map[bool]string{false: "interpreted", true: "engines"}[engines], func(b *testing.B) {
			for b.Loop() {
				for name, code := range all {
					l := lexers.Get(name)
					if engines {
						l = compiledLexer(l)
					}
					tokens(b, l, code)
				}
			}
		})
	}
}

// panicky is a lexer that panics, as a generated engine might.
type panicky struct{ chroma.Lexer }

func (panicky) Tokenise(*chroma.TokeniseOptions, string) (chroma.Iterator, error) {
	return func() chroma.Token { panic("index out of range") }, nil
}

func TestTokeniseRecovers(t *testing.T) {
	if _, ok := tokenise(panicky{lexers.Get("go")}, "package main\n"); ok {
		t.Error("tokenise reported a lexer that panicked as fine")
	}
	got, ok := tokenise(lexers.Get("go"), "package main\n")
	if !ok || len(got) == 0 || got[0].Value != "package" {
		t.Errorf("tokenise = %v, %v; want the tokens of package main", got, ok)
	}
}
