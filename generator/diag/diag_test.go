package diag

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestPosString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pos  Pos
		want string
	}{
		{Pos{}, "-"},
		{Pos{Line: 3, Col: 4}, "-"}, // no file: nothing to point at
		{Pos{File: "content/site.toml"}, "content/site.toml"},
		{Pos{File: "content/site.toml", Col: 9}, "content/site.toml"}, // a column without a line means nothing
		{Pos{File: "content/updates/x.md", Line: 4}, "content/updates/x.md:4"},
		{Pos{File: "content/updates/x.md", Line: 4, Col: 7}, "content/updates/x.md:4:7"},
		{Pos{File: "--base-url"}, "--base-url"},
	}
	for _, tt := range tests {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.pos, got, tt.want)
		}
	}
}

func TestSeverityString(t *testing.T) {
	t.Parallel()
	if got := Error.String(); got != "error" {
		t.Errorf("Error.String() = %q, want %q", got, "error")
	}
	if got := Warning.String(); got != "warning" {
		t.Errorf("Warning.String() = %q, want %q", got, "warning")
	}
}

func TestDiagnosticString(t *testing.T) {
	t.Parallel()
	pos := Pos{File: "content/decisions/0007-x.md", Line: 4, Col: 9}
	tests := []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{Pos: pos, Severity: Error, Msg: `unknown status "aproved"`}, `content/decisions/0007-x.md:4:9: unknown status "aproved"`},
		{Diagnostic{Pos: pos, Severity: Warning, Msg: "link to missing file x.md"}, "content/decisions/0007-x.md:4:9: warning: link to missing file x.md"},
		{Diagnostic{Pos: Pos{File: "content/x.md"}, Severity: Warning, Msg: "m"}, "content/x.md: warning: m"},
		{Diagnostic{Severity: Error, Msg: "m"}, "-: m"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestListAdd(t *testing.T) {
	t.Parallel()
	var l List // the zero value is ready to use
	pos := Pos{File: "a.md", Line: 2, Col: 3}
	l.Errorf(pos, "bad %s %q", "value", "x")
	l.Warnf(pos, "odd %d", 7)
	var other List
	other.Errorf(Pos{File: "b.md"}, "other")
	l.Append(other)
	l.Append(nil)

	want := List{
		{Pos: pos, Severity: Error, Msg: `bad value "x"`},
		{Pos: pos, Severity: Warning, Msg: "odd 7"},
		{Pos: Pos{File: "b.md"}, Severity: Error, Msg: "other"},
	}
	if !slices.Equal(l, want) {
		t.Errorf("list = %v, want %v", l, want)
	}
}

func TestListSort(t *testing.T) {
	t.Parallel()
	d := func(file string, line, col int, sev Severity, msg string) Diagnostic {
		return Diagnostic{Pos: Pos{File: file, Line: line, Col: col}, Severity: sev, Msg: msg}
	}
	tests := []struct {
		name string
		in   List
		want List
	}{
		{
			name: "empty",
			in:   nil,
			want: nil,
		},
		{
			name: "by file, then line, then column",
			in: List{
				d("b.md", 1, 1, Error, "m"),
				d("a.md", 10, 1, Error, "m"),
				d("a.md", 2, 5, Error, "m"),
				d("a.md", 2, 1, Error, "m"),
			},
			want: List{
				d("a.md", 2, 1, Error, "m"),
				d("a.md", 2, 5, Error, "m"),
				d("a.md", 10, 1, Error, "m"), // numeric, not "10" < "2"
				d("b.md", 1, 1, Error, "m"),
			},
		},
		{
			name: "same position: errors before warnings, then by message",
			in: List{
				d("a.md", 1, 1, Warning, "a"),
				d("a.md", 1, 1, Error, "z"),
				d("a.md", 1, 1, Error, "b"),
			},
			want: List{
				d("a.md", 1, 1, Error, "b"),
				d("a.md", 1, 1, Error, "z"),
				d("a.md", 1, 1, Warning, "a"),
			},
		},
		{
			name: "a file-only position sorts before the file's lines",
			in: List{
				d("a.md", 3, 1, Error, "m"),
				d("a.md", 0, 0, Error, "m"),
			},
			want: List{
				d("a.md", 0, 0, Error, "m"),
				d("a.md", 3, 1, Error, "m"),
			},
		},
		{
			name: "exact duplicates removed, even when not adjacent",
			in: List{
				d("a.md", 1, 1, Error, "dup"),
				d("b.md", 1, 1, Error, "other"),
				d("a.md", 1, 1, Error, "dup"),
				d("a.md", 1, 1, Error, "dup"),
			},
			want: List{
				d("a.md", 1, 1, Error, "dup"),
				d("b.md", 1, 1, Error, "other"),
			},
		},
		{
			name: "same message as error and warning is kept twice",
			in: List{
				d("a.md", 1, 1, Warning, "m"),
				d("a.md", 1, 1, Error, "m"),
			},
			want: List{
				d("a.md", 1, 1, Error, "m"),
				d("a.md", 1, 1, Warning, "m"),
			},
		},
		{
			name: "same message at other columns is kept",
			in: List{
				d("a.md", 1, 2, Error, "m"),
				d("a.md", 1, 1, Error, "m"),
			},
			want: List{
				d("a.md", 1, 1, Error, "m"),
				d("a.md", 1, 2, Error, "m"),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := slices.Clone(tt.in).Sort()
			if !slices.Equal(got, tt.want) {
				t.Errorf("Sort(%v) =\n%v\nwant\n%v", tt.in, got, tt.want)
			}
		})
	}
}

func TestListSortDeterministic(t *testing.T) {
	t.Parallel()
	// The same diagnostics in any order sort to the same list.
	base := List{}
	for i := range 6 {
		base.Errorf(Pos{File: fmt.Sprintf("f%d.md", i%3), Line: i % 2, Col: i}, "m%d", i%2)
		base.Warnf(Pos{File: fmt.Sprintf("f%d.md", i%3), Line: i % 2, Col: i}, "m%d", i%2)
	}
	want := slices.Clone(base).Sort()
	rev := slices.Clone(base)
	slices.Reverse(rev)
	if got := rev.Sort(); !slices.Equal(got, want) {
		t.Errorf("Sort of reversed list =\n%v\nwant\n%v", got, want)
	}
}

func TestListCounts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name             string
		list             List
		errors, warnings int
	}{
		{"empty", nil, 0, 0},
		{"errors only", List{{Severity: Error}, {Severity: Error}}, 2, 0},
		{"warnings only", List{{Severity: Warning}}, 0, 1},
		{"mixed", List{{Severity: Warning}, {Severity: Error}, {Severity: Warning}}, 1, 2},
	}
	for _, tt := range tests {
		if got := tt.list.Errors(); got != tt.errors {
			t.Errorf("%s: Errors() = %d, want %d", tt.name, got, tt.errors)
		}
		if got := tt.list.Warnings(); got != tt.warnings {
			t.Errorf("%s: Warnings() = %d, want %d", tt.name, got, tt.warnings)
		}
	}
}

