package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
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

// TestFindSite runs commands in a folder of the content, as a writer in
// content/updates/ does: they find the site above, take its folders
// there and print paths relative to here; with --content they look
// nowhere else, and they never look above a git repository.
func TestFindSite(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"content/site.toml":                   "base_url = \"https://example.com/\"\n",
		"content/people/ana.md":               "---\nname: Ana\n---\n",
		"content/updates/2026-11-20-ana-x.md": "---\nauthor: ana\ndate: 2026-11-20\n---\nSee [missing](nope.md).\n",
		"repo/.git/HEAD":                      "ref: refs/heads/main\n",
		"repo/notes/x.txt":                    "",
	})
	t.Chdir(filepath.Join(dir, "content", "updates"))
	code, out, errOut := runCmd(t, "check", "--now", "2026-11-25")
	if code != 1 || !strings.Contains(out+errOut, filepath.Join("..", "..", "content", "updates", "2026-11-20-ana-x.md")+":5:5: link to missing file nope.md") {
		t.Errorf("check in content/updates: exit %d (want 1), output:\n%s%s", code, out, errOut)
	}
	if !strings.Contains(errOut, "handbook check: using the site in ../..\n") {
		t.Errorf("check does not say where the site is: %q", errOut)
	}
	code, out, errOut = runCmd(t, "build", "--now", "2026-11-25")
	if code != 0 {
		t.Fatalf("build in content/updates: exit %d, stderr:\n%s", code, errOut)
	}
	if !strings.HasSuffix(out, "→ "+filepath.Join("..", "..", "public")+"/\n") {
		t.Errorf("build summary %q, want the site's public/", out)
	}
	for _, p := range []string{"public/index.html", ".cache/handbook"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Errorf("build in content/updates: %v", err)
		}
	}
	if _, err := os.Stat("public"); err == nil {
		t.Errorf("build in content/updates wrote public/ there")
	}
	// Told where the content is, a command reads that.
	if code, _, errOut := runCmd(t, "check", "--content", "nowhere"); code == 0 || strings.Contains(errOut, "using the site") {
		t.Errorf("check --content nowhere: exit %d, stderr %q", code, errOut)
	}
	// A repository of its own, inside the site's folder: not the site's.
	t.Chdir(filepath.Join(dir, "repo", "notes"))
	if code, _, errOut := runCmd(t, "check"); code == 0 || strings.Contains(errOut, "using the site") {
		t.Errorf("check in another repository: exit %d, stderr %q", code, errOut)
	}
}
