package main

import (
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/handbook/handbook/generator/render"
)

// These tests keep the benchmark honest without running it: they never
// build a large corpus, and the Hugo build is skipped without Hugo.

func TestParseTime(t *testing.T) {
	t.Parallel()
	sample, err := os.ReadFile("testdata/time-v.txt")
	if err != nil {
		t.Fatal(err)
	}
	u, err := parseTime(sample)
	if err != nil {
		t.Fatal(err)
	}
	want := usage{Wall: 1420 * time.Millisecond, CPU: 2200 * time.Millisecond, Sys: 430 * time.Millisecond, RSS: 154224 * 1024}
	if u != want {
		t.Errorf("parseTime(testdata/time-v.txt) = %+v, want %+v", u, want)
	}

	failed := "Command exited with non-zero status 3\n" + string(sample)
	if _, err := parseTime([]byte(failed)); err == nil || !strings.Contains(err.Error(), "exit status 3") {
		t.Errorf("parseTime of a failed build: err = %v, want exit status 3", err)
	}
	noRSS := strings.Replace(string(sample), "Maximum resident set size", "Maximum set size", 1)
	if _, err := parseTime([]byte(noRSS)); err == nil {
		t.Error("parseTime of a report without peak RSS: no error")
	}
}

func TestClock(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want time.Duration
		err  bool
	}{
		{in: "0:01.42", want: 1420 * time.Millisecond},
		{in: "1:05.31", want: 65310 * time.Millisecond},
		{in: "1:02:03", want: time.Hour + 2*time.Minute + 3*time.Second},
		{in: "1.5", err: true},
		{in: "a:01", err: true},
	} {
		got, err := clock(tc.in)
		if (err != nil) != tc.err || got != tc.want {
			t.Errorf("clock(%q) = %v, %v; want %v, error %v", tc.in, got, err, tc.want, tc.err)
		}
	}
}

// TestMeasure runs a command under GNU time, when it is installed.
func TestMeasure(t *testing.T) {
	t.Parallel()
	const timeBin = "/usr/bin/time"
	if _, err := os.Stat(timeBin); err != nil {
		t.Skip("no GNU time at", timeBin)
	}
	u, _, err := measure(context.Background(), timeBin, t.TempDir(), []string{"sh", "-c", "echo hello"})
	if err != nil || u.RSS <= 0 {
		t.Errorf("measure(sh) = %+v, %v; want a peak RSS and no error", u, err)
	}
	if _, out, err := measure(context.Background(), timeBin, t.TempDir(), []string{"sh", "-c", "echo broken; exit 3"}); err == nil || !strings.Contains(string(out), "broken") {
		t.Errorf("measure of a failing command: err %v, output %q; want an error and its output", err, out)
	}
}

func TestMedian(t *testing.T) {
	t.Parallel()
	got := median([]usage{{Wall: 3, CPU: 1, Sys: 1, RSS: 9}, {Wall: 1, CPU: 2, Sys: 2, RSS: 7}, {Wall: 2, CPU: 3, Sys: 0, RSS: 8}})
	if want := (usage{Wall: 2, CPU: 2, Sys: 1, RSS: 8}); got != want {
		t.Errorf("median = %+v, want %+v", got, want)
	}
}

