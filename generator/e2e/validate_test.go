package e2e

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestHTMLValid runs html-validate over every page of the example site
// with .ci/e2e/htmlvalidate.json: its recommended rules, less three that
// judge style rather than validity (titles longer than 70 characters,
// which are the writers' own; how boolean attributes such as goldmark's
// disabled="" are spelled; ids that start with a digit, which HTML allows
// and headings such as "30-day trial" produce). Any error fails the test.
func TestHTMLValid(t *testing.T) {
	modules := NodeModules(t)
	node := Node(t)
	dir := exampleSite(t)
	cmd := exec.Command(node, filepath.Join(modules, "html-validate", "bin", "html-validate.mjs"),
		"--config", filepath.Join(modules, "..", "htmlvalidate.json"), "--formatter", "json", dir)
	out, err := cmd.Output()
	if _, failed := err.(*exec.ExitError); err != nil && !failed {
		t.Fatalf("run html-validate: %v", err)
	}
	var results []struct {
		FilePath string `json:"filePath"`
		Messages []struct {
			RuleID   string `json:"ruleId"`
			Severity int    `json:"severity"`
			Message  string `json:"message"`
			Line     int    `json:"line"`
			Column   int    `json:"column"`
		} `json:"messages"`
	}
	if err := json.Unmarshal(out, &results); err != nil {
		t.Fatalf("read html-validate's report: %v\n%s", err, out)
	}
	// html-validate lists only files with messages; the count of pages
	// checked is read from the site itself.
	pages, _ := filepath.Glob(filepath.Join(dir, "*", "*", "index.html"))
	if len(pages) < 50 {
		t.Fatalf("the example site has %d pages two levels down, want it whole", len(pages))
	}
	for _, r := range results {
		rel, _ := filepath.Rel(dir, r.FilePath)
		for _, m := range r.Messages {
			if m.Severity >= 2 {
				t.Errorf("%s:%d:%d: %s [%s]", filepath.ToSlash(rel), m.Line, m.Column, strings.TrimSpace(m.Message), m.RuleID)
			}
		}
	}
}
