package markdown

import (
	"bufio"
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
)

// TestFencedCode checks that the blocks fencedCode highlights itself come
// out as goldmark-highlighting renders them, and that it leaves blocks
// with attributes to it.
func TestFencedCode(t *testing.T) {
	c := newFencedCode()
	for _, src := range []string{
		"```go\npackage main\n\nfunc main() { println(\"<hi>\") }\n```\n",
		"```sql\nselect * from t where a = 'x & y';\n```\n",
		"```yaml\nkey: value # comment\n```\n",
		"```bash\necho \"$HOME\" > /dev/null\n```\n",
		"```html\n<script>alert(1)</script>\n```\n",
		"```GO\nx := 1\n```\n",
		"```nosuchlanguage\n<b>x</b>\n```\n",
		"```\nplain <text>\n```\n",
		"```go {linenos=true}\nx := 1\n```\n",
		"```go {hl_lines=[2]}\nx := 1\ny := 2\n```\n",
	} {
		source := []byte(src)
		doc := goldmark.DefaultParser().Parse(text.NewReader(source))
		block, ok := doc.FirstChild().(*ast.FencedCodeBlock)
		if !ok {
			t.Fatalf("%q: no fenced code block", src)
		}
		var got, want bytes.Buffer
		for _, r := range []struct {
			f   renderer.NodeRendererFunc
			out *bytes.Buffer
		}{{c.render, &got}, {c.others, &want}} {
			w := bufio.NewWriter(r.out)
			for _, entering := range []bool{true, false} {
				if _, err := r.f(w, source, block, entering); err != nil {
					t.Fatal(err)
				}
			}
			w.Flush()
		}
		if got.String() != want.String() {
			t.Errorf("%q:\ngot  %s\nwant %s", src, got.String(), want.String())
		}
		if strings.Contains(src, "hl_lines") && !strings.Contains(got.String(), `class="line hl"`) {
			t.Errorf("%q: no highlighted line in %s", src, got.String())
		}
	}
}
