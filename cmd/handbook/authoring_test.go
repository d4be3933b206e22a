package main

import (
	"cmp"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/handbook/handbook/generator/gitinfo/gittest"
)

func TestAuthoringHelp(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"new", "check", "serve", "summary"} {
		code, out, errOut := runCmd(t, name, "--help")
		if code != 0 || !strings.HasPrefix(out, "Usage: handbook "+name) || errOut != "" {
			t.Errorf("handbook %s --help: exit %d, stdout %q, stderr %q", name, code, out, errOut)
		}
	}
	_, out, _ := runCmd(t, "--help")
	for _, name := range []string{"new", "check", "serve", "summary"} {
		if !regexp.MustCompile(`(?m)^\t` + name + ` +\S`).MatchString(out) {
			t.Errorf("handbook --help does not list %s", name)
		}
	}
}

func TestAuthoringUsageErrors(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, map[string]string{"content/people/ana.md": "---\nname: Ana\n---\n"})
	content := filepath.Join(dir, "content")
	for _, args := range [][]string{
		{"new"}, {"new", "memo", "--title", "x"}, {"new", "decision", "--content", content, "--author", "ana"},
		{"new", "update", "--content", content, "--author", "bob"}, {"new", "update", "--date", "tomorrow"},
		{"new", "update", "extra", "--author", "ana"}, {"new", "update", "--folder", "ops", "--author", "ana"},
		{"new", "page", "--content", content, "--title", "x", "--folder", "../updates"},
		{"check", "--format", "xml"}, {"check", "extra"}, {"check", "--now", "soon"},
		{"summary"}, {"summary", "--base", "main", "extra"},
		{"serve", "--now", "soon"}, {"serve", "extra"},
	} {
		code, _, errOut := runCmd(t, args...)
		if code != 2 || errOut == "" {
			t.Errorf("handbook %s: exit %d (want 2), stderr %q", strings.Join(args, " "), code, errOut)
		}
	}
}

// TestNewCommand writes documents into a site in a git repository whose
// user.email is Ana's, so that she is the author, and checks the result.
func TestNewCommand(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	r.Write(map[string]string{
		"content/site.toml":         "base_url = \"https://example.com/\"\n",
		"content/people/ana.md":     "---\nname: Ana Souza\nteam: platform\nemail: ana@example.com\n---\n",
		"content/teams/platform.md": "---\nname: Platform\n---\n",
	})
	r.Git("config", "user.email", "ana@example.com")
	content := filepath.Join(r.Dir, "content")

	code, out, errOut := runCmd(t, "new", "update", "--content", content, "--title", "Batched writes", "--date", "2026-11-25")
	want := filepath.Join(content, "updates", "2026-11-25-ana-batched-writes.md") + "\n"
	if code != 0 || out != want {
		t.Fatalf("new update: exit %d, stdout %q (want %q), stderr %q", code, out, want, errOut)
	}
	data, err := os.ReadFile(strings.TrimSpace(out))
	if err != nil || !strings.Contains(string(data), "\nauthor: ana\n") || !strings.Contains(string(data), "## Blockers") {
		t.Fatalf("the update:\n%s", data)
	}
	os.WriteFile(strings.TrimSpace(out), []byte("---\nauthor: ana\ndate: 2026-11-25\n---\nMine.\n"), 0o644)
	code, _, errOut = runCmd(t, "new", "update", "--content", content, "--title", "Batched writes", "--date", "2026-11-25")
	if code != 1 || !strings.Contains(errOut, "already exists") {
		t.Errorf("new over an existing file: exit %d, stderr %q", code, errOut)
	}
	if after, _ := os.ReadFile(strings.TrimSpace(out)); string(after) != "---\nauthor: ana\ndate: 2026-11-25\n---\nMine.\n" {
		t.Errorf("new overwrote a file:\n%s", after)
	}

	for i, wantName := range []string{"0001-use-go.md", "0002-use-go-again.md"} {
		title := []string{"Use Go", "Use Go again"}[i]
		code, out, errOut := runCmd(t, "new", "decision", "--content", content, "--title", title, "--date", "2026-11-25")
		if code != 0 || filepath.Base(strings.TrimSpace(out)) != wantName {
			t.Errorf("new decision %q: exit %d, stdout %q, stderr %q; want %s", title, code, out, errOut, wantName)
		}
	}
	for _, args := range [][]string{
		{"new", "objective", "--title", "Faster sync"},
		{"new", "page", "--title", "On call"},
		{"new", "person", "--title", "Zoe Park", "--team", "platform"},
		{"new", "team", "--title", "Growth", "--author", "ana"},
	} {
		if code, _, errOut := runCmd(t, append(args, "--content", content, "--date", "2026-11-25")...); code != 0 {
			t.Errorf("handbook %s: exit %d, stderr %q", strings.Join(args, " "), code, errOut)
		}
	}
	code, out, errOut = runCmd(t, "new", "page", "--content", content, "--title", "Rollback", "--folder", "operations/runbooks")
	if want := filepath.Join(content, "handbook", "operations", "runbooks", "rollback.md") + "\n"; code != 0 || out != want {
		t.Errorf("new page --folder: exit %d, stdout %q (want %q), stderr %q", code, out, want, errOut)
	}
	// New documents are valid, but their template text must be replaced
	// before they are published: check fails on it, and on nothing else.
	code, out, errOut = runCmd(t, "check", "--cache", filepath.Join(t.TempDir(), "cache"), "--content", content, "--layouts", filepath.Join(r.Dir, "layouts"), "--now", "2026-11-25", "--strict")
	if code != 1 {
		t.Errorf("check of untouched new documents: exit %d, want 1\n%s%s", code, out, errOut)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if !strings.Contains(line, "template text from handbook new is still here") {
			t.Errorf("check of new documents: %s", line)
		}
	}
	for _, name := range []string{"0001-use-go.md", "faster-sync.md", "on-call.md", "zoe-park.md", "growth.md", "rollback.md"} {
		if !strings.Contains(out, name+":") {
			t.Errorf("check does not flag the template text of %s:\n%s", name, out)
		}
	}
}

