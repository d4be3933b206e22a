package site

import (
	"cmp"
	"slices"
	"time"
)

// Board is the status board on the home page: what a reader needs to know
// without a meeting.
type Board struct {
	// Objectives of the current period, grouped by team.
	Objectives []TeamObjectives
	// Latest holds each person's most recent update, by person name.
	Latest []*Update
	// Proposals are decisions open for comment, most urgent first.
	Proposals []*Decision
	// CheckIns holds, for each person, their check-in state in the current
	// window of their team's cadence, by person name.
	CheckIns []CheckIn
	// Stale lists handbook pages past their review date, most overdue first.
	Stale []*Page
	// Decided lists the latest accepted decisions, newest first.
	Decided []*Decision
	// Changes lists status changes of decisions and objectives in the
	// last ChangeDays days, newest first.
	Changes []*Event
}

// ChangeDays is how far back the board lists status changes.
const ChangeDays = 14

// DecidedOnBoard is how many recent decisions the board lists.
const DecidedOnBoard = 5

// Missing returns the check-ins whose due day is over with nothing
// posted.
func (b Board) Missing() []CheckIn { return b.withRecord(Missed) }

// Due returns the check-ins not posted yet whose due day is not over.
func (b Board) Due() []CheckIn { return b.withRecord(Pending) }

func (b Board) withRecord(r Record) []CheckIn {
	var out []CheckIn
	for _, c := range b.CheckIns {
		if c.Record == r {
			out = append(out, c)
		}
	}
	return out
}

// TeamObjectives are a team's objectives for the current period. Team is
// nil for objectives that belong to no team.
type TeamObjectives struct {
	Team       *Team
	Objectives []*Objective
}

// CheckIn is a person's check-in in the window containing now: the one
// definition of their check-in state that the board, team and person
// pages, the attention lists and the JSON export all show.
type CheckIn struct {
	Person *Person
	// Window is the current window, its due time and its record:
	// Pending ("due") until the end of the due day in the person's time
	// zone, Missed after it, OnTime or Late once posted, Excused when
	// away on the due day, NotCounted before they joined.
	Window
	Last *Update // their latest update, if any
}

// Day returns the calendar day of t as midnight UTC, for comparing days
// across time zones. A date written without a time (midnight in its own
// location) is that day wherever it is read; a time is converted to loc.
func Day(t time.Time, loc *time.Location) time.Time {
	if h, m, s := t.Clock(); h != 0 || m != 0 || s != 0 || t.Nanosecond() != 0 {
		t = t.In(loc)
	}
	y, mo, d := t.Date()
	return time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
}

// Location returns the time zone check-in windows of t are counted in: the
// team's, else the site's.
func (s *Site) Location(t *Team) *time.Location {
	if t != nil && t.Location != nil {
		return t.Location
	}
	if s.Config.Timezone != nil {
		return s.Config.Timezone
	}
	return time.UTC
}

// Cadence returns the check-in cadence of t, or the site's default.
func (s *Site) Cadence(t *Team) Cadence {
	if t != nil && t.Cadence != Inherit {
		return t.Cadence
	}
	if s.Config.Cadence != Inherit {
		return s.Config.Cadence
	}
	return Weekly
}

// CheckInAt returns p's check-in in the window containing t, counted in
// p's time zone with their team's cadence.
func (s *Site) CheckInAt(p *Person, t time.Time) CheckIn {
	c := CheckIn{Person: p, Window: record(p, s.personClock(p).window(t), t, firstCheckIn(p.Team, p))}
	if len(p.Updates) > 0 {
		c.Last = p.Updates[0]
	}
	return c
}

func newBoard(s *Site) Board {
	var b Board
	now := s.Now

	groups := map[*Team][]*Objective{}
	for _, o := range s.Objectives {
		if o.Period.Contains(now) {
			groups[o.Team] = append(groups[o.Team], o)
		}
	}
	for _, t := range s.Teams {
		if len(groups[t]) > 0 {
			b.Objectives = append(b.Objectives, TeamObjectives{Team: t, Objectives: groups[t]})
		}
	}
	if len(groups[nil]) > 0 {
		b.Objectives = append(b.Objectives, TeamObjectives{Objectives: groups[nil]})
	}

	for _, p := range s.People {
		if len(p.Updates) > 0 {
			b.Latest = append(b.Latest, p.Updates[0])
		}
		b.CheckIns = append(b.CheckIns, s.CheckInAt(p, now))
	}

	for _, d := range s.Decisions {
		if d.Open(now) {
			b.Proposals = append(b.Proposals, d)
		}
	}
	slices.SortStableFunc(b.Proposals, compareDeadlines)

	for i := len(s.Decisions) - 1; i >= 0; i-- {
		if d := s.Decisions[i]; d.Status == Accepted && !d.Date.After(now) {
			b.Decided = append(b.Decided, d)
		}
	}
	slices.SortStableFunc(b.Decided, func(a, b *Decision) int { return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(b.Number, a.Number)) })
	b.Decided = b.Decided[:min(len(b.Decided), DecidedOnBoard)]

	b.Changes = s.EventsBetween(now.AddDate(0, 0, -ChangeDays), now.Add(time.Nanosecond))

	for _, p := range s.Pages {
		if p.Overdue(now) {
			b.Stale = append(b.Stale, p)
		}
	}
	slices.SortStableFunc(b.Stale, func(a, b *Page) int { return a.ReviewDue.Compare(b.ReviewDue) })
	return b
}

// Open reports whether d is a proposal still taking comments at now: its
// respond-by day has not ended, or it has no deadline.
func (d *Decision) Open(now time.Time) bool {
	if d.Status != Proposed {
		return false
	}
	return d.RespondBy.IsZero() || now.Before(d.RespondBy.AddDate(0, 0, 1))
}

// Overdue reports whether a proposal's respond-by day has passed at now.
func (d *Decision) Overdue(now time.Time) bool {
	return d.Status == Proposed && !d.RespondBy.IsZero() && !now.Before(d.RespondBy.AddDate(0, 0, 1))
}

// Overdue reports whether the page's review date has passed at now.
func (p *Page) Overdue(now time.Time) bool {
	return !p.ReviewDue.IsZero() && !now.Before(p.ReviewDue)
}
