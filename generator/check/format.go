package check

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/handbook/handbook/generator/diag"
)

// Format is how problems are printed.
type Format uint8

// The formats of handbook check --format.
const (
	Text   Format = iota // path:line:col: message, as the build prints them
	GitHub               // workflow commands that annotate a pull request's diff
	JSON                 // one object for tools
)

// Formats names the formats as --format takes them.
var Formats = []string{"text", "github", "json"}

// ParseFormat parses a --format value.
func ParseFormat(s string) (Format, bool) {
	for i, name := range Formats {
		if s == name {
			return Format(i), true
		}
	}
	return 0, false
}

// Write prints the problems of l in format f.
func Write(w io.Writer, f Format, l diag.List) error {
	switch f {
	case GitHub:
		for _, d := range l {
			if _, err := fmt.Fprintln(w, workflowCommand(d)); err != nil {
				return err
			}
		}
		return nil
	case JSON:
		type item struct {
			File     string `json:"file"`
			Line     int    `json:"line,omitempty"`
			Col      int    `json:"col,omitempty"`
			Severity string `json:"severity"`
			Message  string `json:"message"`
		}
		out := struct {
			Errors      int    `json:"errors"`
			Warnings    int    `json:"warnings"`
			Diagnostics []item `json:"diagnostics"`
		}{Errors: l.Errors(), Warnings: l.Warnings(), Diagnostics: []item{}}
		for _, d := range l {
			out.Diagnostics = append(out.Diagnostics, item{d.Pos.File, d.Pos.Line, d.Pos.Col, d.Severity.String(), d.Msg})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	for _, d := range l {
		if _, err := fmt.Fprintln(w, d); err != nil {
			return err
		}
	}
	return nil
}

// workflowCommand formats d as a GitHub Actions workflow command, which
// the runner turns into an annotation on the file's line in the diff:
//
//	::error file=content/updates/x.md,line=3,col=9::unknown author "bob"
func workflowCommand(d diag.Diagnostic) string {
	var b strings.Builder
	b.WriteString("::")
	b.WriteString(d.Severity.String())
	b.WriteString(" file=")
	b.WriteString(escapeProperty(d.Pos.File))
	if d.Pos.Line > 0 {
		b.WriteString(",line=" + strconv.Itoa(d.Pos.Line))
		if d.Pos.Col > 0 {
			b.WriteString(",col=" + strconv.Itoa(d.Pos.Col))
		}
	}
	b.WriteString(",title=handbook check::")
	b.WriteString(escapeData(d.Msg))
	return b.String()
}

// escapeData escapes a workflow command's message as the runner expects.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
