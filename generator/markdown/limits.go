package markdown

import (
	"bytes"
	"fmt"
)

// Limits on Markdown that goldmark takes time quadratic in the size of to
// convert: a few hundred kilobytes of such input would stall a build for
// minutes. Real documents stay far below them.
const (
	// MaxNesting is how many block quotes and list items one line may
	// open inside each other ("> > - - ...").
	MaxNesting = 100
	// MaxTableColumns bounds the "|" on one line, and so a table's
	// columns.
	MaxTableColumns = 1000
	// MaxReferenceRun bounds link reference definitions ("[id]: url")
	// on consecutive lines, with no blank line between them.
	MaxReferenceRun = 10000
)

// A LimitError reports Markdown beyond one of the limits above.
type LimitError struct {
	Offset int // byte offset in the source where the limit is passed
	Msg    string
}

func (e *LimitError) Error() string { return e.Msg }

// checkLimits returns a *LimitError for the first place src passes a limit.
func checkLimits(src []byte) error {
	refRun := 0
	for off := 0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src) - off
		}
		line := src[off : off+end]
		if depth, at := nesting(line); depth > MaxNesting {
			return &LimitError{Offset: off + at, Msg: fmt.Sprintf("Markdown is nested too deeply: more than %d block quotes and lists inside each other", MaxNesting)}
		}
		if n := bytes.Count(line, []byte("|")); n > MaxTableColumns {
			return &LimitError{Offset: off, Msg: fmt.Sprintf("line has %d \"|\": tables may have at most %d columns", n, MaxTableColumns)}
		}
		if isReference(line) {
			if refRun++; refRun > MaxReferenceRun {
				return &LimitError{Offset: off, Msg: fmt.Sprintf("more than %d link reference definitions in a row; put a blank line between groups of them", MaxReferenceRun)}
			}
		} else {
			refRun = 0
		}
		off += end + 1
	}
	return nil
}

// nesting counts the block quote and list markers that open containers
// at the start of line, and returns the offset past the last one. A
// thematic break ("- - -") opens none.
func nesting(line []byte) (depth, at int) {
	if isThematicBreak(line) {
		return 0, 0
	}
	i := 0
	for {
		j := i
		for n := 0; n < 3 && j < len(line) && line[j] == ' '; n++ {
			j++
		}
		switch {
		case j < len(line) && line[j] == '>':
			j++
		case j+1 < len(line) && (line[j] == '-' || line[j] == '+' || line[j] == '*') && (line[j+1] == ' ' || line[j+1] == '\t'):
			j += 2
		default:
			k := j
			for k < len(line) && k-j < 9 && line[k] >= '0' && line[k] <= '9' {
				k++
			}
			if k == j || k+1 >= len(line) || (line[k] != '.' && line[k] != ')') || (line[k+1] != ' ' && line[k+1] != '\t') {
				return depth, i
			}
			j = k + 2
		}
		depth++
		i = j
		if depth > MaxNesting {
			return depth, i
		}
	}
}

// isThematicBreak reports whether line is three or more of one of "-",
// "*" or "_", with only spaces and tabs around them.
func isThematicBreak(line []byte) bool {
	var mark byte
	n := 0
	for _, b := range line {
		switch {
		case b == ' ' || b == '\t':
		case (b == '-' || b == '*' || b == '_') && (mark == 0 || b == mark):
			mark = b
			n++
		default:
			return false
		}
	}
	return n >= 3
}

// isReference reports whether line starts like a link reference
// definition: up to three spaces, then "[label]:".
func isReference(line []byte) bool {
	line = bytes.TrimLeft(line, " ")
	if len(line) == 0 || line[0] != '[' {
		return false
	}
	end := bytes.IndexByte(line, ']')
	return end > 0 && end+1 < len(line) && line[end+1] == ':'
}
