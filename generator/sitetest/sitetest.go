// Package sitetest runs txtar site archives through a build in tests. It
// writes an archive's files into a folder, including files a txtar archive
// cannot hold as they are, reads the build options of its "args" section,
// and snapshots folders so that a test can show a build changed nothing it
// should not have. On the built output, Hazards finds what could run
// script, and Crawl finds broken links, anchors and assets.
//
// A file's name in the archive may end in a directive in parentheses:
//
//	-- content/x.md (quoted) --      each line of the data is a Go string
//	                                 literal ("\xff", "\r\n", "\ufeff"), or
//	                                 a count and a literal (1000 * "- "),
//	                                 and the file is their concatenation
//	-- content/loop.md (symlink) --  a symbolic link to the data, trimmed
//
// Files under outside/ are written beside content/, for links that point
// out of the content folder.
package sitetest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

// directive matches a file name's directive.
var directive = regexp.MustCompile(`^(.*) \((quoted|symlink)\)$`)

// repeated matches a line of quoted data that repeats a literal.
var repeated = regexp.MustCompile(`^(\d+) \* (".*")$`)

// Write writes the archive's content/, layouts/ and outside/ files under
// dir.
func Write(t testing.TB, ar *txtar.Archive, dir string) {
	t.Helper()
	for _, f := range ar.Files {
		name, kind, data := f.Name, "", f.Data
		if m := directive.FindStringSubmatch(name); m != nil {
			name, kind = m[1], m[2]
		}
		if !strings.HasPrefix(name, "content/") && !strings.HasPrefix(name, "layouts/") && !strings.HasPrefix(name, "outside/") {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		switch kind {
		case "quoted":
			var b bytes.Buffer
			for i, line := range strings.Split(string(data), "\n") {
				line = strings.TrimSpace(line)
				if line == "" {
					continue
				}
				n := 1
				if m := repeated.FindStringSubmatch(line); m != nil {
					n, _ = strconv.Atoi(m[1])
					line = m[2]
				}
				s, err := strconv.Unquote(line)
				if err != nil {
					t.Fatalf("%s: line %d: want a Go string literal, or a count, \" * \" and a literal: %v", f.Name, i+1, err)
				}
				b.WriteString(strings.Repeat(s, n))
			}
			data = b.Bytes()
		case "symlink":
			if err := os.Symlink(strings.TrimSpace(string(data)), p); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Args are the build options an archive's "args" section sets, written as
// "now=2026-11-25 drafts base-url=https://x/".
type Args struct {
	Now     time.Time // default 2026-11-25 12:00 UTC
	Drafts  bool
	BaseURL string
}

// ParseArgs reads the archive's args section.
func ParseArgs(t testing.TB, ar *txtar.Archive) Args {
	t.Helper()
	a := Args{Now: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)}
	for _, f := range ar.Files {
		if f.Name != "args" {
			continue
		}
		for _, arg := range strings.Fields(string(f.Data)) {
			k, v, _ := strings.Cut(arg, "=")
			switch k {
			case "now":
				now, err := time.Parse("2006-01-02", v)
				if err != nil {
					t.Fatalf("args: %v", err)
				}
				a.Now = now
			case "drafts":
				a.Drafts = true
			case "base-url":
				a.BaseURL = v
			default:
				t.Fatalf("args: unknown %q", arg)
			}
		}
	}
	return a
}

// Section returns the data of the archive's file called name.
func Section(ar *txtar.Archive, name string) ([]byte, bool) {
	for _, f := range ar.Files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
}

// Tree describes every file, folder and symbolic link under dir by its
// slash path relative to dir: a file by the SHA-256 of its bytes, a folder
// as "dir", a link as "-> target". Two trees are equal when nothing under
// dir was added, removed or changed.
func Tree(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			out[rel] = "-> " + target
		case d.IsDir():
			out[rel] = "dir"
		default:
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(data)
			out[rel] = hex.EncodeToString(sum[:])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Diff lists the paths that differ between two trees, in a sorted order
// fit for a test failure: "+added", "-removed", "~changed".
func Diff(before, after map[string]string) []string {
	var out []string
	for p, h := range before {
		switch a, ok := after[p]; {
		case !ok:
			out = append(out, "-"+p)
		case a != h:
			out = append(out, "~"+p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			out = append(out, "+"+p)
		}
	}
	slices.Sort(out)
	return out
}

// WritePrevious fills the output folder out with a stand-in for the last
// good site, so that a test can check a failed build left it as it was.
func WritePrevious(t testing.TB, out string) {
	t.Helper()
	for name, data := range map[string]string{
		"index.html":                  "<!doctype html><title>previous</title>\n",
		"feed.xml":                    "<rss version=\"2.0\"></rss>\n",
		"updates/previous/index.html": "<!doctype html><title>previous update</title>\n",
		"assets/site-PREVIOUS.css":    "body{}\n",
	} {
		p := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// A File is a content file of an archive: its path under content/ and
// its bytes.
type File struct {
	Archive string // the archive's file name
	Path    string
	Data    []byte
}

// ContentFiles returns the regular files under content/ of every archive
// matching pattern, up to max bytes each, in a stable order: seeds for
// fuzz targets. Links and larger files are left out.
func ContentFiles(t testing.TB, pattern string, max int) []File {
	t.Helper()
	archives, err := filepath.Glob(pattern)
	if err != nil || len(archives) == 0 {
		t.Fatalf("no archives match %s: %v", pattern, err)
	}
	var out []File
	for _, file := range archives {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		Write(t, ar, dir)
		content := filepath.Join(dir, "content")
		filepath.WalkDir(content, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() {
				return nil
			}
			if info, err := d.Info(); err != nil || info.Size() > int64(max) {
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			rel, _ := filepath.Rel(content, p)
			out = append(out, File{Archive: filepath.Base(file), Path: filepath.ToSlash(rel), Data: data})
			return nil
		})
	}
	return out
}

// WriteFiles writes each file, by slash path under dir, creating folders.
func WriteFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
