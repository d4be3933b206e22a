package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/handbook/handbook/generator"
	"github.com/handbook/handbook/generator/diag"
)

// Exit codes.
const (
	exitOK      = 0
	exitContent = 1 // the content has errors
	exitUsage   = 2 // the command line is wrong
)

type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"init", "start a new handbook: content, workflows and netlify.toml", runInit},
		{"build", "build the site into the output folder", runBuild},
		{"new", "write a new update, decision, objective, page, person or team", runNew},
		{"check", "check the content for problems, as a pull request review would", runCheck},
		{"serve", "serve the site while writing: rebuild and reload on every change", runServe},
		{"summary", "summarize in Markdown what the branch changes in the content", runSummary},
		{"version", "print the version of handbook and the commit it was built from", runVersion},
	}
}

const usage = `handbook turns a team's Markdown into a static site: handbook pages,
check-in updates, decision records, objectives, people and teams.

Usage:

	handbook <command> [flags]

Commands:
`

func printUsage(w io.Writer) {
	fmt.Fprint(w, usage)
	for _, c := range commands() {
		fmt.Fprintf(w, "\t%-8s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nRun \"handbook <command> --help\" for the flags of a command.\n")
}

// run is the whole program: it returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printUsage(stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help", "help":
		if len(args) > 1 && name == "help" {
			return run([]string{args[1], "--help"}, stdout, stderr)
		}
		printUsage(stdout)
		return exitOK
	case "-version", "--version":
		return runVersion(args[1:], stdout, stderr)
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "handbook: unknown command %q\n\n", name)
	printUsage(stderr)
	return exitUsage
}

// newFlags returns a flag set whose --help prints to stdout and exits 0,
// and whose errors print to stderr.
func newFlags(name, synopsis string, stdout, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: handbook %s\n\n%s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args and reports the exit code to use when parsing
// ends the command (help or a usage error), or -1 to go on.
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer) int {
	// The flag package prints the usage itself on -h and on errors; hold
	// it back, so that help goes to stdout only, and errors to stderr.
	stderr := fs.Output()
	var held bytes.Buffer
	fs.SetOutput(&held)
	err := fs.Parse(args)
	fs.SetOutput(stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(stdout)
		fs.Usage()
		return exitOK
	case err != nil:
		io.Copy(stderr, &held)
		return exitUsage
	case fs.NArg() > 0:
		fmt.Fprintf(fs.Output(), "handbook %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return exitUsage
	}
	return -1
}

// parseNow parses --now: a date (midnight UTC) or an RFC 3339 time.
func parseNow(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("--now %q: want YYYY-MM-DD or an RFC 3339 time", s)
	}
	return t, nil
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", `Build the site: read the content folder, check it, and write the site
into the output folder. On errors nothing is written and the previous
site is left as it was.`, stdout, stderr)
	var cfg generator.Config
	var now string
	siteFlags(fs, &cfg, &now)
	fs.StringVar(&cfg.Out, "out", "public", "output `folder`")
	fs.StringVar(&cfg.BaseURL, "base-url", "", "base `URL` of the published site (overrides site.toml)")
	fs.BoolVar(&cfg.Drafts, "drafts", false, "include drafts")
	fs.StringVar(&cfg.Cache, "cache", defaultCache, "build cache `folder`, kept between builds to skip unchanged work (\"\" for none)")
	var prof profiles
	prof.flags(fs)
	if code := parseFlags(fs, args, stdout); code >= 0 {
		return code
	}
	if code := setNow("build", now, &cfg, stderr); code >= 0 {
		return code
	}
	findSite(fs, stderr, map[string]*string{"content": &cfg.Content, "layouts": &cfg.Layouts, "out": &cfg.Out, "cache": &cfg.Cache})
	stopProfiles, ok := prof.startFor("build", stderr)
	if !ok {
		return exitUsage
	}
	defer stopProfiles()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	// Nothing here reads the documents' texts once the index has them,
	// and the process exits after one build.
	cfg.ReleaseText, cfg.MapCache = true, true
	cfg.Reading = expectEdit
	done := progress(stderr, &cfg)
	res, err := generator.Build(ctx, cfg)
	done()
	printDiagnostics(stderr, res.Diagnostics)
	printHints(stderr, cfg.Content, res.Diagnostics)
	if err != nil {
		var list diag.ErrorList
		if errors.As(err, &list) {
			fmt.Fprintf(stderr, "build failed: %s, %s; %s left unchanged\n",
				count(res.Diagnostics.Errors(), "error"), count(res.Diagnostics.Warnings(), "warning"), cfg.Out)
			return exitContent
		}
		fmt.Fprintf(stderr, "handbook build: %v\n", err)
		return exitContent
	}
	made := ""
	if res.Rendered < res.Pages+res.Feeds {
		made = fmt.Sprintf(" (%d made again, the rest unchanged)", res.Rendered)
	}
	fmt.Fprintf(stdout, "built %s, %s%s, %s in %s → %s\n",
		count(res.Pages, "page"), count(res.Feeds, "feed file"), made, count(res.Diagnostics.Warnings(), "warning"),
		res.Duration.Round(time.Millisecond), strings.TrimSuffix(cfg.Out, "/")+"/")
	return exitOK
}

// defaultCache is where builds keep their cache unless told otherwise.
const defaultCache = ".cache/handbook"

func printDiagnostics(w io.Writer, l diag.List) {
	for _, d := range l {
		fmt.Fprintln(w, d)
	}
}

func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
