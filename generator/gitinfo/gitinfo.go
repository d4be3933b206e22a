// Package gitinfo reads, in one pass over a folder's git history, when each
// of its files last changed and who changed it, so that handbook pages can
// show "changed 3 days ago by Ana" without a date in their front matter.
//
// Running git is best effort: without git, or outside a repository, there
// is simply no history. A shallow clone (CI checks out one commit by
// default) would date every file to the same commit, so its history is not
// used, and the build warns once.
package gitinfo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/handbook/handbook/generator/diag"
	"github.com/handbook/handbook/generator/site"
)

// Change is the last commit that touched a file.
type Change struct {
	Time   time.Time // committer time: when the change landed
	Author string
	Email  string
}

// History is what Read learned about a folder.
type History struct {
	// Files maps the slash-separated path of each file, relative to the
	// folder, to its last change. Files never committed are missing.
	Files map[string]Change
	// Shallow is true in a shallow clone, whose history is not used.
	Shallow bool
	// Err says why there is no history: ErrNoGit, ErrNotRepository, or a
	// failure of git itself.
	Err error
}

// Reasons for having no history that are not worth a warning.
var (
	ErrNoGit         = errors.New("git is not installed")
	ErrNotRepository = errors.New("not in a git repository")
)

// Read reads the history of the folder dir with one git log, however many
// files it has.
func Read(ctx context.Context, dir string) *History {
	out, err := git(ctx, dir, "rev-parse", "--is-shallow-repository")
	if err != nil {
		return &History{Err: err}
	}
	if strings.TrimSpace(string(out)) == "true" {
		return &History{Shallow: true}
	}
	// %x1e starts each commit, %x1f separates its fields; -z ends each
	// file name with NUL, so names need no unquoting. --relative limits
	// the log to dir and prints names relative to it.
	out, err = git(ctx, dir, "-c", "log.showSignature=false", "log", "-z", "--no-renames", "--name-only", "--relative",
		"--format=%x1e%ct%x1f%an%x1f%ae", "--", ".")
	if err != nil {
		return &History{Err: err}
	}
	return &History{Files: parseLog(out)}
}

// parseLog reads git log's output, newest commit first: the first commit
// that names a file is its last change.
func parseLog(out []byte) map[string]Change {
	files := map[string]Change{}
	for _, commit := range bytes.Split(out, []byte{0x1e}) {
		header, names, ok := bytes.Cut(commit, []byte{0})
		if !ok {
			continue
		}
		fields := strings.Split(string(header), "\x1f")
		if len(fields) != 3 {
			continue
		}
		secs, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			continue
		}
		c := Change{Time: time.Unix(secs, 0).UTC(), Author: fields[1], Email: fields[2]}
		for _, name := range bytes.Split(names, []byte{0}) {
			name = bytes.TrimLeft(name, "\n")
			if len(name) == 0 {
				continue
			}
			if _, seen := files[string(name)]; !seen {
				files[string(name)] = c
			}
		}
	}
	return files
}

// git runs git in dir and returns its standard output.
func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	switch {
	case errors.Is(err, exec.ErrNotFound):
		return nil, ErrNoGit
	case err != nil && strings.Contains(stderr.String(), "not a git repository"):
		return nil, ErrNotRepository
	case err != nil:
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("git %s: %s", args[len(args)-1], msg)
	}
	return out, nil
}

// Apply sets the last change of every document in c that git knows: its
// date, in the site's time zone, and who made it, named as the person
// whose email matches when there is one. dir names the content folder in
// diagnostics. A shallow clone or a failing git gives one warning; dates
// then stay those of the front matter.
func (h *History) Apply(c *site.Content, dir string) diag.List {
	var diags diag.List
	switch {
	case h.Shallow:
		diags.Warnf(diag.Pos{File: dir}, "the git clone is shallow, so page dates come from front matter; fetch the whole history (actions/checkout with fetch-depth: 0) for dates from git")
		return diags
	case errors.Is(h.Err, ErrNoGit), errors.Is(h.Err, ErrNotRepository):
		return nil
	case h.Err != nil:
		diags.Warnf(diag.Pos{File: dir}, "no dates from git history: %v", h.Err)
		return diags
	}
	loc := c.Config.Timezone
	if loc == nil {
		loc = time.UTC
	}
	for _, d := range c.Docs() {
		ch, ok := h.Files[d.Path]
		if !ok {
			continue
		}
		d.Modified = ch.Time.In(loc)
		d.ModifiedBy = ch.Author
		if p := site.MatchPerson(c.People, ch.Email, ch.Author); p != nil {
			d.ModifiedBy = p.Name
		}
	}
	return nil
}
