package content

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/handbook/handbook/generator/corpus"
	"github.com/handbook/handbook/generator/diag"
)

// yamlText returns the YAML front matter of a content file, between its
// "---" lines, or false.
func yamlText(data string) (string, bool) {
	rest, ok := strings.CutPrefix(data, "---\n")
	if !ok {
		return "", false
	}
	if strings.HasPrefix(rest, "---\n") {
		return "", true
	}
	i := strings.Index(rest, "\n---\n")
	if i < 0 {
		return "", false
	}
	return rest[:i+1], true
}

// lineAt is the position function of a front matter that starts on the
// file's first line.
func lineAt(line, col int) diag.Pos { return diag.Pos{File: "f.md", Line: line, Col: col} }

// diffValues describes how a, read by fastYAML, differs from b, read by
// go-yaml: its value, type, position or text, here or in what it holds.
// It returns "" when they are the same.
func diffValues(at string, a, b value) string {
	if a.pos != b.pos || a.text != b.text {
		return fmt.Sprintf("%s: at %v text %q, go-yaml at %v text %q", at, a.pos, a.text, b.pos, b.text)
	}
	switch x := a.v.(type) {
	case *mapping:
		y, ok := b.v.(*mapping)
		if !ok {
			return fmt.Sprintf("%s: a table, go-yaml %s", at, describe(b.v))
		}
		if !reflect.DeepEqual(x.keys, y.keys) || !reflect.DeepEqual(x.keyPos, y.keyPos) {
			return fmt.Sprintf("%s: keys %q at %v, go-yaml %q at %v", at, x.keys, x.keyPos, y.keys, y.keyPos)
		}
		for i, k := range x.keys {
			if d := diffValues(at+"."+k, x.vals[i], y.vals[i]); d != "" {
				return d
			}
		}
		return ""
	case []value:
		y, ok := b.v.([]value)
		if !ok || len(x) != len(y) {
			return fmt.Sprintf("%s: %d items, go-yaml %s", at, len(x), describe(b.v))
		}
		for i := range x {
			if d := diffValues(fmt.Sprintf("%s[%d]", at, i), x[i], y[i]); d != "" {
				return d
			}
		}
		return ""
	}
	if reflect.TypeOf(a.v) != reflect.TypeOf(b.v) || a.v != b.v {
		return fmt.Sprintf("%s: %T %#v, go-yaml %T %#v", at, a.v, a.v, b.v, b.v)
	}
	return ""
}

// checkFastYAML fails when fastYAML reads text otherwise than go-yaml
// does. It reports whether fastYAML read it.
func checkFastYAML(t *testing.T, name, text string) bool {
	t.Helper()
	m, ok := fastYAML(text, lineAt)
	if !ok {
		return false
	}
	want, err := goYAML(text, lineAt)
	if err != nil {
		t.Errorf("%s: fastYAML read front matter that go-yaml rejects (%v):\n%s", name, err, text)
		return true
	}
	if d := diffValues("", value{v: m}, value{v: want}); d != "" {
		t.Errorf("%s: fastYAML differs from go-yaml at %s\n%s", name, d, text)
	}
	return true
}

