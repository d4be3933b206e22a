package site

import (
	"slices"
	"testing"
	"time"
)

func stateName(r Record) string { return r.String() }

func TestDay(t *testing.T) {
	t.Parallel()
	la := zone(t, "America/Los_Angeles")
	tokyo := zone(t, "Asia/Tokyo")
	tests := []struct {
		name string
		t    time.Time
		loc  *time.Location
		want string
	}{
		{"date only stays its day in a zone behind", date(t, "2026-11-23"), la, "2026-11-23"},
		{"date only stays its day in a zone ahead", date(t, "2026-11-23"), tokyo, "2026-11-23"},
		{"date only in its own zone", day(t, "2026-11-23", tokyo), time.UTC, "2026-11-23"},
		{"a time is converted to the zone behind", at(t, "2026-11-23 03:00", time.UTC), la, "2026-11-22"},
		{"a time is converted to the zone ahead", at(t, "2026-11-22 20:00", time.UTC), tokyo, "2026-11-23"},
		{"a time in the same zone", at(t, "2026-11-23 23:59", la), la, "2026-11-23"},
	}
	for _, tt := range tests {
		got := Day(tt.t, tt.loc)
		if want := date(t, tt.want); !got.Equal(want) || got.Location() != time.UTC {
			t.Errorf("%s: Day(%v, %v) = %v, want %v", tt.name, tt.t, tt.loc, got, want)
		}
	}
}

// checkInSite is a site with a person "ana" in team "core" and the given
// updates; edit is called on them before linking.
func checkInSite(t *testing.T, cfg Config, team *Team, ana *Person, updates ...*Update) *Site {
	t.Helper()
	s, diags := build(t, Content{Config: cfg, People: []*Person{ana}, Teams: []*Team{team}, Updates: updates}, Options{Now: noon(t, "2026-11-25")})
	if diags.Errors() > 0 {
		t.Fatalf("New: %v", diags)
	}
	return s
}

