package site_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/handbook/handbook/generator/site"
)

const attentionSite = `
-- site.toml --
timezone = "Europe/Berlin"
-- teams/core.md --
---
name: Core
lead: ana
cadence: weekly
---
-- teams/growth.md --
---
name: Growth
cadence: biweekly
timezone: America/Los_Angeles
---
-- people/ana.md --
---
name: Ana Souza
team: core
handle: anasouza
---
-- people/kofi.md --
---
name: Kofi Mensah
team: core
---
-- people/jo.md --
---
name: Jo Park
team: growth
---
-- decisions/0001-team.md --
---
status: proposed
respond-by: 2026-12-02
decision-makers: [kofi]
consulted: [core]
---
# Consults a team
-- decisions/0002-closed.md --
---
status: proposed
respond-by: 2026-11-24
decision-makers: [ana]
---
# Window closed yesterday
-- decisions/0003-today.md --
---
status: proposed
respond-by: 2026-11-25
decision-makers: [ana, jo]
---
# Last day today
-- decisions/0004-open.md --
---
status: proposed
consulted: [Ana Souza]
---
# No deadline
-- decisions/0005-done.md --
---
status: accepted
decision-makers: [ana]
---
# Decided
-- handbook/guide.md --
---
owner: ana
reviewed: 2026-01-01
review_every: 6 months
---
-- handbook/team.md --
---
owner: core
reviewed: 2026-01-01
review_every: 4 months
---
-- handbook/fresh.md --
---
owner: ana
reviewed: 2026-11-01
review_every: 6 months
---
-- handbook/kofi.md --
---
owner: kofi
reviewed: 2025-01-01
review_every: 1 year
---
-- objectives/fast.md --
---
title: Fast
owner: ana
team: core
period: 2026-Q4
key_results:
  - {id: p95, target: 300, start: 900}
  - {id: dup, target: 0, start: 10}
  - {id: none, target: 1}
  - {id: ok, target: 5}
---
-- objectives/kofis.md --
---
title: Kofi's
owner: kofi
period: 2026-Q4
key_results: [{id: x, target: 1}]
---
-- updates/ana-1124.md --
---
author: ana
date: 2026-11-24
status: off-track
progress: {fast/p95: 700}
blockers: [kofi is on leave]
---
-- updates/ana-1110.md --
---
author: ana
date: 2026-11-10
progress: {fast/ok: 2}
---
-- updates/ana-1102.md --
---
author: ana
date: 2026-11-02
progress: {fast/dup: 8, fast/p95: 800}
---
-- updates/kofi-1120.md --
---
author: kofi
date: 2026-11-20
blockers:
  - Waiting on @anasouza for the schema
  - Vendor is slow
---
-- updates/kofi-1102.md --
---
author: kofi
date: 2026-11-02
blockers: [Ana Souza owes me a review]
---
-- updates/jo-1110.md --
---
author: jo
date: 2026-11-10
blockers: [Need Ana Souza to review the copy]
---
`

// describe writes an attention list as text, one line per item.
func describeAttention(a site.Attention) string {
	var b strings.Builder
	for _, x := range a.Proposals {
		var asked []string
		for _, p := range x.People {
			asked = append(asked, p.ID)
		}
		fmt.Fprintf(&b, "proposal %s %v asks %s\n", x.Decision.NumberString(), x.Roles, strings.Join(asked, ","))
	}
	for _, c := range a.CheckIns {
		fmt.Fprintf(&b, "check-in %s\n", c.Person.ID)
	}
	for _, p := range a.Reviews {
		fmt.Fprintf(&b, "review %s due %s\n", p.Path, p.ReviewDue.Format("2006-01-02"))
	}
	for _, f := range a.KeyResults {
		last := "never"
		if f.Last != nil {
			last = f.Last.Date.Format("2006-01-02")
		}
		fmt.Fprintf(&b, "kr %s/%s off-track=%v unreported=%v last=%s\n", f.Objective.ID, f.KeyResult.ID, f.OffTrack, f.Unreported, last)
	}
	for _, x := range a.Blockers {
		var names []string
		for _, p := range x.Mentions {
			names = append(names, p.ID)
		}
		fmt.Fprintf(&b, "blocker %s %q names %s\n", x.Update.Path, x.Text, strings.Join(names, ","))
	}
	return b.String()
}

