// Command bench measures the handbook's build against Hugo's on the same
// generated content. It is a benchmark, not a test: run it by hand, from
// anywhere in the repository.
//
//	go run ./generator/bench                        # 1,000 and 10,000 documents, 3 runs
//	go run ./generator/bench -n 1000,10000,100000 -big-runs 1  # and the 100k targets, built once
//	go run ./generator/bench -readme                # and rewrite README.md's table
//	go run ./generator/bench -git                   # the corpora in git repositories
//
// It builds cmd/handbook and cmd/corpus into the work folder, writes a
// corpus of each size with cmd/corpus, and builds it with the handbook
// (built-in layouts, -now 2026-11-25, -cache when the binary has it) and
// with Hugo (Debian's package; apt-get installs it when it is missing)
// using the minimal site in hugosite/, each from its own copy of the
// corpus. Each build runs under GNU time -v, whose report gives the wall
// time, the CPU time (user and system, all threads) and the peak
// resident set size. For each tool and size it measures:
//
//   - full build: the output folder and every cache removed first (moved
//     into a trash in the work folder, emptied after the last
//     measurement: see trash);
//   - one file changed: a line appended to the newest update (to the
//     list its body ends with, so its summary stays), the cache left
//     warm by the build before. Hugo keeps no render cache between
//     builds, so for Hugo this is a full build into an existing folder;
//   - one update added: a new update beside the newest, dated the same
//     day, as a writer's check-in of today is: every list that holds it
//     changes, and the search index;
//   - no change: the same build again.
//
// Each figure is the median of -runs builds, each started after a sync;
// -big-runs sets how many at 100,000 documents and more, whose builds
// take minutes (Hugo's), where the smaller sizes' take seconds and vary
// more from one to the next.
// The builds of the two tools alternate, so that whatever else the
// machine does slows both alike; each tool has its own copy of the
// corpus, so one's edits never reach the other's no-change build.
// Every one-file build is checked to have the new line in its page, so a
// cache that served stale output could not look fast. The work folder is
// outside the repository by default, so the handbook reads no git
// history, as Hugo does not (its enableGitInfo is off). With -git, each
// copy is a git repository with a commit per document, each edit is
// committed before its build, and Hugo reads git too (see git.go); its
// table goes between the <!-- perf-git:start --> and <!-- perf-git:end -->
// markers.
//
// It prints a Markdown table with what each tool wrote, the
// handbook/Hugo ratios of the full build, the machine, and issue 12's
// targets, each met or missed with its figure: the full 10k build against
// Hugo's wall time and peak RSS, bytes written against Hugo's, the
// one-file and no-change rebuilds at 10k, the 100k build's wall time,
// peak RSS and CPU against 10k's (with -n ...,10000,100000), and the
// largest HTML page of each kind at the smallest and the largest size.
// -readme puts all of it into README.md between the <!-- perf:start -->
// and <!-- perf:end --> markers.
package main

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// config is the command line.
type config struct {
	sizes  []int    // corpus sizes, ascending
	runs   int      // builds per measurement
	big    int      // builds per measurement at bigSize documents and more
	work   string   // working folder
	tools  []string // "handbook", "hugo"
	hugo   string   // Hugo binary
	time   string   // GNU time binary
	readme bool     // rewrite README.md's table
	git    bool     // corpora in git repositories (see git.go)
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sizes := fs.String("n", "1000,10000", "corpus sizes, comma-separated (e.g. 1000,10000,100000)")
	runs := fs.Int("runs", 3, "builds per measurement; the median is reported")
	bigRuns := fs.Int("big-runs", 0, "builds per measurement at 100,000 documents and more (default -runs)")
	work := fs.String("work", defaultWork(), "working folder for binaries, corpora and outputs")
	tools := fs.String("tools", "handbook,hugo", "tools to measure, comma-separated")
	hugo := fs.String("hugo", "hugo", "the Hugo binary")
	timeBin := fs.String("time", "/usr/bin/time", "GNU time, for -v")
	readme := fs.Bool("readme", false, "rewrite the table between the perf markers in README.md")
	git := fs.Bool("git", false, "make each corpus a git repository, a commit per document, and commit each edit; Hugo builds with --enableGitInfo")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: go run ./generator/bench [flags]\n\nBuilds generated corpora with the handbook and with Hugo and prints\nwall time, CPU time and peak RSS of a full build, a one-file rebuild\nand a no-change rebuild as a Markdown table.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	// The flag package prints the usage itself on -h and on errors; hold
	// it back, so that help goes to stdout and errors to stderr, once.
	var held bytes.Buffer
	fs.SetOutput(&held)
	err := fs.Parse(args)
	fs.SetOutput(stderr)
	if errors.Is(err, flag.ErrHelp) {
		io.Copy(stdout, &held)
		return 0
	}
	if err != nil {
		io.Copy(stderr, &held)
		return 2
	}
	cfg := config{runs: *runs, big: cmp.Or(*bigRuns, *runs), work: *work, hugo: *hugo, time: *timeBin, readme: *readme, git: *git}
	if cfg.sizes, err = parseSizes(*sizes); err == nil {
		cfg.tools, err = parseTools(*tools)
	}
	if err == nil && (cfg.runs < 1 || cfg.big < 1 || fs.NArg() > 0) {
		err = errors.New("want -runs and -big-runs of at least 1 and no arguments")
	}
	if err != nil {
		fmt.Fprintln(stderr, "bench:", err)
		fs.Usage()
		return 2
	}
	if err := bench(context.Background(), cfg, stdout); err != nil {
		fmt.Fprintln(stderr, "bench:", err)
		return 1
	}
	return 0
}

