package render

import (
	"bytes"
	"encoding/xml"
)

// sitemap lists every HTML page but the 404 and search pages, with the
// document's date as lastmod where there is one. Each entry is written
// as its page is listed: at 100,000 documents, keeping each one's
// address and date as strings until the end held 310,000 objects for
// the collector to trace through the rest of the build.
type sitemap struct {
	b bytes.Buffer
}

// sitemapNS is the sitemap protocol's namespace.
const sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

// add lists the page of j, if it belongs in the sitemap.
func (m *sitemap) add(r *renderer, j job) {
	url, d := "", j.doc
	if v := j.view; v != nil {
		if v.Template == "404" || v.Template == "search" {
			return
		}
		url = v.URL
	} else {
		url = d.URL
	}
	m.b.WriteString("  <url>\n    <loc>")
	// Cannot fail: a bytes.Buffer takes every write.
	_ = xml.EscapeText(&m.b, []byte(r.abs(url)))
	m.b.WriteString("</loc>\n")
	if d != nil && !d.Date.IsZero() {
		m.b.WriteString("    <lastmod>")
		m.b.Write(d.Date.AppendFormat(m.b.AvailableBuffer(), "2006-01-02"))
		m.b.WriteString("</lastmod>\n")
	}
	m.b.WriteString("  </url>\n")
}

// output returns the sitemap, laid out as encoding/xml indents it.
func (m *sitemap) output() Output {
	var b bytes.Buffer
	b.Grow(len(xml.Header) + len(sitemapNS) + 40 + m.b.Len())
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="` + sitemapNS + `">`)
	if m.b.Len() > 0 {
		b.WriteByte('\n')
		b.Write(m.b.Bytes())
	}
	b.WriteString("</urlset>\n")
	return Output{Path: "sitemap.xml", Data: b.Bytes()}
}
