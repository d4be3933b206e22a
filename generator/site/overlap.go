package site

import (
	"cmp"
	"slices"
	"time"
)

// Stretch is a part of a day, in minutes from its midnight: [From, To).
type Stretch struct {
	From, To int
}

// Minutes returns the stretch's length.
func (s Stretch) Minutes() int { return s.To - s.From }

// Overlap shows when a team's members work on one day, in the team's time
// zone: where there is time for a call, and who only ever hands work over
// in writing.
type Overlap struct {
	Team     *Team
	Location *time.Location
	Day      time.Time // midnight starting the day, in Location
	// Minutes is the day's length: 1440, or 1380 and 1500 on the days the
	// clocks change.
	Minutes int
	// Now is the minute of the day at the build's now.
	Now     int
	People  []WorkingHours // members with working hours, by name
	Unknown []*Person      // members who have not set their hours
	// Everyone is when all of People work; Coverage when any of them
	// does; Gaps when none does.
	Everyone, Coverage, Gaps []Stretch
	// Handoffs are the pairs of People whose hours never meet.
	Handoffs []Handoff
}

// WorkingHours are a person's working hours on the day of an Overlap.
type WorkingHours struct {
	Person   *Person
	Location *time.Location // theirs, or the team's when they set none
	Hours    []Stretch      // in the day's minutes; two stretches when their day crosses midnight
}

// Handoff is a pair of people whose working hours never meet.
type Handoff struct {
	A, B *Person
}

// Clock returns the time of day at minute m of the overlap's day: "14:30",
// and "24:00" at its end. Across a change of clocks the same minute count
// reads differently.
func (o Overlap) Clock(m int) string {
	if m >= o.Minutes {
		return "24:00"
	}
	return o.Day.Add(time.Duration(m) * time.Minute).Format("15:04")
}

// Overlap returns when t's members work on the day of now, in the team's
// time zone.
func (s *Site) Overlap(t *Team, now time.Time) Overlap {
	loc := s.Location(t)
	n := now.In(loc)
	day := time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, loc)
	next := day.AddDate(0, 0, 1)
	o := Overlap{Team: t, Location: loc, Day: day, Minutes: int(next.Sub(day) / time.Minute), Now: int(n.Sub(day) / time.Minute)}
	for _, p := range t.Members {
		if !p.Hours.Set {
			o.Unknown = append(o.Unknown, p)
			continue
		}
		w := WorkingHours{Person: p, Location: p.Location}
		if w.Location == nil {
			w.Location = loc
		}
		w.Hours = workingHours(p.Hours, w.Location, day, next)
		o.People = append(o.People, w)
	}
	for i, w := range o.People {
		if i == 0 {
			o.Everyone = w.Hours
		} else {
			o.Everyone = intersect(o.Everyone, w.Hours)
		}
		o.Coverage = union(o.Coverage, w.Hours)
		for _, v := range o.People[i+1:] {
			if len(intersect(w.Hours, v.Hours)) == 0 {
				o.Handoffs = append(o.Handoffs, Handoff{A: w.Person, B: v.Person})
			}
		}
	}
	o.Gaps = complement(o.Coverage, o.Minutes)
	return o
}

// workingHours places hours, kept in loc, on the day [day, next) of
// another zone. The person's days before and after count too: a day in
// Tokyo begins the evening before in Berlin.
func workingHours(h Hours, loc *time.Location, day, next time.Time) []Stretch {
	y, m, d := day.Date()
	var out []Stretch
	for k := -2; k <= 2; k++ {
		start := time.Date(y, m, d+k, h.Start/60, h.Start%60, 0, 0, loc)
		endDay := d + k
		if h.End <= h.Start {
			endDay++ // hours across midnight end the next day
		}
		end := time.Date(y, m, endDay, h.End/60, h.End%60, 0, 0, loc)
		if start.Before(day) {
			start = day
		}
		if end.After(next) {
			end = next
		}
		if start.Before(end) {
			out = union(out, []Stretch{{From: int(start.Sub(day) / time.Minute), To: int(end.Sub(day) / time.Minute)}})
		}
	}
	return out
}

// union merges two sorted lists of stretches.
func union(a, b []Stretch) []Stretch {
	all := slices.Concat(a, b)
	slices.SortFunc(all, func(x, y Stretch) int { return cmp.Or(cmp.Compare(x.From, y.From), cmp.Compare(x.To, y.To)) })
	var out []Stretch
	for _, s := range all {
		if n := len(out); n > 0 && s.From <= out[n-1].To {
			out[n-1].To = max(out[n-1].To, s.To)
			continue
		}
		out = append(out, s)
	}
	return out
}

// intersect returns the time two sorted lists of stretches share.
func intersect(a, b []Stretch) []Stretch {
	var out []Stretch
	for i, j := 0, 0; i < len(a) && j < len(b); {
		from, to := max(a[i].From, b[j].From), min(a[i].To, b[j].To)
		if from < to {
			out = append(out, Stretch{From: from, To: to})
		}
		if a[i].To < b[j].To {
			i++
		} else {
			j++
		}
	}
	return out
}

// complement returns the parts of [0, total) that a sorted list leaves out.
func complement(a []Stretch, total int) []Stretch {
	var out []Stretch
	at := 0
	for _, s := range a {
		if s.From > at {
			out = append(out, Stretch{From: at, To: s.From})
		}
		at = max(at, s.To)
	}
	if at < total {
		out = append(out, Stretch{From: at, To: total})
	}
	return out
}
