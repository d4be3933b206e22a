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

// sitemap lists every HTML page but the 404 and search pages, with the document's
// date as lastmod where there is one.
func (r *renderer) sitemap(jobs []job) Output {
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, j := range jobs {
		if j.view.Template == "404" || j.view.Template == "search" {
			continue
		}
		u := sitemapURL{Loc: r.abs(j.view.URL)}
		if d := j.view.Doc; d != nil && !d.Date.IsZero() {
			u.LastMod = d.Date.Format("2006-01-02")
		}
		set.URLs = append(set.URLs, u)
	}
	data, err := encodeXML(set)
	if err != nil {
		// Encoding plain strings cannot fail; keep the build going.
		data = nil
	}
	return Output{Path: "sitemap.xml", Data: data}
}
