package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/handbook/handbook/generator/scaffold"
	"github.com/handbook/handbook/generator/site"
)

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new", `handbook new KIND [--title T] [--author ID] [--team ID]

Write a new document of KIND (update, decision, objective, page, person or
team) with the front matter and sections it needs, and print its path.
The file is named after the title; a decision gets the next free number.
A page goes into the handbook folder the command runs in, or the one
--folder names, numbered after the others when they all are (01-intro.md).
The author defaults to the person whose email, handle or name matches git's
user.email or user.name. An existing file is never overwritten.`, stdout, stderr)
	var req scaffold.Request
	var contentDir, date string
	fs.StringVar(&contentDir, "content", "content", "content `folder`")
	fs.StringVar(&req.Title, "title", "", "the document's `TITLE`; required but for updates")
	fs.StringVar(&req.Author, "author", "", "the writer's person `ID` (default: from git config)")
	fs.StringVar(&req.Team, "team", "", "the team `ID` it belongs to")
	fs.StringVar(&date, "date", "", "the document's `DATE` (YYYY-MM-DD) instead of today")
	fs.StringVar(&req.Folder, "folder", "", "for a page, the `FOLDER` it goes in, from the top of handbook/ (default: the one the command runs in)")

	var kind string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		kind, args = args[0], args[1:]
	}
	if code := parseFlags(fs, args, stdout); code >= 0 {
		return code
	}
	for _, k := range site.Kinds {
		if k.String() == kind {
			req.Kind = k
		}
	}
	if req.Kind == 0 {
		fmt.Fprintf(stderr, "handbook new: want a kind: update, decision, objective, page, person or team; got %q\n", kind)
		return exitUsage
	}
	req.Now = time.Now()
	if date != "" {
		t, err := time.Parse("2006-01-02", date)
		if err != nil {
			fmt.Fprintf(stderr, "handbook new: --date %q: want YYYY-MM-DD\n", date)
			return exitUsage
		}
		// Noon, so that the day is the same in every time zone's calendar.
		req.Now = t.Add(12 * time.Hour)
	}
	if req.Folder != "" && req.Kind != site.KindPage {
		fmt.Fprintf(stderr, "handbook new: --folder is for pages; a new %s goes in %s/\n", req.Kind, req.Kind.Folder())
		return exitUsage
	}
	findSite(fs, stderr, map[string]*string{"content": &contentDir})
	if wd, err := os.Getwd(); err == nil && req.Kind == site.KindPage && req.Folder == "" {
		req.Folder = handbookFolder(contentDir, wd)
	}
	if req.Author == "" {
		req.Email, req.Name = gitIdentity(contentDir)
	}

	doc, err := scaffold.New(os.DirFS(contentDir), req)
	var usage *scaffold.Error
	switch {
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "handbook new: %v\n", err)
		return exitUsage
	case err != nil:
		fmt.Fprintf(stderr, "handbook new: %v\n", err)
		return exitContent
	}
	p := filepath.Join(contentDir, filepath.FromSlash(doc.Path))
	if err := createNew(p, doc.Data); err != nil {
		fmt.Fprintf(stderr, "handbook new: %v\n", err)
		return exitContent
	}
	fmt.Fprintln(stdout, p)
	return exitOK
}

// handbookFolder returns the folder under the content folder's handbook/
// that wd is in, in slash form: "operations/runbooks" for a writer in
// content/handbook/operations/runbooks/. It returns "" for handbook/
// itself and for a folder outside it.
func handbookFolder(contentDir, wd string) string {
	// A relative contentDir is relative to where the working folder
	// really is (see locateSite), not to the link that led there.
	if r, err := filepath.EvalSymlinks(wd); err == nil {
		wd = r
	}
	handbook := filepath.Join(contentDir, "handbook")
	if !filepath.IsAbs(handbook) {
		handbook = filepath.Join(wd, handbook)
	}
	if r, err := filepath.EvalSymlinks(handbook); err == nil {
		handbook = r
	}
	rel, err := filepath.Rel(handbook, wd)
	if err != nil || rel == "." || !filepath.IsLocal(rel) {
		return ""
	}
	return filepath.ToSlash(rel)
}

// createNew writes a file that must not exist yet.
func createNew(p string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; nothing was written (choose another --title)", p)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(p)
		return err
	}
	return f.Close()
}

// gitIdentity returns git's user.email and user.name as seen from dir,
// or empty strings when git or the settings are missing.
func gitIdentity(dir string) (email, name string) {
	return gitOutput(dir, "config", "user.email"), gitOutput(dir, "config", "user.name")
}

// gitOutput runs git in dir and returns what it printed, trimmed, or ""
// when git fails or takes over 5 seconds.
func gitOutput(dir string, args ...string) string {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}
