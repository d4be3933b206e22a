package site

import (
	"testing"
	"time"
)

// zone loads an IANA time zone or fails the test.
func zone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("LoadLocation(%q): %v", name, err)
	}
	return loc
}

// at returns the wall time "2006-01-02 15:04" in loc.
func at(t testing.TB, s string, loc *time.Location) time.Time {
	t.Helper()
	v, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
	if err != nil {
		t.Fatalf("parse %q: %v", s, err)
	}
	return v
}

// day returns midnight of the date "2006-01-02" in loc.
func day(t testing.TB, s string, loc *time.Location) time.Time {
	t.Helper()
	v, err := time.ParseInLocation("2006-01-02", s, loc)
	if err != nil {
		t.Fatalf("parse %q: %v", s, err)
	}
	return v
}

func TestParseCadence(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want Cadence
		ok   bool
	}{
		{"daily", Daily, true},
		{"weekly", Weekly, true},
		{"biweekly", Biweekly, true},
		{" Weekly ", Weekly, true},
		{"DAILY", Daily, true},
		{"fortnightly", Biweekly, true},
		{"monthly", 0, false},
		{"wekly", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseCadence(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseCadence(%q) = %v, %v, want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	for _, name := range Cadences {
		c, ok := ParseCadence(name)
		if !ok || c.String() != name {
			t.Errorf("ParseCadence(%q).String() = %q (ok %v), want %q", name, c.String(), ok, name)
		}
	}
	if got := Inherit.String(); got != "" {
		t.Errorf("Inherit.String() = %q, want \"\"", got)
	}
}

func TestCadenceWindow(t *testing.T) {
	t.Parallel()
	utc := time.UTC
	berlin := zone(t, "Europe/Berlin")
	la := zone(t, "America/Los_Angeles")
	tokyo := zone(t, "Asia/Tokyo")
	kolkata := zone(t, "Asia/Kolkata")

	tests := []struct {
		name       string
		cadence    Cadence
		t          time.Time
		loc        *time.Location
		start, end string // wall dates in loc
		hours      float64
	}{
		// Weekly: ISO weeks, Monday to Monday.
		{"weekly wednesday", Weekly, at(t, "2026-11-25 12:00", utc), utc, "2026-11-23", "2026-11-30", 168},
		{"weekly monday midnight starts the week", Weekly, at(t, "2026-11-23 00:00", utc), utc, "2026-11-23", "2026-11-30", 168},
		{"weekly sunday belongs to the week before", Weekly, at(t, "2026-11-29 23:59", utc), utc, "2026-11-23", "2026-11-30", 168},
		{"weekly next monday", Weekly, at(t, "2026-11-30 00:00", utc), utc, "2026-11-30", "2026-12-07", 168},
		{"weekly across the new year", Weekly, at(t, "2026-12-31 09:00", utc), utc, "2026-12-28", "2027-01-04", 168},
		{"inherit counts as weekly", Inherit, at(t, "2026-11-25 12:00", utc), utc, "2026-11-23", "2026-11-30", 168},
		// Daylight saving time ends on Sunday 25 October 2026 in Berlin
		// and on Sunday 1 November 2026 in Los Angeles: that week has an
		// extra hour, and still runs midnight to midnight.
		{"weekly berlin DST end sunday", Weekly, at(t, "2026-10-25 12:00", berlin), berlin, "2026-10-19", "2026-10-26", 169},
		{"weekly berlin DST end, the hour that repeats", Weekly, time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC), berlin, "2026-10-19", "2026-10-26", 169},
		{"weekly berlin after DST end", Weekly, at(t, "2026-10-26 08:00", berlin), berlin, "2026-10-26", "2026-11-02", 168},
		{"weekly berlin DST start", Weekly, at(t, "2026-03-29 12:00", berlin), berlin, "2026-03-23", "2026-03-30", 167},
		{"weekly los angeles DST end sunday", Weekly, at(t, "2026-11-01 12:00", la), la, "2026-10-26", "2026-11-02", 169},
		{"weekly los angeles DST end monday", Weekly, at(t, "2026-11-02 00:00", la), la, "2026-11-02", "2026-11-09", 168},
		// A time is read in the team's zone: Monday 02:00 UTC is still
		// Sunday in Los Angeles, and Sunday 20:00 UTC is already Monday in
		// Tokyo.
		{"weekly UTC monday is sunday in los angeles", Weekly, at(t, "2026-11-23 02:00", utc), la, "2026-11-16", "2026-11-23", 168},
		{"weekly UTC sunday is monday in tokyo", Weekly, at(t, "2026-11-22 20:00", utc), tokyo, "2026-11-23", "2026-11-30", 168},
		{"weekly half-hour zone", Weekly, at(t, "2026-11-22 18:45", utc), kolkata, "2026-11-23", "2026-11-30", 168},

		// Daily: calendar days, the weekend belongs to the Friday.
		{"daily wednesday", Daily, at(t, "2026-11-25 10:00", utc), utc, "2026-11-25", "2026-11-26", 24},
		{"daily monday", Daily, at(t, "2026-11-23 00:00", utc), utc, "2026-11-23", "2026-11-24", 24},
		{"daily thursday", Daily, at(t, "2026-11-26 23:59", utc), utc, "2026-11-26", "2026-11-27", 24},
		{"daily friday runs to monday", Daily, at(t, "2026-11-27 09:00", utc), utc, "2026-11-27", "2026-11-30", 72},
		{"daily saturday belongs to friday", Daily, at(t, "2026-11-28 09:00", utc), utc, "2026-11-27", "2026-11-30", 72},
		{"daily sunday belongs to friday", Daily, at(t, "2026-11-29 23:59", utc), utc, "2026-11-27", "2026-11-30", 72},
		{"daily weekend across a month", Daily, at(t, "2026-05-31 12:00", utc), utc, "2026-05-29", "2026-06-01", 72},
		{"daily berlin weekend with DST end", Daily, at(t, "2026-10-25 12:00", berlin), berlin, "2026-10-23", "2026-10-26", 73},
		{"daily los angeles DST end sunday", Daily, at(t, "2026-11-01 18:00", la), la, "2026-10-30", "2026-11-02", 73},
		{"daily UTC saturday is friday in los angeles", Daily, at(t, "2026-11-28 03:00", utc), la, "2026-11-27", "2026-11-30", 72},
		{"daily UTC sunday is monday in tokyo", Daily, at(t, "2026-11-29 16:00", utc), tokyo, "2026-11-30", "2026-12-01", 24},
		{"daily UTC monday is sunday in los angeles", Daily, at(t, "2026-11-30 07:00", utc), la, "2026-11-27", "2026-11-30", 72},

		// Biweekly: pairs of ISO weeks counted from Monday 1970-01-05.
		{"biweekly epoch", Biweekly, at(t, "1970-01-05 00:00", utc), utc, "1970-01-05", "1970-01-19", 336},
		{"biweekly epoch second week", Biweekly, at(t, "1970-01-18 23:59", utc), utc, "1970-01-05", "1970-01-19", 336},
		{"biweekly epoch third week", Biweekly, at(t, "1970-01-19 00:00", utc), utc, "1970-01-19", "1970-02-02", 336},
		{"biweekly first week of a pair", Biweekly, at(t, "2026-11-25 12:00", utc), utc, "2026-11-23", "2026-12-07", 336},
		{"biweekly second week of a pair", Biweekly, at(t, "2026-12-03 12:00", utc), utc, "2026-11-23", "2026-12-07", 336},
		{"biweekly week before the pair", Biweekly, at(t, "2026-11-22 12:00", utc), utc, "2026-11-09", "2026-11-23", 336},
		{"biweekly berlin DST end", Biweekly, at(t, "2026-10-25 12:00", berlin), berlin, "2026-10-12", "2026-10-26", 337},
		{"biweekly los angeles DST end", Biweekly, at(t, "2026-11-01 12:00", la), la, "2026-10-26", "2026-11-09", 337},
		{"biweekly UTC monday is sunday in los angeles", Biweekly, at(t, "2026-11-23 02:00", utc), la, "2026-11-09", "2026-11-23", 336},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			start, end := tt.cadence.Window(tt.t, tt.loc)
			wantStart, wantEnd := day(t, tt.start, tt.loc), day(t, tt.end, tt.loc)
			if !start.Equal(wantStart) || !end.Equal(wantEnd) {
				t.Errorf("%v.Window(%v, %v) = %v, %v, want %v, %v", tt.cadence, tt.t, tt.loc, start, end, wantStart, wantEnd)
			}
			if start.Location() != tt.loc || end.Location() != tt.loc {
				t.Errorf("%v.Window(%v, %v) in %v, %v, want %v", tt.cadence, tt.t, tt.loc, start.Location(), end.Location(), tt.loc)
			}
			if got := end.Sub(start).Hours(); got != tt.hours {
				t.Errorf("%v.Window(%v, %v) lasts %vh, want %vh", tt.cadence, tt.t, tt.loc, got, tt.hours)
			}
		})
	}
}

