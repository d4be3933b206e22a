package site

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Cadence is how often a team checks in.
type Cadence uint8

// The check-in cadences.
const (
	Inherit Cadence = iota // a team without a cadence uses the site's
	Daily
	Weekly
	Biweekly
)

// Cadences lists the valid cadences, as front matter writes them.
var Cadences = []string{"daily", "weekly", "biweekly"}

// ParseCadence parses "daily", "weekly" or "biweekly".
func ParseCadence(s string) (Cadence, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "daily":
		return Daily, true
	case "weekly":
		return Weekly, true
	case "biweekly", "fortnightly":
		return Biweekly, true
	}
	return 0, false
}

func (c Cadence) String() string {
	switch c {
	case Daily:
		return "daily"
	case Weekly:
		return "weekly"
	case Biweekly:
		return "biweekly"
	}
	return ""
}

// Window returns the check-in window [start, end) that contains t, in loc.
// Weekly windows are ISO weeks (Monday to Monday); biweekly windows are
// pairs of ISO weeks counted from the first Monday of 1970; daily windows
// are calendar days, and a weekend belongs to the Friday before it.
// Inherit counts as weekly.
func (c Cadence) Window(t time.Time, loc *time.Location) (start, end time.Time) {
	// Count in calendar days, then find where each day starts in loc.
	y, m, d := t.In(loc).Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	from, to := day, day.AddDate(0, 0, 1)
	switch c {
	case Daily:
		switch day.Weekday() {
		case time.Saturday:
			from = day.AddDate(0, 0, -1)
		case time.Sunday:
			from = day.AddDate(0, 0, -2)
		}
		to = from.AddDate(0, 0, 1)
		if from.Weekday() == time.Friday {
			to = from.AddDate(0, 0, 3)
		}
	case Biweekly:
		from = day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
		if weeksSinceEpoch(from)%2 != 0 {
			from = from.AddDate(0, 0, -7)
		}
		to = from.AddDate(0, 0, 14)
	default:
		from = day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
		to = from.AddDate(0, 0, 7)
	}
	return StartOfDay(from, loc), StartOfDay(to, loc)
}

// StartOfDay returns the first instant of a calendar day (given as
// midnight UTC, as Day returns it) in loc. Where a clock change skips
// midnight (America/Santiago in September), the day starts at the first
// time that exists.
func StartOfDay(day time.Time, loc *time.Location) time.Time {
	y, m, d := day.Date()
	t := time.Date(y, m, d, 0, 0, 0, 0, loc)
	for i := 0; i < 8 && t.Day() != d; i++ {
		t = t.Add(30 * time.Minute)
	}
	return t
}

// weeksSinceEpoch counts whole weeks from Monday 1970-01-05 to monday,
// using calendar dates so that daylight-saving changes do not matter;
// weeks before it count down from -1.
func weeksSinceEpoch(monday time.Time) int {
	y, m, d := monday.Date()
	days := int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(time.Date(1970, 1, 5, 0, 0, 0, 0, time.UTC)).Hours() / 24)
	w := days / 7
	if days < 0 && days%7 != 0 {
		w--
	}
	return w
}

// Interval is a calendar interval such as "6 months" or "1 year".
type Interval struct {
	Years, Months, Days int
}

// IsZero reports whether i is empty.
func (i Interval) IsZero() bool { return i == Interval{} }