func TestCheckInAt(t *testing.T) {
	t.Parallel()
	la := zone(t, "America/Los_Angeles")
	tokyo := zone(t, "Asia/Tokyo")
	berlin := zone(t, "Europe/Berlin")

	type tc struct {
		name    string
		cfg     Config
		cadence Cadence
		loc     *time.Location // the team's zone; nil for the site's
		joined  string
		away    [][2]string
		updates []time.Time
		now     time.Time
		want    Record
		posted  int // index in updates of the update posted in the window; -1 for none
		start   time.Time
		end     time.Time
	}
	utc := time.UTC
	week := func(loc *time.Location, from, to string) (time.Time, time.Time) {
		return day(t, from, loc), day(t, to, loc)
	}
	s1, e1 := week(utc, "2026-11-23", "2026-11-30")
	sLA, eLA := week(la, "2026-11-23", "2026-11-30")
	sTK, eTK := week(tokyo, "2026-11-23", "2026-11-30")
	sDaily, eDaily := week(utc, "2026-11-27", "2026-11-30")
	sBi, eBi := week(utc, "2026-11-23", "2026-12-07")
	sPrevLA, ePrevLA := week(la, "2026-11-16", "2026-11-23")
	sBerlin, eBerlin := week(berlin, "2026-11-23", "2026-11-30")

	tests := []tc{
		{name: "posted this week", cfg: utcConfig(), updates: []time.Time{date(t, "2026-11-18"), date(t, "2026-11-24")}, now: noon(t, "2026-11-25"), want: OnTime, posted: 1, start: s1, end: e1},
		{name: "posted on the window's first day", cfg: utcConfig(), updates: []time.Time{date(t, "2026-11-23")}, now: noon(t, "2026-11-25"), want: OnTime, posted: 0, start: s1, end: e1},
		{name: "posted on the window's last day", cfg: utcConfig(), updates: []time.Time{date(t, "2026-11-29")}, now: noon(t, "2026-11-25"), want: Late, posted: 0, start: s1, end: e1},
		{name: "posted late on sunday", cfg: utcConfig(), updates: []time.Time{at(t, "2026-11-29 23:30", utc)}, now: noon(t, "2026-11-25"), want: Late, posted: 0, start: s1, end: e1},
		{name: "last week's update is missing this week", cfg: utcConfig(), updates: []time.Time{date(t, "2026-11-22")}, now: noon(t, "2026-11-25"), want: Pending, posted: -1, start: s1, end: e1},
		{name: "next week's update does not count", cfg: utcConfig(), updates: []time.Time{date(t, "2026-11-30")}, now: noon(t, "2026-11-25"), want: Pending, posted: -1, start: s1, end: e1},
		{name: "no updates at all", cfg: utcConfig(), now: noon(t, "2026-11-25"), want: Pending, posted: -1, start: s1, end: e1},
		{name: "away today but not on friday is due", cfg: utcConfig(), away: [][2]string{{"2026-11-25", "2026-11-26"}}, updates: []time.Time{date(t, "2026-11-18")}, now: noon(t, "2026-11-25"), want: Pending, posted: -1, start: s1, end: e1},
		{name: "away the whole week", cfg: utcConfig(), away: [][2]string{{"2026-11-20", "2026-12-04"}}, now: noon(t, "2026-11-25"), want: Excused, posted: -1, start: s1, end: e1},
		{name: "back from leave is due", cfg: utcConfig(), away: [][2]string{{"2026-11-16", "2026-11-24"}}, now: noon(t, "2026-11-25"), want: Pending, posted: -1, start: s1, end: e1},
		{name: "away on friday is excused", cfg: utcConfig(), away: [][2]string{{"2026-11-26", "2026-11-27"}}, now: noon(t, "2026-11-25"), want: Excused, posted: -1, start: s1, end: e1},
		{name: "posted wins over away", cfg: utcConfig(), away: [][2]string{{"2026-11-25", "2026-11-27"}}, updates: []time.Time{date(t, "2026-11-23")}, now: noon(t, "2026-11-25"), want: OnTime, posted: 0, start: s1, end: e1},
		{name: "joined after the window began", cfg: utcConfig(), joined: "2026-11-24", now: noon(t, "2026-11-25"), want: NotCounted, posted: -1, start: s1, end: e1},
		{name: "joined on the window's first day is due", cfg: utcConfig(), joined: "2026-11-23", now: noon(t, "2026-11-25"), want: Pending, posted: -1, start: s1, end: e1},
		{name: "joined long ago is due", cfg: utcConfig(), joined: "2025-01-06", now: noon(t, "2026-11-25"), want: Pending, posted: -1, start: s1, end: e1},
		{name: "a newcomer who posted has posted", cfg: utcConfig(), joined: "2026-11-24", updates: []time.Time{date(t, "2026-11-25")}, now: noon(t, "2026-11-25"), want: OnTime, posted: 0, start: s1, end: e1},

		// Daily: the weekend belongs to Friday.
		{name: "daily friday update counts on sunday", cfg: utcConfig(), cadence: Daily, updates: []time.Time{date(t, "2026-11-27")}, now: noon(t, "2026-11-29"), want: OnTime, posted: 0, start: sDaily, end: eDaily},
		{name: "daily saturday update counts for friday", cfg: utcConfig(), cadence: Daily, updates: []time.Time{date(t, "2026-11-28")}, now: noon(t, "2026-11-27"), want: Late, posted: 0, start: sDaily, end: eDaily},
		{name: "daily thursday update is missing on friday", cfg: utcConfig(), cadence: Daily, updates: []time.Time{date(t, "2026-11-26")}, now: noon(t, "2026-11-27"), want: Pending, posted: -1, start: sDaily, end: eDaily},
		// Biweekly: an update in the first week counts in the second.
		{name: "biweekly first week counts in the second", cfg: utcConfig(), cadence: Biweekly, updates: []time.Time{date(t, "2026-11-24")}, now: noon(t, "2026-12-03"), want: OnTime, posted: 0, start: sBi, end: eBi},
		// The site's cadence is the default; the team's wins.
		{name: "site cadence daily", cfg: Config{Timezone: utc, Cadence: Daily}, updates: []time.Time{date(t, "2026-11-24")}, now: noon(t, "2026-11-25"), want: Pending, posted: -1, start: day(t, "2026-11-25", utc), end: day(t, "2026-11-26", utc)},
		{name: "team weekly over site daily", cfg: Config{Timezone: utc, Cadence: Daily}, cadence: Weekly, updates: []time.Time{date(t, "2026-11-24")}, now: noon(t, "2026-11-25"), want: OnTime, posted: 0, start: s1, end: e1},
		{name: "no cadence anywhere is weekly", cfg: Config{Timezone: utc}, updates: []time.Time{date(t, "2026-11-23")}, now: noon(t, "2026-11-25"), want: OnTime, posted: 0, start: s1, end: e1},
		// The site's zone is the default; the team's wins.
		{name: "site zone", cfg: Config{Timezone: berlin, Cadence: Weekly}, updates: []time.Time{day(t, "2026-11-23", berlin)}, now: noon(t, "2026-11-25"), want: OnTime, posted: 0, start: sBerlin, end: eBerlin},

		// A date without a time is that day in any zone: Monday's update,
		// midnight UTC, is Sunday afternoon in Los Angeles but still counts
		// as Monday there.
		{name: "date-only monday in los angeles", cfg: utcConfig(), loc: la, updates: []time.Time{date(t, "2026-11-23")}, now: noon(t, "2026-11-25"), want: OnTime, posted: 0, start: sLA, end: eLA},
		{name: "date-only sunday in los angeles is last week", cfg: utcConfig(), loc: la, updates: []time.Time{date(t, "2026-11-22")}, now: noon(t, "2026-11-25"), want: Pending, posted: -1, start: sLA, end: eLA},
		{name: "date-only sunday in tokyo", cfg: utcConfig(), loc: tokyo, updates: []time.Time{date(t, "2026-11-29")}, now: noon(t, "2026-11-25"), want: Late, posted: 0, start: sTK, end: eTK},
		{name: "date-only monday in tokyo is next week", cfg: utcConfig(), loc: tokyo, updates: []time.Time{date(t, "2026-11-30")}, now: noon(t, "2026-11-25"), want: Pending, posted: -1, start: sTK, end: eTK},
		{name: "date-only monday in berlin site read in tokyo", cfg: Config{Timezone: berlin, Cadence: Weekly}, loc: tokyo, updates: []time.Time{day(t, "2026-11-23", berlin)}, now: noon(t, "2026-11-25"), want: OnTime, posted: 0, start: sTK, end: eTK},
		// A time is read in the team's zone: 03:00 UTC on Monday is
		// Sunday evening in Los Angeles, last week.
		{name: "timed update converted to los angeles", cfg: utcConfig(), loc: la, updates: []time.Time{at(t, "2026-11-23 03:00", utc)}, now: noon(t, "2026-11-25"), want: Pending, posted: -1, start: sLA, end: eLA},
		{name: "timed update on monday in los angeles", cfg: utcConfig(), loc: la, updates: []time.Time{at(t, "2026-11-23 09:00", utc)}, now: noon(t, "2026-11-25"), want: OnTime, posted: 0, start: sLA, end: eLA},
		// "Now" is read in the team's zone too.
		{name: "now is still last week in los angeles", cfg: utcConfig(), loc: la, updates: []time.Time{date(t, "2026-11-16")}, now: at(t, "2026-11-23 03:00", utc), want: OnTime, posted: 0, start: sPrevLA, end: ePrevLA},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			team := newTeam("core", "Core")
			team.Cadence = tt.cadence
			team.Location = tt.loc
			ana := newPerson("ana", "Ana", "core")
			if tt.joined != "" {
				ana.Joined = date(t, tt.joined)
			}
			for _, a := range tt.away {
				ana.Away = append(ana.Away, Span{From: date(t, a[0]), To: date(t, a[1])})
			}
			var updates []*Update
			for i, d := range tt.updates {
				updates = append(updates, newUpdate(d.Format("2006-01-02")+"-ana-"+string(rune('a'+i)), "ana", d))
			}
			s := checkInSite(t, tt.cfg, team, ana, updates...)
			c := s.CheckInAt(ana, tt.now)
			if c.Record != tt.want {
				t.Errorf("CheckInAt(ana, %v).Record = %v, want %v", tt.now, stateName(c.Record), stateName(tt.want))
			}
			if c.Person != ana {
				t.Errorf("CheckInAt(ana, %v).Person = %v, want ana", tt.now, c.Person)
			}
			var want *Update
			if tt.posted >= 0 {
				want = updates[tt.posted]
			}
			if c.Update != want {
				t.Errorf("CheckInAt(ana, %v).Update = %v, want %v", tt.now, c.Update, want)
			}
			// Last is the newest update, posted in the window or not.
			var last *Update
			for _, u := range updates {
				if last == nil || u.Date.After(last.Date) {
					last = u
				}
			}
			if c.Last != last {
				t.Errorf("CheckInAt(ana, %v).Last = %v, want %v", tt.now, c.Last, last)
			}
			if !c.Start.Equal(tt.start) || !c.End.Equal(tt.end) {
				t.Errorf("CheckInAt(ana, %v) window = %v..%v, want %v..%v", tt.now, c.Start, c.End, tt.start, tt.end)
			}
		})
	}
}

