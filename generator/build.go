package generator

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/handbook/handbook/generator/cache"
	"github.com/handbook/handbook/generator/content"
	"github.com/handbook/handbook/generator/diag"
	"github.com/handbook/handbook/generator/gitinfo"
	"github.com/handbook/handbook/generator/render"
	"github.com/handbook/handbook/generator/site"
	"github.com/handbook/handbook/generator/write"
	"github.com/handbook/handbook/layouts"
)

// Config configures a build. The zero value builds ./content into ./public
// with the built-in layouts, as of the current time, without drafts.
type Config struct {
	// Content is the content folder. Default "content".
	Content string
	// Layouts is a folder whose files override the built-in layouts file
	// by file. Default "layouts"; a missing folder is not an error.
	Layouts string
	// Out is the output folder, replaced as a whole on success.
	// Default "public".
	Out string
	// BaseURL overrides site.toml's base_url.
	BaseURL string
	// Drafts includes documents marked draft.
	Drafts bool
	// Now is the build's "current" time: it decides the current period,
	// check-in windows and deadlines. Zero means the clock's minute, at
	// its last instant (see Now): pages say "as of" to the minute, and
	// two builds of the same input within a minute are the same build
	// (the second one finds nothing to do).
	Now time.Time
	// Dev adds the live-reload client to every page.
	Dev bool
	// Check reports as errors what a build only warns about: broken links
	// and anchors, missing images, duplicate decision numbers.
	Check bool
	// FS, when set, is read as the content folder instead of the folder
	// Content names, which then only names it in diagnostics. Git dates
	// are not read for it.
	FS fs.FS
	// NoGit leaves out last-modified dates from git history. By default
	// they are read in one pass when the content is in a git repository.
	NoGit bool
	// Renamed maps a content path git saw renamed to where it went, so
	// that a link to the old file says where the file is now; check
	// reads it from git. Nil means no such hints.
	Renamed map[string]content.Renamed
	// Git, when set, is the history to take dates from instead of reading
	// it again: the dev server reads it once.
	Git *gitinfo.History
	// Cache is the folder of the build cache (the command line's default
	// is .cache/handbook): converted Markdown, and the manifest of the
	// site last written to Out, so that pages whose inputs did not change
	// are neither rendered nor written again. "" builds without a cache.
	Cache string
	// ReadOnlyCache makes Load read the cache's snapshot of the content
	// folder and not write it, for an FS that is not the folder as it is
	// (content.Options.ReadOnly).
	ReadOnlyCache bool
	// Progress, when set, is called as the build goes: with the stage
	// ("reading", then "making") and how many files it has made, from
	// several goroutines at once.
	Progress func(stage string, done int)
	// Reading, when set, is told how many Markdown files the build is
	// about to read and parse and their size in bytes, once it knows,
	// leaving out those the cache holds parsed, which it counts apart
	// (content.Options.Reading): the command line sizes its memory limit
	// from it, and how often it collects.
	Reading func(files, parsed int, bytes int64)
	// ReleaseText lets the build drop each document's section texts
	// (site.Section.Text, read only by the search index) once the index
	// has analysed them, for a smaller peak of memory: Result.Site then
	// has none. For callers that do not read them, such as the command
	// line.
	ReleaseText bool
	// MapCache maps the cache entries a build reads into memory instead
	// of reading them onto the heap (see cache.Cache.MapEntries): after
	// an edit at 10,000 documents, 45 MB the collector need not make
	// room for. A mapping lasts as long as the process, and the
	// documents of Result.Site point into them, so it is for a program
	// that builds once and exits, such as the command line; one that
	// builds again and again would run out of mappings.
	MapCache bool

	// history waits for the git history Build started reading beside
	// the content (see startHistory); nil until then.
	history func() *gitinfo.History
}

// startHistory starts reading the git history of the content folder in
// the background, unless it is given (Git) or not wanted, and returns a
// function that waits for it; nil without git.
func (c Config) startHistory(ctx context.Context, cc *cache.Cache) func() *gitinfo.History {
	switch {
	case c.NoGit || c.FS != nil:
		return nil
	case c.Git != nil:
		h := c.Git
		return func() *gitinfo.History { return h }
	}
	var h *gitinfo.History
	done := make(chan struct{})
	go func() {
		defer close(done)
		h = gitinfo.ReadCached(ctx, c.Content, cc)
	}()
	return func() *gitinfo.History {
		<-done
		return h
	}
}

func (c Config) withDefaults() Config {
	if c.Content == "" {
		c.Content = "content"
	}
	if c.Layouts == "" {
		c.Layouts = "layouts"
	}
	if c.Out == "" {
		c.Out = "public"
	}
	if c.Now.IsZero() {
		c.Now = Now()
	}
	return c
}

