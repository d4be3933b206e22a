package write

import (
	"fmt"
	"maps"
	"os"
	"testing"

	"github.com/handbook/handbook/generator/cache"
)

// TestManifest checks that a manifest reads back as written, and that a
// damaged one is no manifest (a full write) rather than a wrong one.
func TestManifest(t *testing.T) {
	t.Parallel()
	c := cache.Open(t.TempDir())
	dir := t.TempDir()
	m := manifest{}
	for i := range 50 {
		p := fmt.Sprintf("updates/%d/index.html", i)
		m[p] = entry{key: cache.NewHasher("key").String(p).Sum(), sum: cache.NewHasher("sum").String(p).Sum()}
	}
	m["search/"] = entry{key: cache.NewHasher("group").Sum()}
	writeManifest(c, dir, encodeManifest(m))
	if got := readManifest(c, dir); !maps.Equal(got, m) {
		t.Fatalf("readManifest after writeManifest = %d entries, want the %d written", len(got), len(m))
	}
	if !Current(c, dir) {
		t.Error("Current is false for the folder just recorded")
	}
	data, err := os.ReadFile(manifestFile(c, dir))
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(data) {
		if err := os.WriteFile(manifestFile(c, dir), data[:n], 0o644); err != nil {
			t.Fatal(err)
		}
		if got := readManifest(c, dir); got != nil {
			t.Fatalf("readManifest of the manifest cut to %d of %d bytes = %d entries, want none", n, len(data), len(got))
		}
	}
	os.WriteFile(manifestFile(c, dir), append(data, 0), 0o644)
	if got := readManifest(c, dir); got != nil {
		t.Errorf("readManifest of the manifest with a byte added = %d entries, want none", len(got))
	}
}
