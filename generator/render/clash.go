package render

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/handbook/handbook/generator/diag"
)

// checkPaths checks the outputs, sorted by path, before anything is
// written: every path must be a clean relative path, and no two outputs
// may share one. A content file that would be written over a page or feed
// the site generates, or over another content file's page, is reported as
// a diagnostic at that file, naming what it would overwrite.
func checkPaths(outs []Output) error {
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
	return diags.Sort().Err()
}

// order returns two outputs with the same path as (other, subject): the
// subject is the one a diagnostic names as the file to move. That is a
// content file rather than a generated output, a file copied from the
// content folder rather than a page, else the later by name.
func order(a, b Output) (Output, Output) {
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
func copied(o Output) bool {
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
