package write

import (
	"bufio"
	"bytes"
	"encoding/binary"
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
	sum cache.Key // hash of the file (cache.Sum); zero for the end of a group
}

// manifestHeader starts a manifest file, with the identity of the output
// folder it describes: a folder deleted and made again, or replaced by
// another, is written whole. The header is a line of text, so that
// Current reads no more; the files follow in binary: their count, then
// for each in path order its path's length and path, its key and its
// sum. At 10,000 documents that is 1.5 MB read and written by every
// build that changes something, against 5 MB of hexadecimal text before.
const manifestHeader = "handbook site manifest 3"

// manifestFile returns where the cache keeps the manifest of dir: one per
// output folder, named after its absolute path.
func manifestFile(c *cache.Cache, dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	return filepath.Join(c.Dir(), "site", cache.NewHasher("output folder").String(abs).Sum().String()[:16]+".bin")
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
	return readManifestFile(manifestFile(c, dir), manifestHeader+" "+c.Salt().String()+" "+id)
}

// readManifestFile returns the manifest in the file, or nil when it is
// missing, damaged, or does not start with the line header.
func readManifestFile(file, header string) manifest {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	if string(first) != header {
		return nil
	}
	// One string for every path: each is a piece of it.
	all := string(rest)
	n, k := binary.Uvarint(rest)
	if k <= 0 || n > uint64(len(rest)) {
		return nil
	}
	m := make(manifest, n)
	off := k
	var e entry
	for range n {
		l, k := binary.Uvarint(rest[off:])
		if k <= 0 || l > uint64(len(rest)-off-k) || len(rest)-off-k-int(l) < len(e.key)+len(e.sum) {
			return nil
		}
		off += k
		p := all[off : off+int(l)]
		off += int(l)
		off += copy(e.key[:], rest[off:])
		off += copy(e.sum[:], rest[off:])
		m[p] = e
	}
	if off != len(rest) {
		return nil
	}
	return m
}

// writeManifest records the site just written into dir, whose manifest
// encodeManifest gave body.
func writeManifest(c *cache.Cache, dir string, body []byte) {
	if c == nil {
		return
	}
	// The folder's identity is taken once the files are in place.
	id, ok := folderID(dir)
	if !ok {
		return
	}
	writeManifestFile(manifestFile(c, dir), manifestHeader+" "+c.Salt().String()+" "+id, body)
}

// encodeManifest returns what follows a manifest file's header line.
func encodeManifest(m manifest) []byte {
	paths := slices.Sorted(maps.Keys(m))
	size := binary.MaxVarintLen64
	for _, p := range paths {
		size += len(p) + 2 + 2*len(cache.Key{})
	}
	b := make([]byte, 0, size)
	b = binary.AppendUvarint(b, uint64(len(paths)))
	for _, p := range paths {
		e := m[p]
		b = binary.AppendUvarint(b, uint64(len(p)))
		b = append(b, p...)
		b = append(b, e.key[:]...)
		b = append(b, e.sum[:]...)
	}
	return b
}

// writeManifestFile writes the line header and then body into the file.
func writeManifestFile(file, header string, body []byte) {
	if os.MkdirAll(filepath.Dir(file), 0o755) != nil {
		return
	}
	// A temporary file of its own: two builds or checks at once must not
	// write into one.
	f, err := os.CreateTemp(filepath.Dir(file), ".tmp-*")
	if err != nil {
		return
	}
	_, werr := f.WriteString(header + "\n")
	if werr == nil {
		_, werr = f.Write(body)
	}
	cerr := f.Close()
	if werr != nil || cerr != nil || os.Rename(f.Name(), file) != nil {
		os.Remove(f.Name())
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
