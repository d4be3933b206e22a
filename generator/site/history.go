package site

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/handbook/handbook/generator/diag"
)

// StatusChange is one entry of a document's front-matter history list:
// history: [{date: 2026-11-02, status: proposed}, {date: 2026-11-20, status: accepted}].
type StatusChange struct {
	Date   time.Time
	Status string
	Pos    diag.Pos
}

// Revision is a past version of a document's status, as version control
// recorded it: the status its front matter had after a commit. Whoever
// reads git fills Doc.Revisions; New turns changes of status into events.
type Revision struct {
	Date   time.Time
	Status string // as written in that version, lower case; "" when it had none
}

// EventSource says where the model learned of a status change.
type EventSource uint8

// The sources of events, most trusted first.
const (
	FromGit     EventSource = iota + 1 // the file's history in git
	FromHistory                        // the front-matter history list
	FromUpdates                        // an objective's status derived from updates, replayed
	FromDate                           // a decision's date and current status, for lack of anything better
)

func (s EventSource) String() string {
	switch s {
	case FromGit:
		return "git"
	case FromHistory:
		return "history"
	case FromUpdates:
		return "updates"
	case FromDate:
		return "date"
	}
	return ""
}

// Event is a change of a decision's or an objective's status.
type Event struct {
	Date time.Time
	// Exactly one of Decision and Objective is set.
	Decision  *Decision
	Objective *Objective
	From, To  string // statuses; From is "" for the first status known
	Source    EventSource
	// Update is the update whose status moved a derived objective status.
	Update *Update
	// ID is unique among the document's events and stable across builds,
	// for anchors and feed item ids: "2026-11-20-accepted".
	ID string
}

// Doc returns the document the event is about.
func (e *Event) Doc() *Doc {
	if e.Decision != nil {
		return &e.Decision.Doc
	}
	return &e.Objective.Doc
}

// RecentEvents is how many of a document's latest status changes its
// page lists; the older ones are on its history pages, HistoryPerPage to
// a page, oldest first. A page's weight does not grow with how often a
// status changed.
const RecentEvents = 10

// HistoryPerPage is how many status changes a history page lists.
const HistoryPerPage = 20

// URL returns the event's site path: its anchor on the document's page,
// or on the history page that lists it (see RecentEvents).
func (e *Event) URL() string {
	doc, events := e.Doc(), e.docEvents()
	i := slices.Index(events, e)
	if i < 0 || i >= len(events)-RecentEvents {
		return doc.URL + "#event-" + e.ID
	}
	return HistoryURL(doc.URL, i/HistoryPerPage+1) + "#event-" + e.ID
}

// HistoryURL returns the site path of page n of the history of the
// document at url: "/objectives/x/history/", ".../history/page/2/".
func HistoryURL(url string, n int) string {
	if n <= 1 {
		return url + "history/"
	}
	return fmt.Sprintf("%shistory/page/%d/", url, n)
}

// Older returns the status changes of a document its page leaves to its
// history pages: all but the RecentEvents latest.
func Older(events []*Event) []*Event { return events[:max(0, len(events)-RecentEvents)] }

// Recent returns the RecentEvents latest status changes of a document,
// the ones its page lists.
func Recent(events []*Event) []*Event { return events[max(0, len(events)-RecentEvents):] }

// docEvents returns the events of the event's document, oldest first.
func (e *Event) docEvents() []*Event {
	if e.Decision != nil {
		return e.Decision.Events
	}
	return e.Objective.Events
}

// Subject names the document the way event texts do: "decision 0012",
// "objective Make sync feel instant".
func (e *Event) Subject() string {
	if d := e.Decision; d != nil {
		if d.Number > 0 {
			return "decision " + d.NumberString()
		}
		return "decision " + d.Title
	}
	return "objective " + e.Objective.Title
}

// Text says what happened: "decision 0012 accepted", "objective Make sync
// feel instant moved to at-risk".
func (e *Event) Text() string {
	if e.Decision != nil {
		return e.Subject() + " " + e.To
	}
	if e.From == "" {
		return e.Subject() + " set to " + e.To
	}
	return e.Subject() + " moved to " + e.To
}

// newEvents derives the events of every decision and objective and lists
// those up to the build's now on s, newest first. A status change that
// version control recorded is preferred over the front-matter history,
// which is preferred over what can be inferred. A file whose status never
// changed in git says only when it was committed, which for a record
// imported from elsewhere is not when it was decided, so then the front
// matter is used.
func newEvents(s *Site) {
	var all []*Event
	for _, d := range s.Decisions {
		d.Events = decisionEvents(d, d.Revisions)
		all = append(all, d.Events...)
	}
	for _, o := range s.Objectives {
		o.Events = objectiveEvents(o, o.Revisions)
		all = append(all, o.Events...)
	}
	for _, e := range all {
		if !e.Date.After(s.Now) {
			s.Events = append(s.Events, e)
		}
	}
	slices.SortStableFunc(s.Events, func(a, b *Event) int {
		return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(a.Doc().Path, b.Doc().Path), cmp.Compare(b.ID, a.ID))
	})
}

