package markdown

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/handbook/handbook/generator/site"
)

func convert(t *testing.T, opts Options, src string) Result {
	t.Helper()
	r, err := New(opts).Convert([]byte(src), nil, nil)
	if err != nil {
		t.Fatalf("Convert(%q): %v", src, err)
	}
	return r
}

func TestHeadingID(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Writing a good update", "writing-a-good-update"},
		{"Über async", "über-async"},
		{"Café rules", "café-rules"},
		{"Año 2026: plan", "año-2026-plan"},
		{"日本語の見出し", "日本語の見出し"},
		{"Ελληνικά Γράμματα", "ελληνικά-γράμματα"},
		{"Русский текст", "русский-текст"},
		{"عربى ٣", "عربى-٣"},
		{"What's new?", "whats-new"},
		{"Q4 2026: plans & goals", "q4-2026-plans--goals"},
		{"a - b", "a---b"},
		{"snake_case_name", "snake_case_name"},
		{"Version 2.0", "version-20"},
		{"Emoji 🎉 party", "emoji--party"},
		{"  Leading and trailing  ", "leading-and-trailing"},
		{"-dashes-", "dashes"},
		{"tab\tseparated", "tab-separated"},
		{"e\u0301 decomposed", "e\u0301-decomposed"}, // a combining accent stays with its letter
		{"UPPER lower", "upper-lower"},
		{"!!!", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := HeadingID(tt.in); got != tt.want {
			t.Errorf("HeadingID(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// GitHub keeps every combining mark (Unicode category M), so that words in
// Devanagari, Tamil or Thai keep their vowel signs.
func TestHeadingIDSpacingMarks(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"हिन्दी", "हिन्दी"},
		{"தமிழ் மொழி", "தமிழ்-மொழி"},
	}
	for _, tt := range tests {
		if got := HeadingID(tt.in); got != tt.want {
			t.Errorf("HeadingID(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHeadingIDsUnique(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"repeated text", "## Notes\n\n## Notes\n\n### Notes\n", []string{"notes", "notes-1", "notes-2"}},
		{"a suffix already used", "## Notes 1\n\n## Notes\n\n## Notes\n", []string{"notes-1", "notes", "notes-2"}},
		{"no letters", "## !!!\n\n## ???\n", []string{"section", "section-1"}},
		{"explicit id", "## Custom {#custom}\n\n## Custom\n", []string{"custom", "custom-1"}},
		{"non-ASCII repeated", "## Café\n\n## café\n", []string{"café", "café-1"}},
		{"different levels", "## Setup\n\n### Setup\n\n#### Setup\n", []string{"setup", "setup-1", "setup-2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := convert(t, Options{}, tt.src)
			var got []string
			for _, h := range r.Headings {
				got = append(got, h.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("heading ids of %q = %q, want %q", tt.src, got, tt.want)
			}
			for _, id := range tt.want {
				if !strings.Contains(string(r.HTML), `id="`+id+`"`) {
					t.Errorf("HTML of %q lacks id=%q:\n%s", tt.src, id, r.HTML)
				}
			}
		})
	}
	// Ids are unique per page, not per converter.
	c := New(Options{})
	for range 2 {
		r, err := c.Convert([]byte("## Notes\n"), nil, nil)
		if err != nil || len(r.Headings) != 1 || r.Headings[0].ID != "notes" {
			t.Errorf("second page's heading = %+v, %v, want id \"notes\"", r.Headings, err)
		}
	}
}

// Heading ids are made from the heading's text as readers see it, as on
// GitHub: link destinations and HTML tags are not part of it.
func TestHeadingIDsFromText(t *testing.T) {
	t.Parallel()
	tests := []struct{ src, want string }{
		{"## See [ADR 7](../decisions/0007-x.md)\n", "see-adr-7"},
		{"## Hello <kbd>Ctrl</kbd>\n", "hello-ctrl"},
	}
	for _, tt := range tests {
		r := convert(t, Options{}, tt.src)
		if len(r.Headings) != 1 || r.Headings[0].ID != tt.want {
			t.Errorf("heading id of %q = %+v, want %q", tt.src, r.Headings, tt.want)
		}
	}
}

func TestHeadings(t *testing.T) {
	t.Parallel()
	r := convert(t, Options{}, "# Title\n\n## Set `up` *now*\n\n### Deep\n\n#### Deeper\n\n###### Six\n")
	want := []site.Heading{
		{Level: 2, ID: "set-up-now", Text: "Set up now"},
		{Level: 3, ID: "deep", Text: "Deep"},
		{Level: 4, ID: "deeper", Text: "Deeper"},
		{Level: 6, ID: "six", Text: "Six"},
	}
	if !slices.Equal(r.Headings, want) {
		t.Errorf("Headings = %+v, want %+v (the title H1 is not among them)", r.Headings, want)
	}
}

func tocString(items []site.TOCItem) string {
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(it.ID)
		if it.Text != it.ID {
			b.WriteString("=" + it.Text)
		}
		if len(it.Items) > 0 {
			b.WriteString("[" + tocString(it.Items) + "]")
		}
	}
	return b.String()
}

func TestTOC(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src, want string
	}{
		{"levels 2 and 3 only", "# Title\n\n## A\n\n### A1\n\n#### A1a\n\n### A2\n\n## B\n\n##### B5\n", "a=A[a1=A1 a2=A2] b=B"},
		{"no headings", "Just text.\n", ""},
		{"only level 4", "#### Low\n", ""},
		{"a later H1 is not in the TOC", "## A\n\n# Late\n\n## B\n", "a=A b=B"},
		{"level 3 before any level 2", "### Orphan\n\n## A\n\n### A1\n", "orphan=Orphan a=A[a1=A1]"},
		{"duplicate headings keep unique ids", "## Notes\n\n## Notes\n", "notes=Notes notes-1=Notes"},
		{"markup is dropped", "## Set `up` *now*\n", "set-up-now=Set up now"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := convert(t, Options{}, tt.src)
			if got := tocString(r.TOC); got != tt.want {
				t.Errorf("TOC of %q = %q, want %q", tt.src, got, tt.want)
			}
		})
	}
}

// The table of contents shows text, as headings do: typographic quotes
// are characters, not HTML entities that the template would escape again.
func TestTOCTypographer(t *testing.T) {
	t.Parallel()
	r := convert(t, Options{}, "## \"Quoted\" heading -- done...\n")
	if len(r.TOC) != 1 {
		t.Fatalf("TOC = %v, want one item", r.TOC)
	}
	if got, want := r.TOC[0].Text, "“Quoted” heading – done…"; got != want {
		t.Errorf("TOC[0].Text = %q, want %q", got, want)
	}
}

func TestTitle(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		src      string
		keep     bool // keepH1 answers
		title    string
		h1InHTML bool
	}{
		{"first block is an H1", "# Welcome\n\nText.\n", false, "Welcome", false},
		{"setext H1", "Welcome\n=======\n\nText.\n", false, "Welcome", false},
		{"H1 with markup", "# The *async* `way`\n", false, "The async way", false},
		{"H1 after an HTML block (a logo)", "<p align=\"center\"><img src=\"logo.png\"></p>\n\n# Welcome\n", false, "Welcome", false},
		{"H1 after an HTML comment", "<!-- generated -->\n\n# Welcome\n", false, "Welcome", false},
		{"H1 after a paragraph", "Intro.\n\n# Welcome\n", false, "Welcome", false},
		{"H1 after a line of badges", "[![CI](ci.svg)](ci.md) [![Docs](d.svg)](d.md)\n\n# Welcome\n\n## Setup\n", false, "Welcome", false},
		{"H1 after a line of links", "[Home](../README.md) | [Next](next.md)\n\n---\n\n# Welcome\n", false, "Welcome", false},
		{"one of several H1s after a paragraph", "Intro.\n\n# Part one\n\n# Part two\n", false, "", true},
		{"H2 first", "## Section\n\n# Welcome\n", false, "", true},
		{"only the first of two H1s", "# One\n\n# Two\n", false, "One", true}, // the second stays
		{"no headings", "Text.\n", false, "", false},
		{"caller keeps the H1", "# Welcome\n\nText.\n", true, "Welcome", true},
		{"empty document", "", false, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var asked []string
			keep := func(h1 string) bool { asked = append(asked, h1); return tt.keep }
			r, err := New(Options{}).Convert([]byte(tt.src), nil, keep)
			if err != nil {
				t.Fatal(err)
			}
			if r.Title != tt.title {
				t.Errorf("Title of %q = %q, want %q", tt.src, r.Title, tt.title)
			}
			if got := strings.Contains(string(r.HTML), "<h1"); got != tt.h1InHTML {
				t.Errorf("HTML of %q has <h1> = %v, want %v:\n%s", tt.src, got, tt.h1InHTML, r.HTML)
			}
			if tt.title != "" && !slices.Equal(asked, []string{tt.title}) {
				t.Errorf("keepH1 called with %q, want [%q]", asked, tt.title)
			}
			if tt.title == "" && len(asked) > 0 {
				t.Errorf("keepH1 called with %q for a document without a title", asked)
			}
		})
	}
	// A nil keepH1 drops the title heading.
	r, err := New(Options{}).Convert([]byte("# Welcome\n\nText.\n"), nil, nil)
	if err != nil || r.Title != "Welcome" || strings.Contains(string(r.HTML), "Welcome") {
		t.Errorf("Convert with nil keepH1 = %q, %q, %v; want the title out of the HTML", r.Title, r.HTML, err)
	}
}

