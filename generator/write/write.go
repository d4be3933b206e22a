// Package write puts a built site on disk. It writes into a new folder
// beside the output folder and swaps it in only when every file is
// written, so a failed build leaves the previous site as it was.
package write

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	"golang.org/x/sync/errgroup"

	"github.com/handbook/handbook/generator/render"
)

// Dir replaces the folder dir with exactly the given outputs.
func Dir(dir string, outs []render.Output) (err error) {
	dir = filepath.Clean(dir)
	parent, base := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return fmt.Errorf("create temporary output folder: %w", err)
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	for _, o := range outs {
		// A path must name a file inside the output folder, and only one:
		// "updates//index.html" would be written over "updates/index.html".
		if !fs.ValidPath(o.Path) || o.Path == "." || !filepath.IsLocal(filepath.FromSlash(o.Path)) {
			return fmt.Errorf("refusing to write %q: not a clean path inside the output folder", o.Path)
		}
	}
	// Create folders first, in order, so files can be written in parallel.
	dirs := map[string]bool{}
	for _, o := range outs {
		d := filepath.Dir(filepath.Join(tmp, filepath.FromSlash(o.Path)))
		if !dirs[d] {
			dirs[d] = true
			if err := os.MkdirAll(d, 0o755); err != nil {
				return fmt.Errorf("create %s: %w", d, err)
			}
		}
	}
	var g errgroup.Group
	g.SetLimit(2 * runtime.GOMAXPROCS(0))
	for _, o := range outs {
		g.Go(func() error {
			p := filepath.Join(tmp, filepath.FromSlash(o.Path))
			if err := os.WriteFile(p, o.Data, 0o644); err != nil {
				return fmt.Errorf("write %s: %w", o.Path, err)
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	return swap(tmp, dir)
}

// swap moves the new folder into place. The old one is renamed aside
// first and restored if the second rename fails.
func swap(tmp, dir string) error {
	old := ""
	if _, err := os.Lstat(dir); err == nil {
		parent, base := filepath.Split(dir)
		if parent == "" {
			parent = "."
		}
		o, err := os.MkdirTemp(parent, "."+base+".old-")
		if err != nil {
			return fmt.Errorf("prepare swap: %w", err)
		}
		os.Remove(o)
		if err := os.Rename(dir, o); err != nil {
			return fmt.Errorf("move %s aside: %w", dir, err)
		}
		old = o
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		return fmt.Errorf("move new site into %s: %w", dir, err)
	}
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("remove previous site %s: %w", old, err)
		}
	}
	return nil
}
