package render

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/handbook/handbook/generator/site"
)

// funcs returns the functions templates can call. They are documented in
// generator/doc.go.
func (r *renderer) funcs() template.FuncMap {
	return template.FuncMap{
		"link":          r.link,
		"abs":           r.abs,
		"date":          formatDate,
		"isodate":       isoDate,
		"shortdate":     func(t time.Time) string { return t.Format("2 Jan") },
		"relative":      relative,
		"pct":           pct,
		"num":           num,
		"icon":          icon,
		"bar":           bar,
		"sparkline":     sparkline,
		"historychart":  func(o *site.Objective) template.HTML { return historyChart(o, r.site.Now) },
		"initials":      initials,
		"localtime":     localTime,
		"utcoffset":     utcOffset,
		"join":          strings.Join,
		"short":         func(s string) string { return cut(s, shortLen) },
		"describe":      func(s string) string { return cut(s, describeLen) },
		"lower":         strings.ToLower,
		"slug":          site.Slug,
		"title":         func(s string) string { return capitalize(s) },
		"doc":           r.docValue,
		"kind":          func(d *site.Doc) string { return d.Kind.String() },
		"away":          func(p *site.Person, t time.Time) bool { return p.AwayOn(t) },
		"overdue":       func(p *site.Page, now time.Time) bool { return p.Overdue(now) },
		"open":          func(d *site.Decision, now time.Time) bool { return d.Open(now) },
		"window":        r.window,
		"asof":          r.asOf,
		"plural":        plural,
		"statuslabel":   statusLabel,
		"overlapchart":  overlapChart,
		"stretches":     stretchList,
		"weektitle":     digestTitle,
		"weeksummary":   digestSummary,
		"attention":     func(p *site.Person) site.Attention { return r.site.Attention(p, r.site.Now) },
		"latest":        latest,
		"item":          r.item,
		"more":          more,
		"first":         first,
		"recent":        site.Recent,
		"older":         site.Older,
		"digestitems":   func() int { return DigestItems },
		"digestupdates": func() int { return DigestUpdates },
		"last":          last,
		"hasPrefix":     strings.HasPrefix,
		"trimPrefix":    strings.TrimPrefix,
	}
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 Jan 2006")
}

func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339)
}

// relative describes t as seen from now in whole days: "today",
// "tomorrow", "in 6 days", "3 days ago".
func relative(now, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	y1, m1, d1 := now.In(t.Location()).Date()
	y2, m2, d2 := t.Date()
	days := int(math.Round(time.Date(y2, m2, d2, 0, 0, 0, 0, time.UTC).Sub(time.Date(y1, m1, d1, 0, 0, 0, 0, time.UTC)).Hours() / 24))
	switch {
	case days == 0:
		return "today"
	case days == 1:
		return "tomorrow"
	case days == -1:
		return "yesterday"
	case days > 0:
		return fmt.Sprintf("in %d days", days)
	}
	return fmt.Sprintf("%d days ago", -days)
}

func pct(f float64) string { return strconv.Itoa(int(math.Round(f*100))) + "%" }

// num formats a number without needless decimals: 420, 7.9, 0.25.
func num(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[:1])) + string(r[1:])
}

func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		r := []rune(w)
		b.WriteString(strings.ToUpper(string(r[0])))
		if b.Len() >= 2 {
			break
		}
	}
	return b.String()
}

// localTime is the time at now in loc, "14:05".
func localTime(loc *time.Location, now time.Time) string {
	if loc == nil {
		return ""
	}
	return now.In(loc).Format("15:04")
}

// utcOffset is loc's offset from UTC at now, "UTC+05:30", or "UTC". The
// built-in layouts show it where the page script shows the local time
// (.local-time[data-tz]): unlike a time of day, it is still right when
// the page is read, and it changes twice a year, not every minute, so a
// page that shows it is not made again at every build. It is HTML, of
// digits and "UTC+:-" alone, so that html/template does not write the
// plus sign as "&#43;".
func utcOffset(loc *time.Location, now time.Time) template.HTML {
	if loc == nil {
		return ""
	}
	_, off := now.In(loc).Zone()
	if off == 0 {
		return "UTC"
	}
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return template.HTML(fmt.Sprintf("UTC%c%02d:%02d", sign, off/3600, off%3600/60))
}

// window describes a person's current check-in window.
func (r *renderer) window(p *site.Person) string {
	w := r.site.CheckInAt(p, r.site.Now)
	return fmt.Sprintf("%s – %s", w.Start.Format("2 Jan"), w.End.AddDate(0, 0, -1).Format("2 Jan"))
}

