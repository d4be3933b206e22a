package render

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// TestAPIFileEncoding checks that an API file put together from items
// encoded one by one holds what encoding the whole file gives, with one
// item per line: lists left out, empty, and with items whose text needs
// escaping.
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
		var gotV, wantV any
		if err := json.Unmarshal(got, &gotV); err != nil {
			t.Fatalf("%s: %v\n%s", tc.name, err, got)
		}
		if err := json.Unmarshal(want, &wantV); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(gotV, wantV) {
			t.Errorf("%s: encodeAPIFile =\n%s\nwant the same data as\n%s", tc.name, got, want)
		}
		if bytes.Contains(got, []byte("<")) || bytes.Contains(got, []byte("&")) {
			t.Errorf("%s: < or & not escaped:\n%s", tc.name, got)
		}
		for _, l := range lists {
			for _, it := range l.items {
				if !bytes.Contains(got, append([]byte("\n    "), append(it, '\n')...)) && !bytes.Contains(got, append([]byte("\n    "), append(it, ',')...)) {
					t.Errorf("%s: item %s not on a line of its own:\n%s", tc.name, it, got)
				}
			}
		}
	}
}
