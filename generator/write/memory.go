package write

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"sync"

	"github.com/handbook/handbook/generator/cache"
	"github.com/handbook/handbook/generator/render"
)

// Memory keeps a built site in memory, as the dev server serves it. Like
// Site over the output folder, it holds the outputs of the last build
// and takes from them the outputs whose inputs did not change.
type Memory struct {
	prev map[string]render.Output
	// groups holds the files of each group of the last build, by key:
	// a group's files share a key no other output has.
	groups map[cache.Key][]render.Output
	mu     sync.Mutex
	outs   []render.Output
}

// NewMemory starts a site in memory after the last build's outputs, as
// Outputs returned them.
func NewMemory(prev []render.Output) *Memory {
	m := &Memory{prev: make(map[string]render.Output, len(prev)), groups: map[cache.Key][]render.Output{}}
	for _, o := range prev {
		m.prev[o.Path] = o
		m.groups[o.Key] = append(m.groups[o.Key], o)
	}
	return m
}

// Reuse reports whether the last build made the file at p, or for a path
// ending in "/" the group of files under that folder, from inputs with
// the given key. It is render.Options.Reuse.
func (m *Memory) Reuse(p string, key cache.Key) bool {
	if key == (cache.Key{}) {
		return false
	}
	if strings.HasSuffix(p, "/") {
		return len(m.groups[key]) > 0
	}
	o, ok := m.prev[p]
	return ok && o.Key == key
}

// Put keeps an output, or for a reused one the last build's file or
// group of files. It is safe to call from several goroutines.
func (m *Memory) Put(o render.Output) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	switch {
	case o.Reused && strings.HasSuffix(o.Path, "/"):
		for _, q := range m.groups[o.Key] {
			if strings.HasPrefix(q.Path, o.Path) {
				m.outs = append(m.outs, q)
			}
		}
	case o.Reused:
		m.outs = append(m.outs, m.prev[o.Path])
	case strings.HasSuffix(o.Path, "/") && o.Data == nil:
		// The end of a group: its files came before.
	default:
		// The data is the renderer's to use again once Put returns.
		if o.Parts != nil {
			o.Data, o.Parts = o.Bytes(), nil
		} else {
			o.Data = bytes.Clone(o.Data)
		}
		m.outs = append(m.outs, o)
	}
	return nil
}

// Outputs returns the site's files, sorted by path.
func (m *Memory) Outputs() []render.Output {
	m.mu.Lock()
	defer m.mu.Unlock()
	slices.SortFunc(m.outs, func(a, b render.Output) int { return cmp.Compare(a.Path, b.Path) })
	return m.outs
}
