package e2e

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/handbook/handbook/generator"
)

// TestThemeToggle loads the example site's board in Chromium, checks it
// renders, and that the theme toggle switches and remembers dark mode.
func TestThemeToggle(t *testing.T) {
	ctx := Browser(t)
	out := filepath.Join(t.TempDir(), "public")
	_, err := generator.Build(context.Background(), generator.Config{Content: "../../content", Layouts: filepath.Join(t.TempDir(), "none"), Out: out, Now: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	base := Serve(t, out)
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(".theme-toggle"),
	)
	if err != nil {
		t.Fatal(err)
	}
	title, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(".theme-toggle"),
		chromedp.Navigate(base+"/updates/"),
		chromedp.WaitVisible(".theme-toggle"),
	)
	if err != nil {
		t.Fatal(err)
	}
	theme, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.dataset.theme || ""`))
	if err != nil {
		t.Fatal(err)
	}
	pressed, err := chromedp.Run(ctx, chromedp.AttributeValue(".theme-toggle", "aria-pressed"))
	if err != nil {
		t.Fatal(err)
	}
	if title != "Northwind Handbook" {
		t.Errorf("board title %q", title)
	}
	if theme != "dark" || pressed.Value != "true" {
		t.Errorf("after toggling and navigating: data-theme=%q aria-pressed=%q, want dark and true", theme, pressed.Value)
	}
}