// fastYAMLCases are front matters at the edges of what fastYAML reads:
// each is read by go-yaml alone, or by both with the same values.
var fastYAMLCases = []string{
	"title: \"Endpoint plan\"\nauthor: aisha-petrov\ndate: 2025-11-27\nstatus: at-risk\ntags: [\"data\", \"writing\"]\nobjectives: [make-role-0]\nprogress:\n  make-role-0/kr1: 331\n",
	"a: 'x y'\nb:\nc: true\nd: null\ne: ~\nf:\n  - x\n  - \"y\"\ng: 0\nh: 12\n",
	"i: 2026-01-02T10:00:00Z\nj: café au lait\nk: [é, b]\nl: Don't, a [b] {c}\n",
	"a:\n- x\n- y\nb:   spaced   \n\nc: \"q\"   \n",
	"a: [ ]\nb: []\nc: [a,b , \"c, d\" ,'e]']\n",
	"a: [a, ]\n", "a: [, a]\n", "a: [a b]\n", "a: [a] b\n", "a: [a\n", "a: [true, 12, null, 2020-01-01]\n",
	"a: x # c\n", "# c\na: x\n", "a: \"x\" # c\n", "a: x#y\n", "a: #x\n",
	"a: x: y\n", "a: x:y\n", "a: https://example.com/x?y=1#z\n", "a: x:\n",
	"a: yes\n", "a: No\n", "a: TRUE\n", "a: True\n", "a: Null\n", "a: on\n", "a: y\n", "yes: a\n", "y: a\n", "null: a\n",
	"a: 010\n", "a: 0x1f\n", "a: 1e3\n", "a: 1.5\n", "a: -1\n", "a: +1\n", "a: 12 pages\n", "a: 99999999999999999999\n", "a: 123456789012345678\n",
	"a: 2020-1-1\n", "a: 2020-01-01 10:00\n", "a: 6 months\n", "a: 2026-Q4\n", "a: 1_000\n", "a: 1:30\n", "a: 0b11\n", "a: 0o17\n", "a: 12e\n", "a: 1 \n", "a: 1z\n", "a: [1 x, 2026-Q4]\n", "a: [1 , 2 ]\n", "a: x \nb: 1  \n", "p:\n  a: 1 \n  - b \n",
	"a: 'it''s'\n", "a: \"x\\ny\"\n", "a: \"x\n  y\"\n", "a: x\n  y\n", "a: x\n\n  y\n",
	"a: &x b\nc: *x\n", "a: !!str 1\n", "a: |\n  x\n", "a: >\n  x\n",
	"a: 1\na: 2\n", "p:\n  a: 1\n  a: 2\n",
	"p:\n  a: 1\n   b: 2\n", "p:\n  a: 1\n b: 2\n", "p:\n  - a\n  b: 1\n", "p:\n  b: 1\n  - a\n",
	"p:\n  a:\n  b: 1\n", "p:\n  -\n  - a\n", "p:\n  - [a]\n", "p:\n  a: [b]\n", "p:\n  - a\n    b\n",
	"p:\n\n  - a\n\n  - b\n\nq: 1\n",
	"  a: 1\n", "a:1\n", "a : 1\n", "\"a\": 1\n", "a b: 1\n", "-a: 1\n", "_a: 1\n", "a.b/c-d_e: 1\n",
	"---\na: 1\n", "a: 1\n...\n", "a: \t1\n", "a: 1\r\n", "a: x\u2028y\n", "a: x\u0085y\n", "a: \ufeffx\n",
	"a: x \"q\" y\n", "a: x 'q' y\n", "a: x, y\n", "a: x]\n", "a: x}\n", "a: x{y}\n", "a: %x\n", "a: @x\n", "a: `x`\n",
	"a: ?x\n", "a: ? x\n", "a: =x\n", "a: <<\n", "<<: {a: 1}\n", "a: x\n---\nb: y\n",
	"a: \"\"\nb: ''\n", "a: \" x \"\n", "a:    \"x\"\n", "a: ['a''b']\n", "a: [\"a\" , b]\n", "a: [\"a\"b]\n",
	"",
	// Each turned away by one check of fastYAML's, which the rest would
	// not catch (found by taking the check out).
	"a: x\ty\n", "a: x\r\n", "a: 09\n", "p:\n   a: 1\n  bb: 2\n", "a: [a{b}]\n", "a: [a[b]\n", "a: ['a'xb]\n",
	"p:\n  -x\n", "a: 1.5e3\n", "a: 1E3\n", "a: 9223372036854775807\n", "a: 9223372036854775808\n",
	// Columns in characters, not bytes, on the fast way.
	"k: [xé, b, \"ü\", c]\nl: \"é\"\nm:\n  - é1\n  - x\n", "a: [𝄞x, y]\n",
}

func TestFastYAMLAgrees(t *testing.T) {
	for i, text := range fastYAMLCases {
		checkFastYAML(t, fmt.Sprintf("case %d", i), text)
	}
}

