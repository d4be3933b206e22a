package content

import (
	"strings"
	"time"

	"github.com/handbook/handbook/generator/diag"
	"github.com/handbook/handbook/generator/site"
)

// Status returns the status that a version of a content file sets in its
// front matter, as the model spells it: lower case, "on-track" for "On
// track", and "superseded" for MADR's "superseded by ADR-0012". It
// returns "" when the file sets none or its front matter does not parse:
// package gitinfo reads past versions of files with it, and an old
// mistake is no reason to fail today's build.
func Status(data []byte) string {
	var diags diag.List
	src := split("", data, &diags)
	if src.meta == nil {
		return ""
	}
	v, _, ok := newFields(src.meta, "", time.UTC, &diags).get("status")
	if !ok {
		return ""
	}
	s, isText := scalarString(v)
	if !isText {
		return ""
	}
	if supersededBy.MatchString(s) {
		return site.Superseded
	}
	s = strings.ToLower(strings.TrimSpace(s))
	if st := site.Status(strings.NewReplacer(" ", "-", "_", "-").Replace(s)); st.Rank() > 0 {
		return string(st)
	}
	return s
}
