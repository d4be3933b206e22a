package serve

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watcher reports changes under folders, with the folders created after
// it started, in batches.
type watcher struct {
	w     *fsnotify.Watcher
	roots []string
	// missing are roots that do not exist yet, such as the layouts folder
	// of a site without one: their parent is watched for them to appear.
	missing map[string]bool
}

// newWatcher watches every folder under roots.
func newWatcher(roots ...string) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{w: fw, missing: map[string]bool{}}
	for _, r := range roots {
		// Absolute, as the names of events under it are: with a root of
		// "." they would be "updates/x.md", which no prefix of "./"
		// matches, and every edit was dropped.
		r, err := filepath.Abs(r)
		if err != nil {
			fw.Close()
			return nil, err
		}
		w.roots = append(w.roots, r)
		err = w.addTree(r)
		if errors.Is(err, fs.ErrNotExist) {
			w.missing[r] = true
			err = fw.Add(filepath.Dir(r))
		}
		if err != nil {
			fw.Close()
			return nil, err
		}
	}
	return w, nil
}

// inRoots reports whether p is a root or below one: events on the other
// files of a missing root's parent are not the site's.
func (w *watcher) inRoots(p string) bool {
	for _, r := range w.roots {
		if p == r || strings.HasPrefix(p, r+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// addTree watches dir and every folder below it, except hidden ones.
func (w *watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && ignored(p) {
			return filepath.SkipDir
		}
		return w.w.Add(p)
	})
}

func (w *watcher) close() { w.w.Close() }

// run calls rebuild with the changed paths once the files have been quiet
// for the debounce time, until ctx is done.
func (w *watcher) run(ctx context.Context, debounce time.Duration, rebuild func(changed []string)) {
	var changed []string
	timer := time.NewTimer(debounce)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case ev, ok := <-w.w.Events:
			if !ok {
				return
			}
			name := filepath.Clean(ev.Name)
			if ignored(name) || ev.Op == fsnotify.Chmod || !w.inRoots(name) {
				continue
			}
			if w.missing[name] && ev.Op.Has(fsnotify.Create) {
				delete(w.missing, name)
			}
			if ev.Op.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					// A new folder: watch it, and what was already
					// written into it before the watch began is read
					// by the rebuild anyway.
					w.addTree(ev.Name)
				}
			}
			if !slices.Contains(changed, ev.Name) {
				changed = append(changed, ev.Name)
			}
			timer.Reset(debounce)
		case <-timer.C:
			batch := changed
			changed = nil
			rebuild(batch)
		case _, ok := <-w.w.Errors:
			if !ok {
				return
			}
			// An overflow loses events, not the truth: rebuild from disk.
			timer.Reset(debounce)
		}
	}
}

// ignored reports whether a path is an editor's or a tool's file, not
// content: hidden files, backups and swap files.
func ignored(p string) bool {
	name := filepath.Base(p)
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || strings.HasPrefix(name, "#")
}