// Dates without a time (joined, away) are days wherever they are read, as
// update dates are: the same person in the same week must not change state
// because the team's zone is ahead of or behind the site's.
func TestCheckInAtDatesAcrossZones(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		zone   string
		joined string
		away   [2]string
		now    time.Time
		want   Record
	}{
		// Joined Monday 23 November, the window's first day: due, as it is
		// for a team in UTC or Los Angeles. In Tokyo, midnight UTC is
		// after the window's start (Monday 00:00 JST), so it says NotJoined.
		{name: "joined on the first day in tokyo", zone: "Asia/Tokyo", joined: "2026-11-23", now: noon(t, "2026-11-25"), want: Pending},
		// Away Monday 23 to Sunday 29 November: the whole week. On Sunday
		// evening in Los Angeles (04:00 UTC Monday) the span, read as UTC
		// instants, has ended and does not cover the LA window.
		{name: "away all week, sunday evening in los angeles", zone: "America/Los_Angeles", away: [2]string{"2026-11-23", "2026-11-29"}, now: at(t, "2026-11-30 04:00", time.UTC), want: Excused},
		// Away until Sunday 22 November: back on Monday 23 in Tokyo, where
		// it is already Monday at 22:00 UTC on Sunday.
		{name: "back on monday morning in tokyo", zone: "Asia/Tokyo", away: [2]string{"2026-11-16", "2026-11-22"}, now: at(t, "2026-11-22 22:00", time.UTC), want: Pending},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			team := newTeam("core", "Core")
			team.Location = zone(t, tt.zone)
			ana := newPerson("ana", "Ana", "core")
			if tt.joined != "" {
				ana.Joined = date(t, tt.joined)
			}
			if tt.away[0] != "" {
				ana.Away = []Span{{From: date(t, tt.away[0]), To: date(t, tt.away[1])}}
			}
			s := checkInSite(t, utcConfig(), team, ana)
			if got := s.CheckInAt(ana, tt.now).Record; got != tt.want {
				t.Errorf("CheckInAt(ana, %v) in %s = %v, want %v", tt.now, tt.zone, stateName(got), stateName(tt.want))
			}
		})
	}
}

