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
	for _, tt := range tests {
		r, err := c.Convert([]byte(tt.in), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := string(r.HTML); got != tt.want {
			t.Errorf("Convert(%q):\n%s\nwant:\n%s", tt.in, got, tt.want)
		}
	}
	r, _ := c.Convert([]byte("> [!IMPORTANT]\n> Back up first.\n"), nil, nil)
	if strings.Contains(bodyText(r), "[!") || !strings.Contains(bodyText(r), "Important") {
		t.Errorf("text of an alert = %q, want its title and no marker", bodyText(r))
	}
}
