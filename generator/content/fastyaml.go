package content

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/handbook/handbook/generator/diag"
)

// fastYAML decodes front matter written in the plain part of YAML that
// nearly every document keeps to, without go-yaml: "key: value" lines
// whose values are quoted or plain strings, small integers, true, false
// or null; lists in brackets or as "- item" lines; and one level of
// nested "key: value" lines. go-yaml makes tokens and a syntax tree of
// every document before decodeYAML reads it: at 100,000 documents of
// about ten lines each that was 1.9 GB of allocation and 6 s of CPU,
// and more again in the collector.
//
// The values and their positions are those decodeYAML makes from
// go-yaml's tree. For anything else (comments, anchors, escapes,
// strings over several lines, other numbers, a key written twice, a
// word YAML reads as a boolean...) fastYAML returns false and
// decodeYAML parses the text with go-yaml, which also reports what is
// wrong with it. FuzzFastYAML checks that the two agree.
func fastYAML(text string, at func(line, col int) diag.Pos) (*mapping, bool) {
	// YAML 1.1 breaks lines at NEL and the Unicode separators too, and
	// reads a BOM as a space. go-yaml does not, but they are left to it
	// all the same, as are tabs and carriage returns (it drops a tab
	// within a plain value, "x\ty" is "xy") and escapes.
	if len(text) > fastYAMLSize || !utf8.ValidString(text) || strings.ContainsAny(text, "\u0085\u2028\u2029\ufeff") {
		return nil, false
	}
	for i := 0; i < len(text); i++ {
		if c := text[i]; c < ' ' && c != '\n' || c == '\\' || c == 0x7f {
			return nil, false
		}
	}
	p := fastParser{lines: strings.Split(text, "\n"), at: at, line: -1}
	// As many keys as lines that start with something, most likely: the
	// mapping made at its size, not grown four times.
	keys := 0
	for _, line := range p.lines {
		if line != "" && line[0] != ' ' {
			keys++
		}
	}
	m := newMapping()
	if keys > 0 {
		m.keys, m.vals, m.keyPos = make([]string, 0, keys), make([]value, 0, keys), make([]diag.Pos, 0, keys)
	}
	for i := 0; i < len(p.lines); {
		line := p.lines[i]
		if blank(line) {
			i++
			continue
		}
		// A line that starts with a space or "-" here (a value going on
		// below its key, a list at its key's indent) is not a key.
		key, off, ok := keyOf(line)
		if !ok || m.has(key) {
			return nil, false
		}
		kpos := at(i+1, 1)
		next := p.nextLine(i + 1)
		if off == len(line) {
			// "key:" alone: a nested block below it, or nothing.
			if next < len(p.lines) && p.lines[next][0] == ' ' {
				v, after, ok := p.block(next)
				if !ok {
					return nil, false
				}
				m.set(key, v, kpos)
				i = after
			} else {
				m.set(key, value{pos: kpos}, kpos)
				i = next
			}
			continue
		}
		var v value
		if line[off] == '[' {
			v, ok = p.flow(i, off)
		} else {
			v, ok = p.scalar(i, off, line[off:], false)
		}
		if !ok {
			return nil, false
		}
		if v.v == nil {
			v.pos = kpos // as decodeYAML places a null
		}
		m.set(key, v, kpos)
		i = next
	}
	return m, true
}

// fastYAMLSize bounds the front matter fastYAML reads; longer front
// matter is rare enough to leave to go-yaml, with its limits on values.
const fastYAMLSize = 16 << 10

type fastParser struct {
	lines []string
	at    func(line, col int) diag.Pos
	// The last position asked for: a list in brackets asks for each
	// item's, further along the line, counted on from the one before.
	line, off, col int
}

// pos returns the position of byte off of line i (from 0), in the
// characters go-yaml counts columns in.
func (p *fastParser) pos(i, off int) diag.Pos {
	if i != p.line || off < p.off {
		p.line, p.off, p.col = i, 0, 1
	}
	p.col += utf8.RuneCountInString(p.lines[i][p.off:off])
	p.off = off
	return p.at(i+1, p.col)
}

// nextLine returns the first line from i on that is not blank.
func (p *fastParser) nextLine(i int) int {
	for i < len(p.lines) && blank(p.lines[i]) {
		i++
	}
	return i
}

// block reads the nested lines from line i, which is indented: all "-
// item" lines or all "key: value" lines, at one indent, with values
// that end on their line. It returns the line after them.
func (p *fastParser) block(i int) (value, int, bool) {
	indent := len(p.lines[i]) - len(strings.TrimLeft(p.lines[i], " "))
	var (
		list []value
		m    *mapping
	)
	first := p.pos(i, indent)
	for ; i < len(p.lines) && p.lines[i][0] == ' '; i = p.nextLine(i + 1) {
		line := p.lines[i]
		if len(line)-len(strings.TrimLeft(line, " ")) != indent {
			return value{}, 0, false
		}
		if line[indent] == '-' {
			off := indent + 1
			if m != nil || off == len(line) || line[off] != ' ' {
				return value{}, 0, false
			}
			for off < len(line) && line[off] == ' ' {
				off++
			}
			if off == len(line) {
				return value{}, 0, false
			}
			v, ok := p.scalar(i, off, line[off:], false)
			if !ok {
				return value{}, 0, false
			}
			list = append(list, v)
			continue
		}
		key, off, ok := keyOf(line[indent:])
		if !ok || list != nil || off+indent == len(line) {
			return value{}, 0, false
		}
		if m == nil {
			m = newMapping()
		}
		if m.has(key) {
			return value{}, 0, false
		}
		v, ok := p.scalar(i, off+indent, line[off+indent:], false)
		if !ok {
			return value{}, 0, false
		}
		kpos := p.pos(i, indent)
		if v.v == nil {
			v.pos = kpos
		}
		m.set(key, v, kpos)
	}
	if m != nil {
		return value{v: m, pos: first}, i, true
	}
	return value{v: list, pos: first}, i, true
}

