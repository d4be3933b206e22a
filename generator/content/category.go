package content

import (
	"bytes"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/handbook/handbook/generator/cache"
	"github.com/handbook/handbook/generator/diag"
	"github.com/handbook/handbook/generator/site"
)

// Docusaurus describes a folder of docs in a _category_.json or
// _category_.yml file among its pages: the folder's label in the
// sidebar, its position among its siblings and, for the index page
// Docusaurus generates, a description. A folder dropped into handbook/
// from Docusaurus keeps them: the walk takes the file as a static file,
// so that the snapshot and a build with nothing to do see it as any
// other file, but it is read here rather than published, and the model
// titles and orders the folder by it (site.Folder).

// categoryKeys are the keys Docusaurus reads in a category file, as
// normKey makes them; others are misspellings, and warned about.
var categoryKeys = map[string]bool{"label": true, "position": true, "link": true, "collapsed": true, "collapsible": true, "classname": true, "customprops": true, "key": true}

// categoryNames are the names of a folder's category file.
var categoryNames = []string{"_category_.json", "_category_.yml", "_category_.yaml"}

// isCategory reports whether rel, a content path, is the category file
// of a handbook folder.
func isCategory(rel string) bool {
	top, _, _ := strings.Cut(rel, "/")
	return top == site.KindPage.Folder() && slices.Contains(categoryNames, path.Base(rel))
}

// published returns the static files a build publishes: all but the
// category files.
func published(static []string) []string {
	return slices.DeleteFunc(slices.Clone(static), isCategory)
}

// readFolders reads the category files among static, and returns what
// each folder says of itself, by folder, and a hash of the files for
// Result.Hash: a folder's title and place show on every handbook page.
func (l *loader) readFolders(static []string, diags *diag.List) (map[string]site.Folder, cache.Key) {
	h := cache.NewHasher("folders")
	folders := map[string]site.Folder{}
	from := map[string]string{} // folder -> its category file
	for _, p := range static {
		if !isCategory(p) {
			continue
		}
		h.String(p)
		data, err := l.readFile(p)
		if err != nil {
			diags.Errorf(diag.Pos{File: l.display(p)}, "read: %v", unwrapPath(err))
			continue
		}
		h.Bytes(data)
		dir := path.Dir(p)
		switch {
		case dir == site.KindPage.Folder():
			// As in Docusaurus, whose docs' top has no category.
			diags.Warnf(diag.Pos{File: l.display(p)}, "a category file at the top of %s/ is not read: the handbook's home page is %s/index.md", dir, dir)
			continue
		case !l.folders[dir]:
			diags.Warnf(diag.Pos{File: l.display(p)}, "%s/ holds no pages for this file to describe", dir)
			continue
		}
		if other, dup := from[dir]; dup {
			diags.Errorf(diag.Pos{File: l.display(p)}, "%s describes this folder too; keep one of the two", path.Base(other))
			continue
		}
		from[dir] = p
		if f, ok := decodeFolder(l.display(p), data, diags); ok {
			folders[dir] = f
		}
	}
	return folders, h.Sum()
}

// decodeFolder reads a category file: label, position and link's
// description, as Docusaurus does; a link's title stands in for a
// missing label. The other keys (collapsed, className, customProps...)
// shape Docusaurus's sidebar and are left alone.
func decodeFolder(file string, data []byte, diags *diag.List) (site.Folder, bool) {
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // as editors on Windows save it
	index := newLines(data)
	at := func(line, col int) diag.Pos { return index.within(diag.Pos{File: file, Line: line, Col: col}) }
	var m *mapping
	var err error
	if strings.HasSuffix(file, ".json") {
		m, err = decodeJSON(data, at)
	} else if len(strings.TrimSpace(string(data))) > 0 {
		m, err = decodeYAML(data, at)
	} else {
		m = newMapping()
	}
	if err != nil {
		if fe, ok := err.(*frontError); ok {
			// The decoders speak of front matter, which this is not.
			diags.Errorf(fe.pos, "%s", strings.Replace(fe.msg, "front matter", "a category file", 1))
		} else {
			diags.Errorf(at(1, 1), "%v", err)
		}
		return site.Folder{}, false
	}
	for i, k := range m.keys {
		if !categoryKeys[normKey(k)] {
			diags.Warnf(m.keyPos[i], "unknown key %q in a category file (want label, position, link, collapsed, collapsible, className, customProps or key)", k)
		}
	}
	f := newFields(m, file, time.UTC, diags)
	folder := site.Folder{Label: f.str("label"), Position: f.optionalNumber("position")}
	if v, _, ok := f.get("link"); ok && v.v != nil { // link: null is no index page
		if link, _ := f.table("link"); link != nil {
			sub := f.sub(link)
			folder.Description = sub.str("description")
			if folder.Label == "" {
				folder.Label = sub.str("title")
			}
		}
	}
	return folder, true
}
