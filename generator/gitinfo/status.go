package gitinfo

import (
	"bufio"
	"bytes"
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/handbook/handbook/generator/content"
	"github.com/handbook/handbook/generator/site"
)

// statusFolders are the content folders whose documents have a status
// worth a history.
var statusFolders = []string{site.KindDecision.Folder(), site.KindObjective.Folder()}

// readStatuses reads the status every version of every decision and
// objective had in the commits rev names, with one more git log. The
// first log lists names only; this one prints each changed file whole (a
// diff with unlimited context), which is affordable for these two small
// folders and would not be for years of updates.
func readStatuses(ctx context.Context, dir, rev string) (map[string][]site.Revision, error) {
	args := []string{"-c", "log.showSignature=false", "-c", "core.quotePath=false", "log", "-p", "--full-history", "--no-renames", "--relative",
		"--no-color", "--no-ext-diff", "--unified=100000000", "--format=%x1e%ct", rev, "--"}
	out, err := git(ctx, dir, append(args, statusFolders...)...)
	if err != nil {
		return nil, err
	}
	return parseStatuses(out), nil
}

// parseStatuses reads git log -p output: for each commit, the new version
// of each file it changed, whose front-matter status is recorded.
func parseStatuses(out []byte) map[string][]site.Revision {
	revs := map[string][]site.Revision{}
	for _, commit := range bytes.Split(out, []byte{0x1e}) {
		header, patch, _ := bytes.Cut(commit, []byte{'\n'})
		secs, err := strconv.ParseInt(string(bytes.TrimSpace(header)), 10, 64)
		if err != nil {
			continue
		}
		when := time.Unix(secs, 0).UTC()
		for name, data := range newVersions(patch) {
			revs[name] = append(revs[name], site.Revision{Date: when, Status: content.Status(data)})
		}
	}
	for name := range revs {
		// git log lists the newest commit first; the model wants the
		// oldest first.
		slices.SortStableFunc(revs[name], func(a, b site.Revision) int { return a.Date.Compare(b.Date) })
	}
	return revs
}

// newVersions returns the files of one commit's patch as they were after
// it, by path. With unlimited context a file's hunk holds every line of
// it: context and added lines make the new version. Deleted and binary
// files are left out.
func newVersions(patch []byte) map[string][]byte {
	files := map[string][]byte{}
	var name string
	var body *bytes.Buffer
	inHunk := false
	flush := func() {
		if name != "" && body != nil {
			files[name] = body.Bytes()
		}
		name, body, inHunk = "", nil, false
	}
	sc := bufio.NewScanner(bytes.NewReader(patch))
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "diff --git "):
			flush()
		case !inHunk && strings.HasPrefix(line, "+++ "):
			name = diffPath(strings.TrimPrefix(line, "+++ "))
		case strings.HasPrefix(line, "@@ "):
			inHunk = true
			if body == nil {
				body = &bytes.Buffer{}
			}
		case inHunk && (strings.HasPrefix(line, " ") || strings.HasPrefix(line, "+")):
			body.WriteString(line[1:])
			body.WriteByte('\n')
		}
	}
	flush()
	return files
}

// diffPath reads the new file name of a "+++ b/decisions/x.md" line; ""
// for /dev/null. git ends a name that has a space with a tab.
func diffPath(p string) string {
	p = strings.TrimSuffix(p, "\t")
	if strings.HasPrefix(p, `"`) {
		if u, err := strconv.Unquote(p); err == nil {
			p = u
		}
	}
	if p == "/dev/null" {
		return ""
	}
	return strings.TrimPrefix(p, "b/")
}