// Now returns the time a build takes when Config.Now is zero: the clock's,
// to the minute, at the minute's last nanosecond, so that builds within a
// minute are the same build and a commit made a second ago is in the past
// (git dates to the second).
func Now() time.Time {
	return time.Now().Truncate(time.Minute).Add(time.Minute - time.Nanosecond)
}

// Result reports what a build did.
type Result struct {
	Pages, Feeds, Files int
	// Diagnostics holds every error and warning, sorted.
	Diagnostics diag.List
	Duration    time.Duration
	Site        *site.Site
	// Rendered counts the pages and feed files made again; the others
	// were unchanged since the last build and kept.
	Rendered int
}

// Model is a site's content, read and linked, before rendering.
type Model struct {
	Site *site.Site
	// Content is the content folder that was read.
	Content fs.FS
	// Static lists the content paths of files published as they are.
	Static []string
	// Diagnostics holds every error and warning, sorted.
	Diagnostics diag.List
	// Key identifies every input of the build a page may show, beyond
	// the layouts and its own document's body: see render.Options.Key.
	Key cache.Key
	// Base is Key without the documents, git history and the exact
	// time: see render.Options.Base.
	Base cache.Key

	contentHash cache.Key // content.Result.Hash
	stopKey     cache.Key // content.Result.Stop
	unchanged   bool      // content.Result.Unchanged
}

// Load reads the content folder, adds dates from git history, and links
// the documents into the model; it renders and writes nothing. When the
// content has errors it returns them as a diag.ErrorList, with the model
// filled in as far as it could be, so that callers can report more.
func Load(ctx context.Context, cfg Config) (Model, error) {
	return load(ctx, cfg, nil)
}

// load is Load; with stop, it returns a Model with only unchanged,
// contentHash and stopKey set when the content is what the cache's
// snapshot holds and stop, given its key (content.Result.Stop), says so
// (content.Options.StopIfUnchanged).
func load(ctx context.Context, cfg Config, stop func(cache.Key) bool) (Model, error) {
	cfg = cfg.withDefaults()
	if cfg.Progress != nil {
		cfg.Progress("reading", 0)
	}
	var m Model
	m.Content = cfg.FS
	if m.Content == nil {
		if info, err := os.Stat(cfg.Content); err != nil || !info.IsDir() {
			m.Diagnostics.Errorf(diag.Pos{File: cfg.Content}, "content folder not found")
			return m, m.Diagnostics.Err()
		}
		m.Content = os.DirFS(cfg.Content)
	}
	c := cfg.OpenCache()
	opts := content.Options{Dir: cfg.Content, BaseURL: cfg.BaseURL, Check: cfg.Check, Cache: c, ReadOnly: cfg.ReadOnlyCache, StopIfUnchanged: stop, Renamed: cfg.Renamed, Reading: cfg.Reading, SaveLater: true}
	if cfg.FS == nil {
		opts.Root = cfg.Content
	}
	loaded, diags := content.Load(m.Content, opts)
	if loaded.Save != nil {
		// The snapshot is written while the documents are linked,
		// which takes one core: 10 ms at 10,000 documents.
		saved := make(chan struct{})
		go func() {
			defer close(saved)
			loaded.Save()
		}()
		defer func() { <-saved }()
	}
	m.Static, m.contentHash, m.stopKey, m.unchanged = loaded.Static, loaded.Hash, loaded.Stop, loaded.Unchanged
	if m.unchanged {
		return m, nil
	}
	if loaded.Content.Config.BaseURL == "/" {
		// Feed readers and search engines cannot follow a link without
		// a host: every entry would point nowhere.
		what := "base_url is not set"
		if !loaded.HasConfig {
			what = "there is no " + content.ConfigFile + ", so base_url is not set"
		}
		diags.Warnf(loaded.BaseURLPos, "%s: feeds, the sitemap and the JSON export carry links without a host; set base_url = \"https://handbook.example.com/\", the address the site is served from", what)
	}
	key := cache.NewHasher("build").Key(c.Salt()).Key(loaded.Hash).
		Int(cfg.Now.UnixNano()).String(cfg.Now.Location().String()).Bool(cfg.Drafts)
	base := cache.NewHasher("build base").Key(c.Salt()).Key(loaded.ConfigHash).Bool(cfg.Drafts)
	if cfg.history == nil {
		cfg.history = cfg.startHistory(ctx, c)
	}
	if cfg.history != nil {
		history := cfg.history()
		// What git says of a document is in its hashes (History.Apply),
		// which key the pages that show it: a commit does not change
		// the base of every page.
		diags.Append(history.Apply(&loaded.Content, cfg.Content))
		key.Key(history.Key())
	}
	m.Key, m.Base = key.Sum(), base.Sum()
	s, more := site.New(loaded.Content, site.Options{Now: cfg.Now, Drafts: cfg.Drafts, Check: cfg.Check})
	diags.Append(more)
	m.Site = s
	m.Diagnostics = diags.Sort()
	if err := m.Diagnostics.Err(); err != nil {
		return m, err
	}
	return m, ctx.Err()
}

