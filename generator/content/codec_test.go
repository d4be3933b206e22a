package content

import (
	"reflect"
	"testing"

	"github.com/handbook/handbook/generator/markdown"
)

const codecSample = "# Title\n\nFirst paragraph with a [link](other.md#part) and ![an image](a.png).\n\n" +
	"## Part one\n\nText.\n\n### Deeper\n\nMore text.\n\n## Part two\n\n```go\nfunc main() {}\n```\n"

// TestConvertedRoundTrip checks that a cache entry reads back as what was
// written, and that a damaged entry is refused rather than misread.
func TestConvertedRoundTrip(t *testing.T) {
	t.Parallel()
	conv := markdown.New(markdown.Options{})
	c := converted{KeepH1: true}
	res, err := conv.Convert([]byte(codecSample), func(dest string, image bool) string {
		href := "/x/" + dest
		c.Rewrites = append(c.Rewrites, rewrite{Dest: dest, Image: image, Href: href})
		return href
	}, func(string) bool { return true })
	if err != nil {
		t.Fatal(err)
	}
	c.Result = res
	if len(res.TOC) == 0 || len(res.TOC[0].Items) == 0 || len(res.Links) != 2 || len(res.Sections) < 3 {
		t.Fatalf("sample converted to too little to test: %+v", res)
	}
	data := c.encode()
	for _, alias := range []bool{false, true} {
		got, ok := decodeConverted(data, alias)
		got.aliased = false
		if !ok || !reflect.DeepEqual(got, c) {
			t.Errorf("decode(encode(c)), alias %v = %+v, %v\nwant %+v", alias, got, ok, c)
		}
		for n := range len(data) {
			if _, ok := decodeConverted(data[:n], alias); ok {
				t.Errorf("decodeConverted accepted the entry cut to %d of %d bytes", n, len(data))
			}
		}
		if _, ok := decodeConverted(append(data, 0), alias); ok {
			t.Errorf("decodeConverted accepted the entry with a byte added")
		}
	}
}
