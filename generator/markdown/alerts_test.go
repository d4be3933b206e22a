package markdown

import (
	"strings"
	"testing"
)

func TestAlertsAndMermaid(t *testing.T) {
	t.Parallel()
	c := New(Options{})
	tests := []struct{ in, want string }{
		{"> [!NOTE]\n> Read this.\n", `<blockquote class="alert alert-note"><p class="alert-title">Note</p>
<p>Read this.</p>
</blockquote>
`},
		{"> [!warning]\n>\n> Restores **overwrite**.\n", `<blockquote class="alert alert-warning"><p class="alert-title">Warning</p>
<p>Restores <strong>overwrite</strong>.</p>
</blockquote>
`},
		{"> [!TIP]\n", `<blockquote class="alert alert-tip"><p class="alert-title">Tip</p>
</blockquote>
`},
		// Not a marker: a plain quote.
		{"> [!NOPE]\n> Text.\n", "<blockquote>\n<p>[!NOPE]\nText.</p>\n</blockquote>\n"},
		{"> Say [!NOTE] later.\n", "<blockquote>\n<p>Say [!NOTE] later.</p>\n</blockquote>\n"},
		{"```mermaid\ngraph TD\n  A-->B<script>\n```\n", `<figure class="diagram"><figcaption>Diagram (Mermaid source)</figcaption><pre tabindex="0" class="mermaid"><code class="language-mermaid">graph TD
  A--&gt;B&lt;script&gt;
</code></pre></figure>
`},
	}
	convertCases(t, c, tests)
	r, _ := c.Convert([]byte("> [!IMPORTANT]\n> Back up first.\n"), nil, nil)
	if strings.Contains(bodyText(r), "[!") || !strings.Contains(bodyText(r), "Important") {
		t.Errorf("text of an alert = %q, want its title and no marker", bodyText(r))
	}
}

// TestAdmonitions: Docusaurus's ":::kind[title]" containers are drawn as
// GitHub's alerts are, their titles escaped, nested by the length of
// their fences; anything else starting with colons stays text.
func TestAdmonitions(t *testing.T) {
	t.Parallel()
	c := New(Options{})
	tests := []struct{ in, want string }{
		{":::note\nRead **this**.\n:::\n", `<blockquote class="alert alert-note"><p class="alert-title">Note</p>
<p>Read <strong>this</strong>.</p>
</blockquote>
`},
		// A title of raw HTML alone, which is left out, gives way to the
		// kind's.
		{":::danger[<b>]\nBody.\n:::\n", `<blockquote class="alert alert-caution"><p class="alert-title">Danger</p>
<p>Body.</p>
</blockquote>
`},
		// A title that is not a slice of the source, as after a tab a
		// list item's indentation splits, is shown as written.
		{"- item\n\n\t:::tip[**x**]\n\tbody\n\t:::\n", `<ul>
<li>
<p>item</p>
<blockquote class="alert alert-tip"><p class="alert-title">**x**</p>
<p>body</p>
</blockquote>
</li>
</ul>
`},
		{":::danger[Before you **restore** <script>x</script> & \\<b>]\n\n- One\n- Two\n\n:::\nAfter.\n", `<blockquote class="alert alert-caution"><p class="alert-title">Before you <strong>restore</strong> <!-- raw HTML omitted -->x<!-- raw HTML omitted --> &amp; &lt;b&gt;</p>
<ul>
<li>One</li>
<li>Two</li>
</ul>
</blockquote>
<p>After.</p>
`},
		// The older form of a title, and a kind Docusaurus names otherwise.
		{":::caution Mind the gap\nText.\n:::\n", `<blockquote class="alert alert-warning"><p class="alert-title">Mind the gap</p>
<p>Text.</p>
</blockquote>
`},
		// Nested by longer fences; a fence inside code is the code's.
		{"::::info\nOuter.\n\n:::tip\nInner.\n:::\n\n```\n:::\n```\n::::\n", `<blockquote class="alert alert-note"><p class="alert-title">Info</p>
<p>Outer.</p>
<blockquote class="alert alert-tip"><p class="alert-title">Tip</p>
<p>Inner.</p>
</blockquote>
<pre tabindex="0"><code>:::
</code></pre>
</blockquote>
`},
		{":::note\n```\n:::\n```\n:::\nAfter.\n", `<blockquote class="alert alert-note"><p class="alert-title">Note</p>
<pre tabindex="0"><code>:::
</code></pre>
</blockquote>
<p>After.</p>
`},
		// Unclosed: to the end of the document, as Docusaurus does.
		{"Before.\n:::tip\nLast.\n", `<p>Before.</p>
<blockquote class="alert alert-tip"><p class="alert-title">Tip</p>
<p>Last.</p>
</blockquote>
`},
		// The last line with no line break after it.
		{":::note\nText\n:::", "<blockquote class=\"alert alert-note\"><p class=\"alert-title\">Note</p>\n<p>Text</p>\n</blockquote>\n"},
		{":::tip[T]", "<blockquote class=\"alert alert-tip\"><p class=\"alert-title\">T</p>\n</blockquote>\n"},
		// Not containers.
		{":::notes\nText.\n:::\n", "<p>:::notes\nText.\n:::</p>\n"},
		{":::\n", "<p>:::</p>\n"},
		{"::note\n", "<p>::note</p>\n"},
		{"    :::note\n", "<pre tabindex=\"0\"><code>:::note\n</code></pre>\n"},
	}
	convertCases(t, c, tests)
	// Nested deeper than maxAdmonitions, a fence is text: each line
	// inside costs a look by every container around it.
	var deep strings.Builder
	for i := range maxAdmonitions + 3 {
		deep.WriteString(strings.Repeat(":", maxAdmonitions+6-i) + "note\n")
	}
	r, err := c.Convert([]byte(deep.String()+"Deep.\n"), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(r.HTML), "<blockquote"); got != maxAdmonitions {
		t.Errorf("%d containers in each other make %d, want %d:\n%s", maxAdmonitions+3, got, maxAdmonitions, r.HTML)
	}
	r, _ = c.Convert([]byte(":::danger[Mind]\nText.\n:::\n"), nil, nil)
	if text := bodyText(r); !strings.Contains(text, "Mind") || strings.Contains(text, ":::") {
		t.Errorf("text of a container = %q, want its title and no fence", text)
	}
}

