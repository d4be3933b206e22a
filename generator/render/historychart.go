package render

import (
	"fmt"
	"html"
	"html/template"
	"slices"
	"strings"
	"time"

	"github.com/handbook/handbook/generator/site"
)

// historyChart draws an objective's status over its period as inline SVG:
// a band coloured by status from each change to the next, the status's
// icon where it changed, the months (or, in a short period, the weeks)
// below, and what is still to come left blank. Horizontal positions are
// percentages and heights pixels, so the chart fills any width with text
// at its real size. It is drawn only once some status is known.
func historyChart(o *site.Objective, now time.Time) template.HTML {
	start, end := o.Period.Start, o.Period.End
	if !end.After(start) {
		return ""
	}
	var events []*site.Event
	for _, e := range o.Events {
		if !e.Date.After(now) && e.Date.Before(end) {
			events = append(events, e)
		}
	}
	if len(events) == 0 {
		return ""
	}
	span := end.Sub(start).Seconds()
	x := func(t time.Time) float64 {
		f := t.Sub(start).Seconds() / span
		return 100 * max(0, min(1, f))
	}
	at := func(f float64) string { return fmt.Sprintf("%.2f%%", f) }
	const (
		iconY, iconSize    = 1.0, 14.0
		bandY, bandH       = 19.0, 12.0
		tickY2, labelY     = 38.0, 52.0
		height             = 58.0
		bandBottom         = bandY + bandH
		shortPeriodInDays  = 45
		quarterLabelMonths = 6
	)

	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="history-chart" width="100%%" height="%.0f" role="img" aria-label="%s">`, height, html.EscapeString(historySummary(o, events, now)))
	// The track: the whole period, with what is past filled in below.
	fmt.Fprintf(&b, `<rect class="hc-track" x="0" y="%.0f" width="100%%" height="%.0f" rx="3"/>`, bandY, bandH)
	for i, e := range events {
		to := end
		if now.Before(end) {
			to = now
		}
		if i+1 < len(events) {
			to = events[i+1].Date
		}
		x0, x1 := x(e.Date), x(to)
		if x1 <= x0 {
			continue
		}
		fmt.Fprintf(&b, `<rect class="hc-seg hc-%s" x="%s" y="%.0f" width="%s" height="%.0f"><title>%s</title></rect>`,
			site.Slug(e.To), at(x0), bandY, at(x1-x0), bandH,
			html.EscapeString(fmt.Sprintf("%s from %s to %s", statusLabel(e.To), e.Date.Format("2 Jan"), to.Format("2 Jan 2006"))))
	}
	// Ticks and labels: months, or the weeks' Mondays in a short period.
	var ticks []time.Time
	var label func(time.Time) string
	loc := start.Location()
	if end.Sub(start) <= shortPeriodInDays*24*time.Hour {
		d := time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, loc)
		for d.Weekday() != time.Monday {
			d = d.AddDate(0, 0, 1)
		}
		for ; d.Before(end); d = d.AddDate(0, 0, 7) {
			ticks = append(ticks, d)
		}
		label = func(t time.Time) string { return t.Format("2 Jan") }
	} else {
		months := 0
		for m := time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, loc); m.Before(end); m = m.AddDate(0, 1, 0) {
			if !m.Before(start) {
				ticks = append(ticks, m)
			}
			months++
		}
		label = func(t time.Time) string {
			if months > quarterLabelMonths && (t.Month()-1)%3 != 0 {
				return ""
			}
			return t.Format("Jan")
		}
	}
	for _, t := range ticks {
		fmt.Fprintf(&b, `<line class="hc-tick" x1="%s" x2="%s" y1="%.0f" y2="%.0f"/>`, at(x(t)), at(x(t)), bandBottom, tickY2)
		if l := label(t); l != "" && x(t) < 95 {
			fmt.Fprintf(&b, `<text class="hc-label" x="%s" dx="4" y="%.0f">%s</text>`, at(x(t)), labelY, l)
		}
	}
	if now.After(start) && now.Before(end) {
		fmt.Fprintf(&b, `<line class="hc-now" x1="%s" x2="%s" y1="%.0f" y2="%.0f"><title>Today, %s</title></line>`,
			at(x(now)), at(x(now)), bandY-3, bandBottom+3, now.Format("2 Jan 2006"))
	}
	// The icons last, over the ticks: each centred on its change, or
	// inside the chart at its ends. Each shape is drawn once, as a
	// symbol, and each change uses it: a chart's weight grows by a line
	// per change, not a drawing.
	var shapes []string
	for _, e := range events {
		if n := iconName(e.To); !slices.Contains(shapes, n) {
			shapes = append(shapes, n)
		}
	}
	b.WriteString(`<defs>`)
	for _, n := range shapes {
		fmt.Fprintf(&b, `<symbol id="hc-i-%s" viewBox="0 0 16 16"><g fill="currentColor">%s</g></symbol>`, n, iconShape(n))
	}
	b.WriteString(`</defs>`)
	for _, e := range events {
		shift := -iconSize / 2
		switch xe := x(e.Date); {
		case xe == 0:
			shift = 0
		case xe == 100:
			shift = -iconSize
		}
		fmt.Fprintf(&b, `<svg class="hc-mark hc-%s" x="%s" y="%.0f" width="%.0f" height="%.0f" overflow="visible"><use href="#hc-i-%s" x="%.0f" width="%.0f" height="%.0f"/></svg>`,
			site.Slug(e.To), at(x(e.Date)), iconY, iconSize, iconSize, iconName(e.To), shift, iconSize, iconSize)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// historySummary says in words what the chart shows: "Status in 2026-Q4:
// On track from 1 Oct, At risk from 29 Oct, ...".
func historySummary(o *site.Objective, events []*site.Event, now time.Time) string {
	parts := make([]string, len(events))
	for i, e := range events {
		parts[i] = statusLabel(e.To) + " from " + e.Date.Format("2 Jan")
	}
	return fmt.Sprintf("Status in %s, as of %s: %s.", o.Period.Name, now.Format("2 Jan 2006"), strings.Join(parts, ", "))
}

// iconShape draws the icon named name (see iconName) in a 16 by 16 box,
// for the history chart, where CSS masks do not reach: the shapes of
// site.css's icons. The marks inside are drawn in the background's colour
// by the class ic-mark, so they show in both themes.
func iconShape(name string) string {
	switch name {
	case "ok":
		return `<circle cx="8" cy="8" r="7"/><path class="ic-mark" d="M4.5 8.2l2.3 2.3 4.7-4.8" fill="none" stroke-width="1.8"/>`
	case "warn":
		return `<path d="M8 1l7 13H1z"/><path class="ic-mark" d="M8 6v3.5M8 11.2v.6" stroke-width="1.8"/>`
	case "bad":
		return `<rect x="1" y="1" width="14" height="14" rx="3"/><path class="ic-mark" d="M5 5l6 6M11 5l-6 6" stroke-width="1.8"/>`
	case "gone":
		return `<circle cx="8" cy="8" r="7"/><path class="ic-mark" d="M4.5 8h7" stroke-width="1.8"/>`
	}
	return `<circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="2"/>`
}