func decisionEvents(d *Decision, revs []Revision) []*Event {
	changes := fromRevisions(revs)
	source := FromGit
	if len(changes) == 0 {
		changes, source = d.History, FromHistory
	}
	if len(changes) == 0 && d.Status != "" && !d.Date.IsZero() {
		// MADR's date is when the record last changed, which for most
		// records is when they got their current status. A superseded
		// record was accepted then, and superseded when its successor
		// was decided.
		changes, source = []StatusChange{{Date: d.Date, Status: d.Status}}, FromDate
		if d.Status == Superseded {
			var later time.Time
			for _, n := range d.SupersededBy {
				if n.Date.After(d.Date) && n.Date.After(later) {
					later = n.Date
				}
			}
			if !later.IsZero() {
				changes = []StatusChange{{Date: d.Date, Status: Accepted}, {Date: later, Status: Superseded}}
			}
		}
	}
	return buildEvents(changes, source, func(e *Event) { e.Decision = d })
}

func objectiveEvents(o *Objective, revs []Revision) []*Event {
	changes := fromRevisions(revs)
	source := FromGit
	if len(changes) == 0 {
		changes, source = o.History, FromHistory
	}
	if len(changes) == 0 && o.Explicit == "" {
		return replayObjective(o)
	}
	return buildEvents(changes, source, func(e *Event) { e.Objective = o })
}

// fromRevisions keeps the revisions that set a status, oldest first, when
// they show the status changing; nil otherwise.
func fromRevisions(revs []Revision) []StatusChange {
	var out []StatusChange
	changes := 0
	for _, r := range revs {
		if r.Status == "" || r.Date.IsZero() {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Status != r.Status {
			changes++
		}
		out = append(out, StatusChange{Date: r.Date, Status: r.Status})
	}
	if changes == 0 {
		return nil
	}
	return out
}

// buildEvents turns a list of statuses into events: one per change, in
// date order; repeating the current status is not a change.
func buildEvents(changes []StatusChange, source EventSource, set func(*Event)) []*Event {
	sorted := slices.Clone(changes)
	slices.SortStableFunc(sorted, func(a, b StatusChange) int { return a.Date.Compare(b.Date) })
	var out []*Event
	ids := map[string]bool{}
	prev := ""
	for _, c := range sorted {
		if c.Status == prev || c.Date.IsZero() {
			continue
		}
		e := &Event{Date: c.Date, From: prev, To: c.Status, Source: source}
		set(e)
		e.ID = uniqueID(ids, c.Date.Format("2006-01-02")+"-"+Slug(c.Status))
		out = append(out, e)
		prev = c.Status
	}
	return out
}

func uniqueID(seen map[string]bool, id string) string {
	base := id
	for n := 2; seen[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	seen[id] = true
	return id
}

// replayObjective derives the events of an objective whose status comes
// from its updates: the status after each update in its period, as
// derivedStatus would have computed it that day.
func replayObjective(o *Objective) []*Event {
	latest := map[string]Status{} // author -> their latest status
	var authors []string
	var out []*Event
	ids := map[string]bool{}
	var prev Status
	for i := len(o.Updates) - 1; i >= 0; i-- { // oldest first
		u := o.Updates[i]
		if !o.Period.Contains(u.Date) || u.Status == "" {
			continue
		}
		if _, ok := latest[u.AuthorID]; !ok {
			authors = append(authors, u.AuthorID)
		}
		latest[u.AuthorID] = u.Status
		var worst Status
		for _, a := range authors {
			if latest[a].Rank() > worst.Rank() {
				worst = latest[a]
			}
		}
		if worst == prev {
			continue
		}
		e := &Event{Date: u.Date, Objective: o, From: string(prev), To: string(worst), Source: FromUpdates, Update: u}
		e.ID = uniqueID(ids, u.Date.Format("2006-01-02")+"-"+string(worst))
		out = append(out, e)
		prev = worst
	}
	return out
}

// EventsBetween returns the events dated in [from, to), newest first.
func (s *Site) EventsBetween(from, to time.Time) []*Event {
	var out []*Event
	for _, e := range s.Events {
		if !e.Date.Before(from) && e.Date.Before(to) {
			out = append(out, e)
		}
	}
	return out
}
