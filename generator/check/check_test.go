package check

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/handbook/handbook/generator"
	"github.com/handbook/handbook/generator/diag"
	"github.com/handbook/handbook/generator/gitinfo/gittest"
)

// writeArchive writes the content/ and layouts/ files of a txtar archive
// into a new folder and returns it.
func writeArchive(t *testing.T, ar *txtar.Archive) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range ar.Files {
		if !strings.HasPrefix(f.Name, "content/") && !strings.HasPrefix(f.Name, "layouts/") {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func section(ar *txtar.Archive, name string) string {
	for _, f := range ar.Files {
		if f.Name == name {
			return string(f.Data)
		}
	}
	return ""
}

func TestProblems(t *testing.T) {
	t.Parallel()
	ar, err := txtar.ParseFile("testdata/problems.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := writeArchive(t, ar)
	now, err := time.Parse(time.RFC3339, strings.TrimSpace(section(ar, "now")))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(context.Background(), generator.Config{Content: filepath.Join(dir, "content"), Layouts: filepath.Join(dir, "layouts"), Now: now})
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := Write(&got, Text, rep.Diagnostics); err != nil {
		t.Fatal(err)
	}
	want := strings.ReplaceAll(section(ar, "want"), "content/", filepath.Join(dir, "content")+"/")
	if got.String() != want {
		t.Errorf("check reported:\n%s\nwant:\n%s", got.String(), want)
	}
	if !rep.Failed(false) || rep.Docs != 12 {
		t.Errorf("Failed(false) = %v, Docs = %d; want true, 12", rep.Failed(false), rep.Docs)
	}

	// With a cache a build filled (broken links are its warnings, where
	// check makes them errors), then with the cache check filled: the
	// same report.
	cfg := generator.Config{Content: filepath.Join(dir, "content"), Layouts: filepath.Join(dir, "layouts"), Now: now, Cache: filepath.Join(t.TempDir(), "cache")}
	generator.Load(context.Background(), cfg)
	for _, run := range []string{"after a build", "again"} {
		rep, err := Run(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		var cached bytes.Buffer
		if err := Write(&cached, Text, rep.Diagnostics); err != nil {
			t.Fatal(err)
		}
		if cached.String() != want {
			t.Errorf("check with the cache, %s, reported:\n%s\nwant:\n%s", run, cached.String(), want)
		}
	}
}

func TestExampleSiteIsClean(t *testing.T) {
	t.Parallel()
	rep, err := Run(context.Background(), generator.Config{Content: "../../content", Layouts: filepath.Join(t.TempDir(), "none"), Now: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Diagnostics.Errors() > 0 {
		t.Errorf("the example site has errors:\n%v", diag.ErrorList(rep.Diagnostics))
	}
	if rep.Failed(false) {
		t.Error("Failed(false) on a site with warnings only")
	}
	if rep.Diagnostics.Warnings() > 0 && !rep.Failed(true) {
		t.Error("Failed(true) is false on a site with warnings")
	}
}

func TestWriteFormats(t *testing.T) {
	t.Parallel()
	l := diag.List{
		{Pos: diag.Pos{File: "content/a,b.md", Line: 3, Col: 9}, Severity: diag.Error, Msg: "100% wrong\nsecond line"},
		{Pos: diag.Pos{File: "content/site.toml"}, Severity: diag.Warning, Msg: `unknown key "x"`},
	}
	tests := []struct {
		format Format
		want   string
	}{
		{Text, "content/a,b.md:3:9: 100% wrong\\nsecond line\ncontent/site.toml: warning: unknown key \"x\"\n"},
		{GitHub, "::error file=content/a%2Cb.md,line=3,col=9,title=handbook check::100%25 wrong%0Asecond line\n" +
			"::warning file=content/site.toml,title=handbook check::unknown key \"x\"\n"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := Write(&b, tt.format, l); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("Write(%s) =\n%q\nwant\n%q", Formats[tt.format], b.String(), tt.want)
		}
	}

	var b bytes.Buffer
	if err := Write(&b, JSON, l); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Errors, Warnings int
		Diagnostics      []struct {
			File, Severity, Message string
			Line, Col               int
		}
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("JSON output does not parse: %v\n%s", err, b.String())
	}
	if got.Errors != 1 || got.Warnings != 1 || len(got.Diagnostics) != 2 || got.Diagnostics[0].Line != 3 || got.Diagnostics[0].Message != "100% wrong\nsecond line" || got.Diagnostics[1].Severity != "warning" {
		t.Errorf("JSON output: %+v", got)
	}
}

func TestParseFormat(t *testing.T) {
	t.Parallel()
	for i, name := range Formats {
		if f, ok := ParseFormat(name); !ok || f != Format(i) {
			t.Errorf("ParseFormat(%q) = %v, %v", name, f, ok)
		}
	}
	if _, ok := ParseFormat("xml"); ok {
		t.Error(`ParseFormat("xml") succeeded`)
	}
}

// BenchmarkExample times a whole check of the example site: loading,
// linking, rendering in memory and the checks.
func BenchmarkExample(b *testing.B) {
	cfg := generator.Config{Content: "../../content", Layouts: filepath.Join(b.TempDir(), "none"), Now: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)}
	for b.Loop() {
		if _, err := Run(context.Background(), cfg); err != nil {
			b.Fatal(err)
		}
	}
}

// TestClash checks a file that would overwrite a generated feed: a
// problem the renderer finds, reported like the others.
func TestClash(t *testing.T) {
	t.Parallel()
	dir := writeArchive(t, txtar.Parse([]byte(`-- content/site.toml --
base_url = "https://example.com/"
-- content/people/ana.md --
---
name: Ana
---
-- content/updates/feed.xml --
<rss/>
`)))
	rep, err := Run(context.Background(), generator.Config{Content: filepath.Join(dir, "content"), Layouts: filepath.Join(dir, "layouts"), Now: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Diagnostics) != 1 || !strings.HasSuffix(rep.Diagnostics[0].Pos.File, "content/updates/feed.xml") || !strings.Contains(rep.Diagnostics[0].Msg, "would overwrite") {
		t.Errorf("diagnostics %v, want one about content/updates/feed.xml", rep.Diagnostics)
	}
}

// TestShallowClone checks a site in a shallow clone, as CI checks out by
// default: dates from git are not read, so there is nothing to warn about.
func TestShallowClone(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	r.Write(map[string]string{"content/handbook/index.md": "# Home\n", "content/site.toml": "base_url = \"https://example.com/\"\n"})
	r.Commit("Ana <ana@example.com>", time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), "one")
	r.Commit("Ana <ana@example.com>", time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC), "two")
	clone := filepath.Join(t.TempDir(), "clone")
	cmd := exec.Command("git", "clone", "-q", "--depth", "1", "file://"+r.Dir, clone)
	cmd.Env = gittest.Env()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git clone: %v\n%s", err, out)
	}
	rep, err := Run(context.Background(), generator.Config{Content: filepath.Join(clone, "content"), Layouts: filepath.Join(clone, "layouts")})
	if err != nil || len(rep.Diagnostics) > 0 {
		t.Errorf("check in a shallow clone: %v %v", err, rep.Diagnostics)
	}
}

// TestRenamedLinkTarget renames a page in git and keeps a link to its old
// name: check says where the page went and what to link to instead.
func TestRenamedLinkTarget(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	r.Write(map[string]string{
		"content/site.toml":                    "base_url = \"https://example.com/\"\n",
		"content/handbook/index.md":            "# Home\n\nSee [the guide](guides/old-guide.md#setup).\n",
		"content/handbook/guides/old-guide.md": "# Guide\n\nA guide with enough words in it for git to see the rename.\n\n## Setup\n\nInstall it.\n",
	})
	r.Commit("Ana <ana@example.com>", time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), "add the guide")
	r.Git("mv", "content/handbook/guides/old-guide.md", "content/handbook/new-guide.md")
	r.Commit("Ana <ana@example.com>", time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC), "move the guide")

	rep, err := Run(context.Background(), generator.Config{Content: filepath.Join(r.Dir, "content"), Layouts: filepath.Join(r.Dir, "layouts"), Now: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, d := range rep.Diagnostics {
		msgs = append(msgs, d.String())
	}
	want := "link to missing file guides/old-guide.md#setup; it was renamed to " + filepath.Join(r.Dir, "content") + "/handbook/new-guide.md in "
	found := false
	for _, m := range msgs {
		if strings.Contains(m, want) && strings.HasSuffix(m, ": link to new-guide.md#setup") {
			found = true
		}
	}
	if !found {
		t.Errorf("check did not suggest the renamed file; diagnostics:\n%s\nwant one containing %q and ending in %q", strings.Join(msgs, "\n"), want, ": link to new-guide.md#setup")
	}
}