// defaultWork is a folder outside the repository, on disk.
func defaultWork() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "handbook-bench")
}

func parseSizes(s string) ([]int, error) {
	var out []int
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(strings.ReplaceAll(f, "_", "")))
		if err != nil || n < 10 {
			return nil, fmt.Errorf("-n: %q is not a size of at least 10 documents", f)
		}
		out = append(out, n)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

func parseTools(s string) ([]string, error) {
	var out []string
	for f := range strings.SplitSeq(s, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f != "handbook" && f != "hugo" {
			return nil, fmt.Errorf("-tools: unknown tool %q (want handbook, hugo)", f)
		}
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	slices.Sort(out) // handbook first
	return out, nil
}

// Scenarios, in the order they run and are reported.
const (
	full      = "full build"
	oneFile   = "one file changed"
	newUpdate = "one update added"
	noChange  = "no change"
)

var scenarios = []string{full, oneFile, newUpdate, noChange}

// result is the median cost of one scenario.
type result struct {
	tool     string
	docs     int
	scenario string
	usage
	output // for full builds
}

func bench(ctx context.Context, cfg config, stdout io.Writer) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	work, err := filepath.Abs(cfg.work)
	if err != nil {
		return err
	}
	timeBin, err := need(cfg.time, "time")
	if err != nil {
		return err
	}
	bin := filepath.Join(work, "bin")
	step("build cmd/handbook and cmd/corpus into %s", bin)
	handbookBin, corpusBin := filepath.Join(bin, "handbook"), filepath.Join(bin, "corpus")
	if err := command(root, "go", "build", "-o", bin+string(filepath.Separator), "./cmd/handbook", "./cmd/corpus"); err != nil {
		return err
	}
	m := machine{goVersion: goVersion(root)}
	withCache := supportsCache(handbookBin)
	var hugoBin string
	if slices.Contains(cfg.tools, "hugo") {
		if hugoBin, err = need(cfg.hugo, "hugo"); err != nil {
			return err
		}
		if m.hugoVersion, err = hugoVersion(hugoBin); err != nil {
			return err
		}
	}
	m.read()
	if load, err := strconv.ParseFloat(m.load, 64); err == nil && load > float64(m.cores)/2 {
		step("warning: load average %s on %d cores: other work is running, so wall times will be noisy (CPU times less so)", m.load, m.cores)
	}

	tr := &trash{dir: filepath.Join(work, "trash")}
	if err := tr.empty(); err != nil { // left by a run that was stopped
		return err
	}
	var results []result
	for _, n := range cfg.sizes {
		dir := filepath.Join(work, strconv.Itoa(n))
		corpus := filepath.Join(dir, "corpus")
		step("write a corpus of %d documents", n)
		if err := tr.discard(corpus); err != nil {
			return err
		}
		if err := command(root, corpusBin, "-n", strconv.Itoa(n), "-out", corpus); err != nil {
			return err
		}
		var targets []target
		for _, tool := range cfg.tools {
			// Each tool gets its own copy, so that the edits made
			// before one tool's build do not reach the other's
			// no-change build.
			tdir := filepath.Join(dir, tool)
			content := filepath.Join(tdir, "content")
			if err := tr.discard(content); err != nil {
				return err
			}
			if err := os.CopyFS(content, os.DirFS(corpus)); err != nil {
				return err
			}
			t := handbookTarget(handbookBin, tdir, content, withCache)
			if tool == "hugo" {
				if t, err = hugoTarget(hugoBin, tdir, content); err != nil {
					return err
				}
			}
			if cfg.git {
				step("commit the %s copy, a commit per document", tool)
				if err := tr.discard(filepath.Join(tdir, ".git")); err != nil {
					return err
				}
				if err := commitCorpus(tdir, content); err != nil {
					return err
				}
				t.git = true
				if tool == "hugo" {
					t.argv = append(t.argv, "--enableGitInfo")
				}
			}
			targets = append(targets, t)
		}
		// The corpus and its copies were just written: they go to disk
		// before the first build is timed, so that it does not share
		// the disk with their writing (at 10,000 documents, 2.5 s more
		// system time for the first tool).
		if err := command(root, "sync"); err != nil {
			return err
		}
		rs, err := measureSize(ctx, timeBin, n, cfg.runsAt(n), targets, tr)
		if err != nil {
			return err
		}
		results = append(results, rs...)
	}
	step("empty the trash")
	if err := tr.empty(); err != nil {
		return err
	}

	m.loadEnd = loadAverage()
	r := report{results: results, machine: m, runs: cfg.runs, big: cfg.big, cacheFlag: withCache, sizes: cfg.sizes, tools: cfg.tools, git: cfg.git}
	table := r.table()
	if !cfg.git {
		// Issue 12's targets are for content outside git.
		table += r.targets()
	}
	fmt.Fprintln(stdout)
	fmt.Fprint(stdout, table)
	if err := os.WriteFile(filepath.Join(work, "results.md"), []byte(table), 0o644); err != nil {
		return err
	}
	if cfg.readme {
		path := filepath.Join(root, "README.md")
		if err := rewriteFile(path, table, cfg.git); err != nil {
			return err
		}
		step("rewrote the performance table in %s", path)
	}
	return nil
}

