package content

import (
	"fmt"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/handbook/handbook/generator/diag"

	"github.com/handbook/handbook/generator/site"
)

// isSection reports whether the content path names a landing page (see
// site.LandingFile).
func isSection(rel string) bool { return site.LandingFile(rel) }

// URL returns the site path of the Markdown file at content path rel:
//
//	handbook/index.md            -> /handbook/
//	handbook/rhythms/_index.md   -> /handbook/rhythms/
//	handbook/rhythms/Time Off.md -> /handbook/rhythms/time-off/
//	updates/2026/2026-11-20-x.md -> /updates/2026-11-20-x/
//	people/ana.md                -> /people/ana/
//
// Handbook pages keep their folders; other kinds are flat, named by their
// file. Every segment is a slug, so a path cannot climb out of the site.
func URL(rel string) string {
	top, rest, _ := strings.Cut(rel, "/")
	if top == site.KindPage.Folder() {
		dir, base := path.Split(rest)
		var segs []string
		for _, s := range strings.Split(strings.Trim(dir, "/"), "/") {
			if slug := site.Slug(s); slug != "" {
				segs = append(segs, slug)
			}
		}
		if !isSection(rel) {
			if slug := site.Slug(strings.TrimSuffix(base, path.Ext(base))); slug != "" {
				segs = append(segs, slug)
			}
		}
		if len(segs) == 0 {
			return "/" + top + "/"
		}
		return "/" + top + "/" + strings.Join(segs, "/") + "/"
	}
	return "/" + top + "/" + ID(rel) + "/"
}

// ID returns the id of the document at rel: its file name without the
// extension, as a slug. People, teams, objectives and decisions are
// referred to by id.
func ID(rel string) string {
	base := path.Base(rel)
	return site.Slug(strings.TrimSuffix(base, path.Ext(base)))
}

// hasID reports whether ID(rel) is not empty. A name with an ASCII
// letter or digit has one, whatever else it holds: the walk asks this of
// every file, and making ten thousand slugs took 16 ms of a build with
// nothing to do.
func hasID(rel string) bool {
	base := path.Base(rel)
	name := strings.TrimSuffix(base, path.Ext(base))
	for i := 0; i < len(name); i++ {
		if c := name[i] | 0x20; 'a' <= c && c <= 'z' || '0' <= name[i] && name[i] <= '9' {
			return true
		}
	}
	return ID(rel) != ""
}

// humanize turns a file or folder name into a title, its extension left
// out: "time-off.md" -> "Time off" (see site.NameTitle).
func humanize(name string) string { return site.NameTitle(strings.TrimSuffix(name, path.Ext(name))) }

// badName says what is wrong with the name of the file or folder at
// content path rel, or returns "". A name must be valid UTF-8 without
// control characters: it becomes part of a path in the output folder and
// of URLs. A handbook folder's name becomes part of its pages' URLs, so it
// needs a letter or digit.
func badName(rel string, dir bool) string {
	name, what := path.Base(rel), "file"
	if dir {
		what = "folder"
	}
	if !utf8.ValidString(name) {
		return fmt.Sprintf("%s name is not valid UTF-8; rename the %s", what, what)
	}
	for _, r := range name {
		if diag.IsControl(r) {
			return fmt.Sprintf("%s name contains the control character %q; rename the %s", what, r, what)
		}
	}
	if dir && strings.HasPrefix(rel, site.KindPage.Folder()+"/") && site.Slug(name) == "" {
		return fmt.Sprintf("folder name %q has no letter or digit to make a URL from; rename the folder", name)
	}
	return ""
}
