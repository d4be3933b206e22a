package site

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Week is an ISO 8601 week: weeks start on Monday, and week 1 is the week
// with the year's first Thursday.
type Week struct {
	Year, Number int
}

// WeekOf returns the ISO week that t falls in, in loc.
func WeekOf(t time.Time, loc *time.Location) Week {
	y, n := t.In(loc).ISOWeek()
	return Week{Year: y, Number: n}
}

// WeekOfDay returns the ISO week of a calendar day as Day returns it.
func WeekOfDay(day time.Time) Week {
	y, n := day.ISOWeek()
	return Week{Year: y, Number: n}
}

// String returns the week as ISO 8601 writes it: "2026-W47".
func (w Week) String() string { return fmt.Sprintf("%04d-W%02d", w.Year, w.Number) }

// Start returns the week's Monday at midnight in loc.
func (w Week) Start(loc *time.Location) time.Time {
	jan4 := time.Date(w.Year, time.January, 4, 0, 0, 0, 0, loc)
	monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
	return monday.AddDate(0, 0, 7*(w.Number-1))
}

// End returns the next week's Monday at midnight in loc.
func (w Week) End(loc *time.Location) time.Time { return w.Start(loc).AddDate(0, 0, 7) }

// Next returns the week after w.
func (w Week) Next() Week { return WeekOf(w.Start(time.UTC).AddDate(0, 0, 7), time.UTC) }

// Prev returns the week before w.
func (w Week) Prev() Week { return WeekOf(w.Start(time.UTC).AddDate(0, 0, -7), time.UTC) }

// Before reports whether w is earlier than v.
func (w Week) Before(v Week) bool {
	return w.Year < v.Year || w.Year == v.Year && w.Number < v.Number
}

// ParseWeek parses "2026-W47".
func ParseWeek(s string) (Week, error) {
	y, n, ok := strings.Cut(strings.ToUpper(s), "-W")
	year, err1 := strconv.Atoi(y)
	num, err2 := strconv.Atoi(n)
	if !ok || err1 != nil || err2 != nil || len(y) != 4 || num < 1 || num > 53 {
		return Week{}, fmt.Errorf("want an ISO week such as 2026-W47, got %q", s)
	}
	w := Week{Year: year, Number: num}
	if WeekOf(w.Start(time.UTC), time.UTC) != w {
		return Week{}, fmt.Errorf("%d has no week %d", year, num)
	}
	return w, nil
}
