package e2e

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

var readmeShots = flag.Bool("readme-screenshots", false, "also rewrite the status board screenshots the README shows, in .github/screenshots/")

// screenshotWidths are a phone's and a laptop's viewport widths.
var screenshotWidths = []int64{375, 1280}

// TestScreenshots takes a full-page screenshot of each page kind at a
// phone's and a laptop's width, in the light and the dark theme, for
// people to review: they are written to .cache/screenshots/ (git-ignored),
// or to $HANDBOOK_SCREENSHOTS, and not compared with anything. With
// -readme-screenshots it also rewrites the two of the status board that
// the README shows.
func TestScreenshots(t *testing.T) {
	ctx := Browser(t)
	base := Serve(t, exampleSite(t))
	dir := screenshotDir(t)
	for _, k := range pageKinds {
		for _, w := range screenshotWidths {
			for _, th := range themes {
				name := fmt.Sprintf("%s-%d-%s.png", k.name, w, th)
				err := chromedp.Do(ctx, emulate(w, th), chromedp.Navigate(base+k.path), chromedp.WaitReady("body"))
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	t.Logf("%d screenshots in %s", len(pageKinds)*len(screenshotWidths)*len(themes), dir)
	if *readmeShots {
		readmeScreenshots(t, base)
	}
}

// screenshotDir returns the folder for pictures to review, made if need
// be: $HANDBOOK_SCREENSHOTS, or .cache/screenshots/ (git-ignored).
func screenshotDir(t *testing.T) string {
	dir := os.Getenv("HANDBOOK_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(RepoRoot(t), ".cache", "screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// readmeScreenshots rewrites the README's pictures of the status board:
// the first screen of it on a laptop, light and dark.
func readmeScreenshots(t *testing.T, base string) {
	ctx := Browser(t)
	dir := filepath.Join(RepoRoot(t), ".github", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, th := range themes {
		if err := chromedp.Do(ctx, emulate(1280, th), chromedp.Navigate(base+"/"), chromedp.WaitReady("body")); err != nil {
			t.Fatal(err)
		}
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "board-"+string(th)+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
