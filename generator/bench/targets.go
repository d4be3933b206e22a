package main

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// hugoSite is the minimal Hugo site compared with the handbook. It is
// written out next to each corpus, as Hugo leaves a lock file in its
// source folder.
//
//go:embed all:hugosite
var hugoSite embed.FS

// target is one tool set up to build one corpus: its command and the
// folders it owns.
type target struct {
	tool    string   // "handbook" or "hugo"
	dir     string   // working directory of the build
	content string   // the content folder it builds
	argv    []string // the build command
	out     string   // output folder
	caches  []string // removed with out before a build from clean
	git     bool     // dir is a git repository: commit edits (see git.go)
}

// clean discards the output and every cache, for a build from clean.
func (t target) clean(tr *trash) error {
	for _, p := range append([]string{t.out}, t.caches...) {
		if err := tr.discard(p); err != nil {
			return err
		}
	}
	return nil
}

// output is what a build wrote.
type output struct {
	pages, files int // HTML files, all files
	bytes        int64
	// largest is the largest HTML page of each kind (see pageKind).
	largest map[string]page
}

// page is an HTML file of the output and its size.
type page struct {
	path  string
	bytes int64
}

// output sums up the output folder.
func (t target) output() (output, error) {
	o := output{largest: map[string]page{}}
	err := filepath.WalkDir(t.out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		o.files++
		o.bytes += info.Size()
		if strings.HasSuffix(p, ".html") {
			o.pages++
			rel, _ := filepath.Rel(t.out, p)
			rel = filepath.ToSlash(rel)
			k := pageKind(rel)
			if info.Size() > o.largest[k].bytes {
				o.largest[k] = page{path: rel, bytes: info.Size()}
			}
		}
		return nil
	})
	return o, err
}

// pageKind names the kind of page an HTML file of the output is: its
// top folder, and whether it is that folder's list ("updates/", with its
// further pages "updates/page/2/") or a page under it ("updates/*").
// Pages at the top are "home" (index.html) or their own name.
func pageKind(rel string) string {
	dir, rest, nested := strings.Cut(rel, "/")
	switch {
	case !nested && rel == "index.html":
		return "home"
	case !nested:
		return rel
	case rest == "index.html" || strings.HasPrefix(rest, "page/"):
		return dir + "/"
	}
	return dir + "/*"
}

// handbookTarget builds content with the handbook binary bin, as of the
// date cmd/corpus writes the corpus for, with the built-in layouts. The
// build runs in its own folder, so the default cache (.cache/handbook)
// lands there too; withCache passes the folder as -cache as well.
func handbookTarget(bin, dir, content string, withCache bool) target {
	t := target{tool: "handbook", dir: dir, content: content, out: filepath.Join(dir, "public")}
	t.argv = []string{bin, "build", "-content", content, "-out", t.out, "-layouts", filepath.Join(dir, "no-layouts"), "-now", "2026-11-25"}
	t.caches = []string{filepath.Join(dir, ".cache")}
	if withCache {
		cache := filepath.Join(dir, "cache")
		t.argv = append(t.argv, "-cache", cache)
		t.caches = append(t.caches, cache)
	}
	return t
}

// hugoTarget writes the Hugo site into dir/site and builds content with
// it. Hugo keeps no render cache between builds; its cache folder holds
// modules and fetched resources, which this site has none of.
func hugoTarget(bin, dir, content string) (target, error) {
	src := filepath.Join(dir, "site")
	if err := writeHugoSite(src); err != nil {
		return target{}, err
	}
	t := target{tool: "hugo", dir: dir, content: content, out: filepath.Join(dir, "public")}
	cache := filepath.Join(dir, "cache")
	t.argv = []string{bin, "--quiet", "--source", src, "--contentDir", content, "--destination", t.out, "--cacheDir", cache}
	t.caches = []string{cache, filepath.Join(src, "resources")}
	return t, nil
}

// writeHugoSite replaces dir with the embedded Hugo site.
func writeHugoSite(dir string) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	root, err := fs.Sub(hugoSite, "hugosite")
	if err != nil {
		return err
	}
	return os.CopyFS(dir, root)
}

// supportsCache reports whether the handbook binary takes a -cache flag.
func supportsCache(bin string) bool {
	var out bytes.Buffer
	cmd := exec.Command(bin, "build", "--help")
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.Run() // --help may exit 0 or 2; the text is what counts
	return strings.Contains(out.String(), "-cache")
}

// hugoVersion returns Hugo's version, e.g. "v0.111.3+extended".
func hugoVersion(bin string) (string, error) {
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		return "", fmt.Errorf("%s version: %w", bin, err)
	}
	fields := strings.Fields(string(out))
	if len(fields) < 2 {
		return "", fmt.Errorf("%s version: unexpected output %q", bin, out)
	}
	return fields[1], nil
}

// need returns the path of the program name, installing Debian's package
// pkg with apt-get when it is missing and apt-get is there.
func need(name, pkg string) (string, error) {
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	if _, err := exec.LookPath("apt-get"); err != nil {
		return "", fmt.Errorf("%s not found; install it (Debian package %q)", name, pkg)
	}
	argv := []string{"apt-get", "install", "-y", pkg}
	if os.Geteuid() != 0 {
		argv = append([]string{"sudo"}, argv...)
	}
	step("%s not found; %s", name, strings.Join(argv, " "))
	if err := command("", argv...); err != nil {
		return "", err
	}
	return exec.LookPath(name)
}
