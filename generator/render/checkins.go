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
	// The page shows the first Latest members' rows of the grid and the
	// chart, and links to the members' list: a team's page weighs the
	// same however large the team grows. What the team shares (its
	// streak, the hours when everyone works, the gaps) still counts
	// everyone.
	rec.People = rec.People[:min(len(rec.People), Latest)]
	ov.People = ov.People[:min(len(ov.People), Latest)]
	ov.Handoffs = ov.Handoffs[:min(len(ov.Handoffs), Latest)]
	ov.Unknown = ov.Unknown[:min(len(ov.Unknown), Latest)]
	v.Record, v.Overlap, v.Calendar = &rec, &ov, calendarPath(t.URL)
}
