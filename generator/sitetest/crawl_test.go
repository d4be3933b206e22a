package sitetest

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestCrawl crawls a small hand-written site with one of each kind of
// problem, and with references that are fine and must not be reported:
// pages, a style sheet, feeds, JSON, a calendar, robots.txt and a sitemap.
func TestCrawl(t *testing.T) {
	t.Parallel()
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	site := fstest.MapFS{
		"index.html": file(`<!DOCTYPE html><html><head>
<link rel="stylesheet" href="/docs/assets/site.css">
<link rel="icon" href="assets/gone.svg">
<link rel="alternate" href="feed.xml"><link rel="alternate" href="/docs/gone.xml">
<link rel="canonical" href="https://x.example/docs/">
<link rel="author" href="https://people.example/ana">
<script src="https://cdn.example/x.js"></script>
<script src="//cdn.example/y.js"></script>
<style>body { background: url("img/ok.png") }</style>
</head><body>
<a href="#">top</a> <a href="#main">skip</a> <a href="#nav">skip to nothing</a>
<main id="main">
<a href="a/">a</a> <a href="/docs/a/#sec">anchor</a> <a href="a/?q=1#old">named anchor</a> <a href="a/#nope">missing anchor</a>
<a href="/docs/gone/">broken</a> <a href="a">no slash</a> <a href="/other/">outside</a> <a href="/docs">root without slash</a>
<a href="caf%C3%A9/">percent-encoded</a> <a href="calendar.ics">calendar</a> <a href="">empty</a>
<a href="https://example.com/x">external</a> <a href="mailto:ana@example.com">mail</a> <a href="tel:+1">phone</a>
<img src="img/gone.png" alt=""> <img src="img/ok.png" srcset="img/ok.png 1x, img/gone-2x.png 2x" alt="">
<img src="https://images.example/x.png" alt=""> <img src="data:image/png;base64,AAAA" alt="">
<picture><source srcset="img/gone.webp"><img src="img/ok.png" alt=""></picture>
<svg><symbol id="icon"></symbol><use href="#icon"></use><use xlink:href="#gone"></use></svg>
<form action="search/"><input name="q"></form> <form action="find/"></form>
<iframe src="https://video.example/embed"></iframe>
<p style="background: url(img/gone.jpg)">style</p>
</main></body></html>`),
		"a/index.html":      file(`<h2 id="sec">Section</h2><a name="old"></a><a href="../">home</a>`),
		"café/index.html":   file(`<p>café</p>`),
		"search/index.html": file(`<p>search</p>`),
		"orphan/index.html": file(`<a href="../">home</a>`),
		"404.html":          file(`<a href="/docs/">home</a> <a href="/docs/gone-too/">broken</a> <a href="#top">top</a> <a href="a/">relative</a>`),
		"assets/site.css":   file(`@import "base.css"; @font-face { src: url(fonts/gone.woff2) } /* url(commented.png) */ .x { background: url('../img/ok.png') } @import url(https://fonts.example/css); .y { fill: url(#grad) }`),
		"assets/base.css":   file(``),
		"img/ok.png":        file(``),
		"feed.xml":          file(`<rss><item><link>https://x.example/docs/a/#sec</link><description>&lt;a href=&#34;https://x.example/docs/a/#nope&#34;&gt;</description></item><item><link>https://x.example/docs/a/%23sec</link></item></rss>`),
		"calendar.ics":      file("BEGIN:VCALENDAR\r\nURL:https://x.example/docs/a/\r\nURL:https://x.example/docs/cal\r\n endar-gone/\r\nEND:VCALENDAR\r\n"),
		"api/x.json":        file(`{"url": "https://x.example/docs/a/", "html": "<a href=\"https://x.example/docs/gone-json/\">", "text": "See https://x.example/docs/a/."}`),
		"robots.txt":        file("Sitemap: https://x.example/docs/sitemap.xml\n"),
		"sitemap.xml":       file(`<urlset><url><loc>https://x.example/docs/a/</loc></url><url><loc>https://x.example/docs/gone/</loc></url></urlset>`),
	}
	rep, err := Crawl(site, "https://x.example/docs/")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`404.html: /docs/gone-too/: no file gone-too/index.html`,
		`404.html: a/: a relative URL in the page the host serves for any missing path`,
		`api/x.json: https://x.example/docs/gone-json/: no file gone-json/index.html`,
		`calendar.ics: https://x.example/docs/calendar-gone/: no file calendar-gone/index.html`,
		`feed.xml: https://x.example/docs/a/#nope: no element with id "nope" in a/index.html`,
		`feed.xml: https://x.example/docs/a/%23sec: no file a/#sec`,
		`assets/site.css: fonts/gone.woff2: no file assets/fonts/gone.woff2`,
		`assets/site.css: https://fonts.example/css: a request to the third-party host fonts.example (url())`,
		`index.html: #nav: no element with id "nav" in index.html`,
		`index.html: #gone: no element with id "gone" in index.html`,
		`index.html: /docs/gone.xml: no file gone.xml`,
		`index.html: /docs/gone/: no file gone/index.html`,
		`index.html: /docs: the site's root without its final slash`,
		`index.html: /other/: outside the site's base path /docs/`,
		`index.html: //cdn.example/y.js: a request to the third-party host cdn.example (script[src])`,
		`index.html: "": empty URL in a[href]`,
		`index.html: a/#nope: no element with id "nope" in a/index.html`,
		`index.html: a: a folder without its final slash (the host redirects to /docs/a/)`,
		`index.html: assets/gone.svg: no file assets/gone.svg`,
		`index.html: find/: no file find/index.html`,
		`index.html: https://cdn.example/x.js: a request to the third-party host cdn.example (script[src])`,
		`index.html: https://images.example/x.png: a request to the third-party host images.example (img[src])`,
		`index.html: https://video.example/embed: a request to the third-party host video.example (iframe[src])`,
		`index.html: img/gone-2x.png: no file img/gone-2x.png`,
		`index.html: img/gone.jpg: no file img/gone.jpg`,
		`index.html: img/gone.png: no file img/gone.png`,
		`index.html: img/gone.webp: no file img/gone.webp`,
		`orphan/index.html: /docs/orphan/: no link from the home page leads here`,
		`sitemap.xml: https://x.example/docs/gone/: no file gone/index.html`,
	}
	got := rep.Lines()
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("Crawl found:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if rep.Pages != 6 || rep.Reached != 4 {
		t.Errorf("Crawl parsed %d pages and reached %d, want 6 and 4", rep.Pages, rep.Reached)
	}
}