func TestListErr(t *testing.T) {
	t.Parallel()
	var l List
	if err := l.Err(); err != nil {
		t.Errorf("empty List.Err() = %v, want nil", err)
	}
	l.Warnf(Pos{File: "a.md", Line: 1, Col: 1}, "just a warning")
	if err := l.Err(); err != nil {
		t.Errorf("List.Err() with only warnings = %v, want nil", err)
	}

	l.Errorf(Pos{File: "a.md", Line: 2, Col: 3}, "first")
	l.Warnf(Pos{File: "b.md"}, "another warning")
	l.Errorf(Pos{File: "b.md", Line: 5}, "second")
	before := slices.Clone(l)

	err := l.Err()
	if err == nil {
		t.Fatal("List.Err() = nil, want the errors")
	}
	var el ErrorList
	if !errors.As(err, &el) {
		t.Fatalf("List.Err() = %T, want ErrorList", err)
	}
	if len(el) != 2 || el[0].Msg != "first" || el[1].Msg != "second" {
		t.Errorf("ErrorList = %v, want the two errors in order", el)
	}
	want := "a.md:2:3: first\nb.md:5: second"
	if got := err.Error(); got != want {
		t.Errorf("List.Err().Error() = %q, want %q", got, want)
	}
	if strings.Contains(err.Error(), "warning") {
		t.Errorf("List.Err().Error() = %q, holds warnings", err.Error())
	}
	if !slices.Equal(l, before) {
		t.Errorf("List.Err() changed the list: %v, was %v", l, before)
	}
}

