package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/handbook/handbook"
	"github.com/handbook/handbook/generator/scaffold"
)

func runInit(args []string, stdout, stderr io.Writer) int {
	flags := newFlags("init", `handbook init [--example] [--base-url URL] [DIR]

Start a new handbook in DIR (default: the current folder): content/ with
site.toml (every key explained), you as its first person (from git's
user.name and user.email), one team, a handbook landing page, a first
check-in dated today, decision 0001 "Record decisions", an objective for
this quarter; GitHub workflows that check pull requests and publish with
GitHub Pages, netlify.toml, and a .gitignore. It builds without a warning.

With --example, write the full example site (Northwind, seven people and
three teams) instead, to see every feature at work.

Nothing is overwritten: when any of the files exists, init lists them and
writes nothing.

site.toml's base_url is --base-url, else the GitHub Pages address of the
folder's git remote "origin" when it is on GitHub, else the address
handbook serve uses (http://127.0.0.1:1313/): change it to where you
publish. The workflows pass the real address with --base-url.`, stdout, stderr)
	example := flags.Bool("example", false, "write the full Northwind example instead of a small new site")
	baseURL := flags.String("base-url", "", "the `URL` the site is published at, for site.toml's base_url")
	dir, args := splitDir(args)
	if code := parseFlags(flags, args, stdout); code >= 0 {
		return code
	}
	info, _ := debug.ReadBuildInfo()
	st := scaffold.Starter{Title: siteTitle(dir), Now: time.Now(), Version: installVersion(info)}
	var notes []string
	if st.Version == "" {
		notes = append(notes, "This handbook was built from source, so the workflows and netlify.toml install\n"+
			"handbook@latest: set HANDBOOK_VERSION in them to a released version, to pin it.")
	}

	var files []scaffold.File
	var err error
	if *example {
		files, err = scaffold.Example(handbook.Example(), st)
	} else {
		var note string
		st.Email, st.Name, note = identity(gitConfig(existingParent(dir)), accountName)
		if note != "" {
			notes = append(notes, note)
		}
		var zone string
		zone, note = localZone(os.Getenv, os.ReadFile, os.Readlink)
		if note != "" {
			notes = append(notes, note)
		}
		st.Timezone, _ = time.LoadLocation(zone)
		st.BaseURL, note = initBaseURL(*baseURL, gitRemote(existingParent(dir)))
		if note != "" {
			notes = append(notes, note)
		}
		files, err = scaffold.Site(st)
	}
	if err != nil {
		fmt.Fprintf(stderr, "handbook init: %v\n", err)
		return exitContent
	}

	// Check every file first, so that init writes all or nothing.
	var conflicts []string
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if _, err := os.Lstat(p); !errors.Is(err, fs.ErrNotExist) {
			conflicts = append(conflicts, p)
		}
	}
	if len(conflicts) > 0 {
		fmt.Fprintf(stderr, "handbook init: %s already in the way; nothing was written:\n", count(len(conflicts), "file is"))
		for _, c := range conflicts {
			fmt.Fprintf(stderr, "\t%s\n", c)
		}
		fmt.Fprintf(stderr, "Move them aside, or run handbook init in an empty folder: handbook init NEW-FOLDER\n")
		return exitContent
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := createNew(p, f.Data); err != nil {
			fmt.Fprintf(stderr, "handbook init: %v\n", err)
			return exitContent
		}
		fmt.Fprintln(stdout, "wrote", p)
	}

	what := "A new handbook is"
	if *example {
		what = "The Northwind example is"
	}
	fmt.Fprintf(stdout, "\n%s ready in %s. Next:\n\n", what, dir)
	if dir != "." {
		fmt.Fprintf(stdout, "\tcd %s\n", shellQuote(dir))
	}
	fmt.Fprint(stdout, `	handbook serve        # read it at http://127.0.0.1:1313 while you edit content/
	handbook new update   # write a check-in (or: new page, decision, person, team)
	git init -b main && git add -A && git commit -m "Start our handbook"

Then push to GitHub. .github/workflows/handbook.yml checks every pull request;
pages.yml publishes with GitHub Pages once Settings > Pages > Source is set to
GitHub Actions. On Netlify, connect the repository: it reads netlify.toml.
Delete the deployment files you do not use.
`)
	for _, n := range notes {
		fmt.Fprintf(stdout, "\nNote: %s\n", n)
	}
	return exitOK
}

// splitDir takes the optional DIR argument from before or after the
// flags, so that both "init site --example" and "init --example site"
// work.
func splitDir(args []string) (dir string, rest []string) {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		return args[0], args[1:]
	}
	if n := len(args); n > 0 && !strings.HasPrefix(args[n-1], "-") && (n < 2 || args[n-2] != "--") {
		return args[n-1], args[:n-1]
	}
	return ".", args
}

// siteTitle names a site after its folder: "acme" gives "Acme Handbook",
// "acme-handbook" gives "Acme Handbook".
func siteTitle(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "Handbook"
	}
	words := strings.FieldsFunc(filepath.Base(abs), func(r rune) bool { return r == '-' || r == '_' || r == '.' || unicode.IsSpace(r) })
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	title := strings.Join(words, " ")
	if title == "" || title == "/" {
		return "Handbook"
	}
	if !strings.Contains(strings.ToLower(title), "handbook") {
		title += " Handbook"
	}
	return title
}

