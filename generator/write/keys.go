package write

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/handbook/handbook/generator/cache"
	"github.com/handbook/handbook/generator/render"
)

// Keys is a store for a render whose files are looked at, not written:
// handbook check renders the site to learn which paths it has, and to
// find the layouts that fail on the content. It keeps only each output's
// path and key, in the cache under a name of the caller's, so that the
// next render with the same name makes again only the outputs whose key
// changed; the others rendered without error from the same inputs.
type Keys struct {
	outputs
	file, header string // where the cache keeps the keys; "" without one
}

// OpenKeys starts a render into a Keys store named name in the cache c,
// which may be nil.
func OpenKeys(c *cache.Cache, name string) *Keys {
	k := &Keys{outputs: outputs{next: manifest{}}}
	if c != nil {
		k.file = filepath.Join(c.Dir(), "keys", cache.NewHasher("keys").String(name).Sum().String()[:16]+".bin")
		k.header = keysHeader + " " + c.Salt().String()
		k.prev = readManifestFile(k.file, k.header)
	}
	return k
}

// keysHeader starts a Keys file: a manifest (see manifestHeader) with no
// sums.
const keysHeader = "handbook output keys 1"

// Put records an output's path and key. It is safe to call from several
// goroutines.
func (k *Keys) Put(o render.Output) error {
	if o.Reused {
		return k.keep(o)
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if _, dup := k.next[o.Path]; !dup {
		k.add(o.Path, entry{key: o.Key})
	}
	return nil
}

// Paths returns the path of every file put, sorted.
func (k *Keys) Paths() []string {
	k.mu.Lock()
	defer k.mu.Unlock()
	var out []string
	for p := range k.next {
		if !strings.HasSuffix(p, "/") {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// Save keeps the keys in the cache for the next render: call it when the
// render succeeded.
func (k *Keys) Save() {
	if k.file != "" {
		writeManifestFile(k.file, k.header, encodeManifest(k.next))
	}
}
