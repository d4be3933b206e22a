package content

import (
	"maps"
	"slices"

	"github.com/handbook/handbook/generator/cache"
	"github.com/handbook/handbook/generator/markdown"
	"github.com/handbook/handbook/generator/site"
)

// converted is a conversion, and what the conversion asked
// the rest of the content about, to check that the answers still hold.
type converted struct {
	Result markdown.Result
	// Rewrites holds each link's destination and the href it became:
	// a link to another file depends on that file's page.
	Rewrites []rewrite
	// KeepH1 is the answer to keepH1 for the leading H1, when Result has
	// a Title: it depends on the front matter's title.
	KeepH1 bool
	// aliased is set when Result.HTML shares bytes that are never
	// written to, a snapshot's or a conversion's own: the document's
	// body may share them too.
	aliased bool
}

type rewrite struct {
	Dest  string
	Image bool
	Href  string
}

// convert converts a document's body, or takes the conversion of a file
// of the last build with the same body, when every link of it still
// resolves to the same href. rewrite may be called for a conversion that
// is then rejected: reset undoes what those calls recorded.
func (l *loader) convert(conv *markdown.Converter, body []byte, bodyHash cache.Key, rw markdown.Rewriter, keepH1 func(string) bool, reset func()) (converted, error) {
	if e := l.prev.body(bodyHash); e != nil {
		if p, ok := decodeParse(e.parsed, ""); ok && p.conv.valid(rw, keepH1) {
			return p.conv, nil
		}
		reset()
	}
	c := converted{}
	record := func(dest string, image bool) string {
		href := rw(dest, image)
		c.Rewrites = append(c.Rewrites, rewrite{Dest: dest, Image: image, Href: href})
		return href
	}
	keep := func(h1 string) bool {
		c.KeepH1 = keepH1(h1)
		return c.KeepH1
	}
	res, err := conv.Convert(body, record, keep)
	// The HTML is the conversion's own, which nothing writes to: the
	// body shares it rather than a copy (160 MB at 100,000 documents).
	c.Result, c.aliased = res, true
	return c, err
}

// valid reports whether the cached conversion is what converting again
// would give: links resolve to the same hrefs, and the leading H1 is kept
// or dropped as before.
func (c *converted) valid(rw markdown.Rewriter, keepH1 func(string) bool) bool {
	for _, r := range c.Rewrites {
		if rw(r.Dest, r.Image) != r.Href {
			return false
		}
	}
	return c.Result.Title == "" || keepH1(c.Result.Title) == c.KeepH1
}

// hashes returns a document's ListHash and SourceHash, from the hashes
// of its front matter and body and what was made of them. extra is what
// else other pages show of the document: an update's blockers read from
// its body.
func hashes(rel string, fmHash, bodyHash cache.Key, md markdown.Result, links []site.Link, resolved []resolution, extra []string) (list, full cache.Key) {
	h := cache.NewHasher("document").String(rel).Key(fmHash)
	h.String(md.Title).String(md.Summary)
	for _, x := range md.Headings {
		h.Int(int64(x.Level)).String(x.ID).String(x.Text)
	}
	for i, x := range links {
		h.String(x.Dest).String(x.Target).String(x.Fragment).Bool(x.Image).String(resolved[i].href)
	}
	h.Int(int64(len(extra)))
	for _, x := range extra {
		h.String(x)
	}
	list = h.Sum()
	return list, cache.NewHasher("source").Key(list).Key(bodyHash).Sum()
}

// hash returns Result.Hash; folders is readFolders's hash.
func (l *loader) hash(cfg []byte, docs []parsed, folders cache.Key) cache.Key {
	h := cache.NewHasher("content").Bytes(cfg).String(l.cfg.BaseURL).Key(folders)
	for _, d := range docs {
		if d.doc != nil {
			h.Key(d.doc.ListHash)
		}
	}
	for _, p := range slices.Sorted(maps.Keys(l.static)) {
		h.String(p)
	}
	return h.Sum()
}