// bigSize is the corpus size from which -big-runs applies.
const bigSize = 100_000

// runsAt returns the builds per measurement at n documents.
func (c config) runsAt(n int) int {
	if n >= bigSize {
		return c.big
	}
	return c.runs
}

// measureSize runs every scenario on one corpus, alternating the tools
// run by run.
func measureSize(ctx context.Context, timeBin string, n, runs int, targets []target, tr *trash) ([]result, error) {
	edited := make([]string, len(targets))
	for i, t := range targets {
		var err error
		if edited[i], err = newestUpdate(t.content); err != nil {
			return nil, err
		}
	}
	edits := 0
	var out []result
	for _, sc := range scenarios {
		samples := make([][]usage, len(targets))
		outputs := make([]output, len(targets))
		for i := range runs {
			for ti, t := range targets {
				var marker string
				page := edited[ti] // the file whose page shows marker
				switch sc {
				case full:
					if err := t.clean(tr); err != nil {
						return nil, err
					}
				case oneFile:
					edits++
					marker = fmt.Sprintf("Edited by the benchmark, edit %d.", edits)
					if err := appendLine(edited[ti], marker); err != nil {
						return nil, err
					}
					if t.git {
						if err := commitAll(t.dir, marker); err != nil {
							return nil, err
						}
					}
				case newUpdate:
					edits++
					marker = fmt.Sprintf("Added by the benchmark %d", edits)
					var err error
					if page, err = addUpdate(edited[ti], marker, edits); err != nil {
						return nil, err
					}
					if t.git {
						if err := commitAll(t.dir, marker); err != nil {
							return nil, err
						}
					}
				}
				// Flush what the last build and the cleaning wrote,
				// so that the disk's work for one build is not billed
				// to the next.
				if err := command("", "sync"); err != nil {
					return nil, err
				}
				u, output, err := measure(ctx, timeBin, t.dir, t.argv)
				if err != nil {
					return nil, err
				}
				fmt.Fprintf(os.Stderr, "%-8s %7d docs  %-16s run %d/%d: %s wall, %s CPU (%s system), %s peak RSS\n", t.tool, n, sc, i+1, runs, dur(u.Wall), dur(u.CPU), dur(u.Sys), mib(u.RSS))
				if len(output) > 0 {
					fmt.Fprintf(os.Stderr, "  %s", bytes.ReplaceAll(bytes.TrimSpace(output), []byte("\n"), []byte("\n  ")))
					fmt.Fprintln(os.Stderr)
				}
				samples[ti] = append(samples[ti], u)
				if marker != "" {
					if err := hasLine(t, page, marker); err != nil {
						return nil, err
					}
				}
				if sc == full && i == runs-1 {
					if outputs[ti], err = t.output(); err != nil {
						return nil, err
					}
				}
			}
		}
		for ti, t := range targets {
			out = append(out, result{tool: t.tool, docs: n, scenario: sc, usage: median(samples[ti]), output: outputs[ti]})
		}
	}
	return out, nil
}

