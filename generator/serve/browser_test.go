package serve

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/handbook/handbook/generator/e2e"
)

// TestBrowserOverlay edits a served site under a real browser: a broken
// edit shows the overlay on the open page, fixing it reloads the page
// without it, and a CSS change swaps the stylesheet without a reload. The
// server sends its Content-Security-Policy, so the client must work under
// it.
func TestBrowserOverlay(t *testing.T) {
	ctx := e2e.Browser(t)
	dir := testSite(t)
	base := start(t, dir)
	url := base + "/updates/2026-11-20-ana-x/"

	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible("main")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `document.documentElement.hasAttribute("data-live")`)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.handbookMarker = true`)); err != nil {
		t.Fatal(err)
	}

	write(t, dir, map[string]string{"content/updates/2026-11-20-ana-x.md": "---\nauthor: nobody\ndate: 2026-11-20\n---\nBroken.\n"})
	text := waitText(t, ctx, ".handbook-overlay")
	if !strings.Contains(text, `unknown author "nobody"`) || !strings.Contains(text, "2026-11-20-ana-x.md:2:9") {
		t.Errorf("overlay says %q", text)
	}
	if main := evaluate[string](t, ctx, `document.querySelector("main").textContent`); !strings.Contains(main, "First version.") {
		t.Errorf("the page under the overlay is not the last good build: %q", main)
	}

	write(t, dir, map[string]string{"content/updates/2026-11-20-ana-x.md": "---\nauthor: ana\ndate: 2026-11-20\n---\nFixed.\n"})
	waitFor(t, ctx, `!!document.querySelector("main") && document.querySelector("main").textContent.includes("Fixed.")`)
	if evaluate[bool](t, ctx, `!!document.querySelector(".handbook-overlay")`) {
		t.Error("the overlay stays after the fix")
	}
	waitFor(t, ctx, `document.documentElement.hasAttribute("data-live")`)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.handbookMarker = true`)); err != nil {
		t.Fatal(err)
	}

	write(t, dir, map[string]string{"layouts/assets/site.css": "body { background: rgb(1, 2, 3); }\n"})
	waitFor(t, ctx, `getComputedStyle(document.body).backgroundColor === "rgb(1, 2, 3)"`)
	if !evaluate[bool](t, ctx, `window.handbookMarker === true`) {
		t.Error("a CSS change reloaded the page")
	}
}

func evaluate[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// waitFor polls a JavaScript condition for up to 10 seconds.
func waitFor(t *testing.T, ctx context.Context, cond string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond)); err == nil && ok {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", cond)
}

func waitText(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	waitFor(t, ctx, `!!document.querySelector(`+"`"+sel+"`"+`)`)
	return evaluate[string](t, ctx, `document.querySelector(`+"`"+sel+"`"+`).textContent`)
}