func TestLinks(t *testing.T) {
	t.Parallel()
	src := "# T\n\nSee [the guide](guide.md#install) and ![a logo](img/logo.png \"Logo\").\n\n" +
		"- [*emphasis*](a.md)\n- [`code`](b.md)\n\n[ref link][r] and <https://auto.example>\n\n[r]: ref.md\n"
	r := convert(t, Options{}, src)
	want := []Link{
		{Dest: "guide.md#install", Offset: strings.Index(src, "[the guide]")},
		{Dest: "img/logo.png", Offset: strings.Index(src, "![a logo]"), Image: true},
		{Dest: "a.md", Offset: strings.Index(src, "[*emphasis*]")},
		{Dest: "b.md", Offset: strings.Index(src, "[`code`]")},
		{Dest: "ref.md", Offset: strings.Index(src, "[ref link]")},
	}
	if !slices.Equal(r.Links, want) {
		t.Errorf("Links =\n%+v\nwant\n%+v", r.Links, want)
	}
	// An empty link text has no position of its own: its block's.
	src = "Text\n\nx [](empty.md)\n"
	r = convert(t, Options{}, src)
	if len(r.Links) != 1 || r.Links[0].Offset != strings.Index(src, "x [") {
		t.Errorf("Links of %q = %+v, want the paragraph's offset %d", src, r.Links, strings.Index(src, "x ["))
	}
}

