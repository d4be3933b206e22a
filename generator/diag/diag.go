// Package diag holds the diagnostics a build reports about its input: a
// position in a content file, a severity and a message. Like go/scanner's
// ErrorList, diagnostics are collected into a List, sorted and reported
// together, so a writer can fix every problem in one run.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Pos is a position in a source file. Line and Col are 1-based; Col counts
// bytes, as go/token does. A zero Line means the position names only a file.
type Pos struct {
	File string // slash-separated path as the user would type it, e.g. "content/updates/x.md"
	Line int
	Col  int
}

// String formats p as file:line:col, leaving out the parts that are unknown.
func (p Pos) String() string {
	switch {
	case p.File == "":
		return "-"
	case p.Line == 0:
		return Printable(p.File)
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", Printable(p.File), p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", Printable(p.File), p.Line, p.Col)
}

// Severity says whether a diagnostic fails the build.
type Severity uint8

const (
	// Error fails the build.
	Error Severity = iota
	// Warning is printed but does not fail the build (unless --strict).
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem found in the input.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Msg      string
}

// String formats d as "file:line:col: message", with "warning: " before the
// message for warnings. It is always one line of printable text: see
// Printable.
func (d Diagnostic) String() string {
	if d.Severity == Warning {
		return d.Pos.String() + ": warning: " + Printable(d.Msg)
	}
	return d.Pos.String() + ": " + Printable(d.Msg)
}

// List collects diagnostics. The zero value is ready to use.
type List []Diagnostic

// Errorf adds an error at pos.
func (l *List) Errorf(pos Pos, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Error, Msg: fmt.Sprintf(format, args...)})
}

// Warnf adds a warning at pos.
func (l *List) Warnf(pos Pos, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
}

// Addf adds a diagnostic of severity s at pos.
func (l *List) Addf(s Severity, pos Pos, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: s, Msg: fmt.Sprintf(format, args...)})
}

// Append adds all of other to l.
func (l *List) Append(other List) { *l = append(*l, other...) }

// Sort orders the list by file, line, column, then message, and removes
// exact duplicates, so the same input always reports the same lines.
func (l List) Sort() List {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
	return slices.Compact(l)
}

// Errors reports how many diagnostics are errors.
func (l List) Errors() int {
	n := 0
	for _, d := range l {
		if d.Severity == Error {
			n++
		}
	}
	return n
}

// Warnings reports how many diagnostics are warnings.
func (l List) Warnings() int { return len(l) - l.Errors() }

// Err returns an error holding the list's errors, or nil when it has none.
func (l List) Err() error {
	if l.Errors() == 0 {
		return nil
	}
	return ErrorList(slices.DeleteFunc(slices.Clone(l), func(d Diagnostic) bool { return d.Severity != Error }))
}

// ErrorList is the error a build returns when its input has errors.
type ErrorList List

func (e ErrorList) Error() string {
	switch len(e) {
	case 0:
		return "no errors"
	case 1:
		return e[0].String()
	}
	var b strings.Builder
	for i, d := range e {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}
