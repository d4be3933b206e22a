package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strings"

	"github.com/handbook/handbook/generator"
	"github.com/handbook/handbook/generator/serve"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", `handbook serve [--addr 127.0.0.1:1313]

Build the site into memory and serve it, drafts included. Changes to the
content and layouts folders rebuild it and reload the open pages; a change
to CSS alone swaps the stylesheet without a reload. When an edit does not
build, the last good build stays up and the pages show the problems in an
overlay until they are fixed. Serves on the loopback address only, unless
--addr names another.`, stdout, stderr)
	var cfg generator.Config
	var now, addr string
	siteFlags(fs, &cfg, &now)
	fs.StringVar(&addr, "addr", "127.0.0.1:1313", "`address` to listen on (host:port)")
	fs.BoolVar(&cfg.Drafts, "drafts", true, "include drafts")
	fs.StringVar(&cfg.Cache, "cache", defaultCache, "build cache `folder`: Markdown converted by earlier builds is not converted again (\"\" for none)")
	if code := parseFlags(fs, args, stdout); code >= 0 {
		return code
	}
	if code := setNow("serve", now, &cfg, stderr); code >= 0 {
		return code
	}
	findSite(fs, stderr, map[string]*string{"content": &cfg.Content, "layouts": &cfg.Layouts, "cache": &cfg.Cache})
	cfg.ReleaseText = true // as in build
	cfg.Reading = expectContent
	if info, err := os.Stat(cfg.Content); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "handbook serve: content folder %s not found\n", cfg.Content)
		printHints(stderr, cfg.Content, nil)
		return exitContent
	}

	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(stderr, "handbook serve: %v (pass another --addr)\n", err)
		return exitContent
	}
	if host, _, _ := net.SplitHostPort(addr); !isLoopback(host) {
		fmt.Fprintf(stderr, "handbook serve: listening on %s: anyone who can reach this address can read the site, drafts included\n", addr)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	drafts := ""
	if cfg.Drafts {
		drafts = ", drafts included"
	}
	fmt.Fprintf(stdout, "serving %s at http://%s/%s; watching %s and %s; press Ctrl+C to stop\n",
		strings.TrimSuffix(cfg.Content, "/")+"/", ln.Addr(), drafts, cfg.Content, cfg.Layouts)
	s := serve.New(serve.Options{Config: cfg, Log: stderr})
	if err := s.Serve(ctx, ln); err != nil {
		fmt.Fprintf(stderr, "handbook serve: %v\n", err)
		return exitContent
	}
	return exitOK
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
