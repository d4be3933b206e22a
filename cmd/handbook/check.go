package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/handbook/handbook/generator"
	"github.com/handbook/handbook/generator/check"
	"github.com/handbook/handbook/generator/diag"
)

// siteFlags adds the flags that say which site to read and as of when.
func siteFlags(fs *flag.FlagSet, cfg *generator.Config, now *string) {
	fs.StringVar(&cfg.Content, "content", "content", "content `folder`")
	fs.StringVar(&cfg.Layouts, "layouts", "layouts", "`folder` of layouts that override the built-in ones")
	fs.StringVar(now, "now", "", "as of `DATE` (YYYY-MM-DD or RFC 3339) instead of now")
}

// setNow parses --now into cfg. It returns the exit code of a usage
// error, or -1 to go on.
func setNow(cmd, now string, cfg *generator.Config, stderr io.Writer) int {
	t, err := parseNow(now)
	if err != nil {
		fmt.Fprintf(stderr, "handbook %s: %v\n", cmd, err)
		return exitUsage
	}
	cfg.Now = t
	return -1
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", `Check the content as a pull request review would: everything the build
reports, with broken links and anchors, missing images and decision
numbers used twice as errors, and also references to unknown people and
teams, superseded decisions without a successor, updates dated in the
future and links to drafts (errors), proposals past their respond-by
date and handbook pages past review (warnings). Drafts are checked too.
Nothing is written but the cache, which check shares with build. Exit 1
on errors, and with --strict on warnings.`, stdout, stderr)
	var cfg generator.Config
	var now, format string
	var strict bool
	siteFlags(fs, &cfg, &now)
	fs.StringVar(&format, "format", "text", "output `format`: text, github (workflow commands that annotate a pull request) or json")
	fs.BoolVar(&strict, "strict", false, "fail on warnings too")
	fs.StringVar(&cfg.BaseURL, "base-url", "", "base `URL` of the published site (overrides site.toml), as the build is given")
	fs.StringVar(&cfg.Cache, "cache", defaultCache, "build cache `folder`: files parsed by earlier builds and checks are not parsed again, git's renames are read for new commits only, and pages whose inputs did not change are not rendered again (\"\" for none)")
	var prof profiles
	prof.flags(fs)
	if code := parseFlags(fs, args, stdout); code >= 0 {
		return code
	}
	f, ok := check.ParseFormat(format)
	if !ok {
		fmt.Fprintf(stderr, "handbook check: unknown format %q (want %s)\n", format, strings.Join(check.Formats, ", "))
		return exitUsage
	}
	if code := setNow("check", now, &cfg, stderr); code >= 0 {
		return code
	}
	findSite(fs, stderr, map[string]*string{"content": &cfg.Content, "layouts": &cfg.Layouts, "cache": &cfg.Cache})
	stopProfiles, ok := prof.startFor("check", stderr)
	if !ok {
		return exitUsage
	}
	defer stopProfiles()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	cfg.Reading = expectContent
	done := progress(stderr, &cfg)
	rep, err := check.Run(ctx, cfg)
	done()
	if err != nil {
		fmt.Fprintf(stderr, "handbook check: %v\n", err)
		printHints(stderr, cfg.Content, nil)
		return exitContent
	}
	list := rep.Diagnostics
	if f == check.GitHub {
		list = relativePaths(list)
	}
	if err := check.Write(stdout, f, list); err != nil {
		fmt.Fprintf(stderr, "handbook check: %v\n", err)
		return exitContent
	}
	printHints(stderr, cfg.Content, rep.Diagnostics)
	fmt.Fprintf(stderr, "checked %s in %s: %s, %s\n", count(rep.Docs, "document"), rep.Duration.Round(time.Millisecond),
		count(list.Errors(), "error"), count(list.Warnings(), "warning"))
	if rep.Failed(strict) {
		return exitContent
	}
	return exitOK
}

// relativePaths makes absolute paths relative to the working folder, the
// repository's root in CI, where annotations need repository paths.
func relativePaths(l diag.List) diag.List {
	wd, err := os.Getwd()
	if err != nil {
		return l
	}
	out := make(diag.List, len(l))
	for i, d := range l {
		if filepath.IsAbs(d.Pos.File) {
			if rel, err := filepath.Rel(wd, d.Pos.File); err == nil && filepath.IsLocal(rel) {
				d.Pos.File = filepath.ToSlash(rel)
			}
		}
		out[i] = d
	}
	return out
}
