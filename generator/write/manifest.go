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

	"github.com/handbook/handbook/generator/cache"
)

// manifest maps the path of every file of a written site to what it was
// made from and what it holds.
type manifest map[string]entry

type entry struct {
	key cache.Key // the inputs' key, if known (render.Output.Key)
	sum cache.Key // SHA-256 of the file; zero for the end of a group
}

// manifestHeader starts a manifest file, with the identity of the output
// folder it describes: a folder deleted and made again, or replaced by
// another, is written whole.
const manifestHeader = "handbook site manifest 2"

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
		// "key sum path"
		line := sc.Text()
		var e entry
		if len(line) < 4*len(e.key)+3 || line[2*len(e.key)] != ' ' || line[4*len(e.key)+1] != ' ' {
			return nil
		}
		_, kerr := hex.Decode(e.key[:], []byte(line[:2*len(e.key)]))
		_, serr := hex.Decode(e.sum[:], []byte(line[2*len(e.key)+1:4*len(e.key)+1]))
		if kerr != nil || serr != nil {
			return nil
		}
		m[line[4*len(e.key)+2:]] = e
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
		e := m[p]
		b.WriteString(e.key.String())
		b.WriteByte(' ')
		b.WriteString(e.sum.String())
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

// Current reports whether the cache holds the manifest of the site in
// dir: dir is still the folder the last build with this cache wrote,
// and nothing was added to or removed from its top level since.
func Current(c *cache.Cache, dir string) bool {
	if c == nil {
		return false
	}
	id, ok := folderID(dir)
	if !ok {
		return false
	}
	f, err := os.Open(manifestFile(c, dir))
	if err != nil {
		return false
	}
	defer f.Close()
	header, err := bufio.NewReader(f).ReadString('\n')
	return err == nil && header == manifestHeader+" "+c.Salt().String()+" "+id+"\n"
}
