package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/handbook/handbook/generator/diag"
)

// hints says what to do next about the problems a first build often has:
// no content folder, no site.toml, no documents yet, or documents whose
// front matter is wrong where "handbook new" would have written it right.
// They are told apart by the files on disk and the files the diagnostics
// are about, never by the messages' wording.
func hints(content string, l diag.List) []string {
	info, err := os.Stat(content)
	if err != nil || !info.IsDir() {
		cmd := "handbook init"
		if dir := filepath.Dir(filepath.Clean(content)); dir != "." {
			cmd += " " + dir
		}
		return []string{fmt.Sprintf("there is no content folder at %s: start a new handbook with `%s`, or name yours with --content FOLDER", content, cmd)}
	}
	var out []string
	// A site may well go without site.toml; a folder with nothing yet is
	// where a writer wants to know that one exists.
	empty := !hasMarkdown(content)
	if _, err := os.Stat(filepath.Join(content, "site.toml")); empty && errors.Is(err, fs.ErrNotExist) {
		out = append(out, fmt.Sprintf("%s/ has no site.toml, so the site is called \"Handbook\" and counts days in UTC; "+
			"`handbook init NEW-FOLDER` writes one with every setting explained, to copy from", content))
	}
	if empty {
		out = append(out, fmt.Sprintf("%s/ holds no documents yet: write a first page with `handbook new page --title \"Welcome\"`, "+
			"or see one of each kind with `handbook init --example NEW-FOLDER`", content))
	}
	// An existing handbook copied in next to the landing page init wrote:
	// the two are the same page.
	var landings []string
	for _, name := range []string{"_index.md", "index.md", "README.md"} {
		if _, err := os.Stat(filepath.Join(content, "handbook", name)); err == nil {
			landings = append(landings, name)
		}
	}
	if len(landings) > 1 {
		out = append(out, fmt.Sprintf("%s has %d landing pages, %s: keep one; "+
			"if your handbook brought its own, delete the _index.md that `handbook init` wrote",
			filepath.Join(content, "handbook")+string(filepath.Separator), len(landings), strings.Join(landings, " and ")))
	}

	// A document of a kind that needs front matter, written without any:
	// plain Markdown dropped into updates/, say. "handbook new" writes it.
	commands := map[string]string{
		"updates":    "handbook new update",
		"decisions":  `handbook new decision --title "..."`,
		"objectives": `handbook new objective --title "..."`,
		"people":     `handbook new person --title "Their Name"`,
		"teams":      `handbook new team --title "..."`,
	}
	var bare []string
	for _, d := range l {
		rel, err := filepath.Rel(content, filepath.FromSlash(d.Pos.File))
		if err != nil || d.Severity != diag.Error || slices.Contains(bare, d.Pos.File) {
			continue
		}
		folder, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
		if commands[folder] == "" || !strings.EqualFold(filepath.Ext(rel), ".md") || hasFrontMatter(d.Pos.File) {
			continue
		}
		bare = append(bare, d.Pos.File)
		if len(bare) <= 3 {
			out = append(out, fmt.Sprintf("%s has no front matter: `%s` writes one with the front matter it needs; "+
				"Markdown without front matter belongs in %s/handbook/", d.Pos.File, commands[folder], content))
		}
	}
	if len(bare) > 3 {
		out = append(out, fmt.Sprintf("%d more documents have no front matter", len(bare)-3))
	}
	return out
}

// hasFrontMatter reports whether a file starts with front matter, or
// cannot be read (and so is not known to lack it).
func hasFrontMatter(file string) bool {
	f, err := os.Open(file)
	if err != nil {
		return true
	}
	defer f.Close()
	head := make([]byte, 8)
	n, _ := io.ReadFull(f, head)
	s := strings.TrimPrefix(string(head[:n]), "\ufeff")
	return strings.HasPrefix(s, "---") || strings.HasPrefix(s, "+++") || strings.HasPrefix(s, "{")
}

// hasMarkdown reports whether the content folder holds a Markdown file.
func hasMarkdown(content string) bool {
	found := errors.New("found")
	// Read as the build reads it: a content folder that is a symbolic
	// link is followed.
	err := fs.WalkDir(os.DirFS(content), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.EqualFold(path.Ext(p), ".md") {
			return found
		}
		return nil
	})
	return err == found
}

func printHints(w io.Writer, content string, l diag.List) {
	for _, h := range hints(content, l) {
		fmt.Fprintln(w, "hint:", h)
	}
}
