package content

import (
	"regexp"
	"testing"
)

// linkSite is a content folder that the link under test is resolved in.
var linkSite = map[string]string{
	"handbook/index.md":                 "# Home\n",
	"handbook/guide/README.md":          "# Guide\n",
	"handbook/guide/setup.md":           "# Setup\n\n## Install\n",
	"handbook/guide/img/diagram.svg":    "<svg/>",
	"handbook/sub/_index.md":            "# Sub\n",
	"handbook/Time Off.md":              "# Time off\n",
	"handbook/img/logo.png":             "PNG",
	"handbook/img/My Logo.png":          "PNG",
	"handbook/files/spec sheet.pdf":     "PDF",
	"handbook/Ünïcode Page.md":          "# U\n",
	"decisions/0001-use-x.md":           "---\nstatus: accepted\n---\n",
	"updates/2026/2026-11-20-x.md":      "---\nauthor: ana\ndate: 2026-11-20\n---\n",
	"people/ana.md":                     "---\nname: Ana\n---\n",
	"people/ana.jpg":                    "JPG",
	"handbook/guide/nested/deep/doc.md": "# Deep\n",
}

var hrefRE = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

func TestLinkRewriting(t *testing.T) {
	t.Parallel()
	tests := []struct {
		dest     string
		href     string // with base URL https://x.example/handbook/
		root     string // with the default base URL "/"; "" when the same as href without "/handbook"
		target   string
		fragment string
		warning  string
	}{
		// Markdown files become their pages.
		{dest: "setup.md", href: "/handbook/handbook/guide/setup/", target: "handbook/guide/setup.md"},
		{dest: "./setup.md", href: "/handbook/handbook/guide/setup/", target: "handbook/guide/setup.md"},
		{dest: "setup.md#install", href: "/handbook/handbook/guide/setup/#install", target: "handbook/guide/setup.md", fragment: "install"},
		{dest: "setup.md?plain=1#install", href: "/handbook/handbook/guide/setup/#install", target: "handbook/guide/setup.md", fragment: "install"},
		{dest: "setup.md#Install%20Now", href: "/handbook/handbook/guide/setup/#Install%20Now", target: "handbook/guide/setup.md", fragment: "Install Now"},
		{dest: "../index.md", href: "/handbook/handbook/", target: "handbook/index.md"},
		{dest: "../Time%20Off.md", href: "/handbook/handbook/time-off/", target: "handbook/Time Off.md"},
		{dest: "<../Time Off.md>", href: "/handbook/handbook/time-off/", target: "handbook/Time Off.md"},
		{dest: "../%C3%9Cn%C3%AFcode%20Page.md", href: "/handbook/handbook/%C3%BCn%C3%AFcode-page/", target: "handbook/Ünïcode Page.md"},
		{dest: "nested/deep/doc.md", href: "/handbook/handbook/guide/nested/deep/doc/", target: "handbook/guide/nested/deep/doc.md"},
		{dest: "../../decisions/0001-use-x.md", href: "/handbook/decisions/0001-use-x/", target: "decisions/0001-use-x.md"},
		{dest: "../../updates/2026/2026-11-20-x.md", href: "/handbook/updates/2026-11-20-x/", target: "updates/2026/2026-11-20-x.md"},
		{dest: "../../people/ana.md#bio", href: "/handbook/people/ana/#bio", target: "people/ana.md", fragment: "bio"},
		// Folders become their landing pages.
		{dest: "./", href: "/handbook/handbook/guide/", target: "handbook/guide/README.md"},
		{dest: "../", href: "/handbook/handbook/", target: "handbook/index.md"},
		{dest: "..", href: "/handbook/handbook/", target: "handbook/index.md"},
		{dest: "../sub/", href: "/handbook/handbook/sub/", target: "handbook/sub/_index.md"},
		{dest: "../sub", href: "/handbook/handbook/sub/", target: "handbook/sub/_index.md"},
		{dest: "../sub/#intro", href: "/handbook/handbook/sub/#intro", target: "handbook/sub/_index.md", fragment: "intro"},
		// Other content files are published where they are.
		{dest: "../img/logo.png", href: "/handbook/handbook/img/logo.png"},
		{dest: "../img/My%20Logo.png", href: "/handbook/handbook/img/My%20Logo.png"},
		{dest: "img/diagram.svg", href: "/handbook/handbook/guide/img/diagram.svg"},
		{dest: "../files/spec%20sheet.pdf#page=2", href: "/handbook/handbook/files/spec%20sheet.pdf#page=2"},
		{dest: "../../people/ana.jpg", href: "/handbook/people/ana.jpg"},
		// Site paths get the base path.
		{dest: "/updates/", href: "/handbook/updates/"},
		{dest: "/tags/x/#top", href: "/handbook/tags/x/#top"},
		// Links with a scheme, protocol-relative links and fragments stay.
		{dest: "https://example.com/x.md", href: "https://example.com/x.md", root: "https://example.com/x.md"},
		{dest: "mailto:team@example.com", href: "mailto:team@example.com", root: "mailto:team@example.com"},
		{dest: "//cdn.example/x.js", href: "//cdn.example/x.js", root: "//cdn.example/x.js"},
		{dest: "#install", href: "#install", root: "#install", fragment: "install"},
		// Missing Markdown files are left for the model to report.
		{dest: "gone.md", href: "gone.md", root: "gone.md", target: "handbook/guide/gone.md"},
		{dest: "gone.md#x", href: "gone.md#x", root: "gone.md#x", target: "handbook/guide/gone.md", fragment: "x"},
		// Other broken links are reported here.
		{dest: "nothing/", href: "nothing/", root: "nothing/", warning: "content/handbook/guide/from.md:5:5: warning: link to missing file nothing/"},
		{dest: "missing.png", href: "missing.png", root: "missing.png", warning: "content/handbook/guide/from.md:5:5: warning: link to missing file missing.png"},
		// An escaped slash is a file name here, not a site path.
		{dest: "%2Fupdates/", href: "%2Fupdates/", root: "%2Fupdates/", warning: "content/handbook/guide/from.md:5:5: warning: link to missing file %2Fupdates/"},
		{dest: "../../../etc/passwd", href: "../../../etc/passwd", root: "../../../etc/passwd", warning: "content/handbook/guide/from.md:5:5: warning: link ../../../etc/passwd points outside the content folder"},
		{dest: "../../../x.md#y", href: "../../../x.md#y", root: "../../../x.md#y", warning: "content/handbook/guide/from.md:5:5: warning: link ../../../x.md#y points outside the content folder"},
	}
	for _, tt := range tests {
		t.Run(tt.dest, func(t *testing.T) {
			t.Parallel()
			for _, base := range []string{"https://x.example/handbook/", "/"} {
				files := map[string]string{"site.toml": "base_url = \"" + base + "\"\n"}
				for k, v := range linkSite {
					files[k] = v
				}
				// Front matter and a blank line: the link is on line 5,
				// column 5.
				files["handbook/guide/from.md"] = "---\ntitle: From\n---\n\nSee [it](" + tt.dest + ").\n"
				res, diags := load(t, files, Options{})
				var want []string
				if tt.warning != "" {
					want = []string{tt.warning}
				}
				wantDiags(t, diags, want...)

				p := page(t, res, "handbook/guide/from.md")
				m := hrefRE.FindStringSubmatch(string(p.Body))
				wantHref := tt.href
				if base == "/" {
					wantHref = tt.root
					if wantHref == "" {
						wantHref = tt.href[len("/handbook"):]
					}
				}
				if m == nil || m[1] != wantHref {
					t.Errorf("base %s: link %q in %q, want href %q", base, tt.dest, p.Body, wantHref)
				}
				if len(p.Links) != 1 {
					t.Fatalf("Links = %+v, want one", p.Links)
				}
				l := p.Links[0]
				if l.Target != tt.target || l.Fragment != tt.fragment {
					t.Errorf("link %q: Target, Fragment = %q, %q, want %q, %q", tt.dest, l.Target, l.Fragment, tt.target, tt.fragment)
				}
				if l.Pos.File != "content/handbook/guide/from.md" || l.Pos.Line != 5 || l.Pos.Col != 5 {
					t.Errorf("link %q: Pos = %v, want content/handbook/guide/from.md:5:5", tt.dest, l.Pos)
				}
			}
		})
	}
}