// TestCadenceWindowTiles checks, for every hour of 2026 in zones with
// daylight-saving changes and odd offsets, that the window contains the
// time, starts at local midnight (on a Monday for weekly cadences), is the
// window of its own start, and is followed directly by the next window.
func TestCadenceWindowTiles(t *testing.T) {
	t.Parallel()
	zones := []string{"UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Tokyo", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Chatham", "America/St_Johns"}
	for _, name := range zones {
		loc := zone(t, name)
		for _, c := range []Cadence{Daily, Weekly, Biweekly} {
			t.Run(name+"/"+c.String(), func(t *testing.T) {
				t.Parallel()
				checkTiles(t, c, loc, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
			})
		}
	}
}

func checkTiles(t *testing.T, c Cadence, loc *time.Location, from, to time.Time) {
	t.Helper()
	failures := 0
	fail := func(format string, args ...any) {
		t.Helper()
		t.Errorf(format, args...)
		failures++
	}
	for now := from; now.Before(to) && failures < 5; now = now.Add(time.Hour) {
		start, end := c.Window(now, loc)
		if now.Before(start) || !now.Before(end) {
			fail("%v.Window(%v, %v) = %v, %v: does not contain the time", c, now, loc, start, end)
			continue
		}
		if h, m, s := start.Clock(); h != 0 || m != 0 || s != 0 {
			fail("%v.Window(%v, %v) starts at %v, want local midnight", c, now, loc, start)
		}
		if c != Daily && start.Weekday() != time.Monday {
			fail("%v.Window(%v, %v) starts on %v, want Monday", c, now, loc, start.Weekday())
		}
		if c == Daily && (start.Weekday() == time.Saturday || start.Weekday() == time.Sunday) {
			fail("%v.Window(%v, %v) starts on %v, want a weekday", c, now, loc, start.Weekday())
		}
		if s2, e2 := c.Window(start, loc); !s2.Equal(start) || !e2.Equal(end) {
			fail("%v.Window(%v) = %v, %v, want the same window %v, %v", c, start, s2, e2, start, end)
		}
		if s3, _ := c.Window(end, loc); !s3.Equal(end) {
			fail("%v.Window(%v): next window starts %v, want %v (no gap or overlap)", c, end, s3, end)
		}
	}
}

// In a few zones midnight does not exist on the day clocks go forward:
// Chile and Cuba jump from 23:59:59 to 01:00. The window must still start
// at the first instant of the Monday (or Friday), not in the day before.
func TestCadenceWindowMissingMidnight(t *testing.T) {
	t.Parallel()
	tests := []struct {
		cadence    Cadence
		zone       string
		t          string
		start, end time.Time // UTC instants
	}{
		// Sunday 6 September 2026 starts at 01:00 in Santiago (-03 from
		// then on). The week began Monday 31 August 00:00 -04.
		{Weekly, "America/Santiago", "2026-09-06 12:00", time.Date(2026, 8, 31, 4, 0, 0, 0, time.UTC), time.Date(2026, 9, 7, 3, 0, 0, 0, time.UTC)},
		{Daily, "America/Santiago", "2026-09-06 12:00", time.Date(2026, 9, 4, 4, 0, 0, 0, time.UTC), time.Date(2026, 9, 7, 3, 0, 0, 0, time.UTC)},
		// Sunday 8 March 2026 starts at 01:00 in Havana.
		{Weekly, "America/Havana", "2026-03-08 12:00", time.Date(2026, 3, 2, 5, 0, 0, 0, time.UTC), time.Date(2026, 3, 9, 4, 0, 0, 0, time.UTC)},
		{Daily, "America/Havana", "2026-03-08 12:00", time.Date(2026, 3, 6, 5, 0, 0, 0, time.UTC), time.Date(2026, 3, 9, 4, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		loc := zone(t, tt.zone)
		now := at(t, tt.t, loc)
		start, end := tt.cadence.Window(now, loc)
		if !start.Equal(tt.start) || !end.Equal(tt.end) {
			t.Errorf("%v.Window(%v, %s) = %v, %v, want %v, %v", tt.cadence, now, tt.zone, start, end, tt.start.In(loc), tt.end.In(loc))
		}
	}
	for _, name := range []string{"America/Santiago", "America/Havana"} {
		for _, c := range []Cadence{Daily, Weekly, Biweekly} {
			loc := zone(t, name)
			from := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
			t.Run(name+"/"+c.String(), func(t *testing.T) {
				// Midnight may be missing: only containment and tiling.
				for now := from; now.Year() == 2026; now = now.Add(time.Hour) {
					start, end := c.Window(now, loc)
					if now.Before(start) || !now.Before(end) {
						t.Fatalf("%v.Window(%v, %v) = %v, %v: does not contain the time", c, now, loc, start, end)
					}
					if s3, _ := c.Window(end, loc); !s3.Equal(end) {
						t.Fatalf("%v.Window(%v): next window starts %v, want %v", c, end, s3, end)
					}
				}
			})
		}
	}
}

// Biweekly windows must tile the calendar before the 1970 anchor too.
func TestCadenceWindowBiweeklyBefore1970(t *testing.T) {
	t.Parallel()
	start, end := Biweekly.Window(time.Date(1969, 12, 30, 12, 0, 0, 0, time.UTC), time.UTC)
	wantStart, wantEnd := time.Date(1969, 12, 22, 0, 0, 0, 0, time.UTC), time.Date(1970, 1, 5, 0, 0, 0, 0, time.UTC)
	if !start.Equal(wantStart) || !end.Equal(wantEnd) {
		t.Errorf("Biweekly.Window(1969-12-30) = %v, %v, want %v, %v", start, end, wantStart, wantEnd)
	}
	checkTiles(t, Biweekly, time.UTC, time.Date(1969, 6, 1, 0, 0, 0, 0, time.UTC), time.Date(1970, 3, 1, 0, 0, 0, 0, time.UTC))
}

func TestParseInterval(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want Interval
	}{
		{"6 months", Interval{Months: 6}},
		{"1 month", Interval{Months: 1}},
		{"1 year", Interval{Years: 1}},
		{"2 years", Interval{Years: 2}},
		{"90 days", Interval{Days: 90}},
		{"1 day", Interval{Days: 1}},
		{"2 weeks", Interval{Days: 14}},
		{"1 week", Interval{Days: 7}},
		{"1 year 6 months", Interval{Years: 1, Months: 6}},
		{"1 year, 6 months", Interval{Years: 1, Months: 6}},
		{"1 week 2 days", Interval{Days: 9}},
		{"6 Months", Interval{Months: 6}},
		{"  3   MONTHS ", Interval{Months: 3}},
		{"1 yr", Interval{Years: 1}},
		{"3 mo", Interval{Months: 3}},
		{"2 wks", Interval{Days: 14}},
		{"0 days", Interval{}},
	}
	for _, tt := range tests {
		got, err := ParseInterval(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseInterval(%q) = %+v, %v, want %+v", tt.in, got, err, tt.want)
		}
	}
}

func TestParseIntervalErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		wantErr string
	}{
		{"", `want a number and a unit, e.g. "6 months"`},
		{"   ", `want a number and a unit, e.g. "6 months"`},
		{"6", `want a number and a unit, e.g. "6 months"`},
		{"months", `want a number and a unit, e.g. "6 months"`},
		{"1 year 6", `want a number and a unit, e.g. "6 months"`},
		{"six months", `"six" is not a whole number`},
		{"1.5 years", `"1.5" is not a whole number`},
		{"-1 days", `"-1" is not a whole number`},
		{"6 fortnights", `unknown unit "fortnights" (want days, weeks, months or years)`},
		{"often please", `"often" is not a whole number`},
		{"6 hours", `unknown unit "hours" (want days, weeks, months or years)`},
	}
	for _, tt := range tests {
		got, err := ParseInterval(tt.in)
		if err == nil {
			t.Errorf("ParseInterval(%q) = %+v, want error %q", tt.in, got, tt.wantErr)
			continue
		}
		if err.Error() != tt.wantErr {
			t.Errorf("ParseInterval(%q) error = %q, want %q", tt.in, err, tt.wantErr)
		}
	}
}

func TestInterval(t *testing.T) {
	t.Parallel()
	tests := []struct {
		iv     Interval
		str    string
		zero   bool
		after  string // from 2026-05-15
		reason string
	}{
		{Interval{}, "", true, "2026-05-15", ""},
		{Interval{Months: 6}, "6 months", false, "2026-11-15", ""},
		{Interval{Years: 1, Months: 6}, "1 year 6 months", false, "2027-11-15", ""},
		{Interval{Days: 1}, "1 day", false, "2026-05-16", ""},
		{Interval{Years: 2, Days: 14}, "2 years 14 days", false, "2028-05-29", ""},
	}
	from := day(t, "2026-05-15", time.UTC)
	for _, tt := range tests {
		if got := tt.iv.String(); got != tt.str {
			t.Errorf("%+v.String() = %q, want %q", tt.iv, got, tt.str)
		}
		if got := tt.iv.IsZero(); got != tt.zero {
			t.Errorf("%+v.IsZero() = %v, want %v", tt.iv, got, tt.zero)
		}
		if got, want := tt.iv.After(from), day(t, tt.after, time.UTC); !got.Equal(want) {
			t.Errorf("%+v.After(2026-05-15) = %v, want %v", tt.iv, got, want)
		}
		if tt.str != "" {
			back, err := ParseInterval(tt.str)
			if err != nil || back != tt.iv {
				t.Errorf("ParseInterval(%q) = %+v, %v, want %+v", tt.str, back, err, tt.iv)
			}
		}
	}
}

func TestParsePeriod(t *testing.T) {
	t.Parallel()
	berlin := zone(t, "Europe/Berlin")
	tests := []struct {
		in, name   string
		start, end string
	}{
		{"2026", "2026", "2026-01-01", "2027-01-01"},
		{"2026-H1", "2026-H1", "2026-01-01", "2026-07-01"},
		{"2026-H2", "2026-H2", "2026-07-01", "2027-01-01"},
		{"2026-Q1", "2026-Q1", "2026-01-01", "2026-04-01"},
		{"2026-Q2", "2026-Q2", "2026-04-01", "2026-07-01"},
		{"2026-Q3", "2026-Q3", "2026-07-01", "2026-10-01"},
		{"2026-Q4", "2026-Q4", "2026-10-01", "2027-01-01"},
		{"2026-q4", "2026-Q4", "2026-10-01", "2027-01-01"},
		{" 2026-h2 ", "2026-H2", "2026-07-01", "2027-01-01"},
		{"2026-01", "2026-01", "2026-01-01", "2026-02-01"},
		{"2026-02", "2026-02", "2026-02-01", "2026-03-01"},
		{"2026-11", "2026-11", "2026-11-01", "2026-12-01"},
		{"2026-12", "2026-12", "2026-12-01", "2027-01-01"},
		{"1900", "1900", "1900-01-01", "1901-01-01"},
	}
	for _, loc := range []*time.Location{time.UTC, berlin} {
		for _, tt := range tests {
			got, err := ParsePeriod(tt.in, loc)
			if err != nil {
				t.Errorf("ParsePeriod(%q, %v) error %v", tt.in, loc, err)
				continue
			}
			want := Period{Name: tt.name, Start: day(t, tt.start, loc), End: day(t, tt.end, loc)}
			if got.Name != want.Name || !got.Start.Equal(want.Start) || !got.End.Equal(want.End) {
				t.Errorf("ParsePeriod(%q, %v) = %v %v..%v, want %v %v..%v", tt.in, loc, got.Name, got.Start, got.End, want.Name, want.Start, want.End)
			}
			if got.Start.Location() != loc {
				t.Errorf("ParsePeriod(%q, %v).Start in %v, want %v", tt.in, loc, got.Start.Location(), loc)
			}
		}
	}
}

func TestParsePeriodErrors(t *testing.T) {
	t.Parallel()
	const want = "want a period such as 2026, 2026-H2, 2026-Q4 or 2026-11"
	for _, in := range []string{
		"", "26", "abcd", "1899", "10000", "2026-", "2026-Q", "2026-Q0", "2026-Q5", "2026-H0", "2026-H3",
		"2026-00", "2026-13", "2026-1", "2026-011", "2026Q4", "2026-Q4x", "2026/Q4", "2026 Q4", "Q4-2026",
		"2026-X1", "2026-1a",
	} {
		got, err := ParsePeriod(in, time.UTC)
		if err == nil {
			t.Errorf("ParsePeriod(%q) = %+v, want error", in, got)
			continue
		}
		if err.Error() != want {
			t.Errorf("ParsePeriod(%q) error = %q, want %q", in, err, want)
		}
	}
}

func TestParsePeriodSignedMonth(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"2026-+1", "2026-+9"} {
		if got, err := ParsePeriod(in, time.UTC); err == nil {
			t.Errorf("ParsePeriod(%q) = %+v, want error", in, got)
		}
	}
}

