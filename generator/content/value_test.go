package content

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"github.com/handbook/handbook/generator/diag"
)

// TestMappingKeys checks a mapping's keys, values and positions on both
// sides of smallMapping, where it starts to index its keys.
func TestMappingKeys(t *testing.T) {
	for _, n := range []int{1, smallMapping, smallMapping + 1, 4 * smallMapping} {
		m := newMapping()
		for i := range n {
			m.set(fmt.Sprintf("k%d", i), value{v: i}, diag.Pos{Line: i + 1})
		}
		// Setting a key again changes its value and position, not its
		// place among the keys.
		m.set("k0", value{v: "again"}, diag.Pos{Line: 100})
		if len(m.keys) != n || m.keys[0] != "k0" || m.keys[n-1] != fmt.Sprintf("k%d", n-1) {
			t.Errorf("%d keys: keys %v", n, m.keys)
		}
		if v := m.get("k0"); v.v != "again" || m.posOf("k0").Line != 100 {
			t.Errorf("%d keys: k0 = %v at %v, want the value set again", n, v.v, m.posOf("k0"))
		}
		last := fmt.Sprintf("k%d", n-1)
		if n > 1 && (m.get(last).v != n-1 || m.posOf(last).Line != n) {
			t.Errorf("%d keys: %s = %v at %v", n, last, m.get(last).v, m.posOf(last))
		}
		if m.has("missing") || m.get("missing").v != nil || m.posOf("missing") != (diag.Pos{}) {
			t.Errorf("%d keys: a missing key is found", n)
		}
	}
}

// TestManyKeysDuplicate checks that a duplicate key is found in front
// matter of more keys than smallMapping, in YAML and JSON.
func TestManyKeysDuplicate(t *testing.T) {
	at := func(line, col int) diag.Pos { return diag.Pos{File: "x.md", Line: line, Col: col} }
	var yaml, json strings.Builder
	json.WriteString("{")
	for i := range 3 * smallMapping {
		fmt.Fprintf(&yaml, "k%d: %d\n", i, i)
		fmt.Fprintf(&json, "\"k%d\": %d,\n", i, i)
	}
	yaml.WriteString("k20: again\n")
	json.WriteString("\"k20\": 0}")
	if _, err := decodeYAML([]byte(yaml.String()), at); err == nil || !strings.Contains(err.Error(), "k20") {
		t.Errorf("YAML: %v, want an error about k20", err)
	}
	if _, err := decodeJSON([]byte(json.String()), at); err == nil || !strings.Contains(err.Error(), `duplicate key "k20"`) {
		t.Errorf("JSON: %v, want a duplicate key error", err)
	}
	m, err := decodeYAML([]byte("a: 1\n<<: {a: 2, b: 3}\n"), at)
	// A merge key adds the keys not set before it.
	if err != nil || fmt.Sprint(m.get("a").v) != "1" || fmt.Sprint(m.get("b").v) != "3" {
		t.Errorf("merge: %v, a = %v, b = %v; want 1 and 3", err, m.get("a").v, m.get("b").v)
	}
}

// TestFieldsKeys checks that accessors find keys ignoring case and "-"
// against "_", the last of two spellings counting, on both sides of
// smallMapping, and that params holds what no accessor asked for.
func TestFieldsKeys(t *testing.T) {
	for _, extra := range []int{0, 2 * smallMapping} {
		m := newMapping()
		for i := range extra {
			m.set(fmt.Sprintf("x%d", i), value{v: i}, diag.Pos{})
		}
		m.set("Respond-By", value{v: "first"}, diag.Pos{Line: 1})
		m.set("respond_by", value{v: "last"}, diag.Pos{Line: 2})
		m.set("Owner", value{v: "ana"}, diag.Pos{Line: 3})
		var diags diag.List
		f := newFields(m, "x.md", nil, &diags)
		if v, raw, ok := f.get("respond-by"); !ok || v.v != "last" || raw != "respond_by" {
			t.Errorf("%d more keys: respond-by = %v, %q, %v; want the last spelling", extra, v.v, raw, ok)
		}
		if !f.has("OWNER") || f.has("missing") {
			t.Errorf("%d more keys: has(OWNER) %v, has(missing) %v", extra, f.has("OWNER"), f.has("missing"))
		}
		p := f.params()
		if _, ok := p["Respond-By"]; !ok || p["respond_by"] != nil || len(p) != extra+2 {
			t.Errorf("%d more keys: params %v; want the unread spelling and Owner beside the extra keys", extra, p)
		}
	}
}

// TestYAMLSharesText checks that front matter's keys and values, plain
// or quoted, are pieces of one string, at their places in the text, and
// that values whose text differs from what they read (escapes, block
// scalars) are decoded all the same.
func TestYAMLSharesText(t *testing.T) {
	at := func(line, col int) diag.Pos { return diag.Pos{File: "x.md", Line: line, Col: col} }
	src := "title: \"Hello\"\nauthor: ana\ntags: [a, 'b c', \"d\\te\"]\nnote: |\n  line\n"
	m, err := decodeYAML([]byte(src), at)
	if err != nil {
		t.Fatal(err)
	}
	tags, _ := m.get("tags").v.([]value)
	if len(tags) != 3 {
		t.Fatalf("tags = %v", m.get("tags").v)
	}
	want := map[string]string{"title": "Hello", "author": "ana", "tag b c": "b c", "tag d\\te": "d\te", "note": "line\n"}
	got := map[string]string{"tag b c": tags[1].v.(string), "tag d\\te": tags[2].v.(string)}
	for _, k := range []string{"title", "author", "note"} {
		got[k], _ = m.get(k).v.(string)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %q, want %q", k, got[k], w)
		}
	}
	// The first key and the values written as they read sit in one
	// string at their distance in the text.
	base := unsafe.StringData(m.keys[0])
	for _, s := range []string{m.keys[1], got["title"], got["author"], got["tag b c"]} {
		if d := int(uintptr(unsafe.Pointer(unsafe.StringData(s))) - uintptr(unsafe.Pointer(base))); d != strings.Index(src, s) {
			t.Errorf("%q is %d bytes from the first key, want %d: not a piece of the front matter", s, d, strings.Index(src, s))
		}
	}
}

// TestWithin checks lines.within, which indexes lines as it is asked
// about them, against an index of every line made first, for positions
// asked in any order.
func TestWithin(t *testing.T) {
	within := func(text []byte, p diag.Pos) diag.Pos {
		ls := bytes.Split(text, []byte("\n"))
		if p.Line < 1 || p.Line > len(ls) {
			return p
		}
		line := ls[p.Line-1]
		if p.Col > len(line)+1 {
			p.Col = len(line) - len(bytes.TrimLeft(line, " \t")) + 1
		}
		return p
	}
	for _, text := range []string{"", "\n", "a", "a\n", "a: 1\n  b\n\n\tc: 2", "x\n\n\n  yy  \n"} {
		l := newLines([]byte(text))
		for _, line := range []int{3, 1, 0, 2, 5, 4, -1, 2, 6, 1} {
			for _, col := range []int{1, 2, 3, 4, 9} {
				p := diag.Pos{File: "f", Line: line, Col: col}
				if got, want := l.within(p), within([]byte(text), p); got != want {
					t.Errorf("%q: within(%d:%d) = %d:%d, want %d:%d", text, line, col, got.Line, got.Col, want.Line, want.Col)
				}
			}
		}
	}
}
