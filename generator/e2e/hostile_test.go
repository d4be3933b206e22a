package e2e

import (
	"context"
	"encoding/json"
	"io/fs"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"golang.org/x/tools/txtar"

	"github.com/handbook/handbook/generator"
	"github.com/handbook/handbook/generator/sitetest"
)

// buildCase builds a case of the generator's corpus of broken and
// hostile sites and returns its output folder.
func buildCase(t *testing.T, name string) string {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("..", "testdata", "broken", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	sitetest.Write(t, ar, dir)
	a := sitetest.ParseArgs(t, ar)
	out := filepath.Join(dir, "public")
	_, err = generator.Build(context.Background(), generator.Config{
		Content: filepath.Join(dir, "content"), Layouts: filepath.Join(dir, "layouts"), Out: out,
		Now: a.Now, Drafts: a.Drafts, BaseURL: a.BaseURL,
	})
	if err != nil {
		t.Fatalf("build %s: %v", name, err)
	}
	return out
}

// inspect runs in a loaded page: it fires the events inline handlers
// listen to on every element (clicks only where they cannot navigate),
// then reports what could run script and which payload sentinels are
// set. Every payload in the hostile case would set a localStorage key
// starting with "p_"; localStorage cannot be clobbered by element ids
// the way a window property can.
const inspect = `(() => {
  for (const el of document.querySelectorAll("*")) {
    for (const type of ["mouseover", "mouseenter", "focus", "animationstart"]) {
      el.dispatchEvent(new Event(type, {bubbles: false}));
    }
    if (!el.closest("a, area, summary, button")) el.dispatchEvent(new MouseEvent("click", {bubbles: false}));
  }
  const problems = [];
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) {
      if (a.name.toLowerCase().startsWith("on")) problems.push("event handler: " + el.outerHTML.slice(0, 160));
    }
    for (const name of ["href", "src", "action", "formaction", "poster", "data", "xlink:href"]) {
      const v = el.getAttribute(name);
      if (v === null) continue;
      let protocol;
      try { protocol = new URL(v, location.href).protocol; } catch { continue; }
      const image = el.tagName === "IMG" && name === "src" && /^\s*data:image\/(png|gif|jpeg|webp)[;,]/i.test(v);
      if (protocol === "javascript:" || protocol === "vbscript:" || (protocol === "data:" && !image)) {
        problems.push("dangerous URL: " + el.outerHTML.slice(0, 160));
      }
    }
  }
  for (const s of document.scripts) {
    if (s.src) {
      if (new URL(s.src).origin !== location.origin) problems.push("script from elsewhere: " + s.src);
      continue;
    }
    if (!/^application\/(ld\+)?json$/.test(s.type)) { problems.push("inline script: " + s.outerHTML.slice(0, 160)); continue; }
    try { JSON.parse(s.textContent); } catch { problems.push("inline JSON that does not parse"); }
  }
  for (const el of document.querySelectorAll("iframe, frame, object, embed, base, meta[http-equiv], .prose form, .prose input, .prose button")) {
    problems.push("element that can load or submit: " + el.outerHTML.slice(0, 160));
  }
  for (const form of document.forms) {
    if (new URL(form.action).origin !== location.origin) problems.push("form to elsewhere: " + form.action);
  }
  for (const el of document.querySelectorAll(".prose [style], .prose style")) {
    problems.push("style from content: " + el.outerHTML.slice(0, 160));
  }
  const pwned = Object.keys(localStorage).filter(k => k.startsWith("p_")).sort();
  return JSON.stringify({problems, pwned, title: document.title});
})()`

type report struct {
	Problems []string
	Pwned    []string
	Title    string
}

func inspectPage(t *testing.T, ctx context.Context, page string) report {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatalf("load %s: %v", page, err)
	}
	r, err := evaluate(ctx)
	if err != nil {
		t.Fatalf("inspect %s: %v", page, err)
	}
	return r
}

// evaluate runs inspect in the current page.
func evaluate(ctx context.Context) (report, error) {
	var r report
	js, err := chromedp.Run(ctx, chromedp.Evaluate[string](inspect))
	if err == nil {
		err = json.Unmarshal([]byte(js), &r)
	}
	return r, err
}

// TestHostilePagesRunNoScript loads every page of the hostile case in
// Chromium and checks that none of the payloads ran, even with the
// events inline handlers wait for fired, and that nothing on the pages
// could run script or submit elsewhere (the site's own search form
// aside). It searches for the payloads' words, so that the results the
// search client builds from the index are inspected too. It then loads the raw-HTML case, where a body's
// script is meant to run, to show that the check sees script that runs.
func TestHostilePagesRunNoScript(t *testing.T) {
	ctx := Browser(t)
	out := buildCase(t, "hostile")
	base := Serve(t, out)
	var pages []string
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(out, p)
			pages = append(pages, "/"+strings.TrimSuffix(filepath.ToSlash(rel), "index.html"))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(pages)
	if len(pages) < 20 {
		t.Fatalf("the hostile case has %d pages; want all of them", len(pages))
	}
	for _, page := range pages {
		r := inspectPage(t, ctx, base+page)
		for _, p := range r.Problems {
			t.Errorf("%s: %s", page, p)
		}
		if len(r.Pwned) > 0 {
			t.Errorf("%s: payloads ran: %v", page, r.Pwned)
		}
		if strings.Contains(r.Title, "\u202e") || r.Title == "" {
			t.Errorf("%s: title %q", page, r.Title)
		}
	}

	// The search index carries the same titles and text; the client
	// must show them as text. Search for words of the payloads and
	// inspect the results page.
	for _, q := range []string{"localstorage", "script onerror", "svg onload"} {
		err := chromedp.Do(ctx,
			chromedp.Navigate(base+"/search/?q="+url.QueryEscape(q)),
			chromedp.WaitVisible("#search-results .search-result"),
		)
		if err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		r, err := evaluate(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range r.Problems {
			t.Errorf("search %q: %s", q, p)
		}
		if len(r.Pwned) > 0 {
			t.Errorf("search %q: payloads ran: %v", q, r.Pwned)
		}
		titles, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#search-results .search-title")].map(a => a.textContent)`))
		if err != nil {
			t.Fatal(err)
		}
		if q == "localstorage" && !slices.Contains(titles, "<script>localStorage.p_decision=1</script>Hostile decision") {
			t.Errorf("search %q: results %q, want the hostile decision's title shown as text", q, titles)
		}
	}

	raw := Serve(t, buildCase(t, "raw-html"))
	r := inspectPage(t, ctx, raw+"/handbook/")
	if !slices.Equal(r.Pwned, []string{"p_raw_body"}) {
		t.Errorf("raw_html = true: payloads that ran: %v, want only the body's script, p_raw_body", r.Pwned)
	}
	if !slices.ContainsFunc(r.Problems, func(p string) bool { return strings.HasPrefix(p, "inline script: ") }) {
		t.Errorf("raw_html = true: the inline script was not reported: %v", r.Problems)
	}
}