func TestPeriodContains(t *testing.T) {
	t.Parallel()
	p, err := ParsePeriod("2026-Q4", time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		t    time.Time
		want bool
	}{
		{at(t, "2026-09-30 23:59", time.UTC), false},
		{at(t, "2026-10-01 00:00", time.UTC), true},
		{at(t, "2026-11-25 12:00", time.UTC), true},
		{at(t, "2026-12-31 23:59", time.UTC), true},
		{at(t, "2027-01-01 00:00", time.UTC), false},
	}
	for _, tt := range tests {
		if got := p.Contains(tt.t); got != tt.want {
			t.Errorf("Period(2026-Q4).Contains(%v) = %v, want %v", tt.t, got, tt.want)
		}
	}
	if (Period{}).Contains(at(t, "2026-11-25 12:00", time.UTC)) {
		t.Errorf("zero Period.Contains(2026-11-25) = true, want false")
	}
}

func TestSpan(t *testing.T) {
	t.Parallel()
	utc := time.UTC
	// Away Monday 23 to Friday 27 November, both days included.
	s := Span{From: day(t, "2026-11-23", utc), To: day(t, "2026-11-27", utc)}

	contains := []struct {
		t    time.Time
		want bool
	}{
		{at(t, "2026-11-22 23:59", utc), false},
		{at(t, "2026-11-23 00:00", utc), true},
		{at(t, "2026-11-25 12:00", utc), true},
		{at(t, "2026-11-27 23:59", utc), true}, // the last day is included
		{at(t, "2026-11-28 00:00", utc), false},
	}
	for _, tt := range contains {
		if got := s.Contains(tt.t); got != tt.want {
			t.Errorf("Span(11-23..11-27).Contains(%v) = %v, want %v", tt.t, got, tt.want)
		}
	}

	ranges := []struct {
		start, end       string
		covers, overlaps bool
	}{
		{"2026-11-23", "2026-11-28", true, true},   // exactly the span
		{"2026-11-24", "2026-11-25", true, true},   // inside
		{"2026-11-23", "2026-11-30", false, true},  // a week: the weekend is not covered
		{"2026-11-22", "2026-11-28", false, true},  // starts a day early
		{"2026-11-16", "2026-11-23", false, false}, // the week before, ending as the span starts
		{"2026-11-28", "2026-11-30", false, false}, // the weekend after
		{"2026-11-27", "2026-11-28", true, true},   // the last day
	}
	for _, tt := range ranges {
		start, end := day(t, tt.start, utc), day(t, tt.end, utc)
		if got := s.Covers(start, end); got != tt.covers {
			t.Errorf("Span(11-23..11-27).Covers(%s, %s) = %v, want %v", tt.start, tt.end, got, tt.covers)
		}
		if got := s.Overlaps(start, end); got != tt.overlaps {
			t.Errorf("Span(11-23..11-27).Overlaps(%s, %s) = %v, want %v", tt.start, tt.end, got, tt.overlaps)
		}
	}

	// A one-day span.
	one := Span{From: day(t, "2026-11-25", utc), To: day(t, "2026-11-25", utc)}
	if !one.Contains(at(t, "2026-11-25 18:00", utc)) || one.Contains(at(t, "2026-11-26 00:00", utc)) {
		t.Errorf("one-day Span(11-25).Contains is wrong at the day's edges")
	}
	if !one.Covers(day(t, "2026-11-25", utc), day(t, "2026-11-26", utc)) {
		t.Errorf("one-day Span(11-25).Covers(11-25, 11-26) = false, want true")
	}
}

