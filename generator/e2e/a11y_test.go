package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeViolation is what the test reads of a violation axe-core reports.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []string `json:"target"`
		Summary string   `json:"failureSummary"`
	} `json:"nodes"`
}

// axeRun runs every axe-core rule that is not experimental (WCAG 2.0 to
// 2.2, levels A and AA, and axe's best practices) on the page and returns
// the violations.
const axeRun = `axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({
	id: v.id, impact: v.impact || "", help: v.help,
	nodes: v.nodes.map(n => ({target: n.target.map(String), failureSummary: n.failureSummary || ""})),
})))`

// TestAccessibility injects axe-core into one page of each kind of the
// example site, in the light and the dark theme, at a laptop's and a
// phone's width, and fails on any violation it reports.
func TestAccessibility(t *testing.T) {
	axe, err := os.ReadFile(filepath.Join(NodeModules(t), "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := Browser(t)
	base := Serve(t, exampleSite(t))
	for _, k := range pageKinds {
		for _, w := range screenshotWidths {
			for _, th := range themes {
				name := fmt.Sprintf("%s at %d px, %s", k.path, w, th)
				err := chromedp.Do(ctx, emulate(w, th), chromedp.Navigate(base+k.path), chromedp.WaitReady("body"))
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](string(axe))); err != nil {
					t.Fatalf("%s: inject axe-core: %v", name, err)
				}
				vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](axeRun, chromedp.EvalAwaitPromise))
				if err != nil {
					t.Fatalf("%s: run axe-core: %v", name, err)
				}
				for _, v := range vs {
					var where []string
					for _, n := range v.Nodes {
						where = append(where, strings.Join(n.Target, " ")+": "+strings.ReplaceAll(n.Summary, "\n", " "))
					}
					t.Errorf("%s: %s (%s, %s) on %d elements:\n\t%s", name, v.ID, v.Impact, v.Help, len(v.Nodes), strings.Join(where, "\n\t"))
				}
			}
		}
	}
}
