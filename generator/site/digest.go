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
//
// The site's and every team's digests are made together, once for a
// given now, in one pass over the documents: made for each team in turn,
// every team's would go through every update of the site.
func (s *Site) Digests(t *Team, now time.Time) []*Digest {
	all := s.memo.digests.get(now, func(now time.Time) map[*Team][]*Digest {
		return s.digests(append([]*Team{nil}, s.Teams...), now)
	})
	if d, ok := all[t]; ok {
		return d
	}
	return s.digests([]*Team{t}, now)[t] // a team of another site
}

// digester collects the digests of one team, or of the site for nil.
type digester struct {
	team    *Team
	loc     *time.Location
	current Week
	now     time.Time
	byWeek  map[Week]*Digest
}

// at returns the digest of the week of date, nil when it is after now.
func (g *digester) at(date time.Time) *Digest {
	if date.IsZero() || date.After(g.now) {
		return nil
	}
	w := WeekOfDay(Day(date, g.loc))
	if g.current.Before(w) {
		return nil
	}
	d := g.byWeek[w]
	if d == nil {
		d = &Digest{Week: w, Start: w.Start(g.loc), End: w.End(g.loc), Team: g.team}
		d.Complete = !g.now.Before(d.End)
		g.byWeek[w] = d
	}
	return d
}

// digests returns the digests of each of scopes (teams, nil for the
// site), going once through the documents.
func (s *Site) digests(scopes []*Team, now time.Time) map[*Team][]*Digest {
	of := make(map[*Team]*digester, len(scopes))
	for _, t := range scopes {
		loc := s.Config.Timezone
		if t != nil {
			loc = s.Location(t)
		}
		if loc == nil {
			loc = time.UTC
		}
		of[t] = &digester{team: t, loc: loc, current: WeekOf(now, loc), now: now, byWeek: map[Week]*Digest{}}
	}
	site := of[nil]
	// in returns the digesters of the site and of teams, each once.
	in := func(teams ...*Team) []*digester {
		var out []*digester
		if site != nil {
			out = append(out, site)
		}
		for i, t := range teams {
			if g := of[t]; t != nil && g != nil && !slices.Contains(teams[:i], t) {
				out = append(out, g)
			}
		}
		return out
	}

	for i := len(s.Updates) - 1; i >= 0; i-- { // oldest first
		u := s.Updates[i]
		for _, g := range in(u.Team) {
			if d := g.at(u.Date); d != nil {
				d.Updates = append(d.Updates, u)
				d.Blockers = append(d.Blockers, u.Blocked...)
			}
		}
	}

	for i := len(s.Events) - 1; i >= 0; i-- { // oldest first
		e := s.Events[i]
		var teams []*Team
		switch {
		case e.Decision != nil:
			teams = e.Decision.teams()
		case e.Objective != nil:
			teams = []*Team{e.Objective.Team}
		default:
			continue
		}
		for _, g := range in(teams...) {
			d := g.at(e.Date)
			switch {
			case d == nil:
			case e.Objective != nil:
				d.Objectives = append(d.Objectives, e)
			case e.To == Proposed:
				d.Opened = append(d.Opened, e)
			default:
				d.Decided = append(d.Decided, e)
			}
		}
	}

	for _, o := range s.Objectives {
		for _, g := range in(o.Team) {
			for _, kr := range o.KeyResults {
				g.movements(o, kr)
			}
		}
	}

	for _, p := range s.Pages {
		for _, g := range in(p.Owner.teams()...) {
			if d := g.at(p.Created); d != nil {
				d.NewPages = append(d.NewPages, p)
			}
			if d := g.at(p.Reviewed); d != nil && Day(p.Reviewed, g.loc) != Day(p.Created, g.loc) {
				d.Reviewed = append(d.Reviewed, p)
			}
		}
	}

	out := make(map[*Team][]*Digest, len(of))
	for t, g := range of {
		list := make([]*Digest, 0, len(g.byWeek))
		for _, d := range g.byWeek {
			if d.Len() > 0 {
				list = append(list, d)
			}
		}
		slices.SortFunc(list, func(a, b *Digest) int {
			return cmp.Or(cmp.Compare(b.Week.Year, a.Week.Year), cmp.Compare(b.Week.Number, a.Week.Number))
		})
		out[t] = list
	}
	return out
}

// movements adds the weeks' movements of kr, a key result of o.
func (g *digester) movements(o *Objective, kr *KeyResult) {
	prev := kr.Start
	var m *Movement
	var md *Digest
	for _, r := range kr.Reports { // oldest first
		d := g.at(r.Date)
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

// teams returns the teams d involves (see Involves), each once.
func (d *Decision) teams() []*Team {
	var out []*Team
	for _, refs := range [][]Ref{d.DecisionMakers, d.Consulted, d.Informed} {
		for _, r := range refs {
			for _, t := range r.teams() {
				if !slices.Contains(out, t) {
					out = append(out, t)
				}
			}
		}
	}
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

// teams returns the teams r is In, each once.
func (r Ref) teams() []*Team {
	var out []*Team
	if r.Team != nil {
		out = append(out, r.Team)
	}
	if r.Person != nil && r.Person.Team != nil && r.Person.Team != r.Team {
		out = append(out, r.Person.Team)
	}
	return out
}
