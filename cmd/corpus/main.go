// Command corpus writes a synthetic handbook site for benchmarks: every
// kind of content, linked the way a real team's site is, at any size.
//
// Usage:
//
//	go run ./cmd/corpus -n 10000 -out /tmp/corpus
//
// It writes DIR/site.toml and N documents under DIR, made by package
// generator/corpus (which describes what a corpus holds): people, teams,
// objectives, decision records, handbook pages and updates over the year
// before 2026-11-25.
//
// Output is deterministic: the same -n and -seed give byte-identical
// files. Build the result with
//
//	go run ./cmd/handbook build --content DIR --out DIR.public --now 2026-11-25
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/handbook/handbook/generator/corpus"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("corpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "number of documents to write")
	out := fs.String("out", "", "output folder (required); replaced if it holds a previous corpus")
	seed := fs.Uint64("seed", 1, "random seed; the same -n and -seed give the same files")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: corpus -n N -out DIR [-seed S]\n\nWrites a synthetic handbook site of N documents of every kind into DIR.\n\nFlags:\n")
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
	if *out == "" || *n < 10 || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "corpus: need -out DIR and -n of at least 10")
		fs.Usage()
		return 2
	}
	files := corpus.Generate(*n, *seed)
	if err := corpus.Write(*out, files); err != nil {
		fmt.Fprintf(stderr, "corpus: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d documents (%d files) to %s\n", *n, len(files), *out)
	return 0
}