func TestDecisionOpenOverdue(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name          string
		status        string
		respondBy     string
		now           time.Time
		open, overdue bool
	}{
		{"proposed before the deadline", Proposed, "2026-11-27", noon(t, "2026-11-20"), true, false},
		{"proposed on the deadline morning", Proposed, "2026-11-27", date(t, "2026-11-27"), true, false},
		{"proposed in the deadline's last minute", Proposed, "2026-11-27", at(t, "2026-11-27 23:59", time.UTC), true, false},
		{"proposed the day after the deadline", Proposed, "2026-11-27", date(t, "2026-11-28"), false, true},
		{"proposed long after the deadline", Proposed, "2026-11-27", noon(t, "2027-01-10"), false, true},
		{"proposed without a deadline", Proposed, "", noon(t, "2030-01-01"), true, false},
		{"accepted before its deadline", Accepted, "2026-11-27", noon(t, "2026-11-20"), false, false},
		{"accepted after its deadline", Accepted, "2026-11-27", noon(t, "2026-12-20"), false, false},
		{"rejected", Rejected, "", noon(t, "2026-11-20"), false, false},
		{"superseded", Superseded, "2026-11-27", noon(t, "2026-12-20"), false, false},
		{"no status", "", "2026-11-27", noon(t, "2026-11-20"), false, false},
	}
	for _, tt := range tests {
		d := newDecision("0001-x", tt.status)
		if tt.respondBy != "" {
			d.RespondBy = date(t, tt.respondBy)
		}
		if got := d.Open(tt.now); got != tt.open {
			t.Errorf("%s: Open(%v) = %v, want %v", tt.name, tt.now, got, tt.open)
		}
		if got := d.Overdue(tt.now); got != tt.overdue {
			t.Errorf("%s: Overdue(%v) = %v, want %v", tt.name, tt.now, got, tt.overdue)
		}
	}
}

