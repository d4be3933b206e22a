package render

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/handbook/handbook/generator/site"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func objective(period string, changes ...string) *site.Objective {
	p, err := site.ParsePeriod(period, time.UTC)
	if err != nil {
		panic(err)
	}
	o := &site.Objective{Period: p}
	from := ""
	for i := 0; i < len(changes); i += 2 {
		o.Events = append(o.Events, &site.Event{Date: day(changes[i]), Objective: o, From: from, To: changes[i+1]})
		from = changes[i+1]
	}
	return o
}

var (
	segment = regexp.MustCompile(`<rect class="hc-seg hc-([a-z-]+)" x="([0-9.]+)%" y="19" width="([0-9.]+)%"`)
	mark    = regexp.MustCompile(`<svg class="hc-mark hc-([a-z-]+)" x="([0-9.]+)%"`)
	label   = regexp.MustCompile(`<text class="hc-label"[^>]*>([^<]+)</text>`)
)

func TestHistoryChart(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		o        *site.Objective
		now      string
		segments []string // "status x width", percentages
		marks    []string // "status x"
		labels   []string
		aria     string
	}{{
		// 2026-Q4 has 92 days; 1 Oct to 1 Nov is 31 of them.
		name:     "quarter, to now",
		o:        objective("2026-Q4", "2026-10-01", "on-track", "2026-11-01", "at-risk"),
		now:      "2026-11-24",
		segments: []string{"on-track 0.00 33.70", "at-risk 33.70 25.00"},
		marks:    []string{"on-track 0.00", "at-risk 33.70"},
		labels:   []string{"Oct", "Nov", "Dec"},
		aria:     "Status in 2026-Q4, as of 24 Nov 2026: On track from 1 Oct, At risk from 1 Nov.",
	}, {
		name:     "a status set before the period starts at its start",
		o:        objective("2026-Q4", "2026-09-20", "off-track", "2026-11-16", "on-track"),
		now:      "2027-02-01",
		segments: []string{"off-track 0.00 50.00", "on-track 50.00 50.00"},
		marks:    []string{"off-track 0.00", "on-track 50.00"},
		labels:   []string{"Oct", "Nov", "Dec"},
		aria:     "Status in 2026-Q4, as of 1 Feb 2027: Off track from 20 Sep, On track from 16 Nov.",
	}, {
		name:     "a year labels quarters",
		o:        objective("2026", "2026-01-01", "on-track"),
		now:      "2026-12-31",
		segments: []string{"on-track 0.00 99.73"},
		marks:    []string{"on-track 0.00"},
		labels:   []string{"Jan", "Apr", "Jul", "Oct"},
		aria:     "Status in 2026, as of 31 Dec 2026: On track from 1 Jan.",
	}, {
		name:     "a month labels its Mondays",
		o:        objective("2026-11", "2026-11-02", "at-risk"),
		now:      "2026-11-16",
		segments: []string{"at-risk 3.33 46.67"},
		marks:    []string{"at-risk 3.33"},
		labels:   []string{"2 Nov", "9 Nov", "16 Nov", "23 Nov"},
		aria:     "Status in 2026-11, as of 16 Nov 2026: At risk from 2 Nov.",
	}, {
		name: "changes after now are not drawn yet",
		o:    objective("2026-Q4", "2026-12-01", "on-track"),
		now:  "2026-11-24",
	}, {
		name: "no status, no chart",
		o:    objective("2026-Q4"),
		now:  "2026-11-24",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			svg := string(historyChart(tt.o, day(tt.now)))
			if tt.segments == nil {
				if svg != "" {
					t.Errorf("historyChart = %s, want nothing", svg)
				}
				return
			}
			var segs, marks, labels []string
			for _, m := range segment.FindAllStringSubmatch(svg, -1) {
				segs = append(segs, m[1]+" "+m[2]+" "+m[3])
			}
			for _, m := range mark.FindAllStringSubmatch(svg, -1) {
				marks = append(marks, m[1]+" "+m[2])
			}
			for _, m := range label.FindAllStringSubmatch(svg, -1) {
				labels = append(labels, m[1])
			}
			if strings.Join(segs, "; ") != strings.Join(tt.segments, "; ") {
				t.Errorf("segments = %q, want %q", segs, tt.segments)
			}
			if strings.Join(marks, "; ") != strings.Join(tt.marks, "; ") {
				t.Errorf("marks = %q, want %q", marks, tt.marks)
			}
			if strings.Join(labels, " ") != strings.Join(tt.labels, " ") {
				t.Errorf("labels = %q, want %q", labels, tt.labels)
			}
			if !strings.Contains(svg, `role="img" aria-label="`+tt.aria+`"`) {
				t.Errorf("historyChart's label, want %q, in:\n%s", tt.aria, svg)
			}
			if strings.Contains(svg, "style=") {
				t.Errorf("historyChart uses inline styles:\n%s", svg)
			}
		})
	}
}
