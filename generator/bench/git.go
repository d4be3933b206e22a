package main

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// With -git, each tool's copy of the corpus is a git repository in which
// every document was added by a commit of its own, as a team's pull
// requests add them; the handbook reads dates from that history, and Hugo
// builds with --enableGitInfo. Edits made before a build are committed,
// as they would be by the push that runs it in CI.

// gitAuthor commits for the benchmark.
var gitAuthor = []string{"-c", "user.name=Benchmark", "-c", "user.email=bench@example.com"}

// gitEpoch is the time of the first commit; each next one is an hour on.
const gitEpoch = 1_600_000_000

// commitCorpus makes dir a git repository holding the folder content
// (under dir), each file added by its own commit, in path order. It feeds
// git fast-import, which makes ten thousand commits in seconds.
func commitCorpus(dir, content string) error {
	if err := command(dir, "git", "init", "-q", "-b", "main"); err != nil {
		return err
	}
	var files []string
	err := filepath.WalkDir(content, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	slices.Sort(files)
	cmd := exec.Command("git", "fast-import", "--quiet")
	cmd.Dir, cmd.Stderr = dir, os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	w := bufio.NewWriter(in)
	for i, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			in.Close()
			cmd.Wait()
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		msg := "Add " + rel
		fmt.Fprintf(w, "commit refs/heads/main\ncommitter Benchmark <bench@example.com> %d +0000\ndata %d\n%s\n", gitEpoch+3600*i, len(msg), msg)
		fmt.Fprintf(w, "M 100644 inline %s\ndata %d\n", quotePath(rel), len(data))
		w.Write(data)
		w.WriteString("\n")
	}
	werr := w.Flush()
	in.Close()
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("git fast-import: %w", err)
	}
	if werr != nil {
		return werr
	}
	// The files are there already: the index only needs to know them.
	return command(dir, "git", "reset", "-q")
}

// quotePath quotes a path for fast-import when it needs it.
func quotePath(p string) string {
	if !strings.ContainsAny(p, "\"\\\n ") {
		return p
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(p) + `"`
}

// commitAll commits every change in dir's repository.
func commitAll(dir, msg string) error {
	if err := command(dir, "git", "add", "-A", "."); err != nil {
		return err
	}
	return command(dir, append(append([]string{"git"}, gitAuthor...), "commit", "-q", "-m", msg)...)
}
