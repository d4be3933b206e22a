// Package lexrule gives a chroma lexer's compiled rules to a function,
// for the engines lexergen generates from their patterns and the lexers
// that use them: both take the patterns from the regexps chroma compiled,
// not from a copy of how chroma writes them.
package lexrule

import (
	"errors"
	"maps"
	"slices"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// Copy returns a lexer of l's configuration and rules that passes its
// rules to edit once chroma has compiled them, before it first
// tokenises: they are given to a chroma.LexerMutator of one more state,
// never entered, which chroma runs after compiling every rule's regexp.
func Copy(l *chroma.RegexLexer, edit func(chroma.CompiledRules)) (*chroma.RegexLexer, error) {
	rules, err := l.Rules()
	if err != nil {
		return nil, err
	}
	cfg := *l.Config()
	c, err := chroma.NewLexer(&cfg, func() chroma.Rules {
		r := rules.Clone()
		r[editState] = []chroma.Rule{{Mutator: &editor{edit}}}
		return r
	})
	if err != nil {
		return nil, err
	}
	c.SetRegistry(lexers.GlobalLexerRegistry)
	return c, nil
}

const editState = "handbook:edit"

// editor is a chroma.LexerMutator that removes its own state and passes
// the rest to edit. chroma keys a map by its mutators: it is a pointer.
type editor struct{ edit func(chroma.CompiledRules) }

func (*editor) Mutate(*chroma.LexerState) error {
	return errors.New("the edit state is never entered")
}

func (e *editor) MutateLexer(rules chroma.CompiledRules, state string, _ int) error {
	delete(rules, state)
	e.edit(rules)
	return nil
}

// Patterns returns the patterns of the regexps chroma compiles for l's
// rules, each once. They are read once chroma has run every mutator:
// edit runs among them, in the order of a map, and an include may not
// have replaced its rule yet, or a state made of others not be there.
func Patterns(l *chroma.RegexLexer) ([]string, error) {
	var compiled chroma.CompiledRules
	c, err := Copy(l, func(rules chroma.CompiledRules) { compiled = rules })
	if err != nil {
		return nil, err
	}
	if _, err := c.Tokenise(nil, ""); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []string
	for _, state := range slices.Sorted(maps.Keys(compiled)) {
		for _, r := range compiled[state] {
			if p := r.Regexp.String(); !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return out, nil
}
