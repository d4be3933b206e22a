package content

import (
	"path"
	"strings"
)

// decodeAliases reads aliases, the site paths a document had before it
// moved: ["/handbook/old-name/", "/old.html"]. Each must be a path on
// this site, starting with "/"; a path without an extension is a folder.
func decodeAliases(f *fields) []string {
	v, key, ok := f.get("aliases", "redirect_from")
	if !ok {
		return nil
	}
	var items []value
	if list, isList := v.v.([]value); isList {
		items = list
	} else {
		items = []value{v}
	}
	var out []string
	for _, item := range items {
		s, isText := scalarString(item)
		s = strings.TrimSpace(s)
		switch {
		case !isText:
			f.errorf(item, key, "want a site path such as \"/handbook/old-name/\", got %s", describe(item.v))
			continue
		case !strings.HasPrefix(s, "/") || strings.HasPrefix(s, "//") || strings.ContainsAny(s, "?#\\ \t") || strings.Contains(s, ":"):
			f.errorf(item, key, "want a site path starting with \"/\" such as \"/handbook/old-name/\", got %q", s)
			continue
		}
		clean := path.Clean(s)
		if strings.Contains(s, "/../") || strings.HasSuffix(s, "/..") || strings.Contains(s, "/./") || clean == "/" {
			f.errorf(item, key, "want a site path without \".\" or \"..\" that is not the home page, got %q", s)
			continue
		}
		if path.Ext(clean) == "" {
			clean += "/"
		}
		out = append(out, clean)
	}
	return out
}
