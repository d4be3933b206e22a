package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxTermRunes is the longest term kept; longer words (hashes, base64 in
// code blocks) are cut, so the index does not fill with noise while a
// prefix of the word still finds it.
const MaxTermRunes = 32

// Token is a term found in a text, with the byte offsets of the source
// text it came from (for highlighting).
type Token struct {
	Term       string
	Start, End int
}

// Tokenize splits text into terms. The rules are shared with the browser
// client (layouts/assets/search/tokenize.ts) and pinned by the test vectors
// in testdata/tokens.json, which both implementations must pass:
//
//   - each character is lower-cased, decomposed (NFKD), stripped of
//     combining marks and recomposed (NFC, which keeps Hangul syllables
//     whole), so "Café" and "CAFE" are both "cafe"; a few letters
//     without a decomposition are spelled out ("ß" -> "ss", "ø" -> "o");
//   - a term is a run of letters and digits; anything else separates
//     terms, so "follow-the-sun" is three terms;
//   - a "." between two digits stays in the term ("3.5", "v1.2");
//   - an apostrophe between two letters is dropped ("don't" -> "dont"),
//     and a final "'s" with it ("Kofi's" -> "kofi");
//   - Han, Hiragana and Katakana characters are one term each, since
//     those scripts do not separate words with spaces;
//   - terms are cut to MaxTermRunes characters.
func Tokenize(text string) []Token {
	var tk tokenizer
	return tk.tokenize(text)
}

// tokenizer tokenises one text after another, reusing its buffers: the
// index tokenises every field of every document.
type tokenizer struct {
	toks []Token
	cur  []byte
	// intern, when not nil, holds the terms that are not a substring of
	// their text as written ("The" is "the"), so that each is allocated
	// once rather than at each occurrence.
	intern map[string]string
}

// tokenize is Tokenize; the tokens it returns are valid until the next
// call.
func (tk *tokenizer) tokenize(text string) []Token {
	toks := tk.toks[:0]
	cur := tk.cur[:0]
	start, end, n := 0, 0, 0
	// verbatim is true while cur equals text[start:end], so the term can
	// be a substring of text instead of a new string: most words are.
	verbatim := true
	flush := func() {
		if len(cur) > 0 {
			term := text[start:end]
			if !verbatim || term != string(cur) {
				if t, ok := tk.intern[string(cur)]; ok {
					term = t
				} else {
					term = string(cur)
					if tk.intern != nil {
						tk.intern[term] = term
					}
				}
			}
			toks = append(toks, Token{Term: term, Start: start, End: end})
			cur = cur[:0]
			n = 0
		}
	}
	add := func(s string, from, to int) {
		if len(cur) == 0 {
			start = from
			verbatim = true
		} else if from != end {
			verbatim = false
		}
		if s != text[from:to] {
			verbatim = false
		}
		for _, r := range s {
			if n < MaxTermRunes {
				cur = utf8.AppendRune(cur, r)
				n++
			} else {
				verbatim = false
			}
		}
		end = to
	}
	for i := 0; i < len(text); {
		// Fast path: ASCII letters and digits.
		if c := text[i]; c < utf8.RuneSelf && ('a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z') {
			if len(cur) == 0 {
				start = i
				verbatim = true
			} else if i != end {
				verbatim = false
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
				verbatim = false
			}
			if n < MaxTermRunes {
				cur = append(cur, c)
				n++
			} else {
				verbatim = false
			}
			end = i + 1
			i++
			continue
		}
		// Fast path: ASCII separators, all but the apostrophe and the
		// decimal point, which may join the words around them.
		if c := text[i]; c < utf8.RuneSelf && c != '\'' && c != '.' {
			flush()
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		next := i + size
		if isCJK(r) {
			flush()
			add(fold(r), i, next)
			flush()
			i = next
			continue
		}
		f := fold(r)
		switch {
		case f == "":
			// A combining mark: part of the character before it.
			if len(cur) > 0 {
				end = next
				verbatim = false
			}
		case isWord(f):
			add(f, i, next)
		case isApostrophe(r) && len(cur) > 0 && lastIsLetter(cur):
			nr, nsize := utf8.DecodeRuneInString(text[next:])
			if !isLetterRune(nr) {
				flush()
				break
			}
			verbatim = false
			if (nr == 's' || nr == 'S') && !isWordRune(firstRune(text[next+nsize:])) {
				end = next + nsize
				flush()
				next += nsize
			}
			// Otherwise drop the apostrophe and go on with the word.
		case r == '.' && len(cur) > 0 && lastIsDigit(cur) && isDigitRune(firstRune(text[next:])):
			add(".", i, next)
		default:
			// Separators, and folded forms that hold a separator ("½" is
			// "1⁄2"): keep the word characters, split at the rest.
			if hasWord(f) {
				for _, fr := range f {
					if isWordRune(fr) {
						add(string(fr), i, next)
						verbatim = false
					} else {
						flush()
					}
				}
			} else {
				flush()
			}
		}
		i = next
	}
	flush()
	tk.toks, tk.cur = toks, cur
	return toks
}

// Terms returns just the terms of text.
func Terms(text string) []string {
	toks := Tokenize(text)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Term
	}
	return out
}

// special folds letters that NFKD does not decompose.
var special = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
	'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d",
	'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th", 'ı': "i", 'ς': "σ",
}

// fold returns the searchable form of one character: lower case,
// compatibility-decomposed, without combining marks. It may be empty (a
// lone combining mark) or longer than one character ("ﬁ" -> "fi").
func fold(r rune) string {
	if s, ok := special[r]; ok {
		return s
	}
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return asciiChars[r : r+1]
	}
	s := norm.NFKD.String(string(unicode.ToLower(r)))
	if !strings.ContainsFunc(s, isMark) {
		// Recompose what decomposed without marks: Hangul syllables.
		return norm.NFC.String(s)
	}
	var b strings.Builder
	for _, c := range s {
		if !isMark(c) {
			if f, ok := special[c]; ok {
				b.WriteString(f)
			} else {
				b.WriteRune(unicode.ToLower(c))
			}
		}
	}
	return norm.NFC.String(b.String())
}

// asciiChars holds every ASCII character at its own offset, so that
// fold can return one without allocating.
var asciiChars = func() string {
	var b [utf8.RuneSelf]byte
	for i := range b {
		b[i] = byte(i)
	}
	return string(b[:])
}()

func isMark(r rune) bool { return unicode.Is(unicode.M, r) }

func isCJK(r rune) bool {
	return r >= 0x2E80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

func isLetterRune(r rune) bool { return unicode.IsLetter(r) }

func isDigitRune(r rune) bool { return unicode.IsNumber(r) }

// isWord reports whether every character of a folded form is a letter or
// digit.
func isWord(s string) bool {
	for _, r := range s {
		if !isWordRune(r) {
			return false
		}
	}
	return s != ""
}

func hasWord(s string) bool { return strings.ContainsFunc(s, isWordRune) }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(b []byte) rune {
	r, _ := utf8.DecodeLastRune(b)
	return r
}

func lastIsLetter(b []byte) bool { return isLetterRune(lastRune(b)) }

func lastIsDigit(b []byte) bool { return isDigitRune(lastRune(b)) }
