package site

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// GridWeeks is how many weeks the check-in grids on team and person pages
// show, the current one included.
const GridWeeks = 12

// maxWindows bounds how far back a streak is counted: ten years of daily
// check-ins. Content without a joined date or updates stops much earlier.
const maxWindows = 10 * 261

// Record says how one check-in window went for a person.
type Record uint8

// The records of a check-in window.
const (
	NotCounted Record = iota // they had not joined, or the team had not started checking in
	Excused                  // away on the day the check-in was due
	OnTime                   // posted by the end of the due day
	Late                     // posted after the due day, inside the window
	Pending                  // nothing posted yet, and the due day is not over
	Missed                   // the due day is over and nothing was posted
)

// String returns the record as readers see it: "on time".
func (r Record) String() string {
	switch r {
	case Excused:
		return "excused"
	case OnTime:
		return "on time"
	case Late:
		return "late"
	case Pending:
		return "due"
	case Missed:
		return "missed"
	}
	return "not counted"
}

// Slug returns the record for class names and JSON: "on-time".
func (r Record) Slug() string { return strings.ReplaceAll(r.String(), " ", "-") }

// Posted reports whether a check-in was posted in the window.
func (r Record) Posted() bool { return r == OnTime || r == Late }

// Counted reports whether the window counts for or against the person.
func (r Record) Counted() bool { return r != NotCounted && r != Excused && r != Pending }

// Window is one check-in window of a person and what they did in it.
// Windows are calendar days of the team's cadence, read in the person's
// own time zone: a check-in written on Friday in Tokyo counts for Friday.
type Window struct {
	Start, End time.Time // [Start, End) in the person's time zone
	// Due is when the check-in was due: midnight after the window's last
	// working day (Friday for weekly and biweekly windows, the day
	// itself for daily ones), in the person's time zone.
	Due    time.Time
	Record Record
	Update *Update // the first update posted in the window
}

// DueDay returns the last working day of the window, the day the
// check-in is due.
func (w Window) DueDay() time.Time { return w.Due.AddDate(0, 0, -1) }

// Accountability is a person's check-in record: their windows over the
// grid's weeks, the weeks as a grid, and their streak.
type Accountability struct {
	Person  *Person
	Cadence Cadence
	Windows []Window   // the windows due in the grid's weeks, oldest first
	Weeks   []WeekCell // the grid, oldest week first
	// Streak counts the windows in a row, up to now, in which they
	// posted; excused windows and the current window while pending
	// neither break nor extend it.
	Streak                        int
	OnTime, Late, Missed, Excused int // over the grid's weeks
}

// WeekCell is one week of a check-in grid.
type WeekCell struct {
	Week    Week
	Start   time.Time // Monday, in the team's time zone
	Windows []Window  // windows due in the week; none for the off week of a biweekly cadence
}

// Record returns the week's worst record, NotCounted when nothing was due.
func (c WeekCell) Record() Record {
	var worst Record
	for _, w := range c.Windows {
		if w.Record > worst {
			worst = w.Record
		}
	}
	return worst
}

// Label describes the week: "on time", "4 on time, 1 late", "nothing due".
func (c WeekCell) Label() string {
	if len(c.Windows) == 0 {
		return "no check-in due"
	}
	if len(c.Windows) == 1 {
		return c.Windows[0].Record.String()
	}
	counts := map[Record]int{}
	for _, w := range c.Windows {
		counts[w.Record]++
	}
	var parts []string
	for _, r := range []Record{OnTime, Late, Missed, Pending, Excused, NotCounted} {
		if counts[r] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[r], r))
		}
	}
	return strings.Join(parts, ", ")
}

// TeamAccountability is a team's check-in record: each member's, and the
// team's streak.
type TeamAccountability struct {
	Team     *Team
	Cadence  Cadence
	Location *time.Location
	Weeks    []Week
	People   []Accountability // members, by name
	// Streak counts the windows in a row, up to now, in which everyone
	// who was due posted. A window in which someone's check-in is still
	// due neither extends nor breaks it.
	Streak int
}

