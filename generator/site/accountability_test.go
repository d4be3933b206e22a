package site_test

import (
	"strings"
	"testing"
	"time"

	"github.com/handbook/handbook/generator/site"
)

const accountabilitySite = `
-- site.toml --
timezone = "Europe/Berlin"
cadence = "weekly"
-- teams/core.md --
---
name: Core
cadence: weekly
timezone: Europe/Berlin
---
-- teams/ops.md --
---
name: Ops
cadence: daily
timezone: Asia/Tokyo
---
-- teams/growth.md --
---
name: Growth
cadence: biweekly
timezone: America/Los_Angeles
---
-- people/ana.md --
---
name: Ana
team: core
joined: 2024-01-01
---
-- people/lukas.md --
---
name: Lukas
team: core
joined: 2024-01-01
away:
  - {from: 2026-11-09, to: 2026-11-20}
---
-- people/mei.md --
---
name: Mei
team: core
joined: 2026-11-11
---
-- people/kenji.md --
---
name: Kenji
team: ops
joined: 2026-11-01
---
-- people/jo.md --
---
name: Jo
team: growth
joined: 2026-01-01
---
-- updates/ana-w48.md --
---
author: ana
date: 2026-11-24
---
-- updates/ana-w47.md --
---
author: ana
date: 2026-11-20
---
-- updates/ana-w46.md --
---
author: ana
date: 2026-11-14
---
-- updates/ana-w45.md --
---
author: ana
date: 2026-11-06T23:30:00-08:00
---
-- updates/ana-w43.md --
---
author: ana
date: 2026-10-25T23:30:00+01:00
---
-- updates/ana-w44.md --
---
author: ana
date: 2026-10-26T00:30:00+01:00
---
-- updates/ana-w42.md --
---
author: ana
date: 2026-10-16
---
-- updates/lukas-w48.md --
---
author: lukas
date: 2026-11-23
---
-- updates/lukas-w45.md --
---
author: lukas
date: 2026-11-05
---
-- updates/kenji-first.md --
---
author: kenji
date: 2026-11-13
---
-- updates/jo-first.md --
---
author: jo
date: 2026-10-20
---
-- updates/kenji-sat.md --
---
author: kenji
date: 2026-11-21T09:00:00+09:00
---
-- updates/kenji-tue.md --
---
author: kenji
date: 2026-11-23T23:30:00+09:00
---
-- updates/kenji-tue2.md --
---
author: kenji
date: 2026-11-24T00:30:00+09:00
---
-- updates/jo.md --
---
author: jo
date: 2026-11-19
---
`

// grid draws a check-in record as text: one word per week, oldest first.
func grid(a site.Accountability) string {
	var words []string
	for _, c := range a.Weeks {
		words = append(words, c.Week.String()[5:]+"="+strings.ReplaceAll(c.Label(), " ", "_"))
	}
	return strings.Join(words, " ")
}

