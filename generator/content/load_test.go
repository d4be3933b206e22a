package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/handbook/handbook/generator/diag"
	"github.com/handbook/handbook/generator/site"
)

// load reads a content folder given as file contents by content path.
func load(t *testing.T, files map[string]string, opts Options) (Result, diag.List) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data), Mode: 0o644}
	}
	res, diags := Load(fsys, opts)
	return res, diags.Sort()
}

func messages(l diag.List) []string {
	var out []string
	for _, d := range l {
		out = append(out, d.String())
	}
	return out
}

func wantDiags(t *testing.T, got diag.List, want ...string) {
	t.Helper()
	if g := messages(got); !slices.Equal(g, want) {
		t.Errorf("diagnostics =\n\t%s\nwant\n\t%s", strings.Join(g, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// doc returns the document at content path rel.
func doc(t *testing.T, res Result, rel string) *site.Doc {
	t.Helper()
	c := res.Content
	for _, p := range c.Pages {
		if p.Path == rel {
			return &p.Doc
		}
	}
	for _, u := range c.Updates {
		if u.Path == rel {
			return &u.Doc
		}
	}
	for _, d := range c.Decisions {
		if d.Path == rel {
			return &d.Doc
		}
	}
	for _, o := range c.Objectives {
		if o.Path == rel {
			return &o.Doc
		}
	}
	for _, p := range c.People {
		if p.Path == rel {
			return &p.Doc
		}
	}
	for _, tm := range c.Teams {
		if tm.Path == rel {
			return &tm.Doc
		}
	}
	t.Fatalf("no document %s", rel)
	return nil
}

func update(t *testing.T, res Result, rel string) *site.Update {
	t.Helper()
	for _, u := range res.Content.Updates {
		if u.Path == rel {
			return u
		}
	}
	t.Fatalf("no update %s", rel)
	return nil
}

func page(t *testing.T, res Result, rel string) *site.Page {
	t.Helper()
	for _, p := range res.Content.Pages {
		if p.Path == rel {
			return p
		}
	}
	t.Fatalf("no page %s", rel)
	return nil
}

func decision(t *testing.T, res Result, rel string) *site.Decision {
	t.Helper()
	for _, d := range res.Content.Decisions {
		if d.Path == rel {
			return d
		}
	}
	t.Fatalf("no decision %s", rel)
	return nil
}

func TestFrontMatterFormats(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
	}{
		{"yaml", "---\nauthor: ana\ndate: 2026-11-20\nstatus: at-risk\ntags: [sync, Shards]\nmood: happy\n---\n# Title\n\nBody.\n"},
		{"yaml named", "---yaml\nauthor: ana\ndate: 2026-11-20\nstatus: at-risk\ntags: [sync, Shards]\nmood: happy\n---\n# Title\n\nBody.\n"},
		{"yaml after blank lines", "\n\n---\nauthor: ana\ndate: 2026-11-20\nstatus: at-risk\ntags:\n  - sync\n  - Shards\nmood: happy\n---\n# Title\n\nBody.\n"},
		{"toml", "+++\nauthor = \"ana\"\ndate = 2026-11-20\nstatus = \"at-risk\"\ntags = [\"sync\", \"Shards\"]\nmood = \"happy\"\n+++\n# Title\n\nBody.\n"},
		{"toml named", "---toml\nauthor = \"ana\"\ndate = \"2026-11-20\"\nstatus = \"at-risk\"\ntags = [\"sync\", \"Shards\"]\nmood = \"happy\"\n---\n# Title\n\nBody.\n"},
		{"json", ";;;\n{\"author\": \"ana\", \"date\": \"2026-11-20\", \"status\": \"at-risk\", \"tags\": [\"sync\", \"Shards\"], \"mood\": \"happy\"}\n;;;\n# Title\n\nBody.\n"},
		{"json named", "---json\n{\"author\": \"ana\", \"date\": \"2026-11-20\", \"status\": \"at-risk\", \"tags\": [\"sync\", \"Shards\"], \"mood\": \"happy\"}\n---\n# Title\n\nBody.\n"},
		{"bare json", "{\n  \"author\": \"ana\",\n  \"date\": \"2026-11-20\",\n  \"status\": \"at-risk\",\n  \"tags\": [\"sync\", \"Shards\"],\n  \"mood\": \"happy\"\n}\n\n# Title\n\nBody.\n"},
		{"yaml with comma tags", "---\nauthor: ana\ndate: 2026-11-20\nstatus: At Risk\ntags: sync, Shards\nmood: happy\n---\n# Title\n\nBody.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, diags := load(t, map[string]string{"updates/x.md": tt.src}, Options{})
			wantDiags(t, diags)
			u := update(t, res, "updates/x.md")
			if u.AuthorID != "ana" {
				t.Errorf("AuthorID = %q, want %q", u.AuthorID, "ana")
			}
			if want := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC); !u.Date.Equal(want) {
				t.Errorf("Date = %v, want %v", u.Date, want)
			}
			if u.Status != site.AtRisk {
				t.Errorf("Status = %q, want %q", u.Status, site.AtRisk)
			}
			if want := []string{"sync", "Shards"}; !slices.Equal(u.Tags, want) {
				t.Errorf("Tags = %q, want %q", u.Tags, want)
			}
			if got := u.Params["mood"]; got != "happy" || len(u.Params) != 1 {
				t.Errorf("Params = %v, want only mood=happy", u.Params)
			}
			if u.Title != "Title" {
				t.Errorf("Title = %q, want %q", u.Title, "Title")
			}
			if body := string(u.Body); body != "<p>Body.</p>\n" {
				t.Errorf("Body = %q, want the body without front matter or title", body)
			}
		})
	}
}

// TestSplitBody checks that the body split off is the rest of the file,
// whatever its length: the front matter parser buffers 4 KB at a time,
// and only the front matter is read through it.
func TestSplitBody(t *testing.T) {
	t.Parallel()
	for _, front := range []string{"---\ntitle: x\n---\n", "\n---yaml\ntitle: x\n---\n", "+++\ntitle = \"x\"\n+++\n", ";;;\n{\"title\": \"x\"}\n;;;\n", "{\n\"title\": \"x\"\n}\n\n"} {
		for _, n := range []int{0, 1, 4000, 4096, 5000, 20000} {
			body := strings.Repeat("body text\n", n/10) + strings.Repeat("z", n%10)
			var diags diag.List
			s := split("x.md", []byte(front+body), &diags)
			if len(diags) > 0 || !s.has || string(s.body) != body || s.start != len(front) {
				t.Errorf("split(%q + %d bytes): has %v, start %d, body of %d bytes (want %d, %d), diagnostics %v", front, len(body), s.has, s.start, len(s.body), len(front), len(body), diags)
			}
		}
	}
}

func TestFrontMatterPositions(t *testing.T) {
	t.Parallel()
	const dateList = "date: want a date (YYYY-MM-DD or RFC 3339), got a list"
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"yaml value", "---\nauthor: ana\ntitle: x\ndate: [2026, 11, 20]\n---\n",
			[]string{"content/updates/x.md:4:7: " + dateList}},
		{"yaml after blank lines", "\n\n---\nauthor: ana\ndate: [2026]\n---\n",
			[]string{"content/updates/x.md:5:7: " + dateList}},
		{"yaml indented value", "---\nauthor: ana\ndate:    [2026]\n---\n",
			[]string{"content/updates/x.md:3:10: " + dateList}},
		{"yaml nested value", "---\nauthor: ana\ndate: 2026-11-20\nprogress:\n  faster/p99: 450\n  faster/shards: lots\n---\n",
			[]string{`content/updates/x.md:6:18: progress: faster/shards: want a number, got "lots"`}},
		{"yaml nested key", "---\nauthor: ana\ndate: 2026-11-20\nprogress:\n  nokey: 4\n---\n",
			[]string{`content/updates/x.md:5:3: progress: key "nokey" must name an objective and a key result as "objective-id/kr-id"`}},
		{"toml points at the key", "+++\nauthor = \"ana\"\n\ndate = [2026]\n+++\n",
			[]string{"content/updates/x.md:4:1: " + dateList}},
		{"toml indented key", "+++\nauthor = \"ana\"\n  date = [2026]\n+++\n",
			[]string{"content/updates/x.md:3:3: " + dateList}},
		{"json", ";;;\n{\"author\": \"ana\",\n \"date\": 5}\n;;;\n",
			[]string{"content/updates/x.md:3:10: date: want a date (YYYY-MM-DD or RFC 3339), got the number 5"}},
		{"bare json", "{\n  \"author\": \"ana\",\n  \"date\": true\n}\n\nBody\n",
			[]string{"content/updates/x.md:3:11: date: want a date (YYYY-MM-DD or RFC 3339), got true"}},
		{"json nested key", ";;;\n{\"author\": \"ana\", \"date\": \"2026-11-20\",\n \"progress\": {\"a/b\": 1, \"nokey\": 4}}\n;;;\n",
			[]string{`content/updates/x.md:3:25: progress: key "nokey" must name an objective and a key result as "objective-id/kr-id"`}},
		{"utf-8 BOM", "\ufeff---\nauthor: ana\ndate: [2026]\n---\n",
			[]string{"content/updates/x.md:3:7: " + dateList}},
		{"CRLF line ends", "---\r\nauthor: ana\r\ntitle: x\r\ndate: [2026]\r\n---\r\n",
			[]string{"content/updates/x.md:4:7: " + dateList}},
		{"BOM and CRLF", "\ufeff---\r\nauthor: ana\r\ndate: nope\r\n---\r\n",
			[]string{`content/updates/x.md:3:7: date: want a date (YYYY-MM-DD or RFC 3339), got "nope"`}},
		{"impossible date", "---\nauthor: ana\ndate: 2026-02-30\n---\n",
			[]string{`content/updates/x.md:3:7: date: impossible date "2026-02-30"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, diags := load(t, map[string]string{"updates/x.md": tt.src}, Options{})
			wantDiags(t, diags, tt.want...)
		})
	}
}

func TestFrontMatterSyntaxErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"yaml", "---\ntitle: ok\ntags: [a, b\n---\n", "content/handbook/x.md:3:7: invalid YAML: sequence end token ']' not found"},
		{"yaml after blank line", "\n---\ntitle: ok\ntags: [a, b\n---\n", "content/handbook/x.md:4:7: invalid YAML: sequence end token ']' not found"},
		{"toml", "+++\ntitle = \"ok\"\nweight = \n+++\n", `content/handbook/x.md:3:10: invalid TOML: expected value but found '\n' instead`},
		{"json", ";;;\n{\"title\": \"ok\",\n \"weight\": }\n;;;\n", "content/handbook/x.md:3:12: invalid JSON: invalid character '}' looking for beginning of value"},
		{"bare json", "{\n  \"title\": \"ok\",\n}\n\nBody\n", "content/handbook/x.md:3:1: invalid JSON: invalid character '}' looking for beginning of object key string"},
		{"unterminated yaml", "---\ntitle: x\n\nBody\n", `content/handbook/x.md:1:1: front matter starting with "---" is never closed (want a line "---" after it)`},
		{"unterminated toml", "+++\ntitle = \"x\"\n\nBody\n", `content/handbook/x.md:1:1: front matter starting with "+++" is never closed (want a line "+++" after it)`},
		{"unterminated json", ";;;\n{\"title\": \"x\"}\n\nBody\n", `content/handbook/x.md:1:1: front matter starting with ";;;" is never closed (want a line ";;;" after it)`},
		{"unterminated named", "---toml\ntitle = \"x\"\n", `content/handbook/x.md:1:1: front matter starting with "---toml" is never closed (want a line "---" after it)`},
		{"unterminated after blank lines", "\n\n---\ntitle: x\n", `content/handbook/x.md:3:1: front matter starting with "---" is never closed (want a line "---" after it)`},
		{"invalid utf-8", "---\ntitle: x\n---\nBad \xff byte\n", "content/handbook/x.md:4:5: file is not valid UTF-8 (byte 0xff); save it as UTF-8"},
		{"NUL byte", "# T\n\nab\x00c\n", "content/handbook/x.md:3:3: file contains a NUL byte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, diags := load(t, map[string]string{"handbook/x.md": tt.src}, Options{})
			wantDiags(t, diags, tt.want)
		})
	}
}

// Errors that decodeYAML and decodeJSON raise about a value they have
// already decoded must be at the value's line in the file, like syntax
// errors are.
func TestFrontMatterErrorPositionsNotOffsetTwice(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src, want string
	}{
		{"yaml top-level list", "\n\n---\n- a\n---\n", "content/handbook/x.md:4:1: front matter must be keys and values, not a list"},
		{"yaml unknown alias", "---\ntitle: x\nowner: *nope\n---\n", `content/handbook/x.md:3:8: unknown alias "nope"`},
		{"yaml nested too deeply", "---\na: " + strings.Repeat("[", 70) + strings.Repeat("]", 70) + "\n---\n", "content/handbook/x.md:2:68: front matter is nested too deeply"},
		{"yaml second document", "---\ntitle: x\n--- # more\nb: 1\n---\n", "content/handbook/x.md:3:1: front matter holds more than one YAML document"},
		{"yaml second document, empty", "---\ntitle: x\n--- # more\n---\n", "content/handbook/x.md:3:1: front matter holds more than one YAML document"},
		{"json top-level list", "\n\n;;;\n[1, 2]\n;;;\n", "content/handbook/x.md:4:1: front matter must be an object, not a list"},
		{"json duplicate key", ";;;\n{\"title\": \"a\",\n \"title\": \"b\"}\n;;;\n", `content/handbook/x.md:3:2: duplicate key "title"`},
	}
	for _, tt := range tests {
		_, diags := load(t, map[string]string{"handbook/x.md": tt.src}, Options{})
		if got := messages(diags); len(got) != 1 || got[0] != tt.want {
			t.Errorf("%s: diagnostics = %q, want [%q]", tt.name, got, tt.want)
		}
	}
}

// A message must not carry positions relative to the front matter: the
// diagnostic's own position is the file's.
func TestYAMLDuplicateKeyMessage(t *testing.T) {
	t.Parallel()
	_, diags := load(t, map[string]string{"handbook/x.md": "---\ntitle: a\ntitle: b\n---\n"}, Options{})
	got := messages(diags)
	if len(got) != 1 || !strings.HasPrefix(got[0], "content/handbook/x.md:3:1: ") || strings.Contains(got[0], "[1:1]") {
		t.Errorf("diagnostics = %q, want one at 3:1 without front-matter-relative positions", got)
	}
}

func TestEmptyAndPlainFiles(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, rel, src string
		title          string
		body           string
	}{
		{"empty page", "handbook/time-off.md", "", "Time off", ""},
		{"empty section", "handbook/on_call/index.md", "", "On call", ""},
		{"empty home", "handbook/index.md", "", "Handbook", ""},
		{"only blank lines", "handbook/blank.md", "\n\n\n", "Blank", ""},
		{"no front matter", "handbook/x.md", "# Working together\n\nWe write things down.\n", "Working together", "<p>We write things down.</p>\n"},
		{"HTML block before the H1", "handbook/x.md", "<p align=\"center\"><img src=\"logo.png\"></p>\n\n# Working together\n\nText.\n", "Working together", "<!-- raw HTML omitted -->\n<p>Text.</p>\n"},
		{"H1 after a paragraph is the title", "handbook/late.md", "Intro.\n\n# Heading\n", "Heading", "<p>Intro.</p>\n"},
		{"H1 after a badge line is the title", "handbook/readme/README.md", "[![CI](https://ci.example/b.svg)](https://ci.example)\n\n# Guide\n\nText.\n", "Guide", "<p><a href=\"https://ci.example\"><img src=\"https://ci.example/b.svg\" alt=\"CI\"></a></p>\n<p>Text.</p>\n"},
		{"two H1s after a paragraph are no title", "handbook/late.md", "Intro.\n\n# One\n\n# Two\n", "Late", "<p>Intro.</p>\n<h1 id=\"one\">One</h1>\n<h1 id=\"two\">Two</h1>\n"},
		{"front matter title equals the H1", "handbook/x.md", "---\ntitle: Working together\n---\n# Working together\n\nText.\n", "Working together", "<p>Text.</p>\n"},
		{"front matter title differs from the H1", "handbook/x.md", "---\ntitle: Short\n---\n# Working together\n\nText.\n", "Short", "<h1 id=\"working-together\">Working together</h1>\n<p>Text.</p>\n"},
		{"empty front matter", "handbook/x.md", "---\n---\n# T\n", "T", ""},
		{"update title from H1", "updates/2026-11-20-x.md", "---\nauthor: ana\ndate: 2026-11-20\n---\n# Shards\n\nText.\n", "Shards", "<p>Text.</p>\n"},
		{"decision title from file name", "decisions/0007-use-postgres.md", "---\nstatus: accepted\n---\nWe use it.\n", "Use postgres", "<p>We use it.</p>\n"},
		{"team name from file name", "teams/core-platform.md", "", "Core platform", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, diags := load(t, map[string]string{tt.rel: tt.src}, Options{})
			wantDiags(t, diags)
			d := doc(t, res, tt.rel)
			if d.Title != tt.title {
				t.Errorf("Title = %q, want %q", d.Title, tt.title)
			}
			if string(d.Body) != tt.body {
				t.Errorf("Body = %q, want %q", d.Body, tt.body)
			}
		})
	}
}

func TestEmptyFileOfRequiredKind(t *testing.T) {
	t.Parallel()
	_, diags := load(t, map[string]string{"updates/x.md": "", "people/ana.md": "", "objectives/o.md": ""}, Options{})
	wantDiags(t, diags,
		"content/objectives/o.md:1:1: missing period: an objective needs the period it covers, such as 2026-Q4",
		"content/people/ana.md:1:1: missing name: a person needs the name readers see",
		"content/updates/x.md:1:1: missing author: an update needs the id of the person who wrote it",
		"content/updates/x.md:1:1: missing date: an update needs the date it reports on (YYYY-MM-DD)",
	)
}

func TestParams(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
	}{
		{"yaml", "---\ntitle: T\nlayout: wide\ncount: 3\nratio: 0.5\nok: true\nnothing:\nlist: [a, 1]\nnested:\n  key: v\n  deeper: {x: [y]}\n---\n"},
		{"toml", "+++\ntitle = \"T\"\nlayout = \"wide\"\ncount = 3\nratio = 0.5\nok = true\nlist = [\"a\", 1]\n[nested]\nkey = \"v\"\n[nested.deeper]\nx = [\"y\"]\n+++\n"},
		{"json", ";;;\n{\"title\": \"T\", \"layout\": \"wide\", \"count\": 3, \"ratio\": 0.5, \"ok\": true, \"nothing\": null, \"list\": [\"a\", 1], \"nested\": {\"key\": \"v\", \"deeper\": {\"x\": [\"y\"]}}}\n;;;\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, diags := load(t, map[string]string{"handbook/x.md": tt.src}, Options{})
			wantDiags(t, diags) // unknown keys never fail
			p := doc(t, res, "handbook/x.md").Params
			if _, ok := p["title"]; ok {
				t.Errorf("Params holds the known key title: %v", p)
			}
			checks := map[string]any{"layout": "wide", "count": 3.0, "ratio": 0.5, "ok": true}
			for k, want := range checks {
				if got := p[k]; number(got) != want && got != want {
					t.Errorf("Params[%q] = %#v, want %#v", k, got, want)
				}
			}
			list, _ := p["list"].([]any)
			if len(list) != 2 || list[0] != "a" || number(list[1]) != 1.0 {
				t.Errorf("Params[list] = %#v, want [a 1]", p["list"])
			}
			nested, _ := p["nested"].(map[string]any)
			deeper, _ := nested["deeper"].(map[string]any)
			x, _ := deeper["x"].([]any)
			if nested["key"] != "v" || len(x) != 1 || x[0] != "y" {
				t.Errorf("Params[nested] = %#v, want plain maps and lists", p["nested"])
			}
			if v, ok := p["nothing"]; tt.name != "toml" && (!ok || v != nil) {
				t.Errorf("Params[nothing] = %#v, %v, want nil, true", v, ok)
			}
		})
	}
}

// number returns v as a float64 when it is a number of any type, else v.
func number(v any) any {
	switch x := v.(type) {
	case int64:
		return float64(x)
	case uint64:
		return float64(x)
	}
	return v
}

// Whole numbers have one type whatever the format, so that templates can
// compare them: {{if eq .Params.count 3}}.
func TestWholeNumbersAreInt64(t *testing.T) {
	t.Parallel()
	for name, src := range map[string]string{
		"yaml": "---\ncount: 3\nneg: -3\nlist: [1]\n---\n",
		"toml": "+++\ncount = 3\nneg = -3\nlist = [1]\n+++\n",
		"json": ";;;\n{\"count\": 3, \"neg\": -3, \"list\": [1]}\n;;;\n",
	} {
		res, _ := load(t, map[string]string{"handbook/x.md": src}, Options{})
		p := doc(t, res, "handbook/x.md").Params
		list, _ := p["list"].([]any)
		if p["count"] != int64(3) || p["neg"] != int64(-3) || len(list) != 1 || list[0] != int64(1) {
			t.Errorf("%s: Params = %#v, want int64 3, -3 and [1]", name, p)
		}
	}
}

func TestKeysIgnoreCaseAndDashes(t *testing.T) {
	t.Parallel()
	res, diags := load(t, map[string]string{
		"decisions/0001-x.md": "---\nStatus: proposed\nRespond-By: 2026-12-01\nDecision_Makers: [ana]\n---\n",
	}, Options{})
	wantDiags(t, diags)
	d := decision(t, res, "decisions/0001-x.md")
	if d.Status != site.Proposed || d.RespondBy.IsZero() || len(d.DecisionMakers) != 1 || len(d.Params) != 0 {
		t.Errorf("decision = status %q, respond-by %v, makers %v, params %v; want the keys matched", d.Status, d.RespondBy, d.DecisionMakers, d.Params)
	}
}

func TestFieldsPositions(t *testing.T) {
	t.Parallel()
	res, _ := load(t, map[string]string{
		"updates/x.md": "---\nauthor: ana\ndate:   2026-11-20\nteam:\nCustom-Key: x\n---\n",
	}, Options{})
	d := doc(t, res, "updates/x.md")
	want := map[string]diag.Pos{
		"author":     {File: "content/updates/x.md", Line: 2, Col: 9},
		"date":       {File: "content/updates/x.md", Line: 3, Col: 9},
		"team":       {File: "content/updates/x.md", Line: 4, Col: 1}, // no value: the key
		"custom_key": {File: "content/updates/x.md", Line: 5, Col: 13},
	}
	for k, w := range want {
		if got, ok := d.FieldPos(k); !ok || got != w {
			t.Errorf("FieldPos(%q) = %v, %v, want %v, true", k, got, ok, w)
		}
	}
	if got, ok := d.FieldPos("title"); ok {
		t.Errorf("FieldPos(title) = %v, true; want not found", got)
	}
}

func TestWalk(t *testing.T) {
	t.Parallel()
	res, diags := load(t, map[string]string{
		"README.md":               "# About this folder\n",
		"notes.txt":               "x",
		"static/logo.png":         "x",
		".git/config":             "x",
		".hidden.md":              "x",
		"handbook/.draft.md":      "x",
		"handbook/.obsidian/x.md": "x",
		"handbook/a.md":           "# A\n",
		"handbook/img/logo.png":   "PNG",
		"handbook/doc.pdf":        "PDF",
		"people/ana.md":           "---\nname: Ana\n---\n",
		"people/ana.jpg":          "JPG",
		"updates/x.markdown":      "---\nauthor: ana\ndate: 2026-11-20\n---\n",
	}, Options{})
	wantDiags(t, diags,
		"content/notes.txt: warning: file is outside the content folders and is ignored",
		`content/static: warning: folder "static" is not a content folder and is ignored (want handbook, updates, decisions, objectives, people or teams)`,
	)
	if want := []string{"handbook/doc.pdf", "handbook/img/logo.png", "people/ana.jpg"}; !slices.Equal(res.Static, want) {
		t.Errorf("Static = %q, want %q", res.Static, want)
	}
	if len(res.Content.Pages) != 1 || len(res.Content.People) != 1 || len(res.Content.Updates) != 1 {
		t.Errorf("loaded %d pages, %d people, %d updates, want 1 each (hidden files skipped, .markdown read)", len(res.Content.Pages), len(res.Content.People), len(res.Content.Updates))
	}
	if u := res.Content.Updates[0]; u.URL != "/updates/x/" {
		t.Errorf("x.markdown URL = %q, want /updates/x/", u.URL)
	}
}

func TestDirOption(t *testing.T) {
	t.Parallel()
	_, diags := load(t, map[string]string{"handbook/x.md": "---\nweight: heavy\n---\n"}, Options{Dir: "site/content"})
	wantDiags(t, diags, `site/content/handbook/x.md:2:9: weight: want a whole number, got "heavy"`)
}

func TestTooLarge(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"handbook/big.md": &fstest.MapFile{Data: make([]byte, MaxFileSize+1)},
		"handbook/ok.md":  &fstest.MapFile{Data: []byte("# OK\n")},
	}
	res, diags := Load(fsys, Options{})
	wantDiags(t, diags.Sort(), "content/handbook/big.md: file is too large (8.0 MB; the limit is 8 MB)")
	if len(res.Content.Pages) != 1 || res.Content.Pages[0].Path != "handbook/ok.md" {
		t.Errorf("Pages = %v, want only ok.md", res.Content.Pages)
	}
}

func TestDuplicateURLs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		files []string
		want  string
	}{
		{"case and spaces", []string{"handbook/Time Off.md", "handbook/time-off.md"}, "content/handbook/time-off.md: page /handbook/time-off/ is also produced by content/handbook/Time Off.md; rename one of them"},
		{"page and folder", []string{"handbook/a.md", "handbook/a/index.md"}, "content/handbook/a.md: page /handbook/a/ is also produced by content/handbook/a/index.md; rename one of them"},
		{"two landing pages", []string{"handbook/a/_index.md", "handbook/a/index.md"}, "content/handbook/a/index.md: page /handbook/a/ is also produced by content/handbook/a/_index.md; rename one of them"},
		{"updates in year folders", []string{"updates/2026/x.md", "updates/x.md"}, "content/updates/x.md: page /updates/x/ is also produced by content/updates/2026/x.md; rename one of them"},
		{"people ids", []string{"people/Ana Souza.md", "people/ana-souza.md"}, "content/people/ana-souza.md: page /people/ana-souza/ is also produced by content/people/Ana Souza.md; rename one of them"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			files := map[string]string{}
			for _, f := range tt.files {
				files[f] = "---\nname: X\nauthor: ana\ndate: 2026-11-20\n---\n"
				if strings.HasPrefix(f, "handbook/") {
					files[f] = "# X\n"
				}
			}
			res, diags := load(t, files, Options{})
			wantDiags(t, diags, tt.want)
			if diags.Errors() != 1 {
				t.Errorf("%d errors, want 1", diags.Errors())
			}
			n := len(res.Content.Pages) + len(res.Content.Updates) + len(res.Content.People)
			if n != 1 {
				t.Errorf("%d documents loaded, want 1: the second is dropped", n)
			}
		})
	}
}

func TestSymlinksSkipped(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(rel, data string) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("handbook/real.md", "# Real\n")
	outside := filepath.Join(t.TempDir(), "secret.md")
	if err := os.WriteFile(outside, []byte("# Secret\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		"handbook/link.md":   filepath.Join(dir, "handbook", "real.md"),
		"handbook/secret.md": outside,
		"handbook/loop":      filepath.Join(dir, "handbook"),
	}
	for rel, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(rel))); err != nil {
			t.Skipf("symlinks not supported: %v", err)
		}
	}
	res, diags := Load(os.DirFS(dir), Options{})
	wantDiags(t, diags.Sort(),
		fmt.Sprintf("content/handbook/link.md: warning: symbolic link to %q is not followed; copy the file into the content folder instead", links["handbook/link.md"]),
		fmt.Sprintf("content/handbook/loop: warning: symbolic link to %q is not followed; copy the folder into the content folder instead", links["handbook/loop"]),
		fmt.Sprintf("content/handbook/secret.md: warning: symbolic link to %q is not followed; copy the file into the content folder instead", links["handbook/secret.md"]),
	)
	if len(res.Content.Pages) != 1 || res.Content.Pages[0].Path != "handbook/real.md" {
		var got []string
		for _, p := range res.Content.Pages {
			got = append(got, p.Path)
		}
		t.Errorf("Pages = %q, want only handbook/real.md", got)
	}
}

func TestConfig(t *testing.T) {
	t.Parallel()
	res, diags := load(t, map[string]string{
		"site.toml": "title = \"Acme\"\nbase_url = \"https://x.example/handbook\"\ntimezone = \"Europe/Berlin\"\ncadence = \"Daily\"\ndecision_statuses = [\"Parked\", \"on-hold\"]\nraw_html = true\nlanguage = \"de\"\nrepo_url = \"https://github.com/acme/hb/\"\ncolour = \"red\"\nfeed_items = 10\n",
	}, Options{})
	wantDiags(t, diags, `content/site.toml:9:1: warning: unknown key "colour" in site.toml is ignored`)
	c := res.Content.Config
	if c.Title != "Acme" || c.BaseURL != "https://x.example/handbook/" || c.BasePath() != "/handbook" {
		t.Errorf("Title, BaseURL, BasePath = %q, %q, %q", c.Title, c.BaseURL, c.BasePath())
	}
	if c.Timezone == nil || c.Timezone.String() != "Europe/Berlin" || c.Cadence != site.Daily {
		t.Errorf("Timezone, Cadence = %v, %v, want Europe/Berlin, daily", c.Timezone, c.Cadence)
	}
	if want := []string{"parked", "on-hold"}; !slices.Equal(c.DecisionStatuses, want) {
		t.Errorf("DecisionStatuses = %q, want %q", c.DecisionStatuses, want)
	}
	if c.FeedItems != 10 {
		t.Errorf("FeedItems = %d, want 10", c.FeedItems)
	}
	if !c.RawHTML || c.Language != "de" || c.RepoURL != "https://github.com/acme/hb" || c.EditBranch != "main" || c.ContentDir != "content" {
		t.Errorf("Config = %+v", c)
	}
}

func TestConfigDefaults(t *testing.T) {
	t.Parallel()
	res, diags := load(t, map[string]string{}, Options{})
	wantDiags(t, diags)
	c := res.Content.Config
	if c.Title != "Handbook" || c.BaseURL != "/" || c.BasePath() != "" || c.Timezone != time.UTC || c.Cadence != site.Weekly || c.Language != "en" || c.RawHTML || c.FeedItems != site.DefaultFeedItems {
		t.Errorf("default Config = %+v", c)
	}
}

func TestConfigErrors(t *testing.T) {
	t.Parallel()
	_, diags := load(t, map[string]string{
		"site.toml": "base_url = \"ftp://x\"\ntimezone = \"Mars/Olympus\"\ncadence = \"wekly\"\n",
	}, Options{})
	wantDiags(t, diags,
		`content/site.toml:1:1: base_url: want an absolute http or https URL such as "https://handbook.example.com/", got "ftp://x"`,
		`content/site.toml:2:1: timezone: unknown time zone "Mars/Olympus" (want an IANA name such as "Europe/Berlin")`,
		`content/site.toml:3:1: cadence: unknown cadence "wekly" (want daily, weekly, biweekly) (did you mean "weekly"?)`,
	)
	for _, bad := range []string{"0", "-5", "2.5", "\"many\"", "true"} {
		_, diags = load(t, map[string]string{"site.toml": "title = \"x\"\nfeed_items = " + bad + "\n"}, Options{})
		if len(diags) != 1 || !strings.HasPrefix(diags[0].String(), "content/site.toml:2:1: feed_items: want a whole number of items of at least 1, got ") {
			t.Errorf("feed_items = %s: diagnostics %v", bad, diags)
		}
	}
	_, diags = load(t, map[string]string{"site.toml": "title = \"x\"\nbroken = \n"}, Options{})
	wantDiags(t, diags, `content/site.toml:2:10: invalid TOML: expected value but found '\n' instead`)
}

func TestBaseURLOption(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"site.toml":     "base_url = \"https://x.example/\"\n",
		"handbook/a.md": "[b](b.md)\n",
		"handbook/b.md": "# B\n",
	}
	res, diags := load(t, files, Options{BaseURL: "https://y.example/docs"})
	wantDiags(t, diags)
	if got := res.Content.Config.BaseURL; got != "https://y.example/docs/" {
		t.Errorf("BaseURL = %q, want the option's", got)
	}
	if body := string(page(t, res, "handbook/a.md").Body); !strings.Contains(body, `href="/docs/handbook/b/"`) {
		t.Errorf("Body = %q, want links under /docs", body)
	}
	_, diags = load(t, files, Options{BaseURL: "not a url"})
	wantDiags(t, diags, `--base-url: want an absolute http or https URL such as "https://handbook.example.com/", got "not a url"`)
}

func TestRawHTMLSetting(t *testing.T) {
	t.Parallel()
	src := map[string]string{"handbook/x.md": "<div class=\"note\">Hi</div>\n"}
	res, _ := load(t, src, Options{})
	if body := string(page(t, res, "handbook/x.md").Body); strings.Contains(body, "<div") {
		t.Errorf("Body = %q, want raw HTML left out by default", body)
	}
	src["site.toml"] = "raw_html = true\n"
	res, _ = load(t, src, Options{})
	if body := string(page(t, res, "handbook/x.md").Body); !strings.Contains(body, `<div class="note">Hi</div>`) {
		t.Errorf("Body = %q, want raw HTML kept with raw_html", body)
	}
}

// Numbers written where text is expected keep the digits as written.
func TestNumberAsTextKeepsDigits(t *testing.T) {
	t.Parallel()
	res, _ := load(t, map[string]string{"handbook/x.md": "---\ntitle: 2.10\ndescription: 1.0\n---\n"}, Options{})
	p := page(t, res, "handbook/x.md")
	if p.Title != "2.10" || p.Description != "1.0" {
		t.Errorf("Title, Description = %q, %q, want %q, %q", p.Title, p.Description, "2.10", "1.0")
	}
}

// TestLookInFolders checks that looking at files relative to their
// folders (Options.Root) gives each file the stamp and size that
// looking at it by path gives, for files spread over folders whose
// entries the walk visits interleaved with their subfolders', and more
// than one batch in a folder; and that a file too large is reported the
// same way.
func TestLookInFolders(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(rel string, size int) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, bytes.Repeat([]byte("x"), size), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 600 {
		write(fmt.Sprintf("updates/u%03d.md", i), i)
	}
	write("handbook/a.md", 1)
	write("handbook/b/c.md", 2)
	write("handbook/d.md", 3)
	write("handbook/big.md", MaxFileSize+1)
	fsys := os.DirFS(dir)
	var found []foundFile
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			found = append(found, foundFile{p, d})
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	byPath := &loader{fsys: fsys}
	inFolder := &loader{fsys: fsys, opts: Options{Root: dir}}
	wantStamps, wantSizes := byPath.look(found)
	gotStamps, gotSizes := inFolder.look(found)
	for i, f := range found {
		if gotStamps[i] != wantStamps[i] || gotSizes[i] != wantSizes[i] {
			t.Errorf("%s: stamp %+v, size %d looked at in its folder; %+v, %d by path", f.path, gotStamps[i], gotSizes[i], wantStamps[i], wantSizes[i])
		}
		if gotSizes[i] == 0 && f.path != "updates/u000.md" {
			t.Errorf("%s: size 0", f.path)
		}
	}
	_, diags := Load(fsys, Options{Root: dir})
	if !slices.ContainsFunc(diags, func(d diag.Diagnostic) bool {
		return strings.HasPrefix(d.String(), "content/handbook/big.md: file is too large")
	}) {
		t.Errorf("diagnostics = %v, want big.md too large", diags)
	}
}
