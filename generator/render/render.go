// Package render turns the site model into the files of the built site:
// HTML pages from html/template layouts, feeds, the sitemap, and the CSS and
// JavaScript bundles, and the search index. It returns outputs in memory; package write puts them
// on disk.
package render

import (
	"cmp"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"runtime"
	"slices"
	"strings"

	"golang.org/x/sync/errgroup"

	"github.com/handbook/handbook/generator/search"
	"github.com/handbook/handbook/generator/site"
)

// Output is one file of the built site.
type Output struct {
	Path string // slash-separated, relative to the output folder
	Data []byte
	// Source is the content file the output shows or copies, as
	// diagnostics name it; "" for what the site generates (lists, feeds).
	Source string
}

// Options configure Render.
type Options struct {
	// Layouts holds the templates (*.html) and front-end sources
	// (assets/); see layouts.Overlay for a site's own overrides.
	Layouts fs.FS
	// Content is the content folder; static files are read from it.
	Content fs.FS
	// Static lists the content paths of files published as they are.
	Static []string
	// ContentDir is the content folder as diagnostics name it. Default
	// "content".
	ContentDir string
	// Dev adds the live-reload script to every page (handbook serve).
	Dev bool
}

// Result is what Render produced.
type Result struct {
	Outputs []Output // sorted by path
	Pages   int      // HTML pages
	Feeds   int      // feed files
}

// Render renders every output of s.
func Render(s *site.Site, opts Options) (Result, error) {
	r := &renderer{site: s, opts: opts, values: map[*site.Doc]any{}}
	r.index()
	assets, err := buildAssets(opts.Layouts)
	if err != nil {
		return Result{}, err
	}
	r.assets = assets.urls(s.Config.BasePath())
	index, err := search.Build(s, search.Options{})
	if err != nil {
		return Result{}, err
	}
	r.search = SearchLinks{Index: r.link("/" + index.Manifest), Script: r.assets.All["search.ts"]}
	tmpl, err := parseTemplates(opts.Layouts, r.funcs())
	if err != nil {
		return Result{}, err
	}
	r.tmpl = tmpl

	jobs := r.pages()
	outs := make([]Output, len(jobs))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, j := range jobs {
		g.Go(func() error {
			data, err := r.execute(j)
			if err != nil {
				return fmt.Errorf("render %s: %w", j.path, err)
			}
			outs[i] = Output{Path: j.path, Data: data}
			if d := j.view.Doc; d != nil {
				outs[i].Source = d.File
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return Result{}, err
	}
	res := Result{Pages: len(outs)}

	digests, err := r.digestFeeds()
	if err != nil {
		return Result{}, err
	}
	for _, f := range append(r.feeds(), digests...) {
		fo, err := r.renderFeed(f)
		if err != nil {
			return Result{}, err
		}
		outs = append(outs, fo...)
		res.Feeds += len(fo)
	}
	outs = append(outs, r.calendars()...)
	api, err := r.apiOutputs()
	if err != nil {
		return Result{}, err
	}
	outs = append(outs, api...)
	outs = append(outs, assets.outputs...)
	for _, f := range index.Files {
		outs = append(outs, Output{Path: f.Path, Data: f.Data})
	}
	outs = append(outs, r.sitemap(jobs), Output{Path: "robots.txt", Data: r.robots()})
	for _, p := range opts.Static {
		data, err := fs.ReadFile(opts.Content, p)
		if err != nil {
			return Result{}, fmt.Errorf("read %s: %w", p, err)
		}
		outs = append(outs, Output{Path: p, Data: data, Source: path.Join(cmp.Or(opts.ContentDir, "content"), p)})
	}

	slices.SortFunc(outs, func(a, b Output) int { return cmp.Compare(a.Path, b.Path) })
	if err := checkPaths(outs); err != nil {
		return Result{}, err
	}
	res.Outputs = outs
	return res, nil
}

type renderer struct {
	site   *site.Site
	opts   Options
	tmpl   templates
	assets Assets
	search SearchLinks
	values map[*site.Doc]any // each document's typed value
	// digests holds each team's weekly digests (nil: the site's), for
	// the digest pages and their feeds.
	digests map[*site.Team][]*site.Digest
}

func (r *renderer) index() {
	s := r.site
	for _, p := range s.Pages {
		r.values[&p.Doc] = p
	}
	for _, u := range s.Updates {
		r.values[&u.Doc] = u
	}
	for _, d := range s.Decisions {
		r.values[&d.Doc] = d
	}
	for _, o := range s.Objectives {
		r.values[&o.Doc] = o
	}
	for _, p := range s.People {
		r.values[&p.Doc] = p
	}
	for _, t := range s.Teams {
		r.values[&t.Doc] = t
	}
}

// docValue returns the typed document (*site.Update, ...) that holds d.
func (r *renderer) docValue(d *site.Doc) any { return r.values[d] }

// link returns the href of a site path: the base path prepended.
func (r *renderer) link(p string) string { return r.site.Config.BasePath() + p }

// abs returns the absolute URL of a site path, for feeds and the sitemap.
// Without a base URL it is root-relative. Letters beyond ASCII in the
// path ("/handbook/café/") are percent-encoded: the sitemap protocol and
// feed readers want URLs, not IRIs. A fragment ("#event-...") stays one.
func (r *renderer) abs(p string) string {
	p, frag, hasFrag := strings.Cut(p, "#")
	u := &url.URL{Path: p, Fragment: frag}
	s := strings.TrimSuffix(r.site.Config.BaseURL, "/") + u.EscapedPath()
	if hasFrag {
		s += "#" + u.EscapedFragment()
	}
	return s
}

// outputPath returns the file a site path is written to:
// "/updates/x/" -> "updates/x/index.html".
func outputPath(sitePath string) string {
	p := strings.TrimPrefix(sitePath, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}

func (r *renderer) robots() []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + r.abs("/sitemap.xml") + "\n")
}
