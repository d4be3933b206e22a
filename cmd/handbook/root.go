package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// findSite finds the site a command run in one of its folders means, as
// git finds its repository: when --content is not given and there is no
// content folder here, the nearest folder above that holds one with a
// site.toml, a handbook/ or an updates/ folder is the site's, up to the
// top of a git repository. The folders given by flags that were not set
// (named in paths: content, layouts, out, cache) are then taken there,
// relative to here, so that a writer in content/updates/ who runs
// handbook check reads paths they can open. It says so on stderr.
func findSite(fs *flag.FlagSet, stderr io.Writer, paths map[string]*string) {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	content, ok := paths["content"]
	if !ok || set["content"] {
		return
	}
	if _, err := os.Stat(*content); err == nil {
		return
	}
	wd, err := os.Getwd()
	if err != nil {
		return
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if isSite(filepath.Join(dir, *content)) {
			rel, err := filepath.Rel(wd, dir)
			if err != nil {
				return
			}
			for name, p := range paths {
				if !set[name] && *p != "" && !filepath.IsAbs(*p) {
					*p = filepath.Join(rel, *p)
				}
			}
			fmt.Fprintf(stderr, "handbook %s: using the site in %s\n", fs.Name(), rel)
			return
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil || dir == filepath.Dir(dir) {
			return // the top of the repository, or of the file system
		}
	}
}

// isSite reports whether content is a site's content folder: it holds a
// site.toml, or a handbook or updates folder.
func isSite(content string) bool {
	if info, err := os.Stat(filepath.Join(content, "site.toml")); err == nil && info.Mode().IsRegular() {
		return true
	}
	for _, d := range []string{"handbook", "updates"} {
		if info, err := os.Stat(filepath.Join(content, d)); err == nil && info.IsDir() {
			return true
		}
	}
	return false
}
