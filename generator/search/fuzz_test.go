package search

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/handbook/handbook/generator/sitetest"
)

// FuzzTokenize tokenises any text, seeded with the shared test vectors
// and the content files of the broken-input corpus. Tokens must come in
// order, point at bytes of the text, and hold a non-empty term of letters,
// numbers, dots and CJK characters, at most MaxTermRunes long, that stays
// one term when tokenised again.
// Run it with:
//
//	go test -run='^$' -fuzz='^FuzzTokenize$' -fuzztime=1m ./generator/search
func FuzzTokenize(f *testing.F) {
	data, err := os.ReadFile("testdata/tokens.json")
	if err != nil {
		f.Fatal(err)
	}
	var vectors []tokenVector
	if err := json.Unmarshal(data, &vectors); err != nil {
		f.Fatal(err)
	}
	for _, v := range vectors {
		f.Add(v.Text)
	}
	for _, s := range sitetest.ContentFiles(f, "../testdata/broken/*.txtar", 4<<10) {
		f.Add(string(s.Data))
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := Token{}
		for _, tok := range Tokenize(text) {
			// Terms of one character may share its bytes ("½" is 1 and 2).
			if tok.Start < prev.Start || tok.End < prev.End || tok.End <= tok.Start || tok.End > len(text) {
				t.Fatalf("Tokenize(%q): token %+v out of order or outside the text (previous %+v)", text, tok, prev)
			}
			prev = tok
			n := utf8.RuneCountInString(tok.Term)
			if n == 0 || n > MaxTermRunes || !utf8.ValidString(tok.Term) {
				t.Fatalf("Tokenize(%q): term %q is empty, too long or not UTF-8", text, tok.Term)
			}
			if strings.ContainsFunc(tok.Term, func(r rune) bool {
				return !unicode.IsLetter(r) && !unicode.IsNumber(r) && r != '.' && !unicode.Is(unicode.M, r) && !isCJK(r)
			}) {
				t.Fatalf("Tokenize(%q): term %q holds a separator", text, tok.Term)
			}
			// A term is one term when tokenised again, and stable from
			// then on. Two known gaps, shared with the browser's
			// tokeniser, make the second pass differ from the first: a
			// letter whose compatibility form is a capital ("ᴬ", "𝐀",
			// "℡") or a final sigma ("ϲ") is folded before it is
			// decomposed, so its term keeps the capital or the sigma;
			// and a square CJK character ("㌉", "㏧") folds to Katakana or
			// to digits and a Han character, which typed out are terms of
			// their own.
			squared := n > 1 && strings.ContainsFunc(tok.Term, isCJK)
			again := Terms(tok.Term)
			if !squared && (len(again) != 1 || !slices.Equal(Terms(again[0]), again)) {
				t.Fatalf("Tokenize(%q): term %q tokenises to %q", text, tok.Term, again)
			}
		}
	})
}
