package site

import (
	"cmp"
	"slices"
	"time"
)

// The functions below are what Attention and Digests return, worked out
// for one person or team at a time, as they were before both were made
// for everyone in one pass: the tests hold the two to the same results.

// AttentionOneByOne is Attention, for p alone.
func (s *Site) AttentionOneByOne(p *Person, now time.Time) Attention {
	a := Attention{Person: p}

	for _, d := range s.Decisions {
		if !d.Open(now) {
			continue
		}
		ask := Ask{Decision: d, People: d.Asked()}
		if p != nil {
			ask.Roles = d.Roles(p)
			if len(ask.Roles) == 0 {
				continue
			}
		}
		a.Proposals = append(a.Proposals, ask)
	}
	slices.SortStableFunc(a.Proposals, func(x, y Ask) int { return compareDeadlines(x.Decision, y.Decision) })

	for _, q := range s.People {
		if p != nil && q != p {
			continue
		}
		if c := s.CheckInAt(q, now); c.Record == Missed {
			a.CheckIns = append(a.CheckIns, c)
		}
	}

	for _, pg := range s.Pages {
		if pg.Overdue(now) && (p == nil || pg.Owner.Responsible(p)) {
			a.Reviews = append(a.Reviews, pg)
		}
	}
	slices.SortStableFunc(a.Reviews, func(x, y *Page) int { return x.ReviewDue.Compare(y.ReviewDue) })

	for _, o := range s.Objectives {
		if !o.Period.Contains(now) || p != nil && !o.OwnerRef.Responsible(p) {
			continue
		}
		a.KeyResults = append(a.KeyResults, s.flags(o, now)...)
	}

	for _, q := range s.People {
		if len(q.Updates) == 0 {
			continue
		}
		u := q.Updates[0]
		// Blockers are current while they are in the author's latest
		// update, and it is from this check-in window or the last.
		c := s.personClock(q)
		if u.Date.After(now) || u.Date.Before(c.prev(c.window(now)).Start) {
			continue
		}
		for _, b := range u.Blocked {
			if p == nil || slices.Contains(b.Mentions, p) {
				a.Blockers = append(a.Blockers, b)
			}
		}
	}
	slices.SortStableFunc(a.Blockers, func(x, y Blocker) int {
		return cmp.Or(y.Update.Date.Compare(x.Update.Date), cmp.Compare(x.Update.Path, y.Update.Path))
	})
	return a
}

// DigestsOneByOne is Digests, for t alone.
func (s *Site) DigestsOneByOne(t *Team, now time.Time) []*Digest {
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
