package generator

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/handbook/handbook/generator/cache"
	"github.com/handbook/handbook/generator/diag"
)

// A record is what a build that wrote the output folder reported, with
// the inputs it was made from. A later build from the same inputs, into
// the folder as that build left it, has nothing to do: it reports the
// same, having looked at no more than every file's stat.
type record struct {
	// Inputs is the key of everything a build reads besides the
	// content folder: the options, the layouts, the git history and
	// the program itself.
	Inputs cache.Key
	// Content is the content's key (content.Result.Stop).
	Content             cache.Key
	Pages, Feeds, Files int
	Diagnostics         diag.List
}

func recordKey(out string) cache.Key {
	abs, err := filepath.Abs(out)
	if err != nil {
		abs = out
	}
	return cache.NewHasher("build record").String(abs).Sum()
}

func readRecord(c *cache.Cache, out string) (record, bool) {
	var r record
	data, ok := c.Get("build", recordKey(out))
	if !ok || json.Unmarshal(data, &r) != nil {
		return record{}, false
	}
	return r, true
}

func removeRecord(c *cache.Cache, out string) { c.Remove("build", recordKey(out)) }

func writeRecord(c *cache.Cache, out string, r record) {
	if data, err := json.Marshal(r); err == nil {
		c.Put("build", recordKey(out), data)
	}
}

// inputsKey returns the key of what a build reads besides the content
// folder, and false when it cannot tell that they did not change: the
// content comes from elsewhere than a folder, or a layout changed a
// moment ago. c has its defaults: its time is set.
func (c Config) inputsKey(salt cache.Key, gitKey cache.Key, start time.Time) (cache.Key, bool) {
	if c.FS != nil {
		return cache.Key{}, false
	}
	h := cache.NewHasher("build inputs").Key(salt).Key(gitKey)
	for _, p := range []string{c.Content, c.Out, c.Layouts} {
		abs, err := filepath.Abs(p)
		if err != nil {
			return cache.Key{}, false
		}
		h.String(abs)
	}
	h.String(c.BaseURL).Bool(c.Drafts).Int(c.Now.UnixNano()).String(c.Now.Location().String()).Bool(c.Dev).Bool(c.Check).Bool(c.NoGit)
	// The layouts, by their stamps: a layout's bytes are read only
	// when a page is made.
	settled := true
	err := filepath.WalkDir(c.Layouts, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == c.Layouts && os.IsNotExist(err) {
				return nil
			}
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		st := cache.StampOf(info)
		if !st.Settled(start.UnixNano()) {
			settled = false
			return filepath.SkipAll
		}
		h.String(p).Int(st.Size).Int(st.Mtime).Int(st.Ctime).Int(int64(st.Ino)).Int(int64(st.Mode))
		return nil
	})
	if err != nil || !settled {
		return cache.Key{}, false
	}
	return h.Sum(), true
}
