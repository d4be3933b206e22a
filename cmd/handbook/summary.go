package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/handbook/handbook/generator"
	"github.com/handbook/handbook/generator/summary"
)

func runSummary(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("summary", `handbook summary --base REF

Print, in Markdown, what the current branch changes in the content against
REF (for a pull request: the branch it will merge into): updates added,
decisions added or whose status changes, key results whose progress moves,
handbook pages added, changed or removed, and the problems check finds in
the files it touches. The content before is taken where the branch forked
from REF; the content after is the working tree. Sections with nothing in
them are left out. In GitHub Actions, append it to $GITHUB_STEP_SUMMARY.`, stdout, stderr)
	var cfg generator.Config
	var now, base string
	siteFlags(fs, &cfg, &now)
	fs.StringVar(&base, "base", "", "the git `REF` to compare with, such as origin/main (required)")
	fs.StringVar(&cfg.Cache, "cache", defaultCache, "build cache `folder`, shared with build and check: files that did not change are not parsed again (\"\" for none)")
	if code := parseFlags(fs, args, stdout); code >= 0 {
		return code
	}
	if base == "" {
		fmt.Fprintln(stderr, "handbook summary: --base is required, such as --base origin/main")
		return exitUsage
	}
	if code := setNow("summary", now, &cfg, stderr); code >= 0 {
		return code
	}
	findSite(fs, stderr, map[string]*string{"content": &cfg.Content, "layouts": &cfg.Layouts, "cache": &cfg.Cache})

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	c, err := summary.Run(ctx, cfg, base)
	if err != nil {
		fmt.Fprintf(stderr, "handbook summary: %v\n", err)
		return exitContent
	}
	fmt.Fprint(stdout, c.Markdown())
	return exitOK
}
