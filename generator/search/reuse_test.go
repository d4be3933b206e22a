package search

import (
	"encoding/binary"
	"slices"
	"testing"
)

// TestAddStemsTakesKnownStems checks that a section made again takes
// the stems its last state recorded, for the terms it had and only with
// the stemmer they were made with, and that the state keeps them.
func TestAddStemsTakesKnownStems(t *testing.T) {
	t.Parallel()
	sec := section("deploy")
	vocabOf := func(terms ...string) vocab {
		v := vocab{terms: terms}
		for i := range terms {
			v.posts = append(v.posts, &postings{hits: []hit{newHit(uint32(i), 1, false, 0)}})
		}
		return v
	}
	en := StemmerFor("en")
	v, stems, stemmed := addStems(vocabOf("deployed", "deploying", "deploys"), en, sec, nil)
	if stemmed != 3 {
		t.Errorf("without a state, stemmed %d terms, want 3", stemmed)
	}
	if want := []string{"deploy#", "deployed", "deploying", "deploys"}; !slices.Equal(v.terms, want) {
		t.Fatalf("terms %q, want %q", v.terms, want)
	}
	if want := []string{"", "deploy", "deploy", "deploy"}; !slices.Equal(stems, want) {
		t.Fatalf("stems %q, want %q", stems, want)
	}

	// The state, written and read back, with a stem no stemmer would
	// make: a term the state has takes it; a new one is stemmed.
	made := madeSection{terms: v.terms, stems: slices.Clone(stems), lang: en.Lang}
	made.stems[2] = "deplo"
	st := sectionState{made: made}
	back, ok := decodeState(st.encode())
	if !ok {
		t.Fatal("the state does not read back")
	}
	back.decodeStems()
	if !slices.Equal(back.made.stems, made.stems) || back.made.lang != "en" {
		t.Fatalf("stems read back %q (%q), want %q (en)", back.made.stems, back.made.lang, made.stems)
	}
	v, stems, stemmed = addStems(vocabOf("deployed", "deploying", "deployment", "deploys"), en, sec, &back.made)
	if stemmed != 1 {
		t.Errorf("with the state, stemmed %d terms, want 1 (deployment)", stemmed)
	}
	if i := slices.Index(v.terms, "deploying"); i < 0 {
		t.Errorf("deploying missing from %q", v.terms)
	} else if stems[i] != "deplo" {
		t.Errorf("deploying: stem %q, want the state's", stems[i])
	}

	// A state made with another stemmer gives none.
	fr := StemmerFor("fr")
	if _, _, stemmed := addStems(vocabOf("deployed", "deploying"), fr, sec, &back.made); stemmed != 2 {
		t.Errorf("with a state of another language, stemmed %d terms, want 2", stemmed)
	}
	// Nor does one whose stems are damaged: cut short, or a stem that
	// would share more than its term has.
	whole := back.stems
	back.stems = whole[:len(whole)-1]
	back.made.stems = nil
	back.decodeStems()
	if back.made.stems != nil {
		t.Errorf("stems cut short read back as %q", back.made.stems)
	}
	long := binary.AppendUvarint(nil, uint64(len(made.terms)))
	long = binary.AppendUvarint(long, 99)
	long = appendString(long, "")
	back.stems = long
	back.decodeStems()
	if back.made.stems != nil {
		t.Errorf("a stem longer than its term's share read back as %q", back.made.stems)
	}
}
