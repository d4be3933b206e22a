package render

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
)

// Overlay returns a file system that serves each file from the first of
// layers that has it: a site's own layouts folder first, the built-in
// layouts last, so that a site overrides layouts file by file. Reading a
// folder lists the union of the layers.
func Overlay(layers ...fs.FS) fs.FS { return overlay(layers) }

type overlay []fs.FS

func (o overlay) Open(name string) (fs.File, error) {
	var firstErr error
	for _, l := range o {
		if l == nil {
			continue
		}
		f, err := l.Open(name)
		if err == nil {
			return f, nil
		}
		if firstErr == nil || !errors.Is(err, fs.ErrNotExist) {
			firstErr = err
		}
	}
	if firstErr == nil {
		firstErr = &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return nil, firstErr
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]bool{}
	var out []fs.DirEntry
	found := false
	for _, l := range o {
		if l == nil {
			continue
		}
		ents, err := fs.ReadDir(l, name)
		if err != nil {
			continue
		}
		found = true
		for _, e := range ents {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	if !found {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int {
		switch {
		case a.Name() < b.Name():
			return -1
		case a.Name() > b.Name():
			return 1
		}
		return 0
	})
	return out, nil
}

// SameTemplates reports whether the templates a site's layouts folder
// holds, if any, are all byte for byte the built-in ones: only then may
// pages have the narrow keys of scope.go, which list what the built-in
// templates show.
func SameTemplates(site, builtin fs.FS) (bool, error) {
	if site == nil {
		return true, nil
	}
	same := true
	err := fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".html" {
			return err
		}
		mine, err := fs.ReadFile(site, p)
		if err != nil {
			return err
		}
		theirs, err := fs.ReadFile(builtin, p)
		if err != nil || !bytes.Equal(mine, theirs) {
			same = false
			return fs.SkipAll
		}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("read layouts: %w", err)
	}
	return same, nil
}