func TestDecisionOpenInSiteZone(t *testing.T) {
	t.Parallel()
	// The respond-by day ends at midnight in the site's zone (content
	// reads the date there): 23:30 UTC on the 27th is the 28th in Berlin.
	berlin := zone(t, "Europe/Berlin")
	d := newDecision("0001-x", Proposed)
	d.RespondBy = day(t, "2026-11-27", berlin)
	if now := at(t, "2026-11-27 22:30", time.UTC); !d.Open(now) {
		t.Errorf("Open(%v) = false, want true (23:30 in Berlin)", now)
	}
	if now := at(t, "2026-11-27 23:30", time.UTC); d.Open(now) || !d.Overdue(now) {
		t.Errorf("Open, Overdue(%v) = %v, %v, want false, true (00:30 in Berlin)", now, d.Open(now), d.Overdue(now))
	}
}

func TestPageOverdue(t *testing.T) {
	t.Parallel()
	tests := []struct {
		due  string
		now  time.Time
		want bool
	}{
		{"", noon(t, "2030-01-01"), false}, // no review date: never stale
		{"2026-11-15", noon(t, "2026-11-14"), false},
		{"2026-11-15", at(t, "2026-11-14 23:59", time.UTC), false},
		{"2026-11-15", date(t, "2026-11-15"), true},
		{"2026-11-15", noon(t, "2026-11-25"), true},
	}
	for _, tt := range tests {
		p := newPage("x.md")
		if tt.due != "" {
			p.ReviewDue = date(t, tt.due)
		}
		if got := p.Overdue(tt.now); got != tt.want {
			t.Errorf("Page{ReviewDue: %q}.Overdue(%v) = %v, want %v", tt.due, tt.now, got, tt.want)
		}
	}
}

