package site

import (
	"slices"
	"testing"
)

// TestNameIndex checks that the index finds exactly the people that
// checking every person finds, in the order of people.
func TestNameIndex(t *testing.T) {
	people := []*Person{
		{ID: "ana", Name: "Ana Souza", Handle: "AnaS"},
		{ID: "kofi", Name: "Kofi Mensah"},
		{ID: "kofi-b", Name: "Kofi Boateng", Handle: "kb"},
		{ID: "leo", Name: "Leo"},
		{ID: "mei", Name: "Mei Lin Chen"},
	}
	x := newNameIndex(people)
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"", nil},
		{"waiting on @anas for the keys", []string{"ana"}},
		{"Kofi Boateng and Kofi Mensah.", []string{"kofi", "kofi-b"}},
		{"kofi said no", []string{"kofi"}},
		{"Kofi alone is his id", []string{"kofi"}},
		{"Mensah alone is neither", nil},
		{"blocked by @kb. and @leo", []string{"kofi-b", "leo"}},
		{"Leo is his id", []string{"leo"}},
		{"mei lin chen reviews; Mei Lin does not", []string{"mei"}},
		{"lin chen", nil},
		{"@mei, ana and ana", []string{"ana", "mei"}},
	} {
		var got []string
		for _, p := range x.named(tc.text) {
			got = append(got, p.ID)
		}
		var brute []string
		ws := words(tc.text)
		for _, p := range people {
			if tc.text != "" && mentionedIn(ws, p) {
				brute = append(brute, p.ID)
			}
		}
		if !slices.Equal(got, tc.want) || !slices.Equal(got, brute) {
			t.Errorf("named(%q) = %v, want %v (every person checked: %v)", tc.text, got, tc.want, brute)
		}
	}
}
