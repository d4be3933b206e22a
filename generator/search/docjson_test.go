package search

import (
	"bytes"
	"encoding/json"
	"testing"
)

// docFileStrings are strings at the edges of JSON's escaping.
var docFileStrings = []string{
	"", "plain", `"q" \ /`, "<script>&amp;</script>", "a\x00b\x01\x1f\x7f", "\b\f\n\r\t", "é ü 𝄞 中文",
	"\u2028\u2029", "\xff\xfe bad", "a\xe2\x80", "\xed\xa0\x80", "\ufffd", "emoji 🙂 + U+FEFF \ufeff",
}

// checkDocFile fails unless f.appendJSON writes what json.Marshal does.
func checkDocFile(t *testing.T, f docFile) {
	t.Helper()
	want, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.appendJSON(nil); !bytes.Equal(got, want) {
		t.Errorf("appendJSON(%+v)\n = %s\nwant %s", f, got, want)
	}
}

func TestDocFileJSON(t *testing.T) {
	t.Parallel()
	for _, s := range docFileStrings {
		checkDocFile(t, docFile{Title: s, URL: s, Kind: s, Date: s, Byline: []string{s, s}, Sections: [][3]string{{s, s, s}, {"", s, ""}}})
	}
	checkDocFile(t, docFile{Title: "t", URL: "/u/", Kind: "page"})
	checkDocFile(t, docFile{Title: "t", URL: "/u/", Kind: "page", Byline: []string{}, Sections: [][3]string{}})
}

func FuzzDocFileJSON(f *testing.F) {
	for _, s := range docFileStrings {
		f.Add(s, s, s)
	}
	f.Fuzz(func(t *testing.T, a, b, c string) {
		checkDocFile(t, docFile{Title: a, URL: b, Kind: c, Date: a, Byline: []string{b, c}, Sections: [][3]string{{a, b, c}}})
	})
}
