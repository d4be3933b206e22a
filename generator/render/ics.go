package render

import (
	"bytes"
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/handbook/handbook/generator/site"
)

// Calendars are iCalendar files (RFC 5545) of deadlines: proposals'
// respond-by dates, handbook pages' review dates and check-in due days,
// for the whole site (/calendar.ics), each team and each person. They
// depend on the content only, never on the build's clock, so that a
// calendar app sees the same events with the same UIDs and stamps until
// the content changes.

// calendarPath returns the site path of the calendar of the page at dir:
// "/calendar.ics" for "", "/teams/platform/calendar.ics" for a team.
func calendarPath(dir string) string {
	if dir == "" {
		dir = "/"
	}
	return dir + "calendar.ics"
}

// calEvent is one VEVENT: an all-day event on a date.
type calEvent struct {
	uid         string
	stamp       time.Time // when the information last changed, from the content
	day         time.Time // the date; its clock is ignored
	summary     string
	description string
	url         string
	categories  []string
	rrule       string      // for recurring check-ins
	exdates     []time.Time // due days excused
}

// calendars returns every calendar file of the site.
func (r *renderer) calendars() []Output {
	s := r.site
	out := []Output{{Path: strings.TrimPrefix(calendarPath(""), "/"), Data: r.calendar(s.Config.Title+": deadlines", r.calEvents(nil, nil))}}
	for _, t := range s.Teams {
		out = append(out, Output{Path: strings.TrimPrefix(calendarPath(t.URL), "/"), Data: r.calendar(s.Config.Title+": "+t.Name+" deadlines", r.calEvents(t, nil))})
	}
	for _, p := range s.People {
		out = append(out, Output{Path: strings.TrimPrefix(calendarPath(p.URL), "/"), Data: r.calendar(s.Config.Title+": deadlines for "+p.Name, r.calEvents(nil, p))})
	}
	return out
}

// calEvents lists the events of the site's calendar (t and p nil), a
// team's (t) or a person's (p).
func (r *renderer) calEvents(t *site.Team, p *site.Person) []calEvent {
	s := r.site
	var evs []calEvent
	for _, d := range s.Decisions {
		if d.Status != site.Proposed || d.RespondBy.IsZero() {
			continue
		}
		if t != nil && !d.Involves(t) || p != nil && len(d.Roles(p)) == 0 {
			continue
		}
		var desc strings.Builder
		fmt.Fprintf(&desc, "Comments on %q close at the end of this day.", d.Title)
		refLine(&desc, "Decision-makers", d.DecisionMakers)
		refLine(&desc, "Consulted", d.Consulted)
		stamp := latestOf(d.Date, d.Modified)
		for _, e := range d.Events {
			stamp = latestOf(stamp, e.Date)
		}
		evs = append(evs, calEvent{
			uid:         "respond-by." + d.ID,
			stamp:       stamp,
			day:         d.RespondBy,
			summary:     "Respond by: " + strings.TrimSpace(d.NumberString()+" "+d.Title),
			description: desc.String(),
			url:         r.abs(d.URL),
			categories:  append([]string{"Decision"}, d.Tags...),
		})
	}
	for _, pg := range s.Pages {
		if pg.ReviewDue.IsZero() {
			continue
		}
		if t != nil && !pg.Owner.In(t) || p != nil && !pg.Owner.Responsible(p) {
			continue
		}
		desc := fmt.Sprintf("Review the handbook page %q: last reviewed %s, every %s.", pg.Title, pg.Reviewed.Format("2 January 2006"), pg.ReviewEvery)
		if o := pg.Owner.Label(); o != "" {
			desc += "\nOwner: " + o
		}
		evs = append(evs, calEvent{
			uid:         "review." + site.Slug(pg.Path),
			stamp:       latestOf(pg.Reviewed, pg.Modified),
			day:         pg.ReviewDue,
			summary:     "Review: " + pg.Title,
			description: desc,
			url:         r.abs(pg.URL),
			categories:  append([]string{"Handbook review"}, pg.Tags...),
		})
	}
	switch {
	case p != nil:
		evs = append(evs, r.checkInEvent(s.Schedule(nil, p, s.Now)))
	case t != nil:
		evs = append(evs, r.checkInEvent(s.Schedule(t, nil, s.Now)))
	default:
		for _, t := range s.Teams {
			evs = append(evs, r.checkInEvent(s.Schedule(t, nil, s.Now)))
		}
		for _, q := range s.People {
			if q.Team == nil {
				evs = append(evs, r.checkInEvent(s.Schedule(nil, q, s.Now)))
			}
		}
	}
	slices.SortFunc(evs, func(a, b calEvent) int { return cmp.Or(a.day.Compare(b.day), cmp.Compare(a.uid, b.uid)) })
	return evs
}