// After returns t plus the interval.
// A month after 31 August is the end of September, not 1 October: the
// day is clamped to the target month's length before Days are added.
func (i Interval) After(t time.Time) time.Time {
	y, m, d := t.Date()
	first := time.Date(y+i.Years, m+time.Month(i.Months), 1, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
	last := first.AddDate(0, 1, -1).Day()
	return first.AddDate(0, 0, min(d, last)-1+i.Days)
}

func (i Interval) String() string {
	var parts []string
	add := func(n int, unit string) {
		if n == 0 {
			return
		}
		if n != 1 {
			unit += "s"
		}
		parts = append(parts, fmt.Sprintf("%d %s", n, unit))
	}
	add(i.Years, "year")
	add(i.Months, "month")
	add(i.Days, "day")
	return strings.Join(parts, " ")
}

// ParseInterval parses "6 months", "1 year", "90 days", "2 weeks", or a
// combination such as "1 year 6 months".
func ParseInterval(s string) (Interval, error) {
	var iv Interval
	fields := strings.Fields(strings.ToLower(strings.ReplaceAll(s, ",", " ")))
	if len(fields) == 0 || len(fields)%2 != 0 {
		return iv, fmt.Errorf("want a number and a unit, e.g. \"6 months\"")
	}
	for i := 0; i < len(fields); i += 2 {
		n, err := strconv.Atoi(fields[i])
		if err != nil || n < 0 || n > 100000 {
			return iv, fmt.Errorf("%q is not a whole number", fields[i])
		}
		switch strings.TrimSuffix(fields[i+1], "s") {
		case "year", "yr", "y":
			iv.Years += n
		case "month", "mo":
			iv.Months += n
		case "week", "wk", "w":
			iv.Days += 7 * n
		case "day", "d":
			iv.Days += n
		default:
			return iv, fmt.Errorf("unknown unit %q (want days, weeks, months or years)", fields[i+1])
		}
	}
	return iv, nil
}

// Period is the time an objective covers: a year ("2026"), a half
// ("2026-H2"), a quarter ("2026-Q4") or a month ("2026-11").
type Period struct {
	Name       string // as written, normalised to upper case: "2026-Q4"
	Start, End time.Time
}

// Contains reports whether t falls in the period.
func (p Period) Contains(t time.Time) bool {
	return !t.Before(p.Start) && t.Before(p.End)
}

// ParsePeriod parses a period name; dates are in loc.
func ParsePeriod(s string, loc *time.Location) (Period, error) {
	name := strings.ToUpper(strings.TrimSpace(s))
	bad := fmt.Errorf("want a period such as 2026, 2026-H2, 2026-Q4 or 2026-11")
	if len(name) < 4 {
		return Period{}, bad
	}
	year, err := strconv.Atoi(name[:4])
	if err != nil || year < 1900 || year > 9999 {
		return Period{}, bad
	}
	start := func(month int) time.Time { return time.Date(year, time.Month(month), 1, 0, 0, 0, 0, loc) }
	rest := name[4:]
	var from time.Time
	var months int
	switch {
	case rest == "":
		from, months = start(1), 12
	case len(rest) == 3 && rest[0] == '-' && rest[1] == 'H' && (rest[2] == '1' || rest[2] == '2'):
		from, months = start(1+6*int(rest[2]-'1')), 6
	case len(rest) == 3 && rest[0] == '-' && rest[1] == 'Q' && rest[2] >= '1' && rest[2] <= '4':
		from, months = start(1+3*int(rest[2]-'1')), 3
	case len(rest) == 3 && rest[0] == '-' && isDigit(rest[1]) && isDigit(rest[2]):
		m, err := strconv.Atoi(rest[1:])
		if err != nil || m < 1 || m > 12 {
			return Period{}, bad
		}
		from, months = start(m), 1
	default:
		return Period{}, bad
	}
	return Period{Name: name, Start: from, End: from.AddDate(0, months, 0)}, nil
}

// Span is a period of days, both ends included: an away period.
type Span struct {
	From, To time.Time // To is the last day, at midnight
}

// Contains reports whether t falls on a day of the span.
func (s Span) Contains(t time.Time) bool {
	return !t.Before(s.From) && t.Before(s.To.AddDate(0, 0, 1))
}

// Overlaps reports whether the span shares any time with [start, end).
func (s Span) Overlaps(start, end time.Time) bool {
	return s.From.Before(end) && start.Before(s.To.AddDate(0, 0, 1))
}

// Covers reports whether the span covers all of [start, end).
func (s Span) Covers(start, end time.Time) bool {
	return !s.From.After(start) && !s.To.AddDate(0, 0, 1).Before(end)
}

// Hours are a person's local working hours, in minutes after midnight.
type Hours struct {
	Start, End int // End may be less than Start for hours across midnight
	Set        bool
}

// ParseHours parses "09:00-17:00".
func ParseHours(s string) (Hours, error) {
	// Hours.String writes an en dash; read it back.
	s = strings.NewReplacer(" ", "", "–", "-", "—", "-").Replace(s)
	from, to, ok := strings.Cut(s, "-")
	if !ok {
		return Hours{}, fmt.Errorf("want hours such as \"09:00-17:00\"")
	}
	a, err1 := parseClock(from)
	b, err2 := parseClock(to)
	if err1 != nil || err2 != nil || a == b {
		return Hours{}, fmt.Errorf("want hours such as \"09:00-17:00\"")
	}
	return Hours{Start: a, End: b, Set: true}, nil
}

func parseClock(s string) (int, error) {
	h, m, ok := strings.Cut(s, ":")
	if !ok {
		return 0, fmt.Errorf("bad time")
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hh < 0 || hh > 24 || mm < 0 || mm > 59 || (hh == 24 && mm != 0) {
		return 0, fmt.Errorf("bad time")
	}
	return hh*60 + mm, nil
}

func (h Hours) String() string {
	if !h.Set {
		return ""
	}
	return fmt.Sprintf("%02d:%02d–%02d:%02d", h.Start/60, h.Start%60, h.End/60, h.End%60)
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }
