package site

import (
	"cmp"
	"path"
	"strconv"
	"strings"
)

// Handbook folders laid out as Docusaurus lays out docs keep their order
// and names: a folder's _category_.json places, titles and describes it
// (Folder), and a section whose pages and folders all have names that
// start with a number ("01-intro.md", "02-guides/") is ordered by those
// numbers, left out of the titles made from the names (see number).

// Folder is what a handbook folder says of itself in a _category_.json
// or _category_.yml file, Docusaurus's: its label (the title of its
// landing page when the site generates one, else the page's name in the
// sidebar), its place among its siblings and, on a generated landing
// page, a description.
type Folder struct {
	Label       string
	Position    *float64
	Description string
}

// number gives the pages of each section their place where they set
// none, as Docusaurus does. A landing page takes its folder's position,
// and its label for the sidebar. In a section whose every page and
// folder has a name that starts with a number, each takes that number,
// and a title made from its name loses it ("02-guides" -> "Guides"). A
// section where only some names start with numbers ("90-day-review.md"
// among others) is left as it is: there the number is part of the name.
func (l *linker) number(sections map[string]*Page) {
	dirOf := make(map[*Page]string, len(sections))
	for dir, p := range sections {
		dirOf[p] = dir
		if f, ok := l.folders[dir]; ok {
			if p.SidebarPosition == nil {
				p.SidebarPosition = f.Position
			}
			if !p.Generated && p.SidebarLabel == "" {
				p.SidebarLabel = f.Label // a generated page has it as its title
			}
		}
	}
	name := func(p string) string {
		base := path.Base(p)
		return strings.TrimSuffix(base, path.Ext(base))
	}
	nameOf := func(p *Page) string {
		if dir, ok := dirOf[p]; ok {
			return path.Base(dir)
		}
		return name(p.Path)
	}
	// A draft counts as the page it will be, so that a build with drafts
	// (serve) titles and orders its siblings as the build without does.
	unnumbered := map[string]bool{} // folders with a draft whose name has no number
	for p := range l.drafts {
		if _, _, ok := NumberPrefix(name(p)); !ok && !LandingFile(p) {
			unnumbered[path.Dir(p)] = true
		}
	}
	for dir, sec := range sections {
		numbered := len(sec.Children) > 0 && !unnumbered[dir]
		for _, c := range sec.Children {
			if _, _, ok := NumberPrefix(nameOf(c)); !ok {
				numbered = false
				break
			}
		}
		if !numbered {
			continue
		}
		for _, c := range sec.Children {
			rest, n, _ := NumberPrefix(nameOf(c))
			if c.SidebarPosition == nil {
				pos := float64(n)
				c.SidebarPosition = &pos
			}
			if c.Generated && l.folders[dirOf[c]].Label == "" || c.NamedTitle {
				c.Title = NameTitle(rest)
			}
		}
	}
}

// LandingNames are the file names of a handbook folder's landing page, in
// order of preference; README.md makes an existing Markdown handbook
// dropped into content/handbook/ work as it does on GitHub.
var LandingNames = []string{"index.md", "_index.md", "readme.md"}

// LandingFile reports whether the content path names a folder's
// landing page file.
func LandingFile(rel string) bool {
	base := strings.ToLower(path.Base(rel))
	for _, n := range LandingNames {
		if base == n {
			return true
		}
	}
	return false
}

// FolderTitle names a folder without a title of its own after itself:
// "engineering-practices" -> "Engineering practices".
func FolderTitle(dir string) string {
	if dir == KindPage.Folder() {
		return "Handbook"
	}
	return cmp.Or(NameTitle(path.Base(dir)), path.Base(dir))
}

// NameTitle makes a title of a file's or folder's name: words apart,
// the first capitalised ("time-off" -> "Time off"); "" for a name of
// separators alone.
func NameTitle(name string) string {
	t := strings.Join(strings.Fields(strings.NewReplacer("-", " ", "_", " ").Replace(name)), " ")
	if t == "" {
		return ""
	}
	r := []rune(t)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// NumberPrefix splits the number off a folder name, or a file name
// without its extension, that starts with one as Docusaurus's do:
// "02-guides", "1_intro" and "10. Deploy" give ("guides", 2), ("intro",
// 1) and ("Deploy", 10). The number has one to three digits, or more
// with a leading zero ("0001-intro"), so that a year ("2024-plans") is
// not one; then come "-", "_" or "." (spaces around them too), and a
// rest that starts with neither a digit nor one of those, so that a date
// or a version ("1.2-notes") is not one.
func NumberPrefix(name string) (rest string, n int, ok bool) {
	digits := 0
	for digits < len(name) && name[digits] >= '0' && name[digits] <= '9' {
		digits++
	}
	if digits == 0 || digits > 9 || digits > 3 && name[0] != '0' {
		return name, 0, false
	}
	i := digits
	for i < len(name) && name[i] == ' ' {
		i++
	}
	seps := i
	for i < len(name) && strings.IndexByte("-_.", name[i]) >= 0 {
		i++
	}
	if i == seps {
		return name, 0, false // "100 days": no separator
	}
	for i < len(name) && name[i] == ' ' {
		i++
	}
	if i == len(name) || strings.IndexByte("0123456789-_. ", name[i]) >= 0 {
		return name, 0, false
	}
	n, _ = strconv.Atoi(name[:digits])
	return name[i:], n, true
}