// existingParent returns dir or its nearest existing parent, for git to
// run in: init's folder may not exist yet.
func existingParent(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
		if filepath.Dir(d) == d {
			return "."
		}
	}
}

// gitConfig returns a function reading git's user.email and user.name as
// seen from dir, or nil when git is not installed.
func gitConfig(dir string) func() (email, name string) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil
	}
	return func() (string, string) { return gitIdentity(dir) }
}

// identity returns the first person's email and name from git (nil when
// git is not installed), or when git or its settings are missing, the
// account's name and a note saying so.
func identity(git func() (email, name string), account func() string) (email, name, note string) {
	if git == nil {
		name = account()
		return "", name, fmt.Sprintf("git is not installed, so the first person is %q (your account's name), with no email.\n"+
			"Install git, then correct content/people/ by hand.", name)
	}
	email, name = git()
	if name != "" {
		if email == "" {
			note = "git config user.email is not set, so the first person has no email: add one to\n" +
				"their page, so that \"handbook new\" knows who is writing."
		}
		return email, name, note
	}
	name = account()
	return email, name, fmt.Sprintf("git config user.name is not set, so the first person is %q (your account's name).\n"+
		"Set it with: git config --global user.name \"Your Name\"; and correct content/people/ by hand.", name)
}

// accountName is the name of the user running handbook: the account's
// full name, or its login, or "Editor" when neither is known.
func accountName() string {
	if u, err := user.Current(); err == nil {
		if full, _, _ := strings.Cut(u.Name, ","); strings.TrimSpace(full) != "" && scaffold.Slug(full) != "" {
			return strings.TrimSpace(full)
		}
		if scaffold.Slug(u.Username) != "" {
			return u.Username
		}
	}
	if s := os.Getenv("USER"); scaffold.Slug(s) != "" {
		return s
	}
	return "Editor"
}

// localZone returns the IANA name of the machine's time zone: from $TZ,
// /etc/timezone or the target of the /etc/localtime link. When none names
// a zone Go knows, it returns "UTC" and a note saying so.
func localZone(getenv func(string) string, readFile func(string) ([]byte, error), readlink func(string) (string, error)) (zone, note string) {
	valid := func(name string) bool {
		name = strings.TrimSpace(name)
		if name == "" || name == "Local" || strings.HasPrefix(name, "/") {
			return false
		}
		_, err := time.LoadLocation(name)
		return err == nil
	}
	if tz := strings.TrimPrefix(getenv("TZ"), ":"); valid(tz) {
		return strings.TrimSpace(tz), ""
	}
	if data, err := readFile("/etc/timezone"); err == nil && valid(string(data)) {
		return strings.TrimSpace(string(data)), ""
	}
	if target, err := readlink("/etc/localtime"); err == nil {
		if _, name, ok := strings.Cut(target, "zoneinfo/"); ok && valid(name) {
			return name, ""
		}
	}
	return "UTC", "could not tell this machine's time zone, so the site and the first person use UTC:\n" +
		"change timezone in content/site.toml and content/people/ to an IANA name such as \"Europe/Berlin\"."
}

// shellQuote quotes a path for a shell when it needs it.
func shellQuote(s string) string {
	if strings.IndexFunc(s, func(r rune) bool {
		return !(r == '/' || r == '.' || r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// localBaseURL is the address handbook serve listens on by default.
const localBaseURL = "http://127.0.0.1:1313/"

// initBaseURL returns the base_url a new site starts with: flag when set,
// else the GitHub Pages address of remote (the URL of git's "origin"),
// else the local address, with a note saying to change it. A site
// always has one, so that its first build has no warning and its feeds
// never carry links without a host.
func initBaseURL(flag, remote string) (url, note string) {
	if flag != "" {
		return flag, ""
	}
	if u := pagesURL(remote); u != "" {
		return u, fmt.Sprintf("base_url is %s, where GitHub Pages publishes this repository;\n"+
			"change it in content/site.toml if you publish elsewhere.", u)
	}
	return localBaseURL, "base_url is " + localBaseURL + ", handbook serve's address: set it in content/site.toml to\n" +
		"where you publish (the workflows pass the real address with --base-url)."
}

// pagesURL returns the GitHub Pages address of a repository on GitHub,
// given its remote URL in any of git's forms, or "" for other remotes.
func pagesURL(remote string) string {
	r := strings.TrimSuffix(strings.TrimSpace(remote), "/")
	r = strings.TrimSuffix(r, ".git")
	var rest string
	for _, prefix := range []string{"https://github.com/", "http://github.com/", "ssh://git@github.com/", "git@github.com:"} {
		if after, ok := strings.CutPrefix(r, prefix); ok {
			rest = after
			break
		}
	}
	owner, repo, ok := strings.Cut(rest, "/")
	if !ok || owner == "" || repo == "" || strings.Contains(repo, "/") {
		return ""
	}
	owner = strings.ToLower(owner)
	if strings.EqualFold(repo, owner+".github.io") {
		return "https://" + owner + ".github.io/"
	}
	return "https://" + owner + ".github.io/" + repo + "/"
}

// gitRemote returns the URL of dir's git remote "origin", or "".
func gitRemote(dir string) string {
	if _, err := exec.LookPath("git"); err != nil {
		return ""
	}
	return gitOutput(dir, "remote", "get-url", "origin")
}