// A link around a badge image is reported where the link starts.
func TestLinkAroundImageOffset(t *testing.T) {
	t.Parallel()
	src := "Build: [![badge](ci.svg)](../ci.md)\n"
	r := convert(t, Options{}, src)
	want := []Link{
		{Dest: "../ci.md", Offset: strings.Index(src, "[![")},
		{Dest: "ci.svg", Offset: strings.Index(src, "![badge"), Image: true},
	}
	if !slices.Equal(r.Links, want) {
		t.Errorf("Links = %+v, want %+v", r.Links, want)
	}
}

func TestRewriter(t *testing.T) {
	t.Parallel()
	type call struct {
		dest  string
		image bool
	}
	var calls []call
	rewrite := func(dest string, image bool) string {
		calls = append(calls, call{dest, image})
		return "/site/" + strings.ToUpper(dest)
	}
	r, err := New(Options{}).Convert([]byte("[a](a.md) ![b](b.png)\n"), rewrite, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := []call{{"a.md", false}, {"b.png", true}}; !slices.Equal(calls, want) {
		t.Errorf("rewriter calls = %+v, want %+v", calls, want)
	}
	html := string(r.HTML)
	if !strings.Contains(html, `href="/site/A.MD"`) || !strings.Contains(html, `src="/site/B.PNG"`) {
		t.Errorf("HTML does not use the rewritten destinations:\n%s", html)
	}
	if r.Links[0].Dest != "a.md" || r.Links[1].Dest != "b.png" {
		t.Errorf("Links = %+v, want destinations as written", r.Links)
	}
}

func TestRawHTML(t *testing.T) {
	t.Parallel()
	src := "<div class=\"note\">Block</div>\n\nInline <b>bold</b> text.\n\n<script>alert(1)</script>\n"
	safe := string(convert(t, Options{}, src).HTML)
	for _, bad := range []string{"<div", "<b>", "<script", "alert(1)"} {
		if strings.Contains(safe, bad) {
			t.Errorf("default HTML holds %q:\n%s", bad, safe)
		}
	}
	if !strings.Contains(safe, "raw HTML omitted") || !strings.Contains(safe, "bold") {
		t.Errorf("default HTML should omit the tags and keep the text:\n%s", safe)
	}
	raw := string(convert(t, Options{RawHTML: true}, src).HTML)
	for _, want := range []string{`<div class="note">Block</div>`, "<b>bold</b>", "<script>alert(1)</script>"} {
		if !strings.Contains(raw, want) {
			t.Errorf("RawHTML output lacks %q:\n%s", want, raw)
		}
	}
}

func TestDangerousLinks(t *testing.T) {
	t.Parallel()
	for _, dest := range []string{
		"javascript:alert(1)",
		"JAVASCRIPT:alert(1)",
		"JavaScript:alert(1)",
		"<javascript:alert(1)>",
		"&#x6A;avascript:alert(1)",
		"vbscript:msgbox(1)",
		"data:text/html,<script>alert(1)</script>",
	} {
		src := "[click](" + dest + ")\n"
		html := strings.ToLower(string(convert(t, Options{}, src).HTML))
		if strings.Contains(html, "script:") || strings.Contains(html, "data:text") {
			t.Errorf("Convert(%q) = %q, want the destination neutralised", src, html)
		}
		if !strings.Contains(html, ">click</a>") {
			t.Errorf("Convert(%q) = %q, want the link text kept", src, html)
		}
	}
	// Images may use data URLs of images.
	html := string(convert(t, Options{}, "![dot](data:image/png;base64,AA==)\n").HTML)
	if !strings.Contains(html, `src="data:image/png;base64,AA=="`) {
		t.Errorf("data image = %q, want it kept", html)
	}
}

func TestGFM(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		want []string
	}{
		// Aligned by a class: the Content-Security-Policy blocks style
		// attributes.
		{"table", "| a | b | c |\n|---|--:|:-:|\n| 1 | 2 | 3 |\n", []string{"<table>", "<th>a</th>", `<th class="align-right">b</th>`, `<td class="align-right">2</td>`, `<td class="align-center">3</td>`}},
		{"task list", "- [x] done\n- [ ] todo\n", []string{`<input checked="" disabled="" type="checkbox"> done`, `<input disabled="" type="checkbox"> todo`}},
		{"strikethrough", "~~gone~~\n", []string{"<del>gone</del>"}},
		{"footnote", "Claim.[^1]\n\n[^1]: Source.\n", []string{`<sup id="fnref:1"><a href="#fn:1"`, `<li id="fn:1">`, "Source."}},
		{"autolink", "See https://example.com/x now.\n", []string{`<a href="https://example.com/x">https://example.com/x</a>`}},
		{"emphasis", "*a* **b**\n", []string{"<em>a</em>", "<strong>b</strong>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			html := string(convert(t, Options{}, tt.src).HTML)
			for _, w := range tt.want {
				if !strings.Contains(html, w) {
					t.Errorf("Convert(%q) = %q, want it to contain %q", tt.src, html, w)
				}
			}
		})
	}
}