func TestImageLinks(t *testing.T) {
	t.Parallel()
	files := map[string]string{"site.toml": "base_url = \"https://x.example/docs/\"\n"}
	for k, v := range linkSite {
		files[k] = v
	}
	files["handbook/from.md"] = "![Logo](img/My%20Logo.png \"The logo\")\n\n![Remote](https://example.com/a.png)\n"
	res, diags := load(t, files, Options{})
	wantDiags(t, diags)
	p := page(t, res, "handbook/from.md")
	ms := hrefRE.FindAllStringSubmatch(string(p.Body), -1)
	if len(ms) != 2 || ms[0][1] != "/docs/handbook/img/My%20Logo.png" || ms[1][1] != "https://example.com/a.png" {
		t.Errorf("image sources in %q, want the local one rewritten and the remote one kept", p.Body)
	}
	if len(p.Links) != 2 || !p.Links[0].Image || p.Links[0].Dest != "img/My%20Logo.png" || p.Links[0].Target != "" {
		t.Errorf("Links = %+v, want images as written, without a target", p.Links)
	}
}

func TestLinkPositionsAfterFrontMatter(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src, want string
	}{
		{"yaml", "---\ntitle: x\n---\n\nText [a](nothing/) here.\n", "content/handbook/x.md:5:6: warning: link to missing file nothing/"},
		{"toml", "+++\ntitle = \"x\"\n+++\n[a](nothing/)\n", "content/handbook/x.md:4:1: warning: link to missing file nothing/"},
		{"bare json", "{\n  \"title\": \"x\"\n}\n\n- [a](nothing/)\n", "content/handbook/x.md:5:3: warning: link to missing file nothing/"},
		{"BOM and CRLF", "\ufeff---\r\ntitle: x\r\n---\r\n\r\nText [a](nothing/)\r\n", "content/handbook/x.md:5:6: warning: link to missing file nothing/"},
		{"no front matter", "# T\n\n> quoted [a](nothing/)\n", "content/handbook/x.md:3:10: warning: link to missing file nothing/"},
		{"image", "# T\n\n![a](nothing.png)\n", "content/handbook/x.md:3:1: warning: missing image nothing.png"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, diags := load(t, map[string]string{"handbook/x.md": tt.src}, Options{})
			wantDiags(t, diags, tt.want)
		})
	}
}

// A folder's landing page may be spelt in any case (isSection ignores
// case), and a link to the folder must find it.
func TestLinkToFolderAnyCase(t *testing.T) {
	t.Parallel()
	res, diags := load(t, map[string]string{
		"handbook/index.md":        "[a](guide/) [b](other/)\n",
		"handbook/guide/Readme.md": "# G\n",
		"handbook/other/Index.md":  "# O\n",
	}, Options{})
	wantDiags(t, diags)
	p := page(t, res, "handbook/index.md")
	ms := hrefRE.FindAllStringSubmatch(string(p.Body), -1)
	if len(ms) != 2 || ms[0][1] != "/handbook/guide/" || ms[1][1] != "/handbook/other/" {
		t.Errorf("Body = %q, want links to /handbook/guide/ and /handbook/other/", p.Body)
	}
}
