package content

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/adrg/frontmatter"

	"github.com/handbook/handbook/generator/diag"
)

// source is a content file split into front matter and body.
type source struct {
	file  string // as diagnostics print it
	text  []byte // the whole file, BOM removed, CRLF turned into LF
	body  []byte
	start int // byte offset of body in text
	meta  *mapping
	has   bool // the file has front matter
	// unread is set when the file has front matter that could not be
	// read: unclosed, or with a syntax error.
	unread bool
}

// pos returns the file position of a byte offset in text.
func (s *source) pos(off int) diag.Pos {
	line, col := lineCol(s.text, off)
	return diag.Pos{File: s.file, Line: line, Col: col}
}

type format uint8

const (
	formatYAML format = iota + 1
	formatTOML
	formatJSON
)

// rawMatter is what adrg/frontmatter hands to the unmarshal functions
// below: the delimited bytes, decoded later by a decoder that knows
// positions.
type rawMatter struct {
	format format
	data   []byte
}

func capture(f format) frontmatter.UnmarshalFunc {
	return func(data []byte, v any) error {
		*v.(*rawMatter) = rawMatter{format: f, data: bytes.Clone(data)}
		return nil
	}
}

// formats are the front-matter forms handbook reads: YAML between "---"
// lines (also "---yaml"), TOML between "+++" lines (also "---toml"), and
// JSON between ";;;" lines, after "---json", or as a bare object followed
// by a blank line.
var formats = []*frontmatter.Format{
	frontmatter.NewFormat("---", "---", capture(formatYAML)),
	frontmatter.NewFormat("---yaml", "---", capture(formatYAML)),
	frontmatter.NewFormat("+++", "+++", capture(formatTOML)),
	frontmatter.NewFormat("---toml", "---", capture(formatTOML)),
	frontmatter.NewFormat(";;;", ";;;", capture(formatJSON)),
	frontmatter.NewFormat("---json", "---", capture(formatJSON)),
	{Start: "{", End: "}", Unmarshal: capture(formatJSON), UnmarshalDelims: true, RequiresNewLine: true},
}

// split normalises a file's bytes and separates its front matter. Errors
// in the front matter are reported to diags; the body is still returned
// so that the rest of the file can be checked too.
func split(file string, data []byte, diags *diag.List) *source {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8")
		return &source{file: file, unread: true}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if bytes.IndexByte(data, '\r') >= 0 {
		// Windows line endings, and old Mac ones: positions count lines
		// as an editor shows them.
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	s := &source{file: file, text: data, body: data}
	if !utf8.Valid(data) {
		off := firstInvalidUTF8(data)
		diags.Errorf(s.pos(off), "file is not valid UTF-8 (byte 0x%02x); save it as UTF-8", data[off])
		s.text = bytes.ToValidUTF8(data, []byte("\uFFFD"))
		s.body = s.text
		data = s.text
	}
	if bytes.IndexByte(data, 0) >= 0 {
		off := bytes.IndexByte(data, 0)
		diags.Errorf(s.pos(off), "file contains a NUL byte")
		return s
	}

	// Find the first non-blank line: that is where front matter starts.
	off := 0
	for off < len(data) {
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data) - off
		}
		if len(bytes.TrimSpace(data[off:off+end])) > 0 {
			break
		}
		off += end + 1
	}
	if off >= len(data) {
		return s
	}
	lineEnd := bytes.IndexByte(data[off:], '\n')
	if lineEnd < 0 {
		lineEnd = len(data) - off
	}
	first := strings.TrimSpace(string(data[off : off+lineEnd]))

	var raw rawMatter
	// frontmatter.Parse reads through a bufio.Reader, and takes one it
	// is given rather than making one of 4 KB for every file. It then
	// copies the rest of the file, the body, to return it: the reader
	// ends once the front matter is read, and the body's offset is
	// worked out from the part of it that was buffered. That copy was
	// 2% of what a build allocates.
	fr := &frontReader{data: data, raw: &raw}
	br := readers.Get().(*bufio.Reader)
	br.Reset(fr)
	rest, err := frontmatter.Parse(br, &raw, formats...)
	br.Reset(nil)
	readers.Put(br)
	if err != nil {
		diags.Errorf(s.pos(off), "read front matter: %v", err)
		return s
	}
	if raw.format == 0 {
		switch first {
		case "---", "+++", ";;;", "---yaml", "---toml", "---json":
			end := first
			if strings.HasPrefix(first, "---") {
				end = "---"
			}
			diags.Errorf(s.pos(off), "front matter starting with %q is never closed (want a line %q after it)", first, end)
			s.body, s.unread = nil, true
		}
		return s
	}
	s.has = true
	s.start = fr.off - len(rest)
	s.body = data[s.start:]

	// The front matter's first line: after the delimiter line, except for
	// a bare JSON object, whose "{" is part of the data.
	dataOff := off + lineEnd + 1
	if first == "{" {
		dataOff = off
	}
	dataLine, _ := lineCol(data, dataOff)
	index := newLines(data)
	at := func(line, col int) diag.Pos {
		return index.within(diag.Pos{File: file, Line: dataLine + line - 1, Col: col})
	}
	var m *mapping
	switch raw.format {
	case formatYAML:
		m, err = decodeYAML(raw.data, at)
	case formatTOML:
		m, err = decodeTOML(raw.data, at)
	case formatJSON:
		m, err = decodeJSON(raw.data, at)
	}
	if err != nil {
		if fe, ok := err.(*frontError); ok {
			diags.Errorf(fe.pos, "%s", fe.msg)
		} else {
			diags.Errorf(at(1, 1), "%v", err)
		}
		s.unread = true
		return s
	}
	s.meta = m
	return s
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return 0
}

// frontReader reads data until raw holds the front matter, a few
// hundred bytes at a time: what a bufio.Reader holds past the front
// matter is copied too.
type frontReader struct {
	data []byte
	off  int // bytes read
	raw  *rawMatter
}

func (r *frontReader) Read(b []byte) (int, error) {
	if r.raw.format != 0 || r.off == len(r.data) {
		return 0, io.EOF
	}
	n := copy(b[:min(len(b), 256)], r.data[r.off:])
	r.off += n
	return n, nil
}

// readers holds the buffered readers front matter is parsed through.
var readers = sync.Pool{New: func() any { return bufio.NewReader(nil) }}
