package site_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/handbook/handbook/generator/site"
)

const overlapSite = `
-- site.toml --
timezone = "Europe/Berlin"
-- teams/core.md --
---
name: Core
timezone: Europe/Berlin
---
-- people/lukas.md --
---
name: Lukas
team: core
timezone: Europe/Berlin
hours: "09:00-17:00"
---
-- people/nia.md --
---
name: Nia
team: core
timezone: America/New_York
hours: "09:00-17:00"
---
-- people/mei.md --
---
name: Mei
team: core
timezone: Asia/Tokyo
hours: "09:30-17:30"
---
-- people/nox.md --
---
name: Nox
team: core
hours: "22:00-06:00"
---
-- people/sam.md --
---
name: Sam
team: core
---
`

func describeOverlap(o site.Overlap) string {
	stretches := func(ss []site.Stretch) string {
		var parts []string
		for _, s := range ss {
			parts = append(parts, o.Clock(s.From)+"-"+o.Clock(s.To))
		}
		return "[" + strings.Join(parts, " ") + "]"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "day %s, %d minutes, now %s\n", o.Day.Format("2006-01-02 15:04 MST"), o.Minutes, o.Clock(o.Now))
	for _, w := range o.People {
		fmt.Fprintf(&b, "%s %s %v\n", w.Person.ID, stretches(w.Hours), w.Hours)
	}
	fmt.Fprintf(&b, "everyone %s\ncoverage %s\ngaps %s\n", stretches(o.Everyone), stretches(o.Coverage), stretches(o.Gaps))
	for _, h := range o.Handoffs {
		fmt.Fprintf(&b, "handoff %s %s\n", h.A.ID, h.B.ID)
	}
	for _, p := range o.Unknown {
		fmt.Fprintf(&b, "unknown %s\n", p.ID)
	}
	return b.String()
}

func TestOverlap(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		now  string
		team string
		drop string // a person left out
		want string
	}{
		// Tokyo's day begins the evening before in Berlin; the night shift
		// crosses midnight; New York is six hours behind.
		{"winter", "2026-11-25 12:00", "core", "", `day 2026-11-25 00:00 CET, 1440 minutes, now 13:00
lukas [09:00-17:00] [{540 1020}]
mei [01:30-09:30] [{90 570}]
nia [15:00-23:00] [{900 1380}]
nox [00:00-06:00 22:00-24:00] [{0 360} {1320 1440}]
everyone []
coverage [00:00-24:00]
gaps []
handoff lukas nox
handoff mei nia
unknown sam
`},
		// On the Sunday clocks go back in Berlin the day has 25 hours, and
		// New York is still on summer time: five hours behind, not six.
		{"dst", "2026-10-25 12:00", "core", "nox", `day 2026-10-25 00:00 CEST, 1500 minutes, now 13:00
lukas [09:00-17:00] [{600 1080}]
mei [02:30-09:30] [{150 630}]
nia [14:00-22:00] [{900 1380}]
everyone []
coverage [02:30-22:00]
gaps [00:00-02:30 22:00-24:00]
handoff mei nia
unknown sam
`},
		// Lukas and Nia share the afternoon.
		{"pair", "2026-11-25 12:00", "core", "mei nox", `day 2026-11-25 00:00 CET, 1440 minutes, now 13:00
lukas [09:00-17:00] [{540 1020}]
nia [15:00-23:00] [{900 1380}]
everyone [15:00-17:00]
coverage [09:00-23:00]
gaps [00:00-09:00 23:00-24:00]
unknown sam
`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s, _ := build(t, overlapSite, at(t, "UTC", tc.now))
			team := s.Teams[0]
			var keep []*site.Person
			for _, m := range team.Members {
				if !strings.Contains(tc.drop, m.ID) {
					keep = append(keep, m)
				}
			}
			team.Members = keep
			if got := describeOverlap(s.Overlap(team, s.Now)); got != tc.want {
				t.Errorf("overlap:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}
