package markdown

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/dlclark/regexp2/v2"
	highlighting "github.com/yuin/goldmark-highlighting/v2"

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
				// chroma gives each rule 250 ms, on a clock a busy
				// machine can jump: a rule timed out is no match.
				want, got = tokens(t, stock, in), tokens(t, compiled, in)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s: tokens of %q differ:\ngot  %v\nwant %v", name, in, got, want)
				break
			}
		}
	}
}

func pick(rng *rand.Rand, m map[string]string) string {
	keys := slices.Sorted(maps.Keys(m))
	return keys[rng.IntN(len(keys))]
}

// TestEnginesMatchTheInterpreter checks each generated engine against
// regexp2's interpreter of its pattern, at every position of the samples
// and of mutations of them: where they match, how long, and the groups.
// An engine that differs, or panics, is one for lexergen's leftOut.
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

const engineMutations = 40

// TestSamplesExerciseTheEngines checks that each engine matches some
// text of the samples, so that TestEnginesMatchTheInterpreter compares
// more than two failures to match: after go generate adds engines, add
// samples in their languages.
func TestSamplesExerciseTheEngines(t *testing.T) {
	// These match only empty text: lookaheads, empty rules, and a rule
	// whose lookahead refuses everything.
	emptyOnly := map[string]bool{
		`\G(?m)(?:)`: true, `\G(?ms)(?:)`: true, `\G(?s)(?:)`: true,
		`\G(?ms)(?:(?=/))`: true, `\G(?ms)(?:^(?=\s|/|<!--))`: true,
		`\G(?m)(?:(?!\s*)(variable)(\s*))`: true,
	}
	var texts [][]rune
	for _, code := range samples(t) {
		texts = append(texts, []rune(code))
	}
	for p := range generated {
		if emptyOnly[p] {
			continue
		}
		re := regexp2.MustCompile(p)
		if !slices.ContainsFunc(texts, func(text []rune) bool {
			for pos := range text {
				if m, _ := re.FindRunesMatchStartingAt(text, pos); m != nil && m.String() != "" {
					return true
				}
			}
			return false
		}) {
			t.Errorf("no sample has text that %q matches", p)
		}
	}
}

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
// engine for the rules of today's chroma, or says why not, and that a
// copy of each lexer gives every rule with an engine its engine: after
// an update that changes the rules, run go generate in
// generator/markdown.
func TestCompiledLexersCoverTheirRules(t *testing.T) {
	for name := range compiledLanguages {
		l, ok := lexers.Get(name).(*chroma.RegexLexer)
		if !ok {
			t.Errorf("%s: not a regexp lexer", name)
			continue
		}
		patterns, err := lexrule.Patterns(l)
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		check, err := lexrule.Copy(l, func(rules chroma.CompiledRules) {
			before := map[*chroma.CompiledRule]*regexp2.Regexp{}
			for _, rs := range rules {
				for _, r := range rs {
					if _, ok := before[r]; !ok && r.Pattern != "" && generated[r.Regexp.String()] {
						want++
					}
					before[r] = r.Regexp
				}
			}
			giveEngines(rules)
			for r, re := range before {
				if generated[re.String()] && r.Regexp == re {
					t.Errorf("%s: the rule of %q kept the interpreter's regexp", name, re.String())
				}
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		tokens(t, check, "")
		for _, p := range patterns {
			if _, ok := interpreted[p]; !ok && !generated[p] {
				t.Errorf("%s: no engine for %q; run go generate in generator/markdown", name, p)
			}
		}
		c, swapped, err := withEngines(l)
		if err != nil {
			t.Fatal(err)
		}
		tokens(t, c, "")
		if *swapped != want || want == 0 {
			t.Errorf("%s: %d rules given an engine, want %d", name, *swapped, want)
		}
	}
}

// TestAtStart checks that an engine's search, wrapped, finds a match
// where the search starts and nowhere after.
func TestAtStart(t *testing.T) {
	found := func(r *regexp2.Runner) bool { return true }
	r := &regexp2.Runner{Runtextstart: 3, Runtextpos: 3, Runtextend: 10}
	if !atStart(found)(r) || r.Runtextpos != 3 {
		t.Errorf("at the start: false or moved to %d", r.Runtextpos)
	}
	r = &regexp2.Runner{Runtextstart: 3, Runtextpos: 4, Runtextend: 10}
	if atStart(found)(r) || r.Runtextpos != 10 {
		t.Errorf("after the start: true, or left at %d, not the end", r.Runtextpos)
	}
	moves := func(r *regexp2.Runner) bool { r.Runtextpos++; return true }
	r = &regexp2.Runner{Runtextstart: 3, Runtextpos: 3, Runtextend: 10}
	if atStart(moves)(r) || r.Runtextpos != 10 {
		t.Errorf("a search that moved on: true, or left at %d, not the end", r.Runtextpos)
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

// BenchmarkFormat times writing the samples' tokens as HTML, with
// chroma's formatter and with writeHighlighted (go test
// ./generator/markdown -run '^$' -bench Format).
func BenchmarkFormat(b *testing.B) {
	var all [][]chroma.Token
	for name, code := range samples(b) {
		all = append(all, tokens(b, lexers.Get(name), code))
	}
	formatter := chromahtml.New(formatOptions...)
	style := styles.Get(highlighting.NewConfig().Style)
	w := bufio.NewWriter(io.Discard)
	b.Run("chroma", func(b *testing.B) {
		for b.Loop() {
			for _, toks := range all {
				if err := formatter.Format(w, style, chroma.Literator(toks...)); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("writeHighlighted", func(b *testing.B) {
		for b.Loop() {
			for _, toks := range all {
				writeHighlighted(w, toks)
			}
		}
	})
}

// panicky is a lexer that panics, as a generated engine might.
type panicky struct{ chroma.Lexer }

func (panicky) Tokenise(*chroma.TokeniseOptions, string) (chroma.Iterator, error) {
	return func() chroma.Token { panic("index out of range") }, nil
}

// TestHighlightFallsBack checks that a block whose compiled lexer panics
// is highlighted as chroma's lexer does, and one whose lexer panics too
// is written as it is.
func TestHighlightFallsBack(t *testing.T) {
	const src = "```go\npackage main // <b>\n```\n"
	want := convert(t, Options{}, src).HTML
	golang := lexers.Get("go").(*chroma.RegexLexer)
	compiledLexer(golang) // made, then replaced
	compiled.Lock()
	kept := compiled.m[golang]
	compiled.m[golang] = panicky{golang}
	compiled.Unlock()
	defer func() {
		compiled.Lock()
		compiled.m[golang] = kept
		compiled.Unlock()
	}()
	if got := convert(t, Options{}, src).HTML; !bytes.Equal(got, want) {
		t.Errorf("with the compiled lexer panicking:\n%s\nwant chroma's\n%s", got, want)
	}

	lexers.Register(panicky{chroma.MustNewLexer(&chroma.Config{Name: "handbook-panics", Aliases: []string{"handbook-panics"}}, func() chroma.Rules {
		return chroma.Rules{"root": {}}
	})})
	got := string(convert(t, Options{}, "```handbook-panics\na <b> & c\n```\n").HTML)
	if want := "<pre tabindex=\"0\"><code class=\"language-handbook-panics\">a &lt;b&gt; &amp; c\n</code></pre>\n"; got != want {
		t.Errorf("with every lexer panicking: %q, want %q", got, want)
	}
}

// TestWriteHighlightedIsChromas checks that writeHighlighted writes the
// HTML chroma's formatter writes with formatOptions, on the samples and
// mutations of them, tokenised by chroma's lexers.
func TestWriteHighlightedIsChromas(t *testing.T) {
	all := samples(t)
	formatter := chromahtml.New(formatOptions...)
	style := styles.Get(highlighting.NewConfig().Style)
	same := func(toks []chroma.Token) bool {
		t.Helper()
		var want bytes.Buffer
		if err := formatter.Format(&want, style, chroma.Literator(toks...)); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		w := bufio.NewWriter(&got)
		writeHighlighted(w, toks)
		w.Flush()
		if got.String() != want.String() {
			t.Errorf("HTML of %v differs:\ngot  %s\nwant %s", toks, got.String(), want.String())
			return false
		}
		return true
	}
	// Every type chroma knows, some it does not (whose class is their
	// parent's), empty values, and bytes to escape or leave alone.
	var every []chroma.Token
	for _, tt := range append(chroma.TokenTypeValues(), 1099, 3199, 8099) {
		if tt == chroma.EOFType {
			continue
		}
		every = append(every, chroma.Token{Type: tt, Value: "a\x00\xff<&'\"\r"}, chroma.Token{Type: tt}, chroma.Token{Type: tt, Value: "\n"})
	}
	same(every)
	rng := rand.New(rand.NewPCG(3, 4))
	for name, code := range all {
		l := lexers.Get(name)
		inputs := []string{code, "", "\n", "a\r\nb", `<script>alert("x" & 'y')</script>`}
		for range 50 {
			b := []byte(code)
			for range 1 + rng.IntN(6) {
				i := rng.IntN(len(b) + 1)
				b = slices.Insert(b, i, noise[rng.IntN(len(noise))])
			}
			inputs = append(inputs, string(b))
		}
		for _, in := range inputs {
			if !same(tokens(t, l, in)) {
				t.Errorf("%s: of %q", name, in)
				break
			}
		}
	}
}
