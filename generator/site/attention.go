package site

import (
	"cmp"
	"slices"
	"time"
)

// Attention lists what needs someone's attention: proposals waiting for
// their input, their missing check-in, their pages due for review, their
// key results in trouble and blockers that name them. For the whole site
// (Person nil) it lists everyone's.
type Attention struct {
	Person     *Person
	Proposals  []Ask           // open proposals, most urgent first
	CheckIns   []CheckIn       // check-ins missed in the current window: due day over, nothing posted
	Reviews    []*Page         // pages past their review date, most overdue first
	KeyResults []KeyResultFlag // key results of current objectives, by objective
	Blockers   []Blocker       // current blockers, newest first
}

// Len returns how many things need attention.
func (a Attention) Len() int {
	return len(a.Proposals) + len(a.CheckIns) + len(a.Reviews) + len(a.KeyResults) + len(a.Blockers)
}

// Role is how a person takes part in a decision.
type Role string

// The roles that ask for a response.
const (
	DecisionMaker Role = "decision-maker"
	Consulted     Role = "consulted"
)

// Ask is an open proposal and who it waits for.
type Ask struct {
	Decision *Decision
	// Roles are the person's roles in the decision (directly or through
	// their team); empty on the site-wide list.
	Roles []Role
	// People are the people asked: decision-makers and consulted, with
	// teams expanded to their members.
	People []*Person
}

// KeyResultFlag is a key result that needs its owner's attention.
type KeyResultFlag struct {
	Objective *Objective
	KeyResult *KeyResult
	// OffTrack is set when the latest update reporting a value for it
	// says off track, or the objective's front matter does.
	OffTrack bool
	// Unreported is set when no update reported a value for two whole
	// check-in windows.
	Unreported bool
	Last       *Report // the latest report, if any
}

// Blocker is one blocker of someone's latest update.
type Blocker struct {
	Update   *Update
	Text     string
	Mentions []*Person // the people it names
}

// Attention returns what needs p's attention at now, or everyone's when p
// is nil. Everyone's lists are worked out once for a given now, with each
// person's taken from them (see attention): asked for each person in
// turn, every person's would go through every decision, page and
// objective of the site.
func (s *Site) Attention(p *Person, now time.Time) Attention {
	ix := s.memo.attention.get(now, s.attention)
	if p == nil {
		return ix.all
	}
	if a, ok := ix.of[p]; ok {
		return a
	}
	return Attention{Person: p}
}

// attentionIndex is what needs attention at one time: everyone's, and
// each person's.
type attentionIndex struct {
	all Attention
	of  map[*Person]Attention
}

// attention works out everyone's attention at now, then each person's:
// the items of everyone's lists that concern them, in the same order (a
// stable sort of part of a list is that part of the sorted list).
func (s *Site) attention(now time.Time) *attentionIndex {
	a := Attention{}
	for _, d := range s.Decisions {
		if d.Open(now) {
			a.Proposals = append(a.Proposals, Ask{Decision: d, People: d.Asked()})
		}
	}
	slices.SortStableFunc(a.Proposals, func(x, y Ask) int { return compareDeadlines(x.Decision, y.Decision) })

	for _, q := range s.People {
		if c := s.CheckInAt(q, now); c.Record == Missed {
			a.CheckIns = append(a.CheckIns, c)
		}
	}

	for _, pg := range s.Pages {
		if pg.Overdue(now) {
			a.Reviews = append(a.Reviews, pg)
		}
	}
	slices.SortStableFunc(a.Reviews, func(x, y *Page) int { return x.ReviewDue.Compare(y.ReviewDue) })

	for _, o := range s.Objectives {
		if o.Period.Contains(now) {
			a.KeyResults = append(a.KeyResults, s.flags(o, now)...)
		}
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
		a.Blockers = append(a.Blockers, u.Blocked...)
	}
	slices.SortStableFunc(a.Blockers, func(x, y Blocker) int {
		return cmp.Or(y.Update.Date.Compare(x.Update.Date), cmp.Compare(x.Update.Path, y.Update.Path))
	})

	of := map[*Person]*Attention{}
	to := func(p *Person) *Attention {
		if of[p] == nil {
			of[p] = &Attention{Person: p}
		}
		return of[p]
	}
	for _, ask := range a.Proposals {
		// Asked is everyone with a role: named, or in a team named.
		for _, p := range ask.People {
			if roles := ask.Decision.Roles(p); len(roles) > 0 {
				pa := to(p)
				pa.Proposals = append(pa.Proposals, Ask{Decision: ask.Decision, Roles: roles, People: ask.People})
			}
		}
	}
	for _, c := range a.CheckIns {
		pa := to(c.Person)
		pa.CheckIns = append(pa.CheckIns, c)
	}
	for _, pg := range a.Reviews {
		for _, p := range pg.Owner.responsible() {
			pa := to(p)
			pa.Reviews = append(pa.Reviews, pg)
		}
	}
	for _, f := range a.KeyResults {
		for _, p := range f.Objective.OwnerRef.responsible() {
			pa := to(p)
			pa.KeyResults = append(pa.KeyResults, f)
		}
	}
	for _, b := range a.Blockers {
		for i, p := range b.Mentions {
			if !slices.Contains(b.Mentions[:i], p) {
				pa := to(p)
				pa.Blockers = append(pa.Blockers, b)
			}
		}
	}
	ix := &attentionIndex{all: a, of: make(map[*Person]Attention, len(of))}
	for p, pa := range of {
		ix.of[p] = *pa
	}
	return ix
}

