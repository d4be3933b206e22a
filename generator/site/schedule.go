package site

import "time"

// Schedule is when check-ins are due: the last working day of every
// check-in window, from the first window on.
type Schedule struct {
	Team    *Team   // nil for a person without a team
	Person  *Person // set for one person's schedule
	Cadence Cadence
	// Location is the time zone the windows are counted in.
	Location *time.Location
	// First is the first due day, at midnight in Location: of the window
	// of the team's first check-in (or the person's joining, if later),
	// or of now's window when nobody has checked in yet.
	First time.Time
	// Away lists the due days the person is away, which are excused.
	Away []time.Time
}

// Schedule returns the check-in schedule of team t, or of person p (in
// their own time zone and their team's cadence) when p is set.
func (s *Site) Schedule(t *Team, p *Person, now time.Time) Schedule {
	if p != nil {
		t = p.Team
	}
	c := s.clock(t)
	if p != nil {
		c = s.personClock(p)
	}
	sc := Schedule{Team: t, Person: p, Cadence: c.cadence, Location: c.loc}
	from := firstCheckIn(t, p)
	if from.IsZero() {
		from = now
	}
	if p != nil && p.Joined.After(from) {
		from = p.Joined
	}
	first := c.window(from)
	sc.First = first.DueDay()
	if p == nil {
		return sc
	}
	for _, a := range p.Away {
		w := c.window(a.From)
		for range maxWindows {
			if w.Start.After(a.To) {
				break
			}
			due := w.DueDay()
			if !due.Before(sc.First) && awayOnDay(p, Day(due, c.loc)) {
				sc.Away = append(sc.Away, due)
			}
			w = c.window(w.End)
		}
	}
	return sc
}
