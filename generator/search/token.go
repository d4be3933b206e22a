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
	var toks []Token
	var cur strings.Builder
	start, end, n := 0, 0, 0
	flush := func() {
		if cur.Len() > 0 {
			toks = append(toks, Token{Term: cur.String(), Start: start, End: end})
			cur.Reset()
			n = 0
		}
	}
	add := func(s string, from, to int) {
		if cur.Len() == 0 {
			start = from
		}
		for _, r := range s {
			if n < MaxTermRunes {
				cur.WriteRune(r)
				n++
			}
		}
		end = to
	}
	for i := 0; i < len(text); {
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
			if cur.Len() > 0 {
				end = next
			}
		case isWord(f):
			add(f, i, next)
		case isApostrophe(r) && cur.Len() > 0 && lastIsLetter(cur.String()):
			nr, nsize := utf8.DecodeRuneInString(text[next:])
			if !isLetterRune(nr) {
				flush()
				break
			}
			if (nr == 's' || nr == 'S') && !isWordRune(firstRune(text[next+nsize:])) {
				end = next + nsize
				flush()
				next += nsize
			}
			// Otherwise drop the apostrophe and go on with the word.
		case r == '.' && cur.Len() > 0 && lastIsDigit(cur.String()) && isDigitRune(firstRune(text[next:])):
			add(".", i, next)
		default:
			// Separators, and folded forms that hold a separator ("½" is
			// "1⁄2"): keep the word characters, split at the rest.
			if hasWord(f) {
				for _, fr := range f {
					if isWordRune(fr) {
						add(string(fr), i, next)
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
		return string(r)
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

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func lastIsLetter(s string) bool { return isLetterRune(lastRune(s)) }

func lastIsDigit(s string) bool { return isDigitRune(lastRune(s)) }