func TestAttention(t *testing.T) {
	t.Parallel()
	now := at(t, "UTC", "2026-11-25 12:00")
	s, _ := build(t, attentionSite, now)
	for _, tc := range []struct {
		person string
		want   string
	}{
		{"ana", `proposal 0003 [decision-maker] asks ana,jo
proposal 0001 [consulted] asks kofi,ana
proposal 0004 [consulted] asks ana
review handbook/team.md due 2026-05-01
review handbook/guide.md due 2026-07-01
kr fast/p95 off-track=true unreported=false last=2026-11-24
kr fast/dup off-track=false unreported=true last=2026-11-02
kr fast/none off-track=false unreported=true last=never
blocker updates/kofi-1120.md "Waiting on @anasouza for the schema" names ana
blocker updates/jo-1110.md "Need Ana Souza to review the copy" names ana
`},
		{"kofi", `proposal 0001 [decision-maker consulted] asks kofi,ana
review handbook/kofi.md due 2026-01-01
kr kofis/x off-track=false unreported=true last=never
blocker updates/ana-1124.md "kofi is on leave" names kofi
`},
		{"jo", `proposal 0003 [decision-maker] asks ana,jo
`},
		{"", `proposal 0003 [] asks ana,jo
proposal 0001 [] asks kofi,ana
proposal 0004 [] asks ana
review handbook/kofi.md due 2026-01-01
review handbook/team.md due 2026-05-01
review handbook/guide.md due 2026-07-01
kr fast/p95 off-track=true unreported=false last=2026-11-24
kr fast/dup off-track=false unreported=true last=2026-11-02
kr fast/none off-track=false unreported=true last=never
kr kofis/x off-track=false unreported=true last=never
blocker updates/ana-1124.md "kofi is on leave" names kofi
blocker updates/kofi-1120.md "Waiting on @anasouza for the schema" names ana
blocker updates/kofi-1120.md "Vendor is slow" names 
blocker updates/jo-1110.md "Need Ana Souza to review the copy" names ana
`},
	} {
		var p *site.Person
		if tc.person != "" {
			p = s.Person(tc.person)
		}
		a := s.Attention(p, now)
		if got := describeAttention(a); got != tc.want {
			t.Errorf("attention of %q:\n%s\nwant:\n%s", tc.person, got, tc.want)
		}
		if a.Len() != strings.Count(tc.want, "\n") {
			t.Errorf("attention of %q: Len = %d", tc.person, a.Len())
		}
	}

	// A check-in is missed only once its due day, Friday, is over in its
	// author's zone: Kofi's in Berlin, Jo's in Los Angeles.
	for _, tc := range []struct {
		now  time.Time
		want string
	}{
		{at(t, "Europe/Berlin", "2026-11-26 23:30"), ""},
		{at(t, "Europe/Berlin", "2026-11-27 23:59"), ""},
		{at(t, "Europe/Berlin", "2026-11-28 00:00"), "check-in kofi\n"},
		{at(t, "America/Los_Angeles", "2026-11-27 23:59"), "check-in kofi\n"},
		// Jo's team is biweekly: due on 4 December.
		{at(t, "America/Los_Angeles", "2026-12-04 23:59"), "check-in ana\ncheck-in kofi\n"},
		{at(t, "America/Los_Angeles", "2026-12-05 00:00"), "check-in ana\ncheck-in jo\ncheck-in kofi\n"},
	} {
		var got strings.Builder
		for _, c := range s.Attention(nil, tc.now).CheckIns {
			fmt.Fprintf(&got, "check-in %s\n", c.Person.ID)
		}
		if got.String() != tc.want {
			t.Errorf("missed check-ins at %v: %q, want %q", tc.now, got.String(), tc.want)
		}
	}

	// The last day of a window is open until it ends in the site's zone.
	late := at(t, "Europe/Berlin", "2026-11-26 00:00")
	if got := describeAttention(s.Attention(s.Person("jo"), late)); strings.Contains(got, "0003") {
		t.Errorf("0003 is still open after its respond-by day:\n%s", got)
	}
	// A blocker goes stale when its update is older than the last window.
	later := at(t, "Europe/Berlin", "2026-12-08 12:00")
	if got := describeAttention(s.Attention(s.Person("ana"), later)); strings.Contains(got, "blocker") {
		t.Errorf("blockers from November are still current in December:\n%s", got)
	}
}
