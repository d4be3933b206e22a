package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// pageState is what a reader without JavaScript gets of a page.
type pageState struct {
	Background string   `json:"background"` // the body's computed colour
	MainText   int      `json:"mainText"`   // visible characters in <main>
	Hidden     []string `json:"hidden"`     // site sections whose link cannot be seen
	Toggle     bool     `json:"toggle"`     // whether the theme toggle shows
	MenuLinks  int      `json:"menuLinks"`  // visible links in the handbook menu
	Summary    bool     `json:"summary"`    // whether the handbook menu's button shows
}

const readPage = `(() => {
	const main = document.querySelector("main");
	const menu = [...document.querySelectorAll(".sidebar nav a")].filter(a => a.checkVisibility());
	const summary = document.querySelector(".nav-menu > summary");
	return {
		background: getComputedStyle(document.body).backgroundColor,
		mainText: main && main.checkVisibility() ? main.innerText.trim().length : 0,
		hidden: [...document.querySelectorAll(".site-nav a")].filter(a => !a.checkVisibility()).map(a => a.textContent),
		toggle: document.querySelector(".theme-toggle").checkVisibility(),
		menuLinks: menu.length,
		summary: !!summary && summary.checkVisibility(),
	};
})()`

// TestReadableWithoutJavaScript loads one page of each kind with
// JavaScript off, at a phone's and a laptop's width and in both themes:
// the page still follows the system's theme, its content shows, every
// section of the site is one visible link away, the theme toggle (which
// would need the script) stays hidden, and the handbook's menu is open
// on a laptop and opens with a tap on a phone.
func TestReadableWithoutJavaScript(t *testing.T) {
	ctx := Browser(t)
	base := Serve(t, exampleSite(t))
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	for _, k := range pageKinds {
		for _, w := range screenshotWidths {
			backgrounds := map[theme]string{}
			for _, th := range themes {
				name := fmt.Sprintf("%s at %d px, %s", k.path, w, th)
				st := readWithoutScript(t, ctx, base+k.path, w, th)
				backgrounds[th] = st.Background
				if st.MainText < 20 {
					t.Errorf("%s: <main> shows %d characters", name, st.MainText)
				}
				if len(st.Hidden) > 0 {
					t.Errorf("%s: the links to %v cannot be seen", name, st.Hidden)
				}
				if st.Toggle {
					t.Errorf("%s: the theme toggle shows, but cannot work without JavaScript", name)
				}
				if k.name != "handbook" && k.name != "handbook-page" {
					continue
				}
				switch {
				case w >= 1000 && (st.MenuLinks < 5 || st.Summary):
					t.Errorf("%s: the handbook menu shows %d links (and its button: %v), want it open", name, st.MenuLinks, st.Summary)
				case w < 1000 && (st.MenuLinks != 0 || !st.Summary):
					t.Errorf("%s: the handbook menu shows %d links (and its button: %v), want it closed behind its button", name, st.MenuLinks, st.Summary)
				case w < 1000:
					if err := chromedp.Do(ctx, chromedp.Click(".nav-menu > summary")); err != nil {
						t.Fatalf("%s: open the menu: %v", name, err)
					}
					n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`[...document.querySelectorAll(".sidebar nav a")].filter(a => a.checkVisibility()).length`))
					if err != nil {
						t.Fatal(err)
					}
					if n < 5 {
						t.Errorf("%s: after a tap the handbook menu shows %d links", name, n)
					}
				}
			}
			if backgrounds[light] == backgrounds[dark] {
				t.Errorf("%s at %d px: the same background, %s, in the light and the dark theme", k.path, w, backgrounds[light])
			}
		}
	}
}

func readWithoutScript(t *testing.T, ctx context.Context, url string, w int64, th theme) pageState {
	t.Helper()
	if err := chromedp.Do(ctx, emulate(w, th), chromedp.Navigate(url), chromedp.WaitReady("body")); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	st, err := chromedp.Run(ctx, chromedp.Evaluate[pageState](readPage))
	if err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	return st
}

// TestPrint prints a handbook page and a decision: on paper there is no
// header, menu, table of contents, footer or edit link, but the text, the
// decision's facts and the page's address. The PDFs are written beside the
// screenshots for review.
func TestPrint(t *testing.T) {
	ctx := Browser(t)
	base := Serve(t, exampleSite(t))
	dir := screenshotDir(t)
	for _, k := range pageKinds {
		if k.name != "handbook-page" && k.name != "decision" {
			continue
		}
		err := chromedp.Do(ctx, emulate(1280, dark), chromedp.Navigate(base+k.path), chromedp.WaitReady("body"),
			chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
				_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
				return err
			}))
		if err != nil {
			t.Fatalf("%s: %v", k.path, err)
		}
		shown, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]bool](`Object.fromEntries(
			[".site-header", ".sidebar", ".toc-col", ".crumbs", ".site-footer .feeds", ".edit", ".prose", ".print-url", "h1", ".facts"]
			.map(s => [s, !!document.querySelector(s) && document.querySelector(s).checkVisibility()]))`))
		if err != nil {
			t.Fatal(err)
		}
		for sel, want := range map[string]bool{".site-header": false, ".sidebar": false, ".toc-col": false, ".crumbs": false, ".site-footer .feeds": false, ".edit": false, ".prose": true, ".print-url": true, "h1": true, ".facts": k.name == "decision"} {
			if shown[sel] != want {
				t.Errorf("%s printed: %s shows %v, want %v", k.path, sel, shown[sel], want)
			}
		}
		bg, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.body).backgroundColor`))
		if err != nil {
			t.Fatal(err)
		}
		if bg != "rgb(255, 255, 255)" {
			t.Errorf("%s printed in the dark theme: background %s, want white", k.path, bg)
		}
		pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(func(p *page.PrintToPDFParams) { css := true; p.PreferCSSPageSize = &css }))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, k.name+".pdf"), pdf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestFitsSmallPhones loads one page of each kind at 360 px, the
// narrowest phone the design is for: nothing may make the page scroll
// sideways (wide tables and code scroll in their own boxes).
func TestFitsSmallPhones(t *testing.T) {
	ctx := Browser(t)
	base := Serve(t, exampleSite(t))
	for _, k := range pageKinds {
		if err := chromedp.Do(ctx, emulate(360, light), chromedp.Navigate(base+k.path), chromedp.WaitReady("body")); err != nil {
			t.Fatalf("%s: %v", k.path, err)
		}
		wide, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
			const w = document.documentElement.clientWidth;
			if (document.documentElement.scrollWidth <= w) return [];
			return [...document.querySelectorAll("body *")]
				.filter(e => e.getBoundingClientRect().right > w + 1 && !e.parentElement.closest(".table-wrap, pre"))
				.slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === "string" ? "." + e.className.split(" ").join(".") : "") + ": " + (e.textContent || "").trim().slice(0, 40));
		})()`))
		if err != nil {
			t.Fatalf("%s: %v", k.path, err)
		}
		if len(wide) > 0 {
			t.Errorf("%s scrolls sideways at 360 px; too wide: %q", k.path, wide)
		}
	}
}
