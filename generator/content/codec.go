package content

import (
	"encoding/binary"
	"unsafe"

	"github.com/handbook/handbook/generator/markdown"
	"github.com/handbook/handbook/generator/site"
)

// The cache keeps conversions in a small binary form: every build reads
// one per document, and encoding/gob spends more time learning the types
// of each entry than reading it.
//
// Numbers are uvarints, strings and byte slices their length then their
// bytes, lists their length then their items.

// convertedVersion starts every entry; change it with the layout below.
const convertedVersion = 3

func (c *converted) encode() []byte {
	e := encoder{b: make([]byte, 0, 2*len(c.Result.HTML)+256)}
	c.encodeTo(&e)
	return e.b
}

// encodeTo appends the entry to e.
func (c *converted) encodeTo(e *encoder) {
	r := &c.Result
	e.uint(convertedVersion)
	e.bytes(r.HTML)
	e.string(r.Title)
	e.string(r.TitleID)
	e.uint(uint64(len(r.Headings)))
	for _, h := range r.Headings {
		e.uint(uint64(h.Level))
		e.string(h.ID)
		e.string(h.Text)
	}
	e.toc(r.TOC)
	e.uint(uint64(len(r.Links)))
	for _, l := range r.Links {
		e.string(l.Dest)
		e.uint(uint64(l.Offset))
		e.bool(l.Image)
	}
	e.uint(uint64(len(r.Sections)))
	for _, s := range r.Sections {
		e.string(s.ID)
		e.string(s.Title)
		e.string(s.Text)
	}
	// Text is left out: documents keep their text by section.
	e.string(r.Summary)
	e.uint(uint64(len(c.Rewrites)))
	for _, w := range c.Rewrites {
		e.string(w.Dest)
		e.bool(w.Image)
		e.string(w.Href)
	}
	e.bool(c.KeepH1)
}

// decodeConverted reads an entry; ok is false for one that is damaged or
// from another version. With alias, the strings and HTML it returns share
// data's bytes (see decoder.alias).
func decodeConverted(data []byte, alias bool) (c converted, ok bool) {
	d := decoder{b: data, alias: alias}
	if d.uint() != convertedVersion {
		return c, false
	}
	r := &c.Result
	if alias {
		r.HTML = d.raw()
		c.aliased = true
	} else {
		r.HTML = []byte(d.string())
	}
	r.Title = d.string()
	r.TitleID = d.string()
	for range d.count() {
		r.Headings = append(r.Headings, site.Heading{Level: int(d.uint()), ID: d.string(), Text: d.string()})
	}
	r.TOC = d.toc(0)
	for range d.count() {
		r.Links = append(r.Links, markdown.Link{Dest: d.string(), Offset: int(d.uint()), Image: d.bool()})
	}
	for range d.count() {
		r.Sections = append(r.Sections, markdown.Section{ID: d.string(), Title: d.string(), Text: d.string()})
	}
	r.Summary = d.string()
	for range d.count() {
		c.Rewrites = append(c.Rewrites, rewrite{Dest: d.string(), Image: d.bool(), Href: d.string()})
	}
	c.KeepH1 = d.bool()
	return c, !d.bad && len(d.b) == 0
}

type encoder struct{ b []byte }

func (e *encoder) uint(n uint64)   { e.b = binary.AppendUvarint(e.b, n) }
func (e *encoder) bytes(b []byte)  { e.uint(uint64(len(b))); e.b = append(e.b, b...) }
func (e *encoder) string(s string) { e.uint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *encoder) bool(v bool) {
	if v {
		e.uint(1)
	} else {
		e.uint(0)
	}
}

func (e *encoder) toc(items []site.TOCItem) {
	e.uint(uint64(len(items)))
	for _, it := range items {
		e.string(it.ID)
		e.string(it.Text)
		e.toc(it.Items)
	}
}

// decoder reads what encoder wrote. After the first error it reads zeros
// and sets bad.
type decoder struct {
	b   []byte
	bad bool
	// alias makes strings share the bytes read rather than copy them,
	// for bytes never written to again: a snapshot's, read from the
	// cache. A build with one file changed decodes every other file's
	// entry, tens of megabytes at 10,000 documents; copying them was a
	// good part of its time, and of the collector's.
	alias bool
}

func (d *decoder) uint() uint64 {
	n, k := binary.Uvarint(d.b)
	if k <= 0 {
		d.bad, d.b = true, nil
		return 0
	}
	d.b = d.b[k:]
	return n
}

// count reads a list's length, which cannot be more than the bytes left.
func (d *decoder) count() int {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.bad, d.b = true, nil
		return 0
	}
	return int(n)
}

func (d *decoder) string() string {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.bad, d.b = true, nil
		return ""
	}
	var s string
	if d.alias && n > 0 {
		s = unsafe.String(&d.b[0], n)
	} else {
		s = string(d.b[:n])
	}
	d.b = d.b[n:]
	return s
}

func (d *decoder) bool() bool { return d.uint() == 1 }

func (d *decoder) toc(depth int) []site.TOCItem {
	n := d.count()
	if depth > 16 {
		d.bad, d.b = true, nil
		return nil
	}
	if n == 0 {
		return nil
	}
	items := make([]site.TOCItem, n)
	for i := range items {
		items[i] = site.TOCItem{ID: d.string(), Text: d.string()}
		items[i].Items = d.toc(depth + 1)
	}
	return items
}