// Counted returns how many of the grid's windows counted: on time, late
// or missed.
func (a Accountability) Counted() int { return a.OnTime + a.Late + a.Missed }

// OnTimeRate returns the share of counted windows posted on time, 0..1;
// 0 when none counted.
func (a Accountability) OnTimeRate() float64 {
	if n := a.Counted(); n > 0 {
		return float64(a.OnTime) / float64(n)
	}
	return 0
}

// checkInClock is the calendar of one person's check-in windows.
type checkInClock struct {
	cadence Cadence
	loc     *time.Location
}

func (s *Site) clock(t *Team) checkInClock {
	return checkInClock{cadence: s.Cadence(t), loc: s.Location(t)}
}

// personClock is p's check-in calendar: their team's cadence, in their
// own time zone, else their team's, else the site's. A check-in is due by
// the end of the due day where its author lives.
func (s *Site) personClock(p *Person) checkInClock {
	c := s.clock(p.Team)
	if p.Location != nil {
		c.loc = p.Location
	}
	return c
}

// PersonLocation returns the time zone p's check-ins are counted in:
// their own, else their team's, else the site's.
func (s *Site) PersonLocation(p *Person) *time.Location { return s.personClock(p).loc }

// same returns the window of c with the same calendar days as w, which
// may be counted in another time zone.
func (c checkInClock) same(w Window) Window {
	return c.window(StartOfDay(Day(w.Start, w.Start.Location()), c.loc))
}

// window returns the window containing t, with its due time.
func (c checkInClock) window(t time.Time) Window {
	start, end := c.cadence.Window(t, c.loc)
	last := start // a daily window is due the day it starts
	if c.cadence != Daily {
		last = end.AddDate(0, 0, -3) // the Friday before the next window's Monday
	}
	return Window{Start: start, End: end, Due: last.AddDate(0, 0, 1)}
}

// prev returns the window before w.
func (c checkInClock) prev(w Window) Window { return c.window(w.Start.Add(-time.Nanosecond)) }

// record fills in what p did in window w, as seen at now. Windows that
// ended before from, the team's first check-in, are not counted: a team
// that starts writing check-ins has not missed the years before. The
// window containing now always counts: a new team is due this week.
// A check-in is missed as soon as its due day is over, not only when the
// window ends; posting on the weekend turns it into a late one.
func record(p *Person, w Window, now, from time.Time) Window {
	loc := w.Start.Location()
	first, due, last := Day(w.Start, loc), Day(w.Due, loc), Day(w.End, loc)
	// The window's check-in is its oldest update of a day in the window.
	// p.Updates is newest first by the moment, but not by Day: a date
	// without a time keeps its calendar day in every zone. A day is
	// within 36 hours of the moment, so only the updates of moments up to
	// two days either side of the window are looked at: a person's record
	// goes back window by window, and a scan of every update for each was
	// quadratic in the updates.
	const margin = 48 * time.Hour
	newest := sort.Search(len(p.Updates), func(i int) bool { return p.Updates[i].Date.Before(last.Add(margin)) })
	oldest := sort.Search(len(p.Updates), func(i int) bool { return p.Updates[i].Date.Before(first.Add(-margin)) })
	for i := oldest - 1; i >= newest; i-- { // oldest first
		u := p.Updates[i]
		if d := Day(u.Date, loc); !d.Before(first) && d.Before(last) {
			w.Update = u
			w.Record = Late
			if d.Before(due) {
				w.Record = OnTime
			}
			return w
		}
	}
	dueDay := due.AddDate(0, 0, -1)
	switch {
	case !p.Joined.IsZero() && Day(p.Joined, loc).After(first):
		w.Record = NotCounted
	case !now.Before(w.End) && (from.IsZero() || !Day(from, loc).Before(last)):
		w.Record = NotCounted
	case awayOnDay(p, dueDay):
		w.Record = Excused
	case now.Before(w.Due):
		w.Record = Pending
	default:
		w.Record = Missed
	}
	return w
}

// awayOnDay reports whether one of p's away periods includes the calendar
// day (midnight UTC, as Day returns it).
func awayOnDay(p *Person, day time.Time) bool {
	for _, a := range p.Away {
		if !day.Before(Day(a.From, a.From.Location())) && !day.After(Day(a.To, a.To.Location())) {
			return true
		}
	}
	return false
}