// flow reads a list in brackets that starts at byte off of line i and
// ends on that line.
func (p *fastParser) flow(i, off int) (value, bool) {
	line := p.lines[i]
	list := []value{}
	open := off
	off++
	for {
		for off < len(line) && line[off] == ' ' {
			off++
		}
		if off == len(line) {
			return value{}, false
		}
		if line[off] == ']' && len(list) == 0 {
			break
		}
		end := off
		switch line[off] {
		case '"', '\'':
			close := strings.IndexByte(line[off+1:], line[off])
			if close < 0 {
				return value{}, false
			}
			end = off + close + 2
		default:
			for end < len(line) && line[end] != ',' && line[end] != ']' {
				end++
			}
			if end == off {
				return value{}, false // "[a, ]", "[, a]"
			}
		}
		v, ok := p.scalar(i, off, line[off:end], true)
		if !ok {
			return value{}, false
		}
		list = append(list, v)
		for off = end; off < len(line) && line[off] == ' '; off++ {
		}
		if off == len(line) {
			return value{}, false
		}
		if line[off] == ']' {
			break
		}
		if line[off] != ',' {
			return value{}, false
		}
		off++
	}
	if !blank(line[off+1:]) {
		return value{}, false
	}
	return value{v: list, pos: p.pos(i, open)}, true
}

// scalar reads s, a value that starts at byte off of line i and runs
// to the end of the line or, in a list in brackets, of its item.
func (p *fastParser) scalar(i, off int, s string, inFlow bool) (value, bool) {
	pos := p.pos(i, off)
	switch s[0] {
	case '"', '\'':
		close := strings.IndexByte(s[1:], s[0])
		if close < 0 || !blank(s[close+2:]) {
			return value{}, false
		}
		return value{v: s[1 : close+1], pos: pos}, true
	}
	if inFlow {
		s = strings.TrimRight(s, " ")
	}
	if !plainScalar(s, inFlow) {
		return value{}, false
	}
	c := s[0]
	if c >= '0' && c <= '9' {
		if isDate(s) || !numberLike(s) {
			return value{v: s, pos: pos}, true
		}
		if c == '0' && len(s) > 1 {
			return value{}, false // "010" and "09" are not go-yaml's integers
		}
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return value{}, false
		}
		return value{v: n, pos: pos, text: s}, true
	}
	switch s {
	case "true", "false":
		return value{v: s == "true", pos: pos}, true
	case "null":
		return value{pos: pos}, true
	}
	if yaml11Word(s) {
		return value{}, false // "True", "NULL", "yes": left to go-yaml
	}
	return value{v: s, pos: pos}, true
}

// plainScalar reports whether s is a value written without quotes that
// fastYAML reads: it starts with an ASCII letter or digit, ends without
// a space (go-yaml places "1 " a column late) and holds nothing YAML
// might read as a comment, a key, or, in brackets, the list's own
// punctuation.
func plainScalar(s string, inFlow bool) bool {
	if s == "" || !isAlnum(s[0]) || s[len(s)-1] == ':' || s[len(s)-1] == ' ' {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") {
		return false
	}
	return !inFlow || !strings.ContainsAny(s, ":#[]{}\"'")
}

// keyOf reads a key at the start of line: a word of ASCII letters,
// digits, '_', '-', '/' and '.', starting with a letter or '_', then
// ':' and the end of the line or spaces. It returns where the value
// starts: the end of the line when there is none.
func keyOf(line string) (key string, off int, ok bool) {
	if line == "" || !(isLetter(line[0]) || line[0] == '_') {
		return "", 0, false
	}
	n := 1
	for n < len(line) && (isAlnum(line[n]) || strings.IndexByte("_-/.", line[n]) >= 0) {
		n++
	}
	if n == len(line) || line[n] != ':' {
		return "", 0, false
	}
	key, off = line[:n], n+1
	if yaml11Word(key) {
		return "", 0, false
	}
	if off < len(line) && line[off] != ' ' {
		return "", 0, false
	}
	for off < len(line) && line[off] == ' ' {
		off++
	}
	return key, off, true
}

// numberLike reports whether s, which starts with a digit, might be
// read as a number of some form (hexadecimal, octal, with exponent or
// underscores, "1:30" in base 60): it has no space, and no letter that
// none of them uses. "6 months" and "2026-Q4" are strings.
func numberLike(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || isLetter(c) && !strings.ContainsRune("abcdefxoABCDEFXO", rune(c)) {
			return false
		}
	}
	return true
}

// yaml11Word reports whether s is, in any case, a word that YAML 1.1
// reads as a boolean or null. go-yaml follows YAML 1.2 and reads most of
// them as strings; those fastYAML reads itself are "true", "false" and
// "null" as values, and it leaves the rest to go-yaml rather than depend
// on which version a go-yaml release follows.
func yaml11Word(s string) bool {
	switch strings.ToLower(s) {
	case "true", "false", "null", "yes", "no", "on", "off", "y", "n":
		return true
	}
	return false
}

// isDate reports whether s is a date as "2006-01-02", which go-yaml's
// tree keeps as a string.
func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := range len(s) {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

func blank(s string) bool { return strings.TrimLeft(s, " ") == "" }

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isAlnum(c byte) bool { return isLetter(c) || c >= '0' && c <= '9' }