// TestFastYAML reads the front matter of a generated corpus, the example
// site and the test sites both ways. Every update, decision and handbook
// page of the corpus must take the fast way, which is what it is for,
// and every front matter it takes must read as go-yaml reads it. The
// build's own decodeYAML must take it too: go-yaml makes hundreds of
// objects for a front matter, the fast way a few dozen.
func TestFastYAML(t *testing.T) {
	kinds := map[string][2]int{} // top folder: front matters, read by fastYAML
	for _, f := range corpus.Generate(600, 3) {
		text, ok := yamlText(f.Data)
		if !ok {
			continue
		}
		kind, _, _ := strings.Cut(f.Path, "/")
		n := kinds[kind]
		n[0]++
		if checkFastYAML(t, f.Path, text) {
			n[1]++
		}
		kinds[kind] = n
	}
	for _, kind := range []string{"updates", "decisions", "handbook"} {
		if n := kinds[kind]; n[0] == 0 || n[1] != n[0] {
			t.Errorf("fastYAML read %d of the corpus's %d %s", n[1], n[0], kind)
		}
	}
	update := "title: \"Plan\"\nauthor: ada\ndate: 2025-11-27\nstatus: at-risk\ntags: [\"data\", \"writing\"]\nprogress:\n  o/kr1: 331\n"
	if n := testing.AllocsPerRun(20, func() { decodeYAML([]byte(update), lineAt) }); n > 60 {
		t.Errorf("decodeYAML made %.0f objects for an update's front matter: not the fast way", n)
	}
	read := 0
	root := filepath.Join("..", "..", "content")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if text, ok := yamlText(string(data)); ok && checkFastYAML(t, p, text) {
			read++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if read == 0 {
		t.Error("fastYAML read no front matter of the example site")
	}
	for _, s := range seeds(t) {
		if text, ok := yamlText(string(s.Data)); ok {
			checkFastYAML(t, s.Path, text)
		}
	}
}

// FuzzFastYAML reads arbitrary text both ways: what fastYAML reads must
// read the same with go-yaml.
//
//	go test -run='^$' -fuzz='^FuzzFastYAML$' -fuzztime=5m ./generator/content
func FuzzFastYAML(f *testing.F) {
	for _, text := range fastYAMLCases {
		f.Add(text)
	}
	for _, s := range seeds(f) {
		if text, ok := yamlText(string(s.Data)); ok {
			f.Add(text)
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkFastYAML(t, "input", text)
	})
}

// BenchmarkFrontMatter decodes the front matter of a generated corpus as
// a build does (decodeYAML), and with go-yaml alone.
//
//	go test -run='^$' -bench=FrontMatter -benchmem ./generator/content
func BenchmarkFrontMatter(b *testing.B) {
	var texts []string
	for _, f := range corpus.Generate(1000, 1) {
		if text, ok := yamlText(f.Data); ok {
			texts = append(texts, text)
		}
	}
	for _, bc := range []struct {
		name   string
		decode func(string) error
	}{
		{"decodeYAML", func(s string) error { _, err := decodeYAML([]byte(s), lineAt); return err }},
		{"go-yaml", func(s string) error { _, err := goYAML(s, lineAt); return err }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				for _, s := range texts {
					if err := bc.decode(s); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// TestFastYAMLMixed reads front matters put together at random from
// pieces at the edges of what fastYAML reads (values YAML might read as
// other types, quotes, brackets, indents, blank lines), both ways. Where
// FuzzFastYAML mutates bytes, this keeps to the shapes front matter has,
// so that most of them take the fast way.
func TestFastYAMLMixed(t *testing.T) {
	scalars := []string{
		"x", "a b", "at-risk", "Don't", "x, y", "a [b]", "x{y}", "http://e.x/a?b#c", "a:b", "a#b", "a'b", `a"b`,
		"0", "7", "010", "12", "1.5", "1e3", "0x1F", "1_000", "1:30", "-1", "+1", "6 months", "2026-Q4", "12e", "2024-02-30", "2026-11-25",
		"2026-11-25T10:00:00Z", "true", "false", "True", "yes", "no", "on", "off", "y", "n", "null", "Null", "~", ".inf", ".nan", "inf", "nan",
		`"q"`, `""`, `" s "`, `"a, b"`, `"#x"`, `"x: y"`, `'q'`, `''`, `'a,b'`, `"é"`, "é", "café", "x ", "x  ", "x # c",
		"[]", "[a]", "[a, b]", "[ a , b ]", `["a", 'b', 1, true, null]`, "[a b, c]", "[é, b]", "[1 , 2 ]", "[a,]",
	}
	keys := []string{"title", "tags", "a", "b", "a-b", "a_b", "a/b", "a.b", "_x", "x1", "status", "date"}
	r := rand.New(rand.NewPCG(1, 2))
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	fast := 0
	for n := range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(6) {
			k := pick(keys)
			switch r.IntN(8) {
			case 0:
				fmt.Fprintf(&b, "%s:\n", k)
				ind := strings.Repeat(" ", 1+r.IntN(3))
				for range 1 + r.IntN(3) {
					if r.IntN(2) == 0 {
						fmt.Fprintf(&b, "%s- %s\n", ind, pick(scalars))
					} else {
						fmt.Fprintf(&b, "%s%s: %s\n", ind, pick(keys), pick(scalars))
					}
				}
			case 1:
				fmt.Fprintf(&b, "%s:\n", k)
			case 2:
				b.WriteString("\n")
			default:
				fmt.Fprintf(&b, "%s:%s%s\n", k, strings.Repeat(" ", 1+r.IntN(2)), pick(scalars))
			}
		}
		if checkFastYAML(t, fmt.Sprintf("mix %d", n), b.String()) {
			fast++
		}
		if t.Failed() {
			return
		}
	}
	if fast < 2000 {
		t.Errorf("fastYAML read %d of 20000 mixed front matters; the test is meant to exercise it", fast)
	}
	t.Logf("fastYAML read %d of 20000", fast)
}