// firstCheckIn returns the date of the first update of t's members, or
// of p's when t is nil; zero when there is none.
func firstCheckIn(t *Team, p *Person) time.Time {
	people := []*Person{p}
	if t != nil {
		people = t.Members
	}
	var first time.Time
	for _, m := range people {
		if n := len(m.Updates); n > 0 && (first.IsZero() || m.Updates[n-1].Date.Before(first)) {
			first = m.Updates[n-1].Date
		}
	}
	return first
}

// gridWeeks returns the weeks of a grid ending with the week of now.
func gridWeeks(now time.Time, loc *time.Location, n int) []Week {
	weeks := make([]Week, n)
	w := WeekOf(now, loc)
	for i := n - 1; i >= 0; i-- {
		weeks[i] = w
		w = w.Prev()
	}
	return weeks
}

// Accountability returns p's check-in record over the weeks weeks up to
// and including the week of now, in their team's time zone and cadence.
func (s *Site) Accountability(p *Person, now time.Time, weeks int) Accountability {
	c := s.personClock(p)
	return accountability(p, c, now, firstCheckIn(p.Team, p), gridWeeks(now, c.loc, weeks))
}

func accountability(p *Person, c checkInClock, now, from time.Time, weeks []Week) Accountability {
	a := Accountability{Person: p, Cadence: c.cadence}
	first := weeks[0].Start(c.loc)
	cells := map[Week]int{}
	for i, wk := range weeks {
		a.Weeks = append(a.Weeks, WeekCell{Week: wk, Start: wk.Start(c.loc)})
		cells[wk] = i
	}
	streakOpen := true
	w := c.window(now)
	for range maxWindows {
		w = record(p, w, now, from)
		inGrid := !w.DueDay().Before(first)
		if inGrid {
			if i, ok := cells[WeekOfDay(Day(w.DueDay(), c.loc))]; ok {
				a.Weeks[i].Windows = append(a.Weeks[i].Windows, w)
			}
			a.Windows = append(a.Windows, w)
			switch w.Record {
			case OnTime:
				a.OnTime++
			case Late:
				a.Late++
			case Missed:
				a.Missed++
			case Excused:
				a.Excused++
			}
		}
		switch {
		case w.Record.Posted() && streakOpen:
			a.Streak++
		case w.Record == Missed, w.Record == NotCounted:
			streakOpen = false
		}
		if !inGrid && (!streakOpen || from.IsZero() || w.End.Before(from)) {
			break
		}
		w = c.prev(w)
	}
	// Windows were found newest first; they are listed oldest first.
	slices.Reverse(a.Windows)
	for i := range a.Weeks {
		slices.Reverse(a.Weeks[i].Windows)
	}
	return a
}

// TeamAccountability returns the check-in record of t's members over the
// weeks weeks up to and including the week of now.
func (s *Site) TeamAccountability(t *Team, now time.Time, weeks int) TeamAccountability {
	c := s.clock(t)
	ta := TeamAccountability{Team: t, Cadence: c.cadence, Location: c.loc, Weeks: gridWeeks(now, c.loc, weeks)}
	from := firstCheckIn(t, nil)
	clocks := make([]checkInClock, len(t.Members))
	for i, m := range t.Members {
		clocks[i] = s.personClock(m)
		ta.People = append(ta.People, accountability(m, clocks[i], now, from, ta.Weeks))
	}
	if from.IsZero() {
		return ta
	}
	w := c.window(now)
	for range maxWindows {
		if w.End.Before(from) {
			break
		}
		due, posted, pending := 0, 0, false
		for i, m := range t.Members {
			r := record(m, clocks[i].same(w), now, from).Record
			if r.Counted() {
				due++
			}
			if r.Posted() {
				posted++
			}
			pending = pending || r == Pending
		}
		if due > posted {
			break
		}
		// Everyone posted only when nobody's check-in is still due.
		if due > 0 && !pending {
			ta.Streak++
		}
		w = c.prev(w)
	}
	return ta
}
