// Package gittest makes git repositories for tests: files written and
// committed with a chosen author and date, so that history-based features
// can be tested on a history the test controls.
package gittest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Repo is a git repository in a temporary folder.
type Repo struct {
	t   testing.TB
	Dir string
}

// New makes an empty repository with a main branch, skipping the test
// when git is not installed. Global and system git settings are ignored.
func New(t testing.TB) *Repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	r := &Repo{t: t, Dir: t.TempDir()}
	r.Git("init", "-q", "-b", "main")
	return r
}

// Env is the environment git runs in: no global or system settings.
func Env() []string {
	return append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
}

// Git runs git in the repository and returns its output, failing the test
// on an error.
func (r *Repo) Git(args ...string) string {
	r.t.Helper()
	return r.run(nil, args...)
}

func (r *Repo) run(env []string, args ...string) string {
	r.t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = r.Dir
	cmd.Env = append(Env(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// Write writes files, by slash path relative to the repository.
func (r *Repo) Write(files map[string]string) {
	r.t.Helper()
	for name, data := range files {
		p := filepath.Join(r.Dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			r.t.Fatal(err)
		}
	}
}

// Remove deletes files, by slash path relative to the repository.
func (r *Repo) Remove(names ...string) {
	r.t.Helper()
	for _, name := range names {
		if err := os.Remove(filepath.Join(r.Dir, filepath.FromSlash(name))); err != nil {
			r.t.Fatal(err)
		}
	}
}

// Commit commits every change as the author ("Ana Souza <ana@example.com>")
// at the time, which is also the commit's committer time.
func (r *Repo) Commit(author string, at time.Time, msg string) {
	r.t.Helper()
	name, email, _ := strings.Cut(author, " <")
	email = strings.TrimSuffix(email, ">")
	r.Git("add", "-A")
	date := at.Format(time.RFC3339)
	r.run([]string{"GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date},
		"-c", "user.name="+name, "-c", "user.email="+email, "commit", "-q", "--allow-empty", "-m", msg)
}
