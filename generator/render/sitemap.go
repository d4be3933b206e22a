package render

import (
	"encoding/xml"
)

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// sitemap lists every HTML page but the 404 and search pages, with the
// document's date as lastmod where there is one.
type sitemap struct {
	urls []sitemapURL
}

// add lists the page v, if it belongs in the sitemap.
func (m *sitemap) add(r *renderer, v *View) {
	if v.Template == "404" || v.Template == "search" {
		return
	}
	u := sitemapURL{Loc: r.abs(v.URL)}
	if d := v.Doc; d != nil && !d.Date.IsZero() {
		u.LastMod = d.Date.Format("2006-01-02")
	}
	m.urls = append(m.urls, u)
}

// output encodes the sitemap.
func (m *sitemap) output() Output {
	// An entry is its address, its date and some 70 bytes of elements.
	size := 256
	for _, u := range m.urls {
		size += len(u.Loc) + len(u.LastMod) + 80
	}
	data, err := encodeXML(urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", URLs: m.urls}, size)
	if err != nil {
		// Encoding plain strings cannot fail; keep the build going.
		data = nil
	}
	return Output{Path: "sitemap.xml", Data: data}
}