func TestReplaceBetween(t *testing.T) {
	t.Parallel()
	doc := "# Title\n\n<!-- perf:start -->\nold table\n<!-- perf:end -->\n\nMore.\n"
	got, err := replaceBetween(doc, "new table\n", false)
	if want := "# Title\n\n<!-- perf:start -->\nnew table\n<!-- perf:end -->\n\nMore.\n"; err != nil || got != want {
		t.Errorf("replaceBetween = %q, %v; want %q", got, err, want)
	}
	if _, err := replaceBetween("no markers", "x", false); err == nil {
		t.Error("replaceBetween without markers: no error")
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, git := range []bool{false, true} {
		if _, err := replaceBetween(string(readme), "x", git); err != nil {
			t.Errorf("README.md: %v; -readme would fail", err)
		}
	}
	both := doc + "<!-- perf-git:start -->\nold git table\n<!-- perf-git:end -->\n"
	got, err = replaceBetween(both, "new git table\n", true)
	if want := doc + "<!-- perf-git:start -->\nnew git table\n<!-- perf-git:end -->\n"; err != nil || got != want {
		t.Errorf("replaceBetween with git = %q, %v; want %q", got, err, want)
	}
}

// TestCommitCorpus checks -git's repositories: a commit per file, and
// nothing left to commit.
func TestCommitCorpus(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	files := map[string]string{"content/site.toml": "title = \"x\"\n", "content/handbook/a page.md": "# A\n", "content/updates/2026-01-01-b.md": "---\ndate: 2026-01-01\n---\n"}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := commitCorpus(dir, filepath.Join(dir, "content")); err != nil {
		t.Fatal(err)
	}
	git := func(args ...string) string {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("git %v: %v", args, err)
		}
		return string(out)
	}
	if n := strings.Count(git("log", "--format=%s"), "\n"); n != len(files) {
		t.Errorf("%d commits, want %d", n, len(files))
	}
	if st := git("status", "--porcelain"); st != "" {
		t.Errorf("git status after commitCorpus:\n%s", st)
	}
	if got := git("show", "HEAD:content/handbook/a page.md"); got != files["content/handbook/a page.md"] {
		t.Errorf("committed %q, want %q", got, files["content/handbook/a page.md"])
	}
}

func TestParseFlags(t *testing.T) {
	t.Parallel()
	sizes, err := parseSizes("10000, 1000,1_000")
	if err != nil || len(sizes) != 2 || sizes[0] != 1000 || sizes[1] != 10000 {
		t.Errorf(`parseSizes("10000, 1000,1_000") = %v, %v; want [1000 10000]`, sizes, err)
	}
	if _, err := parseSizes("5"); err == nil {
		t.Error(`parseSizes("5"): no error`)
	}
	if _, err := parseTools("handbook,jekyll"); err == nil {
		t.Error(`parseTools("handbook,jekyll"): no error`)
	}
	if got := thousands(100000); got != "100,000" {
		t.Errorf("thousands(100000) = %q, want 100,000", got)
	}
}

// TestHugoConfig checks that the Hugo site pages and limits its feeds as
// the handbook does, and highlights code with classes.
func TestHugoConfig(t *testing.T) {
	t.Parallel()
	data, err := hugoSite.ReadFile("hugosite/config.toml")
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Paginate   int
		RSSLimit   int `toml:"rssLimit"`
		Taxonomies map[string]string
		Markup     struct {
			Highlight struct {
				NoClasses *bool `toml:"noClasses"`
			}
		}
	}
	if _, err := toml.Decode(string(data), &cfg); err != nil {
		t.Fatalf("hugosite/config.toml: %v", err)
	}
	if cfg.Paginate != render.UpdatesPerPage {
		t.Errorf("paginate = %d, want the handbook's %d", cfg.Paginate, render.UpdatesPerPage)
	}
	if cfg.RSSLimit != render.FeedItems {
		t.Errorf("rssLimit = %d, want the handbook's %d", cfg.RSSLimit, render.FeedItems)
	}
	if cfg.Taxonomies["tag"] != "tags" || cfg.Taxonomies["author"] != "author" {
		t.Errorf("taxonomies = %v, want tags and author", cfg.Taxonomies)
	}
	if nc := cfg.Markup.Highlight.NoClasses; nc == nil || *nc {
		t.Error("markup.highlight.noClasses is not false")
	}
}