func TestCodeHighlighting(t *testing.T) {
	t.Parallel()
	r := convert(t, Options{}, "```go\nfunc main() { fmt.Println(\"<hi>\") }\n```\n")
	html := string(r.HTML)
	for _, want := range []string{`<pre tabindex="0" class="chroma">`, `<span class="kd">func</span>`, `<span class="nf">main</span>`, "&lt;hi&gt;"} {
		if !strings.Contains(html, want) {
			t.Errorf("highlighted code lacks %q:\n%s", want, html)
		}
	}
	if strings.Contains(html, "style=") {
		t.Errorf("highlighted code uses inline styles, want CSS classes:\n%s", html)
	}
	if strings.Contains(html, "<hi>") {
		t.Errorf("code is not escaped:\n%s", html)
	}
	// Unknown languages and plain blocks are still escaped code.
	html = string(convert(t, Options{}, "```nosuchlang\n<b>x</b>\n```\n\n    indented <i>\n").HTML)
	if strings.Contains(html, "<b>") || strings.Contains(html, "<i>") || !strings.Contains(html, "&lt;b&gt;x&lt;/b&gt;") {
		t.Errorf("plain code blocks = %q, want escaped code", html)
	}
	// Every block scrolls sideways when its lines are long, so each can
	// take the keyboard's focus.
	if n := strings.Count(html, `<pre tabindex="0">`); n != 2 || strings.Count(html, "<pre") != 2 || !strings.Contains(html, `<code class="language-nosuchlang">`) {
		t.Errorf("plain code blocks = %q, want two focusable <pre>, the first with its language", html)
	}
}

