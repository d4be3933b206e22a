package render

import (
	"bytes"
	"html/template"
	"testing"
)

// TestEscaping holds the escaping of compiled.go to html/template's, in
// each place the layouts put a value, for strings with every character
// either treats apart.
func TestEscaping(t *testing.T) {
	t.Parallel()
	tmpl := template.Must(template.New("").Parse(`<title>{{.}}</title>|<p>{{.}}</p>|<p class="{{.}}"></p>|<a href="{{.}}"></a>|<a href="#{{.}}"></a>`))
	values := []string{
		"", "plain", `"&'+<>`, "a\x00b", "bad \xff\xc0\x80 utf-8", "café ✓ \u2028 \uffff 😀",
		"/path/with space/?q=a&b=c#frag", "%41%4%zz%", "javascript:alert(1)", "JavaScript:x", "data:text/html,x",
		"mailto:a@b.example", "https://x.example/a+b/", "/a:b/c", "!#$*,/:;=?@[]-._~", "{}|\\^`",
	}
	for _, v := range values {
		var want bytes.Buffer
		if err := tmpl.Execute(&want, v); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		got.WriteString("<title>")
		writeText(&got, v)
		got.WriteString("</title>|<p>")
		writeText(&got, v)
		got.WriteString(`</p>|<p class="`)
		writeText(&got, v)
		got.WriteString(`"></p>|<a href="`)
		writeURL(&got, v)
		got.WriteString(`"></a>|<a href="#`)
		writeURLPart(&got, v)
		got.WriteString(`"></a>`)
		if got.String() != want.String() {
			t.Errorf("%q:\ngot  %s\nwant %s", v, got.String(), want.String())
		}
	}
}
