package site_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/handbook/handbook/generator/site"
)

const historySite = `
-- site.toml --
timezone = "Europe/Berlin"
-- people/ana.md --
---
name: Ana Souza
---
-- people/kofi.md --
---
name: Kofi Mensah
---
-- decisions/0001-old.md --
---
status: superseded by ADR-0002
date: 2026-01-05
---
# Old
-- decisions/0002-new.md --
---
status: accepted
date: 2026-10-01
supersedes: ["0001"]
---
# New
-- decisions/0003-demo.md --
---
status: accepted
date: 2026-11-20
history:
  - {date: 2026-11-20, status: accepted}
  - {date: 2026-11-02, status: proposed}
  - {date: 2026-11-10, status: proposed}
---
# Demo
-- decisions/0004-later.md --
---
status: accepted
history:
  - {date: 2026-11-02, status: proposed}
  - {date: 2026-12-20, status: accepted}
---
# Accepted after the build date
-- objectives/fast.md --
---
title: Fast
period: 2026-Q4
key_results: [{id: p95, target: 300}]
---
-- objectives/calm.md --
---
title: Calm
period: 2026-Q4
history:
  - {date: 2026-10-01, status: on-track}
  - {date: 2026-11-12, status: off-track}
---
-- updates/a1.md --
---
author: ana
date: 2026-10-05
status: on-track
objectives: [fast]
---
-- updates/k1.md --
---
author: kofi
date: 2026-10-06
status: on-track
objectives: [fast]
---
-- updates/k2.md --
---
author: kofi
date: 2026-10-20
status: at-risk
objectives: [fast]
---
-- updates/a2.md --
---
author: ana
date: 2026-10-27
status: on-track
objectives: [fast]
---
-- updates/k3.md --
---
author: kofi
date: 2026-11-03
status: on-track
objectives: [fast]
---
-- updates/old.md --
---
author: ana
date: 2026-09-20
status: off-track
objectives: [fast]
---
`

func eventList(es []*site.Event) string {
	var b strings.Builder
	for _, e := range es {
		fmt.Fprintf(&b, "%s %s (%s) #%s\n", e.Date.Format("2006-01-02"), e.Text(), e.Source, e.ID)
	}
	return b.String()
}

func TestEvents(t *testing.T) {
	t.Parallel()
	s, _ := build(t, historySite, at(t, "UTC", "2026-11-25 12:00"))
	for _, tc := range []struct {
		doc  string
		want string
	}{
		// A superseded record was accepted on its date and superseded
		// when its successor was decided.
		{"decisions/0001-old.md", "2026-01-05 decision 0001 accepted (date) #2026-01-05-accepted\n2026-10-01 decision 0001 superseded (date) #2026-10-01-superseded\n"},
		{"decisions/0002-new.md", "2026-10-01 decision 0002 accepted (date) #2026-10-01-accepted\n"},
		// Sorted by date; repeating a status is not a change.
		{"decisions/0003-demo.md", "2026-11-02 decision 0003 proposed (history) #2026-11-02-proposed\n2026-11-20 decision 0003 accepted (history) #2026-11-20-accepted\n"},
		{"decisions/0004-later.md", "2026-11-02 decision 0004 proposed (history) #2026-11-02-proposed\n2026-12-20 decision 0004 accepted (history) #2026-12-20-accepted\n"},
		// Replayed from updates in the period: the worst latest status of
		// each author; the September update is outside 2026-Q4.
		{"objectives/fast.md", "2026-10-05 objective Fast set to on-track (updates) #2026-10-05-on-track\n2026-10-20 objective Fast moved to at-risk (updates) #2026-10-20-at-risk\n2026-11-03 objective Fast moved to on-track (updates) #2026-11-03-on-track\n"},
		{"objectives/calm.md", "2026-10-01 objective Calm set to on-track (history) #2026-10-01-on-track\n2026-11-12 objective Calm moved to off-track (history) #2026-11-12-off-track\n"},
	} {
		var got string
		switch v := docValue(s, tc.doc).(type) {
		case *site.Decision:
			got = eventList(v.Events)
		case *site.Objective:
			got = eventList(v.Events)
		}
		if got != tc.want {
			t.Errorf("events of %s:\n%s\nwant:\n%s", tc.doc, got, tc.want)
		}
	}

	// The replayed status ends where the derived one is.
	for _, o := range s.Objectives {
		if last := o.Events[len(o.Events)-1]; last.To != string(o.Status) {
			t.Errorf("%s: last event says %s, status is %s", o.ID, last.To, o.Status)
		}
	}
	// A history without a status sets it.
	if o := docValue(s, "objectives/calm.md").(*site.Objective); o.Status != site.OffTrack || o.Explicit != site.OffTrack {
		t.Errorf("calm: status %q explicit %q, want off-track from its history", o.Status, o.Explicit)
	}

	// The site's list is newest first and stops at now.
	if got := s.Events[0].Text(); got != "decision 0003 accepted" {
		t.Errorf("newest event: %q", got)
	}
	for _, e := range s.Events {
		if e.Date.After(s.Now) {
			t.Errorf("site events include %s, after now", e.Text())
		}
	}
	week := s.EventsBetween(at(t, "Europe/Berlin", "2026-11-02"), at(t, "Europe/Berlin", "2026-11-09"))
	if got, want := eventList(week), "2026-11-03 objective Fast moved to on-track (updates) #2026-11-03-on-track\n2026-11-02 decision 0003 proposed (history) #2026-11-02-proposed\n2026-11-02 decision 0004 proposed (history) #2026-11-02-proposed\n"; got != want {
		t.Errorf("EventsBetween:\n%s\nwant:\n%s", got, want)
	}
}

