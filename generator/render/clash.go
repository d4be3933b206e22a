package render

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/handbook/handbook/generator/diag"
)

// checkPaths checks the outputs, sorted by path: every path must be a
// clean relative path, no two outputs may share one, and no output may be
// where another's folder goes. A content file that would be written over a page or feed
// the site generates, or over another content file's page, is reported as
// a diagnostic at that file, naming what it would overwrite.
func checkPaths(outs []placed) error {
	var diags diag.List
	for i, o := range outs {
		if !fs.ValidPath(o.Path) || o.Path == "." {
			return fmt.Errorf("output path %q is not a clean relative path", o.Path)
		}
		if i == 0 || outs[i-1].Path != o.Path {
			continue
		}
		a, b := order(outs[i-1], o)
		switch {
		case b.Source == "":
			return fmt.Errorf("two generated outputs would be written to %s", o.Path)
		case a.Source == "":
			diags.Errorf(diag.Pos{File: b.Source}, "would overwrite the generated %s; rename or move the file", describeOutput(o.Path))
		default:
			diags.Errorf(diag.Pos{File: b.Source}, "would overwrite the %s of %s; rename or move one of them", describeOutput(o.Path), a.Source)
		}
	}
	checkFolders(outs, &diags)
	return diags.Sort().Err()
}

// checkFolders reports an output whose path is a folder another output
// goes in: a file "handbook/chat" beside the page
// "handbook/chat/index.html". The content file is the one to move; two
// generated outputs cannot meet like this.
func checkFolders(outs []placed, diags *diag.List) {
	for i, o := range outs {
		// The paths that start with o's come right after it, sorted;
		// among them, those in its folder from its path and a slash on.
		// Nearly always the next path does not start with o's, and a
		// site of 100,000 documents is checked without a map of its
		// 160,000 folders.
		if i+1 == len(outs) || !strings.HasPrefix(outs[i+1].Path, o.Path) {
			continue
		}
		folder := o.Path + "/"
		rest := outs[i+1:]
		j, _ := slices.BinarySearchFunc(rest, folder, func(x placed, p string) int { return strings.Compare(x.Path, p) })
		if j == len(rest) || !strings.HasPrefix(rest[j].Path, folder) {
			continue
		}
		in := rest[j]
		switch {
		case o.Source != "":
			diags.Errorf(diag.Pos{File: o.Source}, "would be written where the folder /%s/ goes (%s is in it); rename or move the file", o.Path, describeOutput(in.Path))
		case in.Source != "":
			diags.Errorf(diag.Pos{File: in.Source}, "would be written inside %s, which the site generates as a file; rename or move the file", "/"+o.Path)
		default:
			diags.Errorf(diag.Pos{File: o.Path}, "generated output is also a folder of /%s", in.Path)
		}
	}
}

// order returns two outputs with the same path as (other, subject): the
// subject is the one a diagnostic names as the file to move. That is a
// content file rather than a generated output, a file copied from the
// content folder rather than a page, else the later by name.
func order(a, b placed) (placed, placed) {
	switch {
	case a.Source == "" || b.Source == "":
		if a.Source != "" {
			return b, a
		}
	case copied(a) != copied(b):
		if copied(a) {
			return b, a
		}
	case a.Source > b.Source:
		return b, a
	}
	return a, b
}

// copied reports whether o is a file copied from the content folder, as
// opposed to a page rendered from a document.
func copied(o placed) bool {
	return o.Source != "" && (o.Source == o.Path || strings.HasSuffix(o.Source, "/"+o.Path))
}

// describeOutput names an output for a reader: "page /updates/" for an
// index.html, else "file /handbook/feed.xml".
func describeOutput(p string) string {
	if p == "index.html" || strings.HasSuffix(p, "/index.html") {
		return "page /" + strings.TrimSuffix(p, "index.html")
	}
	return "file /" + p
}
