package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/handbook/handbook/generator/sitetest"
)

func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestHelp(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"--help"}, {"help"}, {"build", "--help"}, {"help", "build"}, {"build", "-h"}} {
		code, out, _ := runCmd(t, args...)
		if code != 0 || !strings.Contains(out, "Usage: handbook") && !strings.Contains(out, "Usage:") {
			t.Errorf("handbook %s: exit %d, stdout %q", strings.Join(args, " "), code, out)
		}
	}
	_, out, _ := runCmd(t, "build", "--help")
	for _, flag := range []string{"-content", "-layouts", "-out", "-base-url", "-drafts", "-now"} {
		if !strings.Contains(out, flag) {
			t.Errorf("build --help does not mention %s", flag)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{}, {"bogus"}, {"build", "--bogus"}, {"build", "extra"}, {"build", "--now", "soon"}} {
		code, _, errOut := runCmd(t, args...)
		if code != 2 || errOut == "" {
			t.Errorf("handbook %s: exit %d (want 2), stderr %q", strings.Join(args, " "), code, errOut)
		}
	}
}

func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	sitetest.WriteFiles(t, dir, files)
	return dir
}

func TestBuildSummary(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, map[string]string{
		"content/site.toml":                   "base_url = \"https://example.com/\"\n",
		"content/people/ana.md":               "---\nname: Ana\n---\n",
		"content/updates/2026-11-20-ana-x.md": "---\nauthor: ana\ndate: 2026-11-20\n---\nSee [missing](nope.md).\n",
		"content/handbook/index.md":           "# Home\n",
	})
	code, out, errOut := runCmd(t, "build", "--cache", filepath.Join(dir, "cache"), "--content", filepath.Join(dir, "content"), "--out", filepath.Join(dir, "public"), "--layouts", filepath.Join(dir, "layouts"), "--now", "2026-11-25")
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	if !regexp.MustCompile(`^built \d+ pages, \d+ feed files, 1 warning in \d+(\.\d+)?m?s → .*public/\n$`).MatchString(out) {
		t.Errorf("summary line %q", out)
	}
	if !strings.Contains(errOut, "2026-11-20-ana-x.md:5:5: warning: link to missing file nope.md") {
		t.Errorf("warning not printed with its position: %q", errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "index.html")); err != nil {
		t.Errorf("no output: %v", err)
	}
}

func TestBuildErrors(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, map[string]string{
		"content/site.toml":                   "base_url = \"https://example.com/\"\n",
		"content/people/ana.md":               "---\nname: Ana\n---\n",
		"content/updates/2026-11-20-ana-x.md": "---\nauthor: bob\ndate: 2026-11-20\nstatus: fine\n---\n",
		"content/decisions/0001-x.md":         "---\ndate: 2026-13-01\n---\n# X\n",
	})
	code, out, errOut := runCmd(t, "build", "--cache", filepath.Join(dir, "cache"), "--content", filepath.Join(dir, "content"), "--out", filepath.Join(dir, "public"), "--layouts", filepath.Join(dir, "layouts"))
	if code != 1 || out != "" {
		t.Fatalf("exit %d (want 1), stdout %q", code, out)
	}
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	prefix := filepath.Join(dir, "content")
	want := []string{
		prefix + "/decisions/0001-x.md:1:1: warning: decision has no status (want proposed, accepted, rejected, deprecated, superseded)",
		prefix + `/decisions/0001-x.md:2:7: date: impossible date "2026-13-01"`,
		prefix + `/updates/2026-11-20-ana-x.md:2:9: unknown author "bob" (people are ana); add people/bob.md for them: handbook new person --title "bob"`,
		prefix + `/updates/2026-11-20-ana-x.md:4:9: unknown status "fine" (want on-track, at-risk, off-track)`,
		"build failed: 3 errors, 1 warning; " + filepath.Join(dir, "public") + " left unchanged",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("stderr:\n%s\nwant:\n%s", errOut, strings.Join(want, "\n"))
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Errorf("a failed build wrote output")
	}
}

// TestLocateSite: a command run in a folder of the content, as a writer
// in content/updates/ runs check, finds the site above and takes the
// folders not given there, relative to here; it looks nowhere when told
// where the content is or when it is in a site's folder, never above a
// git repository, and from where a linked folder really is.
func TestLocateSite(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, map[string]string{
		"content/site.toml":            "base_url = \"https://example.com/\"\n",
		"content/updates/x.md":         "",
		".cache/handbook/content/05/x": "", // the cache has a content folder of its own
		"repo/.git/HEAD":               "ref: refs/heads/main\n",
		"repo/notes/x.txt":             "",
	})
	if err := os.Symlink(filepath.Join(dir, "content", "updates"), filepath.Join(dir, "repo", "linked")); err != nil {
		t.Fatal(err)
	}
	up := filepath.Join("..", "..")
	for _, tc := range []struct {
		wd   string
		args []string
		// want is content, layouts, out and cache after; say what it
		// prints.
		want []string
		say  string
	}{
		{"content/updates", nil, []string{up + "/content", up + "/layouts", up + "/public", up + "/.cache/handbook"}, "handbook build: using the site in ../..\n"},
		{".cache/handbook", nil, []string{up + "/content", up + "/layouts", up + "/public", up + "/.cache/handbook"}, "handbook build: using the site in ../..\n"},
		{"content/updates", []string{"--out", "/tmp/x", "--cache", "c"}, []string{up + "/content", up + "/layouts", "/tmp/x", "c"}, "handbook build: using the site in ../..\n"},
		{"repo/linked", nil, []string{up + "/content", up + "/layouts", up + "/public", up + "/.cache/handbook"}, "handbook build: using the site in ../..\n"},
		{".", nil, []string{"content", "layouts", "public", ".cache/handbook"}, ""},
		{"content/updates", []string{"--content", "nowhere"}, []string{"nowhere", "layouts", "public", ".cache/handbook"}, ""},
		{"repo/notes", nil, []string{"content", "layouts", "public", ".cache/handbook"}, ""},
	} {
		fs := flag.NewFlagSet("build", flag.ContinueOnError)
		var content, layouts, out, cache string
		fs.StringVar(&content, "content", "content", "")
		fs.StringVar(&layouts, "layouts", "layouts", "")
		fs.StringVar(&out, "out", "public", "")
		fs.StringVar(&cache, "cache", ".cache/handbook", "")
		if err := fs.Parse(tc.args); err != nil {
			t.Fatal(err)
		}
		var said strings.Builder
		locateSite(fs, &said, filepath.Join(dir, tc.wd), map[string]*string{"content": &content, "layouts": &layouts, "out": &out, "cache": &cache})
		if got := []string{content, layouts, out, cache}; !slices.Equal(got, tc.want) || said.String() != tc.say {
			t.Errorf("in %s with %q: folders %q, said %q; want %q, %q", tc.wd, tc.args, got, said.String(), tc.want, tc.say)
		}
	}
}