// Render loads the content and renders every output in memory. The
// result's counts are filled in; its duration is not.
func Render(ctx context.Context, cfg Config) (Result, []render.Output, error) {
	cfg = cfg.withDefaults()
	m, err := Load(ctx, cfg)
	if err != nil {
		return Result{Diagnostics: m.Diagnostics, Site: m.Site}, nil, err
	}
	return m.Render(ctx, cfg)
}

// Render renders every output of the model in memory, with the layouts
// cfg names.
func (m Model) Render(ctx context.Context, cfg Config) (Result, []render.Output, error) {
	return m.render(ctx, cfg, nil)
}

// Paths renders the model as Render does, and returns the paths of its
// outputs rather than their bytes. With cfg.Cache, outputs whose inputs
// did not change since the last Paths of the same content folder, which
// rendered them without an error, are not made again (write.Keys).
func (m Model) Paths(ctx context.Context, cfg Config) (Result, []string, error) {
	cfg = cfg.withDefaults()
	name := cfg.Content
	if abs, err := filepath.Abs(name); err == nil {
		name = abs
	}
	st := write.OpenKeys(cfg.OpenCache(), "paths "+name)
	res, _, err := m.render(ctx, cfg, st)
	if err != nil {
		return res, nil, err
	}
	st.Save()
	return res, st.Paths(), nil
}

// RenderFrom is Render for a caller that keeps the outputs of its last
// build, such as the dev server: outputs whose inputs did not change are
// taken from prev instead of being made again.
func RenderFrom(ctx context.Context, cfg Config, prev []render.Output) (Result, []render.Output, error) {
	cfg = cfg.withDefaults()
	m, err := Load(ctx, cfg)
	if err != nil {
		return Result{Diagnostics: m.Diagnostics, Site: m.Site}, nil, err
	}
	mem := write.NewMemory(prev)
	res, _, err := m.render(ctx, cfg, mem)
	if err != nil {
		return res, nil, err
	}
	// The dev server builds for hours: what its edits leave behind goes
	// too (see Build).
	cfg.OpenCache().Prune(time.Now())
	all := mem.Outputs()
	res.Files = len(all)
	return res, all, nil
}

// store is where a build's outputs go: the output folder (write.Site) or
// memory (write.Memory, for the dev server). Each holds the last build's
// outputs with the key of their inputs, and keeps those whose key did not
// change instead of having them made again.
type store interface {
	Reuse(path string, key cache.Key) bool
	Put(render.Output) error
}

// render renders the model: into st when it is set, else into the
// outputs returned.
func (m Model) render(ctx context.Context, cfg Config, st store) (Result, []render.Output, error) {
	cfg = cfg.withDefaults()
	var opts render.Options
	if st != nil {
		opts.Reuse, opts.Emit = st.Reuse, st.Put
	}
	res := Result{Diagnostics: m.Diagnostics, Site: m.Site}
	var siteLayouts fs.FS
	if info, err := os.Stat(cfg.Layouts); err == nil && info.IsDir() {
		siteLayouts = os.DirFS(cfg.Layouts)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return res, nil, err
	}
	opts.Layouts = render.Overlay(siteLayouts, layouts.FS)
	opts.Content, opts.Static, opts.ContentDir = m.Content, m.Static, cfg.Content
	opts.Dev, opts.Key, opts.Base, opts.Lists = cfg.Dev, m.Key, m.Base, m.contentHash
	builtin, err := render.SameTemplates(siteLayouts, layouts.FS)
	if err != nil {
		return res, nil, err
	}
	opts.BuiltinLayouts = builtin
	opts.Cache, opts.ReleaseText = cfg.OpenCache(), cfg.ReleaseText
	if cfg.Progress != nil {
		opts.Progress = func(n int) { cfg.Progress("making", n) }
	}
	out, err := render.Render(m.Site, opts)
	if err != nil {
		// Outputs that would overwrite each other are content errors.
		var list diag.ErrorList
		if errors.As(err, &list) {
			res.Diagnostics = append(slices.Clone(res.Diagnostics), list...).Sort()
		}
		return res, nil, err
	}
	res.Pages, res.Feeds, res.Files, res.Rendered = out.Pages, out.Feeds, len(out.Outputs), out.Rendered
	return res, out.Outputs, ctx.Err()
}

