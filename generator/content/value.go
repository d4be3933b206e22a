package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/goccy/go-yaml"
	yast "github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"github.com/handbook/handbook/generator/diag"
)

// A value is a decoded front-matter value and where it was written. All
// three front-matter formats decode into values, so that one set of typed
// accessors (fields.go) reports every problem at its line and column.
type value struct {
	// v is one of: string, int64, float64, bool, time.Time, []value,
	// *mapping, or nil.
	v   any
	pos diag.Pos
	// text is a number as written ("2.10", "007"), for fields that read
	// it as text; "" otherwise.
	text string
}

// mapping is a front-matter table: keys in the order written.
type mapping struct {
	keys []string
	vals []value
	// keyPos is where each key was written; errors about a missing or
	// wrong value point there when the value has no position of its own.
	keyPos []diag.Pos
	// index finds a key in a mapping of more than smallMapping keys;
	// front matter has a dozen, found faster by a look at each than by
	// a map made for every document.
	index map[string]int
}

const smallMapping = 16

func newMapping() *mapping { return &mapping{} }

// findKey returns the last place of k in keys, or -1: by a look at each
// key from the last, or by index when there is one (see indexKeys).
func findKey(keys []string, index map[string]int, k string) int {
	if index != nil {
		if i, ok := index[k]; ok {
			return i
		}
		return -1
	}
	for i := len(keys) - 1; i >= 0; i-- {
		if keys[i] == k {
			return i
		}
	}
	return -1
}

// indexKeys maps each of keys to its last place, for findKey past
// smallMapping keys.
func indexKeys(keys []string) map[string]int {
	index := make(map[string]int, 2*len(keys))
	for i, k := range keys {
		index[k] = i
	}
	return index
}

// find returns the position of key in m.keys, or -1.
func (m *mapping) find(key string) int { return findKey(m.keys, m.index, key) }

// has reports whether key is set, even to nothing ("key:").
func (m *mapping) has(key string) bool { return m.find(key) >= 0 }

// get returns the value of key; the zero value when it is not set.
func (m *mapping) get(key string) value {
	if i := m.find(key); i >= 0 {
		return m.vals[i]
	}
	return value{}
}

// posOf returns where key was written.
func (m *mapping) posOf(key string) diag.Pos {
	if i := m.find(key); i >= 0 {
		return m.keyPos[i]
	}
	return diag.Pos{}
}

func (m *mapping) set(key string, v value, pos diag.Pos) {
	if i := m.find(key); i >= 0 {
		m.vals[i], m.keyPos[i] = v, pos
		return
	}
	m.keys = append(m.keys, key)
	m.vals = append(m.vals, v)
	m.keyPos = append(m.keyPos, pos)
	switch {
	case m.index != nil:
		m.index[key] = len(m.keys) - 1
	case len(m.keys) > smallMapping:
		m.index = indexKeys(m.keys)
	}
}

// plain converts v into plain Go values (map[string]any, []any, ...), for
// params that templates and JSON output carry through untouched.
func (v value) plain() any {
	switch x := v.v.(type) {
	case []value:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = e.plain()
		}
		return out
	case *mapping:
		out := make(map[string]any, len(x.keys))
		for i, k := range x.keys {
			out[k] = x.vals[i].plain()
		}
		return out
	}
	return v.v
}

// describe names the type of a value for messages: "a list", "a number".
func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nothing"
	case string:
		return fmt.Sprintf("%q", x)
	case int64:
		return fmt.Sprintf("the number %d", x)
	case float64:
		return "the number " + strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return fmt.Sprintf("%v", x)
	case time.Time:
		return "a date"
	case []value:
		return "a list"
	case *mapping:
		return "a table of keys"
	}
	return fmt.Sprintf("%T", v)
}

