package write

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/handbook/handbook/generator/cache"
	"github.com/handbook/handbook/generator/render"
)

// TestKeys checks the store handbook check renders into: the paths put,
// and for the next render, which outputs are kept (a file, a group of
// files) and which are made again.
func TestKeys(t *testing.T) {
	t.Parallel()
	c := cache.Open(filepath.Join(t.TempDir(), "cache"))
	key := func(s string) cache.Key { return cache.NewHasher("test").String(s).Sum() }
	first := OpenKeys(c, "site")
	for _, o := range []render.Output{
		{Path: "index.html", Data: []byte("home"), Key: key("home")},
		{Path: "search/a.bin", Data: []byte("a"), Key: key("search")},
		{Path: "search/b.bin", Data: []byte("b"), Key: key("search")},
		{Path: "search/", Key: key("search")}, // the group's end
		{Path: "updates/index.html", Data: []byte("updates"), Key: key("updates")},
	} {
		if first.Reuse(o.Path, o.Key) {
			t.Errorf("a first render reuses %s", o.Path)
		}
		if err := first.Put(o); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"index.html", "search/a.bin", "search/b.bin", "updates/index.html"}
	if got := first.Paths(); !slices.Equal(got, want) {
		t.Errorf("Paths = %v, want %v", got, want)
	}
	first.Save()

	next := OpenKeys(c, "site")
	if !next.Reuse("index.html", key("home")) || !next.Reuse("search/", key("search")) {
		t.Error("the next render does not reuse what is unchanged")
	}
	if next.Reuse("updates/index.html", key("updates changed")) {
		t.Error("the next render reuses an output whose key changed")
	}
	if OpenKeys(c, "other site").Reuse("index.html", key("home")) {
		t.Error("a store of another name reuses this one's outputs")
	}
	for _, o := range []render.Output{
		{Path: "index.html", Key: key("home"), Reused: true},
		{Path: "search/", Key: key("search"), Reused: true},
		{Path: "updates/index.html", Data: []byte("new"), Key: key("updates changed")},
	} {
		if err := next.Put(o); err != nil {
			t.Fatal(err)
		}
	}
	if got := next.Paths(); !slices.Equal(got, want) {
		t.Errorf("Paths after reuse = %v, want %v", got, want)
	}
	if err := next.Put(render.Output{Path: "gone.html", Key: key("gone"), Reused: true}); err == nil {
		t.Error("reusing an output the last render did not make: no error")
	}
	if OpenKeys(nil, "site").Reuse("index.html", key("home")) {
		t.Error("a store without a cache reuses")
	}
}
