// Command corpus writes a synthetic handbook site for benchmarks: every
// kind of content, linked the way a real team's site is, at any size.
//
// Usage:
//
//	go run ./cmd/corpus -n 10000 -out /tmp/corpus
//
// It writes DIR/site.toml and N documents under DIR: people and teams
// (about 1% and one team per eight people), objectives with key results
// (about 1%), decision records in MADR form that supersede each other
// (5%), handbook sections and pages with owners and review dates (5%),
// and updates for the rest: Done/Next/Blockers check-ins over the year
// before 2026-11-25, with statuses, tags, key-result progress, code
// blocks, tables, blockers naming people, and links to decisions,
// handbook pages and other updates. Text is drawn from a Zipf
// distribution over common words, a domain vocabulary and a tail of rare
// generated words, so the vocabulary grows with the site as real text
// does.
//
// Output is deterministic: the same -n and -seed give byte-identical
// files. Build the result with
//
//	go run ./cmd/handbook build --content DIR --out DIR.public --now 2026-11-25
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
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
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			fs.Usage()
			return 0
		}
		return 2
	}
	if *out == "" || *n < 10 || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "corpus: need -out DIR and -n of at least 10")
		fs.Usage()
		return 2
	}
	files := generate(*n, *seed)
	if err := write(*out, files); err != nil {
		fmt.Fprintf(stderr, "corpus: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d documents (%d files) to %s\n", *n, len(files), *out)
	return 0
}

// write replaces dir with files. It refuses to delete a folder that is
// not a previous corpus.
func write(dir string, files []file) error {
	if _, err := os.Stat(dir); err == nil {
		if _, err := os.Stat(filepath.Join(dir, "site.toml")); err != nil {
			if entries, _ := os.ReadDir(dir); len(entries) > 0 {
				return fmt.Errorf("%s exists and is not a corpus (no site.toml); not replacing it", dir)
			}
		}
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(f.data), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func split(s string, sep ...string) []string {
	if len(sep) > 0 {
		return strings.Split(s, sep[0])
	}
	return strings.Fields(s)
}