// checkInEvent is a recurring all-day event on each check-in due day.
func (r *renderer) checkInEvent(sc site.Schedule) calEvent {
	e := calEvent{day: sc.First, categories: []string{"Check-in"}, exdates: sc.Away}
	// UIDs join ids with dots, which ids (slugs) never contain.
	var who, page string
	var stamp time.Time
	var ids []string
	if t := sc.Team; t != nil {
		ids = append(ids, t.ID)
		who, page, stamp = t.Name, t.URL, t.Modified
	}
	if p := sc.Person; p != nil {
		ids = append(ids, p.ID)
		if who == "" {
			who = p.Name
		}
		page, stamp = p.URL, latestOf(stamp, p.Modified)
	}
	e.uid = "checkin." + strings.Join(ids, ".")
	e.stamp = latestOf(stamp, sc.First)
	e.summary = "Check-in due (" + who + ")"
	e.description = fmt.Sprintf("Post your %s check-in by the end of this day, %s time.", sc.Cadence, sc.Location)
	if len(sc.Away) > 0 {
		e.description += " Days away are left out."
	}
	e.url = r.abs(page)
	switch sc.Cadence {
	case site.Daily:
		e.rrule = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
	case site.Biweekly:
		e.rrule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR"
	default:
		e.rrule = "FREQ=WEEKLY;BYDAY=FR"
	}
	return e
}

func refLine(b *strings.Builder, label string, refs []site.Ref) {
	if len(refs) == 0 {
		return
	}
	var names []string
	for _, r := range refs {
		names = append(names, r.Label())
	}
	fmt.Fprintf(b, "\n%s: %s", label, strings.Join(names, ", "))
}

func latestOf(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// calendar encodes events as an iCalendar file.
func (r *renderer) calendar(name string, evs []calEvent) []byte {
	host := "handbook.invalid"
	if u, err := url.Parse(r.site.Config.BaseURL); err == nil && u.Hostname() != "" {
		host = u.Hostname()
	}
	var w icsWriter
	w.line("BEGIN", "VCALENDAR")
	w.line("VERSION", "2.0")
	w.line("PRODID", "-//handbook//handbook//EN")
	w.line("CALSCALE", "GREGORIAN")
	w.line("METHOD", "PUBLISH")
	w.text("NAME", name)
	w.text("X-WR-CALNAME", name)
	w.line("REFRESH-INTERVAL;VALUE=DURATION", "PT12H")
	w.line("X-PUBLISHED-TTL", "PT12H")
	for _, e := range evs {
		w.line("BEGIN", "VEVENT")
		w.text("UID", e.uid+"@"+host)
		stamp := e.stamp
		if stamp.IsZero() {
			stamp = e.day
		}
		w.line("DTSTAMP", stamp.UTC().Format("20060102T150405Z"))
		w.line("DTSTART;VALUE=DATE", icsDate(e.day))
		w.line("DTEND;VALUE=DATE", icsDate(e.day.AddDate(0, 0, 1)))
		if e.rrule != "" {
			w.line("RRULE", e.rrule)
		}
		if len(e.exdates) > 0 {
			w.line("EXDATE;VALUE=DATE", joinEach(e.exdates, icsDate))
		}
		w.text("SUMMARY", e.summary)
		w.text("DESCRIPTION", e.description+"\n"+e.url)
		w.line("URL;VALUE=URI", e.url)
		if len(e.categories) > 0 {
			w.line("CATEGORIES", joinEach(e.categories, escapeText))
		}
		w.line("TRANSP", "TRANSPARENT")
		w.line("END", "VEVENT")
	}
	w.line("END", "VCALENDAR")
	return w.b.Bytes()
}

// joinEach joins the values of a list-valued property, each formatted by f.
func joinEach[T any](xs []T, f func(T) string) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = f(x)
	}
	return strings.Join(parts, ",")
}

// icsDate formats the calendar date of t (in its own zone) as a DATE value.
func icsDate(t time.Time) string { return t.Format("20060102") }

// icsWriter writes content lines: CRLF line ends, and lines longer than
// 75 octets folded with CRLF and a space, never inside a UTF-8 sequence.
type icsWriter struct {
	b bytes.Buffer
}

func (w *icsWriter) line(name, value string) {
	w.b.WriteString(fold(name + ":" + value))
	w.b.WriteString("\r\n")
}

// text writes a TEXT property, escaped.
func (w *icsWriter) text(name, value string) { w.line(name, escapeText(value)) }

// escapeText escapes a TEXT value: backslash, semicolon, comma and line
// breaks; other control characters are dropped.
func escapeText(s string) string {
	var b strings.Builder
	for _, r := range site.CleanText(s) {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case ';':
			b.WriteString(`\;`)
		case ',':
			b.WriteString(`\,`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fold splits a content line into lines of at most 75 octets; each
// continuation starts with a space, which counts towards its 75.
func fold(line string) string {
	const limit = 75
	if len(line) <= limit {
		return line
	}
	var b strings.Builder
	width := limit
	for len(line) > width {
		cut := width
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		width = limit - 1
	}
	b.WriteString(line)
	return b.String()
}
