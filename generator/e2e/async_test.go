package e2e

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/handbook/handbook/generator"
)

// TestTeamPageInBrowser builds the example site as of a date long past and
// checks, in Chromium, that the page script replaces the build-time local
// times with the reader's current time in each member's zone, and that the
// working-hours chart and the check-in grid are drawn.
func TestTeamPageInBrowser(t *testing.T) {
	ctx := Browser(t)
	out := filepath.Join(t.TempDir(), "public")
	_, err := generator.Build(context.Background(), generator.Config{Content: "../../content", Layouts: filepath.Join(t.TempDir(), "none"), Out: out, Now: time.Date(2026, 11, 25, 3, 7, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	base := Serve(t, out)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/teams/platform/"), chromedp.WaitVisible(".overlap")); err != nil {
		t.Fatal(err)
	}
	// Each element's text against what the browser itself says the time
	// is in that zone, read in the same script so the minute cannot turn.
	mismatches, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
		const bad = [];
		const els = document.querySelectorAll(".local-time[data-tz]");
		if (els.length === 0) bad.push("no local times");
		for (const el of els) {
			const want = new Intl.DateTimeFormat("en-GB", {hour: "2-digit", minute: "2-digit", timeZone: el.dataset.tz}).format(new Date());
			if (el.textContent !== want) bad.push(el.dataset.tz + ": " + el.textContent + " != " + want);
		}
		return bad;
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range mismatches {
		t.Errorf("local time not updated: %s", m)
	}
	counts, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`[
		document.querySelectorAll(".overlap .ov-bar").length,
		document.querySelectorAll("table.grid tbody tr").length,
		document.querySelectorAll("table.grid td.cell").length,
		document.querySelectorAll("[style]").length,
	]`))
	if err != nil {
		t.Fatal(err)
	}
	// Platform has three members with working hours, twelve weeks each,
	// and nothing on the page uses an inline style.
	if counts[0] < 3 || counts[1] != 3 || counts[2] != 36 || counts[3] != 0 {
		t.Errorf("bars %d, grid rows %d, cells %d, styled elements %d", counts[0], counts[1], counts[2], counts[3])
	}
}