func TestBoardProposals(t *testing.T) {
	t.Parallel()
	mk := func(id, status, respondBy string) *Decision {
		d := newDecision(id, status)
		if respondBy != "" {
			d.RespondBy = date(t, respondBy)
		}
		return d
	}
	c := Content{
		Config: utcConfig(),
		Decisions: []*Decision{
			mk("0001-no-deadline", Proposed, ""),
			mk("0002-next-week", Proposed, "2026-12-01"),
			mk("0003-tomorrow-b", Proposed, "2026-11-26"),
			mk("0004-tomorrow-a", Proposed, "2026-11-26"),
			mk("0005-accepted", Accepted, "2026-11-26"),
			mk("0006-overdue", Proposed, "2026-11-24"),
			mk("0007-today", Proposed, "2026-11-25"),
			mk("0008-also-no-deadline", Proposed, ""),
		},
	}
	s, _ := build(t, c, Options{Now: noon(t, "2026-11-25")})
	got := decisionIDs(s.Board.Proposals)
	want := []string{"0007-today", "0003-tomorrow-b", "0004-tomorrow-a", "0002-next-week", "0001-no-deadline", "0008-also-no-deadline"}
	if !slices.Equal(got, want) {
		t.Errorf("Board.Proposals = %q, want %q", got, want)
	}
}

func TestBoardDecided(t *testing.T) {
	t.Parallel()
	mk := func(id, status, d string) *Decision {
		x := newDecision(id, status)
		x.Date = date(t, d)
		return x
	}
	c := Content{
		Config: utcConfig(),
		Decisions: []*Decision{
			mk("0001-a", Accepted, "2026-01-10"),
			mk("0002-b", Accepted, "2026-03-01"),
			mk("0003-c", Rejected, "2026-11-20"),
			mk("0004-d", Accepted, "2026-06-01"),
			mk("0005-e", Accepted, "2026-06-01"), // same day as 0004: higher number first
			mk("0006-f", Superseded, "2026-11-01"),
			mk("0007-g", Accepted, "2026-11-25"), // today counts
			mk("0008-h", Accepted, "2026-11-26"), // tomorrow does not
			mk("0009-i", Proposed, "2026-11-20"),
			mk("0010-j", Accepted, "2026-09-15"),
			mk("0011-k", Accepted, "2025-12-31"),
		},
	}
	s, _ := build(t, c, Options{Now: noon(t, "2026-11-25")})
	got := decisionIDs(s.Board.Decided)
	want := []string{"0007-g", "0010-j", "0005-e", "0004-d", "0002-b"}
	if !slices.Equal(got, want) {
		t.Errorf("Board.Decided = %q, want %q", got, want)
	}
	if len(got) != DecidedOnBoard {
		t.Errorf("len(Board.Decided) = %d, want DecidedOnBoard (%d)", len(got), DecidedOnBoard)
	}

	// Fewer than DecidedOnBoard: all of them.
	s, _ = build(t, Content{Config: utcConfig(), Decisions: c.Decisions[:2]}, Options{Now: noon(t, "2026-11-25")})
	if got, want := decisionIDs(s.Board.Decided), []string{"0002-b", "0001-a"}; !slices.Equal(got, want) {
		t.Errorf("Board.Decided = %q, want %q", got, want)
	}
}

