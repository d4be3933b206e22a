package render

import "github.com/handbook/handbook/generator/site"

// personRecord returns p's check-in record shaped like a team's of one,
// so that team and person pages draw the same grid.
func (r *renderer) personRecord(p *site.Person) *site.TeamAccountability {
	s := r.site
	a := s.Accountability(p, s.Now, site.GridWeeks)
	rec := &site.TeamAccountability{Team: p.Team, Cadence: a.Cadence, Location: s.Location(p.Team), People: []site.Accountability{a}, Streak: a.Streak}
	for _, c := range a.Weeks {
		rec.Weeks = append(rec.Weeks, c.Week)
	}
	return rec
}

// teamExtras fills in a team page's check-in record, working hours and
// calendar.
func (r *renderer) teamExtras(v *View, t *site.Team) {
	s := r.site
	rec := s.TeamAccountability(t, s.Now, site.GridWeeks)
	ov := s.Overlap(t, s.Now)
	v.Record, v.Overlap, v.Calendar = &rec, &ov, calendarPath(t.URL)
}
