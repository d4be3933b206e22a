// Package render turns the site model into the files of the built site:
// HTML pages from html/template layouts, feeds, the sitemap, and the CSS and
// JavaScript bundles, and the search index. It returns outputs in memory; package write puts them
// on disk.
package render

import (
	"bytes"
	"errors"
	"html/template"
	"io/fs"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/handbook/handbook/generator/cache"
	"github.com/handbook/handbook/generator/search"
	"github.com/handbook/handbook/generator/site"
)

// Output is one file of the built site.
type Output struct {
	Path string // slash-separated, relative to the output folder
	Data []byte
	// Parts, when set, are the file's bytes one after the other, and
	// Data is nil: a large file put together from pieces already in
	// memory is written from them rather than copied into one buffer
	// first (the JSON export's site.json holds every list of the
	// per-kind files). Only Options.Emit receives them; Result.Outputs
	// have Data.
	Parts [][]byte
	// Source is the content file the output shows or copies, as
	// diagnostics name it; "" for what the site generates (lists, feeds).
	Source string
	// Key identifies the inputs the output was made from; the zero key
	// when they are not tracked, and the output is compared by its data.
	Key cache.Key
	// Reused is set, and Data is nil, when Options.Reuse said the caller
	// still has the output made from the same inputs.
	//
	// A Path ending in "/" stands for a group of files made together
	// under that folder (the search index, the JSON API): with Reused,
	// all of them; without, the end of the group, after its files, so
	// that a caller that keeps outputs can record the group. Only
	// Options.Emit receives the end of a group.
	Reused bool
}

// Bytes returns the output's bytes: Data, or Parts joined.
func (o Output) Bytes() []byte {
	if o.Parts == nil {
		return o.Data
	}
	return bytes.Join(o.Parts, nil)
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

	// Key identifies everything a page may show beyond the layouts and
	// its own document's body: the documents' front matter, titles,
	// summaries and links (content.Result.Hash), their git history, the
	// build's time and options, and the program itself. Each output's
	// Key is made from it.
	Key cache.Key
	// Base identifies what every page shows whatever the content says:
	// the program, site.toml and the build's options, but not its time,
	// nor git history, which is in each document's hashes.
	// The pages of single documents are keyed from it, their document
	// and what they show of others (see scope.go).
	Base cache.Key
	// Lists identifies what any page may show of every document, besides
	// its body: content.Result.Hash. The search index is keyed from it and
	// Base, with the day rather than the time.
	Lists cache.Key
	// BuiltinLayouts says that the layouts are the built-in ones, byte
	// for byte (see SameTemplates). It gives the pages of single
	// documents their narrow keys (scope.go), and has the most repeated
	// pages written in Go (compiled.go) rather than executed from their
	// templates. It must be false when the site has a layout of its own,
	// which may show anything.
	BuiltinLayouts bool
	// Cache, when set, keeps the search index's work from one build to
	// the next (see search.Options.Cache).
	Cache *cache.Cache
	// ReleaseText lets the search index drop each document's section
	// texts once it has read them (see search.Options.ReleaseText): for a
	// caller that reads them nowhere else.
	ReleaseText bool
	// Reuse, when set, reports whether the caller still has the output
	// at path made from inputs with the given key: the last build's file
	// on disk, or the dev server's page in memory. Render then skips it,
	// and passes it on with Reused set.
	Reuse func(path string, key cache.Key) bool
	// Emit, when set, receives every output as soon as it is made, from
	// several goroutines at once, and Result.Outputs stays empty: a big
	// site is written as it renders instead of held in memory. An
	// output's Data, or Parts, may be reused once Emit returns.
	Emit func(Output) error
	// Progress, when set, is told how many outputs have been made so
	// far, from several goroutines at once.
	Progress func(done int)
}

// Result is what Render produced.
type Result struct {
	Outputs []Output // sorted by path, unless Options.Emit took them
	Pages   int      // HTML pages
	Feeds   int      // feed files
	// Rendered counts the pages and feed files made again rather than
	// reused.
	Rendered int
}

// pageBatch is how many pages a task makes, one after the other. After
// an edit nearly every page is kept, in microseconds: a task for each,
// 16,000 at 10,000 documents, had the lister wait for a processor and be
// woken for every one of them.
const pageBatch = 32

