package render

import (
	"bytes"
	"encoding/json"
	"fmt"
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
	// More people than one run of the parallel encoder: the runs must
	// join in order, separated as one list.
	var many []apiPerson
	for i := range 1000 {
		many = append(many, apiPerson{ID: fmt.Sprintf("p%d", i), Name: fmt.Sprintf("Person %d", i)})
	}
	for _, tc := range []struct {
		name string
		file apiFile
	}{
		{"no lists", apiFile{Schema: "s", Version: 1, Generated: "g"}},
		{"site and lists", apiFile{Schema: "s", Version: 1, Generated: "g", Site: &apiConfig{Title: "T<"}, People: &people, Teams: &teams, Events: &events}},
		{"one list", apiFile{Schema: "s", Version: 1, Generated: "g", People: &people}},
		{"one empty list", apiFile{Schema: "s", Version: 1, Generated: "g", Teams: &teams}},
		{"many items", apiFile{Schema: "s", Version: 1, Generated: "g", People: &many, Events: &events}},
	} {
		want, err := encodeJSON(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		// A list the file leaves out is nil, and so is its encoding.
		var encoded [][][]byte
		for _, l := range []apiList{
			{"people", encoderOf(tc.file.People)},
			{"teams", encoderOf(tc.file.Teams)},
			{"events", encoderOf(tc.file.Events)},
		} {
			if l.encode == nil {
				encoded = append(encoded, nil)
				continue
			}
			parts, err := encodeList(l)
			if err != nil {
				t.Fatal(err)
			}
			encoded = append(encoded, parts)
		}
		head := apiFile{Schema: tc.file.Schema, Version: tc.file.Version, Generated: tc.file.Generated, Site: tc.file.Site}
		shell, err := apiShell(head)
		if err != nil {
			t.Fatal(err)
		}
		got := bytes.Join(apiFileParts(shell, encoded...), nil)
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
		// One item per line: every line inside a list is a whole item.
		for _, list := range encoded {
			for _, line := range bytes.Split(bytes.Join(list, nil), []byte("\n")) {
				if item, ok := bytes.CutPrefix(line, []byte("    ")); ok {
					if item = bytes.TrimSuffix(item, []byte(",")); !json.Valid(item) {
						t.Errorf("%s: line %q is not one item", tc.name, line)
					}
				}
			}
		}
	}
}

// encoderOf returns the encoder of a list of items made already, or nil
// for a list left out.
func encoderOf[T any](list *[]T) func() ([][]byte, error) {
	if list == nil {
		return nil
	}
	return listEncoder(*list, func(x T) T { return x })
}
