package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// themeState is what the test reads of the theme: the choice on <html>,
// the one remembered, the toggle's state and the colours in use.
type themeState struct {
	Attr       string `json:"attr"`
	Stored     string `json:"stored"`
	Pressed    string `json:"pressed"`
	Background string `json:"background"`
}

const readTheme = `({
	attr: document.documentElement.dataset.theme || "",
	stored: localStorage.getItem("handbook-theme") || "",
	pressed: document.querySelector(".theme-toggle").getAttribute("aria-pressed"),
	background: getComputedStyle(document.body).backgroundColor,
})`

// TestThemeFollowsSystemUntilChosen checks the theme toggle against the
// system's preference: the page follows the system; a different choice is
// remembered across pages, even when the system changes; choosing what
// the system prefers forgets it.
func TestThemeFollowsSystemUntilChosen(t *testing.T) {
	ctx := Browser(t)
	base := Serve(t, exampleSite(t))
	const white, darkBg = "rgb(255, 255, 255)", "rgb(17, 20, 24)"
	step := func(what string, actions ...chromedp.Action[chromedp.Void]) themeState {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		st, err := chromedp.Run(ctx, chromedp.Evaluate[themeState](readTheme))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return st
	}
	load := func(th theme, path string) []chromedp.Action[chromedp.Void] {
		return []chromedp.Action[chromedp.Void]{emulate(1280, th), chromedp.Navigate(base + path), chromedp.WaitVisible(".theme-toggle")}
	}
	tests := []struct {
		what    string
		actions []chromedp.Action[chromedp.Void]
		want    themeState
	}{
		{"a light system", load(light, "/"), themeState{"", "", "false", white}},
		{"a dark system", load(dark, "/"), themeState{"", "", "true", darkBg}},
		{"light chosen on a dark system", []chromedp.Action[chromedp.Void]{chromedp.Click(".theme-toggle")}, themeState{"light", "light", "false", white}},
		{"the choice on another page", load(dark, "/decisions/"), themeState{"light", "light", "false", white}},
		{"the choice when the system turns light", load(light, "/decisions/"), themeState{"light", "light", "false", white}},
		{"dark chosen on a light system", []chromedp.Action[chromedp.Void]{chromedp.Click(".theme-toggle")}, themeState{"dark", "dark", "true", darkBg}},
		{"light chosen on a light system: follow it", []chromedp.Action[chromedp.Void]{chromedp.Click(".theme-toggle")}, themeState{"", "", "false", white}},
		{"following, when the system turns dark", load(dark, "/"), themeState{"", "", "true", darkBg}},
	}
	for _, tt := range tests {
		if got := step(tt.what, tt.actions...); got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.what, got, tt.want)
		}
	}
}