// TestHugoBuildsCorpus builds a small corpus with the Hugo site: no error
// or warning, a page for every document, paginated lists, taxonomies,
// feeds, classed highlighting, and every link between pages resolved.
func TestHugoBuildsCorpus(t *testing.T) {
	t.Parallel()
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		t.Skip("hugo is not installed")
	}
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	// Seed 2: at 50 documents seed 1 names a handbook section "index",
	// which Hugo publishes at its parent's URL.
	if out, err := exec.Command("go", "run", "github.com/handbook/handbook/cmd/corpus", "-n", "50", "-seed", "2", "-out", content).CombinedOutput(); err != nil {
		t.Fatalf("corpus: %v\n%s", err, out)
	}
	tg, err := hugoTarget(hugo, filepath.Join(dir, "hugo"), content)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(tg.argv[0], tg.argv[1:]...)
	cmd.Dir = tg.dir
	out, err := cmd.CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Fatalf("hugo: %v; want no error and, with --quiet, no output:\n%s", err, out)
	}

	public := os.DirFS(tg.out)
	want := []string{"index.html", "index.xml", "sitemap.xml", "updates/page/2/index.html", "updates/index.xml", "tags/index.html", "author/index.html"}
	hasCode := false
	err = fs.WalkDir(os.DirFS(content), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		src, err := fs.ReadFile(os.DirFS(content), p)
		hasCode = hasCode || strings.Contains(string(src), "```")
		page := strings.TrimSuffix(strings.TrimSuffix(p, ".md"), "_index")
		want = append(want, path.Join(page, "index.html"))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range want {
		if _, err := fs.Stat(public, p); err != nil {
			t.Errorf("hugo wrote no %s", p)
		}
	}

	href := regexp.MustCompile(`href="([^"#]*)`)
	chroma, links := false, 0
	err = fs.WalkDir(public, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := fs.ReadFile(public, p)
		chroma = chroma || strings.Contains(string(data), `<pre tabindex="0" class="chroma">`)
		for _, m := range href.FindAllStringSubmatch(string(data), -1) {
			u := m[1]
			if u == "" || strings.Contains(u, "://") {
				continue
			}
			links++
			target := path.Clean(u)
			if !path.IsAbs(u) {
				target = path.Join("/", path.Dir(p), u)
			}
			target = strings.TrimPrefix(target, "/")
			if _, err := fs.Stat(public, path.Join(target, "index.html")); err != nil {
				if _, err := fs.Stat(public, target); err != nil || target == "" {
					t.Errorf("%s: link %q leads nowhere", p, u)
				}
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if hasCode && !chroma {
		t.Error("the corpus has code blocks, but no page has chroma's classed <pre>")
	}
	if links == 0 {
		t.Error("no links between pages")
	}
}

func TestReport(t *testing.T) {
	t.Parallel()
	r := report{runs: 3, sizes: []int{10000}, tools: []string{"handbook", "hugo"}, results: []result{
		{tool: "handbook", docs: 10000, scenario: full, usage: usage{Wall: 2 * time.Second, CPU: 3 * time.Second, RSS: 100 << 20}, output: output{pages: 10, files: 20, bytes: 1 << 20}},
		{tool: "hugo", docs: 10000, scenario: full, usage: usage{Wall: 4 * time.Second, CPU: 3 * time.Second, RSS: 400 << 20}, output: output{pages: 12, files: 13, bytes: 2 << 20}},
		{tool: "handbook", docs: 10000, scenario: oneFile, usage: usage{Wall: 250 * time.Millisecond, CPU: time.Second, RSS: 50 << 20}},
	}}
	table := r.table()
	for _, want := range []string{
		"| handbook | 10,000 | full build | 2.00 s | 3.00 s | 100 MiB | 10 / 20, 1 MiB |\n| Hugo | 10,000 | full build | 4.00 s | 3.00 s | 400 MiB | 12 / 13, 2 MiB |\n| handbook | 10,000 | one file changed | 250 ms | 1.00 s | 50 MiB |  |\n",
		"full build: 10,000 documents: wall 0.50×, CPU 1.00×, peak RSS 0.25×.",
		"Reproduce with `go run ./generator/bench -n 10000 -runs 3`.",
	} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %q:\n%s", want, table)
		}
	}
	targets := r.targets()
	for _, want := range []string{
		"at most 1/3 of Hugo's wall time: **missed** (0.50×: 2.00 s against 4.00 s)",
		"at most 1/4 of Hugo's: met (0.25×: 100 MiB against 400 MiB)",
		"output at 10,000 documents at most Hugo's bytes: met (0.50×: 1 MiB against 2 MiB)",
		"under 300 ms: met (250 ms)",
	} {
		if !strings.Contains(targets, want) {
			t.Errorf("targets lack %q:\n%s", want, targets)
		}
	}
}

func TestLargeTargetsAndPageWeights(t *testing.T) {
	t.Parallel()
	small := output{largest: map[string]page{"home": {"index.html", 10000}, "updates/*": {"updates/a/index.html", 20000}, "tags/": {"tags/index.html", 5000}}}
	mid := output{largest: map[string]page{"home": {"index.html", 10050}, "updates/*": {"updates/b/index.html", 39000}}}
	big := output{largest: map[string]page{"home": {"index.html", 10100}, "updates/*": {"updates/b/index.html", 40000}, "people/*": {"people/x/index.html", 3000}}}
	r := report{runs: 1, sizes: []int{1000, 10000, 100000}, tools: []string{"handbook"}, results: []result{
		{tool: "handbook", docs: 1000, scenario: full, output: small},
		{tool: "handbook", docs: 10000, scenario: full, usage: usage{Wall: 5 * time.Second, CPU: 8 * time.Second}, output: mid},
		{tool: "handbook", docs: 10000, scenario: noChange, usage: usage{Wall: 100 * time.Millisecond}},
		{tool: "handbook", docs: 100000, scenario: full, usage: usage{Wall: 70 * time.Second, CPU: 80 * time.Second, RSS: 1 << 30}, output: big},
	}}
	targets := r.targets()
	for _, want := range []string{
		"no change at 10k under 150 ms: met (100 ms)",
		"100k documents in under 60 s: **missed** (70.00 s)",
		"100k documents in under 2 GB peak RSS: met (1024 MiB)",
		"CPU at 100k at most 11× CPU at 10k: met (10.0×: 80.00 s against 8.00 s)",
		"| page kind | 1,000 | 10,000 | 100,000 | 100,000 / 1,000 | 100,000 / 10,000 | |",
		"| home | 10.0 KB | 10.1 KB | 10.1 KB | 1.01× | 1.00× | met |",
		"| updates/* | 20.0 KB | 39.0 KB | 40.0 KB | 2.00× | 1.03× | **missed** |",
		"| people/* | – | – | 3.0 KB |  |  | met |",
		"Page weight: 3 of 4 kinds met.",
	} {
		if !strings.Contains(targets, want) {
			t.Errorf("targets lack %q:\n%s", want, targets)
		}
	}
}

func TestPageKind(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ rel, want string }{
		{"index.html", "home"},
		{"404.html", "404.html"},
		{"updates/index.html", "updates/"},
		{"updates/page/3/index.html", "updates/"},
		{"updates/2026-11-24-x/index.html", "updates/*"},
		{"handbook/alpha/beta/index.html", "handbook/*"},
	} {
		if got := pageKind(tc.rel); got != tc.want {
			t.Errorf("pageKind(%q) = %q, want %q", tc.rel, got, tc.want)
		}
	}
}

