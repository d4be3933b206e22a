package markdown

import (
	"strconv"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// ids generates heading ids the way GitHub does: lower case, letters and
// digits of every script kept ("über-async", "café-rules"), spaces turned
// into hyphens, other punctuation dropped, and "-1", "-2" added to make
// them unique within the page. goldmark's own generator drops non-ASCII
// letters, which would leave headings in most languages without an id.
type ids struct {
	used map[string]bool
	// next is the suffix to try first for an id already used: a page
	// with thousands of headings of the same text would otherwise try
	// every suffix from 1 each time, quadratic in their number.
	next map[string]int
}

func newIDs() *ids { return &ids{used: map[string]bool{}, next: map[string]int{}} }

// Generate implements parser.IDs.
func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	id := HeadingID(string(value))
	if id == "" {
		id = "section"
	}
	if s.used[id] {
		for i := max(1, s.next[id]); ; i++ {
			if c := id + "-" + strconv.Itoa(i); !s.used[c] {
				s.next[id] = i + 1
				id = c
				break
			}
		}
	}
	s.used[id] = true
	return []byte(id)
}

// Put implements parser.IDs.
func (s *ids) Put(value []byte) { s.used[string(value)] = true }

// HeadingID returns the id of a heading with the given text, before it is
// made unique: "Writing a good update" -> "writing-a-good-update".
func HeadingID(text string) string {
	var b []rune
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc):
			b = append(b, unicode.ToLower(r))
		case r == ' ' || r == '-' || r == '_' || r == '\t':
			if r == '_' {
				b = append(b, '_')
			} else {
				b = append(b, '-')
			}
		}
	}
	// Trim leading and trailing hyphens from leading/trailing spaces.
	start, end := 0, len(b)
	for start < end && b[start] == '-' {
		start++
	}
	for end > start && b[end-1] == '-' {
		end--
	}
	return string(b[start:end])
}
