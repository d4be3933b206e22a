package gitinfo

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
)

func TestParseRenames(t *testing.T) {
	t.Parallel()
	out := []byte("\x1eccc\x00\nR100\x00b.md\x00c.md\x00R090\x00x/y.md\x00z.md\x00\x1ebbb\x00\nR100\x00a.md\x00b.md\x00")
	got := chain(parseRenames(out))
	want := map[string]Rename{
		"a.md":   {To: "c.md", Commit: "ccc"},
		"b.md":   {To: "c.md", Commit: "ccc"},
		"x/y.md": {To: "z.md", Commit: "ccc"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parseRenames = %v, want %v", got, want)
	}
	// Renamed back and forth: no endless loop.
	loop := chain(parseRenames([]byte("\x1ebbb\x00\nR100\x00b.md\x00a.md\x00\x1eaaa\x00\nR100\x00a.md\x00b.md\x00")))
	if loop["a.md"].To == "" || loop["b.md"].To == "" {
		t.Errorf("parseRenames of a loop = %v, want both names mapped", loop)
	}
}

func TestRenames(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=T", "-c", "user.email=t@example.com"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	run("init", "-q")
	if err := os.MkdirAll(filepath.Join(content, "handbook"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(content, "handbook", "old.md"), []byte("# Old\n\nA page with enough text for git to see a rename.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run("add", "-A")
	run("commit", "-qm", "add")
	run("mv", "content/handbook/old.md", "content/handbook/new.md")
	run("commit", "-qm", "rename")
	got := Renames(context.Background(), content)
	if r := got["handbook/old.md"]; r.To != "handbook/new.md" || r.Commit == "" {
		t.Errorf("Renames = %v, want handbook/old.md renamed to handbook/new.md", got)
	}
	if got := Renames(context.Background(), t.TempDir()); len(got) != 0 {
		t.Errorf("Renames outside git = %v, want none", got)
	}
}
