package write

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/handbook/handbook/generator/cache"
)

// manifest maps the path of every file of a written site to the key of
// the inputs it was made from.
type manifest map[string]cache.Key

// manifestHeader starts a manifest file, with the identity of the output
// folder it describes: a folder deleted and made again, or replaced by
// another, is written whole.
const manifestHeader = "handbook site manifest 1"

// manifestFile returns where the cache keeps the manifest of dir: one per
// output folder, named after its absolute path.
func manifestFile(c *cache.Cache, dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	return filepath.Join(c.Dir(), "site", cache.NewHasher("output folder").String(abs).Sum().String()[:16]+".txt")
}

// readManifest returns the manifest of the site in dir, or nil when there
// is none, it is unreadable, or dir is no longer the folder it describes.
func readManifest(c *cache.Cache, dir string) manifest {
	if c == nil {
		return nil
	}
	id, ok := folderID(dir)
	if !ok {
		return nil
	}
	data, err := os.ReadFile(manifestFile(c, dir))
	if err != nil {
		return nil
	}
	header, rest, _ := bytes.Cut(data, []byte("\n"))
	if string(header) != manifestHeader+" "+c.Salt().String()+" "+id {
		return nil
	}
	m := manifest{}
	sc := bufio.NewScanner(bytes.NewReader(rest))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		k, p, ok := strings.Cut(sc.Text(), " ")
		var key cache.Key
		if n, err := hex.Decode(key[:], []byte(k)); !ok || err != nil || n != len(key) {
			return nil
		}
		m[p] = key
	}
	if sc.Err() != nil {
		return nil
	}
	return m
}

// writeManifest records the site just written into dir.
func writeManifest(c *cache.Cache, dir string, m manifest) {
	if c == nil {
		return
	}
	id, ok := folderID(dir)
	if !ok {
		return
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s %s %s\n", manifestHeader, c.Salt(), id)
	for _, p := range slices.Sorted(maps.Keys(m)) {
		k := m[p]
		b.WriteString(k.String())
		b.WriteByte(' ')
		b.WriteString(p)
		b.WriteByte('\n')
	}
	f := manifestFile(c, dir)
	if os.MkdirAll(filepath.Dir(f), 0o755) != nil {
		return
	}
	tmp := f + ".tmp"
	if os.WriteFile(tmp, b.Bytes(), 0o644) != nil || os.Rename(tmp, f) != nil {
		os.Remove(tmp)
	}
}

func removeManifest(c *cache.Cache, dir string) {
	if c != nil {
		os.Remove(manifestFile(c, dir))
	}
}