func TestTypographer(t *testing.T) {
	t.Parallel()
	r := convert(t, Options{}, "# \"Async\" first\n\n\"Write it down\" -- don't 'meet'... ok\n\n## \"Quoted\" part\n\nMore \"text\".\n")
	if want := "“Async” first"; r.Title != want {
		t.Errorf("Title = %q, want %q", r.Title, want)
	}
	if want := "“Write it down” – don’t ‘meet’… ok"; r.Summary != want {
		t.Errorf("Summary = %q, want %q", r.Summary, want)
	}
	if !strings.Contains(bodyText(r), "“Write it down” – don’t ‘meet’… ok") || !strings.Contains(bodyText(r), "More “text”.") {
		t.Errorf("Text = %q, want typographic punctuation as characters", bodyText(r))
	}
	if len(r.Headings) != 1 || r.Headings[0].Text != "“Quoted” part" {
		t.Errorf("Headings = %+v, want text “Quoted” part", r.Headings)
	}
	if len(r.Sections) != 2 || r.Sections[1].Title != "“Quoted” part" {
		t.Errorf("Sections = %+v, want the second titled “Quoted” part", r.Sections)
	}
	all := r.Title + r.Summary + bodyText(r) + r.Headings[0].Text
	for _, s := range r.Sections {
		all += s.Title + s.Text
	}
	if strings.Contains(all, "&") {
		t.Errorf("plain text holds HTML entities: %q", all)
	}
	// The HTML uses entities, which is fine in HTML.
	if !strings.Contains(string(r.HTML), "&ldquo;Write it down&rdquo;") {
		t.Errorf("HTML = %s, want typographic quotes", r.HTML)
	}
}

func TestTextAndSections(t *testing.T) {
	t.Parallel()
	src := "# Title\n\nIntro with [a link](x.md) and `code`.\n\n<!-- hidden -->\n\n## First\n\n- one\n- two\n\n## Empty\n\n## Code\n\n```\nx := 1\n```\n"
	r := convert(t, Options{}, src)
	want := []Section{
		{ID: "", Title: "", Text: "Intro with a link and code."},
		{ID: "first", Title: "First", Text: "one\n\ntwo"},
		{ID: "empty", Title: "Empty", Text: ""},
		{ID: "code", Title: "Code", Text: "x := 1"},
	}
	if !slices.Equal(r.Sections, want) {
		t.Errorf("Sections =\n%q\nwant\n%q", r.Sections, want)
	}
	for _, s := range []string{"Intro with a link and code.", "First", "one", "x := 1"} {
		if !strings.Contains(bodyText(r), s) {
			t.Errorf("Text = %q, want it to contain %q", bodyText(r), s)
		}
	}
	for _, s := range []string{"Title", "hidden", "x.md", "`", "<!--"} {
		if strings.Contains(bodyText(r), s) {
			t.Errorf("Text = %q, holds %q", bodyText(r), s)
		}
	}
}

