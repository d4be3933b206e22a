package markdown

import (
	"errors"
	"strings"
	"testing"
)

func TestLimits(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, src string
		offset    int // -1: within the limits
	}{
		{"lists at the limit", strings.Repeat("- ", MaxNesting) + "x", -1},
		{"lists past the limit", strings.Repeat("- ", MaxNesting+1) + "x", 2 * (MaxNesting + 1)},
		{"quotes past the limit", "text\n" + strings.Repeat(">", MaxNesting+5), 5 + MaxNesting + 1},
		{"ordered and quotes", strings.Repeat("> 1) ", MaxNesting), 5*(MaxNesting/2) + 1},
		{"thematic break", strings.Repeat("- ", 10*MaxNesting), -1},
		{"columns at the limit", strings.Repeat("|", MaxTableColumns), -1},
		{"columns past the limit", "a\n" + strings.Repeat("|", MaxTableColumns+1), 2},
		{"references in groups", strings.Repeat(strings.Repeat("[a]: b\n", MaxReferenceRun)+"\n", 2), -1},
		{"references in a row", strings.Repeat("[a]: b\n", MaxReferenceRun+1), 7 * MaxReferenceRun},
	} {
		_, err := New(Options{}).Convert([]byte(c.src), nil, nil)
		var limit *LimitError
		switch {
		case c.offset < 0 && err != nil:
			t.Errorf("%s: %v, want no error", c.name, err)
		case c.offset >= 0 && (!errors.As(err, &limit) || limit.Offset != c.offset):
			t.Errorf("%s: err = %v (%+v), want a limit error at offset %d", c.name, err, limit, c.offset)
		}
	}
}

// BenchmarkSameHeadings converts a page of 5,000 headings with the same
// text, which took time quadratic in their number to give unique ids.
func BenchmarkSameHeadings(b *testing.B) {
	src := []byte(strings.Repeat("## Same\n", 5000))
	c := New(Options{})
	for b.Loop() {
		if _, err := c.Convert(src, nil, nil); err != nil {
			b.Fatal(err)
		}
	}
}