func TestAppendLine(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"## Blockers\n\n- None.\n", "## Blockers\n\n- None.\n- Edit 1.\n"},
		{"## Blockers\n\n- None.\n\n\n", "## Blockers\n\n- None.\n- Edit 1.\n"},
		{"Some text.\n", "Some text.\n\nEdit 1.\n"},
	} {
		p := filepath.Join(t.TempDir(), "u.md")
		if err := os.WriteFile(p, []byte(tc.in), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := appendLine(p, "Edit 1."); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(p); string(got) != tc.want {
			t.Errorf("appendLine to %q = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestReportBigRuns checks that the table says how many builds each
// figure is made of when -big-runs differs from -runs, and how to
// reproduce it.
func TestReportBigRuns(t *testing.T) {
	t.Parallel()
	r := report{runs: 3, big: 1, sizes: []int{1000, 100000}, tools: []string{"handbook"}, results: []result{
		{tool: "handbook", docs: 1000, scenario: full, usage: usage{Wall: time.Second}},
		{tool: "handbook", docs: 100000, scenario: full, usage: usage{Wall: time.Minute}},
	}}
	table := r.table()
	for _, want := range []string{
		"Medians of 3 builds under 100,000 documents, one build at 100,000 and more, handbook",
		"Reproduce with `go run ./generator/bench -n 1000,100000 -runs 3 -big-runs 1 -tools handbook`.",
	} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %q:\n%s", want, table)
		}
	}
	r.sizes, r.results = []int{100000}, r.results[1:]
	if table := r.table(); !strings.Contains(table, "One build each, handbook") {
		t.Errorf("with 100,000 documents alone, table lacks %q:\n%s", "One build each, handbook", table)
	}
	if c := (config{runs: 3, big: 1}); c.runsAt(10000) != 3 || c.runsAt(100000) != 1 {
		t.Errorf("runsAt: %d at 10,000 and %d at 100,000; want 3 and 1", c.runsAt(10000), c.runsAt(100000))
	}
}
