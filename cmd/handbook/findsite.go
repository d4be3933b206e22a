package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// findSite finds the site a command run in one of its folders means, as
// git finds its repository (see locateSite), from the working folder.
func findSite(fs *flag.FlagSet, stderr io.Writer, paths map[string]*string) {
	if wd, err := os.Getwd(); err == nil {
		locateSite(fs, stderr, wd, paths)
	}
}

// locateSite looks for the site from the folder wd: when --content is
// not given and the content folder here is not a site's, the nearest
// folder above whose content folder holds a site.toml, a handbook/ or an
// updates/ folder is the site's, up to the top of a git repository. The
// folders given by flags that were not set (named in paths: content,
// layouts, out, cache) are then taken there, relative to wd, so that a
// writer in content/updates/ who runs handbook check reads paths they
// can open. It says so on stderr.
func locateSite(fs *flag.FlagSet, stderr io.Writer, wd string, paths map[string]*string) {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	content, ok := paths["content"]
	if !ok || set["content"] || filepath.IsAbs(*content) || isSite(filepath.Join(wd, *content)) {
		return
	}
	// ".." goes up from where the folder is, not from the link that
	// led to it.
	if real, err := filepath.EvalSymlinks(wd); err == nil {
		wd = real
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if dir != wd && isSite(filepath.Join(dir, *content)) {
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
