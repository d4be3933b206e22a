package render

import (
	"fmt"
	"html"
	"html/template"
	"strings"
	"time"

	"github.com/handbook/handbook/generator/site"
)

// overlapChart draws a team's working hours on one day as inline SVG: a
// bar per person in the team's time zone, a row for the hours everyone
// shares, shading where nobody works, and a line at now. Sizes are
// attributes and colours come from classes, so the page's
// Content-Security-Policy needs no 'unsafe-inline'.
func overlapChart(o *site.Overlap) template.HTML {
	if o == nil || len(o.People) == 0 {
		return ""
	}
	const (
		width  = 720.0
		left   = 150.0 // room for names
		right  = 710.0
		top    = 24.0 // room for the hour labels
		rowH   = 26.0
		barH   = 14.0
		labelY = 16.0
	)
	rows := len(o.People) + 1
	height := top + rowH*float64(rows) + 8
	x := func(m int) float64 { return left + (right-left)*float64(m)/float64(o.Minutes) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="overlap" viewBox="0 0 %.0f %.0f" width="100%%" role="img" aria-label="%s">`, width, height, html.EscapeString(overlapSummary(o)))

	for _, g := range o.Gaps {
		fmt.Fprintf(&b, `<rect class="ov-gap" x="%.1f" y="%.1f" width="%.1f" height="%.1f"><title>%s</title></rect>`,
			x(g.From), top-4, x(g.To)-x(g.From), rowH*float64(rows)+4, html.EscapeString("Nobody works "+o.Clock(g.From)+"–"+o.Clock(g.To)))
	}
	for _, e := range o.Everyone {
		fmt.Fprintf(&b, `<rect class="ov-shared" x="%.1f" y="%.1f" width="%.1f" height="%.1f"/>`, x(e.From), top-4, x(e.To)-x(e.From), rowH*float64(rows)+4)
	}
	// Hour lines every three hours of the team's clock; on a day the
	// clocks change they are not evenly spaced.
	y, mo, d := o.Day.Date()
	for h := 0; h <= 24; h += 3 {
		m := int(time.Date(y, mo, d, h, 0, 0, 0, o.Location).Sub(o.Day) / time.Minute)
		if h == 24 {
			m = o.Minutes
		}
		fmt.Fprintf(&b, `<line class="ov-tick" x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f"/>`, x(m), x(m), top-4, height-8)
		fmt.Fprintf(&b, `<text class="ov-hour" x="%.1f" y="%.1f" text-anchor="middle">%02d</text>`, x(m), labelY, h)
	}
	row := func(i int, label string, stretches []site.Stretch, class, title string) {
		ry := top + rowH*float64(i)
		fmt.Fprintf(&b, `<text class="ov-name" x="0" y="%.1f">%s</text>`, ry+barH-2, html.EscapeString(label))
		for _, s := range stretches {
			fmt.Fprintf(&b, `<rect class="%s" x="%.1f" y="%.1f" width="%.1f" height="%.0f" rx="3"><title>%s</title></rect>`,
				class, x(s.From), ry+2, x(s.To)-x(s.From), barH, html.EscapeString(title+": "+o.Clock(s.From)+"–"+o.Clock(s.To)))
		}
	}
	for i, w := range o.People {
		row(i, w.Person.Name, w.Hours, "ov-bar", fmt.Sprintf("%s (%s %s)", w.Person.Name, w.Person.Hours, w.Location))
	}
	row(len(o.People), "Everyone", o.Everyone, "ov-all", "Everyone works")
	if o.Now >= 0 && o.Now <= o.Minutes {
		fmt.Fprintf(&b, `<line class="ov-now" x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f"><title>Now, %s</title></line>`, x(o.Now), x(o.Now), top-6, height-6, o.Clock(o.Now))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// overlapSummary says in words what the chart shows.
func overlapSummary(o *site.Overlap) string {
	zone := o.Location.String()
	var parts []string
	if len(o.Everyone) == 0 {
		parts = append(parts, "No time when everyone works")
	} else {
		parts = append(parts, "Everyone works "+stretchList(o, o.Everyone)+" ("+zone+")")
	}
	if len(o.Gaps) > 0 {
		parts = append(parts, "nobody works "+stretchList(o, o.Gaps))
	}
	for _, h := range o.Handoffs {
		parts = append(parts, h.A.Name+" and "+h.B.Name+" never overlap")
	}
	return strings.Join(parts, "; ") + "."
}

func stretchList(o *site.Overlap, ss []site.Stretch) string {
	var out []string
	for _, s := range ss {
		out = append(out, o.Clock(s.From)+"–"+o.Clock(s.To))
	}
	return strings.Join(out, ", ")
}