// TestHandbookFolder checks which handbook folder a page written from
// the working folder goes in: the one it is in, through a link too, and
// none from elsewhere.
func TestHandbookFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	for _, d := range []string{"handbook/operations/runbooks", "updates", "elsewhere"} {
		if err := os.MkdirAll(filepath.Join(content, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(dir, "runbooks")
	if err := os.Symlink(filepath.Join(content, "handbook", "operations", "runbooks"), link); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ wd, want, content string }{
		{filepath.Join(content, "handbook", "operations", "runbooks"), "operations/runbooks", ""},
		{filepath.Join(content, "handbook", "operations"), "operations", ""},
		{link, "operations/runbooks", ""},
		// The content folder as locateSite gives it from there: relative
		// to where the folder really is.
		{link, "operations/runbooks", "../../.."},
		{filepath.Join(content, "handbook"), "", ""},
		{filepath.Join(content, "updates"), "", ""},
		{dir, "", ""},
	} {
		c := cmp.Or(tc.content, content)
		if got := handbookFolder(c, tc.wd); got != tc.want {
			t.Errorf("handbookFolder(%s, %s) = %q, want %q", c, tc.wd, got, tc.want)
		}
	}
}

func TestCheckCommand(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, map[string]string{
		"content/site.toml":                   "base_url = \"https://example.com/\"\n",
		"content/people/ana.md":               "---\nname: Ana\n---\n",
		"content/updates/2026-11-20-ana-x.md": "---\nauthor: bob\ndate: 2026-11-20\n---\nHi.\n",
		"content/handbook/index.md":           "---\nreviewed: 2025-01-01\nreview_every: 6 months\n---\n# Home\n",
	})
	content := filepath.Join(dir, "content")
	args := []string{"check", "--cache", filepath.Join(dir, "cache"), "--content", content, "--layouts", filepath.Join(dir, "layouts"), "--now", "2026-11-25"}

	code, out, errOut := runCmd(t, args...)
	want := content + "/handbook/index.md:2:11: warning: page was due for review on 2025-07-01; its owner should check it and update reviewed\n" +
		content + "/updates/2026-11-20-ana-x.md:2:9: unknown author \"bob\" (people are ana); add people/bob.md for them: handbook new person --title \"bob\"\n"
	if code != 1 || out != want {
		t.Errorf("check: exit %d, stdout:\n%s\nwant:\n%s", code, out, want)
	}
	if !regexp.MustCompile(`^checked 3 documents in \d+m?s: 1 error, 1 warning\n$`).MatchString(errOut) {
		t.Errorf("check's summary line: %q", errOut)
	}

	code, out, _ = runCmd(t, append(args, "--format", "github")...)
	if code != 1 || !strings.Contains(out, "::error file="+content+"/updates/2026-11-20-ana-x.md,line=2,col=9,title=handbook check::unknown author \"bob\" (people are ana); add people/bob.md for them: handbook new person --title \"bob\"\n") ||
		!strings.Contains(out, "::warning file=") {
		t.Errorf("check --format github: exit %d\n%s", code, out)
	}

	code, out, _ = runCmd(t, append(args, "--format", "json")...)
	var rep struct{ Errors, Warnings int }
	if err := json.Unmarshal([]byte(out), &rep); code != 1 || err != nil || rep.Errors != 1 || rep.Warnings != 1 {
		t.Errorf("check --format json: exit %d, %v, %+v\n%s", code, err, rep, out)
	}

	os.WriteFile(filepath.Join(content, "updates", "2026-11-20-ana-x.md"), []byte("---\nauthor: ana\ndate: 2026-11-20\n---\nHi.\n"), 0o644)
	if code, _, errOut := runCmd(t, args...); code != 0 {
		t.Errorf("check with warnings only: exit %d, want 0\n%s", code, errOut)
	}
	if code, _, _ := runCmd(t, append(args, "--strict")...); code != 1 {
		t.Errorf("check --strict with a warning: exit %d, want 1", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Error("check wrote output")
	}
}

func TestSummaryCommand(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	r.Write(map[string]string{"content/people/ana.md": "---\nname: Ana Souza\n---\n"})
	r.Commit("Ana Souza <ana@example.com>", time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC), "base")
	r.Git("checkout", "-q", "-b", "update")
	r.Write(map[string]string{"content/updates/2026-11-25-ana-x.md": "---\ntitle: Shipped\nauthor: ana\ndate: 2026-11-25\nstatus: on-track\n---\nDone.\n"})
	content := filepath.Join(r.Dir, "content")

	cache := filepath.Join(t.TempDir(), "cache")
	code, out, errOut := runCmd(t, "summary", "--base", "main", "--cache", cache, "--content", content, "--now", "2026-11-25")
	want := "## Handbook changes\n\n### Updates\n\n- **Shipped** by Ana Souza, 25 Nov 2026: on track\n"
	if code != 0 || out != want {
		t.Errorf("summary: exit %d, stdout:\n%s\nwant:\n%s\nstderr: %s", code, out, want, errOut)
	}
	code, _, errOut = runCmd(t, "summary", "--base", "no-such-ref", "--cache", cache, "--content", content)
	if code != 1 || !strings.Contains(errOut, "no-such-ref") {
		t.Errorf("summary with an unknown ref: exit %d, stderr %q", code, errOut)
	}
}

func TestServeCommandErrors(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, map[string]string{"content/handbook/index.md": "# Home\n"})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	code, _, errOut := runCmd(t, "serve", "--content", filepath.Join(dir, "content"), "--addr", ln.Addr().String())
	if code != 1 || !strings.Contains(errOut, "address already in use") {
		t.Errorf("serve on a taken port: exit %d, stderr %q", code, errOut)
	}
	code, _, errOut = runCmd(t, "serve", "--content", filepath.Join(dir, "nowhere"))
	if code != 1 || !strings.Contains(errOut, "not found") {
		t.Errorf("serve without content: exit %d, stderr %q", code, errOut)
	}
}

func TestIsLoopback(t *testing.T) {
	t.Parallel()
	for host, want := range map[string]bool{"127.0.0.1": true, "::1": true, "localhost": true, "": false, "0.0.0.0": false, "192.168.1.5": false} {
		if got := isLoopback(host); got != want {
			t.Errorf("isLoopback(%q) = %v, want %v", host, got, want)
		}
	}
}