func TestErrorListError(t *testing.T) {
	t.Parallel()
	one := Diagnostic{Pos: Pos{File: "a.md", Line: 1, Col: 2}, Msg: "bad"}
	tests := []struct {
		list ErrorList
		want string
	}{
		{nil, "no errors"},
		{ErrorList{one}, "a.md:1:2: bad"},
		{ErrorList{one, one}, "a.md:1:2: bad\na.md:1:2: bad"},
	}
	for _, tt := range tests {
		if got := tt.list.Error(); got != tt.want {
			t.Errorf("ErrorList(%v).Error() = %q, want %q", []Diagnostic(tt.list), got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	t.Parallel()
	statuses := []string{"proposed", "accepted", "rejected", "deprecated", "superseded"}
	cadences := []string{"daily", "weekly", "biweekly"}
	people := []string{"ana", "chloe", "jordan", "kofi", "lukas", "mei", "priya"}
	tests := []struct {
		word    string
		options []string
		want    string
	}{
		// Typos find the option.
		{"aproved", []string{"approved", "rejected"}, ` (did you mean "approved"?)`},
		{"acepted", statuses, ` (did you mean "accepted"?)`},
		{"acceptd", statuses, ` (did you mean "accepted"?)`},
		{"superseeded", statuses, ` (did you mean "superseded"?)`},
		{"wekly", cadences, ` (did you mean "weekly"?)`},
		{"biweekley", cadences, ` (did you mean "biweekly"?)`},
		{"dayly", cadences, ` (did you mean "daily"?)`},
		{"anna", people, ` (did you mean "ana"?)`},
		{"lucas", people, ` (did you mean "lukas"?)`},
		{"priay", []string{"priya"}, ` (did you mean "priya"?)`}, // a swap is one edit
		// Case is ignored, and the option is named as written.
		{"WEEKLY", cadences, ` (did you mean "weekly"?)`},
		{"Accepted", []string{"Accepted"}, ` (did you mean "Accepted"?)`},
		// Non-ASCII words count runes, not bytes.
		{"zoë", []string{"zoe"}, ` (did you mean "zoe"?)`},
		{"über", []string{"uber"}, ` (did you mean "uber"?)`},
		// Unrelated words are not suggested.
		{"sometimes", cadences, ""},
		{"banana", statuses, ""},
		{"nope", []string{"core", "platform"}, ""},
		{"xyz", people, ""},
		{"monthly", cadences, ""},
		// Nothing to suggest from.
		{"anything", nil, ""},
		{"", nil, ""},
	}
	for _, tt := range tests {
		if got := Suggest(tt.word, tt.options); got != tt.want {
			t.Errorf("Suggest(%q, %q) = %q, want %q", tt.word, tt.options, got, tt.want)
		}
	}
}

func TestSuggestPicksClosest(t *testing.T) {
	t.Parallel()
	// "rejected" is one edit from "rejectd", "deprecated" is further.
	got := Suggest("rejectd", []string{"deprecated", "rejected", "accepted"})
	if want := ` (did you mean "rejected"?)`; got != want {
		t.Errorf("Suggest(%q) = %q, want %q", "rejectd", got, want)
	}
	// The order of options does not change the answer when one is closer.
	got = Suggest("rejectd", []string{"accepted", "rejected", "deprecated"})
	if want := ` (did you mean "rejected"?)`; got != want {
		t.Errorf("Suggest(%q) with options reordered = %q, want %q", "rejectd", got, want)
	}
}

func TestDistance(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"a", "", 1},
		{"", "abc", 3},
		{"kitten", "sitting", 3},
		{"weekly", "wekly", 1},
		{"ab", "ba", 1},   // a swap is one edit
		{"zoë", "zoe", 1}, // one rune, two bytes
		{"日本", "日本語", 1},
	}
	for _, tt := range tests {
		if got := distance(tt.a, tt.b); got != tt.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := distance(tt.b, tt.a); got != tt.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestPrintable(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{"content/handbook/a b.md", "content/handbook/a b.md"},
		{"Ünïcode ✓", "Ünïcode ✓"},
		{"a\nb", `a\nb`},
		{"tab\there", `tab\there`},
		{"\x1b[31mred", `\x1b[31mred`},
		{"rtl\u202eevil", `rtl\u202eevil`},
		{"isolate\u2066x\u2069", `isolate\u2066x\u2069`},
		{"c1\u0085", `c1\u0085`},
		{"bad\xffbyte", `bad\xffbyte`},
	} {
		if got := Printable(c.in); got != c.want {
			t.Errorf("Printable(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	d := Diagnostic{Pos: Pos{File: "content/x\n.md", Line: 1, Col: 2}, Msg: "link \x1b]8;;evil"}
	if got, want := d.String(), `content/x\n.md:1:2: link \x1b]8;;evil`; got != want {
		t.Errorf("Diagnostic.String() = %q, want %q", got, want)
	}
}
