package render

import (
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/handbook/handbook/generator/cache"
)

func TestCachedAssets(t *testing.T) {
	layouts := fstest.MapFS{
		"assets/site.css": {Data: []byte("@import \"handbook:chroma.css\";\nbody { color: red }\n")},
		"assets/site.ts":  {Data: []byte("const n: number = 1;\nconsole.log(n);\n")},
		"assets/icon.svg": {Data: []byte("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")},
	}
	want, err := buildAssets(layouts)
	if err != nil {
		t.Fatal(err)
	}
	c := cache.Open(t.TempDir())
	key := cache.NewHasher("test layouts").Sum()
	got, err := cachedAssets(layouts, c, key)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("bundled: assets differ from those bundled (error %v)", err)
	}
	// From the cache, under the same key: layouts with nothing to bundle
	// would fail.
	if got, err := cachedAssets(fstest.MapFS{}, c, key); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("from the cache: assets differ from those bundled (error %v)", err)
	}
	// A damaged entry is bundled again.
	data, _ := c.Get(assetsNS, key)
	damaged := append([]byte(nil), data...)
	damaged[len(damaged)-1] ^= 1
	c.Put(assetsNS, key, damaged)
	if got, err := cachedAssets(layouts, c, key); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("with a damaged entry: assets differ from those bundled (error %v)", err)
	}
	// Cut short anywhere, an entry does not read.
	enc := want.encode()
	for n := range len(enc) {
		if _, ok := decodeAssets(enc[:n]); ok {
			t.Fatalf("an entry cut to %d of %d bytes reads", n, len(enc))
		}
	}
	if got, ok := decodeAssets(enc); !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("decodeAssets(encode()) = %v, want the assets encoded", ok)
	}
}
