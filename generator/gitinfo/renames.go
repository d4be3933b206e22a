package gitinfo

import (
	"bytes"
	"context"
	"strings"
)

// Rename is where git last saw a file go: its path now, and the
// abbreviated commit that moved it there.
type Rename struct {
	To, Commit string
}

// Renames reads the files git saw renamed in the folder dir, with one git
// log, as paths relative to dir: each old path maps to the path it has
// now, following chains (a.md to b.md to c.md gives a.md to c.md). A
// folder outside git, a shallow clone's missing history or a git error
// give fewer renames or none: they only improve a message.
func Renames(ctx context.Context, dir string) map[string]Rename {
	return RenamesCached(ctx, dir, nil)
}

// parseRenames reads git log -z --name-status output, newest commit
// first: "\x1e<commit>\x00\nR100\x00old\x00new\x00...".
func parseRenames(out []byte) map[string]Rename {
	renames := map[string]Rename{}
	for _, commit := range bytes.Split(out, []byte{0x1e}) {
		fields := strings.Split(string(commit), "\x00")
		if len(fields) < 4 {
			continue
		}
		hash := fields[0]
		for i := 1; i+2 < len(fields); i += 3 {
			status := strings.TrimLeft(fields[i], "\n")
			from, to := fields[i+1], fields[i+2]
			if !strings.HasPrefix(status, "R") || from == "" || to == "" {
				break
			}
			if _, seen := renames[from]; !seen { // the newest rename wins
				renames[from] = Rename{To: to, Commit: hash}
			}
		}
	}
	return renames
}

// chain follows the chains of renames to each file's newest name, in
// place, and returns renames; a file renamed back and forth stops where
// it would loop.
func chain(renames map[string]Rename) map[string]Rename {
	for from, r := range renames {
		seen := map[string]bool{from: true}
		for {
			next, ok := renames[r.To]
			if !ok || seen[r.To] {
				break
			}
			seen[r.To] = true
			r = Rename{To: next.To, Commit: next.Commit}
		}
		renames[from] = r
	}
	return renames
}