func TestParseHours(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want Hours
		str  string
	}{
		{"09:00-17:00", Hours{Start: 540, End: 1020, Set: true}, "09:00–17:00"},
		{"9:00-17:30", Hours{Start: 540, End: 1050, Set: true}, "09:00–17:30"},
		{"09:00 - 17:00", Hours{Start: 540, End: 1020, Set: true}, "09:00–17:00"},
		{"22:00-06:00", Hours{Start: 1320, End: 360, Set: true}, "22:00–06:00"}, // across midnight
		{"00:00-24:00", Hours{Start: 0, End: 1440, Set: true}, "00:00–24:00"},
		{"08:05-12:59", Hours{Start: 485, End: 779, Set: true}, "08:05–12:59"},
	}
	for _, tt := range tests {
		got, err := ParseHours(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseHours(%q) = %+v, %v, want %+v", tt.in, got, err, tt.want)
			continue
		}
		if s := got.String(); s != tt.str {
			t.Errorf("ParseHours(%q).String() = %q, want %q", tt.in, s, tt.str)
		}
	}
	if s := (Hours{}).String(); s != "" {
		t.Errorf("Hours{}.String() = %q, want \"\"", s)
	}
}

func TestParseHoursErrors(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		"", "09:00", "nine to five", "9-5", "09-17", "09:00-", "-17:00", "25:00-26:00", "09:60-10:00",
		"24:30-08:00", "-1:00-08:00", "09:00-09:00", "09:00-17:00-18:00", "9h-17h",
	} {
		if got, err := ParseHours(in); err == nil {
			t.Errorf("ParseHours(%q) = %+v, want error", in, got)
		} else if err.Error() != `want hours such as "09:00-17:00"` {
			t.Errorf("ParseHours(%q) error = %q, want %q", in, err, `want hours such as "09:00-17:00"`)
		}
	}
}