// Render renders every output of s.
func Render(s *site.Site, opts Options) (Result, error) {
	r := &renderer{site: s, opts: opts, values: map[*site.Doc]any{}}
	r.index()
	layouts, lk, err := readLayouts(opts.Layouts)
	if err != nil {
		return Result{}, err
	}
	assets, err := cachedAssets(layouts, opts.Cache, lk)
	if err != nil {
		return Result{}, err
	}
	r.assets = assets.urls(s.Config.BasePath())
	r.search = SearchLinks{Index: r.link("/" + search.ManifestPath), Script: r.assets.All["search.ts"]}
	// The templates are parsed beside the first pages, which need them
	// only if they are made again: after an edit, most are kept, and
	// parsing them all took 17 ms that nothing else ran beside. Layouts that
	// parsed in an earlier build are parsed as pages need them; others
	// all at once, so that a layout that does not parse is reported
	// whichever pages are made.
	r.tmpl = sync.OnceValues(func() (*templates, error) {
		_, parsed := opts.Cache.Get(parsedNS, lk)
		t, err := parseTemplates(layouts, r.funcs(), !parsed)
		if err == nil && !parsed {
			opts.Cache.Put(parsedNS, lk, nil)
		}
		return t, err
	})
	r.key = cache.NewHasher("render").Key(opts.Key).Key(lk).Bool(opts.Dev).Sum()
	r.base = cache.NewHasher("render base").Key(opts.Base).Key(lk).Bool(opts.Dev).Sum()
	r.handbookKey = handbookTree(s)
	// Pages and feeds, the bulk of the work, in parallel; each written
	// as soon as it is made, so memory holds only those in flight. Once
	// a task fails, the tasks not yet started are not, and the others
	// stop at their next output (emitter.stopped): a layout that does not
	// parse is reported without the site's feeds and export made first.
	allFeeds := append(r.feeds(), r.digestFeeds()...)
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	e := &emitter{emit: opts.Emit, progress: opts.Progress}
	task := func(f func() error) {
		g.Go(func() error {
			if e.stopped.Load() {
				return nil // another task's error is the render's
			}
			err := f()
			if errors.Is(err, errStopped) {
				return nil // as above
			}
			if err != nil {
				e.stopped.Store(true)
			}
			return err
		})
	}
	task(func() error {
		_, err := r.tmpl()
		return err
	})
	// The search index first: it is one task, the longest, and would
	// otherwise wait for every page to be under way.
	task(func() error { return r.searchIndex(e) })
	// Pages are made as they are listed, pageBatch to a task: g.Go waits
	// for a free processor, so views are built no faster than pages are
	// made, and each is let go with its page (a batch's made ahead, at
	// most). The sitemap keeps what it needs of each.
	var sm sitemap
	pages := 0
	var batch []job
	flush := func() {
		jobs := batch
		batch = nil
		task(func() error {
			for i := range jobs {
				if err := r.page(jobs[i], e); err != nil {
					return err
				}
				jobs[i] = job{}
			}
			return nil
		})
	}
	r.pages(func(j job) {
		pages++
		sm.add(r, j)
		if batch = append(batch, j); len(batch) == pageBatch {
			flush()
		}
	})
	if len(batch) > 0 {
		flush()
	}
	// Then the longer tasks, the export first, and the feeds, many small
	// ones, last: the export, the calendars and the sitemap then run
	// beside the feeds, rather than alone after every other output.
	task(func() error {
		return r.group("api/", r.apiOutputs, e)
	})
	task(func() error {
		// The calendars and redirect pages are made whole every build.
		for _, o := range append(r.calendars(), r.redirects()...) {
			if err := e.put(o); err != nil {
				return err
			}
		}
		return e.put(sm.output())
	})
	for _, f := range allFeeds {
		task(func() error { return r.feed(f, e) })
	}
	if err := g.Wait(); err != nil {
		if _, terr := r.tmpl(); terr != nil {
			// Whichever task asked for them first, a layout that does
			// not parse is the error.
			return Result{}, terr
		}
		return Result{}, err
	}

	for _, o := range slices.Concat(assets.outputs, []Output{{Path: "robots.txt", Data: r.robots()}}) {
		if err := e.put(o); err != nil {
			return Result{}, err
		}
	}
	for _, p := range opts.Static {
		if err := r.static(p, e); err != nil {
			return Result{}, err
		}
	}

	if err := checkPaths(e.files()); err != nil {
		return Result{}, err
	}
	res := Result{Pages: pages, Feeds: len(allFeeds) * 3, Rendered: int(e.rendered.Load())}
	if opts.Emit == nil {
		res.Outputs = e.sorted()
	}
	return res, nil
}

type renderer struct {
	key  cache.Key // Options.Key with the layouts
	base cache.Key // Options.Base with the layouts
	// handbookKey covers what handbook pages show of the whole handbook
	// (see pageScope).
	handbookKey cache.Key
	site        *site.Site
	opts        Options
	tmpl        func() (*templates, error) // the layouts parsed, once
	assets      Assets
	search      SearchLinks
	values      map[*site.Doc]any // each document's typed value
	// headers holds the site header of each section (see header), and
	// heads and footers the head's links and the footer for each set
	// of feeds (see execute).
	headers, heads, footers sync.Map
	// items holds each update's list item, rendered once (see item):
	// a map under a lock rather than a sync.Map, which makes two objects
	// of each of a big site's 100,000 entries for the collector to trace.
	itemsMu sync.Mutex
	items   map[*site.Update]template.HTML
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
