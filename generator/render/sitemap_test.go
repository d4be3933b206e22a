package render

import (
	"encoding/xml"
	"testing"
	"time"

	"github.com/handbook/handbook/generator/site"
)

// TestSitemapAsEncoded checks that the sitemap, written entry by entry,
// is what encoding/xml makes of the same entries, escapes included, and
// that the 404 and search pages are left out.
func TestSitemapAsEncoded(t *testing.T) {
	type entry struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod,omitempty"`
	}
	type urlset struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		URLs    []entry  `xml:"url"`
	}
	r := &renderer{site: &site.Site{Config: site.Config{BaseURL: "https://example.com/"}}}
	day := time.Date(2026, 3, 9, 23, 30, 0, 0, time.UTC)
	views := []*View{
		{Template: "board", URL: "/"},
		{Template: "404", URL: "/404.html"},
		{Template: "update", URL: "/updates/a&b<c>'\"/", Doc: &site.Doc{Date: day}},
		{Template: "search", URL: "/search/"},
		{Template: "page", URL: "/handbook/café/", Doc: &site.Doc{}},
	}
	for _, tc := range []struct {
		name  string
		views []*View
	}{{"pages", views}, {"none", views[1:2]}} {
		var m sitemap
		want := urlset{NS: sitemapNS}
		for _, v := range tc.views {
			m.add(r, job{view: v, doc: v.Doc})
			if v.Template == "404" || v.Template == "search" {
				continue
			}
			e := entry{Loc: r.abs(v.URL)}
			if v.Doc != nil && !v.Doc.Date.IsZero() {
				e.LastMod = v.Doc.Date.Format("2006-01-02")
			}
			want.URLs = append(want.URLs, e)
		}
		if tc.name == "pages" {
			// A document's page listed before its view is built.
			d := &site.Doc{URL: "/decisions/0001-a&b/", Date: day}
			m.add(r, docJob(d, nil, nil))
			want.URLs = append(want.URLs, entry{Loc: r.abs(d.URL), LastMod: "2026-03-09"})
		}
		enc, err := encodeXML(want, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := string(m.output().Data); got != string(enc) {
			t.Errorf("%s: sitemap\n%s\nwant, as encoding/xml writes it,\n%s", tc.name, got, enc)
		}
	}
}
