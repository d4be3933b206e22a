package search

import (
	"strings"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/french"
	"github.com/kljensen/snowball/hungarian"
	"github.com/kljensen/snowball/norwegian"
	"github.com/kljensen/snowball/russian"
	"github.com/kljensen/snowball/spanish"
	"github.com/kljensen/snowball/swedish"
)

// stemMark ends the key of a stem's entry in the vocabulary: "deploy#"
// holds the documents of "deploy", "deploys", "deploying" and
// "deployment". The tokenizer never makes a term with "#", and the entry
// sorts right after the word its stem spells, so a word and its stem are
// usually in the same shard.
const stemMark = "#"

// A Stemmer reduces a term to its stem, or returns it unchanged.
type Stemmer struct {
	// Lang is the stemmer's language as the manifest names it ("en").
	Lang string
	stem func(string) string
}

// StemmerFor returns the Snowball stemmer of a site's language (a BCP 47
// tag such as "en" or "fr-CA"), or nil when there is none.
//
// The browser client stems queries too and must reach the same stems: it
// implements English (layouts/assets/search/stem.ts, pinned by the stems
// in testdata/tokens.json). For the other languages the index holds stems
// and the client, without their stemmer, matches query words as written.
func StemmerFor(lang string) *Stemmer {
	base := strings.ToLower(lang)
	if i := strings.IndexAny(base, "-_"); i >= 0 {
		base = base[:i]
	}
	var f func(string, bool) string
	switch base {
	case "en", "":
		return &Stemmer{Lang: "en", stem: stemEnglish}
	case "fr":
		f = french.Stem
	case "es":
		f = spanish.Stem
	case "ru":
		f = russian.Stem
	case "sv":
		f = swedish.Stem
	case "no", "nb", "nn":
		f = norwegian.Stem
	case "hu":
		f = hungarian.Stem
	default:
		return nil
	}
	return &Stemmer{Lang: base, stem: func(t string) string {
		if utf8.RuneCountInString(t) < 3 || !isWord(t) || strings.ContainsFunc(t, isDigitRune) {
			return t
		}
		return f(t, true)
	}}
}

// Stem returns the stem of a term.
func (s *Stemmer) Stem(term string) string { return s.stem(term) }

// stemEnglish stems terms of three or more letters a to z with Porter2;
// others (numbers, identifiers with digits, other scripts) stay as they
// are, in Go as in the client.
func stemEnglish(t string) string {
	if !englishStemmable(t) {
		return t
	}
	return english.Stem(t, true)
}

func englishStemmable(t string) bool {
	if len(t) < 3 {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] < 'a' || t[i] > 'z' {
			return false
		}
	}
	return true
}