// newestUpdate returns the path of the update written last: the names
// start with their date, so it sorts last.
func newestUpdate(content string) (string, error) {
	files, err := filepath.Glob(filepath.Join(content, "updates", "*.md"))
	if err != nil || len(files) == 0 {
		return "", fmt.Errorf("no updates in %s", content)
	}
	slices.Sort(files)
	return files[len(files)-1], nil
}

// appendLine adds line to the end of the file's body: as one more item
// of the list it ends with (an update's Blockers), else as a paragraph.
// A list item leaves the document's summary as it was; a paragraph
// after an update of lists only would become its summary, which every
// list and feed shows.
func appendLine(path, line string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	body := strings.TrimRight(string(data), "\n")
	// An update's Blockers section, last in the corpus's updates, is
	// shown on the board and attention pages; an item there is a change
	// every page may show. Add to the list before it instead (Next),
	// which only the update's own page shows.
	if i := strings.LastIndex(body, "\n\n## Blockers"); i > 0 {
		before := body[:i]
		if last := before[strings.LastIndex(before, "\n")+1:]; strings.HasPrefix(last, "- ") {
			return os.WriteFile(path, []byte(before+"\n- "+line+body[i:]+"\n"), 0o644)
		}
	}
	last := body[strings.LastIndex(body, "\n")+1:]
	if strings.HasPrefix(last, "- ") {
		body += "\n- " + line + "\n"
	} else {
		body += "\n\n" + line + "\n"
	}
	return os.WriteFile(path, []byte(body), 0o644)
}

// addUpdate writes a new update beside newest, dated the same day (a
// check-in written today), titled title, and returns its path.
func addUpdate(newest, title string, n int) (string, error) {
	data, err := os.ReadFile(newest)
	if err != nil {
		return "", err
	}
	text := string(data)
	if !strings.HasPrefix(text, "---\n") {
		return "", fmt.Errorf("%s has no front matter", newest)
	}
	text = "---\ntitle: \"" + title + "\"\n" + removeKey(text[len("---\n"):], "title")
	base := filepath.Base(newest)
	path := filepath.Join(filepath.Dir(newest), fmt.Sprintf("%s-benchmark-added-%d.md", base[:min(len(base), len("2006-01-02"))], n))
	return path, os.WriteFile(path, []byte(text), 0o644)
}

// removeKey drops the top-level front-matter line that sets key.
func removeKey(text, key string) string {
	var out []string
	for _, l := range strings.SplitAfter(text, "\n") {
		if !strings.HasPrefix(l, key+":") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "")
}

// hasLine checks that the page of the edited update shows line.
func hasLine(t target, edited, line string) error {
	page := filepath.Join(t.out, "updates", strings.TrimSuffix(filepath.Base(edited), ".md"), "index.html")
	data, err := os.ReadFile(page)
	if err != nil {
		return fmt.Errorf("%s after editing %s: %w", t.tool, edited, err)
	}
	if !strings.Contains(string(data), line) {
		return fmt.Errorf("%s: %s does not show the edit %q: stale output", t.tool, page, line)
	}
	return nil
}

func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	mod := strings.TrimSpace(string(out))
	if err != nil || mod == "" || mod == os.DevNull {
		return "", errors.New("run from inside the handbook repository (go env GOMOD is empty)")
	}
	return filepath.Dir(mod), nil
}

// goVersion is the version of the go command that built the binaries.
func goVersion(root string) string {
	cmd := exec.Command("go", "env", "GOVERSION")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return "go (unknown version)"
	}
	return strings.TrimSpace(string(out))
}

func step(format string, args ...any) { fmt.Fprintf(os.Stderr, "== "+format+"\n", args...) }

// command runs argv in dir, its output going to stderr.
func command(dir string, argv ...string) error {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w", strings.Join(argv, " "), err)
	}
	return nil
}
