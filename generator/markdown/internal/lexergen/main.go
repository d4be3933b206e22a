// Command lexergen writes lexers_regexp2.go: the rules of the languages
// handbooks highlight most, compiled to Go by regexp2cg rather than run by
// regexp2's interpreter. The file registers an engine for each rule's
// pattern, as chroma writes it; regexp2.MustCompile returns the engine
// of a pattern that has one, and compiledLexer (lexers.go) puts them in
// a copy of chroma's lexer, which compiles its rules with
// regexp2.Compile. Highlighting was 15% of a cold build's CPU at 10,000
// documents; BenchmarkHighlight tokenises the samples in 37% less time
// with the engines.
//
// The file is made with go generate in generator/markdown, which runs
//
//	go run ./internal/lexergen -o lexers_regexp2.go
//
// and needs the Go module proxy for regexp2cg. Run it again after
// updating chroma or regexp2: a rule whose pattern changed is interpreted
// again, as before, until it is.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"log"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/dlclark/regexp2/v2/syntax"

	"github.com/handbook/handbook/generator/markdown/internal/lexrule"
)

// languages are the lexers compiled: those handbooks show most (shell
// sessions, configuration, the languages of services and their data). A
// language not here is highlighted as well, by the interpreter.
var languages = []string{
	"bash", "console", "diff", "docker", "go", "hcl", "ini", "javascript", "json",
	"makefile", "python", "sql", "terraform", "toml", "typescript", "yaml",
}

// regexp2cg is the code generator, at the version that matches the
// regexp2 in go.mod.
const regexp2cg = "github.com/dlclark/regexp2cg@v0.21.0"

func main() {
	out := flag.String("o", "lexers_regexp2.go", "the file to write")
	flag.Parse()
	log.SetFlags(0)
	names, patterns, interpreted, err := collect(languages)
	if err != nil {
		log.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "lexergen")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	// Each engine is made of the pattern factored, and registered under
	// chroma's pattern.
	compiled := make([]string, len(patterns))
	factored := map[string]string{}
	for i, p := range patterns {
		compiled[i] = p
		if f, ok := factor(p); ok {
			compiled[i], factored[f] = f, p
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "patterns.go"), source(compiled), 0o644); err != nil {
		log.Fatal(err)
	}
	abs, err := filepath.Abs(*out)
	if err != nil {
		log.Fatal(err)
	}
	cmd := exec.Command("go", "run", regexp2cg, "-path", dir, "-o", abs)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		log.Fatalf("regexp2cg: %v", err)
	}
	if err := appendSets(abs, names, patterns, interpreted, factored); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d patterns of %d lexers → %s\n", len(patterns), len(languages), *out)
}

// collect returns, sorted, chroma's names of the named lexers and the
// patterns of the regexps it compiles for their rules (lexrule.Patterns)
// that get an engine, and those left to the interpreter, with why.
func collect(languages []string) (names, patterns []string, interpreted map[string]string, err error) {
	seen := map[string]bool{}
	interpreted = map[string]string{}
	for _, lang := range languages {
		l := lexers.Get(lang)
		if l == nil {
			return nil, nil, nil, fmt.Errorf("no lexer %q", lang)
		}
		rl, ok := l.(*chroma.RegexLexer)
		if !ok {
			return nil, nil, nil, fmt.Errorf("lexer %q is a %T, not a regexp lexer", lang, l)
		}
		ps, err := lexrule.Patterns(rl)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("lexer %q: %w", lang, err)
		}
		names = append(names, rl.Config().Name)
		for _, p := range ps {
			if why := leftOut(p); why != "" {
				interpreted[p] = why
				continue
			}
			seen[p] = true
		}
	}
	for p := range seen {
		patterns = append(patterns, p)
	}
	slices.Sort(names)
	slices.Sort(patterns)
	return names, patterns, interpreted, nil
}

var findFirstChar = regexp.MustCompile(`FindFirstChar:\s+(\w+),`)

// appendSets adds to the generated file, once it has each engine find its
// match at the start alone and registered the engines of factored
// patterns (from the factored pattern to chroma's) under chroma's, the
// sets compiledLexer and its tests read: the lexers given engines, by
// chroma's name, the patterns that have one, and those left to the
// interpreter.
func appendSets(file string, names, patterns []string, interpreted, factored map[string]string) error {
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	for _, f := range slices.Sorted(maps.Keys(factored)) {
		from := []byte("regexp2.RegisterEngine(" + strconv.Quote(f) + ",")
		if bytes.Count(src, from) != 1 {
			return fmt.Errorf("%s: no engine registered for the factored pattern %q", file, f)
		}
		src = bytes.Replace(src, from, []byte("regexp2.RegisterEngine("+strconv.Quote(factored[f])+","), 1)
	}
	// Every pattern leads with \G, so a match starts where the search
	// does or nowhere. regexp2cg writes no search for that (its case for
	// a leading \G is empty in v0.21.0: a C# fallthrough, which Go's
	// switch does not do), and regexp2 then tries the engine at every
	// position after it: atStart tries there alone.
	src = findFirstChar.ReplaceAll(src, []byte("FindFirstChar: atStart($1),"))
	var b strings.Builder
	b.Write(src)
	b.WriteString("\n// compiledLanguages are the lexers, by chroma's name, whose rules match\n// with the engines above.\nvar compiledLanguages = map[string]bool{\n")
	for _, n := range names {
		fmt.Fprintf(&b, "\t%s: true,\n", strconv.Quote(n))
	}
	b.WriteString("}\n\n// generated are the patterns of those rules that have an engine above.\nvar generated = map[string]bool{\n")
	for _, p := range patterns {
		fmt.Fprintf(&b, "\t%s: true,\n", strconv.Quote(p))
	}
	b.WriteString("}\n\n// interpreted are the patterns of those rules left without an engine, and\n// why.\nvar interpreted = map[string]string{\n")
	for _, p := range slices.Sorted(maps.Keys(interpreted)) {
		fmt.Fprintf(&b, "\t%s: %s,\n", strconv.Quote(p), strconv.Quote(interpreted[p]))
	}
	b.WriteString("}\n")
	steady, err := steady([]byte(b.String()))
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	out, err := reachable(steady)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return os.WriteFile(file, out, 0o644)
}

