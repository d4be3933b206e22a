package scaffold

import (
	"io/fs"
	"slices"
	"strings"
)

// only returns a view of fsys holding just the named top-level files and
// folders, so that content.Load reads people and teams without parsing
// every update.
func only(fsys fs.FS, names ...string) fs.FS { return onlyFS{fsys, names} }

type onlyFS struct {
	fs.FS
	names []string
}

func (o onlyFS) allowed(name string) bool {
	top, _, _ := strings.Cut(name, "/")
	return name == "." || slices.Contains(o.names, top)
}

func (o onlyFS) Open(name string) (fs.File, error) {
	if !o.allowed(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return o.FS.Open(name)
}

func (o onlyFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if !o.allowed(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	ents, err := fs.ReadDir(o.FS, name)
	if name == "." {
		ents = slices.DeleteFunc(ents, func(e fs.DirEntry) bool { return !o.allowed(e.Name()) })
	}
	return ents, err
}