func TestSummary(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("word ", 100)
	tests := []struct {
		name, src, want string
	}{
		{"first paragraph", "# T\n\nFirst one.\n\nSecond one.\n", "First one."},
		{"lines joined", "First\nline and\nthird.\n", "First line and third."},
		{"paragraph after a list wins", "- item\n\nThe paragraph.\n", "The paragraph."},
		{"list only", "## Done\n\n- shipped the planner\n- fixed shards\n", "shipped the planner fixed shards"},
		{"code is never the summary", "```\ncode\n```\n", ""},
		{"code then list", "```\ncode\n```\n\n- item\n", "item"},
		{"empty", "", ""},
		{"long paragraph is shortened", long, strings.TrimSpace(strings.Repeat("word ", 59)) + " word…"},
	}
	for _, tt := range tests {
		r := convert(t, Options{}, tt.src)
		if r.Summary != tt.want {
			t.Errorf("%s: Summary = %q, want %q", tt.name, r.Summary, tt.want)
		}
		if len(r.Summary) > 300+len("…") {
			t.Errorf("%s: Summary is %d bytes, want at most about 300", tt.name, len(r.Summary))
		}
	}
}

func TestShorten(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"one two three four", 10, "one two…"},
		{"one two, three four", 9, "one two…"}, // trailing punctuation dropped before the ellipsis
		{"abcdefghijklmnop", 8, "abcdefgh…"},   // no space late enough: cut inside the word
		{"ééééé ééééé", 7, "ééé…"},             // never inside a rune
		{"日本語のテキストです", 10, "日本語…"},
	}
	for _, tt := range tests {
		got := shorten(tt.s, tt.n)
		if got != tt.want {
			t.Errorf("shorten(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
		if !strings.HasSuffix(got, "…") && got != tt.s {
			t.Errorf("shorten(%q, %d) = %q: cut without an ellipsis", tt.s, tt.n, got)
		}
	}
}

func TestConcurrentConvert(t *testing.T) {
	t.Parallel()
	// A Converter is safe for concurrent use; each page gets its own ids.
	c := New(Options{})
	for i := range 8 {
		t.Run("", func(t *testing.T) {
			t.Parallel()
			src := strings.Repeat("## Notes\n\ntext\n\n", i+1)
			r, err := c.Convert([]byte(src), nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Headings) != i+1 || r.Headings[0].ID != "notes" || r.Headings[i].ID != "notes"+suffix(i) {
				t.Errorf("headings = %+v", r.Headings)
			}
		})
	}
}

func suffix(i int) string {
	if i == 0 {
		return ""
	}
	return "-" + string(rune('0'+i))
}

// TestTitleID checks that the title heading keeps its id, reserved so
// that a later heading of the same text gets another, whether or not the
// heading stays in the body.
func TestTitleID(t *testing.T) {
	t.Parallel()
	src := "[Home](../README.md) · [Next](next.md)\n\n# Guide to using BrightHire\n\n## Guide to using BrightHire\n"
	for _, keep := range []bool{false, true} {
		r, err := New(Options{}).Convert([]byte(src), nil, func(string) bool { return keep })
		if err != nil {
			t.Fatal(err)
		}
		wantID := "guide-to-using-brighthire"
		if keep {
			wantID = "" // the heading is in the body, with its id
			if !strings.Contains(string(r.HTML), `<h1 id="guide-to-using-brighthire">`) {
				t.Errorf("kept title heading: HTML = %s, want the h1 with its id", r.HTML)
			}
		}
		if r.TitleID != wantID {
			t.Errorf("keep=%v: TitleID = %q, want %q", keep, r.TitleID, wantID)
		}
		if len(r.Headings) == 0 || r.Headings[len(r.Headings)-1].ID != "guide-to-using-brighthire-1" {
			t.Errorf("keep=%v: Headings = %+v, want the H2 as guide-to-using-brighthire-1", keep, r.Headings)
		}
	}
}

// TestHeadingsShared checks that documents converted by one Converter
// share the strings of the headings they have in common, as headings and
// as sections, and that what the Converter keeps is bounded.
func TestHeadingsShared(t *testing.T) {
	c := New(Options{})
	var docs []Result
	for i := range 2 {
		r, err := c.Convert([]byte(fmt.Sprintf("## Done\n\nShipped %d.\n\n## Next\n\nMore.\n", i)), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Headings) != 2 || len(r.Sections) != 2 || r.Headings[0].Text != "Done" || r.Sections[1].ID != "next" {
			t.Fatalf("headings %+v, sections %+v", r.Headings, r.Sections)
		}
		docs = append(docs, r)
	}
	same := func(what, a, b string) {
		if unsafe.StringData(a) != unsafe.StringData(b) {
			t.Errorf("%s: %q and %q are two strings, want one", what, a, b)
		}
	}
	a, b := docs[0], docs[1]
	same("heading text", a.Headings[0].Text, b.Headings[0].Text)
	same("heading id", a.Headings[1].ID, b.Headings[1].ID)
	same("section title", a.Headings[0].Text, b.Sections[0].Title)
	same("section id", a.Headings[1].ID, b.Sections[1].ID)

	for i := range maxInterned + 10 {
		c.headings.string(fmt.Sprintf("heading %d", i))
	}
	if n := len(c.headings.m); n != maxInterned {
		t.Errorf("the interner keeps %d strings, want at most %d", n, maxInterned)
	}
	long := strings.Repeat("x", maxInternedLen+1)
	if fresh := New(Options{}); fresh.headings.string(long) != long || len(fresh.headings.m) != 0 {
		t.Errorf("a string of %d bytes was kept", len(long))
	}
}

// TestPlainTextCleaned checks that control and bidi characters, which
// site.CleanText drops, are gone from the title, headings, sections and
// summary, wherever they sit in a block's text (inside it, or in the
// white space around it), and that invalid UTF-8 beside them becomes
// U+FFFD as CleanText makes it.
func TestPlainTextCleaned(t *testing.T) {
	t.Parallel()
	src := "# Ti\x01tle\u202e\n\nPara\u200fgraph one.\v\n\n## Head\x7f ing\n\nText\x1b here.\n\n```\n\xff\v\n```\n"
	r := convert(t, Options{}, src)
	if r.Title != "Title" {
		t.Errorf("Title = %q, want %q", r.Title, "Title")
	}
	if r.Summary != "Paragraph one." {
		t.Errorf("Summary = %q, want %q", r.Summary, "Paragraph one.")
	}
	want := []Section{
		{ID: "", Title: "", Text: "Paragraph one."},
		{ID: "head-ing", Title: "Head ing", Text: "Text here.\n\uFFFD"},
	}
	if !slices.Equal(r.Sections, want) {
		t.Errorf("Sections =\n%q\nwant\n%q", r.Sections, want)
	}
}

// TestAttributesKept checks that a heading keeps the attributes Markdown
// may set (id, class) and loses the others, and that one with only kept
// attributes keeps them as written.
func TestAttributesKept(t *testing.T) {
	t.Parallel()
	r := convert(t, Options{}, "## One {#a .b style=\"color:red\" onclick=\"x()\"}\n\n## Two {#c .d}\n")
	html := string(r.HTML)
	for _, want := range []string{`<h2 id="a" class="b">One</h2>`, `<h2 id="c" class="d">Two</h2>`} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %s:\n%s", want, html)
		}
	}
	if strings.Contains(html, "style") || strings.Contains(html, "onclick") {
		t.Errorf("HTML keeps a dropped attribute:\n%s", html)
	}
}

// bodyText returns the body of r as plain text: each section's heading
// and text, a line each.
func bodyText(r Result) string {
	var b strings.Builder
	for _, s := range r.Sections {
		for _, t := range []string{s.Title, s.Text} {
			if t != "" {
				b.WriteString(t + "\n")
			}
		}
	}
	return strings.TrimSpace(b.String())
}
