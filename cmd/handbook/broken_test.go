package main

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/handbook/handbook/generator/sitetest"
)

// TestBrokenSites runs "handbook build" over every case of the generator's
// broken-input corpus (generator/testdata/broken) and checks what a user
// sees: the exit code, exactly the case's diagnostics on stderr, one per
// line, then the summary line; and, when the build fails, the previous
// output left byte for byte as it was.
func TestBrokenSites(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("../../generator/testdata/broken/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no broken-input cases: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			t.Parallel()
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			want, ok := sitetest.Section(ar, "want/diagnostics")
			if !ok {
				t.Fatal("no want/diagnostics section")
			}
			wantLines := strings.Split(strings.TrimSuffix(string(want), "\n"), "\n")
			var wantExit int
			if _, err := fmt.Sscanf(wantLines[0], "exit %d", &wantExit); err != nil {
				t.Fatalf("want/diagnostics starts with %q, want \"exit N\"", wantLines[0])
			}
			wantDiags := wantLines[1:]

			dir := t.TempDir()
			sitetest.Write(t, ar, dir)
			out := filepath.Join(dir, "public")
			sitetest.WritePrevious(t, out)
			previous := sitetest.Tree(t, out)
			a := sitetest.ParseArgs(t, ar)
			args := []string{"build", "--cache", filepath.Join(dir, "cache"), "--content", filepath.Join(dir, "content"), "--layouts", filepath.Join(dir, "layouts"), "--out", out, "--now", a.Now.Format(time.RFC3339)}
			if a.Drafts {
				args = append(args, "--drafts")
			}
			if a.BaseURL != "" {
				args = append(args, "--base-url", a.BaseURL)
			}

			code, stdout, stderr := runCmd(t, args...)
			if code != wantExit {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, wantExit, stderr)
			}
			// Hints say what to do next; TestHints tests them.
			var got []string
			for _, l := range strings.Split(strings.TrimSuffix(strings.ReplaceAll(stderr, dir+string(filepath.Separator), ""), "\n"), "\n") {
				if l != "" && !strings.HasPrefix(l, "hint: ") {
					got = append(got, l)
				}
			}
			warnings := 0
			for _, l := range wantDiags {
				if strings.Contains(l, ": warning: ") {
					warnings++
				}
			}
			if wantExit != 0 {
				summary := fmt.Sprintf("build failed: %s, %s; %s left unchanged", count(len(wantDiags)-warnings, "error"), count(warnings, "warning"), out)
				wantDiags = append(wantDiags, strings.ReplaceAll(summary, dir+string(filepath.Separator), ""))
				if stdout != "" {
					t.Errorf("stdout %q, want nothing", stdout)
				}
				if d := sitetest.Diff(previous, sitetest.Tree(t, out)); len(d) > 0 {
					t.Errorf("the failed build changed the previous output: %v", d)
				}
			} else if !regexp.MustCompile(fmt.Sprintf(`^built \d+ pages, \d+ feed files, %s in \d+(\.\d+)?m?s → .*public/\n$`, count(warnings, "warning"))).MatchString(stdout) {
				t.Errorf("summary line %q", stdout)
			}
			if strings.Join(got, "\n") != strings.Join(wantDiags, "\n") {
				t.Errorf("stderr:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantDiags, "\n"))
			}
		})
	}
}