// flags returns the key results of o that are off track or unreported.
func (s *Site) flags(o *Objective, now time.Time) []KeyResultFlag {
	team := o.Team
	if team == nil && o.OwnerRef.Person != nil {
		team = o.OwnerRef.Person.Team
	}
	c := s.clock(team)
	// Two whole windows before the current one without a report.
	cutoff := c.prev(c.prev(c.window(now))).Start
	var out []KeyResultFlag
	for _, kr := range o.KeyResults {
		f := KeyResultFlag{Objective: o, KeyResult: kr, OffTrack: o.Explicit == OffTrack}
		if n := len(kr.Reports); n > 0 {
			f.Last = &kr.Reports[n-1]
			f.OffTrack = f.OffTrack || f.Last.Update.Status == OffTrack
		}
		if !o.Period.Start.After(cutoff) && (f.Last == nil || f.Last.Date.Before(cutoff)) {
			f.Unreported = true
		}
		if f.OffTrack || f.Unreported {
			out = append(out, f)
		}
	}
	return out
}

// Responsible reports whether p answers for what r owns: r names p, or a
// team p leads.
func (r Ref) Responsible(p *Person) bool {
	return r.Person == p || r.Team != nil && r.Team.LeadRef.Person == p
}

// responsible returns the people Responsible reports true for, each once.
func (r Ref) responsible() []*Person {
	var out []*Person
	if r.Person != nil {
		out = append(out, r.Person)
	}
	if r.Team != nil && r.Team.LeadRef.Person != nil && r.Team.LeadRef.Person != r.Person {
		out = append(out, r.Team.LeadRef.Person)
	}
	return out
}

// Roles returns p's roles in d: named as a decision-maker or consulted,
// directly or through their team.
func (d *Decision) Roles(p *Person) []Role {
	var out []Role
	names := func(refs []Ref) bool {
		for _, r := range refs {
			if r.Person == p || r.Team != nil && r.Team == p.Team {
				return true
			}
		}
		return false
	}
	if names(d.DecisionMakers) {
		out = append(out, DecisionMaker)
	}
	if names(d.Consulted) {
		out = append(out, Consulted)
	}
	return out
}

// Asked returns the people d asks for a response, decision-makers first,
// with teams expanded to their members.
func (d *Decision) Asked() []*Person {
	var out []*Person
	add := func(p *Person) {
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	for _, refs := range [][]Ref{d.DecisionMakers, d.Consulted} {
		for _, r := range refs {
			if r.Person != nil {
				add(r.Person)
			}
			if r.Team != nil {
				for _, m := range r.Team.Members {
					add(m)
				}
			}
		}
	}
	return out
}

// compareDeadlines orders proposals most urgent first: by respond-by date,
// proposals without one last, then by number.
func compareDeadlines(a, b *Decision) int {
	switch {
	case a.RespondBy.IsZero() && !b.RespondBy.IsZero():
		return 1
	case !a.RespondBy.IsZero() && b.RespondBy.IsZero():
		return -1
	}
	return cmp.Or(a.RespondBy.Compare(b.RespondBy), cmp.Compare(a.Number, b.Number))
}