// Build loads the content, links the model, renders every output and
// writes the output folder, each file as soon as it is made. When the
// content has errors it returns them as a diag.ErrorList in the result's
// diagnostics and the error, and leaves the output folder untouched.
//
// With a cache, a build from the same inputs as the build that wrote the
// output folder (every content file, layout and option as it was, the
// folder as it was left) returns what that build reported without
// reading, rendering or writing anything; its result has no Site.
func Build(ctx context.Context, cfg Config) (Result, error) {
	start := time.Now()
	cfg = cfg.withDefaults()
	c := cfg.OpenCache()
	// Git runs while the content folder is walked: with nothing
	// changed, the two are all a build does.
	cfg.history = cfg.startHistory(ctx, c)
	var stop func(cache.Key) bool
	rec, ok := readRecord(c, cfg.Out)
	if ok && cfg.FS == nil && write.Current(c, cfg.Out) {
		// The output folder is what the last build wrote: with the same
		// content and the same inputs, there is nothing to do.
		stop = func(content cache.Key) bool {
			inputs, known := cfg.buildInputs(c, start)
			return content == rec.Content && known && inputs == rec.Inputs
		}
	}
	if d := cfg.checkOut(); d != nil {
		return Result{Diagnostics: d}, d.Err()
	}
	m, err := load(ctx, cfg, stop)
	if m.unchanged {
		return Result{Pages: rec.Pages, Feeds: rec.Feeds, Files: rec.Files, Diagnostics: rec.Diagnostics, Duration: time.Since(start)}, nil
	}
	if err != nil {
		return Result{Diagnostics: m.Diagnostics, Site: m.Site}, err
	}
	// The output folder is about to change: a record left from before
	// would describe what it no longer holds.
	removeRecord(c, cfg.Out)
	w, err := write.Open(cfg.Out, c)
	if err != nil {
		return Result{Diagnostics: m.Diagnostics, Site: m.Site}, err
	}
	res, _, err := m.render(ctx, cfg, w)
	if err != nil {
		w.Abort()
		return res, err
	}
	if err := w.Commit(); err != nil {
		return res, err
	}
	res.Files = w.Files()
	if c != nil {
		// Inputs changed since the build started (a layout saved) are
		// not settled, and leave no record.
		if inputs, known := cfg.buildInputs(c, start); known {
			writeRecord(c, cfg.Out, record{Inputs: inputs, Content: m.stopKey, Pages: res.Pages, Feeds: res.Feeds, Files: res.Files, Diagnostics: res.Diagnostics})
		}
		// What the last builds left behind and this one did not use.
		c.Prune(time.Now())
	}
	res.Duration = time.Since(start)
	return res, nil
}

// checkOut refuses an output folder that would take the content or the
// layouts with it: a build replaces everything in the output folder, so
// it may not be one of them, hold one, or, for the content, be inside it
// (the site would be published again as the content's files).
func (c Config) checkOut() diag.List {
	if c.FS != nil {
		return nil
	}
	// Each folder as it really is: links resolved, for the folder or,
	// for an output folder not made yet, its parent.
	abs := func(p string) string {
		a, err := filepath.Abs(p)
		if err != nil {
			return filepath.Clean(p)
		}
		if r, err := filepath.EvalSymlinks(a); err == nil {
			return r
		}
		if r, err := filepath.EvalSymlinks(filepath.Dir(a)); err == nil {
			return filepath.Join(r, filepath.Base(a))
		}
		return a
	}
	out := abs(c.Out)
	var d diag.List
	at := diag.Pos{File: c.Out}
	switch content := abs(c.Content); {
	case write.Inside(content, out):
		d.Errorf(at, "the output folder holds the content folder %s, and a build replaces everything in it: choose another output folder (--out)", c.Content)
	case write.Inside(out, content):
		d.Errorf(at, "the output folder is inside the content folder %s, whose files are published: choose one outside it (--out)", c.Content)
	case write.Inside(abs(c.Layouts), out) && isDir(c.Layouts):
		d.Errorf(at, "the output folder holds the layouts folder %s, and a build replaces everything in it: choose another output folder (--out)", c.Layouts)
	}
	return d
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

// buildInputs is inputsKey with the key of the git history, which it
// waits for.
func (c Config) buildInputs(cc *cache.Cache, start time.Time) (cache.Key, bool) {
	var gitKey cache.Key
	if c.history != nil {
		gitKey = c.history().Key()
	}
	return c.inputsKey(cc.Salt(), gitKey, start)
}

// OpenCache returns the build cache Cache names, or nil for none.
func (c Config) OpenCache() *cache.Cache {
	if c.Cache == "" {
		return nil
	}
	cc := cache.Open(c.Cache)
	if c.MapCache {
		cc.MapEntries()
	}
	return cc
}