// lineCol turns a byte offset in text into a 1-based line and column.
func lineCol(text []byte, off int) (int, int) {
	off = min(max(off, 0), len(text))
	line := 1 + bytes.Count(text[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(text[:off], '\n')
	return line, col
}

// within returns p, or the first non-blank column of p's line when p's
// column is past the end of the line: BurntSushi/toml reports some errors
// (a duplicate key) one column too far, and go-yaml places an empty list
// item ("-" alone) after the end of its line.
func within(text []byte, p diag.Pos) diag.Pos {
	return newLines(text).within(p)
}

// lines indexes the lines of a text, to check positions in it, as far
// as they are asked about: a file's front matter is checked, and the
// body after it, most of the file, need not be indexed.
type lines struct {
	text  []byte
	start []int // byte offset of each line indexed so far
	done  int   // bytes looked at for the ends of lines
}

func newLines(text []byte) *lines { return &lines{text: text, start: []int{0}} }

// index indexes the lines through line n+1 (from 1), or all there are.
func (l *lines) index(n int) {
	for len(l.start) <= n && l.done < len(l.text) {
		i := bytes.IndexByte(l.text[l.done:], '\n')
		if i < 0 {
			l.done = len(l.text)
			return
		}
		l.done += i + 1
		l.start = append(l.start, l.done)
	}
}

func (l *lines) within(p diag.Pos) diag.Pos {
	l.index(p.Line)
	if p.Line < 1 || p.Line > len(l.start) {
		return p
	}
	end := len(l.text)
	if p.Line < len(l.start) {
		end = l.start[p.Line] - 1
	}
	line := l.text[l.start[p.Line-1]:end]
	if p.Col > len(line)+1 {
		p.Col = len(line) - len(bytes.TrimLeft(line, " \t")) + 1
	}
	return p
}

// A frontError is an error in front matter at a position in the file.
type frontError struct {
	pos diag.Pos
	msg string
}

// errAt returns a frontError at pos, a position the decoder's at function
// has already mapped into the file.
func errAt(pos diag.Pos, format string, args ...any) *frontError {
	return &frontError{pos: pos, msg: fmt.Sprintf(format, args...)}
}

func (e *frontError) Error() string { return e.msg }

// decodeYAML decodes YAML front matter. Positions are relative to data;
// at maps them to file positions.
func decodeYAML(data []byte, at func(line, col int) diag.Pos) (*mapping, error) {
	text := string(data)
	if m, ok := fastYAML(text, at); ok {
		return m, nil
	}
	return goYAML(text, at)
}

// goYAML decodes YAML front matter with go-yaml, as decodeYAML does when
// fastYAML cannot.
func goYAML(text string, at func(line, col int) diag.Pos) (*mapping, error) {
	// go-yaml's parser takes time and memory quadratic in the nesting of
	// flow collections ("[[[[..."): a few kilobytes of brackets would take
	// gigabytes. Its lexer is linear, so the nesting is checked on the
	// tokens before they are parsed.
	tokens := lexer.Tokenize(text)
	depth := 0
	for _, tk := range tokens {
		switch tk.Type {
		case token.SequenceStartType, token.MappingStartType:
			depth++
			if depth > maxDepth {
				return nil, errAt(at(tk.Position.Line, tk.Position.Column), "front matter is nested too deeply")
			}
		case token.SequenceEndType, token.MappingEndType:
			depth = max(0, depth-1)
		}
	}
	file, err := parser.Parse(tokens, 0)
	if err != nil {
		return nil, yamlError(err, at)
	}
	m := newMapping()
	if len(file.Docs) == 0 || file.Docs[0].Body == nil {
		return m, nil
	}
	if len(file.Docs) > 1 {
		// The second document's "---", or its first token: a document
		// of a "---" alone has no body to ask.
		pos := at(1, 1)
		if tk := file.Docs[1].Start; tk != nil {
			pos = at(tk.Position.Line, tk.Position.Column)
		} else if b := file.Docs[1].Body; b != nil && b.GetToken() != nil {
			pos = at(b.GetToken().Position.Line, b.GetToken().Position.Column)
		}
		return nil, errAt(pos, "front matter holds more than one YAML document")
	}
	d := &yamlDecoder{at: at, anchors: map[string]yast.Node{}, text: text}
	v, err := d.node(file.Docs[0].Body, 0)
	if err != nil {
		return nil, err
	}
	top, ok := v.v.(*mapping)
	if !ok {
		return nil, errAt(v.pos, "front matter must be keys and values, not %s", describe(v.v))
	}
	return top, nil
}

// yamlDefinedAt matches the position go-yaml gives in its message about a
// duplicate key, which is relative to the front matter.
var yamlDefinedAt = regexp.MustCompile(`already defined at \[(\d+):(\d+)\]`)

func yamlError(err error, at func(line, col int) diag.Pos) error {
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil {
		p := ye.GetToken().Position
		msg := yamlDefinedAt.ReplaceAllStringFunc(strings.TrimSpace(ye.GetMessage()), func(m string) string {
			sm := yamlDefinedAt.FindStringSubmatch(m)
			line, _ := strconv.Atoi(sm[1])
			return fmt.Sprintf("already defined on line %d", at(line, 1).Line)
		})
		return errAt(at(p.Line, p.Column), "invalid YAML: %s", msg)
	}
	return errAt(at(1, 1), "invalid YAML: %v", err)
}

type yamlDecoder struct {
	at      func(line, col int) diag.Pos
	anchors map[string]yast.Node
	values  int // values decoded so far, aliases counted each time
	// text is the front matter, one string that the keys and values
	// decoded share where they are written as they read (see str).
	text string
}

// str returns s, the value of token tk, as a piece of the front
// matter's text when it is written there as it reads, which most keys and
// values are, else s. go-yaml makes a string of each: a document's keys
// and values would each be an object of their own, held as long as the
// document is, and at 100,000 documents they were a seventh of the
// objects the collector traced in every cycle. Only the token's own
// place is looked at (go-yaml's offset is of its first byte, or the one
// after, for a quoted value), so that each value costs its length.
func (d *yamlDecoder) str(s string, tk *token.Token) string {
	if s == "" || tk == nil {
		return s
	}
	lo := max(0, tk.Position.Offset-2)
	hi := min(len(d.text), tk.Position.Offset+len(s)+1)
	if lo < hi {
		if i := strings.Index(d.text[lo:hi], s); i >= 0 {
			return d.text[lo+i : lo+i+len(s)]
		}
	}
	return s
}

// maxDepth bounds nesting so that hostile front matter cannot exhaust the
// stack.
const maxDepth = 64

// maxValues bounds the values one front matter decodes to. YAML aliases
// repeat what they point at: nine lines of them can stand for a billion
// values.
const maxValues = 100_000

func (d *yamlDecoder) pos(n yast.Node) diag.Pos {
	tk := n.GetToken()
	if tk == nil {
		return d.at(1, 1)
	}
	return d.at(tk.Position.Line, tk.Position.Column)
}

func (d *yamlDecoder) node(n yast.Node, depth int) (value, error) {
	if depth > maxDepth {
		return value{}, errAt(d.pos(n), "front matter is nested too deeply")
	}
	if d.values++; d.values > maxValues {
		return value{}, errAt(d.pos(n), "front matter holds too many values (more than %d, counting what aliases repeat)", maxValues)
	}
	switch n := n.(type) {
	case *yast.MappingNode:
		m := newMapping()
		for _, kv := range n.Values {
			if err := d.pair(m, kv, depth); err != nil {
				return value{}, err
			}
		}
		pos := d.pos(n)
		if !n.IsFlowStyle && len(n.Values) > 0 {
			// A block mapping's own token is its first ':'; a list item
			// starts at its first key.
			pos = d.pos(n.Values[0].Key)
		}
		return value{v: m, pos: pos}, nil
	case *yast.MappingValueNode:
		m := newMapping()
		if err := d.pair(m, n, depth); err != nil {
			return value{}, err
		}
		return value{v: m, pos: d.pos(n.Key)}, nil
	case *yast.SequenceNode:
		var list []value
		for _, e := range n.Values {
			v, err := d.node(e, depth+1)
			if err != nil {
				return value{}, err
			}
			list = append(list, v)
		}
		if list == nil {
			list = []value{}
		}
		return value{v: list, pos: d.pos(n)}, nil
	case *yast.AnchorNode:
		d.anchors[n.Name.String()] = n.Value
		return d.node(n.Value, depth+1)
	case *yast.AliasNode:
		target, ok := d.anchors[n.Value.String()]
		if !ok {
			return value{}, errAt(d.pos(n), "unknown alias %q", n.Value.String())
		}
		v, err := d.node(target, depth+1)
		v.pos = d.pos(n)
		if fe, ok := err.(*frontError); ok && d.values > maxValues {
			fe.pos = v.pos // the outermost alias being expanded
		}
		return v, err
	case *yast.TagNode:
		return d.node(n.Value, depth+1)
	case *yast.NullNode:
		return value{v: nil, pos: d.pos(n)}, nil
	case *yast.StringNode:
		return value{v: d.str(n.Value, n.GetToken()), pos: d.pos(n)}, nil
	case *yast.LiteralNode:
		return value{v: d.str(n.Value.Value, n.GetToken()), pos: d.pos(n)}, nil
	case *yast.BoolNode:
		return value{v: n.Value, pos: d.pos(n)}, nil
	case *yast.FloatNode:
		return value{v: n.Value, pos: d.pos(n), text: d.str(n.GetToken().Value, n.GetToken())}, nil
	case *yast.InfinityNode:
		return value{v: n.Value, pos: d.pos(n)}, nil
	case *yast.IntegerNode:
		text := d.str(n.GetToken().Value, n.GetToken())
		if decimalWithZeros.MatchString(text) {
			// YAML 1.1 reads "010" as octal; people mean ten.
			if i, err := strconv.ParseInt(text, 10, 64); err == nil {
				return value{v: i, pos: d.pos(n), text: text}, nil
			}
		}
		switch x := n.Value.(type) {
		case int64:
			return value{v: x, pos: d.pos(n), text: text}, nil
		case uint64:
			if x <= math.MaxInt64 {
				return value{v: int64(x), pos: d.pos(n), text: text}, nil
			}
			return value{v: float64(x), pos: d.pos(n), text: text}, nil
		}
		return value{v: text, pos: d.pos(n)}, nil
	}
	// Anything else (NaN, merge keys in odd places, ...) is kept as text.
	var s string
	if tk := n.GetToken(); tk != nil {
		s = d.str(tk.Value, tk)
	}
	return value{v: s, pos: d.pos(n)}, nil
}

func (d *yamlDecoder) pair(m *mapping, kv *yast.MappingValueNode, depth int) error {
	if _, merge := kv.Key.(*yast.MergeKeyNode); merge {
		v, err := d.node(kv.Value, depth+1)
		if err != nil {
			return err
		}
		if src, ok := v.v.(*mapping); ok {
			for i, k := range src.keys {
				if !m.has(k) {
					m.set(k, src.vals[i], src.keyPos[i])
				}
			}
		}
		return nil
	}
	key := ""
	if tk := kv.Key.GetToken(); tk != nil {
		key = d.str(tk.Value, tk)
	}
	kpos := d.pos(kv.Key)
	if m.has(key) {
		return errAt(kpos, "duplicate key %q", key)
	}
	v, err := d.node(kv.Value, depth+1)
	if err != nil {
		return err
	}
	if _, isNull := kv.Value.(*yast.NullNode); isNull || kv.Value == nil {
		v.pos = kpos
	}
	m.set(key, v, kpos)
	return nil
}

// decodeJSON decodes JSON front matter, keeping positions by walking the
// token stream.
func decodeJSON(data []byte, at func(line, col int) diag.Pos) (*mapping, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	j := &jsonDecoder{dec: dec, data: data, at: at}
	v, err := j.value(0)
	if err != nil {
		var se *json.SyntaxError
		off := int(dec.InputOffset())
		if errors.As(err, &se) {
			off = int(se.Offset)
		}
		if fe, ok := err.(*frontError); ok {
			return nil, fe
		}
		return nil, errAt(at(lineCol(data, off)), "invalid JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errAt(at(lineCol(data, int(dec.InputOffset()))), "invalid JSON: unexpected text after the object")
	}
	m, ok := v.v.(*mapping)
	if !ok {
		return nil, errAt(v.pos, "front matter must be an object, not %s", describe(v.v))
	}
	return m, nil
}

type jsonDecoder struct {
	dec  *json.Decoder
	data []byte
	at   func(line, col int) diag.Pos
}

func (j *jsonDecoder) here() diag.Pos {
	off := int(j.dec.InputOffset())
	// InputOffset is just past the previous token; skip to the next one.
	for off < len(j.data) && strings.IndexByte(" \t\r\n,:", j.data[off]) >= 0 {
		off++
	}
	line, col := lineCol(j.data, off)
	return j.at(line, col)
}

func (j *jsonDecoder) value(depth int) (value, error) {
	pos := j.here()
	if depth > maxDepth {
		return value{}, errAt(pos, "front matter is nested too deeply")
	}
	tok, err := j.dec.Token()
	if err != nil {
		if err == io.EOF {
			return value{}, io.ErrUnexpectedEOF
		}
		return value{}, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			m := newMapping()
			for j.dec.More() {
				kpos := j.here()
				ktok, err := j.dec.Token()
				if err != nil {
					return value{}, err
				}
				key, _ := ktok.(string)
				if m.has(key) {
					return value{}, errAt(kpos, "duplicate key %q", key)
				}
				v, err := j.value(depth + 1)
				if err != nil {
					return value{}, err
				}
				m.set(key, v, kpos)
			}
			if _, err := j.dec.Token(); err != nil {
				return value{}, err
			}
			return value{v: m, pos: pos}, nil
		case '[':
			list := []value{}
			for j.dec.More() {
				v, err := j.value(depth + 1)
				if err != nil {
					return value{}, err
				}
				list = append(list, v)
			}
			if _, err := j.dec.Token(); err != nil {
				return value{}, err
			}
			return value{v: list, pos: pos}, nil
		}
	case json.Number:
		if i, err := t.Int64(); err == nil {
			return value{v: i, pos: pos, text: t.String()}, nil
		}
		f, err := t.Float64()
		if err != nil {
			return value{}, errAt(pos, "number %s is out of range", t)
		}
		return value{v: f, pos: pos, text: t.String()}, nil
	case string, bool, nil:
		return value{v: t, pos: pos}, nil
	}
	return value{}, fmt.Errorf("unexpected token %v", tok)
}

// tomlMessage puts BurntSushi/toml's messages in the style of the other
// diagnostics: "Key 'x' has already been defined." -> "key 'x' has already
// been defined".
func tomlMessage(msg string) string {
	msg = strings.TrimSuffix(strings.TrimSpace(msg), ".")
	if r, size := utf8.DecodeRuneInString(msg); unicode.IsUpper(r) && size < len(msg) && !unicode.IsUpper(rune(msg[size])) {
		msg = string(unicode.ToLower(r)) + msg[size:]
	}
	return msg
}

// decimalWithZeros matches integers written with leading zeros.
var decimalWithZeros = regexp.MustCompile(`^[-+]?0[0-9]+$`)

// tomlKey matches a key at the start of a TOML line, or a table header.
var tomlKey = regexp.MustCompile(`^\s*(?:\[\[?\s*([A-Za-z0-9_.\-"' ]+?)\s*\]\]?|([A-Za-z0-9_\-]+|"[^"]*"|'[^']*')\s*(?:\.|=))`)

// decodeTOML decodes TOML front matter or site.toml. BurntSushi/toml does
// not report where keys are, so keys are found by scanning lines: values
// inside a key's table or array point at the key.
func decodeTOML(data []byte, at func(line, col int) diag.Pos) (*mapping, error) {
	var raw map[string]any
	if _, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, errAt(at(pe.Position.Line, max(1, pe.Position.Col)), "invalid TOML: %s", tomlMessage(pe.Message))
		}
		return nil, errAt(at(1, 1), "invalid TOML: %s", tomlMessage(strings.TrimPrefix(err.Error(), "toml: ")))
	}
	positions := map[string]diag.Pos{}
	table := ""
	for i, line := range strings.Split(string(data), "\n") {
		sm := tomlKey.FindStringSubmatchIndex(line)
		if sm == nil {
			continue
		}
		if sm[2] >= 0 { // [table]
			table = strings.Trim(strings.SplitN(line[sm[2]:sm[3]], ".", 2)[0], `"' `)
			if _, seen := positions[table]; !seen {
				positions[table] = at(i+1, sm[2]+1)
			}
			continue
		}
		key := strings.Trim(line[sm[4]:sm[5]], `"'`)
		if table != "" {
			continue
		}
		if _, seen := positions[key]; !seen {
			positions[key] = at(i+1, sm[4]+1)
		}
	}
	top := at(1, 1)
	var deep *frontError
	var conv func(v any, pos diag.Pos, depth int) value
	conv = func(v any, pos diag.Pos, depth int) value {
		if depth > maxDepth {
			if deep == nil {
				deep = errAt(pos, "front matter is nested too deeply")
			}
			return value{pos: pos}
		}
		switch x := v.(type) {
		case map[string]any:
			m := newMapping()
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			// TOML tables are unordered once decoded; order keys by where
			// they were written, then by name.
			sort.Slice(keys, func(a, b int) bool {
				pa, pb := positions[keys[a]], positions[keys[b]]
				if pa.Line != pb.Line {
					return pa.Line < pb.Line
				}
				return keys[a] < keys[b]
			})
			for _, k := range keys {
				kpos := pos
				if depth == 0 {
					if p, ok := positions[k]; ok {
						kpos = p
					}
				}
				m.set(k, conv(x[k], kpos, depth+1), kpos)
			}
			return value{v: m, pos: pos}
		case []map[string]any:
			list := make([]value, len(x))
			for i, e := range x {
				list[i] = conv(e, pos, depth+1)
			}
			return value{v: list, pos: pos}
		case []any:
			list := make([]value, len(x))
			for i, e := range x {
				list[i] = conv(e, pos, depth+1)
			}
			return value{v: list, pos: pos}
		case int64, float64, bool, string, time.Time:
			return value{v: x, pos: pos}
		}
		return value{v: fmt.Sprint(v), pos: pos}
	}
	m, _ := conv(raw, top, 0).v.(*mapping)
	if deep != nil {
		return nil, deep
	}
	if m == nil {
		m = newMapping()
	}
	return m, nil
}