func TestBoardStale(t *testing.T) {
	t.Parallel()
	mk := func(rel, reviewed string, every Interval) *Page {
		p := newPage(rel)
		if reviewed != "" {
			p.Reviewed = date(t, reviewed)
		}
		p.ReviewEvery = every
		return p
	}
	six := Interval{Months: 6}
	c := Content{
		Config: utcConfig(),
		Pages: []*Page{
			mk("index.md", "2026-11-01", six),
			mk("a.md", "2026-05-15", six),                // due 2026-11-15
			mk("b.md", "2025-11-25", Interval{Years: 1}), // due today
			mk("c.md", "2026-01-10", six),                // due 2026-07-10: most overdue
			mk("d.md", "2026-05-26", six),                // due tomorrow
			mk("e.md", "2020-01-01", Interval{}),         // no review interval
			mk("f.md", "", six),                          // never reviewed: no date to count from
		},
	}
	s, _ := build(t, c, Options{Now: noon(t, "2026-11-25")})
	got := pagePaths(s.Board.Stale)
	want := []string{"handbook/c.md", "handbook/a.md", "handbook/b.md"}
	if !slices.Equal(got, want) {
		t.Errorf("Board.Stale = %q, want %q", got, want)
	}
	for _, p := range c.Pages {
		if p.Path == "handbook/a.md" {
			if want := date(t, "2026-11-15"); !p.ReviewDue.Equal(want) {
				t.Errorf("ReviewDue of a.md = %v, want %v", p.ReviewDue, want)
			}
		}
		if p.Path == "handbook/e.md" && !p.ReviewDue.IsZero() {
			t.Errorf("ReviewDue of e.md = %v, want zero (no interval)", p.ReviewDue)
		}
	}
}

func TestBoardObjectivesLatestCheckIns(t *testing.T) {
	t.Parallel()
	core, growth := newTeam("core", "Core"), newTeam("growth", "Growth")
	ana, kofi, mei := newPerson("ana", "Ana", "core"), newPerson("kofi", "Kofi", "growth"), newPerson("mei", "Mei", "")
	c := Content{
		Config: utcConfig(),
		Teams:  []*Team{growth, core},
		People: []*Person{mei, kofi, ana},
		Objectives: []*Objective{
			newObjective("solo", "", "2026-Q4"),
			newObjective("grow", "growth", "2026-11"),
			newObjective("old", "core", "2026-Q3"),
			newObjective("fast", "core", "2026-H2"),
			newObjective("next", "core", "2027"),
		},
		Updates: []*Update{
			newUpdate("2026-11-18-ana", "ana", date(t, "2026-11-18")),
			newUpdate("2026-11-24-ana", "ana", date(t, "2026-11-24")),
			newUpdate("2026-11-10-kofi", "kofi", date(t, "2026-11-10")),
		},
	}
	s, diags := build(t, c, Options{Now: noon(t, "2026-11-25")})
	wantDiags(t, diags)

	var groups []string
	for _, g := range s.Board.Objectives {
		name := "-"
		if g.Team != nil {
			name = g.Team.ID
		}
		var ids []string
		for _, o := range g.Objectives {
			ids = append(ids, o.ID)
		}
		groups = append(groups, name+":"+joinIDs(ids))
	}
	if want := []string{"core:fast", "growth:grow", "-:solo"}; !slices.Equal(groups, want) {
		t.Errorf("Board.Objectives = %q, want %q", groups, want)
	}

	var latest []string
	for _, u := range s.Board.Latest {
		latest = append(latest, u.Path)
	}
	if want := []string{"updates/2026-11-24-ana.md", "updates/2026-11-10-kofi.md"}; !slices.Equal(latest, want) {
		t.Errorf("Board.Latest = %q, want %q", latest, want)
	}

	var states []string
	for _, ci := range s.Board.CheckIns {
		states = append(states, ci.Person.ID+":"+stateName(ci.Record))
	}
	// Wednesday: Kofi and Mei are due by the end of Friday, not missing.
	if want := []string{"ana:on time", "kofi:due", "mei:due"}; !slices.Equal(states, want) {
		t.Errorf("Board.CheckIns = %q, want %q", states, want)
	}
	var due []string
	for _, ci := range s.Board.Due() {
		due = append(due, ci.Person.ID)
	}
	if want := []string{"kofi", "mei"}; !slices.Equal(due, want) || len(s.Board.Missing()) != 0 {
		t.Errorf("Board.Due() = %q, want %q; Missing() = %v, want none", due, want, s.Board.Missing())
	}
}

func joinIDs(ids []string) string {
	out := ""
	for i, id := range ids {
		if i > 0 {
			out += ","
		}
		out += id
	}
	return out
}