func TestAccountability(t *testing.T) {
	t.Parallel()
	now := at(t, "Europe/Berlin", "2026-11-25 13:00") // Wednesday of W48
	s, _ := build(t, accountabilitySite, now)
	for _, tc := range []struct {
		person string
		weeks  int
		grid   string
		streak int
		counts [4]int // on time, late, missed, excused
	}{
		// W43: 23:30 on the Sunday the clocks went back is still W43, late.
		// W44: 00:30 on Monday is W44, on time. W45: 23:30 on Friday in Los
		// Angeles is Saturday in Berlin: late. W46: a Saturday, late.
		{"ana", 7, "W42=on_time W43=late W44=on_time W45=late W46=late W47=on_time W48=on_time", 7, [4]int{4, 3, 0, 0}},
		// Core's first check-in was on 16 October: weeks before it do not
		// count, although Ana had joined.
		{"ana", 9, "W40=not_counted W41=not_counted W42=on_time W43=late W44=on_time W45=late W46=late W47=on_time W48=on_time", 7, [4]int{4, 3, 0, 0}},
		// Away on the due days of W46 and W47: excused, the streak holds.
		{"lukas", 5, "W44=missed W45=on_time W46=excused W47=excused W48=on_time", 2, [4]int{2, 0, 1, 2}},
		// Joined on the Wednesday of W46: counted from W47; W48 is not over.
		{"mei", 4, "W45=not_counted W46=not_counted W47=missed W48=due", 0, [4]int{0, 0, 1, 0}},
		// Daily in Tokyo: Friday's window runs to Monday, so Saturday is
		// late for it; 23:30 and 00:30 fall on two days. It is Wednesday
		// evening in Tokyo.
		{"kenji", 2, "W47=1_late,_4_missed W48=2_on_time,_1_due", 3, [4]int{2, 1, 4, 0}},
		// Biweekly: a window is due every other Friday.
		{"jo", 4, "W45=missed W46=no_check-in_due W47=on_time W48=no_check-in_due", 1, [4]int{1, 0, 1, 0}},
	} {
		p := s.Person(tc.person)
		a := s.Accountability(p, now, tc.weeks)
		if got := grid(a); got != tc.grid {
			t.Errorf("%s grid:\n got %s\nwant %s", tc.person, got, tc.grid)
		}
		if a.Streak != tc.streak {
			t.Errorf("%s streak = %d, want %d", tc.person, a.Streak, tc.streak)
		}
		if got := [4]int{a.OnTime, a.Late, a.Missed, a.Excused}; got != tc.counts {
			t.Errorf("%s on time, late, missed, excused = %v, want %v", tc.person, got, tc.counts)
		}
	}
}

func TestAccountabilityWindows(t *testing.T) {
	t.Parallel()
	now := at(t, "Europe/Berlin", "2026-11-25 13:00")
	s, _ := build(t, accountabilitySite, now)
	a := s.Accountability(s.Person("ana"), now, 6)
	for _, w := range a.Windows {
		// Every window is a whole week in Berlin, Monday to Monday, also
		// across the change from summer time; due on its Friday.
		if w.Start.Weekday() != time.Monday || w.Start.Hour() != 0 || w.End.Sub(w.Start) < 167*time.Hour || w.End.Sub(w.Start) > 169*time.Hour {
			t.Errorf("window %v – %v is not a week", w.Start, w.End)
		}
		if w.DueDay().Weekday() != time.Friday || w.Start.Location().String() != "Europe/Berlin" {
			t.Errorf("window %v due %v", w.Start, w.DueDay())
		}
	}
	if w := a.Windows[len(a.Windows)-1]; w.Update == nil || w.Update.Path != "updates/ana-w48.md" {
		t.Errorf("current window's update = %v", w.Update)
	}

	// The current window is due until its due day, Friday, is over, and
	// missed from then on, also while the window is open.
	mei := s.Person("mei")
	for _, tc := range []struct {
		now  time.Time
		want site.Record
	}{
		{at(t, "Europe/Berlin", "2026-11-26 23:00"), site.Pending},
		{at(t, "Europe/Berlin", "2026-11-27 23:59"), site.Pending},
		{at(t, "Europe/Berlin", "2026-11-28 00:00"), site.Missed},
		{at(t, "Europe/Berlin", "2026-11-29 23:59"), site.Missed},
		{at(t, "Europe/Berlin", "2026-11-30 00:00"), site.Missed},
	} {
		a := s.Accountability(mei, tc.now, 2)
		var w48 site.Window
		for _, w := range a.Windows {
			if site.WeekOf(w.Start, w.Start.Location()).Number == 48 {
				w48 = w
			}
		}
		if w48.Record != tc.want {
			t.Errorf("mei's W48 at %v: %v, want %v", tc.now, w48.Record, tc.want)
		}
	}
}

