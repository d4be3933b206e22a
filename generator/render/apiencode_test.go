package render

import (
	"bytes"
	"testing"
)

// TestAPIFileEncoding checks that an API file put together from items
// encoded one by one is byte for byte what encoding the whole file gives:
// lists left out, empty, and with items whose text needs escaping.
func TestAPIFileEncoding(t *testing.T) {
	t.Parallel()
	people := []apiPerson{{ID: "ana", Name: "Ana <b>&</b> \"Souza\""}, {ID: "bo", Name: "Bo\nline"}}
	teams := []apiTeam{}
	events := []apiEvent{{}}
	for _, tc := range []struct {
		name string
		file apiFile
	}{
		{"no lists", apiFile{Schema: "s", Version: 1, Generated: "g"}},
		{"site and lists", apiFile{Schema: "s", Version: 1, Generated: "g", Site: &apiConfig{Title: "T<"}, People: &people, Teams: &teams, Events: &events}},
		{"one list", apiFile{Schema: "s", Version: 1, Generated: "g", People: &people}},
		{"one empty list", apiFile{Schema: "s", Version: 1, Generated: "g", Teams: &teams}},
	} {
		want, err := encodeJSON(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		var lists []apiList
		add := func(name string, items [][]byte, present bool, err error) {
			if err != nil {
				t.Fatal(err)
			}
			lists = append(lists, apiList{name: name, items: items, present: present})
		}
		items, ok, err := encodeItems(tc.file.People)
		add("people", items, ok, err)
		items, ok, err = encodeItems(tc.file.Teams)
		add("teams", items, ok, err)
		items, ok, err = encodeItems(tc.file.Events)
		add("events", items, ok, err)
		head := apiFile{Schema: tc.file.Schema, Version: tc.file.Version, Generated: tc.file.Generated}
		got, err := encodeAPIFile(head, tc.file.Site, lists)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: encodeAPIFile =\n%s\nwant\n%s", tc.name, got, want)
		}
	}
}
