package site_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/handbook/handbook/generator/site"
)

const digestSite = `
-- site.toml --
timezone = "Europe/Berlin"
-- teams/core.md --
---
name: Core
timezone: Europe/Berlin
---
-- teams/west.md --
---
name: West
timezone: America/Los_Angeles
---
-- people/ana.md --
---
name: Ana Souza
team: core
---
-- people/jo.md --
---
name: Jo Park
team: west
---
-- objectives/fast.md --
---
title: Fast
team: core
period: 2026-Q4
key_results: [{id: p95, start: 900, target: 300}]
---
-- updates/a1.md --
---
author: ana
date: 2026-11-10
progress: {fast/p95: 800}
---
-- updates/a2.md --
---
author: ana
date: 2026-11-17
status: at-risk
progress: {fast/p95: 700}
---
-- updates/a3.md --
---
author: ana
date: 2026-11-19
progress: {fast/p95: 650}
---
-- updates/j1.md --
---
author: jo
date: 2026-11-22T20:00:00-08:00
blockers: [Waiting on Ana Souza]
---
-- updates/a4.md --
---
author: ana
date: 2026-11-24
---
-- updates/a5.md --
---
author: ana
date: 2026-11-27
---
-- decisions/0001-a.md --
---
status: accepted
decision-makers: [ana]
history:
  - {date: 2026-11-16, status: proposed}
  - {date: 2026-11-20, status: accepted}
---
# A
-- decisions/0002-b.md --
---
status: proposed
date: 2026-11-18
decision-makers: [jo]
---
# B
-- handbook/new.md --
---
owner: ana
created: 2026-11-18
---
-- handbook/old.md --
---
owner: jo
reviewed: 2026-11-17
---
`

func describeDigest(d *site.Digest) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s complete=%v %s..%s\n", d.Week, d.Complete, d.Start.Format("2006-01-02 MST"), d.End.Format("2006-01-02"))
	for _, u := range d.Updates {
		fmt.Fprintf(&b, "  update %s\n", u.Path)
	}
	for _, e := range d.Opened {
		fmt.Fprintf(&b, "  opened %s\n", e.Text())
	}
	for _, e := range d.Decided {
		fmt.Fprintf(&b, "  decided %s\n", e.Text())
	}
	for _, e := range d.Objectives {
		fmt.Fprintf(&b, "  objective %s\n", e.Text())
	}
	for _, m := range d.Movements {
		from, to := m.Progress()
		fmt.Fprintf(&b, "  kr %s/%s %v -> %v (%.2f -> %.2f, %d reports)\n", m.Objective.ID, m.KeyResult.ID, m.From, m.To, from, to, len(m.Reports))
	}
	for _, p := range d.NewPages {
		fmt.Fprintf(&b, "  new %s\n", p.Path)
	}
	for _, p := range d.Reviewed {
		fmt.Fprintf(&b, "  reviewed %s\n", p.Path)
	}
	for _, x := range d.Blockers {
		fmt.Fprintf(&b, "  blocker %q\n", x.Text)
	}
	return b.String()
}

func TestDigests(t *testing.T) {
	t.Parallel()
	now := at(t, "UTC", "2026-11-25 12:00")
	s, _ := build(t, digestSite, now)
	team := func(id string) *site.Team {
		for _, x := range s.Teams {
			if x.ID == id {
				return x
			}
		}
		return nil
	}
	for _, tc := range []struct {
		team string
		want string
	}{
		// Sunday evening in Los Angeles is Monday in Berlin: W48 for the
		// site, W47 for the team in Los Angeles. Friday 27 is after now.
		{"", `2026-W48 complete=false 2026-11-23 CET..2026-11-30
  update updates/j1.md
  update updates/a4.md
  blocker "Waiting on Ana Souza"
2026-W47 complete=true 2026-11-16 CET..2026-11-23
  update updates/a2.md
  update updates/a3.md
  opened decision 0001 proposed
  opened decision 0002 proposed
  decided decision 0001 accepted
  objective objective Fast set to at-risk
  kr fast/p95 800 -> 650 (0.17 -> 0.42, 2 reports)
  new handbook/new.md
  reviewed handbook/old.md
2026-W46 complete=true 2026-11-09 CET..2026-11-16
  update updates/a1.md
  kr fast/p95 900 -> 800 (0.00 -> 0.17, 1 reports)
`},
		{"west", `2026-W47 complete=true 2026-11-16 PST..2026-11-23
  update updates/j1.md
  opened decision 0002 proposed
  reviewed handbook/old.md
  blocker "Waiting on Ana Souza"
`},
		{"core", `2026-W48 complete=false 2026-11-23 CET..2026-11-30
  update updates/a4.md
2026-W47 complete=true 2026-11-16 CET..2026-11-23
  update updates/a2.md
  update updates/a3.md
  opened decision 0001 proposed
  decided decision 0001 accepted
  objective objective Fast set to at-risk
  kr fast/p95 800 -> 650 (0.17 -> 0.42, 2 reports)
  new handbook/new.md
2026-W46 complete=true 2026-11-09 CET..2026-11-16
  update updates/a1.md
  kr fast/p95 900 -> 800 (0.00 -> 0.17, 1 reports)
`},
	} {
		var got strings.Builder
		tm := team(tc.team)
		for _, d := range s.Digests(tm, now) {
			got.WriteString(describeDigest(d))
			if want := site.DigestURL(tm, d.Week); d.URL() != want || !strings.HasSuffix(want, "/"+d.Week.String()+"/") {
				t.Errorf("digest URL %s", d.URL())
			}
		}
		if got.String() != tc.want {
			t.Errorf("digests of %q:\n%s\nwant:\n%s", tc.team, got.String(), tc.want)
		}
	}
}
