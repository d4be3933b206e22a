package site

import (
	"cmp"
	"slices"
	"time"
)

// Digest is what happened in one ISO week, site-wide or in one team: what
// a reader needs to catch up on Monday.
type Digest struct {
	Week       Week
	Start, End time.Time // Monday to Monday, in the time zone the week is counted in
	Team       *Team     // nil for the whole site
	// Complete is true when the week had ended at the build's now.
	Complete bool

	Updates    []*Update  // oldest first
	Decided    []*Event   // decisions that reached a status other than proposed
	Opened     []*Event   // decisions proposed
	Objectives []*Event   // objective status changes
	Movements  []Movement // key results with values reported in the week
	NewPages   []*Page    // handbook pages created in the week
	Reviewed   []*Page    // handbook pages reviewed in the week
	Blockers   []Blocker  // blockers in the week's updates
}

// Len returns how many items the digest has.
func (d *Digest) Len() int {
	return len(d.Updates) + len(d.Decided) + len(d.Opened) + len(d.Objectives) + len(d.Movements) + len(d.NewPages) + len(d.Reviewed)
}

// URL returns the digest's site path: "/digest/2026-W47/", or
// "/teams/platform/digest/2026-W47/" for a team.
func (d *Digest) URL() string { return DigestURL(d.Team, d.Week) }

// DigestURL returns the site path of the digests of t (nil for the whole
// site), or of one week when w is set.
func DigestURL(t *Team, w Week) string {
	p := "/digest/"
	if t != nil {
		p = t.URL + "digest/"
	}
	if w != (Week{}) {
		p += w.String() + "/"
	}
	return p
}

// Movement is a key result's change over a week.
type Movement struct {
	Objective *Objective
	KeyResult *KeyResult
	// From is the value before the week (the start value when nothing was
	// reported before); To is the last value reported in the week.
	From, To float64
	Reports  []Report // the week's reports, oldest first
}

// Progress returns the key result's progress before and after the week.
func (m Movement) Progress() (from, to float64) {
	kr := m.KeyResult
	return Fraction(kr.Start, kr.Target, m.From), Fraction(kr.Start, kr.Target, m.To)
}

// Digests returns the weekly digests of t (nil for the whole site), one
// for each week up to the week of now that has anything in it, newest
// first. Weeks are counted in the team's time zone, or the site's.
func (s *Site) Digests(t *Team, now time.Time) []*Digest {
	loc := s.Config.Timezone
	if t != nil {
		loc = s.Location(t)
	}
	if loc == nil {
		loc = time.UTC
	}
	current := WeekOf(now, loc)
	byWeek := map[Week]*Digest{}
	at := func(date time.Time) *Digest {
		if date.IsZero() || date.After(now) {
			return nil
		}
		w := WeekOfDay(Day(date, loc))
		if current.Before(w) {
			return nil
		}
		d := byWeek[w]
		if d == nil {
			d = &Digest{Week: w, Start: w.Start(loc), End: w.End(loc), Team: t}
			d.Complete = !now.Before(d.End)
			byWeek[w] = d
		}
		return d
	}

	updates := slices.Clone(s.Updates)
	slices.Reverse(updates) // oldest first
	for _, u := range updates {
		if t != nil && u.Team != t {
			continue
		}
		if d := at(u.Date); d != nil {
			d.Updates = append(d.Updates, u)
			d.Blockers = append(d.Blockers, u.Blocked...)
		}
	}

	for i := len(s.Events) - 1; i >= 0; i-- { // oldest first
		e := s.Events[i]
		switch {
		case e.Decision != nil && (t == nil || e.Decision.Involves(t)):
			if d := at(e.Date); d != nil {
				if e.To == Proposed {
					d.Opened = append(d.Opened, e)
				} else {
					d.Decided = append(d.Decided, e)
				}
			}
		case e.Objective != nil && (t == nil || e.Objective.Team == t):
			if d := at(e.Date); d != nil {
				d.Objectives = append(d.Objectives, e)
			}
		}
	}

	for _, o := range s.Objectives {
		if t != nil && o.Team != t {
			continue
		}
		for _, kr := range o.KeyResults {
			prev := kr.Start
			var m *Movement
			var md *Digest
			for _, r := range kr.Reports { // oldest first
				d := at(r.Date)
				if d != md {
					if m != nil {
						md.Movements = append(md.Movements, *m)
					}
					m, md = nil, d
					if d != nil {
						m = &Movement{Objective: o, KeyResult: kr, From: prev}
					}
				}
				if m != nil {
					m.To = r.Value
					m.Reports = append(m.Reports, r)
				}
				prev = r.Value
			}
			if m != nil {
				md.Movements = append(md.Movements, *m)
			}
		}
	}

	for _, p := range s.Pages {
		if t != nil && !p.Owner.In(t) {
			continue
		}
		if d := at(p.Created); d != nil {
			d.NewPages = append(d.NewPages, p)
		}
		if d := at(p.Reviewed); d != nil && Day(p.Reviewed, loc) != Day(p.Created, loc) {
			d.Reviewed = append(d.Reviewed, p)
		}
	}

	out := make([]*Digest, 0, len(byWeek))
	for _, d := range byWeek {
		if d.Len() > 0 {
			out = append(out, d)
		}
	}
	slices.SortFunc(out, func(a, b *Digest) int {
		return cmp.Or(cmp.Compare(b.Week.Year, a.Week.Year), cmp.Compare(b.Week.Number, a.Week.Number))
	})
	return out
}

// Involves reports whether d names t, or a member of t, among its
// decision-makers, consulted or informed.
func (d *Decision) Involves(t *Team) bool {
	for _, refs := range [][]Ref{d.DecisionMakers, d.Consulted, d.Informed} {
		for _, r := range refs {
			if r.In(t) {
				return true
			}
		}
	}
	return false
}

// In reports whether r names t or one of its members.
func (r Ref) In(t *Team) bool {
	return r.Team == t || r.Person != nil && r.Person.Team == t
}