func TestEventsFromRevisions(t *testing.T) {
	t.Parallel()
	s, _ := build(t, historySite, at(t, "UTC", "2026-11-25 12:00"))
	d := docValue(s, "decisions/0002-new.md").(*site.Decision)
	// Revisions from git win over front matter and dates; commits that
	// did not change the status are not events.
	d.Revisions = []site.Revision{
		{Date: time.Date(2026, 9, 1, 10, 0, 0, 0, time.UTC), Status: "proposed"},
		{Date: time.Date(2026, 9, 3, 10, 0, 0, 0, time.UTC), Status: "proposed"},
		{Date: time.Date(2026, 9, 29, 16, 30, 0, 0, time.UTC), Status: "accepted"},
	}
	s2, _ := site.New(site.Content{Config: s.Config, Decisions: []*site.Decision{d}}, site.Options{Now: s.Now})
	got := eventList(s2.Decisions[0].Events)
	want := "2026-09-01 decision 0002 proposed (git) #2026-09-01-proposed\n2026-09-29 decision 0002 accepted (git) #2026-09-29-accepted\n"
	if got != want {
		t.Errorf("events from revisions:\n%s\nwant:\n%s", got, want)
	}

	// A status git never saw change says only when the file was
	// committed: the front matter's history is used.
	h := docValue(s, "decisions/0003-demo.md").(*site.Decision)
	h.Revisions = []site.Revision{{Date: time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC), Status: "accepted"}}
	s3, _ := site.New(site.Content{Config: s.Config, Decisions: []*site.Decision{h}}, site.Options{Now: s.Now})
	if got := eventList(s3.Decisions[0].Events); !strings.Contains(got, "(history)") || strings.Contains(got, "(git)") {
		t.Errorf("one committed status replaced the history list:\n%s", got)
	}
}

func TestHistoryDiagnostics(t *testing.T) {
	t.Parallel()
	_, diags := build(t, `
-- decisions/0001-x.md --
---
status: accepted
history:
  - {date: 2026-11-02, status: proposed}
  - {date: 2026-11-03, status: aproved, by: ana}
---
# X
`, at(t, "UTC", "2026-11-25 12:00"))
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	want := []string{
		`content/decisions/0001-x.md:4:3: warning: history: the latest entry says "aproved" but status is "accepted"; add an entry for the current status`,
		`content/decisions/0001-x.md:5:32: warning: unknown decision status "aproved" (want proposed, accepted, rejected, deprecated, superseded, or declare it in site.toml's decision_statuses)`,
		`content/decisions/0001-x.md:5:41: warning: history: unknown key "by" in item 2 is ignored (want date and status)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// docValue returns the typed document at a content path.
func docValue(s *site.Site, path string) any {
	for _, d := range s.Decisions {
		if d.Path == path {
			return d
		}
	}
	for _, o := range s.Objectives {
		if o.Path == path {
			return o
		}
	}
	return nil
}

// TestEventURLNamesThePageThatListsIt checks that an event's URL is its
// anchor on the page that lists it: the document's page for the latest
// RecentEvents, a history page for the older ones.
func TestEventURLNamesThePageThatListsIt(t *testing.T) {
	t.Parallel()
	o := &site.Objective{Doc: site.Doc{URL: "/objectives/x/"}}
	n := site.RecentEvents + site.HistoryPerPage + 5 // two history pages
	for i := range n {
		o.Events = append(o.Events, &site.Event{Objective: o, ID: fmt.Sprint(i)})
	}
	for i, want := range map[int]string{
		0:                         "/objectives/x/history/#event-0",
		site.HistoryPerPage - 1:   fmt.Sprintf("/objectives/x/history/#event-%d", site.HistoryPerPage-1),
		site.HistoryPerPage:       fmt.Sprintf("/objectives/x/history/page/2/#event-%d", site.HistoryPerPage),
		n - site.RecentEvents - 1: fmt.Sprintf("/objectives/x/history/page/2/#event-%d", n-site.RecentEvents-1),
		n - site.RecentEvents:     fmt.Sprintf("/objectives/x/#event-%d", n-site.RecentEvents),
		n - 1:                     fmt.Sprintf("/objectives/x/#event-%d", n-1),
	} {
		if got := o.Events[i].URL(); got != want {
			t.Errorf("event %d of %d: URL() = %q, want %q", i, n, got, want)
		}
	}
	if got := len(site.Older(o.Events)) + len(site.Recent(o.Events)); got != n {
		t.Errorf("site.Older and site.Recent hold %d events, want %d", got, n)
	}
}
