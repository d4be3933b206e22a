package search

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/kljensen/snowball/english"
)

// tokenVector is one case of testdata/tokens.json, the vectors that the Go
// and the TypeScript tokenizers must both pass (see generator/e2e).
type tokenVector struct {
	Name  string   `json:"name"`
	Text  string   `json:"text"`
	Terms []string `json:"terms"`
	// Stems, when present, are the English stems of Terms, which the
	// client's stemmer (layouts/assets/search/stem.ts) must reach too.
	Stems []string `json:"stems"`
}

func TestTokenizeVectors(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("testdata/tokens.json")
	if err != nil {
		t.Fatal(err)
	}
	var vectors []tokenVector
	if err := json.Unmarshal(data, &vectors); err != nil {
		t.Fatal(err)
	}
	if len(vectors) < 10 {
		t.Fatalf("only %d vectors", len(vectors))
	}

	en := StemmerFor("en")
	stemmed := 0
	for _, v := range vectors {
		if v.Stems != nil {
			stemmed++
		}
		got := Terms(v.Text)
		if !slices.Equal(got, v.Terms) && !(len(got) == 0 && len(v.Terms) == 0) {
			t.Errorf("%s: Terms(%q) = %q, want %q", v.Name, v.Text, got, v.Terms)
		}
		if v.Stems == nil {
			continue
		}
		stems := make([]string, len(got))
		for i, term := range got {
			stems[i] = en.Stem(term)
		}
		if !slices.Equal(stems, v.Stems) {
			t.Errorf("%s: stems of %q = %q, want %q", v.Name, got, stems, v.Stems)
		}
	}
	if stemmed < 3 {
		t.Errorf("only %d vectors with stems", stemmed)
	}
}

func TestTokenizeOffsets(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want []Token
	}{
		{"Café au lait", []Token{{"cafe", 0, 5}, {"au", 6, 8}, {"lait", 9, 13}}},
		{"Kofi's pager", []Token{{"kofi", 0, 6}, {"pager", 7, 12}}},
		{"Cafe\u0301!", []Token{{"cafe", 0, 6}}},
		{"v1.2 東京", []Token{{"v1.2", 0, 4}, {"東", 5, 8}, {"京", 8, 11}}},
	}
	for _, tt := range tests {
		got := Tokenize(tt.text)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Tokenize(%q) = %v, want %v", tt.text, got, tt.want)
		}
		for _, tok := range got {
			if tok.Start < 0 || tok.End > len(tt.text) || tok.Start >= tok.End {
				t.Errorf("Tokenize(%q): bad offsets %v", tt.text, tok)
			}
		}
	}
}

// TestClientStopWords checks that the client's stop words
// (layouts/assets/search/engine.ts) are the Go side's: the two must agree
// on which query words are optional.
func TestClientStopWords(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("../../layouts/assets/search/engine.ts")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?s)const stopWords = new Set\(\n(.*?)\.split`).FindSubmatch(src)
	if m == nil {
		t.Fatal("no stopWords in engine.ts")
	}
	words := strings.Fields(strings.NewReplacer(`"`, "", "+", "", "(", "", ")", "").Replace(string(m[1])))
	for _, w := range words {
		if !english.IsStopWord(w) {
			t.Errorf("the client's stop word %q is not one in Go", w)
		}
	}
	// english.IsStopWord has 127 words; each of them must be listed.
	if len(words) != 127 {
		t.Errorf("the client has %d stop words, Go 127", len(words))
	}
}

// TestStemmerFor checks that a site's language picks its stemmer.
func TestStemmerFor(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lang, word, want string // want "" means no stemmer
	}{
		{"en", "deploying", "deploy"},
		{"en-GB", "policies", "polici"},
		{"fr-CA", "deploiements", "deploi"}, // terms are folded: no accents
		{"es", "politicas", "polit"},
		{"de", "bereitstellung", ""}, // the library has no German stemmer
		{"ja", "東京", ""},
	}
	for _, tt := range tests {
		st := StemmerFor(tt.lang)
		got := ""
		if st != nil {
			got = st.Stem(tt.word)
		}
		if got != tt.want {
			t.Errorf("StemmerFor(%q).Stem(%q) = %q, want %q", tt.lang, tt.word, got, tt.want)
		}
	}
}
