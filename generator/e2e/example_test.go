package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/handbook/handbook/generator"
)

// builtAt is the date the example site is built as of, so that its
// pages (and their screenshots) do not change from day to day.
var builtAt = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// pageKinds names one page of each kind of the example site: every
// layout, and the variants of a layout that look different (the
// handbook's front page and a page in it, a list and its filtered view).
var pageKinds = []struct{ name, path string }{
	{"board", "/"},
	{"handbook", "/handbook/"},
	{"handbook-page", "/handbook/rhythms/check-ins/"},
	{"updates", "/updates/"},
	{"update", "/updates/2026-11-24-ana-batched-writes/"},
	{"decisions", "/decisions/"},
	{"decisions-status", "/decisions/status/accepted/"},
	{"decision", "/decisions/0010-follow-the-sun-on-call-rotation/"},
	{"objectives", "/objectives/"},
	{"objective", "/objectives/faster-sync/"},
	{"people", "/people/"},
	{"person", "/people/ana/"},
	{"person-attention", "/people/ana/attention/"},
	{"teams", "/teams/"},
	{"team", "/teams/platform/"},
	{"tags", "/tags/"},
	{"tag", "/tags/on-call/"},
	{"events", "/events/"},
	{"attention", "/attention/"},
	{"search", "/search/"},
	{"404", "/404.html"},
}

var example struct {
	once sync.Once
	dir  string // the built site, removed by TestMain
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if example.dir != "" {
		os.RemoveAll(example.dir)
	}
	os.Exit(code)
}

// exampleSite builds the example site in content/ once per test binary,
// as of builtAt and with the built-in layouts, and returns its folder.
// Tests must not change it.
func exampleSite(t testing.TB) string {
	t.Helper()
	root := RepoRoot(t)
	example.once.Do(func() {
		dir, err := os.MkdirTemp("", "handbook-e2e-")
		if err != nil {
			example.err = err
			return
		}
		example.dir = dir
		_, example.err = generator.Build(context.Background(), generator.Config{
			Content: filepath.Join(root, "content"),
			Layouts: filepath.Join(dir, "no-layouts"),
			Out:     filepath.Join(dir, "public"),
			Now:     builtAt,
		})
	})
	if example.err != nil {
		t.Fatalf("build the example site: %v", example.err)
	}
	return filepath.Join(example.dir, "public")
}

// theme is a colour scheme the reader's system prefers.
type theme string

const (
	light theme = "light"
	dark  theme = "dark"
)

var themes = []theme{light, dark}

// emulate sets the viewport's width (a phone's, with touch, below 600
// px) and the colour scheme the page sees as the system's preference.
// Pixels are CSS pixels (scale 1), which keeps screenshots small.
func emulate(width int64, th theme) chromedp.Action[chromedp.Void] {
	var opts []chromedp.EmulateViewportOption
	if width < 600 {
		opts = append(opts, chromedp.EmulateMobile)
	}
	return chromedp.Steps(
		chromedp.EmulateViewport(width, 900, opts...),
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: string(th)}},
			})
			if err != nil {
				return fmt.Errorf("emulate %s theme: %w", th, err)
			}
			return nil
		}),
	)
}