// TestIndentedAdmonitions: MkDocs's "!!! kind "title"" containers, their
// content indented below them, are drawn as the others are; "???" ones
// are shown open.
func TestIndentedAdmonitions(t *testing.T) {
	t.Parallel()
	c := New(Options{})
	tests := []struct{ in, want string }{
		{"!!! note\n    Text.\n\n    More.\n\nAfter.\n", `<blockquote class="alert alert-note"><p class="alert-title">Note</p>
<p>Text.</p>
<p>More.</p>
</blockquote>
<p>After.</p>
`},
		{"!!! warning \"<i>\"\n    Text.\n", `<blockquote class="alert alert-warning"><p class="alert-title">Warning</p>
<p>Text.</p>
</blockquote>
`},
		{"!!! warning \"Before you `restore` [the backup](/ops/)\"\n    - one\n    - two\n", `<blockquote class="alert alert-warning"><p class="alert-title">Before you <code>restore</code> <a href="/ops/">the backup</a></p>
<ul>
<li>one</li>
<li>two</li>
</ul>
</blockquote>
`},
		// An empty title is none; a kind's name is its title; tabs indent.
		{"!!! tip \"\"\n    No title.\n", "<blockquote class=\"alert alert-tip\"><p>No title.</p>\n</blockquote>\n"},
		{"???+ Abstract\n\tShort.\n", "<blockquote class=\"alert alert-note\"><p class=\"alert-title\">Abstract</p>\n<p>Short.</p>\n</blockquote>\n"},
		// Nested by indentation, code kept whole.
		{"!!! bug\n    !!! success\n        Fixed.\n\n    ```\n    !!! note\n    ```\n", `<blockquote class="alert alert-caution"><p class="alert-title">Bug</p>
<blockquote class="alert alert-tip"><p class="alert-title">Success</p>
<p>Fixed.</p>
</blockquote>
<pre tabindex="0"><code>!!! note
</code></pre>
</blockquote>
`},
		// Not containers.
		{"!!! notakind\n    x\n", "<p>!!! notakind\nx</p>\n"},
		{"!!!note\n", "<p>!!!note</p>\n"},
		{"Wow!!! note this.\n", "<p>Wow!!! note this.</p>\n"},
	}
	convertCases(t, c, tests)
}

// convertCases converts each case's input and compares the HTML.
func convertCases(t *testing.T, c *Converter, tests []struct{ in, want string }) {
	t.Helper()
	for _, tt := range tests {
		r, err := c.Convert([]byte(tt.in), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := string(r.HTML); got != tt.want {
			t.Errorf("Convert(%q):\n%s\nwant:\n%s", tt.in, got, tt.want)
		}
	}
}
