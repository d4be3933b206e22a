package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/handbook/handbook"
)

// TestInitBuildsClean starts a site in a folder that does not exist yet,
// builds it and checks it: no warning, no error, and every kind of
// document there.
func TestInitBuildsClean(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	dir := filepath.Join(root, "acme")
	code, out, errOut := runCmd(t, "init", dir)
	if code != 0 {
		t.Fatalf("init: exit %d\n%s", code, errOut)
	}
	for _, want := range []string{"wrote " + filepath.Join(dir, "content", "site.toml"), "cd " + dir, "handbook serve", "git init"} {
		if !strings.Contains(out, want) {
			t.Errorf("init's output lacks %q:\n%s", want, out)
		}
	}
	for _, p := range []string{"content/site.toml", "content/teams/core.md", "content/handbook/_index.md",
		"content/decisions/0001-record-decisions.md", "content/objectives/make-the-handbook-where-we-work.md",
		".github/workflows/handbook.yml", ".github/workflows/pages.yml", "netlify.toml", ".gitignore"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Errorf("init did not write %s: %v", p, err)
		}
	}
	for _, folder := range []string{"people", "updates"} {
		if m, _ := filepath.Glob(filepath.Join(dir, "content", folder, "*.md")); len(m) != 1 {
			t.Errorf("content/%s holds %v, want one document", folder, m)
		}
	}
	site, _ := os.ReadFile(filepath.Join(dir, "content", "site.toml"))
	// A folder that is not in git, or has no GitHub remote, starts with
	// handbook serve's address, so that the first build has no warning.
	if !strings.Contains(string(site), "\nbase_url = \"http://127.0.0.1:1313/\"") {
		t.Errorf("site.toml does not set base_url to the local address:\n%s", site)
	}
	if !strings.Contains(string(site), `title = "Acme Handbook"`) {
		t.Errorf("site.toml does not name the site after its folder:\n%s", site)
	}

	content := filepath.Join(dir, "content")
	code, out, errOut = runCmd(t, "build", "--content", content, "--layouts", filepath.Join(root, "none"),
		"--out", filepath.Join(dir, "public"), "--cache", "")
	if code != 0 || errOut != "" || !strings.Contains(out, " 0 warnings ") {
		t.Errorf("build: exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	code, out, errOut = runCmd(t, "check", "--strict", "--cache", filepath.Join(root, "cache"), "--content", content, "--layouts", filepath.Join(root, "none"))
	if code != 0 || !strings.Contains(out+errOut, "0 errors, 0 warnings") {
		t.Errorf("check --strict: exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	for _, p := range []string{"index.html", "decisions/0001-record-decisions/index.html", "objectives/make-the-handbook-where-we-work/index.html", "teams/core/index.html"} {
		if _, err := os.Stat(filepath.Join(dir, "public", p)); err != nil {
			t.Errorf("the built site lacks %s: %v", p, err)
		}
	}
}

// TestInitRefusesToOverwrite puts one of init's files in the way: init
// names it, fails, and writes nothing at all.
func TestInitRefusesToOverwrite(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	mine := filepath.Join(dir, "netlify.toml")
	if err := os.WriteFile(mine, []byte("# mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, "init", dir)
	if code != exitContent || !strings.Contains(errOut, mine) || !strings.Contains(errOut, "nothing was written") || out != "" {
		t.Errorf("init over netlify.toml: exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("init wrote files although it refused: %v", ents)
	}
	if data, _ := os.ReadFile(mine); string(data) != "# mine\n" {
		t.Errorf("netlify.toml was changed: %q", data)
	}

	// A second init over a complete site lists every file.
	site := filepath.Join(t.TempDir(), "site")
	if code, _, errOut := runCmd(t, "init", site); code != 0 {
		t.Fatalf("init: %s", errOut)
	}
	code, _, errOut = runCmd(t, "init", site)
	if n := strings.Count(errOut, "\n\t"); code != exitContent || n != 11 {
		t.Errorf("second init: exit %d, %d conflicts listed, want 11:\n%s", code, n, errOut)
	}
}

// TestInitExample writes the Northwind example: the same content folder
// as this repository's, byte for byte, and it builds.
func TestInitExample(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	code, out, errOut := runCmd(t, "init", "--example", dir)
	if code != 0 || !strings.Contains(out, "Northwind") {
		t.Fatalf("init --example: exit %d\n%s%s", code, out, errOut)
	}
	want := 0
	err := fs.WalkDir(handbook.Example(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		want++
		orig, err := os.ReadFile(filepath.Join(repoRoot, "content", filepath.FromSlash(p)))
		if err != nil {
			return err
		}
		got, err := os.ReadFile(filepath.Join(dir, "content", filepath.FromSlash(p)))
		if err != nil || !bytes.Equal(got, orig) {
			t.Errorf("content/%s differs from the repository's: %v", p, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var repoFiles int
	filepath.WalkDir(filepath.Join(repoRoot, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			repoFiles++
		}
		return err
	})
	if want < 90 || want != repoFiles {
		t.Errorf("the example holds %d files, the repository's content folder %d", want, repoFiles)
	}
	if _, err := os.Stat(filepath.Join(dir, ".github", "workflows", "pages.yml")); err != nil {
		t.Errorf("--example wrote no Pages workflow: %v", err)
	}
	code, out, errOut = runCmd(t, "build", "--content", filepath.Join(dir, "content"), "--layouts", filepath.Join(dir, "none"),
		"--out", filepath.Join(dir, "public"), "--cache", "", "--now", "2026-11-25")
	if code != 0 {
		t.Errorf("build the example: exit %d\n%s%s", code, out, errOut)
	}
}

func TestInitUsage(t *testing.T) {
	t.Parallel()
	code, out, _ := runCmd(t, "init", "--help")
	if code != 0 || !strings.Contains(out, "--example") || !strings.Contains(out, "Usage: handbook init") {
		t.Errorf("init --help: exit %d\n%s", code, out)
	}
	if code, _, _ := runCmd(t, "init", "a", "b"); code != exitUsage {
		t.Errorf("init a b: exit %d, want %d", code, exitUsage)
	}
}

func TestSplitDir(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		dir  string
		rest []string
	}{
		{nil, ".", nil},
		{[]string{"site"}, "site", []string{}},
		{[]string{"site", "--example"}, "site", []string{"--example"}},
		{[]string{"--example", "site"}, "site", []string{"--example"}},
		{[]string{"--example"}, ".", []string{"--example"}},
	} {
		dir, rest := splitDir(tc.args)
		if dir != tc.dir || strings.Join(rest, " ") != strings.Join(tc.rest, " ") {
			t.Errorf("splitDir(%q) = %q, %q, want %q, %q", tc.args, dir, rest, tc.dir, tc.rest)
		}
	}
}

func TestSiteTitle(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ dir, want string }{
		{"/work/acme", "Acme Handbook"},
		{"/work/acme-handbook", "Acme Handbook"},
		{"/work/team_docs", "Team Docs Handbook"},
		{"/work/Handbook", "Handbook"},
		{"/", "Handbook"},
	} {
		if got := siteTitle(tc.dir); got != tc.want {
			t.Errorf("siteTitle(%q) = %q, want %q", tc.dir, got, tc.want)
		}
	}
}

func TestLocalZone(t *testing.T) {
	t.Parallel()
	none := func(string) ([]byte, error) { return nil, fs.ErrNotExist }
	noLink := func(string) (string, error) { return "", fs.ErrNotExist }
	env := func(tz string) func(string) string {
		return func(k string) string {
			if k == "TZ" {
				return tz
			}
			return ""
		}
	}
	for _, tc := range []struct {
		name     string
		getenv   func(string) string
		readFile func(string) ([]byte, error)
		readlink func(string) (string, error)
		want     string
		noted    bool
	}{
		{"TZ", env("Asia/Tokyo"), none, noLink, "Asia/Tokyo", false},
		{"TZ with colon", env(":Europe/Berlin"), none, noLink, "Europe/Berlin", false},
		{"/etc/timezone", env(""), func(string) ([]byte, error) { return []byte("America/Sao_Paulo\n"), nil }, noLink, "America/Sao_Paulo", false},
		{"/etc/localtime", env("Not/AZone"), none, func(string) (string, error) { return "/usr/share/zoneinfo/Africa/Lagos", nil }, "Africa/Lagos", false},
		{"nothing", env(""), none, noLink, "UTC", true},
		{"a link elsewhere", env(""), none, func(string) (string, error) { return "/etc/zones/mine", nil }, "UTC", true},
		{"read error", env(""), func(string) ([]byte, error) { return nil, errors.New("denied") }, noLink, "UTC", true},
	} {
		got, note := localZone(tc.getenv, tc.readFile, tc.readlink)
		if got != tc.want || (note != "") != tc.noted {
			t.Errorf("%s: localZone = %q, note %q; want %q, note %v", tc.name, got, note, tc.want, tc.noted)
		}
	}
}

// TestInitNextCommands checks that the commands init prints are commands
// handbook has.
func TestInitNextCommands(t *testing.T) {
	t.Parallel()
	_, out, errOut := runCmd(t, "init", filepath.Join(t.TempDir(), "s"))
	for _, m := range regexp.MustCompile(`(?m)^\thandbook (\w+)`).FindAllStringSubmatch(out, -1) {
		if code, _, _ := runCmd(t, m[1], "--help"); code != 0 {
			t.Errorf("init suggests handbook %s, which has no --help: exit %d", m[1], code)
		}
	}
	if errOut != "" {
		t.Errorf("init wrote to stderr: %s", errOut)
	}
}

func TestIdentity(t *testing.T) {
	t.Parallel()
	account := func() string { return "ana" }
	git := func(email, name string) func() (string, string) {
		return func() (string, string) { return email, name }
	}
	for _, tc := range []struct {
		name               string
		git                func() (string, string)
		wantEmail, wantWho string
		note               string // part of the note, or "" for none
	}{
		{"git set up", git("ana@example.com", "Ana Souza"), "ana@example.com", "Ana Souza", ""},
		{"no email", git("", "Ana Souza"), "", "Ana Souza", "user.email is not set"},
		{"no name", git("ana@example.com", ""), "ana@example.com", "ana", "user.name is not set"},
		{"no git", nil, "", "ana", "git is not installed"},
	} {
		email, who, note := identity(tc.git, account)
		if email != tc.wantEmail || who != tc.wantWho || (tc.note == "") != (note == "") || !strings.Contains(note, tc.note) {
			t.Errorf("%s: identity = %q, %q, note %q; want %q, %q, note with %q", tc.name, email, who, note, tc.wantEmail, tc.wantWho, tc.note)
		}
	}
}

func TestInitBaseURL(t *testing.T) {
	t.Parallel()
	tests := []struct{ flag, remote, want string }{
		{"https://docs.acme.example/", "git@github.com:acme/handbook.git", "https://docs.acme.example/"},
		{"", "git@github.com:Acme/handbook.git", "https://acme.github.io/handbook/"},
		{"", "https://github.com/acme/handbook", "https://acme.github.io/handbook/"},
		{"", "https://github.com/acme/handbook.git/", "https://acme.github.io/handbook/"},
		{"", "ssh://git@github.com/acme/handbook.git", "https://acme.github.io/handbook/"},
		{"", "https://github.com/Acme/acme.github.io.git", "https://acme.github.io/"},
		{"", "https://gitlab.com/acme/handbook.git", localBaseURL},
		{"", "https://github.com/acme", localBaseURL},
		{"", "", localBaseURL},
	}
	for _, tt := range tests {
		got, note := initBaseURL(tt.flag, tt.remote)
		if got != tt.want {
			t.Errorf("initBaseURL(%q, %q) = %q, want %q", tt.flag, tt.remote, got, tt.want)
		}
		if (note == "") != (tt.flag != "") {
			t.Errorf("initBaseURL(%q, %q): note %q; want one exactly when the address was not given", tt.flag, tt.remote, note)
		}
	}
}
