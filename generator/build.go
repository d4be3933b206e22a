package generator

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"time"

	"github.com/handbook/handbook/generator/content"
	"github.com/handbook/handbook/generator/diag"
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
	// check-in windows and deadlines. Zero means time.Now().
	Now time.Time
	// Dev adds the live-reload client to every page.
	Dev bool
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
		c.Now = time.Now()
	}
	return c
}

// Result reports what a build did.
type Result struct {
	Pages, Feeds, Files int
	// Diagnostics holds every error and warning, sorted.
	Diagnostics diag.List
	Duration    time.Duration
	Site        *site.Site
}

// Build loads the content, links the model, renders every output and
// writes the output folder. When the content has errors it returns them as
// a diag.ErrorList in the result's diagnostics and the error, and leaves the
// output folder untouched.
func Build(ctx context.Context, cfg Config) (Result, error) {
	start := time.Now()
	cfg = cfg.withDefaults()
	var res Result

	contentFS := os.DirFS(cfg.Content)
	if info, err := os.Stat(cfg.Content); err != nil || !info.IsDir() {
		res.Diagnostics.Errorf(diag.Pos{File: cfg.Content}, "content folder not found")
		return res, res.Diagnostics.Err()
	}
	loaded, diags := content.Load(contentFS, content.Options{Dir: cfg.Content, BaseURL: cfg.BaseURL})
	s, more := site.New(loaded.Content, site.Options{Now: cfg.Now, Drafts: cfg.Drafts})
	diags.Append(more)
	res.Diagnostics = diags.Sort()
	res.Site = s
	if err := res.Diagnostics.Err(); err != nil {
		return res, err
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}

	var siteLayouts fs.FS
	if info, err := os.Stat(cfg.Layouts); err == nil && info.IsDir() {
		siteLayouts = os.DirFS(cfg.Layouts)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return res, err
	}
	out, err := render.Render(s, render.Options{
		Layouts: render.Overlay(siteLayouts, layouts.FS),
		Content: contentFS,
		Static:  loaded.Static,
		Dev:     cfg.Dev,

		ContentDir: cfg.Content,
	})
	if err != nil {
		// Outputs that would overwrite each other are content errors.
		var list diag.ErrorList
		if errors.As(err, &list) {
			res.Diagnostics = append(res.Diagnostics, list...).Sort()
		}
		return res, err
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	if err := write.Dir(cfg.Out, out.Outputs); err != nil {
		return res, err
	}
	res.Pages, res.Feeds, res.Files = out.Pages, out.Feeds, len(out.Outputs)
	res.Duration = time.Since(start)
	return res, nil
}
