package search

import "unicode/utf8"

// appendJSON appends f as json.Marshal writes it, byte for byte
// (TestDocFileJSON), without encoding/json's reflection: at 100,000
// documents that was 0.45 s of CPU, and buffers grown twice over for
// 200 MB of allocation.
func (f *docFile) appendJSON(b []byte) []byte {
	b = append(b, `{"t":`...)
	b = appendJSONString(b, f.Title)
	b = append(b, `,"u":`...)
	b = appendJSONString(b, f.URL)
	b = append(b, `,"k":`...)
	b = appendJSONString(b, f.Kind)
	if f.Date != "" {
		b = append(b, `,"d":`...)
		b = appendJSONString(b, f.Date)
	}
	if len(f.Byline) > 0 {
		b = append(b, `,"b":[`...)
		for i, s := range f.Byline {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, s)
		}
		b = append(b, ']')
	}
	b = append(b, `,"s":`...)
	if f.Sections == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, s := range f.Sections {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '[')
			b = appendJSONString(b, s[0])
			b = append(b, ',')
			b = appendJSONString(b, s[1])
			b = append(b, ',')
			b = appendJSONString(b, s[2])
			b = append(b, ']')
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// size is about how many bytes f's JSON takes, to make its buffer once.
func (f *docFile) size() int {
	n := 64 + len(f.Title) + len(f.URL) + len(f.Kind) + len(f.Date)
	for _, s := range f.Byline {
		n += len(s) + 3
	}
	for _, s := range f.Sections {
		n += len(s[0]) + len(s[1]) + len(s[2]) + 16
	}
	return n + n/16 // room for some escapes
}

// appendJSONString appends s as a JSON string, escaped as encoding/json
// escapes it by default: '"' and '\\' and control characters, '<', '>'
// and '&' (for HTML), U+2028 and U+2029, and invalid UTF-8 as U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= ' ' && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
