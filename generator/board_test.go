package generator

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handbook/handbook/generator/sitetest"
)

// buildFiles builds a site from content files into a new folder, with the
// embedded layouts, and returns the result and the output folder.
func buildFiles(t *testing.T, files map[string]string, now time.Time) (Result, string) {
	t.Helper()
	dir := t.TempDir()
	sitetest.WriteFiles(t, filepath.Join(dir, "content"), files)
	cfg := Config{Content: filepath.Join(dir, "content"), Layouts: filepath.Join(dir, "none"), Out: filepath.Join(dir, "public"), Now: now}
	res, err := Build(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return res, cfg.Out
}

func readOut(t *testing.T, out, p string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Blockers in the body's section, as `handbook new update` writes them,
// reach the board and the attention pages, and the update's page shows
// one "Blockers" heading: the body's.
func TestBodyBlockersOnPages(t *testing.T) {
	t.Parallel()
	_, out := buildFiles(t, map[string]string{
		"site.toml":         "title = \"T\"\nbase_url = \"https://example.com/\"\ntimezone = \"UTC\"\n",
		"people/ana.md":     "---\nname: Ana Souza\n---\n",
		"people/kofi.md":    "---\nname: Kofi Mensah\n---\n",
		"updates/ana.md":    "---\nauthor: ana\ndate: 2026-11-24\n---\n## Done\n- Shipped.\n\n## Blockers\n- Waiting on @kofi for credentials.\n",
		"updates/kofi.md":   "---\nauthor: kofi\ndate: 2026-11-24\n---\n## Done\n- Things.\n\n## Blockers\n- None.\n",
		"handbook/index.md": "# Home\n",
	}, time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC))

	board := readOut(t, out, "index.html")
	if strings.Count(board, "<strong>Blocked:</strong>") != 1 || !strings.Contains(board, "Waiting on @kofi for credentials.") {
		t.Errorf("the board does not show Ana's blocker once:\n%s", board)
	}
	page := readOut(t, out, "updates/ana/index.html")
	if n := strings.Count(page, ">Blockers</h2>"); n != 1 {
		t.Errorf("Ana's update shows %d \"Blockers\" headings, want 1", n)
	}
	kofi := readOut(t, out, "people/kofi/attention/index.html")
	if !strings.Contains(kofi, "<q>Waiting on @kofi for credentials.</q>") {
		t.Errorf("Kofi's attention page does not list the blocker that names him:\n%s", kofi)
	}
	if strings.Contains(readOut(t, out, "updates/kofi/index.html"), "Blocked:") {
		t.Errorf("\"None.\" is shown as a blocker")
	}
}

// A page that moved keeps its old paths: each alias is a small page that
// redirects (escaped, not indexed) and a line of Netlify's _redirects; an
// alias at the path of a real page is a diagnostic at the file naming it.
func TestAliases(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"site.toml":           "title = \"T\"\nbase_url = \"https://example.com/docs/\"\n",
		"handbook/index.md":   "# Home\n",
		"handbook/on-call.md": "---\ntitle: On call <&> \"rota\"\naliases: [/handbook/oncall/, /old/on-call.html]\n---\nText.\n",
	}
	_, out := buildFiles(t, files, time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC))
	page := readOut(t, out, "handbook/oncall/index.html")
	for _, want := range []string{
		`<title>Moved: On call &lt;&amp;&gt; &#34;rota&#34;</title>`,
		`<meta name="robots" content="noindex">`,
		`<link rel="canonical" href="https://example.com/docs/handbook/on-call/">`,
		`<meta http-equiv="refresh" content="0; url=/docs/handbook/on-call/">`,
		`<a href="/docs/handbook/on-call/">On call &lt;&amp;&gt; &#34;rota&#34;</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("redirect page lacks %s:\n%s", want, page)
		}
	}
	if got := readOut(t, out, "old/on-call.html"); !strings.Contains(got, `url=/docs/handbook/on-call/`) {
		t.Errorf("old/on-call.html:\n%s", got)
	}
	want := "/docs/handbook/oncall/ /docs/handbook/on-call/ 301\n/docs/old/on-call.html /docs/handbook/on-call/ 301\n"
	if got := readOut(t, out, "_redirects"); got != want {
		t.Errorf("_redirects:\n%s\nwant:\n%s", got, want)
	}
	if strings.Contains(readOut(t, out, "sitemap.xml"), "oncall") {
		t.Errorf("the sitemap lists a redirect")
	}

	// An alias where a page is, and one that is not a site path.
	dir := t.TempDir()
	sitetest.WriteFiles(t, filepath.Join(dir, "content"), map[string]string{
		"site.toml":           "base_url = \"https://example.com/\"\n",
		"handbook/index.md":   "# Home\n",
		"handbook/guide.md":   "# Guide\n",
		"handbook/on-call.md": "---\naliases: [/handbook/guide/, ../x]\n---\n# On call\n",
	})
	_, err := Build(context.Background(), Config{Content: filepath.Join(dir, "content"), Layouts: filepath.Join(dir, "none"), Out: filepath.Join(dir, "public"), Now: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)})
	if err == nil || !strings.Contains(err.Error(), `aliases: want a site path starting with "/"`) {
		t.Errorf("Build with a bad alias: %v", err)
	}
	sitetest.WriteFiles(t, filepath.Join(dir, "content"), map[string]string{"handbook/on-call.md": "---\naliases: [/handbook/guide/]\n---\n# On call\n"})
	_, err = Build(context.Background(), Config{Content: filepath.Join(dir, "content"), Layouts: filepath.Join(dir, "none"), Out: filepath.Join(dir, "public"), Now: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)})
	if err == nil || !strings.Contains(err.Error(), "on-call.md") || !strings.Contains(err.Error(), "would overwrite") {
		t.Errorf("Build with an alias at a page's path: %v", err)
	}
}