// TestCrawlBarePath crawls a site whose base URL has no host: links to
// any host are external then.
func TestCrawlBarePath(t *testing.T) {
	t.Parallel()
	site := fstest.MapFS{
		"index.html":   {Data: []byte(`<a href="/x/">x</a> <a href="https://x.example/">away</a> <img src="https://x.example/a.png" alt="">`)},
		"x/index.html": {Data: []byte(`<meta http-equiv="refresh" content="0; url='/y/'">`)},
	}
	rep, err := Crawl(site, "/")
	if err != nil {
		t.Fatal(err)
	}
	got := rep.Lines()
	want := []string{
		`index.html: https://x.example/a.png: a request to the third-party host x.example (img[src])`,
		`x/index.html: /y/: no file y/index.html`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("Crawl found:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSrcset(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"a.png", []string{"a.png"}},
		{"a.png 1x, b.png 2x", []string{"a.png", "b.png"}},
		{" a.png 100w,b.png 200w ", []string{"a.png", "b.png"}},
		{"a.png,b.png", []string{"a.png,b.png"}},
		{"a.png, b.png", []string{"a.png", "b.png"}},
		{"a,1.png 1x, b.png (x, y) 2x, c.png", []string{"a,1.png", "b.png", "c.png"}},
		{"", nil},
	} {
		if got := srcset(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("srcset(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRefreshURL(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want string }{
		{"0; url=/x/", "/x/"},
		{"5;URL='/y/'", "/y/"},
		{"0, /z/", "/z/"},
		{"10", ""},
	} {
		if got, _ := refreshURL(tt.in); got != tt.want {
			t.Errorf("refreshURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