// asOf says when the site was built, in the site's time zone, named:
// "Wed 25 Nov 2026, 13:00 Europe/Berlin". Every page that says "as of"
// says it this way, so that the board and the team pages agree.
func (r *renderer) asOf() string {
	loc := r.site.Location(nil)
	return r.site.Now.In(loc).Format("Mon 2 Jan 2006, 15:04") + " " + loc.String()
}

// icon returns a status's icon, so that status never depends on colour
// alone: an empty element whose shape the stylesheet draws (a mask in
// the text's colour, see "Icons" in site.css). Drawing it in CSS keeps
// the shape out of every page that shows a status, which is most of
// them, many times over. Update statuses and decision statuses share it.
func icon(status string) template.HTML {
	return template.HTML(`<i class="ic ic-` + iconName(status) + `"></i>`)
}

// iconName names the shape of a status's icon in site.css: a check in a
// disc, a mark in a triangle, a cross in a square, a bar in a disc, or a
// ring.
func iconName(status string) string {
	switch status {
	case string(site.OnTrack), site.Accepted:
		return "ok"
	case string(site.AtRisk), site.Proposed:
		return "warn"
	case string(site.OffTrack), site.Rejected:
		return "bad"
	case site.Superseded, site.Deprecated:
		return "gone"
	}
	return "none"
}

// bar shows progress as a <progress> element the stylesheet draws: its
// value is an attribute, not an inline style, so a
// Content-Security-Policy without 'unsafe-inline' allows it, and it is a
// tenth of the bytes of a drawn bar.
func bar(frac float64) template.HTML {
	frac = max(0, min(1, frac))
	p := pct(frac)
	return template.HTML(`<progress class="bar" max="100" value="` + strings.TrimSuffix(p, "%") + `">` + p + `</progress>`)
}

// sparkline draws a key result's reported values over time, with the
// target as a dashed line.
func sparkline(kr *site.KeyResult) template.HTML {
	if len(kr.Reports) < 2 {
		return ""
	}
	const w, h, pad = 160.0, 40.0, 4.0
	lo, hi := math.Min(kr.Start, kr.Target), math.Max(kr.Start, kr.Target)
	t0, t1 := kr.Reports[0].Date, kr.Reports[len(kr.Reports)-1].Date
	for _, rep := range kr.Reports {
		lo, hi = math.Min(lo, rep.Value), math.Max(hi, rep.Value)
	}
	if hi == lo {
		hi = lo + 1
	}
	span := t1.Sub(t0).Seconds()
	x := func(t time.Time) float64 {
		if span == 0 {
			return pad
		}
		return pad + (w-2*pad)*t.Sub(t0).Seconds()/span
	}
	y := func(v float64) float64 { return pad + (h-2*pad)*(hi-v)/(hi-lo) }
	var pts []string
	for _, rep := range kr.Reports {
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(rep.Date), y(rep.Value)))
	}
	last := kr.Reports[len(kr.Reports)-1]
	label := fmt.Sprintf("%s: %d reports, from %s to %s %s (target %s)", kr.Title, len(kr.Reports), num(kr.Reports[0].Value), num(last.Value), kr.Unit, num(kr.Target))
	return template.HTML(fmt.Sprintf(`<svg class="spark" viewBox="0 0 %.0f %.0f" width="%.0f" height="%.0f" role="img" aria-label="%s"><line class="spark-target" x1="0" x2="%.0f" y1="%.1f" y2="%.1f"/><polyline class="spark-line" points="%s"/><circle class="spark-dot" cx="%.1f" cy="%.1f" r="2.5"/></svg>`,
		w, h, w, h, html.EscapeString(label), w, y(kr.Target), y(kr.Target), strings.Join(pts, " "), x(last.Date), y(last.Value)))
}

// shortLen is how many characters of a summary a list item shows: about
// a line, so that a list's weight is its length, not its items' prose.
const shortLen = 140

// describeLen is how many characters of a page's summary its meta
// description holds: what search engines show of it.
const describeLen = 160

// cut shortens s to about n characters at a word boundary, with an
// ellipsis: the one-line summary of a list item, a meta description.
func cut(s string, n int) string {
	if len(s) <= n { // bytes: at least as many as characters
		return s
	}
	end, count := len(s), 0
	for i := range s {
		if count == n {
			end = i
			break
		}
		count++
	}
	if end == len(s) {
		return s
	}
	r := s[:end]
	at := strings.LastIndexByte(r, ' ')
	if at < len(r)/2 {
		at = len(r)
	}
	return strings.TrimRight(r[:at], " ,;:.…") + "…"
}