func TestTeamAccountability(t *testing.T) {
	t.Parallel()
	now := at(t, "Europe/Berlin", "2026-11-25 13:00")
	s, _ := build(t, accountabilitySite, now)
	for _, tc := range []struct {
		team   string
		streak int
	}{
		// W48 does not count while Mei's check-in is still due, although
		// the others posted; in W47 Mei missed.
		{"core", 0},
		// Tuesday, Monday and Friday (late); Thursday missed.
		{"ops", 3},
		{"growth", 1},
	} {
		var team *site.Team
		for _, x := range s.Teams {
			if x.ID == tc.team {
				team = x
			}
		}
		ta := s.TeamAccountability(team, now, site.GridWeeks)
		if ta.Streak != tc.streak {
			t.Errorf("%s streak = %d, want %d", tc.team, ta.Streak, tc.streak)
		}
		if len(ta.Weeks) != site.GridWeeks || len(ta.People) != len(team.Members) {
			t.Errorf("%s: %d weeks, %d people", tc.team, len(ta.Weeks), len(ta.People))
		}
		if ta.Weeks[len(ta.Weeks)-1] != site.WeekOf(now, ta.Location) {
			t.Errorf("%s: the grid ends with %v", tc.team, ta.Weeks[len(ta.Weeks)-1])
		}
	}
}

func TestWeek(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		date string
		want string
	}{
		{"2026-11-25", "2026-W48"},
		{"2027-01-01", "2026-W53"},
		{"2026-12-31", "2026-W53"},
		{"2024-12-30", "2025-W01"},
	} {
		w := site.WeekOf(at(t, "UTC", tc.date), time.UTC)
		if w.String() != tc.want {
			t.Errorf("WeekOf(%s) = %s, want %s", tc.date, w, tc.want)
		}
		back, err := site.ParseWeek(tc.want)
		if err != nil || back != w {
			t.Errorf("ParseWeek(%q) = %v, %v", tc.want, back, err)
		}
		if s := w.Start(time.UTC); s.Weekday() != time.Monday || site.WeekOf(s, time.UTC) != w || w.Next().Prev() != w {
			t.Errorf("%s starts %v", w, s)
		}
	}
	for _, bad := range []string{"2026-W54", "2025-W53", "2026-47", "26-W01"} {
		if _, err := site.ParseWeek(bad); err == nil {
			t.Errorf("ParseWeek(%q) succeeded", bad)
		}
	}
}

func TestSchedule(t *testing.T) {
	t.Parallel()
	now := at(t, "Europe/Berlin", "2026-11-25 13:00")
	s, _ := build(t, accountabilitySite, now)
	day := func(tm time.Time) string { return tm.Format("2006-01-02 Mon MST") }
	var core *site.Team
	for _, x := range s.Teams {
		if x.ID == "core" {
			core = x
		}
	}
	// The team's first check-in was on Friday 16 October.
	sc := s.Schedule(core, nil, now)
	if got := day(sc.First); got != "2026-10-16 Fri CEST" || sc.Cadence != site.Weekly || len(sc.Away) != 0 {
		t.Errorf("core schedule: first %s, cadence %v, away %v", got, sc.Cadence, sc.Away)
	}
	// Lukas is away on two Fridays; Mei joined later than the team began.
	sc = s.Schedule(nil, s.Person("lukas"), now)
	var away []string
	for _, d := range sc.Away {
		away = append(away, day(d))
	}
	if strings.Join(away, ", ") != "2026-11-13 Fri CET, 2026-11-20 Fri CET" || sc.Team != core {
		t.Errorf("lukas away on %v", away)
	}
	if got := day(s.Schedule(nil, s.Person("mei"), now).First); got != "2026-11-13 Fri CET" {
		t.Errorf("mei's first due day %s", got)
	}
	// Biweekly: the first due day is the second Friday of a window.
	if got := day(s.Schedule(nil, s.Person("jo"), now).First); got != "2026-10-23 Fri PDT" {
		t.Errorf("jo's first due day %s", got)
	}
}