// fromLine is the comment regexp2cg writes before each engine: where it
// found the pattern, a temporary file.
var fromLine = regexp.MustCompile(`(?m)^// From .*\n`)

// steady returns src, regexp2cg's output, the same for the same
// patterns: without the temporary file's name, and with the character
// sets and search values it declares, in the order of a map it ranges
// over, moved to the end and sorted by name.
func steady(src []byte) ([]byte, error) {
	src = fromLine.ReplaceAll(src, nil)
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	type decl struct {
		name   string
		lo, hi int
	}
	var decls []decl
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR || len(g.Specs) != 1 {
			continue
		}
		name := g.Specs[0].(*ast.ValueSpec).Names[0].Name
		if !strings.HasPrefix(name, "set_") && !strings.HasPrefix(name, "svAscii") {
			continue
		}
		from := g.Pos()
		if g.Doc != nil {
			from = g.Doc.Pos()
		}
		decls = append(decls, decl{name, fset.Position(from).Offset, fset.Position(g.End()).Offset})
	}
	var out, moved bytes.Buffer
	at := 0
	for _, d := range decls {
		out.Write(src[at:d.lo])
		at = d.hi
	}
	out.Write(src[at:])
	slices.SortFunc(decls, func(a, b decl) int { return strings.Compare(a.name, b.name) })
	for _, d := range decls {
		moved.WriteString("\n")
		moved.Write(src[d.lo:d.hi])
		moved.WriteString("\n")
	}
	out.Write(moved.Bytes())
	return out.Bytes(), nil
}

// reachable formats src, a Go file, where a goto or a return that
// regexp2cg writes before more statements of its block is put in an
// "if true": go vet reports the statements after it as unreachable, and
// some declare what later ones use.
func reachable(src []byte) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	ast.Inspect(f, func(n ast.Node) bool {
		b, ok := n.(*ast.BlockStmt)
		if !ok {
			return true
		}
		for i, s := range b.List[:max(0, len(b.List)-1)] {
			if _, ok := b.List[i+1].(*ast.LabeledStmt); ok {
				continue
			}
			switch s := s.(type) {
			case *ast.ReturnStmt:
			case *ast.BranchStmt:
				if s.Tok != token.GOTO {
					continue
				}
			default:
				continue
			}
			b.List[i] = &ast.IfStmt{Cond: ast.NewIdent("true"), Body: &ast.BlockStmt{List: []ast.Stmt{s}}}
		}
		return true
	})
	var out bytes.Buffer
	out.WriteString("// Code generated by internal/lexergen with regexp2cg; DO NOT EDIT.\n\n")
	if err := format.Node(&out, fset, f); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// leftOut says why p is left to regexp2's interpreter, or "" to make
// an engine of it:
//   - regexp2cg writes the parsed pattern into a comment, which a "*/"
//     in it would end;
//   - its engines of lazy quantifiers can index out of range: one of
//     `\[.*?\]$` panicked on "[x\n" (v0.21.0), found by
//     TestCompiledLexersTokeniseAlike.
func leftOut(p string) string {
	tree, err := syntax.Parse(p, syntax.ParseOptions{CodeGen: true})
	if err != nil {
		return err.Error()
	}
	switch dump := tree.Dump(); {
	case strings.Contains(dump, "*/"):
		return "its engine's comment would hold */"
	case strings.Contains(strings.ToLower(dump), "lazy"):
		return "a lazy quantifier"
	}
	return ""
}

// source is a file of the package that compiles each pattern, which is
// what regexp2cg looks for. It is read, never built.
func source(patterns []string) []byte {
	var b strings.Builder
	b.WriteString("package markdown\n\nimport \"github.com/dlclark/regexp2/v2\"\n\nvar patterns = []*regexp2.Regexp{\n")
	for _, p := range patterns {
		fmt.Fprintf(&b, "\tregexp2.MustCompile(%s),\n", strconv.Quote(p))
	}
	b.WriteString("}\n")
	return []byte(b.String())
}
